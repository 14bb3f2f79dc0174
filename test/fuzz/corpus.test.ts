// The regression corpus of the fuzzer: every input `npm run fuzz` ever found to break a
// property (test/fixtures/fuzz/, minimized, with a header saying which seed file's register it
// is checked in, how it was found and what failed). Each must now hold, as every input must:
// validate, explain and build (HTML) fail inside on none; validate clean means explain and
// build succeed; every diagnostic is located; none is over the time limit.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkInput, prepareRegister } from "../../fuzz/properties.js";
import { readCorpusHeader } from "../../fuzz/run.js";
import { loadSeeds } from "../../fuzz/seeds.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const corpus = join(root, "test", "fixtures", "fuzz");
const files = readdirSync(corpus).filter((f) => f.endsWith(".yaml")).sort();
const seeds = loadSeeds(root);

describe("the fuzz corpus", () => {
  const scratch = mkdtempSync(join(tmpdir(), "delib-fuzz-corpus-"));

  it("is not empty", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)("%s holds", async (file) => {
    const bytes = new Uint8Array(readFileSync(join(corpus, file)));
    const { seedFile } = readCorpusHeader(bytes);
    // Checked in the register of the seed it was made from (its configuration and other sittings).
    const seed = seeds.find((s) => s.path === seedFile) ?? { path: seedFile ?? file, register: [] };
    const verdict = await checkInput(bytes, prepareRegister(root, seed, join(scratch, file)), { timeLimit: 10_000 });
    expect(verdict.failures.map((f) => `${f.kind} ${f.stage} ${f.code}: ${f.message}`)).toEqual([]);
  });
});
