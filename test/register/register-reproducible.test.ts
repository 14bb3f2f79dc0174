// The register is reproducible (issue 14): the same sittings give the same bytes, whatever order
// Chromium happened to number the tagged structure's IDs in — in the body and in the tables.
import { join } from "node:path";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrinter, type LargePrinter, type Printer } from "../../src/browser/print-pdfs.js";
import { checkFile } from "../../src/check.js";
import { loadConfigSync } from "../../src/config/load-config.js";
import { assembleRegister, readPrinted, type RegisterPlan } from "../../src/register/assemble-register.js";
import { buildRegister, registerDate, type RegisterOptions } from "../../src/register/build-register.js";
import { sittingsOfYear, type Sitting } from "../../src/register/register-sittings.js";
import { chromiumForTests } from "../browser/pdf-tools.js";
import { en } from "../support/english.js";
import { body, writeRegister } from "./register-fixture.js";

const TIMEOUT = 240_000;
const RUNS = 3;

/**
 * `pdf` with its structure IDs `(nodeNNNNNNNN)` numbered otherwise, consistently (the largest
 * first), and each ID tree leaf sorted again by the new names: what Chromium prints when its DOM
 * nodes were numbered in another order. Same length, so every offset stays right.
 */
function renumberedIds(pdf: Uint8Array): Buffer {
  const text = Buffer.from(pdf).toString("latin1");
  const ids = [...new Set(text.match(/\(node\d{8}\)/g) ?? [])].sort();
  const to = new Map(ids.map((id, i) => [id, ids[ids.length - 1 - i]!]));
  const swapped = text
    .replace(/\(node\d{8}\)/g, (id) => to.get(id)!)
    .replace(/(\/Limits \[\(node\d{8}\) \(node\d{8}\)\]\s*)?\/Names \[((?:\(node\d{8}\) \d+ \d+ R ?)+)\]/g, (_all, limits: string | undefined, pairs: string) => {
      const entries = [...pairs.matchAll(/(\(node\d{8}\)) (\d+ \d+ R)/g)].map((m) => [m[1]!, m[2]!] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const head = limits ? `/Limits [${entries[0]![0]} ${entries[entries.length - 1]![0]}]${limits.slice(limits.indexOf("]") + 1)}` : "";
      return `${head}/Names [${entries.map(([name, ref]) => `${name} ${ref}`).join(" ")}]`;
    });
  expect(swapped.length).toBe(text.length);
  return Buffer.from(swapped, "latin1");
}

describe("the register's bytes do not depend on the run", { timeout: TIMEOUT }, () => {
  let dir: string;
  const registers: Buffer[] = [];
  /** The last run's body and tables as Chromium printed them (the assembler changes its input in place), and a plan to join them. */
  let printedBody: Buffer;
  let printedTables: Buffer;
  let plan: RegisterPlan;

  beforeAll(async () => {
    dir = writeRegister();
    const checked = ["seances/b-fevrier.yaml", "seances/a-septembre.yaml", "seances/c-mars-2022.yaml"].map((f) => checkFile(join(dir, f), dir));
    const config = loadConfigSync(join(dir, "delib.config.yaml"));
    const sittings: Sitting[] = sittingsOfYear(checked.map((c) => ({ path: c.path, outcome: c.outcome!, config: config.value! })), "2021");
    const started = await startPrinter({ flag: chromiumForTests(), env: process.env });
    if ("problem" in started) throw new Error(en(started.problem.message));
    const printer: Printer & LargePrinter = started;
    try {
      for (let run = 0; run < RUNS; run++) {
        const jobs: Buffer[] = [];
        const print: RegisterOptions["print"] = async (job) => {
          const bytes = await printer.printLarge(job);
          jobs.push(Buffer.from(bytes));
          return bytes;
        };
        const result = await buildRegister(sittings, { identity: { body, year: "2021" }, date: registerDate(sittings, {}), print });
        expect(result.diagnostics).toEqual([]);
        registers.push(Buffer.from(result.value!.pdf));
        // Printed in order: the tables once, the body, the tables with their true pages.
        printedBody = jobs[jobs.length - 2]!;
        printedTables = jobs[jobs.length - 1]!;
      }
    } finally {
      await printer.close();
    }
    // What build-register.ts gives the assembler: the body's own pages (its last ones are
    // blank, left for the tables), bookmarks to a part of each job, the information.
    const bodyPages = readPrinted(Buffer.from(printedBody)).pages.length - readPrinted(Buffer.from(printedTables)).pages.length;
    plan = {
      bodyPages,
      outline: [
        { title: "Première partie", destination: "delib-part-0", children: [] },
        { title: "Table", destination: "delib-table-0", children: [] },
      ],
      meta: { title: "Registre", author: body, subject: "Registre 2021", language: "fr", date: registerDate(sittings, {}) },
    };
  }, TIMEOUT);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`gives the same bytes ${RUNS} times in a row`, () => {
    for (const again of registers.slice(1)) expect(again.equals(registers[0]!)).toBe(true);
  });

  it("gives the same bytes whatever order Chromium numbered the tables' structure IDs in", () => {
    const once = assembleRegister(readPrinted(Buffer.from(printedBody)), readPrinted(Buffer.from(printedTables)), plan);
    const otherwise = assembleRegister(readPrinted(Buffer.from(printedBody)), readPrinted(renumberedIds(printedTables)), plan);
    expect(Buffer.from(otherwise).equals(Buffer.from(once))).toBe(true);
  });

  it("gives the same bytes whatever order Chromium numbered the body's structure IDs in", () => {
    const once = assembleRegister(readPrinted(Buffer.from(printedBody)), readPrinted(Buffer.from(printedTables)), plan);
    const otherwise = assembleRegister(readPrinted(renumberedIds(printedBody)), readPrinted(Buffer.from(printedTables)), plan);
    expect(Buffer.from(otherwise).equals(Buffer.from(once))).toBe(true);
  });

  it("numbers the structure IDs 1, 2, 3... the tables' after the body's, in one sorted ID tree", () => {
    const register = Buffer.from(assembleRegister(readPrinted(Buffer.from(printedBody)), readPrinted(renumberedIds(printedTables)), plan)).toString("latin1");
    const ids = [...new Set(register.match(/\(node\d{8}\)/g) ?? [])].map((id) => Number(id.slice(5, 13))).sort((a, b) => a - b);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(ids.map((_, i) => i + 1));
    // The joined ID tree, in the update after the body: every ID once, in order.
    const update = register.slice(printedBody.length);
    const tree = /<<\/Names \[((?:\(node\d{8}\) \d+ 0 R ?)+)\]>>/.exec(update);
    expect(tree).not.toBeNull();
    expect([...tree![1]!.matchAll(/\(node(\d{8})\)/g)].map((m) => Number(m[1]))).toEqual(ids);
  });
});
