import { describe, expect, it } from "vitest";
import { formatShort } from "../../src/diagnostics/format-short.js";
import { ALL, PLACE } from "./fixtures.js";
import { english } from "../support/english.js";
import { rawText } from "../../src/diagnostics/message.js";

describe("formatShort", () => {
  it("prints one line per diagnostic", () => {
    expect(formatShort(ALL, english)).toBe(
      [
        "séances/2021-05-18.yaml:2:19: error DLB2001: unknown place `Région` — hint: check the spelling",
        "séances/2021-05-18.yaml:3:2: error DLB2002: unknown field `quorom`, did you mean `quorum`?",
        "séances/2021-05-18.yaml:4:1: warning DLB3005: member listed without a role — hint: add `role: membre`; or remove the member",
        "séances/2021-05-18.yaml:6:1: error DLB2003: missing field `votes`",
        "error DLB4001: no chromium browser found — hint: set DELIB_BROWSER to a chromium executable",
        "",
      ].join("\n"),
    );
  });

  it("keeps a message with line breaks on one line", () => {
    expect(formatShort([{ ...PLACE, message: rawText("a\nb\r\nc"), hints: [] }], english)).toBe(
      "séances/2021-05-18.yaml:2:19: error DLB2001: a b c\n",
    );
  });

  it("prints nothing for no diagnostics", () => {
    expect(formatShort([], english)).toBe("");
  });
});
