// The one diagnostic type every stage returns. Stages never print: the CLI formats.

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
  readonly message: string;
}

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable code: DLB1xxx YAML, DLB2xxx schema, DLB3xxx legal and semantic rules, DLB4xxx environment. */
  readonly code: string;
  /** Short, plain, lower-case message. */
  readonly message: string;
  /** Where the problem is; absent only for problems that belong to no file (environment). */
  readonly span?: Span;
  /** What the clerk can do about it. */
  readonly hints: readonly string[];
  readonly related: readonly RelatedSpan[];
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

/** True when any diagnostic is an error (warnings do not stop a build). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
