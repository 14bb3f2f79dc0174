import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatGithub } from "../diagnostics/format-github.js";
import { formatHuman, formatSummary, type Painter } from "../diagnostics/format-human.js";
import { formatJson } from "../diagnostics/format-json.js";
import { formatShort } from "../diagnostics/format-short.js";
import type { Translator } from "../diagnostics/translator.js";

export const reportFormats = ["human", "short", "json", "github"] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** The text of a diagnostics report in the chosen format (the summary line is human-only). */
export function formatReport(
  diagnostics: readonly Diagnostic[],
  format: ReportFormat,
  options: { painter?: Painter; fileCount: number; tr: Translator },
): string {
  const { tr } = options;
  switch (format) {
    case "short":
      return formatShort(diagnostics, tr);
    case "json":
      return formatJson(diagnostics, tr);
    case "github":
      return formatGithub(diagnostics, tr);
    case "human":
      return formatHuman(diagnostics, { painter: options.painter, tr }) + formatSummary(diagnostics, options.fileCount, tr) + "\n";
  }
}

/** Colours for a terminal: chalk, loaded only when there is something to colour. */
export async function terminalPainter(color: boolean): Promise<Painter | undefined> {
  if (!color) return undefined;
  const { Chalk } = await import("chalk");
  return new Chalk({ level: 1 });
}
