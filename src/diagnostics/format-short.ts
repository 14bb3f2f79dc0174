// One line per diagnostic, for editors' problem matchers and grep:
//   session.yaml:14:13: error DLB3002: message — hint: first hint; second hint

import type { Diagnostic } from "./diagnostic.js";
import { spanLocation } from "./line-index.js";

/** Each diagnostic on one line (line breaks in messages become spaces); "" when there are none. */
export function formatShort(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${formatShortLine(d)}\n`).join("");
}

function formatShortLine(d: Diagnostic): string {
  const where = d.span === undefined ? "" : `${spanLocation(d.span)}: `;
  const hints = d.hints.length > 0 ? ` — hint: ${d.hints.join("; ")}` : "";
  return oneLine(`${where}${d.severity} ${d.code}: ${d.message}${hints}`);
}

function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, " ");
}
