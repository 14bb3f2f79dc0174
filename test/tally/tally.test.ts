import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { tallySession as tally } from "../../src/check.js";
import { session } from "../support/session-builder.js";

const referencePath = "examples/nord-pas-de-calais-numerique/2021-05-18.yaml";

describe("tally of the reference deliberation 2021-06", () => {
  const checked = checkText({ path: referencePath, text: readFileSync(referencePath, "utf8") });
  const motion = checked.outcome!.motions[0]!;

  it("checks without any diagnostic", () => {
    expect(checked.diagnostics).toEqual([]);
  });

  it("counts the attendance over seats: 9 present, 0 absent, 12 excused, 2 voting", () => {
    expect(motion.attendance.totals).toMatchObject({ seats: 21, present: 9, absent: 0, excused: 12, represented: 0, voting: 2, voices: 2 });
  });

  it("counts M. André FIGOUREUX once per seat he holds", () => {
    const his = motion.attendance.lines.filter((l) => l.member.id === "figoureux");
    expect(his.map((l) => [l.college, l.column, l.voting])).toEqual([
      ["Conseil régional des Hauts de France", "present", false],
      ["Collège ENT", "present", true],
    ]);
  });

  it("needs no quorum on a second convocation", () => {
    expect(motion.quorum).toMatchObject({ exemption: "second_convocation", met: true, counted: 9, inOffice: 21 });
  });

  it("adopts the motion with 2 for, 0 against: 2 expressed", () => {
    expect(motion.vote!).toMatchObject({ for: 2, against: 0, abstentions: 0, expressed: 2, voters: 2 });
    expect(motion.result).toBe("adopted");
  });
});

describe("quorum: majority of members in office physically present (CGCT L2121-17)", () => {
  const cases: [inOffice: number, present: number, required: number, met: boolean][] = [
    [15, 8, 8, true],
    [15, 7, 8, false],
    [14, 8, 8, true],
    [14, 7, 8, false],
    [19, 10, 10, true],
    [1, 1, 1, true],
    [2, 1, 2, false],
  ];
  it.each(cases)("%i in office, %i present: %i required, met=%s", (inOffice, present, required, met) => {
    const builder = session().members(inOffice);
    for (let i = present + 1; i <= inOffice; i++) builder.excused(`m${i}`);
    const outcome = tally(builder.vote({ for: 1, against: 0 }).build());
    expect(outcome.motions[0]!.quorum).toMatchObject({ inOffice, counted: present, required, met });
    expect(outcome.motions[0]!.result).toBe(met ? "adopted" : "no_quorum");
  });

  it("does not count proxies towards the quorum", () => {
    // 15 in office, 7 present holding 3 proxies: 7 < 8, not met (rules-fr.md §2.8).
    const b = session().members(15).excused("m8", "m9", "m10", "m11", "m12").proxy("m13", "m1").proxy("m14", "m2").proxy("m15", "m3");
    const q = tally(b.vote({ for: 10, against: 0 }).build()).motions[0]!.quorum;
    expect(q).toMatchObject({ counted: 7, required: 8, met: false });
  });

  it("is waived on a second convocation, whatever the number present", () => {
    const b = session().members(15).excused("m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10", "m11", "m12", "m13", "m14", "m15");
    const motion = tally(b.secondConvocation().vote({ for: 1, against: 0 }).build()).motions[0]!;
    expect(motion.quorum).toMatchObject({ counted: 1, met: true, exemption: "second_convocation", required: 0 });
    expect(motion.result).toBe("adopted");
  });
});

describe("votes: absolute majority of suffrages exprimés (CGCT L2121-20)", () => {
  const cases: [votesFor: number, against: number, abstentions: number, result: "adopted" | "rejected"][] = [
    [6, 5, 0, "adopted"],
    [5, 5, 1, "rejected"],
    [4, 0, 6, "adopted"],
    [0, 0, 10, "rejected"],
    [0, 1, 0, "rejected"],
    [1, 0, 0, "adopted"],
  ];
  it.each(cases)("%i for, %i against, %i abstentions: %s", (votesFor, against, abstentions, result) => {
    const outcome = tally(session().members(11).vote({ for: votesFor, against, abstentions }).build());
    const motion = outcome.motions[0]!;
    expect(motion.vote!.expressed).toBe(votesFor + against);
    expect(motion.result).toBe(result);
  });

  it("counts a unanimous vote as every voice that can be cast", () => {
    const b = session().members(5).excused("m5").proxy("m4", "m1");
    const vote = tally(b.vote({ unanimous: true }).build()).motions[0]!.vote!;
    // 3 present + 1 proxy = 4 voices; m5 excused without proxy does not vote.
    expect(vote).toMatchObject({ for: 4, against: 0, abstentions: 0, expressed: 4, voters: 4, unanimous: true });
  });

  it("weights voices per seat and carries them through a proxy", () => {
    const b = session()
      .members(3)
      .proxy("m3", "m1")
      .colleges([{ name: "Collège A", seats: [{ member: "m1", voices: 3 }, { member: "m2", voices: 1 }, { member: "m3", voices: 2 }] }]);
    const outcome = tally(b.vote({ unanimous: true }).build());
    expect(outcome.motions[0]!.vote!.voters).toBe(6);
    expect(outcome.motions[0]!.attendance.totals).toMatchObject({ voting: 3, voices: 6, represented: 1, excused: 1, present: 2 });
  });
});

describe("invariants (property-based)", () => {
  const statuses = fc.constantFrom("present", "absent", "excused", "proxy") as fc.Arbitrary<"present" | "absent" | "excused" | "proxy">;
  const sessions = fc.array(statuses, { minLength: 1, maxLength: 40 }).map((list) => {
    const b = session().members(list.length);
    // Member 1 presides and holds every proxy, so every proxy is regular.
    list.forEach((status, i) => {
      const id = `m${i + 1}`;
      if (i === 0 || status === "present") return;
      if (status === "proxy") b.proxy(id, "m1");
      else if (status === "absent") b.absent(id);
      else b.excused(id);
    });
    return b;
  });

  it("present + absent + excused = seats in office; voters = present voting seats + proxies", () => {
    fc.assert(
      fc.property(sessions, (b) => {
        const motion = tally(b.vote({ for: 0, against: 0 }).build()).motions[0]!;
        const t = motion.attendance.totals;
        expect(t.present + t.absent + t.excused).toBe(t.seats);
        expect(t.voting).toBe(t.present + t.represented);
      }),
    );
  });

  it("suffrages exprimés never exceed the voters, and adding an abstention never changes adoption", () => {
    fc.assert(
      fc.property(sessions, fc.nat(), fc.nat(), (b, a, c) => {
        const voters = tally(b.vote({ for: 0, against: 0 }).build()).motions[0]!.attendance.totals.voices;
        const votesFor = a % (voters + 1);
        const against = c % (voters - votesFor + 1);
        const abstentions = voters - votesFor - against;
        const base = b.build();
        const m = tally({ ...base, motions: [{ ...base.motions[0]!, vote: { for: votesFor, against, abstentions } }] }).motions[0]!;
        // Without quorum nothing is put to the vote; otherwise the expressed never exceed the voters.
        if (m.vote) expect(m.vote.expressed).toBeLessThanOrEqual(m.vote.voters);
        const more = tally({ ...base, motions: [{ ...base.motions[0]!, vote: { for: votesFor, against, abstentions: abstentions + 1 } }] }).motions[0]!;
        expect(more.result).toBe(m.result);
      }),
    );
  });
});
