// Defects a reviewer found in the election count (issue 15), each counted by hand.
import { describe, expect, it } from "vitest";
import { countElection, ids } from "./build.js";

describe("an election that fills some of its seats", () => {
  it("a CAO of three seats whose two lists of one name fill two is « elected », not complete (CGCT D1411-4)", () => {
    const m = countElection({ members: 15, date: "2020-06-10", population: 500 }, {
      kind: "commission_appel_offres",
      lists: [{ id: "a", candidates: ["m1"], substitutes: ["m4"] }, { id: "b", candidates: ["m2"], substitutes: ["m5"] }],
      rounds: [{ lists: { a: 10, b: 5 }, ballots: 15 }],
    });
    expect(ids(m.election!.elected)).toEqual(["m1", "m2"]);
    expect(m.election!.complete).toBe(false);
    expect(m.result).toBe("elected");
  });

  it("three délégués, two elected at the first round and nobody at the second, is « elected »", () => {
    const m = countElection({ members: 15, date: "2024-06-10", population: 500 }, {
      kind: "delegues",
      post: "délégués au syndicat",
      seats: 3,
      rounds: [{ candidates: { m2: 12, m3: 11 }, ballots: 15, blank: 3 }, { candidates: { m2: 1 }, ballots: 15, blank: 14 }],
    });
    expect(ids(m.election!.elected)).toEqual(["m2", "m3"]);
    expect(m.election!.complete).toBe(false);
    expect(m.result).toBe("elected");
  });

  it("nobody elected is still « not_elected »", () => {
    const m = countElection({ members: 15, date: "2024-06-10", population: 500 }, {
      kind: "delegues",
      seats: 3,
      rounds: [{ candidates: { m2: 2, m3: 2 }, ballots: 15, blank: 9, invalid: 2 }],
    });
    expect(m.election!.elected).toEqual([]);
    expect(m.result).toBe("not_elected");
  });
});

describe("proportional ties that decide nothing, and who was tied", () => {
  it("three lists tied for three seats each take one, with no tie printed (CGCT L1411-5, highest remainder)", () => {
    // Lists 4/4/4/3, 3 seats: quota 5, no whole quotient; remainders 4, 4, 4, 3: each of the
    // three lists at 4 takes a seat whatever the order.
    const births = { m1: "1950-01-01", m4: "1960-01-01", m6: "1970-01-01", m7: "1940-01-01" };
    const m = countElection({ members: 15, date: "2020-06-10", population: 500, births }, {
      kind: "commission_appel_offres",
      seats: 3,
      lists: [
        { id: "a", candidates: ["m1", "m2", "m3"], substitutes: ["m8", "m9", "m10"] },
        { id: "b", candidates: ["m4", "m5"], substitutes: ["m11", "m12"] },
        { id: "c", candidates: ["m6"], substitutes: ["m13"] },
        { id: "d", candidates: ["m7"], substitutes: ["m14"] },
      ],
      rounds: [{ lists: { a: 4, b: 4, c: 4, d: 3 }, ballots: 15 }],
    });
    const allocation = m.election!.allocation!;
    expect(allocation.steps.map((s) => [s.list.id, s.tie, s.tiedWith.map((l) => l.id)])).toEqual([
      ["a", undefined, []],
      ["b", undefined, []],
      ["c", undefined, []],
    ]);
    expect(m.election!.steps.some((s) => s.key.startsWith("election.seat.tie."))).toBe(false);
    expect(m.election!.steps.filter((s) => s.key === "election.seat.tie_each")).toHaveLength(1);
  });

  it("a list that fell at the « most votes » step is not named among the tied (Code électoral L289)", () => {
    // A 6, B 6, C 3; 3 seats at the highest average. Seats 1 and 2: A and B at 6, two seats
    // left: each takes one. Seat 3: A 6/2 = 3, B 6/2 = 3, C 3/1 = 3: C has fewer votes and
    // falls; A against B by the eldest of m2 (1950) and m5 (1960): A, tied with B only.
    const births = { m1: "1970-01-01", m2: "1950-01-01", m4: "1965-01-01", m5: "1960-01-01", m7: "1940-01-01" };
    const m = countElection({ members: 15, date: "2020-09-10", population: 1500, births }, {
      kind: "delegues_senatoriaux",
      seats: 3,
      lists: [{ id: "a", candidates: ["m1", "m2", "m3"] }, { id: "b", candidates: ["m4", "m5", "m6"] }, { id: "c", candidates: ["m7", "m8"] }],
      rounds: [{ lists: { a: 6, b: 6, c: 3 }, ballots: 15 }],
      substitutes: { seats: 3 },
    });
    const allocation = m.election!.allocation!;
    expect(allocation.steps.map((s) => [s.seat, s.list.id, s.tie, s.tiedWith.map((l) => l.id)])).toEqual([
      [1, "a", undefined, []],
      [2, "b", undefined, []],
      [3, "a", "eldest", ["b"]],
    ]);
    const tieStep = m.election!.steps.find((s) => s.key === "election.seat.tie.eldest")!;
    expect(tieStep.values.others).toBe("`b`");
  });
});

describe("the suppléants' own ballot does not elect a délégué again (Code électoral L288)", () => {
  it("a délégué who has votes in the suppléants' ballot is skipped, with a step saying so", () => {
    // Délégués: round 1, 15 exprimés, majority 8: m2 (9) and m3 (8). Round 2 at the relative
    // majority: m4, m5, m6 tied at 7 for one seat: the eldest, m4 (1950).
    // Suppléants, round 1: m2 10, m8 9, m7 8, m9 2: m2 is already a délégué and takes no seat;
    // m8 and m7 have the majority (8); m9 does not: the third seat waits for another round.
    const births = { m4: "1950-01-01", m5: "1960-01-01", m6: "1970-01-01" };
    const m = countElection({ members: 15, date: "2020-09-10", population: 500, births }, {
      kind: "delegues_senatoriaux",
      seats: 3,
      rounds: [{ candidates: { m2: 9, m3: 8, m4: 7, m5: 6 }, ballots: 15 }, { candidates: { m4: 7, m5: 7, m6: 7 }, ballots: 15 }],
      substitutes: { seats: 3, rounds: [{ candidates: { m2: 10, m7: 8, m8: 9, m9: 2 }, ballots: 15 }] },
    });
    expect(ids(m.election!.elected)).toEqual(["m2", "m3", "m4"]);
    const substitutes = m.election!.substitutes!;
    expect(ids(substitutes.elected)).not.toContain("m2");
    expect(ids(substitutes.elected)).toEqual(["m8", "m7"]);
    expect(m.election!.steps.filter((s) => s.key === "election.already_elected").map((s) => s.values.votes)).toEqual([10]);
  });
});
