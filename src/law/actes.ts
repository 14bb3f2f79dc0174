// The @CTES side of an act: its matière in the national classification (law/actes-matieres.yaml)
// and the internal number it is télétransmis under.
import { readFileSync } from "node:fs";
import jsYaml from "js-yaml";
import { listOf, msg, type Message } from "../diagnostics/message.js";

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

/** Whether `value` may be sent as a NumeroInterne as it is (s2low's rule, law/actes-transmission.yaml). */
export function isActesNumber(value: string): boolean {
  const { number } = actesTransmission();
  return value.length <= number.maxLength && number.pattern.test(value);
}

/**
 * Why the deliberation `number` cannot be télétransmis as is: its NumeroInterne (`sent`) and
 * the reasons, as messages to join in a sentence; undefined when it can. The one check behind
 * warning DLB3061 and the refusal of `delib actes`.
 */
export function actesNumberProblems(number: string): { sent: string; reasons: Message[] } | undefined {
  const sent = actesNumber(number);
  if (isActesNumber(sent)) return undefined;
  const max = actesTransmission().number.maxLength;
  const reasons: Message[] = [];
  if (sent.length > max) reasons.push(msg("actes.number.too_long", { length: sent.length, max }));
  if (sent.startsWith("_")) reasons.push(msg("actes.number.starts_with_underscore"));
  if (sent.endsWith("_")) reasons.push(msg("actes.number.ends_with_underscore"));
  const others = [...new Set(sent.replace(/[A-Z0-9_]/g, ""))];
  if (others.length > 0) reasons.push(msg("actes.number.contains", { characters: listOf(others.map((c) => `\`${c}\``)) }));
  return { sent, reasons };
}

/** What law/actes-transmission.yaml says: the fixed parts of an @CTES transmission. */
export interface ActesTransmission {
  /** The ACTES v1.1 namespace (actes:). */
  readonly namespace: string;
  /** The encoding of the XML files. */
  readonly encoding: string;
  /** The nature of a deliberation: its code (CodeNatureActe) and short code (in the files' names). */
  readonly nature: { readonly code: string; readonly short: string; readonly label: string };
  /** The default type of the act's file (typologie des pièces). */
  readonly typology: string;
  /** The message type of a transmission (« 1-1 »). */
  readonly message: string;
  /** The application code (quadrigramme) starting the envelope's name. */
  readonly application: string;
  /** The tiers' code (trigramme) starting the archive's name, unless configured. */
  readonly tiers: string;
  readonly subjectMaxLength: number;
  readonly number: { readonly maxLength: number; readonly pattern: RegExp };
  readonly archiveMaxBytes: number;
}

let transmission: ActesTransmission | undefined;

/** Reads law/actes-transmission.yaml from the package, once per process. */
export function actesTransmission(): ActesTransmission {
  if (transmission) return transmission;
  const text = readFileSync(new URL("../../law/actes-transmission.yaml", import.meta.url), "utf8");
  transmission = checkedTransmission(jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }));
  return transmission;
}

/** The data as the loader promises it; a malformed file is a bug in delib, not in the input. */
function checkedTransmission(data: unknown): ActesTransmission {
  const fail = (why: string): never => {
    throw new Error(`law/actes-transmission.yaml: ${why}`);
  };
  const d = (data ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const text = (key: string, field = "value"): string => {
    const entry = d[key];
    if (!entry || typeof entry.source !== "string") return fail(`${key}: missing \`source\``);
    const value = entry[field];
    return typeof value === "string" && value !== "" ? value : fail(`${key}.${field}: expected text`);
  };
  const count = (key: string, field = "value"): number => {
    const value = d[key]?.[field];
    return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : fail(`${key}.${field}: expected a positive whole number`);
  };
  text("subject_max_length", "source");
  text("archive_max_bytes", "source");
  return {
    namespace: text("namespace"),
    encoding: text("encoding"),
    nature: { code: text("nature", "code"), short: text("nature", "short"), label: text("nature", "label") },
    typology: text("typology"),
    message: text("message"),
    application: text("application"),
    tiers: text("tiers"),
    subjectMaxLength: count("subject_max_length"),
    number: { maxLength: count("number", "max_length"), pattern: new RegExp(text("number", "pattern")) },
    archiveMaxBytes: count("archive_max_bytes"),
  };
}

/** Where a body's acts go: the préfecture, or the sous-préfecture of an arrondissement. */
export interface ActesDestination {
  /** The body's arrondissement (actes:Arrondissement), 1 to 9. */
  readonly arrondissement: number;
  /** Acts go to the sous-préfecture of that arrondissement rather than to the préfecture. */
  readonly subPrefecture: boolean;
}

/**
 * The destination the `actes:` block of delib.config.yaml gives (its data as parsed and
 * checked against the schema), or undefined when it gives none.
 */
export function actesDestination(configData: unknown): ActesDestination | undefined {
  const block = (configData as { actes?: { arrondissement?: unknown; destination?: unknown } } | undefined)?.actes;
  if (!block || typeof block.arrondissement !== "number") return undefined;
  return { arrondissement: block.arrondissement, subPrefecture: block.destination === "sous_prefecture" };
}

/**
 * The SCDL's PREF_ID of the authority that receives the acts: `PREFNNN` for the préfecture of
 * département NNN, `SPREFNNNM` for the sous-préfecture of its arrondissement M (schema.data.gouv.fr
 * scdl/deliberations 2.1, PREF_ID; the same code as the ministry's, e.g. s2low's fixture
 * `TACT--SPREF0011-…`).
 */
export function prefectureId(departement: string, destination?: ActesDestination): string {
  return destination?.subPrefecture ? `SPREF${departement}${destination.arrondissement}` : `PREF${departement}`;
}
