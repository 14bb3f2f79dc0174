// One line per diagnostic, for editors' problem matchers and grep:
//   session.yaml:14:13: error DLB3002: message — hint: first hint; second hint

import type { Diagnostic } from "./diagnostic.js";
import { spanLocation } from "./line-index.js";
import type { Translator } from "./translator.js";

/** Each diagnostic on one line (line breaks in messages become spaces); "" when there are none. */
export function formatShort(diagnostics: readonly Diagnostic[], tr: Translator): string {
  return diagnostics.map((d) => `${formatShortLine(d, tr)}\n`).join("");
}

function formatShortLine(d: Diagnostic, tr: Translator): string {
  const where = d.span === undefined ? "" : `${spanLocation(d.span)}: `;
  const hints = d.hints.length > 0 ? ` — ${tr.t("report.hint")}${tr.t("report.colon")}${d.hints.map((h) => tr.text(h)).join("; ")}` : "";
  return oneLine(`${where}${tr.t(`report.${d.severity}`)} ${d.code}${tr.t("report.colon")}${tr.text(d.message)}${hints}`);
}

function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, " ");
}
