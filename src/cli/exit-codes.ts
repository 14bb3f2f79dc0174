// The one table of exit codes (README "Exit codes" mirrors it).
export const ExitCode = {
  /** Everything asked was done. */
  Ok: 0,
  /** The input has errors; nothing was written. */
  InvalidInput: 1,
  /** The command line is wrong. */
  Usage: 2,
  /** The environment stopped us: no browser, cannot write the output. */
  Environment: 3,
  /** A bug in delib. */
  Internal: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * What `delib verify FILE.pdf` found, beside the codes above (README "Exit codes"): a script
 * or a CI job tells a changed PDF from a changed source without reading the report.
 */
export const VerifyExitCode = {
  /** The PDF is as printed, and the source (committed and in the working folder) still gives it. */
  Identical: ExitCode.Ok,
  /** The PDF's bytes changed after printing: its seal no longer holds. */
  PdfChanged: 10,
  /** The source as committed at HEAD no longer gives the printed document. */
  SourceCommitted: 11,
  /** Changes not committed (in the working folder) differ from what was printed. */
  SourceUncommitted: 12,
  /** Nothing to compare with: no record of the source, no seal, or the source is nowhere. */
  Unknown: 13,
} as const;
