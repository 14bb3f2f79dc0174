// The @CTES side of an act: its matière in the national classification (law/actes-matieres.yaml)
// and the internal number it is télétransmis under.
import { readFileSync } from "node:fs";
import jsYaml from "js-yaml";

/** A code of the classification and its label, e.g. `7.1` Décisions budgétaires. */
export interface ActesMatiere {
  readonly code: string;
  readonly label: string;
}

/** A level-1 matière (`7` Finances locales) with its level-2 matières. */
export interface ActesTheme extends ActesMatiere {
  readonly matieres: readonly ActesMatiere[];
}

/** The national classification, levels 1 and 2, in code order. */
export type ActesClassification = readonly ActesTheme[];

let cached: ActesClassification | undefined;

/** Reads law/actes-matieres.yaml from the package, once per process. */
export function loadActesClassification(): ActesClassification {
  if (cached) return cached;
  const text = readFileSync(new URL("../../law/actes-matieres.yaml", import.meta.url), "utf8");
  cached = checkedClassification(jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }));
  return cached;
}

/** The data as the loader promises it; a malformed file is a bug in delib, not in the input. */
function checkedClassification(data: unknown): ActesClassification {
  const fail = (why: string): never => {
    throw new Error(`law/actes-matieres.yaml: ${why}`);
  };
  if (!Array.isArray(data)) return fail("expected a list of level-1 matières");
  return data.map((theme: unknown, i): ActesTheme => {
    const t = theme as Partial<Record<"code" | "label" | "matieres", unknown>>;
    if (typeof t.code !== "string" || !/^[1-9]$/.test(t.code) || typeof t.label !== "string") return fail(`entry ${i + 1}: code and label`);
    if (!Array.isArray(t.matieres)) return fail(`${t.code}: no matières`);
    const matieres = t.matieres.map((m: unknown): ActesMatiere => {
      const { code, label } = m as Partial<Record<"code" | "label", unknown>>;
      // Quoted in the file: an unquoted 7.10 would be read as the number 7.1.
      if (typeof code !== "string" || !code.startsWith(`${t.code as string}.`) || !/^\d\.\d{1,2}$/.test(code) || typeof label !== "string") {
        return fail(`${t.code as string}: bad level-2 entry ${JSON.stringify(m)}`);
      }
      return { code, label };
    });
    return { code: t.code, label: t.label, matieres };
  });
}

/** What a matière code designates: its level 1 and, when the classification has it, its level 2. */
export interface MatiereLookup {
  /** The code as written, e.g. `7.1.2`. */
  readonly code: string;
  /** Its level-2 prefix, e.g. `7.1`. */
  readonly level2: string;
  readonly theme: ActesTheme | undefined;
  readonly matiere: ActesMatiere | undefined;
}

/**
 * Looks up a matière code (`7.1`, or deeper: `7.1.2`). Levels 3 to 5 are set by each
 * préfecture's own classification file and cannot be checked here: a deeper code is known
 * when its level-2 prefix is.
 */
export function findMatiere(code: string, classification: ActesClassification = loadActesClassification()): MatiereLookup {
  const [first = "", second = ""] = code.split(".");
  const level2 = `${first}.${second}`;
  const theme = classification.find((t) => t.code === first);
  const matiere = theme?.matieres.find((m) => m.code === level2);
  return { code, level2, theme, matiere };
}

/**
 * DELIB_MATIERE_NOM of the SCDL: « the level-1 label followed by the level-2 label, in accented
 * lower case, without commas or parentheses, separated by a slash », e.g.
 * `domaines de compétences par thèmes/aménagement du territoire`.
 */
export function scdlMatiereName(theme: ActesMatiere, matiere: ActesMatiere): string {
  const clean = (label: string): string =>
    label
      .toLowerCase()
      .replace(/[,()]/g, " ")
      // Validata's nomenclature check refuses a space before or after the slash.
      .replace(/\//g, "-")
      .replace(/\s+/g, " ")
      .trim();
  return `${clean(theme.label)}/${clean(matiere.label)}`;
}

/**
 * The NumeroInterne an act is télétransmis under: the deliberation number in upper case,
 * with `-`, `.` and spaces turned into `_` (ACTES accepts letters, digits and `_` only).
 */
export function actesNumber(number: string): string {
  return number.toUpperCase().replace(/[-. ]/g, "_");
}

/** Most characters a NumeroInterne may have (actes:NumeroInterne). */
export const actesNumberMaxLength = 15;

/**
 * s2low's rule for a NumeroInterne, stricter than the ACTES XSD (which also takes lower case,
 * `-` and spaces): 1 to 15 of A–Z, 0–9 and `_`, neither first nor last being `_`.
 */
const actesNumberPattern = /^([A-Z0-9][A-Z0-9_]{0,13})?[A-Z0-9]$/;

/** Whether `value` may be sent as a NumeroInterne as it is. */
export function isActesNumber(value: string): boolean {
  return actesNumberPattern.test(value);
}
