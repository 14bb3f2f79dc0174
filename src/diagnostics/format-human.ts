// The human format, like tsc's --pretty:
//
//   session.yaml:14:13 - error DLB3002: message
//
//   14   date: 2021-05-18
//                ~~~~~~~~~~
//     hint: ...
//     session.yaml:3:5 - note: message
//
// A pure function of the diagnostics: colour is an option, never read from the environment.

import type { Diagnostic, Severity, Span } from "./diagnostic.js";
import { lineIndexOf, spanRange } from "./line-index.js";
import type { Translator } from "./translator.js";

/** The few colours the format uses: a chalk instance fits, and so does `plain`. */
export interface Painter {
  red(text: string): string;
  yellow(text: string): string;
  gray(text: string): string;
  cyan(text: string): string;
  inverse(text: string): string;
}

type Paint = (text: string) => string;

/** No colour at all. */
export const plain: Painter = { red: String, yellow: String, gray: String, cyan: String, inverse: String };

export interface HumanOptions {
  /** The reader's language. */
  readonly tr: Translator;
  /**
   * How to colour: `plain` (the default), or a chalk instance for a terminal. The CLI loads
   * chalk only when it will colour, so a run that prints nothing pays nothing for it.
   */
  readonly painter?: Painter;
}

/** Tab stops every this many columns when quoting a source line. */
const TAB_WIDTH = 4;

/** Each diagnostic as a block ending with a blank line; "" when there are none. */
export function formatHuman(diagnostics: readonly Diagnostic[], options: HumanOptions): string {
  const painter = options.painter ?? plain;
  return diagnostics.map((d) => formatOne(d, painter, options.tr)).join("");
}

function formatOne(d: Diagnostic, chalk: Painter, tr: Translator): string {
  const paint = severityColor(d.severity, chalk);
  const title = `${paint(tr.t(`report.${d.severity}`))} ${chalk.gray(d.code)}${tr.t("report.colon")}${tr.text(d.message)}`;
  const lines: string[] = [];
  if (d.span === undefined) {
    lines.push(title);
  } else {
    lines.push(`${location(d.span, chalk)} - ${title}`, "", ...quote(d.span, paint, chalk));
  }
  for (const hint of d.hints) lines.push(`  ${chalk.cyan(tr.t("report.hint"))}${tr.t("report.colon")}${tr.text(hint)}`);
  for (const r of d.related) lines.push(`  ${location(r.span, chalk)} - ${chalk.gray(tr.t("report.note"))}${tr.t("report.colon")}${tr.text(r.message)}`);
  lines.push("", "");
  return lines.join("\n");
}

function severityColor(severity: Severity, chalk: Painter): Paint {
  return severity === "error" ? (s) => chalk.red(s) : (s) => chalk.yellow(s);
}

function location(span: Span, chalk: Painter): string {
  const { line, column } = spanRange(span);
  return `${chalk.cyan(span.file.path)}:${chalk.yellow(String(line))}:${chalk.yellow(String(column))}`;
}

/** The span's first line with its line number, and a line of ~ under the span. */
function quote(span: Span, paint: Paint, chalk: Painter): string[] {
  const index = lineIndexOf(span.file.text);
  const { line } = index.lineColumn(span.start);
  const lineStart = index.lineStart(line);
  const lineEnd = index.lineEnd(line);
  const { text, columns } = renderLine(index.text.slice(lineStart, lineEnd));
  const length = lineEnd - lineStart;
  const from = Math.min(Math.max(span.start - lineStart, 0), length);
  const to = Math.min(Math.max(span.end - lineStart, from), length);
  const startColumn = columns[from] ?? 0;
  const width = Math.max(1, (columns[to] ?? 0) - startColumn);
  const gutter = String(line);
  return [
    `${chalk.inverse(gutter)} ${text}`.trimEnd(),
    `${chalk.inverse(" ".repeat(gutter.length))} ${" ".repeat(startColumn)}${paint("~".repeat(width))}`,
  ];
}

/** Printed, no column: combining marks. */
const COMBINING = /^[\p{Mn}\p{Me}]$/u;
/** Not printed: format characters (zero-width space, bidi controls, byte order mark...). */
const INVISIBLE = /^\p{Cf}$/u;
/** Printed as U+FFFD: controls, lone surrogates, line and paragraph separators. */
const UNPRINTABLE = /^[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]$/u;
const WIDE =
  /^[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]$/u;

/**
 * A source line as printed (tabs expanded to stops every 4 columns, control characters made
 * harmless) and, for each UTF-16 offset in the line (and its end), the terminal column it
 * starts at. Combining accents (decomposed "é") take no column, CJK and emoji two.
 */
export function renderLine(line: string): { text: string; columns: number[] } {
  const columns = new Array<number>(line.length + 1).fill(0);
  let text = "";
  let column = 0;
  for (let i = 0; i < line.length; ) {
    const codePoint = line.codePointAt(i) ?? 0;
    const size = codePoint > 0xffff ? 2 : 1;
    for (let k = 0; k < size; k++) columns[i + k] = column;
    const ch = String.fromCodePoint(codePoint);
    if (codePoint === 9) {
      const w = TAB_WIDTH - (column % TAB_WIDTH);
      text += " ".repeat(w);
      column += w;
    } else if (UNPRINTABLE.test(ch)) {
      text += "\uFFFD";
      column += 1;
    } else if (COMBINING.test(ch)) {
      text += ch;
    } else if (!INVISIBLE.test(ch)) {
      text += ch;
      column += WIDE.test(ch) ? 2 : 1;
    }
    i += size;
  }
  columns[line.length] = column;
  return { text, columns };
}

/**
 * The one-line summary printed after the diagnostics: "Found 2 errors and 1 warning in 1 file.",
 * "No problems found in 3 files." (« 2 erreurs et 1 avertissement dans 1 fichier. »)
 */
export function formatSummary(diagnostics: readonly Diagnostic[], fileCount: number, tr: Translator): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (errors === 0 && warnings === 0) return tr.t("report.summary.clean", { files: fileCount });
  // A command that reads no session file (init, verify) has nothing to count them in.
  return tr.t(fileCount > 0 ? "report.summary.found" : "report.summary.found_nowhere", { errors, warnings, files: fileCount });
}
