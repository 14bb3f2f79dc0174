// Machine-readable diagnostics: a JSON array with a stable shape and key order.

import type { Diagnostic, Severity, Span } from "./diagnostic.js";
import { spanRange } from "./line-index.js";
import type { Translator } from "./translator.js";

/** One diagnostic in the JSON output. Positions are 1-based, columns in UTF-16 code units. */
export interface JsonDiagnostic {
  /** null when the diagnostic belongs to no file (environment problems), as are the positions. */
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
  /** Position just after the span's last character (exclusive end). */
  readonly endLine: number | null;
  readonly endColumn: number | null;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly hints: readonly string[];
  readonly related: readonly JsonRelated[];
  /** For an irregular fact of the sitting: the article, the consequence applied, and whether it could have changed an outcome (null: cannot tell). Absent otherwise. */
  readonly irregularity?: { readonly article: string; readonly consequence: string; readonly couldChangeOutcome: boolean | null };
}

export interface JsonRelated {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** The diagnostics as a JSON array (2-space indent), ending with a line break. */
export function formatJson(diagnostics: readonly Diagnostic[], tr: Translator): string {
  return `${JSON.stringify(diagnostics.map((d) => toJson(d, tr)), null, 2)}\n`;
}

/** The plain object `formatJson` writes for one diagnostic, its texts in the translator's language. */
export function toJson(d: Diagnostic, tr: Translator): JsonDiagnostic {
  const range = d.span === undefined ? undefined : spanRange(d.span);
  return {
    file: d.span?.file.path ?? null,
    line: range?.line ?? null,
    column: range?.column ?? null,
    endLine: range?.endLine ?? null,
    endColumn: range?.endColumn ?? null,
    severity: d.severity,
    code: d.code,
    message: tr.text(d.message),
    hints: d.hints.map((h) => tr.text(h)),
    related: d.related.map((r) => ({ file: r.span.file.path, ...start(r.span), message: tr.text(r.message) })),
    ...(d.irregularity
      ? { irregularity: { article: d.irregularity.article, consequence: tr.text(d.irregularity.consequence), couldChangeOutcome: d.irregularity.couldChangeOutcome ?? null } }
      : {}),
  };
}

function start(span: Span): { line: number; column: number } {
  const { line, column } = spanRange(span);
  return { line, column };
}
