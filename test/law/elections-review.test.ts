// law/elections.yaml after the review of issue 15: who may be elected, who chairs the maire's
// election, one post per ballot where the law elects one by one, and no half-wired field.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadLaw } from "../../src/law/load-law.js";

const root = path.resolve(import.meta.dirname, "../..");
const law = loadLaw();
const variants = (kind: string) => law.elections[kind]!.variants;

describe("candidates among the members (« parmi ses membres »)", () => {
  it.each(["maire", "adjoints", "president", "vice_presidents", "commission_appel_offres", "commission"])("%s: every variant elects among the members", (kind) => {
    for (const v of variants(kind)) expect(v.candidates_from?.who).toBe("members");
  });

  it.each(["delegues_senatoriaux", "organisme_exterieur", "nomination"])("%s: others may be elected too (Code électoral L286; outside bodies)", (kind) => {
    for (const v of variants(kind)) expect(v.candidates_from).toBeUndefined();
  });
});

describe("the maire's election", () => {
  it("is chaired by the eldest member present (CGCT L2122-8)", () => {
    expect(variants("maire").map((v) => v.chair)).toEqual([{ rule: "eldest_present", source: "CGCT L2122-8" }]);
    for (const kind of Object.keys(law.elections).filter((k) => k !== "maire")) {
      for (const v of variants(kind)) expect(v.chair).toBeUndefined();
    }
  });
});

describe("one post per ballot", () => {
  it("the adjoints of communes under 1,000 elected on names fill one post per ballot (CGCT L2122-7-1 → L2122-7)", () => {
    const individual = variants("adjoints").filter((v) => v.candidacy === "individual");
    expect(individual.length).toBeGreaterThan(0);
    for (const v of individual) expect(v.seats).toBe(1);
  });

  it("the vice-présidents are elected one by one (L5211-2 → L2122-7; QE Sénat n° 11811)", () => {
    for (const v of variants("vice_presidents")) expect(v.seats).toBe(1);
  });
});

describe("no field nothing reads", () => {
  it("`single_candidacy` is neither in the data nor in the schema", () => {
    expect(readFileSync(path.join(root, "law/elections.yaml"), "utf8")).not.toMatch(/^\s+single_candidacy:/m);
    expect(readFileSync(path.join(root, "schemas/law.schema.json"), "utf8")).not.toContain("single_candidacy");
  });
});
