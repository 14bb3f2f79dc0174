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
