// Each majority rule of src/tally/majority/ alone, with the numbers of law/majorities.yaml; and
// the count follows the law files, not constants of its own.
import { describe, expect, it } from "vitest";
import type { Law } from "../../src/law/law.js";
import { loadLaw } from "../../src/law/load-law.js";
import { absoluteOfExpressed } from "../../src/tally/majority/absolute-of-expressed.js";
import { castingVote, type CastingVoteContext } from "../../src/tally/majority/casting-vote.js";
import { compteAdministratif } from "../../src/tally/majority/compte-administratif.js";
import type { VoteCount } from "../../src/tally/majority/decision.js";
import { countMajorityBallot } from "../../src/tally/elections/majority-ballot.js";
import { qualifiedOfMembersInOffice } from "../../src/tally/majority/of-members-in-office.js";
import { qualifiedOfExpressed } from "../../src/tally/majority/qualified.js";
import { tally } from "../../src/tally/tally.js";
import type { Candidate } from "../../src/tally/outcome.js";
import { session } from "../support/session-builder.js";

const law = loadLaw();
const { majorities } = law;
const count = (votesFor: number, against: number): VoteCount => ({ for: votesFor, against, expressed: votesFor + against, tie: votesFor + against > 0 && votesFor === against });
const tie = (change: Partial<CastingVoteContext> = {}): CastingVoteContext => ({
  ballot: "show_of_hands",
  castingVote: true,
  castingVoteSource: "CGCT L2121-20",
  majoritySource: "CGCT L2121-20",
  presidentVote: "for",
  chairName: "M. Le Maire",
  ...change,
});

describe("absoluteOfExpressed (CGCT L2121-20): more than half of the suffrages exprimés", () => {
  it.each([
    [6, 5, true, 6],
    [5, 6, false, 6],
    [1, 0, true, 1],
    [0, 0, false, 1],
  ])("%i for, %i against: adopted %s, %i needed", (f, a, adopted, needed) => {
    const d = absoluteOfExpressed(count(f, a), majorities.absolute_of_expressed, "CGCT L2121-20", tie());
    expect(d).toMatchObject({ adopted, majority: { kind: "absolute", needed, source: "CGCT L2121-20" } });
  });

  it("hands a tie to the casting vote", () => {
    expect(absoluteOfExpressed(count(4, 4), majorities.absolute_of_expressed, "CGCT L2121-20", tie({ presidentVote: "against" }))).toMatchObject({ adopted: false, decidedBy: "casting_vote" });
  });
});

describe("castingVote: the chair's own vote on a public ballot", () => {
  it.each([
    [{}, true, "casting_vote", "vote.tie_casting_for"],
    [{ presidentVote: "abstention" as const }, false, undefined, "vote.tie_chair_did_not_vote"],
    [{ ballot: "secret" as const }, false, undefined, "vote.tie_secret"],
    [{ castingVote: false, castingVoteSource: "statuts" }, false, undefined, "vote.tie_no_casting_vote"],
  ])("%o: adopted %s", (change, adopted, decidedBy, key) => {
    const d = castingVote(count(3, 3), tie(change));
    expect(d).toMatchObject({ adopted, decidedBy });
    expect(d.steps.map((s) => s.key)).toEqual([key]);
  });
});

describe("qualified majorities: at least the ratio of the base, and more for than against", () => {
  it("of the suffrages exprimés: 2/3 of 19 is 13", () => {
    expect(qualifiedOfExpressed(count(13, 6), "2/3", majorities.qualified, "article 18 des statuts")).toMatchObject({ adopted: true, majority: { kind: "qualified", needed: 13, of: "expressed" } });
    expect(qualifiedOfExpressed(count(12, 7), "2/3", majorities.qualified, "article 18 des statuts").adopted).toBe(false);
  });

  it("of the members in office: 2/3 of 30 is 20, whoever is present", () => {
    expect(qualifiedOfMembersInOffice(count(19, 0), "2/3", 30, majorities.qualified, "statuts")).toMatchObject({ adopted: false, majority: { needed: 20, of: "in_office" } });
    expect(qualifiedOfMembersInOffice(count(20, 0), "2/3", 30, majorities.qualified, "statuts").adopted).toBe(true);
  });
});

describe("compteAdministratif (CGCT L1612-12): adopted unless a majority votes against", () => {
  it.each([
    [5, 5, true, "compte_administratif_tie"],
    [4, 6, false, undefined],
    [0, 0, true, undefined],
  ])("%i for, %i against: adopted %s", (f, a, adopted, decidedBy) => {
    expect(compteAdministratif(count(f, a), majorities.compte_administratif)).toMatchObject({ adopted, decidedBy, majority: { source: "CGCT L1612-12" } });
  });
});

describe("a nomination's rounds (CGCT L2121-21, law/elections.yaml `nomination`)", () => {
  const candidate = (id: string, birth_date?: string): Candidate => ({ id, civility: "M.", first_name: id, last_name: id.toUpperCase(), birth_date, member: true });
  const people = new Map([candidate("a", "1960-01-01"), candidate("b", "1970-01-01")].map((c) => [c.id, c] as const));
  const rule = law.elections.nomination!.variants[0]!;
  const ballot = (rounds: Record<string, number>[]) =>
    countMajorityBallot({ rule, seats: 1, rounds: rounds.map((candidates) => ({ candidates })), lists: [], candidate: (id) => people.get(id)!, inOffice: 11, date: "2024-03-12" }).outcome;

  it("needs the absolute majority in the first two rounds", () => {
    expect(ballot([{ a: 5, b: 5 }, { a: 5, b: 5 }]).rounds.map((r) => [r.needed, r.elected.length])).toEqual([[6, 0], [6, 0]]);
    expect(ballot([{ a: 6, b: 4 }]).rounds[0]).toMatchObject({ needed: 6, elected: [people.get("a")] });
  });

  it("takes the relative majority after them, and the eldest on a tie", () => {
    const relative = ballot([{ a: 5, b: 5 }, { a: 5, b: 5 }, { b: 4, a: 3 }]).rounds[2]!;
    expect(relative).toMatchObject({ needed: undefined, elected: [people.get("b")], byTie: [] });
    const tied = ballot([{ a: 5, b: 5 }, { a: 5, b: 5 }, { b: 4, a: 4 }]).rounds[2]!;
    expect(tied).toMatchObject({ elected: [people.get("a")], byTie: [people.get("a")] });
  });
});

describe("the count reads its numbers from law/", () => {
  it("the second convocation's delay is law/bodies.yaml's", () => {
    // Convened on 2024-03-08 for 2024-03-12: three clear days (9, 10, 11).
    const s = session().members(5).excused("m3", "m4", "m5").secondConvocation().with((d) => (d.session.convened_on = "2024-03-08")).vote({ for: 2, against: 0 }).build();
    expect(tally(s, law).motions[0]!.quorum.exemption).toBe("second_convocation");
    const commune = law.bodies.commune!;
    const stricter: Law = { ...law, bodies: { ...law.bodies, commune: { ...commune, second_convocation: { kind: "new_convocation", clear_days: 4, source: "CGCT L2121-17" } } } };
    const q = tally(s, stricter).motions[0]!.quorum;
    expect(q).toMatchObject({ exemption: undefined, met: false });
    expect(q.steps.find((step) => step.key === "quorum.second_convocation_too_soon")?.values).toMatchObject({ days: 3, required: 4 });
  });

  it("the sanitary regimes apply to the kinds that say so, and the custom assembly is not one", () => {
    const s = session().members(9).excused("m4", "m5", "m6", "m7", "m8", "m9").on("2021-03-10").vote({ for: 3, against: 0 });
    expect(tally(s.build(), law).motions[0]!.quorum).toMatchObject({ required: 3, met: true });
    expect(tally(s.kind("custom").build(), law).motions[0]!.quorum).toMatchObject({ required: 5, met: false });
  });

  it("a syndicat mixte ouvert without statutes cites the commune's articles, not « statuts »", () => {
    const outcome = tally(session().members(5).kind("smo").vote({ for: 5, against: 0 }).build(), law);
    expect(outcome.rules).toMatchObject({ quorum: { source: "CGCT L2121-17 par analogie" }, proxySource: "CGCT L2121-20 par analogie", majoritySource: "CGCT L2121-20 par analogie" });
    const stated = tally(session().members(5).kind("smo").with((d) => (d.body.statutes = { proxies_per_holder: 2 })).vote({ for: 5, against: 0 }).build(), law);
    expect(stated.rules).toMatchObject({ quorum: { source: "CGCT L2121-17 par analogie" }, proxiesPerHolder: 2, proxySource: "statuts" });
  });
});
