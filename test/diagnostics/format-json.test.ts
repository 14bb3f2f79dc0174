import { describe, expect, it } from "vitest";
import { formatJson } from "../../src/diagnostics/format-json.js";
import { ALL, NO_SPAN, PRESENT } from "./fixtures.js";
import { english } from "../support/english.js";

describe("formatJson", () => {
  it("writes positions, hints and related spans", () => {
    const parsed: unknown = JSON.parse(formatJson([PRESENT, NO_SPAN], english));
    expect(parsed).toEqual([
      {
        file: "séances/2021-05-18.yaml",
        line: 4,
        column: 1,
        endLine: 5,
        endColumn: 17,
        severity: "warning",
        code: "DLB3005",
        message: "member listed without a role",
        hints: ["add `role: membre`", "or remove the member"],
        related: [{ file: "séances/2021-05-18.yaml", line: 1, column: 1, message: "session dated here" }],
      },
      {
        file: null,
        line: null,
        column: null,
        endLine: null,
        endColumn: null,
        severity: "error",
        code: "DLB4001",
        message: "no chromium browser found",
        hints: ["set DELIB_BROWSER to a chromium executable"],
        related: [],
      },
    ]);
  });

  it("is stable: fixed key order, 2-space indent, final line break", () => {
    const out = formatJson(ALL, english);
    expect(out).toBe(formatJson(ALL, english));
    expect(out.endsWith("]\n")).toBe(true);
    expect(out.split("\n")[1]).toBe("  {");
    const first = (JSON.parse(out) as Record<string, unknown>[])[0] ?? {};
    expect(Object.keys(first)).toEqual([
      "file",
      "line",
      "column",
      "endLine",
      "endColumn",
      "severity",
      "code",
      "message",
      "hints",
      "related",
    ]);
  });

  it("writes an empty array for no diagnostics", () => {
    expect(formatJson([], english)).toBe("[]\n");
  });
});
