// A hand-made source file and diagnostics shared by the formatter tests.
import type { Diagnostic, SourceFile, Span } from "../../src/diagnostics/diagnostic.js";
import { rawText } from "../../src/diagnostics/message.js";

export const SOURCE: SourceFile = {
  path: "séances/2021-05-18.yaml",
  text: [
    "date: 2021-05-18", // 1
    "lieu: Hôtel de la Région", // 2
    "\tquorom: 12", // 3
    "présents:", // 4
    "  - Élodie Dupré", // 5
    "", // 6 (end of file, after the final line break)
  ].join("\n"),
};

/** The span of the `occurrence`-th (0-based) occurrence of `needle` in the source. */
export function spanOf(needle: string, file: SourceFile = SOURCE, occurrence = 0): Span {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = file.text.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`${needle} not in ${file.path}`);
  }
  return { file, start, end: start + needle.length };
}

export const PLACE: Diagnostic = {
  severity: "error",
  code: "DLB2001",
  message: rawText("unknown place `Région`"),
  span: spanOf("Région"),
  hints: [rawText("check the spelling")],
  related: [],
};

export const QUORUM: Diagnostic = {
  severity: "error",
  code: "DLB2002",
  message: rawText("unknown field `quorom`, did you mean `quorum`?"),
  span: spanOf("quorom"),
  hints: [],
  related: [],
};

export const PRESENT: Diagnostic = {
  severity: "warning",
  code: "DLB3005",
  message: rawText("member listed without a role"),
  span: { file: SOURCE, start: SOURCE.text.indexOf("présents"), end: SOURCE.text.indexOf("Dupré") + 5 },
  hints: [rawText("add `role: membre`"), rawText("or remove the member")],
  related: [{ span: spanOf("date"), message: rawText("session dated here") }],
};

export const EOF_DIAGNOSTIC: Diagnostic = {
  severity: "error",
  code: "DLB2003",
  message: rawText("missing field `votes`"),
  span: { file: SOURCE, start: SOURCE.text.length, end: SOURCE.text.length },
  hints: [],
  related: [],
};

export const NO_SPAN: Diagnostic = {
  severity: "error",
  code: "DLB4001",
  message: rawText("no chromium browser found"),
  hints: [rawText("set DELIB_BROWSER to a chromium executable")],
  related: [],
};

export const ALL: readonly Diagnostic[] = [PLACE, QUORUM, PRESENT, EOF_DIAGNOSTIC, NO_SPAN];
