// `delib register`: a year's register printed by real Chromium from real files, read back page
// by page with poppler.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrinter, type LargePrinter, type Printer } from "../../src/browser/print-pdfs.js";
import { registerCommand } from "../../src/cli/register-command.js";
import { cliContext } from "../../src/cli/context.js";
import { UsageError } from "../../src/cli/usage-error.js";
import { checkFile } from "../../src/check.js";
import { loadConfigSync } from "../../src/config/load-config.js";
import { renderDocuments } from "../../src/documents.js";
import { PDFDocument } from "pdf-lib";
import { buildRegister, registerDate, type BuiltRegister } from "../../src/register/build-register.js";
import { sittingsOfYear } from "../../src/register/register-sittings.js";
import { chromiumForTests } from "../browser/pdf-tools.js";
import { normalize } from "../support/reference.js";
import { runCli, testHost } from "../support/run-cli.js";
import { body, sittings2021, writeRegister } from "./register-fixture.js";
import { en, english } from "../support/english.js";

function pagesOf(pdf: string): string[] {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
  return Array.from({ length: count }, (_, i) => pageText(pdf, i + 1));
}

function pageText(pdf: string, page: number): string {
  return execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
}

function nonEmptyLines(text: string): string[] {
  return text.split("\n").map((l) => l.trim()).filter((l) => l !== "");
}

/** A CLI context whose output the test reads. */
function testContext() {
  const { host, stdout, stderr } = testHost();
  return {
    context: cliContext(host, english),
    out: {
      get stdout() {
        return stdout();
      },
      get stderr() {
        return stderr();
      },
    },
  };
}

const allNumbers = sittings2021.flatMap((s) => s.numbers);

describe("the register of 2021, printed by real Chromium", () => {
  let dir: string;
  let built: BuiltRegister;
  let pdf: string;
  let pages: string[];
  /** Page count of each extract printed on its own, as `delib build` prints it. */
  const standalone = new Map<string, number>();
  let cli: { code: number; stdout: string; stderr: string; bytes: Uint8Array };

  beforeAll(async () => {
    dir = writeRegister();
    const started = await startPrinter({ flag: chromiumForTests(), env: process.env });
    if ("problem" in started) throw new Error(en(started.problem.message));
    const printer: Printer & LargePrinter = started;
    try {
      const checked = ["seances/b-fevrier.yaml", "seances/a-septembre.yaml", "seances/c-mars-2022.yaml"].map((f) => checkFile(join(dir, f), dir));
      expect(checked.flatMap((c) => c.diagnostics)).toEqual([]);
      const config = loadConfigSync(join(dir, "delib.config.yaml"));
      expect(config.diagnostics).toEqual([]);
      const sittings = sittingsOfYear(checked.map((c) => ({ path: c.path, outcome: c.outcome!, config: config.value! })), "2021");
      const result = await buildRegister(sittings, { identity: { body, year: "2021" }, date: registerDate(sittings, {}), print: (job) => printer.printLarge(job) });
      expect(result.diagnostics).toEqual([]);
      built = result.value!;
      pdf = join(dir, "library.pdf");
      writeFileSync(pdf, built.pdf);

      const extracts = sittings.flatMap((s) => renderDocuments(s.outcome, { kinds: ["extract"] }).value!);
      const printed = await printer.print(extracts.map((d) => ({ html: d.html, meta: { ...d.meta, date: new Date(`${d.meta.date}T00:00:00Z`) } })));
      for (const [i, bytes] of printed.entries()) standalone.set(extracts[i]!.name, (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount());
    } finally {
      await printer.close();
    }
    pages = pagesOf(pdf);

    // The command itself, from inside the register with no file named: every *.yaml below
    // delib.config.yaml, the default output. Building a second time must give the same bytes.
    const seances = join(dir, "seances");
    // The command dates the register when its sittings' files last changed (here, outside git,
    // their modification time): made the day of the latest sitting, the date given above.
    for (const name of readdirSync(seances)) utimesSync(join(seances, name), new Date("2021-09-14T00:00:00Z"), new Date("2021-09-14T00:00:00Z"));
    const run = await runCli(["register", "--year", "2021"], { cwd: seances, env: { SOURCE_DATE_EPOCH: undefined } });
    const written = join(seances, "out/registre-2021.pdf");
    cli = { code: run.code ?? -1, stdout: run.stdout, stderr: run.stderr, bytes: existsSync(written) ? readFileSync(written) : new Uint8Array() };
  });

  afterAll(() => {
    if (dir && !process.env.KEEP_REGISTER) rmSync(dir, { recursive: true, force: true });
  });

  it("holds the deliberations of 2021 in date order then by number, and leaves 2022 out", () => {
    const extracts = built.layout.filter((p) => p.kind === "extract").map((p) => p.number);
    expect(extracts).toEqual(allNumbers);
    expect(pages.join("\n")).not.toContain("DÉLIBÉRATION 2022-");
    expect(built.layout.map((p) => p.kind)).toEqual(["extract", "extract", "extract", "closing", "extract", "extract", "extract", "closing", "table", "table"]);
  });

  it("has as many pages as its parts, each extract as many as when printed alone", () => {
    expect(pages.length).toBe(built.layout.reduce((sum, p) => sum + p.pages, 0));
    for (const part of built.layout.filter((p) => p.kind === "extract")) {
      expect(part.pages, part.number).toBe(standalone.get(part.number!));
    }
    built.layout.slice(1).forEach((part, i) => expect(part.firstPage).toBe(built.layout[i]!.firstPage + built.layout[i]!.pages));
  });

  it("gives in the table by date the page where each deliberation starts", () => {
    const table = built.layout.find((p) => p.kind === "table")!;
    const text = pages.slice(table.firstPage - 1, table.firstPage - 1 + table.pages).join("\n");
    expect(text).toContain("Table chronologique des délibérations de l'année 2021");
    const found: string[] = [];
    for (const sitting of sittings2021) {
      for (const number of sitting.numbers) {
        const line = text.split("\n").find((l) => l.includes(` ${number} `));
        expect(line, number).toBeDefined();
        expect(line).toContain(sitting.dateText);
        const page = Number(/(\d+)\s*$/.exec(line!)![1]);
        expect(pageText(pdf, page), `page ${page} for ${number}`).toContain(`DÉLIBÉRATION ${number}`);
        expect(page).toBe(built.layout.find((p) => p.number === number)!.firstPage);
        found.push(number);
      }
    }
    // In register order in the table too.
    const order = allNumbers.map((n) => text.indexOf(` ${n} `));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(found).toEqual(allNumbers);
  });

  it("groups the table by subject under the level-1 matière, « Sans matière » last", () => {
    const table = built.layout.filter((p) => p.kind === "table")[1]!;
    const text = normalize(pages.slice(table.firstPage - 1, table.firstPage - 1 + table.pages).join("\n"));
    expect(text).toContain("Table par matière des délibérations de l'année 2021");
    const groups = ["3 – Domaine et patrimoine", "7 – Finances locales", "Sans matière"];
    const at = groups.map((h) => text.indexOf(h));
    expect(at.every((i) => i >= 0), at.join()).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Within a group, register order: 7.5 (February) and 7.5.1 (September) both under 7.
    const section = (i: number) => text.slice(at[i], at[i + 1] ?? text.length);
    expect(section(0)).toMatch(/2021-07[\s\S]*2021-22/);
    expect(section(1)).toMatch(/2021-08[\s\S]*2021-20/);
    expect(section(2)).toMatch(/2021-09[\s\S]*2021-21/);
    for (const [i, numbers] of [["2021-07", "2021-22"], ["2021-08", "2021-20"], ["2021-09", "2021-21"]].entries()) {
      for (const other of allNumbers.filter((n) => !numbers.includes(n))) expect(section(i)).not.toContain(other);
    }
  });

  it("closes each sitting with a sheet recalling its numbers, the members present and the signatures", () => {
    const closings = built.layout.filter((p) => p.kind === "closing");
    expect(closings).toHaveLength(2);
    sittings2021.forEach((sitting, i) => {
      const part = closings[i]!;
      const text = normalize(pages.slice(part.firstPage - 1, part.firstPage - 1 + part.pages).join("\n"));
      expect(text).toContain(`Clôture de la séance du ${sitting.dateText}`);
      for (const number of sitting.numbers) expect(text).toContain(number);
      for (const other of allNumbers.filter((n) => !sitting.numbers.includes(n))) expect(text).not.toContain(other);
      expect(text).toContain(`Membres présents (${sitting.present.length})`);
      for (const name of sitting.present) expect(text, name).toContain(name);
      for (const name of sitting.absentFromList) expect(text, name).not.toContain(name);
      expect(text).toContain("Le président de séance,");
      expect(text).toContain("La secrétaire de séance,");
      // The closing sheet follows its sitting's last extract.
      const last = built.layout.find((p) => p.number === sitting.numbers[sitting.numbers.length - 1])!;
      expect(part.firstPage).toBe(last.firstPage + last.pages);
    });
  });

  it("numbers every page « Page N / M » and heads it with the body and the year", () => {
    pages.forEach((page, i) => {
      const lines = nonEmptyLines(page);
      expect(lines[lines.length - 1], `page ${i + 1}`).toBe(`Page ${i + 1} / ${pages.length}`);
      expect(lines[0], `page ${i + 1}`).toMatch(new RegExp(`^${body} — Registre des délibérations 2021`));
      // Each extract's own counter is gone: one « Page » line per page.
      expect(lines.filter((l) => /^Page \d+ \/ \d+$/.test(l))).toHaveLength(1);
    });
    const first = nonEmptyLines(pages[0]!)[0];
    expect(first).toBe(`${body} — Registre des délibérations 2021 — Séance du 23 février 2021`);
  });

  it("says what it is in its metadata, dated from the latest sitting", () => {
    const info = execFileSync("pdfinfo", ["-isodates", pdf], { encoding: "utf8" });
    expect(info).toMatch(/Title:\s+Registre des délibérations 2021/);
    expect(info).toMatch(/Author:\s+Commune de Mirabel-les-Vignes/);
    expect(info).toMatch(/CreationDate:\s+2021-09-14T00:00:00/);
    expect(info).toMatch(/Producer:\s+delib/);
  });

  it("is written by the command from inside the register, with the same bytes as another build", () => {
    expect(cli.stderr).toBe("");
    expect(cli.code).toBe(0);
    expect(cli.stdout).toBe("wrote out/registre-2021.pdf\n");
    expect(Buffer.from(cli.bytes).equals(Buffer.from(built.pdf))).toBe(true);
  });
});

describe("delib register stops before printing", () => {
  let dir: string;
  beforeAll(() => {
    dir = writeRegister();
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("on an input error: exit 1, nothing written", async () => {
    const broken = join(dir, "seances/d-broken.yaml");
    writeFileSync(broken, readFileSync(join(dir, "seances/b-fevrier.yaml"), "utf8").replace("  vidal: present\n", ""));
    const out = join(dir, "out/broken.pdf");
    const { context, out: io } = testContext();
    try {
      expect(await registerCommand([join(dir, "seances/*.yaml")], { year: "2021", out }, context)).toBe(1);
    } finally {
      rmSync(broken);
    }
    expect(io.stderr).toMatch(/error DLB3/);
    expect(existsSync(out)).toBe(false);
  });

  it("on a deliberation numbered alike in two sittings of the register: exit 1", async () => {
    const copy = join(dir, "seances/e-copy.yaml");
    writeFileSync(copy, readFileSync(join(dir, "seances/b-fevrier.yaml"), "utf8").replace("date: 2021-02-23", "date: 2021-03-02"));
    const out = join(dir, "out/copy.pdf");
    const { context, out: io } = testContext();
    try {
      expect(await registerCommand([join(dir, "seances/*.yaml")], { year: "2021", out }, context)).toBe(1);
    } finally {
      rmSync(copy);
    }
    // The register-wide checks of `delib validate` run first.
    expect(io.stderr).toContain("error DLB3008: the deliberation number `2021-07` is already used in");
    expect(existsSync(out)).toBe(false);
  });

  it("on a deliberation numbered alike in two files outside any register: exit 1, DLB3008", async () => {
    const loose = mkdtempSync(join(tmpdir(), "delib-register-loose-"));
    try {
      const february = readFileSync(join(dir, "seances/b-fevrier.yaml"), "utf8");
      writeFileSync(join(loose, "a.yaml"), february);
      writeFileSync(join(loose, "b.yaml"), february.replace("date: 2021-02-23", "date: 2021-03-02"));
      const out = join(loose, "out/copy.pdf");
      const { context, out: io } = testContext();
      expect(await registerCommand([join(loose, "*.yaml")], { year: "2021", out }, context)).toBe(1);
      expect(io.stderr).toContain("error DLB3008: the deliberation number `2021-07` is already used in");
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(loose, { recursive: true, force: true });
    }
  });

  it("on a year without a sitting: exit 1, DLB3709", async () => {
    const out = join(dir, "out/2019.pdf");
    const { context, out: io } = testContext();
    expect(await registerCommand([join(dir, "seances/*.yaml")], { year: "2019", out }, context)).toBe(1);
    expect(io.stderr).toBe(
      "error DLB3709: no sitting dated 2019 in the 3 session files read; nothing written\n" +
        "  hint: check --year, and that the year's session files are in the register (or named on the command line)\n\n" +
        "Found 1 error in 3 files.\n",
    );
    expect(existsSync(out)).toBe(false);
  });

  it("without a browser: exit 3, DLB4001, nothing written", async () => {
    const out = join(dir, "out/nobrowser.pdf");
    const { context, out: io } = testContext();
    expect(await registerCommand([join(dir, "seances/*.yaml")], { year: "2021", out, chromium: join(dir, "no-such-chromium") }, context)).toBe(3);
    expect(io.stderr).toContain("DLB4001");
    expect(io.stderr).not.toContain("HTML was still written");
    expect(existsSync(out)).toBe(false);
  });

  it("on a year that is not one: a usage error", async () => {
    const { context } = testContext();
    await expect(registerCommand([], { year: "21" }, context)).rejects.toBeInstanceOf(UsageError);
  });
});
