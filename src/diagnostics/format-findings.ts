// The report of `delib audit`: the findings of transcribed records (irregular facts, figures the
// law contradicts), each with the article, the consequence and whether it could have changed an
// outcome; as a table for a person, as JSON for tools. Pure.
import type { Diagnostic } from "./diagnostic.js";
import { toJson, type JsonDiagnostic } from "./format-json.js";
import { spanLocation } from "./line-index.js";
import type { Translator } from "./translator.js";

/** One finding in the JSON report. */
export interface JsonFinding {
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly code: string;
  /** What was found, in a plain sentence. */
  readonly message: string;
  /** The article or rule the fact breaks, e.g. "CGCT L2121-20". */
  readonly article: string;
  /** The legal consequence delib applied in its count. */
  readonly consequence: string;
  /** Whether the irregularity could have changed an outcome (a quorum, a result); null: delib cannot tell. */
  readonly couldChangeOutcome: boolean | null;
}

/** The JSON report: how many files were read, the findings, and the problems that stopped the audit of a file. */
export interface JsonAudit {
  readonly files: number;
  readonly findings: readonly JsonFinding[];
  /** Mistakes in the files themselves (not findings): a file with one is not fully audited. */
  readonly problems: readonly JsonDiagnostic[];
}

/** Splits diagnostics into findings (irregular facts) and problems (mistakes in the files). */
export function splitFindings(diagnostics: readonly Diagnostic[]): { findings: Diagnostic[]; problems: Diagnostic[] } {
  return {
    findings: diagnostics.filter((d) => d.irregularity !== undefined),
    problems: diagnostics.filter((d) => d.irregularity === undefined && d.severity === "error"),
  };
}

/** The audit as JSON (2-space indent), ending with a line break. */
export function formatAuditJson(diagnostics: readonly Diagnostic[], files: number, tr: Translator): string {
  const { findings, problems } = splitFindings(diagnostics);
  const report: JsonAudit = {
    files,
    findings: findings.map((d) => {
      const j = toJson(d, tr);
      return {
        file: j.file,
        line: j.line,
        column: j.column,
        code: j.code,
        message: j.message,
        article: d.irregularity!.article,
        consequence: tr.text(d.irregularity!.consequence),
        couldChangeOutcome: d.irregularity!.couldChangeOutcome ?? null,
      };
    }),
    problems: problems.map((d) => toJson(d, tr)),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function changeWord(d: Diagnostic, tr: Translator): string {
  const could = d.irregularity!.couldChangeOutcome;
  return tr.t(could === undefined ? "audit.change.unknown" : could ? "audit.change.yes" : "audit.change.no");
}

/** The audit as a table: where, code, whether it could have changed an outcome, what; then the article and consequence. */
export function formatAuditTable(diagnostics: readonly Diagnostic[], files: number, tr: Translator): string {
  const { findings } = splitFindings(diagnostics);
  const rows = findings.map((d) => ({
    where: d.span ? spanLocation(d.span) : "",
    code: d.code,
    change: changeWord(d, tr),
    what: oneLine(tr.text(d.message)),
    why: oneLine(`${d.irregularity!.article}${tr.t("report.colon")}${tr.text(d.irregularity!.consequence)}`),
  }));
  const header = { where: tr.t("audit.header.where"), code: tr.t("audit.header.code"), change: tr.t("audit.header.change"), what: tr.t("audit.header.finding"), why: "" };
  const width = (key: "where" | "code" | "change") => Math.max(header[key].length, ...rows.map((r) => r[key].length));
  const [w1, w2, w3] = [width("where"), width("code"), width("change")];
  const line = (r: typeof header) => `${r.where.padEnd(w1)}  ${r.code.padEnd(w2)}  ${r.change.padEnd(w3)}  ${r.what}`.trimEnd();
  const indent = " ".repeat(w1 + w2 + w3 + 6);
  const body = rows.map((r) => `${line(r)}\n${indent}${r.why}\n`).join("");
  const changing = findings.filter((d) => d.irregularity!.couldChangeOutcome === true).length;
  const unknown = findings.filter((d) => d.irregularity!.couldChangeOutcome === undefined).length;
  if (findings.length === 0) return `${tr.t("audit.summary.none", { files })}\n`;
  const summary = tr.t("audit.summary", { findings: findings.length, files, changing, unknown });
  return `${line(header)}\n${body}\n${summary}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, " ");
}
