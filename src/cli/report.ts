import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatGithub } from "../diagnostics/format-github.js";
import { formatHuman, formatSummary } from "../diagnostics/format-human.js";
import { formatJson } from "../diagnostics/format-json.js";
import { formatShort } from "../diagnostics/format-short.js";

export const reportFormats = ["human", "short", "json", "github"] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** The text of a diagnostics report in the chosen format (the summary line is human-only). */
export function formatReport(
  diagnostics: readonly Diagnostic[],
  format: ReportFormat,
  options: { color: boolean; fileCount: number },
): string {
  switch (format) {
    case "short":
      return formatShort(diagnostics);
    case "json":
      return formatJson(diagnostics);
    case "github":
      return formatGithub(diagnostics);
    case "human":
      return formatHuman(diagnostics, { color: options.color }) + formatSummary(diagnostics, options.fileCount) + "\n";
  }
}
