// A register on disk for the register tests: delib.config.yaml at the root, three sittings
// adapted from examples/mirabel-les-vignes (two of 2021, one of 2022), under seances/.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../support/run-cli.js";

const example = readFileSync(join(repoRoot, "examples/mirabel-les-vignes/2021-02-23.yaml"), "utf8");

export const body = "Commune de Mirabel-les-Vignes";

/** What each sitting of the fixture holds, as the register must print it. */
export interface FixtureSitting {
  readonly file: string;
  readonly date: string;
  readonly dateText: string;
  /** Deliberation numbers, in register order. */
  readonly numbers: readonly string[];
  /** Names the closing sheet lists as present (whoever sat for any item). */
  readonly present: readonly string[];
  readonly absentFromList: readonly string[];
}

const presentInFebruary = ["M. Jacques VIDAL", "Mme Corinne AUBERT", "M. Stéphane BARRAL", "M. Frédéric GASC", "Mme Karine HÉRAIL", "M. Ludovic IZARD", "Mme Mireille JULIEN", "M. Bruno LACAN", "Mme Agnès MOLINIER"];

export const sittings2021: readonly FixtureSitting[] = [
  {
    file: "seances/b-fevrier.yaml",
    date: "2021-02-23",
    dateText: "23 février 2021",
    numbers: ["2021-07", "2021-08", "2021-09"],
    present: presentInFebruary,
    absentFromList: ["M. Romain NÈGRE"],
  },
  {
    // Named to sort before February's file: the register orders by date, not by file name.
    file: "seances/a-septembre.yaml",
    date: "2021-09-14",
    dateText: "14 septembre 2021",
    numbers: ["2021-20", "2021-21", "2021-22"],
    present: [...presentInFebruary.filter((n) => n !== "M. Ludovic IZARD"), "M. Romain NÈGRE"],
    absentFromList: ["M. Ludovic IZARD"],
  },
];

/** `text` with `from` replaced by `to`; fails loudly when the example no longer reads so. */
function replaced(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the fixture expects \`${from.trim()}\` in examples/mirabel-les-vignes/2021-02-23.yaml`);
  return text.replace(from, to);
}

function adapt(text: string, date: string, convenedOn: string, numbers: Record<string, string>, matieres: Record<string, string>): string {
  // The example's own matières are replaced by the fixture's, which the tests rely on.
  let out = text.replace(/^ {4}matiere: .*\n/gm, "");
  out = replaced(replaced(out, "date: 2021-02-23", `date: ${date}`), "convened_on: 2021-02-16", `convened_on: ${convenedOn}`);
  for (const from of new Set([...Object.keys(numbers), ...Object.keys(matieres)])) {
    const to = numbers[from] ?? from;
    const matiere = matieres[from];
    out = replaced(out, `  - number: "${from}"\n`, `  - number: "${to}"\n${matiere ? `    matiere: "${matiere}"\n` : ""}`);
  }
  return out;
}

/** Writes the register into a new temporary folder and returns its path. */
export function writeRegister(): string {
  const dir = mkdtempSync(join(tmpdir(), "delib-register-"));
  mkdirSync(join(dir, "seances"));
  writeFileSync(
    join(dir, "delib.config.yaml"),
    `format: 1\nbody:\n  name: ${body}\n  kind: commune\n  assembly: conseil municipal\n`,
  );
  writeFileSync(join(dir, "seances/b-fevrier.yaml"), adapt(example, "2021-02-23", "2021-02-16", {}, { "2021-07": "3.5", "2021-08": "7.5" }));
  // September: numbers given out of order in the file (the register sorts them), one member
  // swapped for another in the attendance (the same number of voters, so the votes still agree).
  const september = adapt(example, "2021-09-14", "2021-09-07", { "2021-07": "2021-22", "2021-08": "2021-20", "2021-09": "2021-21" }, { "2021-07": "3.5", "2021-08": "7.5.1" });
  const swapped = replaced(replaced(september, "  izard: present\n", "  izard: excused\n"), "  negre: excused\n", "  negre: present\n");
  writeFileSync(join(dir, "seances/a-septembre.yaml"), swapped);
  writeFileSync(
    join(dir, "seances/c-mars-2022.yaml"),
    adapt(example, "2022-03-08", "2022-03-01", { "2021-07": "2022-01", "2021-08": "2022-02", "2021-09": "2022-03" }, {}),
  );
  return dir;
}
