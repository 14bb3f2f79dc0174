// The fuzz harness itself (fuzz/): its inputs are reproducible from the seed and the index,
// each level of mutation changes them, and each property it checks does catch what it is
// meant to catch, on real files run through the real commands' entry points.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { msg } from "../../src/diagnostics/message.js";
import { generate, mutations, type Level } from "../../fuzz/mutate.js";
import { checkInput, failureClass, locationFailures, prepareRegister } from "../../fuzz/properties.js";
import { randomFor } from "../../fuzz/random.js";
import { buildDictionary, loadSeeds } from "../../fuzz/seeds.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const seeds = loadSeeds(root);
const dictionary = buildDictionary(root, seeds);
const example = seeds.find((s) => s.path === "examples/mirabel-les-vignes/2021-02-23.yaml")!;

describe("the inputs", () => {
  it("start from the examples and every fixture", () => {
    const paths = seeds.map((s) => s.path);
    expect(paths).toContain("examples/mirabel-les-vignes/2021-02-23.yaml");
    expect(paths).toContain("test/fixtures/valid/two-proxies-sanitary-regime.yaml");
    expect(paths.some((p) => p.startsWith("test/fixtures/records/"))).toBe(true);
    expect(paths.some((p) => p.endsWith("delib.config.yaml"))).toBe(false);
  });

  it("are the same bytes for the same seed and index, and differ from one index to the next", () => {
    const again = (index: number) => generate(7, index, seeds, dictionary);
    for (const index of [0, 1, 41, 99_999]) {
      const [a, b] = [again(index), again(index)];
      expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
      expect(b.steps).toEqual(a.steps);
      expect(b.seed.path).toBe(a.seed.path);
    }
    const distinct = new Set(Array.from({ length: 20 }, (_, i) => Buffer.from(again(i).bytes).toString("base64")));
    expect(distinct.size).toBeGreaterThan(15);
  });

  it("are changed by every level of mutation", () => {
    for (const level of ["byte", "line", "yaml", "structure"] as Level[]) {
      let changed = 0;
      for (const [name, mutate] of mutations[level]) {
        for (let i = 0; i < 20; i++) {
          let done: ReturnType<typeof mutate>;
          try {
            done = mutate(example.bytes, randomFor(1, i), { seeds, dictionary });
          } catch {
            continue; // what the yaml package refuses to write is drawn again (generate)
          }
          if (done && !Buffer.from(done.bytes).equals(Buffer.from(example.bytes))) {
            changed++;
            break;
          }
          if (i === 19) throw new Error(`${level}:${name} never changed the example`);
        }
      }
      expect(changed).toBe(mutations[level].length);
    }
  });
});

describe("the properties", () => {
  const scratch = mkdtempSync(join(tmpdir(), "delib-fuzz-test-"));

  it("hold on every seed: the examples and fixtures as they are", async () => {
    for (const seed of seeds.filter((s) => s.path.startsWith("examples/") || s.path.startsWith("test/fixtures/valid/"))) {
      const verdict = await checkInput(seed.bytes, prepareRegister(root, seed, scratch), { timeLimit: 30_000 });
      expect(verdict.failures, seed.path).toEqual([]);
    }
  });

  it("catch a build that fails on a file validate finds clean", async () => {
    // A register whose own template names a field the session does not have: validate cannot
    // know, build fails. The harness must call it a disagreement, not pass it over.
    const register = prepareRegister(root, { path: "register/2021-02-23.yaml", register: [] }, scratch);
    writeFileSync(join(register.dir, "delib.config.yaml"), "format: 1\ntemplates: templates\n");
    cpSync(join(root, "templates", "default"), join(register.dir, "templates"), { recursive: true });
    const extract = join(register.dir, "templates", "extract.hbs");
    writeFileSync(extract, `${readFileSync(extract, "utf8")}{{no_such_field}}`);
    const verdict = await checkInput(example.bytes, register, { timeLimit: 30_000 });
    expect(verdict.clean).toBe(true);
    expect(verdict.failures.map((f) => `${f.kind} ${f.stage}`)).toContain("disagreement build");
  });

  it("catch an input over the time limit", async () => {
    // Every input is over a negative limit, however fast the machine: the time is measured and compared.
    const verdict = await checkInput(example.bytes, prepareRegister(root, example, scratch), { timeLimit: -1 });
    expect(verdict.failures.map((f) => f.kind)).toEqual(["slow"]);
  });

  it("catch a diagnostic without a location, one outside its file, and a JavaScript error in disguise", () => {
    const file = { path: "s.yaml", text: "format: 1\n" };
    const failures = locationFailures(
      [
        { severity: "error", code: "DLB3008", message: msg("DLB3008.related"), hints: [], related: [] },
        { severity: "error", code: "DLB2003", message: msg("DLB3008.related"), hints: [], related: [], span: { file, start: 10, end: 11 } },
        { severity: "error", code: "DLB1002", message: msg("raw", { text: "Maximum call stack size exceeded" }), hints: [], related: [], span: { file, start: 0, end: 1 } },
        { severity: "error", code: "DLB4001", message: msg("DLB3008.related"), hints: [], related: [] },
        { severity: "error", code: "DLB3001", message: msg("DLB3008.related"), hints: [], related: [], span: { file, start: 0, end: 6 } },
      ],
      "validate",
    );
    expect(failures.map((f) => `${f.kind} ${f.code}`)).toEqual(["unlocated DLB3008", "unlocated DLB2003", "internal DLB1002"]);
  });

  it("group failures by what broke, not by the values of the input", () => {
    const at = (message: string, line: number) => ({
      kind: "disagreement" as const,
      stage: "build" as const,
      code: "RangeError",
      message,
      stack: `RangeError: ${message}\n    at frenchDate (/x/src/render/french-dates.ts:${line}:3)\n    at y (/x/node_modules/z.js:1:1)`,
    });
    expect(failureClass(at('expected a valid date, got "0000-03-26"', 10))).toBe(failureClass(at('expected a valid date, got "0000-10-17"', 12)));
    expect(failureClass(at("expected a valid date", 10))).toContain("src/render/french-dates.ts");
  });
});
