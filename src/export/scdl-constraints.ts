// The constraints of the SCDL « Délibérations » schema (scdl/deliberations 2.1.x), checked on
// each row before anything is written: column by column, then across columns. Pure.
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
  readonly message: string;
  readonly hint: string;
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
  const problem = (column: ScdlColumn, message: string, hint: string, other?: ScdlColumn): void => {
    problems.push({ column, message, hint, ...(other ? { other } : {}) });
  };
  for (const column of ["COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM", "DELIB_OBJET"] as const) {
    if (row[column].trim() === "") problem(column, `${column} is required and would be empty`, "give the value in the session file or in delib.config.yaml");
  }
  if (row.COLL_SIRET !== "" && !/^\d{14}$/.test(row.COLL_SIRET)) {
    problem("COLL_SIRET", `COLL_SIRET \`${row.COLL_SIRET}\` is not 14 digits`, 'write the SIRET as 14 digits in quotes: `siret: "12345678900012"`');
  }
  for (const column of ["DELIB_DATE", "PREF_DATE"] as const) {
    if (row[column] !== "" && !isDate(row[column])) problem(column, `${column} \`${row[column]}\` is not a date YYYY-MM-DD`, "write the date as YYYY-MM-DD");
  }
  const code = row.DELIB_MATIERE_CODE;
  if (code !== "") {
    const lookup = findMatiere(code, classification);
    if (!/^\d\.\d{1,2}$/.test(code) || !lookup.matiere) {
      problem("DELIB_MATIERE_CODE", `DELIB_MATIERE_CODE \`${code}\` is not a level-2 code of the @CTES classification`, "use a code from 1.1 to 9.4 of the national classification, e.g. `7.1`");
    } else if (row.DELIB_MATIERE_NOM !== "" && row.DELIB_MATIERE_NOM !== scdlMatiereName(lookup.theme!, lookup.matiere)) {
      problem("DELIB_MATIERE_NOM", `DELIB_MATIERE_NOM \`${row.DELIB_MATIERE_NOM}\` does not name the matière ${code}`, "the name is the classification's level-1 and level-2 labels of the code", "DELIB_MATIERE_CODE");
    }
  }
  const name = row.DELIB_MATIERE_NOM;
  if (name !== "") {
    const slash = name.indexOf("/");
    // Validata's nomenclature-actes-value: a known level-1 name before the first slash, no
    // space around it; the schema's description: accented lower case, no comma, no parenthesis.
    if (slash < 0 || !levelOneNames.has(withoutAccents(name.slice(0, slash))) || /\s\/|\/\s/.test(name) || /[,()]/.test(name) || name !== name.toLowerCase()) {
      problem("DELIB_MATIERE_NOM", `DELIB_MATIERE_NOM \`${name}\` is not « level-1 label/level-2 label » of the @CTES classification`, "write both labels in lower case, without commas or parentheses, joined by a slash with no space around it");
    }
  }
  if (row.BUDGET_ANNEE !== "") {
    const years = /^([0-9]{4})(?:\/([0-9]{4}))?$/.exec(row.BUDGET_ANNEE);
    if (!years) problem("BUDGET_ANNEE", `BUDGET_ANNEE \`${row.BUDGET_ANNEE}\` is neither a year nor an interval of years`, "write `2024`, or `2024/2025` for an interval");
    else if (years[2] !== undefined && Number(years[2]) <= Number(years[1])) {
      problem("BUDGET_ANNEE", `BUDGET_ANNEE \`${row.BUDGET_ANNEE}\`: the second year of an interval must come after the first`, `write the interval in order, e.g. \`${years[1]}/${Number(years[1]) + 1}\``);
    }
  }
  if ((row.BUDGET_ANNEE === "") !== (row.BUDGET_NOM === "")) {
    const [given, missing] = row.BUDGET_ANNEE === "" ? (["BUDGET_NOM", "BUDGET_ANNEE"] as const) : (["BUDGET_ANNEE", "BUDGET_NOM"] as const);
    problem(given, `${given} is given without ${missing}: the budget's year and name go together`, "give both `year` and `name` under `budget:`, or neither", missing);
  }
  if (row.PREF_ID !== "" && !/^(PREF(\d{3}|02A|02B)|SPREF(\d{3}|02A|02B)\d|SGAR(\d{3}|02A|02B))$/.test(row.PREF_ID)) {
    problem("PREF_ID", `PREF_ID \`${row.PREF_ID}\` is not PREFNNN, SPREFNNNM or SGARNNN`, 'give the département as three characters in delib.config.yaml: `departement: "055"`');
  }
  if (row.PREF_ID !== "" && row.PREF_DATE === "") problem("PREF_DATE", "PREF_ID is given without PREF_DATE", "record `publication.transmitted_on`", "PREF_ID");
  if (isDate(row.PREF_DATE) && isDate(row.DELIB_DATE) && row.PREF_DATE < row.DELIB_DATE) {
    problem(
      "PREF_DATE",
      `the act is recorded as transmitted to the préfecture on ${row.PREF_DATE}, before the sitting of ${row.DELIB_DATE} (PREF_DATE before DELIB_DATE)`,
      "an act is transmitted after it is adopted: check `publication.transmitted_on`",
      "DELIB_DATE",
    );
  }
  const votes = ["VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION"] as const;
  for (const column of votes) {
    if (row[column] !== "" && !/^(0|[1-9][0-9]*)$/.test(row[column])) problem(column, `${column} \`${row[column]}\` is not a whole number`, "the vote columns are counts");
  }
  const [reel, pour, contre, abstention] = [row.VOTE_REEL, row.VOTE_POUR, row.VOTE_CONTRE, row.VOTE_ABSTENTION];
  if (reel !== "" && pour !== "" && contre !== "" && abstention !== "" && Number(reel) !== Number(pour) + Number(contre) + Number(abstention)) {
    problem("VOTE_REEL", `VOTE_REEL ${reel} is not VOTE_POUR + VOTE_CONTRE + VOTE_ABSTENTION (${pour} + ${contre} + ${abstention})`, "check the vote recorded for the motion");
  }
  if (row.DELIB_URL !== "" && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(row.DELIB_URL)) problem("DELIB_URL", `DELIB_URL \`${row.DELIB_URL}\` is not a URI`, "give a full address, https://...");
  return problems;
}

