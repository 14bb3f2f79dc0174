// The constraints of the SCDL « Délibérations » schema (scdl/deliberations 2.1.x), checked on
// each row before anything is written: column by column, then across columns. Pure.
import { msg, type Message } from "../diagnostics/message.js";
import { findMatiere, loadActesClassification, scdlMatiereName, type ActesClassification } from "../law/actes.js";

/** The 17 columns, in the schema's order and spelling. */
export const scdlColumns = [
  "COLL_NOM",
  "COLL_SIRET",
  "DELIB_ID",
  "DELIB_DATE",
  "DELIB_MATIERE_CODE",
  "DELIB_MATIERE_NOM",
  "DELIB_OBJET",
  "BUDGET_ANNEE",
  "BUDGET_NOM",
  "PREF_ID",
  "PREF_DATE",
  "VOTE_EFFECTIF",
  "VOTE_REEL",
  "VOTE_POUR",
  "VOTE_CONTRE",
  "VOTE_ABSTENTION",
  "DELIB_URL",
] as const;

export type ScdlColumn = (typeof scdlColumns)[number];

/** One row: every cell a string, `""` for a missing value (the schema's missing value). */
export type ScdlRow = Readonly<Record<ScdlColumn, string>>;

/** A row that breaks the schema: the column, what is wrong, and what to do. */
export interface ScdlProblem {
  readonly column: ScdlColumn;
  /** What is wrong: a message `scdl.<kind>` (locales/messages/<language>/export.json). */
  readonly message: Message;
  /** What to do: the message `scdl.<kind>.hint`. */
  readonly hint: Message;
  /** The other column of a check on two columns. */
  readonly other?: ScdlColumn;
}

const levelOneNames = new Set(
  [
    "Commande publique",
    "Urbanisme",
    "Domaine et patrimoine",
    "Fonction publique",
    "Institutions et vie politique",
    "Libertés publiques et pouvoirs de police",
    "Finances locales",
    "Domaines de compétences par thèmes",
    "Autres domaines de compétences",
  ].map(withoutAccents),
);

function withoutAccents(text: string): string {
  return text.normalize("NFD").replace(/\p{Mn}/gu, "").toLowerCase();
}

/** A real calendar day written YYYY-MM-DD. */
function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Every constraint of the SCDL « Délibérations » schema on one row: required columns, patterns
 * and types, and the schema's custom checks (nomenclature-actes-value, cohesive-columns-value,
 * year-interval-value, compare-columns-value, sum-columns-value). Checks on two columns are
 * skipped when a cell is empty, as the schema's validator does.
 */
export function checkScdlRow(row: ScdlRow, classification: ActesClassification = loadActesClassification()): ScdlProblem[] {
  const problems: ScdlProblem[] = [];
  const problem = (column: ScdlColumn, message: Message, hint: Message, other?: ScdlColumn): void => {
    problems.push({ column, message, hint, ...(other ? { other } : {}) });
  };
  for (const column of ["COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM", "DELIB_OBJET"] as const) {
    if (row[column].trim() === "") problem(column, msg("scdl.required", { column }), msg("scdl.required.hint"));
  }
  if (row.COLL_SIRET !== "" && !/^\d{14}$/.test(row.COLL_SIRET)) {
    problem("COLL_SIRET", msg("scdl.siret", { value: row.COLL_SIRET }), msg("scdl.siret.hint"));
  }
  for (const column of ["DELIB_DATE", "PREF_DATE"] as const) {
    if (row[column] !== "" && !isDate(row[column])) problem(column, msg("scdl.date", { column, value: row[column] }), msg("scdl.date.hint"));
  }
  const code = row.DELIB_MATIERE_CODE;
  if (code !== "") {
    const lookup = findMatiere(code, classification);
    if (!/^\d\.\d{1,2}$/.test(code) || !lookup.matiere) {
      problem("DELIB_MATIERE_CODE", msg("scdl.matiere_code", { code }), msg("scdl.matiere_code.hint"));
    } else if (row.DELIB_MATIERE_NOM !== "" && row.DELIB_MATIERE_NOM !== scdlMatiereName(lookup.theme!, lookup.matiere)) {
      problem("DELIB_MATIERE_NOM", msg("scdl.matiere_name", { name: row.DELIB_MATIERE_NOM, code }), msg("scdl.matiere_name.hint"), "DELIB_MATIERE_CODE");
    }
  }
  const name = row.DELIB_MATIERE_NOM;
  if (name !== "") {
    const slash = name.indexOf("/");
    // Validata's nomenclature-actes-value: a known level-1 name before the first slash, no
    // space around it; the schema's description: accented lower case, no comma, no parenthesis.
    if (slash < 0 || !levelOneNames.has(withoutAccents(name.slice(0, slash))) || /\s\/|\/\s/.test(name) || /[,()]/.test(name) || name !== name.toLowerCase()) {
      problem("DELIB_MATIERE_NOM", msg("scdl.matiere_name_form", { name }), msg("scdl.matiere_name_form.hint"));
    }
  }
  if (row.BUDGET_ANNEE !== "") {
    const years = /^([0-9]{4})(?:\/([0-9]{4}))?$/.exec(row.BUDGET_ANNEE);
    if (!years) problem("BUDGET_ANNEE", msg("scdl.budget_year", { value: row.BUDGET_ANNEE }), msg("scdl.budget_year.hint"));
    else if (years[2] !== undefined && Number(years[2]) <= Number(years[1])) {
      // The years are given as text: as numbers, they would be written with a thousands separator.
      problem("BUDGET_ANNEE", msg("scdl.budget_interval", { value: row.BUDGET_ANNEE }), msg("scdl.budget_interval.hint", { example: `${years[1]}/${Number(years[1]) + 1}` }));
    }
  }
  if ((row.BUDGET_ANNEE === "") !== (row.BUDGET_NOM === "")) {
    const [given, missing] = row.BUDGET_ANNEE === "" ? (["BUDGET_NOM", "BUDGET_ANNEE"] as const) : (["BUDGET_ANNEE", "BUDGET_NOM"] as const);
    problem(given, msg("scdl.budget_alone", { given, missing }), msg("scdl.budget_alone.hint"), missing);
  }
  if (row.PREF_ID !== "" && !/^(PREF(\d{3}|02A|02B)|SPREF(\d{3}|02A|02B)\d|SGAR(\d{3}|02A|02B))$/.test(row.PREF_ID)) {
    problem("PREF_ID", msg("scdl.pref_id", { value: row.PREF_ID }), msg("scdl.pref_id.hint"));
  }
  if (row.PREF_ID !== "" && row.PREF_DATE === "") problem("PREF_DATE", msg("scdl.pref_date_missing"), msg("scdl.pref_date_missing.hint"), "PREF_ID");
  if (isDate(row.PREF_DATE) && isDate(row.DELIB_DATE) && row.PREF_DATE < row.DELIB_DATE) {
    problem(
      "PREF_DATE",
      msg("scdl.pref_date_before", { transmitted: row.PREF_DATE, sitting: row.DELIB_DATE }),
      msg("scdl.pref_date_before.hint"),
      "DELIB_DATE",
    );
  }
  const votes = ["VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION"] as const;
  for (const column of votes) {
    if (row[column] !== "" && !/^(0|[1-9][0-9]*)$/.test(row[column])) problem(column, msg("scdl.vote_count", { column, value: row[column] }), msg("scdl.vote_count.hint"));
  }
  const [reel, pour, contre, abstention] = [row.VOTE_REEL, row.VOTE_POUR, row.VOTE_CONTRE, row.VOTE_ABSTENTION];
  if (reel !== "" && pour !== "" && contre !== "" && abstention !== "" && Number(reel) !== Number(pour) + Number(contre) + Number(abstention)) {
    // The counts stay text, as the row writes them.
    problem("VOTE_REEL", msg("scdl.vote_sum", { reel, pour, contre, abstention }), msg("scdl.vote_sum.hint"));
  }
  if (row.DELIB_URL !== "" && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(row.DELIB_URL)) problem("DELIB_URL", msg("scdl.url", { value: row.DELIB_URL }), msg("scdl.url.hint"));
  return problems;
}

