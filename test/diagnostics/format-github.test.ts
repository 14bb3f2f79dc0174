import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic, SourceFile } from "../../src/diagnostics/diagnostic.js";
import { formatGithub } from "../../src/diagnostics/format-github.js";
import { spanRange } from "../../src/diagnostics/line-index.js";
import { ALL, NO_SPAN, PLACE, PRESENT } from "./fixtures.js";
import { english } from "../support/english.js";
import { rawText } from "../../src/diagnostics/message.js";

interface Command {
  readonly command: string;
  readonly properties: Record<string, string>;
  readonly message: string;
}

function unescape(text: string): string {
  return text.replace(/%(25|0D|0A|3A|2C)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Parses workflow commands back, the way the runner does. */
function parse(output: string): Command[] {
  return output
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      const match = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
      if (match === null) throw new Error(`not a workflow command: ${line}`);
      const properties: Record<string, string> = {};
      for (const pair of (match[2] ?? "").split(",").filter((p) => p !== "")) {
        const eq = pair.indexOf("=");
        properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
      }
      return { command: match[1] ?? "", properties, message: unescape(match[3] ?? "") };
    });
}

describe("formatGithub", () => {
  it("writes error and warning annotations with positions and a title", () => {
    expect(formatGithub([PLACE, PRESENT, NO_SPAN], english)).toBe(
      [
        "::error file=séances/2021-05-18.yaml,line=2,col=19,endLine=2,endColumn=25,title=DLB2001::unknown place `Région`%0Ahint: check the spelling",
        "::warning file=séances/2021-05-18.yaml,line=4,col=1,endLine=5,endColumn=17,title=DLB3005::member listed without a role%0Ahint: add `role: membre`%0Ahint: or remove the member%0Anote: séances/2021-05-18.yaml:1:1: session dated here",
        "::error title=DLB4001::no chromium browser found%0Ahint: set DELIB_BROWSER to a chromium executable",
        "",
      ].join("\n"),
    );
  });

  it("escapes % and line breaks in messages, and also : and , in properties", () => {
    const file: SourceFile = { path: "a,b:c%d.yaml", text: "x: 1\n" };
    const d: Diagnostic = { ...PLACE, message: rawText("100% sure:\r\nyes, ::really"), span: { file, start: 3, end: 4 }, hints: [] };
    expect(formatGithub([d], english)).toBe(
      "::error file=a%2Cb%3Ac%25d.yaml,line=1,col=4,endLine=1,endColumn=5,title=DLB2001::100%25 sure:%0D%0Ayes, ::really\n",
    );
  });

  it("parses back to the same file, position and message", () => {
    const commands = parse(formatGithub(ALL, english));
    expect(commands).toHaveLength(ALL.length);
    ALL.forEach((d, i) => {
      const c = commands[i];
      expect(c?.command).toBe(d.severity);
      expect(c?.properties.title).toBe(d.code);
      expect(c?.message.split("\n")[0]).toBe(english.text(d.message));
      if (d.span === undefined) {
        expect(c?.properties.file).toBeUndefined();
      } else {
        const r = spanRange(d.span);
        expect(c?.properties).toMatchObject({ file: d.span.file.path, line: String(r.line), col: String(r.column) });
      }
    });
  });

  it("round-trips any path and message", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), fc.string(), (path, message, hint) => {
        const file: SourceFile = { path, text: "a\nbc" };
        const d: Diagnostic = { ...PLACE, message: rawText(message), hints: [rawText(hint)], span: { file, start: 3, end: 4 } };
        const out = formatGithub([d], english);
        expect(out.slice(0, -1)).not.toMatch(/[\r\n]/);
        const [c] = parse(out);
        expect(c?.properties).toEqual({ file: path, line: "2", col: "2", endLine: "2", endColumn: "3", title: "DLB2001" });
        expect(c?.message).toBe(`${message}\nhint: ${hint}`);
      }),
    );
  });
});
