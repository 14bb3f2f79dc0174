// The generated modules (schema validators, templates) load through V8's code cache: a cache
// recorded for the same source is used, anything else only costs the compile time back.
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { requireCached } from "../../src/source/cached-require.js";

function module(source: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "delib-cached-")), "generated.cjs");
  writeFileSync(path, source);
  return path;
}

const source = 'const { join } = require("node:path"); module.exports = { answer: 42, joined: join("a", "b"), file: __filename };\n';

describe("requireCached", () => {
  it("loads a CommonJS module as require would: exports, require, __filename", () => {
    const path = module(source);
    expect(requireCached(path)).toEqual({ answer: 42, joined: "a/b", file: path });
  });

  it("uses a cache made for the same source, and ignores one made for another, or a broken one", () => {
    const path = module(source);
    const digest = createHash("sha256").update(source).digest();
    const wrapped = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: path });
    // The right cache.
    writeFileSync(`${path}.cache`, Buffer.concat([digest, wrapped.createCachedData()]));
    expect(requireCached(path)).toMatchObject({ answer: 42 });
    // A cache for another source: not used.
    writeFileSync(`${path}.cache`, Buffer.concat([createHash("sha256").update("other").digest(), wrapped.createCachedData()]));
    expect(requireCached(path)).toMatchObject({ answer: 42 });
    // The right digest, but data V8 refuses: compiled from source all the same.
    writeFileSync(`${path}.cache`, Buffer.concat([digest, Buffer.from("not a code cache")]));
    expect(requireCached(path)).toMatchObject({ answer: 42 });
  });
});
