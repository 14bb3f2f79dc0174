// A register in a temporary folder, the export run on it with a test host, and a small
// RFC 4180 reader to read the CSV back.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { cliContext } from "../../src/cli/context.js";
import { exportCommand, type ExportOptions } from "../../src/cli/export-command.js";
import { repoRoot, testHost } from "../support/run-cli.js";
import { english } from "../support/english.js";

export const marcillyBody = `body:
  name: Commune de Marcilly-sur-Aubrette
  kind: commune
  assembly: conseil municipal
  siret: "21510123400015"
  departement: "051"
`;

export const config = `format: 1\n${marcillyBody}`;

/** Replaces `from` by `to` in `text`, failing when `from` is not there exactly once. */
export function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`edit: \`${from}\` is not in the text exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The sitting of 12 December 2023 of Marcilly-sur-Aubrette, as in examples/. */
export function marcilly(): string {
  return readFileSync(join(repoRoot, "examples/marcilly-sur-aubrette/2023-12-12.yaml"), "utf8");
}

/**
 * The sitting of 26 March 2024 of Saint-Julien-de-Vérac (examples/), made a sitting of
 * Marcilly: numbered 2024-8 to 2024-11 (to sort 2024-9 before 2024-10), the first act
 * transmitted to the préfecture, the third voted by secret ballot with a blank and a null one.
 */
export function secondSitting(): string {
  let text = readFileSync(join(repoRoot, "examples/saint-julien-de-verac/2024-03-26.yaml"), "utf8");
  text = edit(text, "  name: Commune de Saint-Julien-de-Vérac", "  name: Commune de Marcilly-sur-Aubrette");
  text = edit(text, "  name_in_text: de la commune de Saint-Julien-de-Vérac", "  name_in_text: de la commune de Marcilly-sur-Aubrette");
  text = edit(text, 'number: "2024-08"', 'number: "2024-8"');
  text = edit(text, 'number: "2024-09"', 'number: "2024-9"');
  text = edit(text, '    matiere: "8.1"\n', '    matiere: "8.1"\n    publication: { transmitted_on: 2024-03-29 }\n');
  text = edit(text, "    vote:\n      for: 11\n      against: 0\n      abstentions: 1\n", "    ballot: secret\n    vote:\n      for: 10\n      against: 0\n      blank: 1\n      invalid: 1\n");
  return text;
}

/** Writes `files` (relative path → text) into a new temporary folder; returns its path. */
export function register(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), "delib-export-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

export interface ExportRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `delib export` on `files` with a host whose output the test reads. */
export async function runExport(files: readonly string[], options: ExportOptions = { scdl: true }): Promise<ExportRun> {
  const { host, stdout, stderr } = testHost();
  const code = await exportCommand(files, options, cliContext(host, english));
  return { code, stdout: stdout(), stderr: stderr() };
}

/** Reads CSV as RFC 4180 writes it: quoted fields may hold commas, quotes doubled, line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
      continue;
    }
    if (c === '"') {
      if (field !== "") throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += c;
    }
    i++;
  }
  if (quoted) throw new Error("an unclosed quoted field");
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The CSV as one record per row, keyed by the header. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error("no header row");
  return rows.map((cells) => {
    if (cells.length !== header.length) throw new Error(`a row of ${cells.length} fields under a header of ${header.length}`);
    return Object.fromEntries(header.map((name, i) => [name, cells[i]!]));
  });
}
