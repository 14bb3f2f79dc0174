// The legal engine at its boundaries: one table per rule, each case counted by hand.
import { describe, expect, it } from "vitest";
import { tallySession as tally } from "../../src/check.js";
import { loadLaw } from "../../src/law/load-law.js";
import { regimeOn } from "../../src/tally/rule-set.js";
import { clearDays } from "../../src/tally/dates.js";
import { threshold } from "../../src/tally/fraction.js";
import { session } from "../support/session-builder.js";

const law = loadLaw();

describe("regimes follow the date of the sitting (rules-fr.md §3), first and last days", () => {
  it.each([
    ["2020-03-23", "droit_commun"],
    ["2020-03-24", "covid_loi_2020_290"],
    ["2020-04-02", "covid_loi_2020_290"],
    ["2020-04-03", "covid_ord_2020_391"],
    ["2020-07-10", "covid_ord_2020_391"],
    ["2020-07-11", "covid_loi_2020_760"],
    ["2020-08-30", "covid_loi_2020_760"],
    ["2020-08-31", "droit_commun"],
    ["2020-11-14", "droit_commun"],
    ["2020-11-15", "covid_loi_2020_1379"],
    ["2021-09-30", "covid_loi_2020_1379"],
    ["2021-10-01", "droit_commun"],
    ["2021-11-10", "droit_commun"],
    ["2021-11-11", "covid_loi_2021_1465"],
    ["2022-07-31", "covid_loi_2021_1465"],
    ["2022-08-01", "droit_commun"],
  ])("%s: %s", (date, id) => {
    expect(regimeOn(law, date).id).toBe(id);
  });

  it("can be set explicitly by the file", () => {
    const outcome = tally(session().members(9).excused("m4", "m5", "m6", "m7", "m8", "m9").on("2021-03-10").with((s) => (s.session.regime = "droit_commun")).vote({ for: 3, against: 0 }).build());
    expect(outcome.rules.regime.id).toBe("droit_commun");
    expect(outcome.motions[0]!.quorum).toMatchObject({ required: 5, counted: 3, met: false });
  });
});

describe("quorum thresholds", () => {
  it.each([
    // n, fraction, strict, required
    [15, "1/2", true, 8],
    [14, "1/2", true, 8],
    [1, "1/2", true, 1],
    [0, "1/2", true, 1],
    [33, "1/3", false, 11],
    [34, "1/3", false, 12],
    [3, "1/3", false, 1],
    [58, "1/2", true, 30],
  ])("%i in office, %s (strict %s): %i", (n, fraction, strict, required) => {
    expect(threshold(n, fraction, strict)).toBe(required);
  });

  it("under loi 2020-1379 one third present suffices: 11 of 33", () => {
    const b = session().members(33).on("2021-02-01");
    for (let i = 12; i <= 33; i++) b.excused(`m${i}`);
    const q = tally(b.vote({ for: 11, against: 0 }).build()).motions[0]!.quorum;
    expect(q).toMatchObject({ inOffice: 33, counted: 11, required: 11, met: true, source: "art. 6 IV de la loi n° 2020-1379" });
  });

  it("in spring 2020 members represented count towards the third", () => {
    const b = session().members(9).on("2020-05-05").excused("m3", "m4", "m5", "m6", "m7").proxy("m8", "m1").proxy("m9", "m2");
    const q = tally(b.vote({ for: 4, against: 0 }).build()).motions[0]!.quorum;
    expect(q).toMatchObject({ counts: "present_or_represented", counted: 4, required: 3, met: true });
  });

  it("a commission permanente counts members present or represented", () => {
    const b = session().members(7).kind("commission_permanente").excused("m4", "m5").proxy("m6", "m1").proxy("m7", "m2");
    const q = tally(b.vote({ for: 5, against: 0 }).build()).motions[0]!.quorum;
    expect(q).toMatchObject({ counted: 5, required: 4, met: true });
  });

  it("is checked per motion: members who leave take the quorum with them", () => {
    const b = session().members(7).vote({ for: 7, against: 0 }).vote({ for: 3, against: 0 }, { departures: ["m5", "m6", "m7", "m4"] });
    const [first, second] = tally(b.build()).motions;
    expect(first!.quorum).toMatchObject({ counted: 7, required: 4, met: true });
    expect(second!.quorum).toMatchObject({ counted: 3, required: 4, met: false });
    expect(second!.result).toBe("no_quorum");
  });

  it("takes interested and withdrawn members out of those present (L2131-11, L2121-14)", () => {
    const b = session().members(11).excused("m7", "m8", "m9", "m10", "m11").vote({ for: 5, against: 0 }, { interested: ["m6"] });
    const q = tally(b.build()).motions[0]!.quorum;
    // rules-fr.md §2.8: 11 in office, 6 present, one interested: 5 < 6.
    expect(q).toMatchObject({ inOffice: 11, counted: 5, required: 6, met: false });
  });

  it("takes L1111-6 representatives out of the members in office in a commune", () => {
    const b = session().members(10).excused("m6", "m7", "m8", "m9", "m10").vote({ for: 4, against: 0 }, { excluded_from_office: ["m2"] });
    const q = tally(b.build()).motions[0]!.quorum;
    // 9 in office, 4 present: floor(9/2)+1 = 5, not met; without the exclusion 5 of 10 would not be met either (6).
    expect(q).toMatchObject({ inOffice: 9, counted: 4, required: 5, met: false });
  });

  it("counts a resignation out of office from the next motion", () => {
    const b = session().members(10).excused("m7", "m8", "m9", "m10").vote({ for: 6, against: 0 }).vote({ for: 5, against: 0 }, { resignations: ["m10"] });
    const [first, second] = tally(b.build()).motions;
    expect(first!.quorum).toMatchObject({ inOffice: 10, required: 6 });
    expect(second!.quorum).toMatchObject({ inOffice: 9, required: 5 });
  });
});

describe("second convocation (CGCT L2121-17): three clear days, and only the failed agenda", () => {
  it.each([
    ["2024-03-07", "2024-03-11", 3, true],
    ["2024-03-08", "2024-03-11", 2, false],
    ["2024-03-01", "2024-03-11", 9, true],
  ])("convened %s for %s: %i clear days, exempt %s", (convened, date, days, exempt) => {
    expect(clearDays(convened, date)).toBe(days);
    const b = session().members(9).excused("m3", "m4", "m5", "m6", "m7", "m8", "m9").secondConvocation().with((s) => {
      s.session.date = date;
      s.session.convened_on = convened;
      s.session.failed_convocation = { convened_on: "2024-02-20", date: "2024-03-01" };
    });
    const m = tally(b.vote({ for: 2, against: 0 }).build()).motions[0]!;
    expect(m.quorum.exemption).toBe(exempt ? "second_convocation" : undefined);
    expect(m.result).toBe(exempt ? "adopted" : "no_quorum");
  });

  it("requires the quorum for a motion that was not on the failed agenda", () => {
    const b = session().members(9).excused("m3", "m4", "m5", "m6", "m7", "m8", "m9").secondConvocation()
      .vote({ for: 2, against: 0 }).vote({ for: 2, against: 0 })
      .with((s) => (s.session.failed_convocation!.agenda = ["2024-01"]));
    const [onAgenda, newItem] = tally(b.build()).motions;
    expect(onAgenda!.result).toBe("adopted");
    expect(newItem!.result).toBe("no_quorum");
  });

  it("a département meets as of right three days later, whatever the number present", () => {
    const b = session().members(9).kind("departement").excused("m3", "m4", "m5", "m6", "m7", "m8", "m9").with((s) => {
      s.session.failed_convocation = { convened_on: "2024-02-20", date: "2024-03-08" };
      s.session.date = "2024-03-11";
    });
    const m = tally(b.vote({ for: 2, against: 0 }).build()).motions[0]!;
    expect(m.quorum).toMatchObject({ exemption: "meeting_of_right", met: true });
  });
});

describe("proxies for each motion", () => {
  it("a proxy lapses when its principal arrives: the principal votes in person", () => {
    const b = session().members(5).proxy("m5", "m1").vote({ for: 5, against: 0 }).vote({ for: 5, against: 0 }, { arrivals: ["m5"] });
    const [before, after] = tally(b.build()).motions;
    expect(before!.attendance.totals).toMatchObject({ present: 4, represented: 1, voting: 5 });
    expect(after!.attendance.totals).toMatchObject({ present: 5, represented: 0, voting: 5 });
  });

  it("a proxy lapses when its holder leaves", () => {
    const b = session().members(5).proxy("m5", "m1").vote({ for: 5, against: 0 }).vote({ for: 3, against: 0 }, { departures: ["m1"] });
    const [, after] = tally(b.build()).motions;
    expect(after!.attendance.totals).toMatchObject({ present: 3, represented: 0, voting: 3, voices: 3 });
  });

  it("an interested holder votes for no one (RM AN q. 20278)", () => {
    const b = session().members(5).proxy("m5", "m1").vote({ for: 3, against: 0 }, { interested: ["m1"] });
    const m = tally(b.build()).motions[0]!;
    expect(m.vote!.voters).toBe(3);
  });

  it("a suppléant sitting for a titulaire counts as present and votes", () => {
    const b = session().kind("epci").members(4).with((s) => {
      s.members.push({ id: "s4", civility: "Mme", first_name: "Anne", last_name: "SUPPLEANTE", suppleant_of: "m4" });
      s.attendance.m4 = { substituted_by: "s4" };
    });
    const m = tally(b.vote({ for: 4, against: 0 }).build()).motions[0]!;
    expect(m.attendance.totals).toMatchObject({ seats: 4, present: 4, voting: 4 });
    expect(m.attendance.lines[3]!.sitting.id).toBe("s4");
  });

  it("weights: a proxy carries the principal's voices, or one when the statutes say so", () => {
    const colleges = [{ name: "A", seats: [{ member: "m1", voices: 2 }, { member: "m2", voices: 5 }] }];
    const carry = tally(session().kind("smo").members(2).proxy("m2", "m1").colleges(colleges).vote({ unanimous: true }).build());
    expect(carry.motions[0]!.attendance.totals.voices).toBe(7);
    const one = tally(session().kind("smo").members(2).proxy("m2", "m1").colleges(colleges)
      .with((s) => (s.body.statutes = { proxy_carries_voices: false })).vote({ unanimous: true }).build());
    expect(one.motions[0]!.attendance.totals.voices).toBe(3);
  });
});

describe("majorities", () => {
  const cases: [string, Parameters<ReturnType<typeof session>["vote"]>[0], Partial<Parameters<ReturnType<typeof session>["vote"]>[1]>, string, string | undefined][] = [
    ["absolute, 6 to 5", { for: 6, against: 5, abstentions: 0 }, {}, "adopted", undefined],
    ["zero votes expressed", { for: 0, against: 0, abstentions: 11 }, {}, "rejected", undefined],
    ["tie, chair for", { for: 5, against: 5, abstentions: 1, president: "for" }, {}, "adopted", "casting_vote"],
    ["tie, chair against", { for: 5, against: 5, abstentions: 1, president: "against" }, {}, "rejected", "casting_vote"],
    ["tie, chair abstained", { for: 5, against: 5, abstentions: 1, president: "abstention" }, {}, "rejected", undefined],
    ["tie on a secret ballot", { for: 5, against: 5, blank: 1 }, { ballot: "secret" }, "rejected", undefined],
    ["compte administratif tie", { for: 4, against: 4, abstentions: 2 }, { kind: "compte_administratif", chaired_by: "m2", withdrawn: ["m1"] }, "adopted", "compte_administratif_tie"],
    ["compte administratif, majority against", { for: 4, against: 5, abstentions: 1 }, { kind: "compte_administratif", chaired_by: "m2", withdrawn: ["m1"] }, "rejected", undefined],
    ["two thirds of expressed, exactly", { for: 6, against: 3, abstentions: 2 }, { majority: { ratio: "2/3", of: "expressed" } }, "adopted", undefined],
    ["two thirds of expressed, one short", { for: 5, against: 3, abstentions: 3 }, { majority: { ratio: "2/3", of: "expressed" } }, "rejected", undefined],
    ["two thirds of members in office (11 → 8)", { for: 7, against: 0, abstentions: 4 }, { majority: { ratio: "2/3", of: "in_office" } }, "rejected", undefined],
    ["two thirds of members in office, exactly 8", { for: 8, against: 0, abstentions: 3 }, { majority: { ratio: "2/3", of: "in_office" } }, "adopted", undefined],
  ];
  it.each(cases)("%s", (_name, vote, extra, result, decidedBy) => {
    const m = tally(session().members(11).vote(vote, extra).build()).motions[0]!;
    expect(m.result).toBe(result);
    expect(m.vote!.decidedBy).toBe(decidedBy);
  });

  it("the chair's own vote decides a tie, not a proxy he holds", () => {
    const b = session().members(5).proxy("m5", "m1").vote({ by_member: { m1: "against", m5: "for", m2: "for", m3: "against", m4: "abstention" } }, { ballot: "public" });
    const m = tally(b.build()).motions[0]!;
    expect(m.vote).toMatchObject({ for: 2, against: 2, abstentions: 1, tie: true, presidentVote: "against", adopted: false, decidedBy: "casting_vote" });
    expect(m.vote!.names!.for.map((x) => x.id)).toEqual(["m5", "m2"]);
  });

  it("suffrages exprimés exclude abstentions, blank, null and members not voting", () => {
    const m = tally(session().members(11).vote({ for: 4, against: 2, abstentions: 1, blank: 2, invalid: 1 }, { ballot: "secret" }).build()).motions[0]!;
    expect(m.vote).toMatchObject({ expressed: 6, adopted: true });
  });
});

describe("elections by secret ballot (CGCT L2121-21)", () => {
  const withBirths = () =>
    session().members(11).with((s) => {
      s.members[1]!.birth_date = "1960-04-02";
      s.members[2]!.birth_date = "1958-11-30";
    });

  it("elects at the first round with the absolute majority of suffrages exprimés", () => {
    const m = tally(withBirths().vote({}, { kind: "election", vote: undefined, election: { rounds: [{ candidates: { m2: 6, m3: 4 }, blank: 1 }] } }).build()).motions[0]!;
    expect(m.election!.rounds[0]).toMatchObject({ expressed: 10, needed: 6, ballots: 11 });
    expect(m.election!.elected.map((c) => c.id)).toEqual(["m2"]);
    expect(m.result).toBe("elected");
  });

  it("elects at the third round by relative majority, the eldest on a tie", () => {
    const rounds: { candidates: Record<string, number>; blank?: number; invalid?: number }[] = [{ candidates: { m2: 5, m3: 5 }, blank: 1 }, { candidates: { m2: 5, m3: 5 }, invalid: 1 }, { candidates: { m2: 5, m3: 5, m4: 1 } }];
    const m = tally(withBirths().vote({}, { kind: "election", vote: undefined, election: { rounds } }).build()).motions[0]!;
    expect(m.election!.rounds.map((r) => r.elected[0]?.id)).toEqual([undefined, undefined, "m3"]);
    expect(m.election!.rounds[2]!.byTie.map((c) => c.id)).toEqual(["m3"]);
  });

  it("elects nobody when the absolute majority is missed and no third round is held", () => {
    const m = tally(withBirths().vote({}, { kind: "election", vote: undefined, election: { rounds: [{ candidates: { m2: 5, m3: 5 }, blank: 1 }] } }).build()).motions[0]!;
    expect(m.result).toBe("not_elected");
  });
});

describe("a syndicat à la carte (CGCT L5212-16)", () => {
  const colleges = [
    { name: "Commune A", seats: [{ member: "m1" }, { member: "m2" }] },
    { name: "Commune B", seats: [{ member: "m3" }, { member: "m4" }] },
    { name: "Commune C", seats: [{ member: "m5" }, { member: "m6" }] },
  ];

  it("lets only the delegates of the communes concerned vote, the quorum still on every seat", () => {
    const b = session().kind("syndicat_communes").members(6).excused("m6").colleges(colleges).vote({ unanimous: true }, { voting_colleges: ["Commune A", "Commune B"] });
    const m = tally(b.build()).motions[0]!;
    expect(m.attendance.totals).toMatchObject({ seats: 6, present: 5, voting: 4, voices: 4 });
    expect(m.vote).toMatchObject({ for: 4, voters: 4 });
    expect(m.quorum).toMatchObject({ inOffice: 6, counted: 5, required: 4 });
  });

  it("keeps every delegate's vote on a matter of common interest", () => {
    const m = tally(session().kind("syndicat_communes").members(6).colleges(colleges).vote({ unanimous: true }).build()).motions[0]!;
    expect(m.vote!.voters).toBe(6);
  });
});
