// What every command receives: where to write, and how to report diagnostics.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Painter } from "../diagnostics/format-human.js";
import { formatReport, terminalPainter, type ReportFormat } from "./report.js";

/** Where the CLI writes; tests pass their own. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Record<string, string | undefined>;
  readonly stderrIsTty: boolean;
}

export interface CliContext {
  readonly io: Io;
  /** Diagnostics as text in `format` (human by default), coloured for a terminal. */
  format(diagnostics: readonly Diagnostic[], fileCount: number, format?: ReportFormat): Promise<string>;
}

/** A context over `io`: colour when stderr is a terminal and NO_COLOR is not set. */
export function cliContext(io: Io): CliContext {
  const color = io.stderrIsTty && io.env.NO_COLOR === undefined && io.env.FORCE_COLOR !== "0";
  let painter: Promise<Painter | undefined> | undefined;
  return {
    io,
    async format(diagnostics, fileCount, format = "human") {
      painter ??= terminalPainter(color && format === "human");
      return formatReport(diagnostics, format, { painter: await painter, fileCount });
    },
  };
}
