import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import type { Diagnostic, SourceFile } from "../../src/diagnostics/diagnostic.js";
import { formatHuman, formatSummary, renderLine } from "../../src/diagnostics/format-human.js";
import { ALL, EOF_DIAGNOSTIC, NO_SPAN, PLACE, PRESENT, QUORUM, spanOf } from "./fixtures.js";
import { english } from "../support/english.js";
import { rawText } from "../../src/diagnostics/message.js";

const plain = (diagnostics: readonly Diagnostic[]) => formatHuman(diagnostics, { tr: english });
const ANSI = /\x1b\[[0-9;]*m/g;

function at(file: SourceFile, needle: string, code = "DLB2001"): Diagnostic {
  return { severity: "error", code, message: rawText("here"), span: spanOf(needle, file), hints: [], related: [] };
}

describe("formatHuman", () => {
  it("quotes the line and underlines the span, accents counting one column", () => {
    expect(plain([PLACE])).toBe(
      [
        "séances/2021-05-18.yaml:2:19 - error DLB2001: unknown place `Région`",
        "",
        "2 lieu: Hôtel de la Région",
        "                    ~~~~~~",
        "  hint: check the spelling",
        "",
        "",
      ].join("\n"),
    );
  });

  it("expands a leading tab in both the line and the underline", () => {
    expect(plain([QUORUM])).toBe(
      [
        "séances/2021-05-18.yaml:3:2 - error DLB2002: unknown field `quorom`, did you mean `quorum`?",
        "",
        "3     quorom: 12",
        "      ~~~~~~",
        "",
        "",
      ].join("\n"),
    );
  });

  it("underlines a span over several lines to the end of its first line, then hints and notes", () => {
    expect(plain([PRESENT])).toBe(
      [
        "séances/2021-05-18.yaml:4:1 - warning DLB3005: member listed without a role",
        "",
        "4 présents:",
        "  ~~~~~~~~~",
        "  hint: add `role: membre`",
        "  hint: or remove the member",
        "  séances/2021-05-18.yaml:1:1 - note: session dated here",
        "",
        "",
      ].join("\n"),
    );
  });

  it("underlines an empty span at the end of the file with one ~", () => {
    expect(plain([EOF_DIAGNOSTIC])).toBe(
      ["séances/2021-05-18.yaml:6:1 - error DLB2003: missing field `votes`", "", "6", "  ~", "", ""].join("\n"),
    );
    const noFinalBreak: SourceFile = { path: "a.yaml", text: "date: 2021" };
    const end = { ...EOF_DIAGNOSTIC, span: { file: noFinalBreak, start: 10, end: 10 } };
    expect(plain([end])).toContain("1 date: 2021\n            ~\n");
  });

  it("prints a diagnostic without a span as code, message and hints", () => {
    expect(plain([NO_SPAN])).toBe(
      "error DLB4001: no chromium browser found\n  hint: set DELIB_BROWSER to a chromium executable\n\n",
    );
  });

  it("aligns tabs in the middle of a line, decomposed accents, wide characters and CRLF", () => {
    const file: SourceFile = { path: "b.yaml", text: "x:\r\na\tb: Re\u0301gion 会议 ok\r\n" };
    const out = plain([at(file, "b"), at(file, "Re\u0301gion"), at(file, "ok")]);
    const quoted = out.split("\n").filter((l) => l.startsWith("2 ") || /^ +~+$/.test(l));
    expect(quoted).toEqual([
      "2 a   b: Re\u0301gion 会议 ok",
      "      ~",
      "2 a   b: Re\u0301gion 会议 ok",
      "         ~~~~~~",
      "2 a   b: Re\u0301gion 会议 ok",
      "                     ~~",
    ]);
  });

  it("pads the underline under a wide line number", () => {
    const file: SourceFile = { path: "c.yaml", text: `${"\n".repeat(11)}quorum: x` };
    expect(plain([at(file, "x")])).toContain("12 quorum: x\n           ~\n");
  });

  it("never prints control characters from the source", () => {
    const file: SourceFile = { path: "d.yaml", text: "\uFEFFname: \x1b[31mred\u202E!" };
    const out = plain([at(file, "red")]);
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\uFEFF\u202E]/);
    expect(out).toContain(`1 name: \uFFFD[31mred!\n${" ".repeat(13)}~~~\n`);
  });

  it("colours only when asked (chalk level from the option, not the environment)", () => {
    expect(plain(ALL)).not.toMatch(ANSI);
    const colored = formatHuman(ALL, { painter: new Chalk({ level: 1 }), tr: english });
    expect(colored).toContain("\x1b[31merror\x1b[39m");
    expect(colored).toContain("\x1b[33mwarning\x1b[39m");
    expect(colored).toContain("\x1b[90mDLB2001\x1b[39m");
    expect(colored.replace(ANSI, "")).toBe(plain(ALL));
  });

  it("prints nothing for no diagnostics", () => {
    expect(plain([])).toBe("");
  });
});

describe("renderLine", () => {
  it("maps each offset to its column", () => {
    expect(renderLine("\tab\tc")).toEqual({ text: "    ab  c", columns: [0, 4, 5, 6, 8, 9] });
    expect(renderLine("😀é").columns).toEqual([0, 0, 2, 3]);
  });
});

describe("formatSummary", () => {
  const warning: Diagnostic = { ...PLACE, severity: "warning" };
  it.each([
    ["No problems found in 1 file.", [], 1],
    ["No problems found in 3 files.", [], 3],
    ["Found 1 error in 1 file.", [PLACE], 1],
    ["Found 2 errors in 2 files.", [PLACE, QUORUM], 2],
    ["Found 1 warning in 1 file.", [warning], 1],
    ["Found 2 warnings in 1 file.", [warning, warning], 1],
    ["Found 2 errors and 1 warning in 1 file.", [PLACE, QUORUM, warning], 1],
    ["Found 1 error and 2 warnings in 4 files.", [PLACE, warning, warning], 4],
  ] as const)("%s", (summary, diagnostics, files) => {
    expect(formatSummary(diagnostics, files, english)).toBe(summary);
  });
});
