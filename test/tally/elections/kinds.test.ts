// One test per kind of election the other files do not take on by name (issue 15): each from the
// law's text, through the whole check (YAML text, schema, count, rules) of a sitting the test
// writes. The maire, the adjoints, the délégués sénatoriaux, the delegates to a syndicat and the
// commission d'appel d'offres have their own files (majority-ballots, proportional, records).
import jsYaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { checkText } from "../../../src/check-file.js";
import { loadCatalogue } from "../../../src/render/catalogue.js";
import { electionRecordView } from "../../../src/render/election-record-view.js";
import type { Election, ElectionRound, Session } from "../../../src/model/session.js";
import { electionSession, ids, type ElectionSitting } from "./build.js";

/** The whole check of a sitting holding `election`: its diagnostics' codes and its first motion's outcome. */
function check(sitting: ElectionSitting, election: Election, change?: (s: Session) => void) {
  const session = electionSession(sitting, election);
  change?.(session);
  const result = checkText({ path: "seance.yaml", text: jsYaml.dump(session, { schema: jsYaml.CORE_SCHEMA }) });
  return { codes: result.diagnostics.map((d) => d.code), motion: result.outcome?.motions[0] };
}

const epci = (s: Session) => {
  s.body.kind = "epci";
  s.body.assembly = "conseil communautaire";
};

describe("the président of an EPCI (CGCT L5211-2 → L2122-7)", () => {
  const sitting = { members: 21, date: "2020-07-15", change: epci };

  it("absolute majority at rounds 1 and 2, relative at round 3: elected at round 3 with 10 of 21", () => {
    // Rounds 1 and 2: 21 exprimés, majority 11, nobody has it; round 3: the most votes.
    const rounds: ElectionRound[] = [
      { candidates: { m1: 10, m2: 9, m3: 2 } },
      { candidates: { m1: 10, m2: 10, m3: 1 } },
      { candidates: { m1: 10, m2: 9 }, blank: 2 },
    ];
    const { codes, motion } = check(sitting, { kind: "president", rounds });
    expect(codes).toEqual([]);
    expect(motion!.election!.rule.source).toBe("CGCT L2122-7 par renvoi de l'art. L5211-2");
    expect(motion!.election!.rounds.map((r) => r.needed)).toEqual([11, 11, undefined]);
    expect(ids(motion!.election!.elected)).toEqual(["m1"]);
    expect(motion!.election!.rounds[2]).toMatchObject({ ballots: 21, blank: 2, expressed: 19 });
  });

  it("is one seat: `seats: 2` is refused (DLB3107)", () => {
    expect(check(sitting, { kind: "president", seats: 2, rounds: [{ candidates: { m1: 12, m2: 9 }, ballots: 21 }] }).codes).toContain("DLB3107");
  });

  it("is not an election a commune holds (DLB3100)", () => {
    expect(check({ members: 15, date: "2020-07-15" }, { kind: "president", rounds: [{ candidates: { m1: 15 } }] }).codes).toContain("DLB3100");
  });
});

describe("the vice-présidents of an EPCI: one post per ballot, as the président", () => {
  it("a vice-président elected at round 1 with the absolute majority", () => {
    const { codes, motion } = check({ members: 21, date: "2020-07-15", change: epci }, { kind: "vice_presidents", post: "premier vice-président", rounds: [{ candidates: { m4: 14, m5: 6 }, invalid: 1 }] });
    expect(codes).toEqual([]);
    expect(motion!.election!.rounds[0]).toMatchObject({ ballots: 21, null: 1, expressed: 20, needed: 11 });
    expect(ids(motion!.election!.elected)).toEqual(["m4"]);
  });
});

describe("a municipal commission above 1,000 inhabitants (CGCT L2121-22): proportional, highest remainder", () => {
  it("5 seats, 19 exprimés: quota 19/5 = 3.8; whole quotients 3 and 1, then the largest remainder (2.6 against 1.2)", () => {
    // a: 14 votes → 14 / 3.8 = 3 seats, remainder 2.6; b: 5 votes → 1 seat, remainder 1.2. Seat 5: a (2.6 > 1.2).
    const lists = [
      { id: "a", candidates: ["m1", "m2", "m3", "m4", "m5"] },
      { id: "b", candidates: ["m6", "m7"] },
    ];
    const { codes, motion } = check({ members: 19, date: "2021-03-10", population: 2400 }, { kind: "commission", post: "commission des finances", seats: 5, lists, rounds: [{ lists: { a: 14, b: 5 } }] });
    expect(codes).toEqual([]);
    const allocation = motion!.election!.allocation!;
    expect(allocation.method).toBe("highest_remainder");
    expect(allocation.quota).toEqual({ numerator: 19, denominator: 5 });
    expect(allocation.lists.map((l) => [l.list.id, l.seats])).toEqual([["a", 4], ["b", 1]]);
    expect(ids(motion!.election!.elected).sort()).toEqual(["m1", "m2", "m3", "m4", "m6"]);
  });

  it("is an ordinary nomination under 1,001 inhabitants: no rule for lists there", () => {
    const { motion } = check({ members: 15, date: "2021-03-10", population: 800 }, { kind: "commission", rounds: [{ candidates: { m1: 15 } }] });
    expect(motion!.election!.rule.candidacy).toBe("individual");
  });
});

describe("representatives in an outside body (CGCT L2121-33, L2121-21)", () => {
  // 15 ballots of two names: m1 15, m2 13, m3 2: 15 exprimés, majority 8: m1 and m2 elected.
  const election: Election = { kind: "organisme_exterieur", post: "représentants au conseil d'administration du collège", seats: 2, rounds: [{ candidates: { m1: 15, m2: 13, m3: 2 }, ballots: 15 }] };
  const inPublic = (s: Session) => {
    s.motions[0]!.ballot = "public";
  };

  it("two seats on one ballot; a public vote the council decided unanimously is regular", () => {
    const { codes, motion } = check({ members: 15, date: "2021-03-10" }, { ...election, public_by_unanimous_decision: true }, inPublic);
    expect(codes).toEqual([]);
    expect(motion!.election!.rule.ballot.rule).toBe("secret_unless_unanimous");
    expect(ids(motion!.election!.elected)).toEqual(["m1", "m2"]);
  });

  it("its record says the ballot was public by the assembly's unanimous decision, with the article", () => {
    const session = electionSession({ members: 15, date: "2021-03-10" }, { ...election, public_by_unanimous_decision: true });
    inPublic(session);
    const outcome = checkText({ path: "seance.yaml", text: jsYaml.dump(session, { schema: jsYaml.CORE_SCHEMA }) }).outcome!;
    const record = electionRecordView(outcome, outcome.motions[0]!, loadCatalogue("fr"));
    expect(record.mode.paragraphs[0]).toMatch(/^L’assemblée ayant décidé à l’unanimité de ne pas procéder au scrutin secret, l’élection a lieu au scrutin public \(art\.\sL2121-21 du CGCT\)\.$/);
  });

  it("a public vote without that decision is an irregular nomination (DLB3071)", () => {
    expect(check({ members: 15, date: "2021-03-10" }, election, inPublic).codes).toEqual(["DLB3071"]);
  });

  it("a person who is not a councillor may be named (no `candidates_from`)", () => {
    const people = [{ id: "ext", civility: "Mme" as const, first_name: "Anne", last_name: "EXTERNE" }];
    const { codes, motion } = check({ members: 15, date: "2021-03-10" }, { kind: "organisme_exterieur", people, rounds: [{ candidates: { ext: 15 } }] });
    expect(codes).toEqual([]);
    expect(motion!.election!.elected.map((c) => [c.id, c.member])).toEqual([["ext", false]]);
  });
});

describe("a nomination the law gives no rule of its own: the default kind (CGCT L2121-21)", () => {
  it("no `kind`: L2121-21, absolute majority at rounds 1 and 2", () => {
    const { codes, motion } = check({ members: 15, date: "2021-03-10" }, { rounds: [{ candidates: { m1: 7, m2: 7, m3: 1 } }, { candidates: { m1: 9, m2: 6 } }] });
    expect(codes).toEqual([]);
    expect(motion!.election!.kind).toBe("nomination");
    expect(motion!.election!.rule.source).toBe("CGCT L2121-21");
    expect(motion!.election!.rounds.map((r) => r.needed)).toEqual([8, 8]);
    expect(ids(motion!.election!.elected)).toEqual(["m1"]);
  });

  it("the maire's election is never public (CGCT L2122-7: « au scrutin secret »), whatever the assembly decides", () => {
    const { codes } = check({ members: 15, date: "2021-03-10" }, { kind: "maire", public_by_unanimous_decision: true, rounds: [{ candidates: { m1: 15 } }] }, (s) => {
      s.motions[0]!.ballot = "public";
    });
    expect(codes).toContain("DLB3113");
  });
});
