// Loads a generated CommonJS module (the precompiled schema validators and templates) through
// V8's code cache, as bin/delib.js loads the CLI's bundle: Node 20 caches no code for a plain
// `require`, and compiling the validator of the session schema cost some 15 ms of every run.
// The cache sits beside the module (`session.cjs.cache`), recorded by scripts/build-code-cache.mjs
// at build time, and begins with the SHA-256 of the source it was made from: a cache for another
// source is not used, and one V8 refuses only costs that time back.
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import vm from "node:vm";

const recorded: { script: vm.Script; cacheFile: string; digest: Buffer }[] = [];

/** `require(path)` for a generated module, through its code cache when one matches. */
export function requireCached(path: string): unknown {
  const source = readFileSync(path, "utf8");
  const digest = createHash("sha256").update(source).digest();
  const cacheFile = `${path}.cache`;
  let cachedData: Buffer | undefined;
  try {
    const cache = readFileSync(cacheFile);
    if (cache.subarray(0, digest.length).equals(digest)) cachedData = cache.subarray(digest.length);
  } catch {
    // No cache yet: compiled from source.
  }
  // The same wrapper as Node's CommonJS loader, on the first line so line numbers hold.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: path, cachedData });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(path), module, path, dirname(path));
  if (process.env.DELIB_WRITE_CODE_CACHE === "1") {
    // After the run, so the cache holds every function the run compiled, not only the top level.
    if (recorded.length === 0) process.once("exit", writeCaches);
    recorded.push({ script, cacheFile, digest });
  }
  return module.exports;
}

function writeCaches(): void {
  for (const { script, cacheFile, digest } of recorded) {
    const partial = `${cacheFile}.${process.pid}`;
    writeFileSync(partial, Buffer.concat([digest, script.createCachedData()]));
    renameSync(partial, cacheFile);
  }
}
