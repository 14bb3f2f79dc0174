// French typography on the printed page (issue 11, item 6), read back from real PDFs printed by
// Chromium: no line ever splits a member's name, and the apostrophes are typographic.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CORE_SCHEMA, dump, load } from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { pdfPageCount, pdfPages, splitNames, straightApostrophes, type Printed } from "../support/pdf-pages.js";
import { repoRoot, runCli } from "../support/run-cli.js";

interface Member {
  id: string;
  civility: string;
  first_name: string;
  last_name: string;
}

/** Builds every document of a session file with the CLI, as a clerk would, and reads the PDFs back. */
async function print(file: string): Promise<Printed> {
  const out = join(mkdtempSync(join(tmpdir(), "delib-typography-pdf-")), "out");
  const run = await runCli(["build", file, "--out", out]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const printed = new Map<string, string[]>();
  for (const name of readdirSync(out).filter((n) => n.endsWith(".pdf")).sort()) {
    const bytes = readFileSync(join(out, name));
    const pages = await pdfPages(bytes);
    expect(pages.length).toBe(await pdfPageCount(bytes));
    printed.set(name, pages);
  }
  return printed;
}

function membersOf(file: string): Member[] {
  return (load(readFileSync(file, "utf8"), { schema: CORE_SCHEMA }) as { members: Member[] }).members;
}

/**
 * Names of several words, as long as real ones run (no hyphen: what holds a hyphen is the
 * stylesheet's business, not typeset's), for a sitting where the proxies and the lists of
 * names fill their columns and lines.
 */
const LONG_NAMES = [
  "Emmanuelle DE LA TOUR",
  "Marguerite VAN DEN BOSSCHE",
  "Christophe VAN DER BRUGGEN",
  "Bénédicte LE GALL",
  "Geneviève DE LA SALLE",
  "Jacqueline DA SILVA",
  "Guillaume DE SAINT PRIEST",
  "Maximilien DU PLESSIS",
  "Alexandre DU BOIS",
  "Bernadette LE ROUX",
  "Sébastien DE LA FONTAINE",
  "Françoise DE SAINT LÉGER",
  "Stéphanie O’NEILL",
  "Christian LE BIHAN",
  "Dominique VAN HECKE",
];

/** The same facts as `example`, every member renamed from LONG_NAMES, in a file of its own. */
function longNamesSitting(example: string): { file: string; members: Member[] } {
  const session = load(readFileSync(example, "utf8"), { schema: CORE_SCHEMA }) as { members: Member[] };
  expect(session.members.length).toBeLessThanOrEqual(LONG_NAMES.length);
  session.members = session.members.map((m, i) => {
    const [first, ...last] = LONG_NAMES[i]!.split(" ");
    return { ...m, first_name: first!, last_name: last.join(" ") };
  });
  const file = join(mkdtempSync(join(tmpdir(), "delib-long-names-")), "2024-03-26.yaml");
  writeFileSync(file, dump(session, { schema: CORE_SCHEMA, lineWidth: -1 }));
  return { file, members: session.members };
}

const examples = ["examples/saint-julien-de-verac/2024-03-26.yaml", "examples/nord-pas-de-calais-numerique/2021-05-18.yaml"];

describe.each(examples)("the documents of %s, printed by real Chromium", (example) => {
  let printed: Printed;
  const members = membersOf(join(repoRoot, example));

  beforeAll(async () => {
    printed = await print(join(repoRoot, example));
  });

  it("never split a member's name across two lines", () => {
    expect(printed.size).toBeGreaterThanOrEqual(3);
    expect(splitNames(printed, members)).toEqual([]);
  });

  it("print typographic apostrophes, never straight ones inside a word", () => {
    const all = [...printed.values()].flat().join("\n").replace(/\s+/g, " ");
    expect(all).toContain("s’est réuni"); // the opening sentence, from the catalogue
    expect(straightApostrophes(printed)).toEqual([]);
  });
});

describe("a sitting of long names, printed by real Chromium", () => {
  let printed: Printed;
  let members: Member[];

  beforeAll(async () => {
    const sitting = longNamesSitting(join(repoRoot, "examples/saint-julien-de-verac/2024-03-26.yaml"));
    members = sitting.members;
    printed = await print(sitting.file);
  });

  it("never splits a member's name across two lines", () => {
    expect(splitNames(printed, members)).toEqual([]);
  });
});
