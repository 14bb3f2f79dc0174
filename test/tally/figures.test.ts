// The figures a record prints, as delib gives them (src/tally/figures.ts), at their boundaries:
// late arrivals, departures, proxies that lapse, suppléants, withdrawals, weighted voices, members
// not taking part, seats missing from the list; each counted by hand.
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { tallySession as tally } from "../../src/check.js";
import { checkText } from "../../src/check-file.js";
import type { Session } from "../../src/model/session.js";
import { motionFigures, sittingFigures, type MotionFigureValues, type SittingFigureValues } from "../../src/tally/figures.js";
import { session } from "../support/session-builder.js";
import { en } from "../support/english.js";

/** The values alone, by field. */
function values(figures: SittingFigureValues | MotionFigureValues): Record<string, number> {
  return Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, f!.value]));
}

const sitting = (s: Session) => values(sittingFigures(tally(s)));
const motion = (s: Session, i: number) => values(motionFigures(tally(s), i));

/** The diagnostics of a session, as "severity code". */
function codes(s: Session): string[] {
  return checkText({ path: "figures.yaml", text: stringify(s) }).diagnostics.map((d) => `${d.severity} ${d.code}`);
}

describe("a late arrival", () => {
  const s = session().members(5).excused("m5").vote({ for: 4, against: 0 }).vote({ for: 5, against: 0 }, { arrivals: ["m5"] }).build();

  it("is present in the heading, and for the items after the arrival only", () => {
    expect(sitting(s)).toMatchObject({ in_office: 5, present: 5, present_titulaires: 5, present_suppleants: 0, represented: 0, absent: 0, excused: 0, voting: 5, majority: 3 });
    expect(motion(s, 0)).toMatchObject({ present: 4, excused: 1, voting: 4, for: 4, expressed: 4, majority: 3 });
    expect(motion(s, 1)).toMatchObject({ present: 5, excused: 0, voting: 5 });
  });

  it("no longer breaks a correct record that prints the heading's figures", () => {
    const declared = { ...s, declared: { in_office: 5, present: 5, excused: 0, voting: 5, majority: 3 } };
    declared.motions = declared.motions.map((m, i) => ({ ...m, declared: i === 0 ? { present: 4, excused: 1, voting: 4 } : { present: 5, voting: 5 } }));
    expect(codes(declared)).toEqual([]);
  });

  it("the former name, declared_totals, has the same meaning", () => {
    expect(codes({ ...s, declared_totals: { present: 5, excused: 0 } })).toEqual([]);
    expect(codes({ ...s, declared_totals: { present: 4 } })).toEqual(["error DLB3011"]);
  });
});

describe("a departure", () => {
  const s = session().members(5).vote({ for: 5, against: 0 }).vote({ for: 4, against: 0 }, { departures: ["m5"] }).build();

  it("has sat: present in the heading; absent for the items after it", () => {
    expect(sitting(s)).toMatchObject({ present: 5, absent: 0, voting: 5 });
    expect(motion(s, 1)).toMatchObject({ present: 4, absent: 1, voting: 4 });
  });
});

describe("a proxy", () => {
  it("counts represented, not present, and voting", () => {
    const s = session().members(5).proxy("m5", "m4").vote({ for: 5, against: 0 }).build();
    expect(sitting(s)).toMatchObject({ present: 4, represented: 1, excused: 0, absent: 0, voting: 5, majority: 3 });
    expect(motion(s, 0)).toMatchObject({ present: 4, represented: 1, excused: 0, voting: 5 });
  });

  it("lapses when the principal arrives: the principal is present in the heading, not represented", () => {
    const s = session().members(5).proxy("m5", "m4").vote({ for: 5, against: 0 }).vote({ for: 5, against: 0 }, { arrivals: ["m5"] }).build();
    expect(sitting(s)).toMatchObject({ present: 5, represented: 0, voting: 5 });
    expect(motion(s, 0)).toMatchObject({ present: 4, represented: 1 });
    expect(motion(s, 1)).toMatchObject({ present: 5, represented: 0 });
  });

  it("lapses when the holder leaves: the principal stays represented in the heading, excused for the item", () => {
    const s = session().members(5).proxy("m5", "m4").vote({ for: 5, against: 0 }).vote({ for: 3, against: 0 }, { departures: ["m4"] }).build();
    expect(sitting(s)).toMatchObject({ present: 4, represented: 1, excused: 0, voting: 5 });
    expect(motion(s, 1)).toMatchObject({ present: 3, represented: 0, excused: 1, absent: 1, voting: 3 });
  });

  it("never used (its holder absent) leaves the principal excused", () => {
    const s = session().members(5).absent("m4").proxy("m5", "m4").vote({ for: 3, against: 0 }).build();
    expect(sitting(s)).toMatchObject({ present: 3, represented: 0, excused: 1, absent: 1, voting: 3 });
  });
});

describe("a suppléant", () => {
  const s = session()
    .members(4)
    .kind("epci")
    .with((d) => {
      d.members.push({ id: "s4", civility: "Mme", first_name: "Anne", last_name: "S4", suppleant_of: "m4" });
      d.attendance["m4"] = { substituted_by: "s4" };
    })
    .vote({ for: 4, against: 0 })
    .build();

  it("is present, counted apart from the titulaires, and votes", () => {
    expect(sitting(s)).toMatchObject({ in_office: 4, present: 4, present_titulaires: 3, present_suppleants: 1, voting: 4, majority: 3 });
    expect(motion(s, 0)).toMatchObject({ present: 4, present_titulaires: 3, present_suppleants: 1, voting: 4 });
  });
});

describe("a withdrawn member", () => {
  const s = session().members(5).vote({ for: 5, against: 0 }).vote({ for: 4, against: 0 }, { withdrawn: ["m3"] }).build();

  it("is neither present nor absent for the item, and in office", () => {
    expect(motion(s, 1)).toMatchObject({ in_office: 5, present: 4, absent: 0, excused: 0, voting: 4 });
  });

  it("sat, so is present in the heading", () => {
    expect(sitting(s)).toMatchObject({ present: 5, absent: 0 });
  });
});

describe("weighted voices", () => {
  const s = session()
    .members(3)
    .colleges([{ name: "Collège", seats: [{ member: "m1", voices: 3 }, { member: "m2", voices: 2 }, { member: "m3" }] }])
    .excused("m3")
    .kind("smo")
    .vote({ for: 5, against: 0 })
    .build();

  it("votants are voices for an item; the heading counts members", () => {
    expect(motion(s, 0)).toMatchObject({ present: 2, voting: 5, for: 5 });
    expect(sitting(s)).toMatchObject({ present: 2, voting: 2, majority: 2 });
  });
});

describe("not taking part", () => {
  const s = session().members(5).proxy("m5", "m4").vote({ for: 3, against: 0 }, { not_taking_part: ["m4"] }).build();

  it("counts present, not voting, and the proxy held is not used", () => {
    expect(motion(s, 0)).toMatchObject({ present: 4, represented: 0, voting: 3, not_voting: 1, excused: 1 });
  });

  it("the votes then add up", () => {
    expect(codes(s)).toEqual([]);
  });
});

describe("votes that add up", () => {
  it("votants equal the voters of the count when no one is left out", () => {
    const outcome = tally(session().members(7).proxy("m7", "m1").absent("m6").vote({ for: 4, against: 2 }).build());
    expect(motionFigures(outcome, 0).voting?.value).toBe(outcome.motions[0]!.vote!.voters);
  });

  it("a vote short of the voters is an error that says the missing votes are not counted", () => {
    const s = session().members(15).vote({ for: 10, abstentions: 4 }).build();
    const [d, ...rest] = checkText({ path: "v.yaml", text: stringify(s) }).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: "error", code: "DLB3023", irregularity: { article: "CGCT L2121-20", couldChangeOutcome: false } });
    expect(en(d!.message)).toContain("accounts for 14 of the 15 votes");
  });

  it("{ for: 3 } alone, and the missing votes could turn the result", () => {
    const s = session().members(7).vote({ for: 3 }).build();
    const [d] = checkText({ path: "v.yaml", text: stringify(s) }).diagnostics;
    expect(d).toMatchObject({ code: "DLB3023", irregularity: { couldChangeOutcome: true } });
  });

  it("in a transcribed record, a finding", () => {
    const s = session().members(15).with((d) => (d.record = "transcribed")).vote({ for: 10, abstentions: 4 }).build();
    expect(codes(s)).toEqual(["warning DLB3023"]);
  });
});

describe("members missing from the list", () => {
  it("are in office and absent", () => {
    const s = session().members(9).with((d) => (d.body.seats = 11)).vote({ for: 9, against: 0 }).build();
    expect(sitting(s)).toMatchObject({ in_office: 11, present: 9, absent: 2 });
    expect(motion(s, 0)).toMatchObject({ in_office: 11, present: 9, absent: 2 });
  });
});

describe("the sitting's majority", () => {
  it("is the absolute majority of the votants: 17 for 33, not a sanitary quorum of 11", () => {
    const b = session().members(33).on("2021-03-10");
    const s = b.vote({ for: 33, against: 0 }).build();
    expect(sittingFigures(tally(s)).majority).toMatchObject({ value: 17, rule: "CGCT L2121-20" });
    expect(codes({ ...s, declared: { majority: 11 } })).toEqual(["error DLB3011"]);
  });
});
