// Checks of elections a reviewer found missing or wrong (issue 15): each reads a real session
// text through the whole check (YAML, schema, count, rules).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkText, tallySession } from "../../src/check-file.js";
import { parseYaml } from "../../src/source/parse-yaml.js";
import { ruleContext } from "../../src/validate/rule.js";
import { electionFiguresAddUp } from "../../src/validate/rules/election-figures-add-up.js";
import { validateSchema } from "../../src/validate/validate-schema.js";
import { en, french } from "../support/english.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/invalid/${name}.yaml`, import.meta.url), "utf8");
const codes = (text: string) => checkText({ path: "s.yaml", text }).diagnostics.map((d) => d.code);

describe("the maire's election is chaired by the eldest member present (CGCT L2122-8)", () => {
  const text = fixture("rule-election-maire-chair-not-eldest");

  it("says nothing when the chair is the eldest member present", () => {
    expect(codes(text.replace("BERNARD, birth_date: 1955-02-11", "BERNARD, birth_date: 1960-02-11"))).toEqual([]);
  });

  it("says nothing when a member present has no birth date: delib cannot tell", () => {
    expect(codes(text.replace(/ROUX, birth_date: [0-9-]+ /, "ROUX "))).toEqual([]);
  });

  it("says nothing when the eldest is absent", () => {
    const absent = text.replace("  bernard: present", "  bernard: absent").replace("{ martin: 6, bernard: 1 }, ballots: 7", "{ martin: 6 }, ballots: 6");
    expect(codes(absent)).toEqual([]);
  });

  it("reads the motion's `chaired_by` before the sitting's president", () => {
    const chaired = text.replace("    kind: election\n", "    kind: election\n    chaired_by: bernard\n");
    expect(codes(chaired)).toEqual([]);
  });
});

describe("round figures", () => {
  it("DLB3110 compares the votes the count used: a list given twice is counted twice", () => {
    // Two lists with the id `a` (DLB3119 stops the count rules); the figures rule, run on the
    // count, sees 14 votes from 7 ballots.
    const source = parseYaml({ path: "s.yaml", text: fixture("rule-election-list-id-twice") }).value!;
    const session = validateSchema(source).value!;
    const outcome = tallySession(session);
    const found = electionFiguresAddUp(ruleContext(source, outcome));
    expect(found.map((d) => [d.code, en(d.message)])).toEqual([["DLB3110", "round 1 of the election 2024-05 gives 7 votants, but the votes (14), blank (0) and null (0) ballots add up to 14"]]);
  });

  it("no DLB3122 when each ballot carries no more names than seats", () => {
    const text = fixture("rule-election-names-exceed-seats").replace("{ bernard: 5, leroy: 5, moreau: 5 }", "{ bernard: 5, leroy: 4, moreau: 1 }");
    expect(codes(text)).toEqual([]);
  });
});

describe("French wording", () => {
  it("a missing birth date of several candidates is plural (DLB3046)", () => {
    // The CAO tie for seat 3 between the lists' next candidates, both without a birth date.
    const text = fixture("rule-election-list-tie-without-birth-date").replace(/(MOREAU), birth_date: [0-9-]+ /, "$1 ");
    const tie = checkText({ path: "s.yaml", text }).diagnostics.find((d) => d.code === "DLB3046")!;
    expect(french.text(tie.message)).toContain("les dates de naissance de M. Pierre BERNARD et M. Julien MOREAU, qui manquent");
  });

  it("a list naming no suppléant « ne désigne aucun suppléant » (DLB3116)", () => {
    const d = checkText({ path: "s.yaml", text: fixture("rule-election-list-without-substitutes") }).diagnostics.find((x) => x.code === "DLB3116")!;
    expect(french.text(d.message)).toContain("ne désigne aucun suppléant");
  });

  it("the hint of DLB3044 speaks of every seat filled", () => {
    const d = checkText({ path: "s.yaml", text: fixture("rule-election-round-after-elected") }).diagnostics.find((x) => x.code === "DLB3044")!;
    expect(french.text(d.hints[0]!)).toContain("dès que tous les sièges sont pourvus");
  });
});
