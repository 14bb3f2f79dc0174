// Irregular facts of a sitting: each carries its article, the consequence delib applied and
// whether it could have changed an outcome, so `delib audit` lists it; read as a transcribed
// record, hints say what delib does with the record instead of asking to change it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check-file.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { repoRoot } from "../support/run-cli.js";
import { en } from "../support/english.js";

const fixture = (name: string) => readFileSync(join(repoRoot, "test/fixtures/invalid", name), "utf8");

function check(text: string, asRecorded = false, path = "seance.yaml"): readonly Diagnostic[] {
  return checkText({ path, text }, { asRecorded }).diagnostics;
}

function only(diagnostics: readonly Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  expect(found.map((d) => d.code), diagnostics.map((d) => `${d.code} ${en(d.message)}`).join("\n")).toEqual([code]);
  return found[0]!;
}

describe("a proxy to a holder who arrives later (CGCT L2121-20)", () => {
  // M. MOREAU gives his proxy to Mme FOURNIER, absent at the opening, who arrives before the
  // second motion: the proxy is used from then on; nothing is irregular.
  const text = fixture("rule-proxy-holder-absent.yaml")
    .replace("  fournier: excused\n", "  fournier: absent\n")
    .replace(
      "    vote:\n      for: 3\n      against: 0",
      `    vote:
      for: 3
      against: 0

  - number: "2024-02"
    title: Subvention à l'association des parents d'élèves
    rapporteur: leroy
    arrivals:
      - fournier
    visas:
      - Vu le Code général des collectivités territoriales,
    decisions:
      - verb: DECIDE
        articles:
          - D'attribuer une subvention de 500 € à l'association des parents d'élèves.
    vote:
      for: 5
      against: 0`,
    );

  it("is not reported, and the proxy counts from the holder's arrival", () => {
    const result = checkText({ path: "seance.yaml", text });
    expect(result.diagnostics.map((d) => `${d.code} ${en(d.message)}`)).toEqual([]);
    const [first, second] = result.outcome!.motions;
    expect(first!.vote!.voters).toBe(3);
    expect(second!.vote!.voters).toBe(5);
  });

  it("is still reported when the holder never comes", () => {
    const never = text.replace("    arrivals:\n      - fournier\n", "").replace("      for: 5\n", "      for: 3\n");
    const d = only(check(never), "DLB3006");
    expect(d.severity).toBe("error");
    expect(d.irregularity?.article).toBe("CGCT L2121-20");
  });
});

describe("irregular facts listed by delib audit", () => {
  const cases: [file: string, code: string, article: RegExp][] = [
    ["rule-convocation-too-late.yaml", "DLB3050", /^CGCT L2121-1[12]/],
    ["rule-second-convocation-too-soon.yaml", "DLB3033", /^CGCT L2121-17/],
    ["rule-meeting-of-right-not-three-days-later.yaml", "DLB3035", /^CGCT L[34]1/],
    ["rule-public-ballot-not-requested-enough.yaml", "DLB3070", /^CGCT L2121-21/],
    ["rule-nomination-not-secret.yaml", "DLB3071", /^CGCT L2121-21/],
    ["rule-vote-counts-disagree-with-names.yaml", "DLB3022", /^CGCT L2121-21/],
    ["rule-election-round-after-elected.yaml", "DLB3044", /^CGCT L2121-21/],
    ["rule-election-more-ballots-than-voters.yaml", "DLB3045", /^CGCT L2121-21/],
  ];
  for (const [file, code, article] of cases) {
    it(`${code} (${file}) carries its article and consequence, and keeps its severity`, () => {
      const plain = check(fixture(file), false, file).find((d) => d.code === code)!;
      const audited = check(fixture(file), true, file).find((d) => d.code === code)!;
      expect(plain.irregularity, `${code} has no irregularity`).toBeDefined();
      expect(plain.irregularity!.article).toMatch(article);
      expect(en(plain.irregularity!.consequence).length).toBeGreaterThan(20);
      expect([true, false, undefined]).toContain(plain.irregularity!.couldChangeOutcome);
      // A warning stays a warning; an error is a finding (a warning) in a transcribed record.
      expect(audited.severity).toBe("warning");
    });
  }

  it("a second convocation too soon could change an outcome only where a motion lacks its quorum", () => {
    const d = check(fixture("rule-second-convocation-too-soon.yaml")).find((x) => x.code === "DLB3033")!;
    expect(d.severity).toBe("warning");
    expect(typeof d.irregularity!.couldChangeOutcome).toBe("boolean");
  });

  it("printed counts the names contradict could change an outcome only if the printed counts give another result", () => {
    const d = check(fixture("rule-vote-counts-disagree-with-names.yaml")).find((x) => x.code === "DLB3022")!;
    expect(en(d.irregularity!.consequence)).toMatch(/from the members' names/);
    expect(typeof d.irregularity!.couldChangeOutcome).toBe("boolean");
  });
});

describe("a vote recorded for a member who could not cast it, with weighted voices (DLB3021)", () => {
  // A syndicat mixte whose delegates carry weighted voices: 12 for, 9 against among those who
  // could vote; M. GRAND (4 voices), excused, is recorded against: with his vote, 12 to 13.
  const text = (grandVote: string) => `format: 1
body:
  name: Syndicat mixte de Test
  name_in_text: du Syndicat mixte de Test
  kind: smo
  assembly: comité syndical
  statutes:
    quorum: { counts: voices, fraction: 1/2, strict: true, article: article 9 des statuts }
    proxies_per_holder: 1
session:
  date: 2023-06-27
  time: "14:30"
  place: à la Maison de l'eau
  convened_on: 2023-06-16
  president: alpha
  secretaries: [delta]
  signatory: { member: alpha, capacity: Le Président du Syndicat mixte }
members:
  - { id: alpha, civility: M., first_name: Jean, last_name: ALPHA }
  - { id: beta, civility: M., first_name: Jean, last_name: BETA }
  - { id: gamma, civility: M., first_name: Jean, last_name: GAMMA }
  - { id: delta, civility: Mme, first_name: Anne, last_name: DELTA }
  - { id: epsilon, civility: Mme, first_name: Anne, last_name: EPSILON }
  - { id: zeta, civility: Mme, first_name: Anne, last_name: ZETA }
  - { id: grand, civility: M., first_name: Paul, last_name: GRAND }
colleges:
  - name: Département
    seats:
      - { member: alpha, voices: 4 }
      - { member: beta, voices: 4 }
      - { member: gamma, voices: 4 }
      - { member: grand, voices: 4 }
  - name: Communes
    seats:
      - { member: delta, voices: 3 }
      - { member: epsilon, voices: 3 }
      - { member: zeta, voices: 3 }
attendance:
  alpha: present
  beta: present
  gamma: present
  delta: present
  epsilon: present
  zeta: present
  grand: excused
motions:
  - number: "2023-15"
    title: Programme de travaux
    ballot: public
    decisions:
      - verb: APPROUVE
        articles:
          - Le programme de travaux.
    vote:
      by_member:
        alpha: for
        beta: for
        gamma: for
        delta: against
        epsilon: against
        zeta: against
        grand: ${grandVote}
`;

  it("could change the result when the member's voices turn it", () => {
    const result = checkText({ path: "seance.yaml", text: text("against") });
    const d = only(result.diagnostics, "DLB3021");
    expect(d.irregularity!.couldChangeOutcome).toBe(true);
  });

  it("could not when the vote goes the way of the result", () => {
    const d = only(check(text("for")), "DLB3021");
    expect(d.irregularity!.couldChangeOutcome).toBe(false);
  });

  it("could not when it is an abstention", () => {
    const d = only(check(text("abstention")), "DLB3021");
    expect(d.irregularity!.couldChangeOutcome).toBe(false);
  });
});

describe("the extra proxy of a vote recorded as counts (DLB3020)", () => {
  it("says the counts already leave it out when they do", () => {
    const d = only(check(fixture("rule-two-proxies-common-law.yaml")), "DLB3020");
    expect(en(d.irregularity!.consequence)).toMatch(/not counted among the voters/);
    expect(en(d.irregularity!.consequence)).toMatch(/do not exceed the voters without it/);
  });

  it("says the counts as recorded exceed the voters when they include it (DLB3010)", () => {
    const text = fixture("rule-two-proxies-common-law.yaml").replace("      for: 6\n", "      for: 7\n");
    const diagnostics = check(text);
    expect(diagnostics.map((d) => d.code).sort()).toEqual(["DLB3010", "DLB3020"]);
    const d = diagnostics.find((x) => x.code === "DLB3020")!;
    expect(en(d.irregularity!.consequence)).toMatch(/not counted among the voters/);
    expect(en(d.irregularity!.consequence)).toMatch(/counts them as recorded, and they exceed the voters, as reported on that vote/);
    expect(en(d.irregularity!.consequence)).not.toMatch(/^the extra proxy is not counted: /);
  });
});

describe("hints in a file read as a transcribed record (delib audit)", () => {
  const cases: [file: string, code: string][] = [
    ["rule-two-proxies-common-law.yaml", "DLB3020"],
    ["rule-proxy-holder-absent.yaml", "DLB3006"],
    ["rule-resigned-member-listed-present.yaml", "DLB3080"],
    ["rule-members-missing-from-the-list.yaml", "DLB3083"],
    ["rule-vote-of-member-who-cannot-vote.yaml", "DLB3021"],
    ["rule-vote-counts-disagree-with-names.yaml", "DLB3022"],
  ];
  for (const [file, code] of cases) {
    it(`${code} says the record stays as printed, and asks for no change, when audited`, () => {
      const audited = check(fixture(file), true, file).filter((d) => d.code === code);
      expect(audited.length).toBeGreaterThan(0);
      for (const d of audited) {
        expect(d.hints.map(en).join(" | ")).toMatch(/the record is transcribed as (printed|adopted)/);
        expect(d.hints.map(en).join(" | ")).not.toMatch(/remove|write `record: transcribed`|record .* as `excused`|correct the count/);
      }
      const prepared = check(fixture(file), false, file).filter((d) => d.code === code);
      for (const d of prepared) expect(d.hints.map(en).join(" | ")).not.toMatch(/the record is transcribed/);
    });
  }
});
