// Warning DLB3061 said « delib sends the number… » although delib sends nothing: it now says
// what the ACTES number is and that `delib actes` writes it, in both languages. And the
// refusal of `delib actes` (DLB6034) gives the same reasons, from the same check.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { actesNumberProblems } from "../../src/law/actes.js";
import { english, french } from "../support/english.js";

const path = "test/fixtures/invalid/rule-number-not-suited-to-actes.yaml";
const found = checkText({ path, text: readFileSync(new URL(`../../${path}`, import.meta.url), "utf8") }).diagnostics.filter((d) => d.code === "DLB3061");

describe("warning DLB3061", () => {
  it("is still given on its fixture", () => {
    expect(found.length).toBe(2);
  });

  it("does not say that delib sends anything, in English or in French", () => {
    for (const d of found) {
      const texts = [english, french].flatMap((tr) => [tr.text(d.message), ...d.hints.map((h) => tr.text(h))]);
      for (const text of texts) expect(text).not.toMatch(/\bsends?\b|\bis sent\b|\benvoie\b|\benvoyé\b/i);
      expect(english.text(d.hints[0]!)).toContain("the ACTES number is the deliberation number in upper case");
      expect(french.text(d.hints[0]!)).toContain("le numéro ACTES est le numéro de délibération en majuscules");
      expect(english.text(d.hints[1]!)).toContain("`delib actes` will not package it");
    }
  });

  it("gives the reasons `delib actes` gives (one check: actesNumberProblems)", () => {
    const problems = actesNumberProblems("cm.2024-03-rapport-annuel")!;
    expect(problems.sent).toBe("CM_2024_03_RAPPORT_ANNUEL");
    expect(problems.reasons.map((r) => english.text(r))).toEqual(["has 25 characters, 15 at most"]);
    expect(actesNumberProblems("_2024_")!.reasons.map((r) => english.text(r))).toEqual(["starts with `_`", "ends with `_`"]);
    expect(actesNumberProblems("2024/7°")!.reasons.map((r) => english.text(r))).toEqual(["contains `/` and `°`"]);
    expect(actesNumberProblems("cm.2024-03")).toBeUndefined();
  });
});
