// Offsets to lines and columns, computed only when printing diagnostics.
//
// Lines end at "\n", "\r\n" or a lone "\r" (as editors count them). Lines and columns are
// 1-based; columns count UTF-16 code units, like editors and the offsets of the `yaml` package.

import type { Span } from "./diagnostic.js";

export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** The line starts of one text, computed once. */
export class LineIndex {
  readonly text: string;
  /** starts[i] is the offset of the first character of line i + 1. */
  private readonly starts: readonly number[];

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) {
        starts.push(i + 1);
      } else if (ch === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  /** Number of lines (a text ending with a line break has an empty last line). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** Line and column of an offset; offsets outside [0, text.length] are clamped. */
  lineColumn(offset: number): LineColumn {
    let at = clamp(offset, this.text.length);
    // Between the CR and the LF of a CRLF is still the end of the line, where the CR is: the
    // same column as the LF of a file saved with LF alone (issue 13).
    if (at > 0 && this.text.charCodeAt(at) === 10 && this.text.charCodeAt(at - 1) === 13) at--;
    // Largest i with starts[i] <= at.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (this.starts[lo] ?? 0) + 1 };
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    const start = this.starts[line - 1];
    if (start === undefined) throw new RangeError(`line ${line} out of range 1..${this.lineCount}`);
    return start;
  }

  /** Offset just after the last character of a 1-based line, before its line break. */
  lineEnd(line: number): number {
    this.lineStart(line);
    const next = this.starts[line];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

function clamp(offset: number, length: number): number {
  if (!(offset > 0)) return 0; // also NaN
  return offset > length ? length : Math.floor(offset);
}

const CACHE_SIZE = 16;
/** A few recently used indexes, keyed by text (least recently used first). */
const cache = new Map<string, LineIndex>();

/** The (cached) line index of a text. */
export function lineIndexOf(text: string): LineIndex {
  let index = cache.get(text);
  if (index !== undefined) {
    cache.delete(text);
  } else {
    index = new LineIndex(text);
    if (cache.size >= CACHE_SIZE) {
      const oldest = cache.keys().next();
      if (oldest.done !== true) cache.delete(oldest.value);
    }
  }
  cache.set(text, index);
  return index;
}

/** 1-based line and column (UTF-16 code units) of an offset in a text. */
export function lineColumn(text: string, offset: number): LineColumn {
  return lineIndexOf(text).lineColumn(offset);
}

export interface SpanRange {
  readonly line: number;
  readonly column: number;
  /** Position of the span's (exclusive) end: the column just after its last character. */
  readonly endLine: number;
  readonly endColumn: number;
}

/** Start and end positions of a span. */
export function spanRange(span: Span): SpanRange {
  const index = lineIndexOf(span.file.text);
  const start = index.lineColumn(span.start);
  const end = index.lineColumn(Math.max(span.start, span.end));
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** "path:line:col" for a span's start. */
export function spanLocation(span: Span): string {
  const { line, column } = spanRange(span);
  return `${span.file.path}:${line}:${column}`;
}
