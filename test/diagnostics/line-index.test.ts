import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineIndex, lineColumn, lineIndexOf, spanRange } from "../../src/diagnostics/line-index.js";
import { SOURCE, spanOf } from "./fixtures.js";

/** The obvious quadratic definition. */
function naive(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const last = Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r"));
  // An offset between \r and \n is the end of the \r's line, where the \r is (as with \n alone).
  if (before.endsWith("\r") && text[offset] === "\n") {
    const lastLine = before.slice(0, -1);
    const start = Math.max(lastLine.lastIndexOf("\n"), lastLine.lastIndexOf("\r")) + 1;
    return { line: breaks.length, column: offset - start };
  }
  return { line: breaks.length + 1, column: offset - last };
}

describe("lineColumn", () => {
  it("is 1-based", () => {
    expect(lineColumn("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn("ab\ncd", 2)).toEqual({ line: 1, column: 3 });
    expect(lineColumn("ab\ncd", 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumn("ab\ncd", 5)).toEqual({ line: 2, column: 3 });
    expect(lineColumn("", 0)).toEqual({ line: 1, column: 1 });
  });

  it("counts columns in UTF-16 code units", () => {
    expect(lineColumn("é😀x", 3)).toEqual({ line: 1, column: 4 });
    expect(spanRange(spanOf("Région"))).toEqual({ line: 2, column: 19, endLine: 2, endColumn: 25 });
  });

  it("knows \\r\\n and lone \\r line breaks", () => {
    expect(lineColumn("a\r\nb", 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumn("a\rb", 2)).toEqual({ line: 2, column: 1 });
    expect(lineColumn("a\r\n\r\nb", 5)).toEqual({ line: 3, column: 1 });
  });

  it("clamps offsets out of the text", () => {
    expect(lineColumn("ab\ncd", -4)).toEqual({ line: 1, column: 1 });
    expect(lineColumn("ab\ncd", 99)).toEqual({ line: 2, column: 3 });
  });

  it("agrees with the naive definition", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "é", "\n", "\r", "\t", "😀") });
    fc.assert(
      fc.property(text, fc.nat(), (t, n) => {
        const offset = n % (t.length + 1);
        expect(lineColumn(t, offset)).toEqual(naive(t, offset));
      }),
    );
  });
});

describe("LineIndex", () => {
  it("gives line starts, ends and texts without line breaks", () => {
    const index = new LineIndex("one\r\ntwo\rthree\n");
    expect(index.lineCount).toBe(4);
    expect([1, 2, 3, 4].map((l) => index.lineText(l))).toEqual(["one", "two", "three", ""]);
    expect(index.lineStart(2)).toBe(5);
    expect(index.lineEnd(1)).toBe(3);
    expect(() => index.lineStart(5)).toThrow(RangeError);
    expect(() => index.lineStart(0)).toThrow(RangeError);
  });

  it("is built once per text", () => {
    expect(lineIndexOf(SOURCE.text)).toBe(lineIndexOf(SOURCE.text));
    expect(lineIndexOf(SOURCE.text).lineText(3)).toBe("\tquorom: 12");
  });
});

describe("an offset between the CR and the LF of a CRLF", () => {
  // Found by the fuzzer (seed 14, input 21120): « [ » then CRLF, an unclosed bracket reported at
  // the end of the file, was at 1:3 where the same file with LF alone says 1:2.
  it("is the end of its line, where the CR is, as with LF alone", () => {
    expect(lineColumn("[\r\n", 2)).toEqual(lineColumn("[\n", 1));
    expect(lineColumn("[\r\n", 2)).toEqual({ line: 1, column: 2 });
    expect(lineColumn("a: 1\r\nb: [\r\n", 11)).toEqual({ line: 2, column: 5 });
  });

  it("gives every offset of a CRLF text the place of the same character with LF alone", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", " ", ":", "\n"), { maxLength: 40 }), (chars) => {
        const lf = chars.join("");
        const crlf = lf.replace(/\n/g, "\r\n");
        // Offset i of the LF text is offset map[i] of the CRLF one; its LF is one further than its CR.
        let shift = 0;
        for (let i = 0; i <= lf.length; i++) {
          const at = i + shift;
          expect(lineColumn(crlf, at)).toEqual(lineColumn(lf, i));
          if (lf[i] === "\n") {
            expect(lineColumn(crlf, at + 1)).toEqual(lineColumn(lf, i));
            shift++;
          }
        }
      }),
    );
  });
});
