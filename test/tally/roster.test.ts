// The roster at the sitting's date (issue 10, item 2): members' statuses and the assembly's
// seats decide « en exercice », and with it the quorum and every figure; not_taking_part.
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { checkText, tallySession as tally } from "../../src/check.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { Member, Session } from "../../src/model/session.js";
import { loadLaw } from "../../src/law/load-law.js";
import { outOfOffice } from "../../src/tally/roster.js";
import { membersAreThoseInOffice } from "../../src/validate/set-rules/members-are-those-in-office.js";
import type { FileSet } from "../../src/validate/set-rules/set-rule.js";
import { session } from "../support/session-builder.js";
import { en } from "../support/english.js";

/** The diagnostics of a session checked as a file, by code. */
function check(data: Session): Diagnostic[] {
  return [...checkText({ path: "roster.yaml", text: stringify(data) }).diagnostics];
}

const codes = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.severity} ${d.code}`);

/** Sets fields on one member of the session. */
const status = (id: string, fields: Partial<Member>) => (s: Session) => {
  Object.assign(s.members.find((m) => m.id === id)!, fields);
};

/** Drops a member's attendance line. */
const unlisted = (id: string) => (s: Session) => {
  delete s.attendance[id];
};

describe("in office on the sitting's date (2024-03-12)", () => {
  const member = (fields: Partial<Member>): Member => ({ id: "x", civility: "M.", first_name: "A", last_name: "B", ...fields });
  const s = session().members(1).build();
  it.each([
    [{ resigned_on: "2024-02-01" }, "resigned"],
    [{ resigned_on: "2024-03-12" }, "resigned"],
    [{ resigned_on: "2024-03-13" }, undefined],
    [{ deceased_on: "2024-01-05" }, "deceased"],
    [{ deceased_on: "2024-03-12" }, "deceased"],
    [{ installed_on: "2024-03-13" }, "not_installed"],
    [{ installed_on: "2024-03-12" }, undefined],
    [{ installed_on: "2024-01-01", resigned_on: "2024-03-01" }, "resigned"],
    [{}, undefined],
  ] as const)("%o: %s", (fields, expected) => {
    expect(outOfOffice(member(fields), s)).toBe(expected);
  });

  it("a member who resigns during the sitting is in office at the opening", () => {
    const b = session().members(5).with(status("m5", { resigned_on: "2024-03-12" })).vote({ for: 5, against: 0 }).vote({ for: 4, against: 0 }, { resignations: ["m5"] });
    const [first, second] = tally(b.build()).motions;
    expect(first!.quorum.inOffice).toBe(5);
    expect(second!.quorum.inOffice).toBe(4);
    expect(check(b.build())).toEqual([]);
  });
});

describe("members out of office leave the count", () => {
  it("resigned before the sitting: no attendance line needed, not in office", () => {
    const b = session().members(7).with(status("m7", { resigned_on: "2024-02-01" })).with(unlisted("m7")).absent("m5", "m6").vote({ for: 4, against: 0 });
    const m = tally(b.build()).motions[0]!;
    expect(m.quorum).toMatchObject({ inOffice: 6, counted: 4, required: 4, met: true });
    expect(m.attendance.totals).toMatchObject({ seats: 6, present: 4, absent: 2 });
    expect(m.attendance.lines.map((l) => l.member.id)).not.toContain("m7");
    expect(check(b.build())).toEqual([]);
  });

  it("resigned the same day, not during the sitting: not in office", () => {
    const b = session().members(4).with(status("m4", { resigned_on: "2024-03-12" })).with(unlisted("m4")).vote({ for: 3, against: 0 });
    expect(tally(b.build()).motions[0]!.quorum.inOffice).toBe(3);
    expect(check(b.build())).toEqual([]);
  });

  it("installed after the sitting: not in office", () => {
    const b = session().members(4).with(status("m4", { installed_on: "2024-04-01" })).with(unlisted("m4")).vote({ for: 3, against: 0 });
    expect(tally(b.build()).motions[0]!.quorum.inOffice).toBe(3);
    expect(check(b.build())).toEqual([]);
  });

  it("deceased: not in office", () => {
    const b = session().members(4).with(status("m4", { deceased_on: "2023-12-24" })).with(unlisted("m4")).vote({ for: 3, against: 0 });
    expect(tally(b.build()).motions[0]!.quorum.inOffice).toBe(3);
    expect(check(b.build())).toEqual([]);
  });

  it("replaced: the replacement holds the seat", () => {
    const b = session()
      .members(4)
      .with(status("m4", { resigned_on: "2024-01-10", replaced_by: "m5" }))
      .with(unlisted("m4"))
      .member("m5")
      .with(status("m5", { installed_on: "2024-02-01" }))
      .vote({ for: 4, against: 0 });
    expect(tally(b.build()).motions[0]!.quorum.inOffice).toBe(4);
    expect(check(b.build())).toEqual([]);
  });

  it("replaced_by must name a listed member, and not someone also in office", () => {
    const unknown = session().members(3).with(status("m3", { resigned_on: "2024-01-10", replaced_by: "nobody" })).with(unlisted("m3")).vote({ for: 2, against: 0 });
    expect(codes(check(unknown.build()))).toEqual(["error DLB3002"]);
    const twice = session().members(4).with(status("m3", { replaced_by: "m4" })).vote({ for: 4, against: 0 });
    expect(codes(check(twice.build()))).toEqual(["error DLB3082"]);
  });

  it("a resigned member still listed present: an error while prepared, a finding once transcribed, not counted", () => {
    const b = session().members(5).with(status("m5", { resigned_on: "2024-02-01" })).vote({ for: 5, against: 0 });
    const m = tally(b.build()).motions[0]!;
    expect(m.quorum).toMatchObject({ inOffice: 4, counted: 4 });
    const [prepared] = check(b.build());
    expect(prepared).toMatchObject({ severity: "error", code: "DLB3080", irregularity: { article: "CGCT L2121-4", couldChangeOutcome: false } });
    expect(en(prepared!.message)).toContain("listed as present");
    const transcribed = check(b.with((s) => (s.record = "transcribed")).build()).filter((d) => d.code === "DLB3080");
    expect(codes(transcribed)).toEqual(["warning DLB3080"]);
  });

  it("resigned members listed absent: the quorum the record applied was too high", () => {
    // 7 listed, 2 of them resigned and marked absent: the record required 4 of 7 present, the
    // law 3 of 5; with 3 present, the motion passes in law and failed in the record.
    const b = session()
      .members(7)
      .with(status("m6", { resigned_on: "2024-01-01" }))
      .with(status("m7", { resigned_on: "2024-01-01" }))
      .absent("m4", "m5", "m6", "m7")
      .with((s) => (s.record = "transcribed"))
      .vote({ for: 3, against: 0 });
    const m = tally(b.build()).motions[0]!;
    expect(m.quorum).toMatchObject({ inOffice: 5, counted: 3, required: 3, met: true });
    const found = check(b.build()).filter((d) => d.code === "DLB3080");
    // Each alone, counted in office as the record did, takes the quorum to 4 of 6: not reached.
    expect(found.map((d) => [d.severity, d.irregularity?.couldChangeOutcome])).toEqual([
      ["warning", true],
      ["warning", true],
    ]);
    expect(en(found[0]!.hints[0]!)).toContain("2024-01 would be without quorum (3 counted for a quorum of 4, 6 in office)");
  });
});

describe("the seats of the assembly", () => {
  it("seats with vacancies: the members in office and the vacant seats account for every seat", () => {
    const b = session().members(13).with((s) => ((s.body.seats = 15), (s.session.vacant_seats = 2))).absent("m12", "m13").vote({ for: 11, against: 0 });
    const m = tally(b.build()).motions[0]!;
    expect(m.quorum).toMatchObject({ inOffice: 13, required: 7 });
    expect(check(b.build())).toEqual([]);
  });

  it("a list short by 2 that flips the quorum: the missing members count absent", () => {
    // Five present were certified « quorum atteint » on a list of 9; the council has 11 seats: six were required.
    const b = session().members(9).absent("m6", "m7", "m8", "m9").with((s) => (s.body.seats = 11)).vote({ for: 5, against: 0 });
    const m = tally(b.build()).motions[0]!;
    expect(m.quorum).toMatchObject({ inOffice: 11, counted: 5, required: 6, met: false });
    expect(m.result).toBe("no_quorum");
    expect(m.attendance.totals).toMatchObject({ seats: 11, present: 5, absent: 6 });
    const [d] = check(b.build());
    expect(d).toMatchObject({ severity: "error", code: "DLB3083", irregularity: { article: "CGCT L2121-17", couldChangeOutcome: true } });
    expect(en(d!.message)).toBe("2 members in office are missing from the list: the quorum would be counted on 9 instead of 11");
  });

  it("transcribed, the short list is a finding (a warning) and the documents are built on the law's count", () => {
    const b = session().members(9).absent("m6", "m7", "m8", "m9").with((s) => ((s.body.seats = 11), (s.record = "transcribed"))).vote({ for: 5, against: 0 });
    const result = checkText({ path: "roster.yaml", text: stringify(b.build()) });
    // The record also shows a vote taken without quorum: a finding too.
    expect(codes(result.diagnostics)).toEqual(["warning DLB3083", "warning DLB3029"]);
    expect(result.outcome?.motions[0]!.result).toBe("no_quorum");
  });

  it("a list short by one that changes nothing", () => {
    const b = session().members(10).with((s) => (s.body.seats = 11)).vote({ for: 10, against: 0 });
    const [d] = check(b.build());
    expect(d).toMatchObject({ code: "DLB3083", irregularity: { couldChangeOutcome: false } });
    expect(en(d!.message)).toContain("1 member in office is missing");
  });

  it("more members than seats is an error", () => {
    const b = session().members(12).with((s) => ((s.body.seats = 11), (s.session.vacant_seats = 1))).vote({ for: 12, against: 0 });
    expect(codes(check(b.build()))).toEqual(["error DLB3084"]);
  });
});

describe("not taking part in the vote", () => {
  it("counts present, does not vote, and the proxy held is not used", () => {
    const b = session().members(5).proxy("m5", "m4").vote({ for: 3, against: 0 }, { not_taking_part: ["m4"] });
    const m = tally(b.build()).motions[0]!;
    expect(m.quorum).toMatchObject({ counted: 4 });
    expect(m.attendance.totals).toMatchObject({ present: 4, represented: 1, voting: 3 });
    const line = (id: string) => m.attendance.lines.find((l) => l.member.id === id)!;
    expect(line("m4")).toMatchObject({ column: "present", voting: false });
    expect(line("m5")).toMatchObject({ voting: false });
    expect(m.vote).toMatchObject({ voters: 3, for: 3 });
    expect(tally(b.build()).presence[0]!.members.get("m4")!.notTakingPart).toBe(true);
  });

  it("only for the motion that lists it", () => {
    const b = session().members(3).vote({ for: 2, against: 0 }, { not_taking_part: ["m3"] }).vote({ for: 3, against: 0 });
    const [first, second] = tally(b.build()).motions;
    expect(first!.attendance.totals.voting).toBe(2);
    expect(second!.attendance.totals.voting).toBe(3);
  });

  it("names a listed member", () => {
    const b = session().members(3).vote({ for: 3, against: 0 }, { not_taking_part: ["m9"] });
    expect(codes(check(b.build()))).toEqual(["error DLB3002"]);
  });
});

describe("the register's roster and the file's statuses read dates alike", () => {
  const summary = (members: string[]) => ({
    path: "s.yaml", bodyName: "Commune de Test", kind: "commune", date: "2024-03-12", time: undefined,
    numbers: ["2024-01"], members, proxies: [], illness: [], links: [],
  });
  const set = (members: string[], roster: { member: string; event: "installed" | "resigned"; date: string }[]) =>
    ({ config: { path: "delib.config.yaml", body: undefined, numbering: undefined, roster }, sessions: [summary(members)], law: loadLaw() }) as unknown as FileSet;
  const installed = (member: string) => ({ member, event: "installed" as const, date: "2020-07-01" });

  it("a resignation on the sitting's date is left to the file (it may be during the sitting)", () => {
    const roster = [installed("a"), installed("b"), { member: "b", event: "resigned" as const, date: "2024-03-12" }];
    expect(membersAreThoseInOffice(set(["a", "b"], roster))).toEqual([]);
    expect(outOfOffice({ id: "b", civility: "M.", first_name: "B", last_name: "B", resigned_on: "2024-03-12" }, session().members(1).build())).toBe("resigned");
  });

  it("resigned the day before by the roster, listed by the file: DLB3706", () => {
    const roster = [installed("a"), installed("b"), { member: "b", event: "resigned" as const, date: "2024-03-11" }];
    expect(membersAreThoseInOffice(set(["a", "b"], roster)).map((f) => f.code)).toEqual(["DLB3706"]);
  });

  it("installed on the sitting's date by the roster is in office, as `installed_on` is", () => {
    const roster = [installed("a"), { member: "b", event: "installed" as const, date: "2024-03-12" }];
    expect(membersAreThoseInOffice(set(["a"], roster)).map((f) => f.code)).toEqual(["DLB3707"]);
    expect(membersAreThoseInOffice(set(["a", "b"], roster))).toEqual([]);
  });
});
