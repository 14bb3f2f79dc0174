// `delib actes` from the command line (the very `main` the binary runs, with real Chromium):
// the packages of a sitting written, the same bytes twice, the act inside being the extract;
// every refusal located where its fact lives, with nothing written; the help in French.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lineColumn } from "../../src/diagnostics/line-index.js";
import { runCli } from "../support/run-cli.js";
import { edit, marcilly, marcillyBody, secondSitting } from "../export/temp-register.js";
import { actesBlock, actesConfig, actesRegister } from "./actes-register.js";
import { packageViolations } from "./package-rules.js";

/** "line:column" (1-based) where `needle` starts in `text`. */
function at(text: string, needle: string): string {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`\`${needle}\` not found`);
  const { line, column } = lineColumn(text, offset);
  return `${line}:${column}`;
}

interface JsonDiagnostic {
  file: string | null;
  line: number | null;
  column: number | null;
  code: string;
  severity: string;
  message: string;
  hints: string[];
  related: { file: string; line: number; column: number; message: string }[];
}

/** Runs `delib actes` on a register made of `overrides`, reporting in JSON; the errors found, and whether anything was written. */
async function refused(overrides: Parameters<typeof actesRegister>[0], extra: string[] = []) {
  const { dir, file } = actesRegister(overrides);
  const run = await runCli(["actes", file, "--out", "out", "--report", "json", ...extra], { cwd: dir });
  const errors = (JSON.parse(run.stderr) as JsonDiagnostic[]).filter((d) => d.severity === "error");
  return { run, errors, wrote: existsSync(join(dir, "out")), where: (d: JsonDiagnostic) => `${d.file}:${d.line}:${d.column}` };
}

describe("delib actes on a sitting", async () => {
  const { dir, file } = actesRegister();
  const run = await runCli(["actes", file, "--out", "out"], { cwd: dir });
  const archives = existsSync(join(dir, "out")) ? readdirSync(join(dir, "out")).sort() : [];

  it("writes one archive per deliberation deliberated, and says so", () => {
    expect(run.code).toBe(0);
    expect(archives).toEqual([1, 2, 3, 4].map((n) => `SLO-EACT--215101234--20231212-${n}.tar.gz`));
    for (const name of archives) expect(run.stdout).toContain(`wrote out/${name}`);
    // 2023-49 lost its quorum: no act, no package, and the clerk is told.
    expect(run.stderr).toContain("deliberation 2023-49: not deliberated (no quorum), no package");
  });

  it("writes packages that break none of the rules a tiers applies, the act a real PDF not locked (test/actes/package-rules.ts, each rule cited)", () => {
    for (const name of archives) {
      expect(packageViolations(name, readFileSync(join(dir, "out", name)), { siren: "215101234", departement: "051", arrondissement: "2", nature: "31" }, true)).toEqual([]);
    }
  });

  it("tells the clerk what to record once the préfecture acknowledges receipt, and the identifier to expect", () => {
    expect(run.stdout).toContain(`write in ${file}, under that deliberation: \`publication: { transmitted_on: …, actes_id: "…", acknowledged_on: … }\``);
    expect(run.stdout).toContain("deliberation 2023-45: its acknowledgement's identifier will read `051-215101234-20231212-2023_45-DE`");
    // The identifier as the session schema takes it under `publication.actes_id`.
    const schema = readFileSync(new URL("../../schemas/session.schema.json", import.meta.url), "utf8");
    const pattern = JSON.parse(`"${/"actes_id":\s*\{[^}]*"pattern":\s*"((?:[^"\\]|\\.)+)"/.exec(schema)![1]!}"`) as string;
    expect("051-215101234-20231212-2023_45-DE").toMatch(new RegExp(pattern));
  });

  it("puts in each archive the extract of the register of its deliberation, as `delib build` prints it", () => {
    const out = mkdtempSync(join(tmpdir(), "delib-actes-pdf-"));
    execFileSync("tar", ["-x", "-z", "-f", join(dir, "out", archives[2]!), "-C", out]);
    const pdf = readdirSync(out).find((n) => n.endsWith(".pdf"))!;
    expect(pdf).toBe("99_DE-051-215101234-20231212-2023_47-DE-1-1_1.pdf");
    const text = execFileSync("pdftotext", ["-layout", join(out, pdf), "-"], { encoding: "utf8" });
    expect(text).toMatch(/2023-47/);
    expect(text).toMatch(/Tarifs des services publics municipaux pour l.ann.e 2024/);
  });

  it("gives the same bytes from the same input", async () => {
    const again = await runCli(["actes", file, "--out", "again"], { cwd: dir });
    expect(again.code).toBe(0);
    for (const name of archives) expect(Buffer.compare(readFileSync(join(dir, "again", name)), readFileSync(join(dir, "out", name)))).toBe(0);
  });

  it("writes only the deliberation asked for with --motion", async () => {
    const one = await runCli(["actes", file, "--motion", "2023-48", "--out", "one"], { cwd: dir });
    expect(one.code).toBe(0);
    expect(readdirSync(join(dir, "one"))).toEqual(["SLO-EACT--215101234--20231212-4.tar.gz"]);
    expect(Buffer.compare(readFileSync(join(dir, "one", archives[3]!)), readFileSync(join(dir, "out", archives[3]!)))).toBe(0);
  });
});

describe("delib actes refuses what cannot be transmitted as it is, writing nothing", () => {
  const sitting = marcilly();

  it("a number that is not a deliberation of the file: a usage error (exit 2)", async () => {
    const { dir, file } = actesRegister();
    const run = await runCli(["actes", file, "--motion", "1999-1", "--out", "out"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file} has no deliberation numbered \`1999-1\` (its numbers: 2023-45, 2023-46, 2023-47, 2023-48, 2023-49)`);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("several sitting files at once: a usage error (exit 2)", async () => {
    const { dir } = actesRegister();
    writeFileSync(join(dir, "seances/2024-03-26.yaml"), secondSitting());
    const run = await runCli(["actes", "seances", "--out", "out"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("`seances` names 2 session files: `delib actes` packages the deliberations of one sitting at a time");
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("DLB6030: no delib.config.yaml, pointed at the sitting's `body`", async () => {
    const r = await refused({ config: null });
    expect(r.run.code).toBe(1);
    expect(r.errors.map((d) => [d.code, r.where(d)])).toEqual([["DLB6030", `seances/2023-12-12.yaml:${at(sitting, "body:")}`]]);
    expect(r.wrote).toBe(false);
  });

  it("DLB6030: no `actes:` block, pointed at the configuration's `body`, with the block to paste", async () => {
    const config = `format: 1\n${marcillyBody}`;
    const r = await refused({ config });
    expect(r.errors.map((d) => [d.code, r.where(d)])).toEqual([["DLB6030", `delib.config.yaml:${at(config, "body:")}`]]);
    expect(r.errors[0]!.hints[0]).toContain("`actes: { arrondissement: 1, nature: \"31\", classification_date: 2024-01-15, return_emails: [mairie@example.fr] }`");
    expect(r.wrote).toBe(false);
  });

  it("DLB6031 and DLB6032: neither SIREN nor SIRET, no département, pointed at the configuration's `body`", async () => {
    const config = `format: 1\nbody:\n  name: Commune de Marcilly-sur-Aubrette\n  kind: commune\n  assembly: conseil municipal\n${actesBlock}`;
    const r = await refused({ config });
    expect(r.errors.map((d) => [d.code, r.where(d)])).toEqual([
      ["DLB6031", `delib.config.yaml:${at(config, "body:")}`],
      ["DLB6032", `delib.config.yaml:${at(config, "body:")}`],
    ]);
    expect(r.wrote).toBe(false);
  });

  it("an incomplete `actes:` block: the schema names the key missing, in the configuration", async () => {
    const config = edit(actesConfig, '  nature: "31"\n', "");
    const r = await refused({ config });
    expect(r.run.code).toBe(1);
    expect(r.errors.map((d) => [d.code, d.file])).toEqual([[expect.stringMatching(/^DLB2/), "delib.config.yaml"]]);
    expect(r.errors[0]!.message).toContain("nature");
    expect(r.wrote).toBe(false);
  });

  it("DLB6033: a deliberation without a matière, at its number", async () => {
    const text = edit(sitting, '    matiere: "7.10"\n', "");
    const r = await refused({ sitting: text });
    expect(r.errors.map((d) => [d.code, r.where(d), d.message])).toEqual([["DLB6033", `seances/2023-12-12.yaml:${at(text, '"2023-47"')}`, "the deliberation 2023-47 has no matière: @CTES needs its code in the classification"]]);
    expect(r.wrote).toBe(false);
  });

  it("DLB6034: a number no NumeroInterne can carry (DLB3061's check), at the number", async () => {
    const text = edit(sitting, 'number: "2023-47"', 'number: "2023-47-tarifs-2024"');
    const r = await refused({ sitting: text });
    expect(r.errors.map((d) => [d.code, r.where(d), d.message])).toEqual([
      ["DLB6034", `seances/2023-12-12.yaml:${at(text, '"2023-47-tarifs-2024"')}`, "the deliberation number `2023-47-tarifs-2024` cannot be télétransmis as is: its ACTES number `2023_47_TARIFS_2024` has 19 characters, 15 at most"],
    ]);
    expect(r.wrote).toBe(false);
  });

  it("DLB6035: two numbers that ACTES reads as one, at the second, the first related", async () => {
    const text = edit(sitting, 'number: "2023-48"', 'number: "2023.47"');
    const r = await refused({ sitting: text });
    const found = r.errors.filter((d) => d.code === "DLB6035");
    expect(found.map((d) => [r.where(d), d.message, d.related.map((x) => `${x.file}:${x.line}:${x.column}`)])).toEqual([
      [`seances/2023-12-12.yaml:${at(text, '"2023.47"')}`, "the deliberations 2023-47 and 2023.47 would both be sent under the ACTES number `2023_47`", [`seances/2023-12-12.yaml:${at(text, '"2023-47"')}`]],
    ]);
    expect(r.wrote).toBe(false);
  });

  it("DLB6036: a title longer than the 499 characters of actes:Objet, at the title", async () => {
    const long = `Tarifs ${"des services publics municipaux ".repeat(16)}`.trim();
    const text = edit(sitting, "title: Tarifs des services publics municipaux pour l'année 2024", `title: ${long}`);
    const r = await refused({ sitting: text });
    expect(r.errors.map((d) => [d.code, r.where(d), d.message])).toEqual([
      ["DLB6036", `seances/2023-12-12.yaml:${at(text, long)}`, `the title of deliberation 2023-47 has ${long.length} characters: the subject @CTES takes has 499 at most`],
    ]);
    expect(r.wrote).toBe(false);
  });

  it("DLB6037: a deliberation asked for that was not deliberated (no quorum), at its number", async () => {
    const r = await refused({}, ["--motion", "2023-49"]);
    expect(r.errors.map((d) => [d.code, r.where(d)])).toEqual([["DLB6037", `seances/2023-12-12.yaml:${at(sitting, '"2023-49"')}`]]);
    expect(r.wrote).toBe(false);
  });
});

describe("delib actes on an act already acknowledged", () => {
  it("writes its package again, with warning DLB6039 at its `actes_id`: the tiers takes each ACTES number once (s2low isUnique)", async () => {
    const text = edit(marcilly(), '    matiere: "7.10"\n', '    matiere: "7.10"\n    publication: { transmitted_on: 2023-12-14, actes_id: 051-215101234-20231212-2023_47-DE, acknowledged_on: 2023-12-14 }\n');
    const { dir, file } = actesRegister({ sitting: text });
    const run = await runCli(["actes", file, "--motion", "2023-47", "--out", "out", "--report", "json"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readdirSync(join(dir, "out"))).toEqual(["SLO-EACT--215101234--20231212-3.tar.gz"]);
    const found = (JSON.parse(run.stderr) as JsonDiagnostic[]).map((d) => [d.code, d.severity, `${d.file}:${d.line}:${d.column}`]);
    expect(found).toEqual([["DLB6039", "warning", `seances/2023-12-12.yaml:${at(text, "051-215101234-20231212-2023_47-DE")}`]]);
  });
});

describe("delib actes --help", () => {
  it("is in French for a French reader", async () => {
    const run = await runCli(["--lang", "fr", "actes", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("écrire le paquet de transmission @CTES");
    expect(run.stdout).toContain("--motion <numéro>");
    expect(run.stdout).toContain("seulement la délibération portant ce numéro");
  });

  it("is in English for an English reader", async () => {
    const run = await runCli(["actes", "--help"]);
    expect(run.stdout).toContain("write the @CTES transmission package");
    expect(run.stdout).toContain("--motion <number>");
  });
});
