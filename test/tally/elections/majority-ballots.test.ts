// Elections at the majority, counted by hand from the texts (law/elections.yaml cites them):
// Code électoral L288 (délégués sénatoriaux of a commune under 1,000 inhabitants), CGCT L2122-7-2
// (adjoints on lists), L2121-21 (any nomination).
import { describe, expect, it } from "vitest";
import { loadLaw } from "../../../src/law/load-law.js";
import { countMajorityBallot } from "../../../src/tally/elections/majority-ballot.js";
import type { Election, ElectionRound } from "../../../src/model/session.js";
import type { Candidate } from "../../../src/tally/outcome.js";
import { countElection, ids } from "./build.js";

describe("délégués sénatoriaux, commune under 1,000 inhabitants (Code électoral L288)", () => {
  // 15 members in office, 8 present (7 absent). « Nul n'est élu délégué ou suppléant au premier
  // tour s'il n'a réuni la majorité absolue des suffrages exprimés. Au second tour, la majorité
  // relative suffit. » (L288; no quarter of the electors here, law/elections.yaml explains.)
  const sitting = { members: 15, date: "2023-06-16", population: 450, absent: ["m9", "m10", "m11", "m12", "m13", "m14", "m15"] };
  const election: Election = {
    kind: "delegues_senatoriaux",
    seats: 3,
    people: [{ id: "p1", civility: "Mme", first_name: "Alice", last_name: "PERSONNE" }],
    rounds: [
      // 8 ballots, 1 blank: 7 exprimés, majority 4; the most votes are 3: nobody.
      { candidates: { m1: 3, m2: 3, m3: 2, m4: 2, m5: 1 }, ballots: 8, blank: 1 },
      // Round 2, relative majority: 8 ballots, 1 blank, 1 null; the three with the most votes.
      { candidates: { m1: 5, m2: 4, m3: 3, m4: 2 }, ballots: 8, blank: 1, invalid: 1 },
    ],
    substitutes: {
      seats: 3,
      // The suppléants by their own ballot: 7 exprimés, majority 4: all three at round 1.
      rounds: [{ candidates: { m6: 6, p1: 5, m7: 5, m8: 1 }, ballots: 8, blank: 1 }],
    },
  };

  it("round 1 elects nobody: no candidate has the absolute majority (4 of 7 exprimés)", () => {
    const m = countElection(sitting, election);
    const first = m.election!.rounds[0]!;
    expect(first).toMatchObject({ majority: "absolute", ballots: 8, blank: 1, null: 0, expressed: 7, needed: 4, atLeast: undefined, elected: [] });
  });

  it("a candidate with the absolute majority at round 1 is elected then; round 2 fills the seats left", () => {
    const rounds: ElectionRound[] = [
      { candidates: { m1: 5, m2: 3, m3: 2, m4: 2 }, ballots: 8, blank: 1 },
      { candidates: { m2: 4, m3: 3, m4: 3, m5: 1 }, ballots: 8, blank: 2 },
    ];
    const m = countElection({ ...sitting, births: { m3: "1948-02-29", m4: "1961-07-14" } }, { ...election, rounds });
    expect(ids(m.election!.rounds[0]!.elected)).toEqual(["m1"]);
    // Two seats left: m2 (4), then m3 and m4 tied at 3 for one seat: m3, born 1948, the eldest.
    expect(ids(m.election!.rounds[1]!.elected)).toEqual(["m2", "m3"]);
    expect(ids(m.election!.rounds[1]!.byTie)).toEqual(["m3"]);
    expect(ids(m.election!.elected)).toEqual(["m1", "m2", "m3"]);
  });

  it("round 2 elects the three with the most votes, by relative majority", () => {
    const m = countElection(sitting, election);
    const second = m.election!.rounds[1]!;
    expect(second).toMatchObject({ majority: "relative", ballots: 8, blank: 1, null: 1, expressed: 6, needed: undefined, atLeast: undefined });
    expect(ids(second.elected)).toEqual(["m1", "m2", "m3"]);
    expect(ids(m.election!.elected)).toEqual(["m1", "m2", "m3"]);
    expect(m.election!.complete).toBe(true);
    expect(m.result).toBe("elected");
  });

  it("the suppléants, by a ballot of their own, a person who is not a member among them", () => {
    const substitutes = countElection(sitting, election).election!.substitutes!;
    expect(substitutes.rounds[0]).toMatchObject({ expressed: 7, needed: 4 });
    // In the order of their votes: m6 (6), then p1 and m7 (5 each: the order of the names).
    expect(ids(substitutes.elected)).toEqual(["m6", "m7", "p1"]);
    expect(substitutes.elected.find((c) => c.id === "p1")).toMatchObject({ member: false, last_name: "PERSONNE" });
    expect(substitutes.complete).toBe(true);
  });

  it("a tie at the last seat of round 2 goes to the eldest", () => {
    const tied = { ...election, rounds: [election.rounds[0]!, { candidates: { m1: 5, m2: 4, m3: 4, m4: 4 }, ballots: 8 }] };
    const m = countElection({ ...sitting, births: { m2: "1971-05-02", m3: "1950-01-30", m4: "1962-11-11" } }, tied);
    const second = m.election!.rounds[1]!;
    // Two places for three tied at 4: the eldest two, m3 (1950) and m4 (1962).
    expect(ids(second.elected)).toEqual(["m1", "m3", "m4"]);
    expect(ids(second.byTie)).toEqual(["m3", "m4"]);
  });

  it("the same tie without a birth date leaves the two seats unfilled, and says who tied", () => {
    const tied = { ...election, rounds: [election.rounds[0]!, { candidates: { m1: 5, m2: 4, m3: 4, m4: 4 }, ballots: 8 }] };
    const m = countElection({ ...sitting, births: { m2: "1971-05-02", m3: "1950-01-30" } }, tied);
    const second = m.election!.rounds[1]!;
    expect(ids(second.elected)).toEqual(["m1"]);
    // Among equal votes, the known eldest first (m3, 1950), the unknown birth date last.
    expect(ids(second.tied)).toEqual(["m3", "m2", "m4"]);
    expect(m.election!.complete).toBe(false);
    // m1 took a seat: the election elected, two seats stay to fill.
    expect(m.result).toBe("elected");
  });
});

describe("adjoints on lists, commune of 1,000 inhabitants or more (CGCT L2122-7-2)", () => {
  // 19 members; four adjoints; list a: Mme M1, M. M2, Mme M3, M. M4; list b: M. M5, Mme M6, M. M7, Mme M8.
  const lists = [
    { id: "a", name: "Liste conduite par Mme Jean M1", candidates: ["m1", "m2", "m3", "m4"] },
    { id: "b", name: "Liste conduite par M. Jean M5", candidates: ["m5", "m6", "m7", "m8"] },
  ];
  const sitting = { members: 19, date: "2020-05-25", population: 1500, women: ["m1", "m3", "m6", "m8"] };

  it("a list with the absolute majority at round 1 takes every seat, in its order", () => {
    // 19 ballots, 1 blank: 18 exprimés, majority 10; list a has 12.
    const m = countElection(sitting, { kind: "adjoints", seats: 4, lists, rounds: [{ lists: { a: 12, b: 6 }, blank: 1 }] });
    expect(m.election!.rounds[0]).toMatchObject({ ballots: 19, blank: 1, expressed: 18, needed: 10 });
    expect(m.election!.rounds[0]!.electedList!.id).toBe("a");
    expect(ids(m.election!.elected)).toEqual(["m1", "m2", "m3", "m4"]);
    expect(m.result).toBe("elected");
  });

  it("a tie at round 3 goes to the list with the highest average age", () => {
    // Average birth year: list a (1950, 1960, 1970, 1980) 1965; list b (1952, 1958, 1968, 1978) 1964: b is older.
    const births = { m1: "1950-01-01", m2: "1960-01-01", m3: "1970-01-01", m4: "1980-01-01", m5: "1952-01-01", m6: "1958-01-01", m7: "1968-01-01", m8: "1978-01-01" };
    const level = { lists: { a: 9, b: 9 }, blank: 1 };
    const m = countElection({ ...sitting, births }, { kind: "adjoints", seats: 4, lists, rounds: [level, level, level] });
    const [first, second, third] = m.election!.rounds;
    expect([first!.needed, second!.needed, third!.needed]).toEqual([10, 10, undefined]);
    expect(first!.elected).toEqual([]);
    expect(third!.electedList!.id).toBe("b");
    expect(ids(third!.byTie)).toEqual(["m5", "m6", "m7", "m8"]);
    const step = m.election!.steps.find((s) => s.key === "election.list.elected.average_age")!;
    // b's average age on 2020-05-25: about 56.4 years.
    expect(step.values).toMatchObject({ years: 56 });
  });

  it("a single adjoint is elected as the maire, on names (CGCT L2122-7-2, last sentence)", () => {
    const m = countElection(sitting, { kind: "adjoints", rounds: [{ candidates: { m3: 12, m5: 6 }, blank: 1 }] });
    expect(m.election!.kind).toBe("adjoints");
    expect(m.election!.rule).toMatchObject({ candidacy: "individual", source: "CGCT L2122-7" });
    expect(ids(m.election!.elected)).toEqual(["m3"]);
  });

  it("the same tie with a birth date missing elects no list", () => {
    const level = { lists: { a: 9, b: 9 }, blank: 1 };
    const m = countElection({ ...sitting, births: { m1: "1950-01-01" } }, { kind: "adjoints", seats: 4, lists, rounds: [level, level, level] });
    expect(m.election!.rounds[2]!.tiedLists.map((l) => l.id)).toEqual(["a", "b"]);
    expect(m.election!.elected).toEqual([]);
  });
});

describe("blank and null ballots (Code électoral L65, L66): counted apart, not exprimés", () => {
  it("a nomination: 12 ballots, 2 blank, 1 null, 9 exprimés, majority 5", () => {
    const m = countElection({ members: 12, date: "2024-03-12" }, { rounds: [{ candidates: { m2: 6, m3: 3 }, blank: 2, invalid: 1 }] });
    expect(m.election!.kind).toBe("nomination");
    expect(m.election!.rounds[0]).toMatchObject({ ballots: 12, blank: 2, null: 1, expressed: 9, needed: 5 });
    expect(ids(m.election!.elected)).toEqual(["m2"]);
    const round = m.election!.steps.find((s) => s.key === "election.round")!;
    expect(round.values).toMatchObject({ ballots: 12, blank: 2, null: 1, expressed: 9 });
  });

  it("several seats on one ballot: the exprimés are the ballots less blank and null, not the names", () => {
    // 3 délégués: 8 ballots, 2 blank: 6 exprimés (the names add up to 16), majority 4.
    const m = countElection({ members: 15, date: "2023-06-16", population: 450 }, { kind: "delegues_senatoriaux", seats: 3, substitutes: { seats: 3 }, rounds: [{ candidates: { m1: 6, m2: 5, m3: 4, m4: 1 }, ballots: 8, blank: 2 }] });
    expect(m.election!.rounds[0]).toMatchObject({ ballots: 8, expressed: 6, needed: 4 });
    expect(ids(m.election!.elected)).toEqual(["m1", "m2", "m3"]);
  });
});

describe("a floor beside the absolute majority (`at_least`, as the law data may set one)", () => {
  // Code électoral L193 words it « un nombre de suffrages égal au quart de celui des électeurs
  // inscrits »: here a quarter of 15 members in office, 3.75, so at least 4 votes.
  const base = loadLaw().elections.nomination!.variants[0]!;
  const rule = { ...base, rounds: [{ majority: "absolute" as const, at_least: { fraction: "1/4", of: "in_office" as const, source: "Code électoral L193" } }, { majority: "relative" as const }] };
  const person = (id: string): Candidate => ({ id, civility: "M.", first_name: "Jean", last_name: id.toUpperCase(), birth_date: undefined, member: true });

  it("a candidate with the absolute majority but under the floor is not elected at that round", () => {
    // 5 ballots, 1 blank: 4 exprimés, majority 3; m1 has 3 votes, fewer than 4.
    const { outcome, steps } = countMajorityBallot({ rule, seats: 1, rounds: [{ candidates: { m1: 3, m2: 1 }, blank: 1 }, { candidates: { m1: 3, m2: 2 } }], lists: [], candidate: person, inOffice: 15, date: "2024-03-12" });
    expect(outcome.rounds[0]).toMatchObject({ expressed: 4, needed: 3, atLeast: 4, elected: [] });
    expect(steps.find((s) => s.key === "election.short_of_floor")?.values).toMatchObject({ votes: 3, atLeast: 4 });
    expect(ids(outcome.rounds[1]!.elected)).toEqual(["m1"]);
  });
});
