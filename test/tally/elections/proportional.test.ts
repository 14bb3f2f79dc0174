// Proportional representation, counted by hand: the highest average (Code électoral L289,
// délégués sénatoriaux of a commune of 1,000 inhabitants or more) and the highest remainder
// (CGCT L1411-5, D1411-5, commission d'appel d'offres), with ties, incomplete lists and suppléants.
import { describe, expect, it } from "vitest";
import { countElection, ids } from "./build.js";

const seatsOf = (allocation: { lists: readonly { list: { id: string }; seats: number }[] }) => Object.fromEntries(allocation.lists.map((l) => [l.list.id, l.seats]));

describe("highest average (Code électoral L289)", () => {
  const sitting = { members: 15, date: "2023-06-16", population: 2500 };

  it("a tie on the last seat goes to the list with the most votes", () => {
    // A 10, B 5; 2 seats. Seat 1: A 10/1 = 10. Seat 2: A 10/2 = 5 and B 5/1 = 5: equal
    // averages; A has more votes (10 > 5): A.
    const m = countElection(sitting, {
      kind: "delegues_senatoriaux",
      seats: 2,
      lists: [{ id: "a", candidates: ["m1", "m2", "m3"] }, { id: "b", candidates: ["m4", "m5"] }],
      rounds: [{ lists: { a: 10, b: 5 } }],
      substitutes: { seats: 1 },
    });
    const allocation = m.election!.allocation!;
    expect(seatsOf(allocation)).toEqual({ a: 2, b: 0 });
    expect(allocation.steps.map((s) => [s.seat, s.list.id, s.value, s.tie])).toEqual([
      [1, "a", { numerator: 10, denominator: 1 }, undefined],
      [2, "a", { numerator: 10, denominator: 2 }, "most_votes"],
    ]);
    expect(ids(m.election!.elected)).toEqual(["m1", "m2"]);
  });

  it("a tie between lists of equal votes goes to the eldest of the candidates who would be elected", () => {
    // A 6 (m1 1970, m2 1965), B 6 (m3 1960, m4 1968), C 2 (m5); 3 seats.
    // Seats 1 and 2: A 6 = B 6, three seats left: each takes one whatever the order, the tie
    // decides nothing. Seat 3: A 6/2 = 3 = B 6/2 = 3 (C 2): the eldest of m2 (1965) and m4
    // (1968): A.
    const births = { m1: "1970-03-01", m2: "1965-03-01", m3: "1960-03-01", m4: "1968-03-01", m5: "1990-03-01" };
    const m = countElection({ ...sitting, births }, {
      kind: "delegues_senatoriaux",
      seats: 3,
      lists: [{ id: "a", candidates: ["m1", "m2"] }, { id: "b", candidates: ["m3", "m4"] }, { id: "c", candidates: ["m5"] }],
      rounds: [{ lists: { a: 6, b: 6, c: 2 } }],
      substitutes: { seats: 2 },
    });
    const allocation = m.election!.allocation!;
    expect(allocation.steps.map((s) => [s.seat, s.list.id, s.tie, s.candidate?.id])).toEqual([
      [1, "a", undefined, "m1"],
      [2, "b", undefined, "m3"],
      [3, "a", "eldest", "m2"],
    ]);
    expect(seatsOf(allocation)).toEqual({ a: 2, b: 1, c: 0 });
    // The suppléants (same_list_after): the same votes shared again among the candidates after
    // each list's last délégué: A has none left, B has m4, C has m5. Seat 1: A 6 would take it
    // but has no candidate left: B (m4). Seat 2: B 6/2 = 3 has no candidate left either: C (m5).
    const substitutes = m.election!.substitutes!;
    expect(ids(substitutes.elected)).toEqual(["m4", "m5"]);
    expect(substitutes.allocation!.lists.find((l) => l.list.id === "a")!.full).toBe(true);
    expect(m.election!.steps.filter((s) => s.key === "election.seat.list_full").map((s) => s.values.list)).toEqual(["`a`", "`b`"]);
  });

  it("the same tie with a birth date missing leaves the last seat unfilled", () => {
    const births = { m1: "1970-03-01", m2: "1965-03-01", m3: "1960-03-01", m5: "1990-03-01" };
    const m = countElection({ ...sitting, births }, {
      kind: "delegues_senatoriaux",
      seats: 3,
      lists: [{ id: "a", candidates: ["m1", "m2"] }, { id: "b", candidates: ["m3", "m4"] }, { id: "c", candidates: ["m5"] }],
      rounds: [{ lists: { a: 6, b: 6, c: 2 } }],
      substitutes: { seats: 2 },
    });
    const allocation = m.election!.allocation!;
    expect(allocation.steps.map((s) => s.list.id)).toEqual(["a", "b"]);
    expect(allocation).toMatchObject({ unfilled: 1 });
    expect(allocation.tied.map((l) => l.id)).toEqual(["a", "b"]);
    expect(m.election!.complete).toBe(false);
  });
});

describe("highest remainder (CGCT L1411-5, D1411-5: commission d'appel d'offres, 5 seats from 3,500 inhabitants)", () => {
  const sitting = { members: 23, date: "2024-03-12", population: 5000 };
  const lists = (a: string[]) => [
    { id: "a", candidates: a, substitutes: ["m10", "m11", "m12"] },
    { id: "b", candidates: ["m4", "m5"], substitutes: ["m13"] },
    { id: "c", candidates: ["m6"], substitutes: ["m14"] },
  ];

  it("whole quotients first, then the largest remainders decide", () => {
    // A 14, B 6, C 3: 23 exprimés, quota 23/5 = 4.6. Quotients: A 14/4.6 = 3.04 → 3, B 1.30 → 1,
    // C 0.65 → 0: 4 seats. Remainders: A 14 − 13.8 = 0.2, B 6 − 4.6 = 1.4, C 3: the fifth seat to C.
    const m = countElection(sitting, { kind: "commission_appel_offres", lists: lists(["m1", "m2", "m3", "m7"]), rounds: [{ lists: { a: 14, b: 6, c: 3 }, blank: 2, invalid: 1 }] });
    const allocation = m.election!.allocation!;
    expect(m.election!.seats).toBe(5);
    expect(allocation.quota).toEqual({ numerator: 23, denominator: 5 });
    expect(seatsOf(allocation)).toEqual({ a: 3, b: 1, c: 1 });
    expect(allocation.steps.map((s) => [s.list.id, s.by])).toEqual([["a", "quota"], ["a", "quota"], ["a", "quota"], ["b", "quota"], ["c", "remainder"]]);
    // C's remainder is its 3 votes: (3 × 5 − 0 × 23) / 5.
    expect(allocation.steps[4]!.value).toEqual({ numerator: 15, denominator: 5 });
    expect(m.election!.rounds[0]).toMatchObject({ ballots: 26, blank: 2, null: 1, expressed: 23 });
    // The suppléants named on each list, as many as its titulaires: A 3, B 1, C 1.
    expect(ids(m.election!.substitutes!.elected)).toEqual(["m10", "m11", "m12", "m13", "m14"]);
    expect(m.election!.substitutes!.complete).toBe(true);
  });

  it("an incomplete list passes on the seat it cannot fill", () => {
    // The same votes; A has only 2 candidates: its third quotient seat passes on. Seats left 5 −
    // 2 − 1 = 2, to the largest remainders of B (1.4) and C (3): C, then B.
    const m = countElection(sitting, { kind: "commission_appel_offres", lists: lists(["m1", "m2"]), rounds: [{ lists: { a: 14, b: 6, c: 3 } }] });
    const allocation = m.election!.allocation!;
    expect(seatsOf(allocation)).toEqual({ a: 2, b: 2, c: 1 });
    expect(allocation.steps.map((s) => [s.list.id, s.by])).toEqual([["a", "quota"], ["a", "quota"], ["b", "quota"], ["c", "remainder"], ["b", "remainder"]]);
    expect(allocation.lists.find((l) => l.list.id === "a")!.full).toBe(true);
    expect(m.election!.steps.some((s) => s.key === "election.seat.list_full" && s.values.list === "`a`")).toBe(true);
    // B has two titulaires but names one suppléant: the suppléants are incomplete.
    expect(m.election!.substitutes).toMatchObject({ complete: false });
    expect(ids(m.election!.substitutes!.elected)).toEqual(["m10", "m11", "m13", "m14"]);
  });

  it("equal remainders for the last seat: the most votes, then the eldest", () => {
    // Commune under 3,500: 3 seats. A 5, B 3, C 3, D 1: 12 exprimés, quota 4. Quotients A 1.
    // Remainders A 1, B 3, C 3, D 1: B and C take the two seats left, whatever the order.
    const small = { ...sitting, population: 3000, births: { m4: "1970-01-01", m6: "1960-01-01" } };
    const four = [...lists(["m1", "m2", "m3"]), { id: "d", candidates: ["m7"], substitutes: ["m15"] }];
    const m = countElection(small, { kind: "commission_appel_offres", lists: four, rounds: [{ lists: { a: 5, b: 3, c: 3, d: 1 } }] });
    expect(m.election!.seats).toBe(3);
    expect(seatsOf(m.election!.allocation!)).toEqual({ a: 1, b: 1, c: 1, d: 0 });
    // Birth dates known or not, the tie decides nothing: no tie is printed.
    expect(m.election!.steps.some((s) => s.key === "election.seat.tie_each")).toBe(true);
    expect(m.election!.allocation!.steps.map((s) => s.tie)).toEqual([undefined, undefined, undefined]);
    // A commission of 2 seats: A 5, B 4, C 4 (13 exprimés, quota 6.5): no whole quotient;
    // remainders 5, 4, 4: A first, then B and C tied for one seat, with the same votes: the
    // eldest of their first candidates, m4 (1970) and m6 (1960): C.
    const tied = countElection(small, { kind: "commission", seats: 2, lists: lists(["m1", "m2", "m3"]), rounds: [{ lists: { a: 5, b: 4, c: 4 } }] });
    expect(tied.election!.allocation!.steps.map((s) => [s.list.id, s.by, s.tie])).toEqual([["a", "remainder", undefined], ["c", "remainder", "eldest"]]);
  });
});
