// The one diagnostic type every stage returns. Stages never print: the CLI formats, in the
// reader's language (translator.ts).
import type { Message } from "./message.js";

/**
 * What a person reads: a message of the catalogues (locales/messages/), turned into text only
 * when shown. A text that is not delib's own words (a library's message, a path) is the
 * message `raw`, shown as it is in every language (rawText in message.ts).
 */
export type Text = Message;

/** A source file as read from disk, kept so diagnostics can quote it. */
export interface SourceFile {
  /** Path as the user gave it (used in messages). */
  readonly path: string;
  readonly text: string;
}

/** A half-open character range [start, end) in a source file. */
export interface Span {
  readonly file: SourceFile;
  readonly start: number;
  readonly end: number;
}

export type Severity = "error" | "warning";

/** A further place that explains the diagnostic ("the holder leaves here"). */
export interface RelatedSpan {
  readonly span: Span;
  readonly message: Text;
}

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable code: DLB1xxx YAML, DLB2xxx schema, DLB3xxx legal and semantic rules, DLB4xxx environment. */
  readonly code: string;
  /** Short, plain, lower-case message. */
  readonly message: Text;
  /** Where the problem is; absent only for problems that belong to no file (environment). */
  readonly span?: Span;
  /** What the clerk can do about it. */
  readonly hints: readonly Text[];
  readonly related: readonly RelatedSpan[];
  /**
   * Set when the diagnostic states an irregular fact of the sitting (or a figure printed wrong),
   * rather than a mistake in the file: in a sitting being prepared it is an error, so nothing
   * irregular is printed by mistake; in a transcribed record (`record: transcribed`) it is a
   * finding, reported as a warning and listed by `delib audit`.
   */
  readonly irregularity?: Irregularity;
}

/** What an irregular fact means in law: the article it breaks, and what follows from it. */
export interface Irregularity {
  /** The article or rule broken, e.g. "CGCT L2121-20". */
  readonly article: string;
  /** The legal consequence delib applied, in a plain sentence ("the second proxy is not counted"). */
  readonly consequence: Text;
  /**
   * Whether it could have changed an outcome (a quorum, a result): true, false, or undefined
   * when delib cannot tell.
   */
  readonly couldChangeOutcome: boolean | undefined;
}

/** A stage's result: a value when it could produce one, and what it found along the way. */
export interface Result<T> {
  readonly value: T | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Builds a diagnostic with empty hints and related spans unless given. */
export function diagnostic(
  init: Omit<Diagnostic, "hints" | "related" | "severity"> &
    Partial<Pick<Diagnostic, "hints" | "related" | "severity">>,
): Diagnostic {
  return { severity: "error", hints: [], related: [], ...init };
}

/**
 * The diagnostics of a transcribed record: its irregular facts become findings (warnings),
 * since the record was adopted as it is and its documents must still be built. Other
 * diagnostics (a mistake in the file) are unchanged.
 */
export function asFindings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.irregularity && d.severity === "error" ? { ...d, severity: "warning" } : d));
}

/** True when any diagnostic is an error (warnings do not stop a build). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
