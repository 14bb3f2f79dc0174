// delib's count agrees with the result each election record of test/fixtures/records/elections/
// prints (its `# printed result:` block, one fact per `= <motion> <what>: <value>` line; see the
// folder's README for where each record comes from and its computation by hand).
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkText } from "../../../src/check.js";
import type { BallotOutcome, MotionOutcome } from "../../../src/tally/outcome.js";
import { en } from "../../support/english.js";

const FOLDER = "test/fixtures/records/elections";
const files = readdirSync(FOLDER).filter((name) => name.endsWith(".yaml")).sort();

interface Fact {
  readonly motion: string;
  readonly what: string;
  readonly value: string;
}

/** The `= <motion> <what>: <value>` lines of a file's leading comment. */
function facts(text: string): Fact[] {
  return [...text.matchAll(/^#\s+=\s+(\S+)\s+([a-z ]+?):\s+(.+)$/gm)].map((m) => ({ motion: m[1]!, what: m[2]!, value: m[3]!.trim() }));
}

/** "adam (round 1), brun (round 1), charles (round 2)" → ids, and the round given to each. */
function people(value: string): { id: string; round: number | undefined }[] {
  // Commas inside a parenthesis belong to it: "faure (round 3, tie, eldest)".
  return value.split(/,(?![^(]*\))/).map((part) => {
    const round = /\(round (\d+)/.exec(part);
    return { id: part.replace(/\(.*?\)/g, "").trim(), round: round ? Number(round[1]) : undefined };
  });
}

/** "a 4, b 1, c 0" → { a: 4, b: 1, c: 0 }. */
function seats(value: string): Record<string, number> {
  return Object.fromEntries(value.split(",").map((part) => part.trim().split(/\s+/)).map(([id, n]) => [id!, Number(n)]));
}

/** The seats each list took in a ballot: its share of an allocation, or all of them at a majority list ballot. */
function seatsOf(ballot: BallotOutcome, lists: readonly string[]): Record<string, number> {
  if (ballot.allocation) return Object.fromEntries(ballot.allocation.lists.map((l) => [l.list.id, l.seats]));
  const winner = ballot.rounds.find((r) => r.electedList)?.electedList?.id;
  return Object.fromEntries(lists.map((id) => [id, id === winner ? ballot.elected.length : 0]));
}

/** Whom a ballot elected: in the order of election at the majority, as a set at proportional representation. */
function electedIds(ballot: BallotOutcome): string[] {
  const ids = ballot.elected.map((c) => c.id);
  return ballot.allocation ? ids.sort() : ids;
}

function expected(ids: string[], ballot: BallotOutcome): string[] {
  return ballot.allocation ? [...ids].sort() : ids;
}

describe("delib's count agrees with the election records' printed results", () => {
  it("finds records to compare", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const name of files) {
    it(name, () => {
      const path = `${FOLDER}/${name}`;
      const text = readFileSync(path, "utf8");
      const result = checkText({ path, text });
      expect(result.diagnostics.map((d) => `${d.code} ${en(d.message)}`)).toEqual([]);
      const motions = new Map(result.outcome!.motions.map((m) => [m.motion.number, m] as const));
      const all = facts(text);
      expect(all.length, "the file's `= ` lines").toBeGreaterThan(0);
      for (const fact of all) {
        const m: MotionOutcome | undefined = motions.get(fact.motion);
        expect(m?.election, `${fact.motion} is an election`).toBeDefined();
        const election = m!.election!;
        const lists = (m!.motion.election?.lists ?? []).map((l) => l.id);
        const where = `${name}: ${fact.motion} ${fact.what}`;
        if (fact.what === "elected" || fact.what === "substitutes") {
          const ballot = fact.what === "elected" ? election : election.substitutes!;
          const wanted = people(fact.value);
          expect(electedIds(ballot), where).toEqual(expected(wanted.map((p) => p.id), ballot));
          for (const p of wanted.filter((w) => w.round !== undefined)) {
            const round = ballot.rounds.find((r) => r.elected.some((c) => c.id === p.id));
            expect(round?.number, `${where}: the round of ${p.id}`).toBe(p.round);
          }
        } else if (fact.what === "seats") {
          expect(seatsOf(election, lists), where).toEqual(seats(fact.value));
        } else if (fact.what === "substitute seats") {
          expect(seatsOf(election.substitutes!, lists), where).toEqual(seats(fact.value));
        } else {
          throw new Error(`${where}: a fact this test does not read`);
        }
        expect(m!.result, where).toBe("elected");
      }
    });
  }
});
