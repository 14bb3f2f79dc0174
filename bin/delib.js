#!/usr/bin/env node
// Launcher. `npm run build` (run by `npm ci` through the `prepare` script) compiles src/ and
// bundles it into dist/bundle/delib.cjs (scripts/bundle.mjs); scripts/build-code-cache.mjs then
// records V8's compiled code for it in delib.cjs.cache, so that a run skips parsing and
// compiling most of delib. The cache starts with the SHA-256 of the script it was made from
// (V8 itself compares only lengths): a cache for another script is not used, and one V8
// refuses (another Node version, other flags) only costs that time back.
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const bundle = fileURLToPath(new URL("../dist/bundle/delib.cjs", import.meta.url));
const cacheFile = `${bundle}.cache`;

let source;
try {
  source = readFileSync(bundle, "utf8");
} catch {
  process.stderr.write(`delib is not built (${bundle} is missing): run \`npm ci\` or \`npm run build\` in ${fileURLToPath(new URL("..", import.meta.url))}\n`);
  process.exit(4);
}
const digest = createHash("sha256").update(source).digest();
let cachedData;
let cacheState = "missing";
try {
  const cache = readFileSync(cacheFile);
  cacheState = cache.subarray(0, digest.length).equals(digest) ? "found" : "stale";
  if (cacheState === "found") cachedData = cache.subarray(digest.length);
} catch {
  // No cache yet: compile from source.
}
// The same wrapper as Node's own CommonJS loader, on the first line so line numbers hold.
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
if (cachedData) cacheState = script.cachedDataRejected ? "rejected" : "accepted";
if (process.env.DELIB_DEBUG_CODE_CACHE === "1") process.stderr.write(`code cache: ${cacheState}\n`);
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
process.exitCode = await module.exports.main(process.argv);

if (process.env.DELIB_WRITE_CODE_CACHE === "1") {
  // After the run, so the cache holds every function it compiled, not only the top level.
  const partial = `${cacheFile}.${process.pid}`;
  writeFileSync(partial, Buffer.concat([digest, script.createCachedData()]));
  renameSync(partial, cacheFile);
}
