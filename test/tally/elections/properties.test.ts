// Invariants of the count, over generated inputs (fast-check): a proportional allocation fills
// min(seats, candidates) seats, never gives a list more seats than it has candidates, and at the
// highest average more votes never mean fewer seats; the count and the rules never throw on a
// schema-valid session, whatever its election block holds.
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { checkText, tallySession } from "../../../src/check.js";
import type { Election, Session } from "../../../src/model/session.js";
import { allocateSeats, type AllocationEntry } from "../../../src/tally/elections/proportional.js";
import type { Candidate } from "../../../src/tally/outcome.js";
import { electionSession } from "./build.js";

const tie = { rule: "most_votes_then_eldest" as const, source: "test" };

/** Lists with distinct birth dates for every candidate, so every tie can be decided. */
const listsArbitrary = fc.array(fc.record({ votes: fc.integer({ min: 0, max: 200 }), size: fc.integer({ min: 1, max: 8 }) }), { minLength: 1, maxLength: 6 });

function entries(lists: readonly { votes: number; size: number }[]): AllocationEntry[] {
  let born = 0;
  return lists.map((l, i) => {
    const candidates: Candidate[] = Array.from({ length: l.size }, (_, j) => {
      born += 1;
      const date = new Date(Date.UTC(1940, 0, 1) + born * 86_400_000 * 37).toISOString().slice(0, 10);
      return { id: `l${i}c${j}`, civility: "M.", first_name: "Jean", last_name: `L${i}C${j}`, birth_date: date, member: true };
    });
    const list = { id: `l${i}`, name: undefined, candidates, substitutes: [] };
    return { list, votes: l.votes, candidates };
  });
}

describe("proportional allocation, for any votes and lists", () => {
  for (const method of ["highest_average", "highest_remainder"] as const) {
    it(`${method}: fills min(seats, candidates of lists with votes) seats, no list beyond its candidates`, () => {
      fc.assert(
        fc.property(listsArbitrary, fc.integer({ min: 1, max: 12 }), (lists, seats) => {
          const { allocation } = allocateSeats(method, seats, entries(lists), tie, "2024-03-12");
          const capacity = lists.filter((l) => l.votes > 0).reduce((sum, l) => sum + l.size, 0);
          expect(allocation.steps.length).toBe(Math.min(seats, capacity));
          expect(allocation.lists.reduce((sum, l) => sum + l.seats, 0)).toBe(allocation.steps.length);
          for (const [i, l] of allocation.lists.entries()) expect(l.seats).toBeLessThanOrEqual(lists[i]!.size);
        }),
        { numRuns: 300 },
      );
    });
  }

  it("highest average: more votes never give a list fewer seats", () => {
    fc.assert(
      fc.property(listsArbitrary, fc.integer({ min: 1, max: 12 }), fc.nat(), fc.integer({ min: 1, max: 100 }), (lists, seats, pick, more) => {
        const i = pick % lists.length;
        const before = allocateSeats("highest_average", seats, entries(lists), tie, "2024-03-12").allocation.lists[i]!.seats;
        const raised = lists.map((l, j) => (j === i ? { ...l, votes: l.votes + more } : l));
        const after = allocateSeats("highest_average", seats, entries(raised), tie, "2024-03-12").allocation.lists[i]!.seats;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the count and the rules never throw on a schema-valid session", () => {
  const kinds = ["nomination", "maire", "adjoints", "president", "vice_presidents", "delegues_senatoriaux", "delegues", "commission_appel_offres", "commission", "organisme_exterieur"];
  const ids = ["m1", "m2", "m3", "m4", "m5", "p1", "p2", "zz"];
  const listIds = ["a", "b", "c"];
  const votes = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), fc.integer({ min: 0, max: 12 }), { minKeys: 1, maxKeys: 4 });
  const round = fc.record(
    { candidates: votes(ids), lists: votes(listIds), ballots: fc.integer({ min: 0, max: 20 }), blank: fc.integer({ min: 0, max: 3 }), invalid: fc.integer({ min: 0, max: 3 }), not_voting: fc.integer({ min: 0, max: 2 }) },
    { requiredKeys: [] },
  ).filter((r) => Object.keys(r).length > 0);
  const election: fc.Arbitrary<Election> = fc.record(
    {
      kind: fc.constantFrom(...kinds),
      seats: fc.integer({ min: 1, max: 5 }),
      people: fc.uniqueArray(fc.constantFrom("p1", "p2", "m1"), { minLength: 1, maxLength: 2 }).map((ps) => ps.map((id) => ({ id, civility: "Mme" as const, first_name: "Ada", last_name: id.toUpperCase() }))),
      lists: fc.uniqueArray(
        fc.record({ id: fc.constantFrom(...listIds), candidates: fc.array(fc.constantFrom(...ids), { minLength: 1, maxLength: 6 }), substitutes: fc.array(fc.constantFrom(...ids), { minLength: 1, maxLength: 3 }) }, { requiredKeys: ["id", "candidates"] }),
        { minLength: 1, maxLength: 3, selector: (l) => l.id },
      ),
      rounds: fc.array(round, { minLength: 1, maxLength: 3 }),
      substitutes: fc.record({ seats: fc.integer({ min: 1, max: 3 }), rounds: fc.array(round, { minLength: 1, maxLength: 3 }) }, { requiredKeys: ["seats"] }),
    },
    { requiredKeys: ["rounds"] },
  );
  const sitting = fc.record({ population: fc.option(fc.constantFrom(300, 999, 1000, 2500, 3500, 40000), { nil: undefined }), date: fc.constantFrom("2012-03-12", "2020-05-25", "2023-06-16", "2024-03-12", "2026-04-01") });

  it("for any election block", () => {
    fc.assert(
      fc.property(election, sitting, (e, s) => {
        const session: Session = electionSession({ members: 5, date: s.date, population: s.population, births: { m1: "1950-01-01", m2: "1960-01-01" } }, e);
        expect(() => tallySession(session)).not.toThrow();
        const text = stringify(session);
        const result = checkText({ path: "generated.yaml", text });
        // Schema-valid: only the rules speak.
        expect(result.diagnostics.filter((d) => d.code.startsWith("DLB2"))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
