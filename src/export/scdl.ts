// The SCDL « Délibérations » open-data table (OpenDataFrance, schema.data.gouv.fr
// scdl/deliberations 2.1.x): one row per deliberation, 17 columns, every constraint of the
// schema checked before a byte is written. Pure: sessions and configuration in, rows or
// located diagnostics out; the CLI reads and writes.
import type { Config } from "../config/load-config.js";
import { siteSettings } from "../config/site-settings.js";
import { diagnostic, hasErrors, type Diagnostic, type Result, type Span } from "../diagnostics/diagnostic.js";
import { msg } from "../diagnostics/message.js";
import { compareNumbers, compareText } from "../model/deliberation-number.js";
import { actPdfPath, siteUrl } from "../model/site-layout.js";
import type { DataPath } from "../model/session.js";
import { locate, type ParsedSource } from "../source/parse-yaml.js";
import type { MotionOutcome, Outcome } from "../tally/outcome.js";
import type { MotionPresence } from "../tally/presence.js";
import { unknownDependencies, type FigureDependencies } from "../tally/unknown-dependencies.js";
import { actesDestination, findMatiere, loadActesClassification, prefectureId, scdlMatiereName, type ActesClassification } from "../law/actes.js";
import { checkScdlRow, scdlColumns, type ScdlColumn, type ScdlProblem, type ScdlRow } from "./scdl-constraints.js";

export { checkScdlRow, type ScdlProblem } from "./scdl-constraints.js";

export { scdlColumns, type ScdlColumn, type ScdlRow } from "./scdl-constraints.js";

/** One checked session file, as the export reads it. */
export interface ScdlSession {
  /** The count of a session without errors. */
  readonly outcome: Outcome;
  /** The parsed session file, to point at a motion. */
  readonly source: ParsedSource;
  /** The register's configuration found above the file (`noConfig` when there is none). */
  readonly config: Config;
}

/**
 * The rows of the SCDL table for `sessions`, sorted by date then number, or the diagnostics
 * that stop the export. Where the schema leaves room, the choices made:
 * - VOTE_EFFECTIF, « effectif théorique des votants », is the voices of the voting seats in
 *   office for the motion: vacant seats, members taken out of office (L1111-6, L2131-11) and
 *   seats without a vote (a college with `votes: false`) are not counted, and a weighted seat
 *   counts its voices, the unit of the vote columns. For an assembly where every member votes
 *   with one voice this is the quorum's members in office (quorum.inOffice), and where the
 *   statutes count the quorum in voices it is quorum.inOffice too; it differs only for seats
 *   without a vote or with several voices under a quorum counted in members.
 * - VOTE_POUR, VOTE_CONTRE are the votes for and against; the schema has no column for blank
 *   and null ballots, so they go into VOTE_ABSTENTION with the abstentions (neither is a
 *   suffrage exprimé); members who took no part (NPPV, interested, absent) are in no column.
 *   VOTE_REEL = VOTE_POUR + VOTE_CONTRE + VOTE_ABSTENTION, the schema's own check.
 * - An election (its result is a name, not a for/against count) and a motion not put to the
 *   vote (no quorum, or no vote recorded) leave the five vote columns empty.
 * - A transcribed record's unanimity counted with a proxy whose holder it does not name leaves
 *   VOTE_REEL and VOTE_POUR empty: they depend on a fact it does not give (tally/unknown-dependencies.ts).
 * - DELIB_URL is the address of the act's PDF on the site `delib publish` makes, under the
 *   configuration's `site.base_url` (the one layout of src/model/site-layout.ts); empty when no
 *   address is configured. Its form is checked like every column (DLB6010), at `site.base_url`.
 */
export function scdlRows(sessions: readonly ScdlSession[], classification: ActesClassification = loadActesClassification()): Result<ScdlRow[]> {
  const diagnostics: Diagnostic[] = [];
  const made: { row: ScdlRow; session: ScdlSession; motion: MotionOutcome }[] = [];
  const reported = new Set<Config>();
  for (const session of sessions) {
    const identity = bodyProblems(session, reported);
    diagnostics.push(...identity.diagnostics);
    if (!identity.usable) continue;
    const presence = session.outcome.presence;
    const depends = unknownDependencies(session.outcome).motions;
    for (const motion of session.outcome.motions) {
      const row = scdlRow(session, motion, presence[motion.index], classification, depends[motion.index]);
      if (!row.value) {
        diagnostics.push(...row.diagnostics);
        continue;
      }
      const problems = checkScdlRow(row.value, classification).map((p) => located(p, session, motion.index));
      diagnostics.push(...problems);
      if (problems.length === 0) made.push({ row: row.value, session, motion });
    }
  }
  // Numbers used twice are found before, by the check across files (numbers-are-unique).
  if (hasErrors(diagnostics)) return { value: undefined, diagnostics };
  made.sort((a, b) => compareRows(a.row, b.row) || compareText(a.session.source.file.path, b.session.source.file.path) || a.motion.index - b.motion.index);
  return { value: made.map((m) => m.row), diagnostics };
}

/**
 * The body's identity from delib.config.yaml: its name, SIRET, and département when an act
 * was transmitted. `usable` is false when no row can be made; a problem of a configuration
 * shared by several session files is told once.
 */
function bodyProblems(session: ScdlSession, reported: Set<Config>): { usable: boolean; diagnostics: Diagnostic[] } {
  const { config, source } = session;
  const sessionBody = session.outcome.session.body;
  const at = (path: DataPath, where?: "key"): Span => locate(source, path, where);
  const body = config.body;
  // The YAML to paste, made from the session's own body block.
  const bodyYaml = `body: { name: ${JSON.stringify(sessionBody.name)}, kind: ${sessionBody.kind}, assembly: ${JSON.stringify(sessionBody.assembly)}, siret: "12345678900012" }`;
  if (!config.path || !config.source) {
    return {
      usable: false,
      diagnostics: [
        diagnostic({
          code: "DLB6001",
          message: msg("DLB6001.no_config"),
          span: at(["body"], "key"),
          hints: [msg("DLB6001.hint.no_config", { yaml: bodyYaml })],
        }),
      ],
    };
  }
  const configAt = (path: DataPath, where?: "key"): Span => locate(config.source!, path, where);
  const first = !reported.has(config);
  reported.add(config);
  if (!body) {
    const problem = diagnostic({
      code: "DLB6001",
      message: msg("DLB6001.no_body"),
      span: configAt(["format"], "key"),
      hints: [msg("DLB6001.hint.no_body", { yaml: bodyYaml })],
    });
    return { usable: false, diagnostics: first ? [problem] : [] };
  }
  if (body.siret === undefined || !/^\d{14}$/.test(body.siret)) {
    const missing = body.siret === undefined;
    const problem = diagnostic({
      code: "DLB6002",
      message: missing ? msg("DLB6002.missing") : msg("DLB6002", { siret: body.siret! }),
      span: missing ? configAt(["body"], "key") : configAt(["body", "siret"]),
      hints: [msg("DLB6002.hint"), msg("DLB6002.hint.annuaire")],
    });
    return { usable: false, diagnostics: first ? [problem] : [] };
  }
  const found: Diagnostic[] = [];
  // A body named otherwise than its register is found before, by the check across files (DLB3708).
  const transmitted = session.outcome.motions.find((m) => m.motion.publication?.transmitted_on !== undefined);
  if (transmitted && body.departement === undefined) {
    found.push(
      diagnostic({
        code: "DLB6008",
        message: msg("DLB6008"),
        span: at(["motions", transmitted.index, "publication", "transmitted_on"]),
        hints: [msg("DLB6008.hint")],
        related: [{ span: configAt(["body"], "key"), message: msg("DLB6008.related") }],
      }),
    );
  }
  return { usable: true, diagnostics: found };
}

/** The row of one motion, or a diagnostic when a required value is not in the file. */
function scdlRow(
  session: ScdlSession,
  motionOutcome: MotionOutcome,
  presence: MotionPresence | undefined,
  classification: ActesClassification,
  depends: FigureDependencies = new Map(),
): Result<ScdlRow> {
  const { motion, index } = motionOutcome;
  const body = session.config.body!;
  if (motion.matiere === undefined) {
    return {
      value: undefined,
      diagnostics: [
        diagnostic({
          code: "DLB6004",
          message: msg("DLB6004", { number: motion.number }),
          span: locate(session.source, ["motions", index, "number"]),
          hints: [msg("DLB6004.hint")],
        }),
      ],
    };
  }
  const lookup = findMatiere(motion.matiere, classification);
  if (!lookup.theme || !lookup.matiere) {
    // Reported by the rules (DLB3060) before the export runs; kept for a caller that skips them.
    return {
      value: undefined,
      diagnostics: [
        diagnostic({
          code: "DLB6005",
          message: msg("DLB6005", { number: motion.number, matiere: motion.matiere }),
          span: locate(session.source, ["motions", index, "matiere"]),
          hints: [msg("DLB6005.hint")],
        }),
      ],
    };
  }
  const transmittedOn = motion.publication?.transmitted_on;
  const baseUrl = siteSettings(session.config).base_url;
  return {
    value: {
      COLL_NOM: body.name,
      COLL_SIRET: body.siret ?? "",
      DELIB_ID: motion.number,
      DELIB_DATE: session.outcome.session.session.date,
      // The SCDL takes level 2 only: `7.1.2` is exported as 7.1.
      DELIB_MATIERE_CODE: lookup.level2,
      DELIB_MATIERE_NOM: scdlMatiereName(lookup.theme, lookup.matiere),
      DELIB_OBJET: motion.title,
      BUDGET_ANNEE: motion.budget?.year ?? "",
      BUDGET_NOM: motion.budget?.name ?? "",
      // The préfecture, PREFNNN, or the sous-préfecture `actes.destination` names, SPREFNNNM.
      PREF_ID: transmittedOn !== undefined && body.departement !== undefined ? prefectureId(body.departement, actesDestination(session.config.source?.data)) : "",
      PREF_DATE: transmittedOn ?? "",
      ...voteColumns(motionOutcome, presence, depends),
      // Where `delib publish` puts the act's PDF (site-layout.ts), under the configured address.
      DELIB_URL: baseUrl === undefined ? "" : siteUrl(baseUrl, actPdfPath(motion.number)),
    },
    diagnostics: [],
  };
}

type VoteColumn = "VOTE_EFFECTIF" | "VOTE_REEL" | "VOTE_POUR" | "VOTE_CONTRE" | "VOTE_ABSTENTION";

/** The five vote columns (see scdlRows for the choices). */
function voteColumns(m: MotionOutcome, presence: MotionPresence | undefined, depends: FigureDependencies): Record<VoteColumn, string> {
  const vote = m.vote;
  if (m.election || !vote) return { VOTE_EFFECTIF: "", VOTE_REEL: "", VOTE_POUR: "", VOTE_CONTRE: "", VOTE_ABSTENTION: "" };
  const abstention = vote.abstentions + vote.blank + vote.null;
  // The attendance lines are the seats in office (vacant ones are left out); the presence says
  // who is taken out of office for this motion, as the count's majority base does.
  const effectif = m.attendance.lines
    .filter((l) => l.hasVote && !presence?.members.get(l.member.id)?.excluded)
    .reduce((sum, l) => sum + l.seatVoices, 0);
  // A count that depends on a fact the record does not give (a unanimity counted with a proxy
  // whose holder it does not name) is left empty, as the SCDL allows: nothing guessed.
  const unsure = depends.has("for");
  return {
    VOTE_EFFECTIF: String(effectif),
    VOTE_REEL: unsure ? "" : String(vote.for + vote.against + abstention),
    VOTE_POUR: unsure ? "" : String(vote.for),
    VOTE_CONTRE: String(vote.against),
    VOTE_ABSTENTION: String(abstention),
  };
}

/** Where each column's value comes from, and the code of a problem with it. */
const columnOrigin: Record<ScdlColumn, { code: string; path: (index: number) => DataPath; inConfig?: DataPath }> = {
  COLL_NOM: { code: "DLB6001", path: () => ["body", "name"], inConfig: ["body", "name"] },
  COLL_SIRET: { code: "DLB6002", path: () => ["body"], inConfig: ["body", "siret"] },
  DELIB_ID: { code: "DLB6010", path: (i) => ["motions", i, "number"] },
  DELIB_DATE: { code: "DLB6010", path: () => ["session", "date"] },
  DELIB_MATIERE_CODE: { code: "DLB6005", path: (i) => ["motions", i, "matiere"] },
  DELIB_MATIERE_NOM: { code: "DLB6005", path: (i) => ["motions", i, "matiere"] },
  DELIB_OBJET: { code: "DLB6010", path: (i) => ["motions", i, "title"] },
  BUDGET_ANNEE: { code: "DLB6006", path: (i) => ["motions", i, "budget"] },
  BUDGET_NOM: { code: "DLB6006", path: (i) => ["motions", i, "budget"] },
  PREF_ID: { code: "DLB6008", path: (i) => ["motions", i, "publication", "transmitted_on"], inConfig: ["body", "departement"] },
  PREF_DATE: { code: "DLB6007", path: (i) => ["motions", i, "publication", "transmitted_on"] },
  VOTE_EFFECTIF: { code: "DLB6009", path: (i) => ["motions", i, "vote"] },
  VOTE_REEL: { code: "DLB6009", path: (i) => ["motions", i, "vote"] },
  VOTE_POUR: { code: "DLB6009", path: (i) => ["motions", i, "vote"] },
  VOTE_CONTRE: { code: "DLB6009", path: (i) => ["motions", i, "vote"] },
  VOTE_ABSTENTION: { code: "DLB6009", path: (i) => ["motions", i, "vote"] },
  // The address comes from the configuration; the act's number only names the file under it.
  DELIB_URL: { code: "DLB6010", path: (i) => ["motions", i, "number"], inConfig: ["site", "base_url"] },
};

/** A row's problem as a diagnostic at the motion (or the configuration) it comes from. */
function located(p: ScdlProblem, session: ScdlSession, index: number): Diagnostic {
  const origin = columnOrigin[p.column];
  const { config, source } = session;
  const span = origin.inConfig && config.source ? locate(config.source, origin.inConfig) : locate(source, origin.path(index));
  const number = session.outcome.session.motions[index]?.number ?? "";
  // The other column of a two-column check is shown when it comes from elsewhere: the date.
  const related = p.other === "DELIB_DATE" ? [{ span: locate(source, ["session", "date"]), message: msg("scdl.sitting_date") }] : [];
  return diagnostic({ code: origin.code, message: msg("scdl.row", { number, problem: p.message }), span, hints: [p.hint], related });
}

/** By date, then by number with its figures compared as numbers (2024-9 before 2024-10). */
function compareRows(a: ScdlRow, b: ScdlRow): number {
  return compareText(a.DELIB_DATE, b.DELIB_DATE) || compareNumbers(a.DELIB_ID, b.DELIB_ID);
}

/**
 * The table as CSV (RFC 4180): UTF-8 without BOM, comma-separated, a header row of the exact
 * column names, a field in double quotes when it holds a comma, a quote or a line break (its
 * quotes doubled), "\n" after every row. The same rows give the same bytes.
 */
export function scdlCsv(rows: readonly ScdlRow[]): string {
  const line = (cells: readonly string[]): string => `${cells.map(csvField).join(",")}\n`;
  return line(scdlColumns) + rows.map((row) => line(scdlColumns.map((c) => row[c]))).join("");
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
