// Every step the count of an election records has its sentence in French and in English, with
// every value it names (locales/documents/<lang>/election-steps.json; `delib explain` prints them).
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkText } from "../../../src/check.js";
import { loadLaw } from "../../../src/law/load-law.js";
import { loadCatalogue } from "../../../src/render/catalogue.js";
import { countMajorityBallot } from "../../../src/tally/elections/majority-ballot.js";
import type { Step } from "../../../src/tally/outcome.js";
import { countElection } from "./build.js";

const FOLDER = "test/fixtures/records/elections";

function stepsOfRecords(): Step[] {
  return readdirSync(FOLDER)
    .filter((name) => name.endsWith(".yaml"))
    .flatMap((name) => {
      const path = `${FOLDER}/${name}`;
      const outcome = checkText({ path, text: readFileSync(path, "utf8") }).outcome!;
      return outcome.motions.flatMap((m) => m.election?.steps ?? []);
    });
}

/** Steps of the cases the records do not show: undecided ties, full lists, no votes, seats left unfilled. */
function stepsOfEdgeCases(): Step[] {
  const sitting = { members: 15, date: "2023-06-16", population: 2500 };
  const lists = [{ id: "a", candidates: ["m1"] }, { id: "b", candidates: ["m2", "m3"] }, { id: "c", candidates: ["m4"] }];
  return [
    countElection(sitting, { kind: "delegues_senatoriaux", seats: 4, lists, rounds: [{ lists: { a: 6, b: 6, c: 0 } }], substitutes: { seats: 2 } }),
    countElection(sitting, { kind: "delegues_senatoriaux", seats: 1, lists, rounds: [{ lists: { a: 6, b: 6, c: 0 } }], substitutes: { seats: 2 } }),
    countElection(sitting, { kind: "delegues_senatoriaux", seats: 2, lists, rounds: [{ lists: { a: 0, b: 0, c: 0 } }], substitutes: { seats: 1 } }),
    countElection({ ...sitting, population: 5000 }, { kind: "commission_appel_offres", lists, rounds: [{ lists: { a: 5, b: 5 } }] }),
    countElection({ ...sitting, population: 5000 }, { kind: "commission_appel_offres", lists, rounds: [{ lists: { a: 0 } }] }),
    countElection({ ...sitting, date: "2020-05-25", population: 1500 }, { kind: "adjoints", seats: 2, lists, rounds: [{ lists: { a: 3, b: 3 } }, { lists: { a: 3, b: 3 } }, { lists: { a: 3, b: 3 } }] }),
    countElection({ ...sitting, population: 400 }, { kind: "delegues_senatoriaux", seats: 2, rounds: [{ candidates: { m1: 1, m2: 1, m3: 1 }, ballots: 3, not_voting: 1 }, { candidates: { m1: 3, m2: 2, m3: 2 }, ballots: 3 }], substitutes: { seats: 1, rounds: [{ candidates: { m4: 1 } }] } }),
    // A délégué given votes again in the suppléants' own ballot (Code électoral L288).
    countElection({ ...sitting, population: 400 }, { kind: "delegues_senatoriaux", seats: 1, rounds: [{ candidates: { m1: 3 }, ballots: 3 }], substitutes: { seats: 1, rounds: [{ candidates: { m1: 2, m4: 1 }, ballots: 3 }] } }),
    countElection({ ...sitting, date: "2020-05-25", population: 1500, births: { m1: "1950-01-01", m2: "1960-01-01", m3: "1970-01-01" } }, { kind: "adjoints", seats: 2, lists: lists.slice(0, 2), rounds: [{ lists: { a: 3, b: 3 } }, { lists: { a: 3, b: 3 } }, { lists: { a: 3, b: 3 } }] }),
    countElection({ ...sitting, date: "2020-05-25", population: 1500 }, { kind: "adjoints", seats: 2, lists: lists.slice(0, 2), rounds: [{ lists: { a: 3, b: 3 } }, { lists: { a: 3, b: 3 } }, { lists: { a: 4, b: 3 } }] }),
  ].flatMap((m) => m.election!.steps);
}

/** A round with a floor beside the absolute majority (the law data may set one). */
function stepsOfAFloor(): Step[] {
  const base = loadLaw().elections.nomination!.variants[0]!;
  const rule = { ...base, rounds: [{ majority: "absolute" as const, at_least: { fraction: "1/4", of: "in_office" as const, source: "Code électoral L193" } }] };
  const candidate = (id: string) => ({ id, civility: "M." as const, first_name: "Jean", last_name: id, birth_date: undefined, member: true });
  return countMajorityBallot({ rule, seats: 1, rounds: [{ candidates: { m1: 3, m2: 1 } }], lists: [], candidate, inOffice: 15, date: "2024-03-12" }).steps;
}

describe("the election steps read in both languages", () => {
  const steps = [...stepsOfRecords(), ...stepsOfEdgeCases(), ...stepsOfAFloor()];

  it.each(["fr", "en"])("%s", (language) => {
    const catalogue = loadCatalogue(language);
    const keys = new Set(steps.map((s) => s.key));
    expect(keys.size).toBeGreaterThan(25);
    for (const step of steps) expect(() => catalogue.t(`explain.${step.key}`, step.values), step.key).not.toThrow();
  });
});
