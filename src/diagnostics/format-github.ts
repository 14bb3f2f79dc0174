// GitHub Actions workflow commands, so CI shows diagnostics as annotations on the changed lines:
//   ::error file=session.yaml,line=14,col=13,endLine=14,endColumn=23,title=DLB3002::message%0Ahint: ...
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions

import type { Diagnostic } from "./diagnostic.js";
import { spanLocation, spanRange } from "./line-index.js";
import type { Translator } from "./translator.js";

/** One workflow command per diagnostic, each ending with a line break; "" when there are none. */
export function formatGithub(diagnostics: readonly Diagnostic[], tr: Translator): string {
  return diagnostics.map((d) => `${formatGithubLine(d, tr)}\n`).join("");
}

function formatGithubLine(d: Diagnostic, tr: Translator): string {
  const properties: [string, string | number][] = [];
  if (d.span !== undefined) {
    const range = spanRange(d.span);
    properties.push(
      ["file", d.span.file.path],
      ["line", range.line],
      ["col", range.column],
      ["endLine", range.endLine],
      ["endColumn", range.endColumn],
    );
  }
  properties.push(["title", d.code]);
  const body = [
    tr.text(d.message),
    ...d.hints.map((h) => `${tr.t("report.hint")}${tr.t("report.colon")}${tr.text(h)}`),
    ...d.related.map((r) => `${tr.t("report.note")}${tr.t("report.colon")}${spanLocation(r.span)}${tr.t("report.colon")}${tr.text(r.message)}`),
  ].join("\n");
  const props = properties.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  return `::${d.severity} ${props}::${escapeData(body)}`;
}

/** Escapes a command's message (as @actions/core does). */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a command property's value (as @actions/core does). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
