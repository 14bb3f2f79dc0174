import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatGithub } from "../diagnostics/format-github.js";
import { formatHuman, formatSummary, type Painter } from "../diagnostics/format-human.js";
import { formatJson } from "../diagnostics/format-json.js";
import { formatShort } from "../diagnostics/format-short.js";

export const reportFormats = ["human", "short", "json", "github"] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** The text of a diagnostics report in the chosen format (the summary line is human-only). */
export function formatReport(
  diagnostics: readonly Diagnostic[],
  format: ReportFormat,
  options: { painter?: Painter; fileCount: number },
): string {
  switch (format) {
    case "short":
      return formatShort(diagnostics);
    case "json":
      return formatJson(diagnostics);
    case "github":
      return formatGithub(diagnostics);
    case "human":
      return formatHuman(diagnostics, { painter: options.painter }) + formatSummary(diagnostics, options.fileCount) + "\n";
  }
}

/** Colours for a terminal: chalk, loaded only when there is something to colour. */
export async function terminalPainter(color: boolean): Promise<Painter | undefined> {
  if (!color) return undefined;
  const { Chalk } = await import("chalk");
  return new Chalk({ level: 1 });
}
