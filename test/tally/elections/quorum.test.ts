// The quorum of an election under the sanitary regimes: ordonnance n° 2020-562 counts only the
// members present « pour toute élection du maire ou des adjoints » (law/elections.yaml
// `sanitary_election_quorum`); every other election counts as the regime's other items.
import { describe, expect, it } from "vitest";
import { countElection } from "./build.js";

describe("an election's quorum on 25 May 2020 (ordonnance n° 2020-391: a third, proxies counted)", () => {
  // 9 members in office, a third: 3. Present m1, m2; m3 and m4 represented; the rest absent.
  const sitting = {
    members: 9,
    date: "2020-05-25",
    population: 800,
    absent: ["m5", "m6", "m7", "m8", "m9"],
    change: (s: import("../../../src/model/session.js").Session) => {
      s.attendance.m3 = { represented_by: "m1" };
      s.attendance.m4 = { represented_by: "m2" };
    },
  };
  const rounds = [{ candidates: { m1: 4 } }];

  it("the maire: only the members present count (2 of the 3 needed)", () => {
    const m = countElection(sitting, { kind: "maire", rounds });
    expect(m.quorum).toMatchObject({ counts: "present", counted: 2, required: 3, met: false });
    expect(m.result).toBe("no_quorum");
  });

  it("a delegate to an outside body: members present or represented count (4 of 3)", () => {
    const m = countElection(sitting, { kind: "organisme_exterieur", rounds });
    expect(m.quorum).toMatchObject({ counts: "present_or_represented", counted: 4, required: 3, met: true });
    expect(m.result).toBe("elected");
  });

  it("a nomination that names no kind counts as the regime's other items", () => {
    expect(countElection(sitting, { rounds }).quorum).toMatchObject({ counts: "present_or_represented", met: true });
  });
});
