// The example sessions under examples/: each checks without a single diagnostic, renders one
// extract per motion, and delib's figures equal the ones counted by hand from the file.
//
// The hand counts below were made from the YAML alone (attendance, arrivals, departures,
// proxies, seats and voices, ballots), not copied from delib's output: a difference is a
// finding, either in the example or in the engine.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { renderDocuments } from "../../src/documents.js";
import type { RenderedDocument } from "../../src/render/render-html.js";
import type { MotionOutcome, Outcome } from "../../src/tally/outcome.js";
import { htmlText } from "../support/reference.js";

const examplesDir = "examples";

/** Every session file under examples/, one folder per body. */
function exampleFiles(): string[] {
  return readdirSync(examplesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(examplesDir, d.name))
        .filter((f) => f.endsWith(".yaml") && f !== "delib.config.yaml")
        .map((f) => join(examplesDir, d.name, f)),
    )
    .sort();
}

function check(path: string) {
  return checkText({ path, text: readFileSync(path, "utf8") });
}

function outcomeOf(path: string): Outcome {
  const checked = check(path);
  expect(checked.diagnostics).toEqual([]);
  return checked.outcome!;
}

/** The extracts of the register renderDocuments gives for a session, in motion order. */
function extracts(outcome: Outcome): RenderedDocument[] {
  const rendered = renderDocuments(outcome);
  expect(rendered.diagnostics).toEqual([]);
  return rendered.value!.filter((d) => d.kind === "extract");
}

/** The text of the extract of one motion. */
function extractText(outcome: Outcome, number: string): string {
  const document = extracts(outcome).find((d) => d.name === number);
  if (!document) throw new Error(`no extract ${number}`);
  return htmlText(document.html);
}

function motion(outcome: Outcome, number: string): MotionOutcome {
  const found = outcome.motions.find((m) => m.motion.number === number);
  if (!found) throw new Error(`no motion ${number}`);
  return found;
}

/** The attendance totals row: present, absent, excused (represented included), represented, voting. */
type Totals = [present: number, absent: number, excused: number, represented: number, voting: number];
/** The quorum: members (or voices) in office, counted, required, met. */
type Quorum = [inOffice: number, counted: number, required: number, met: boolean];
/** The vote: for, against, abstentions, suffrages exprimés, voices that could be cast. */
type Vote = [votesFor: number, against: number, abstentions: number, expressed: number, voters: number];

function expectTotals(m: MotionOutcome, [present, absent, excused, represented, voting]: Totals) {
  expect(m.attendance.totals).toMatchObject({ present, absent, excused, represented, voting });
  expect(m.attendance.totals.seats).toBe(present + absent + excused);
}

function expectQuorum(m: MotionOutcome, [inOffice, counted, required, met]: Quorum) {
  expect(m.quorum).toMatchObject({ inOffice, counted, required, met, exemption: undefined });
}

function expectVote(m: MotionOutcome, [votesFor, against, abstentions, expressed, voters]: Vote) {
  expect(m.vote).toMatchObject({ for: votesFor, against, abstentions, expressed, voters });
}

describe("every example under examples/", () => {
  const files = exampleFiles();

  it("includes the seven sessions written for the issue, and the reference", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "examples/cc-pays-de-vaurenne/2024-06-20.yaml",
        "examples/marcilly-sur-aubrette/2023-12-12.yaml",
        "examples/mirabel-les-vignes/2021-02-23.yaml",
        "examples/nord-pas-de-calais-numerique/2021-05-18.yaml",
        "examples/saint-julien-de-verac/2024-03-26.yaml",
        "examples/saint-privat-des-garrigues/2023-10-17.yaml",
        "examples/smo-bassin-argenson/2023-06-27.yaml",
        "examples/vernoux-la-foret/2024-04-09.yaml",
      ]),
    );
  });

  it.each(files)("%s checks with no diagnostic, warnings included", (path) => {
    const checked = check(path);
    expect(checked.diagnostics).toEqual([]);
    expect(checked.outcome).toBeDefined();
  });

  it.each(files)("%s renders one HTML extract per motion", (path) => {
    const outcome = outcomeOf(path);
    const documents = extracts(outcome);
    expect(documents.map((d) => d.name)).toEqual(outcome.session.motions.map((m) => m.number));
    for (const document of documents) {
      expect(document.html).toMatch(/^<!DOCTYPE html>/);
      expect(htmlText(document.html)).toContain("Pour extrait conforme");
    }
  });

  it.each(files)("%s starts with the schema line and a comment saying what it shows", (path) => {
    const lines = readFileSync(path, "utf8").split("\n");
    expect(lines[0]).toBe("# yaml-language-server: $schema=../../schemas/session.schema.json");
    expect(lines[1]).toBe("#");
    expect(lines[2]).toMatch(/^# \S/);
  });
});

describe("conseil municipal with two proxies and a late arrival (Saint-Julien-de-Vérac, 26 March 2024)", () => {
  const outcome = outcomeOf("examples/saint-julien-de-verac/2024-03-26.yaml");

  // 15 in office; 10 present, MOREAU and FONTAINE represented, GIRAUD and LECLERC excused,
  // PRÉVOST absent. Quorum floor(15/2) + 1 = 8.
  it("2024-08: 10 present, 12 voting; 10 for, 2 against", () => {
    const m = motion(outcome, "2024-08");
    expectTotals(m, [10, 1, 4, 2, 12]);
    expectQuorum(m, [15, 10, 8, true]);
    expectVote(m, [10, 2, 0, 12, 12]);
    expect(m.result).toBe("adopted");
  });

  it("2024-09: unanimous, the 12 voices are counted for", () => {
    const m = motion(outcome, "2024-09");
    expectTotals(m, [10, 1, 4, 2, 12]);
    expectVote(m, [12, 0, 0, 12, 12]);
    expect(m.vote!.unanimous).toBe(true);
    expect(m.result).toBe("adopted");
  });

  it("2024-10: Mme FONTAINE arrives, her proxy lapses: 11 present, 1 represented, still 12 voting", () => {
    const m = motion(outcome, "2024-10");
    expectTotals(m, [11, 1, 3, 1, 12]);
    expectQuorum(m, [15, 11, 8, true]);
    expectVote(m, [11, 0, 1, 11, 12]);
    const fontaine = m.attendance.lines.find((l) => l.member.id === "fontaine")!;
    expect(fontaine).toMatchObject({ column: "present", proxyHolder: undefined, voting: true, note: "arrived" });
    expect(m.result).toBe("adopted");
  });

  it("2024-11: Mme DUMAS, interested, is neither present nor voting: 10 present, 11 voting", () => {
    const m = motion(outcome, "2024-11");
    expectTotals(m, [10, 2, 3, 1, 11]);
    expectQuorum(m, [15, 10, 8, true]);
    expectVote(m, [8, 2, 1, 10, 11]);
    expect(m.result).toBe("adopted");
  });
});

describe("compte administratif (Vernoux-la-Forêt, 9 April 2024)", () => {
  const outcome = outcomeOf("examples/vernoux-la-foret/2024-04-09.yaml");

  // 11 in office; 9 present, ESTÈVE represented by CAZALS, GAU excused. Quorum 6.
  it("2024-05: compte de gestion, unanimous with 10 voices", () => {
    const m = motion(outcome, "2024-05");
    expectTotals(m, [9, 0, 2, 1, 10]);
    expectQuorum(m, [11, 9, 6, true]);
    expectVote(m, [10, 0, 0, 10, 10]);
    expect(m.result).toBe("adopted");
  });

  it("2024-06: the maire withdraws, Mme SOULIÉ chairs; 8 present, 9 voting; a 4-4 tie adopts the CA (L1612-12)", () => {
    const m = motion(outcome, "2024-06");
    expectTotals(m, [8, 1, 2, 1, 9]);
    expectQuorum(m, [11, 8, 6, true]);
    expectVote(m, [4, 4, 1, 8, 9]);
    expect(m.chair.id).toBe("soulie");
    expect(m.attendance.lines.find((l) => l.member.id === "laffont")).toMatchObject({ column: "absent", voting: false, note: "withdrawn" });
    expect(m.vote).toMatchObject({ tie: true, adopted: true, decidedBy: "compte_administratif_tie" });
    expect(m.vote!.majority.kind).toBe("compte_administratif");
    expect(m.result).toBe("adopted");
  });

  it("2024-07 and 2024-08: the maire is back; adopted by 6 to 3 and by 7 to 3", () => {
    const affectation = motion(outcome, "2024-07");
    expectTotals(affectation, [9, 0, 2, 1, 10]);
    expectVote(affectation, [6, 3, 1, 9, 10]);
    expect(affectation.result).toBe("adopted");
    const budget = motion(outcome, "2024-08");
    expectTotals(budget, [9, 0, 2, 1, 10]);
    expectQuorum(budget, [11, 9, 6, true]);
    expectVote(budget, [7, 3, 0, 10, 10]);
    expect(budget.result).toBe("adopted");
  });

  it("prints the elected chair, the withdrawal and the L1612-12 ground on the CA extract", () => {
    const text = extractText(outcome, "2024-06");
    expect(text).toContain("la présidence de séance est assurée par Madame Annie SOULIÉ");
    expect(text).toContain("Monsieur Gérard LAFFONT s’est retiré au moment du vote.");
    expect(text).toContain("art. L1612-12 du CGCT");
  });
});

describe("conseil communautaire with a suppléant (Pays de Vaurenne, 20 June 2024)", () => {
  const outcome = outcomeOf("examples/cc-pays-de-vaurenne/2024-06-20.yaml");

  // 16 seats in 7 colleges; 10 titulaires present + Mme PASCAL for M. NICOLAS = 11 present;
  // CHAUVET and MALLET represented; ESCOFFIER and SABATIER excused; GAILLARD absent.
  // Quorum floor(16/2) + 1 = 9.
  it("counts the suppléante's seat present and voting: 11 present, 13 voting", () => {
    for (const m of outcome.motions) {
      expectTotals(m, [11, 1, 4, 2, 13]);
      expectQuorum(m, [16, 11, 9, true]);
    }
    const nicolas = outcome.motions[0]!.attendance.lines.find((l) => l.member.id === "nicolas")!;
    expect(nicolas).toMatchObject({ column: "present", voting: true, note: "suppleant" });
    expect(nicolas.sitting.id).toBe("pascal");
  });

  it("counts the colleges: Vaurenne 4 present of 7, Les Aulnaies 1 present and 2 voting", () => {
    const colleges = outcome.motions[0]!.attendance.colleges;
    expect(colleges.map((c) => c.college)).toEqual([
      "Vaurenne",
      "Saint-Brice-sur-Vaur",
      "Les Aulnaies",
      "Montgeron-le-Haut",
      "Fréville",
      "Larrey",
      "Orcières-le-Bas",
    ]);
    expect(colleges[0]).toMatchObject({ present: 4, absent: 1, excused: 2, voting: 5 });
    expect(colleges[2]).toMatchObject({ present: 1, absent: 0, excused: 1, voting: 2 });
  });

  it("CC2024-041, -042, -043: 12 for and 1 abstention; unanimous 13; 11 for and 2 against", () => {
    expectVote(motion(outcome, "CC2024-041"), [12, 0, 1, 12, 13]);
    expectVote(motion(outcome, "CC2024-042"), [13, 0, 0, 13, 13]);
    expectVote(motion(outcome, "CC2024-043"), [11, 2, 0, 13, 13]);
    expect(outcome.motions.map((m) => m.result)).toEqual(["adopted", "adopted", "adopted"]);
  });

  it("prints the suppléance in the attendance table", () => {
    const text = extractText(outcome, "CC2024-041");
    expect(text).toContain("M. Noël NICOLAS (suppléé par Mme Odile PASCAL)");
  });
});

describe("sanitary regime, two proxies per holder (Mirabel-les-Vignes, 23 February 2021)", () => {
  const outcome = outcomeOf("examples/mirabel-les-vignes/2021-02-23.yaml");

  // 19 in office; 9 present; COSTE and DELPECH represented by AUBERT, FABRE by BARRAL;
  // 4 excused, 3 absent. Quorum: at least a third, ceil(19/3) = 7 (10 under the common law).
  it("applies loi n° 2020-1379 from the date: quorum one third, two proxies per holder", () => {
    expect(outcome.rules.regime.id).toBe("covid_loi_2020_1379");
    expect(outcome.rules.proxiesPerHolder).toBe(2);
  });

  it("counts 9 present, 7 excused of whom 3 represented, 12 voting; quorum 7 of 19 met", () => {
    for (const m of outcome.motions) {
      expectTotals(m, [9, 3, 7, 3, 12]);
      expectQuorum(m, [19, 9, 7, true]);
    }
  });

  it("uses both proxies held by Mme AUBERT", () => {
    const held = outcome.motions[0]!.attendance.lines.filter((l) => l.proxyHolder?.id === "aubert").map((l) => l.member.id);
    expect(held).toEqual(["coste", "delpech"]);
  });

  it("2021-07, -08, -09: unanimous 12; 10 for and 2 abstentions; 11 for and 1 against", () => {
    expectVote(motion(outcome, "2021-07"), [12, 0, 0, 12, 12]);
    expectVote(motion(outcome, "2021-08"), [10, 0, 2, 10, 12]);
    expectVote(motion(outcome, "2021-09"), [11, 1, 0, 12, 12]);
    expect(outcome.motions.map((m) => m.result)).toEqual(["adopted", "adopted", "adopted"]);
  });
});

describe("syndicat mixte ouvert, weighted voices (bassin de l'Argenson, 27 June 2023)", () => {
  const outcome = outcomeOf("examples/smo-bassin-argenson/2023-06-27.yaml");

  // 13 seats, 12 voting: Région 2 × 3, Département 3 × 4, CC 3 × 2, CA 4 × 2 = 32 voices.
  // Present: ABADIE 3, CHASSAGNE 4, DESCHAMPS 4, FAYE 2, JAMOT 2, LAGRANGE 2, NOUAILHAS 2 = 19
  // voices, plus PEYROT (no vote). Proxies carry one voice (statutes): BESSON 1, GRANGER 1.
  it("counts 8 present, 9 voting seats casting 21 voices", () => {
    for (const m of outcome.motions) {
      expectTotals(m, [8, 1, 4, 2, 9]);
      expect(m.attendance.totals.voices).toBe(21);
      expect(m.vote!.voters).toBe(21);
    }
  });

  it("counts the quorum in voices: 19 voices present, met", () => {
    for (const m of outcome.motions) {
      expect(m.quorum).toMatchObject({ counts: "voices", counted: 19, met: true });
    }
  });

  // The voices in office are the 32 voices of the voting seats in office, so the quorum is
  // floor(32/2) + 1 = 17, even where a seat is represented by a one-voice proxy (BESSON 3,
  // GRANGER 2).
  it("takes the 32 voices of the seats in office as the quorum's base: 17 required", () => {
    for (const m of outcome.motions) {
      expect(m.quorum).toMatchObject({ inOffice: 32, required: 17 });
    }
  });

  it("2023-14: unanimous, 21 voices for", () => {
    expectVote(motion(outcome, "2023-14"), [21, 0, 0, 21, 21]);
    expect(motion(outcome, "2023-14").result).toBe("adopted");
  });

  it("2023-15: two thirds of the suffrages exprimés, weighted: 16 for, 3 against, 2 abstentions; 13 needed", () => {
    // for: ABADIE 3 + BESSON by proxy 1 + CHASSAGNE 4 + DESCHAMPS 4 + JAMOT 2 + LAGRANGE 2 = 16;
    // against: FAYE 2 + GRANGER by proxy 1 = 3; abstention: NOUAILHAS 2. ceil(19 × 2/3) = 13.
    const m = motion(outcome, "2023-15");
    expectVote(m, [16, 3, 2, 19, 21]);
    expect(m.vote!.majority).toMatchObject({ kind: "qualified", ratio: "2/3", of: "expressed", needed: 13 });
    expect(m.result).toBe("adopted");
  });

  it("2023-16: 19 for, 2 abstentions", () => {
    expectVote(motion(outcome, "2023-16"), [19, 0, 2, 19, 21]);
    expect(motion(outcome, "2023-16").result).toBe("adopted");
  });
});

describe("tie decided by the casting vote on a public ballot (Saint-Privat-des-Garrigues, 17 October 2023)", () => {
  const outcome = outcomeOf("examples/saint-privat-des-garrigues/2023-10-17.yaml");

  // 15 in office; 13 present; PUECH represented by ESPINASSE; ROUQUETTE excused. Quorum 8.
  it("counts 13 present, 14 voting; quorum 13 of 15 met", () => {
    for (const m of outcome.motions) {
      expectTotals(m, [13, 0, 2, 1, 14]);
      expectQuorum(m, [15, 13, 8, true]);
    }
  });

  it("2023-39: 7 for, 7 against; the maire voted for, his casting vote adopts", () => {
    const m = motion(outcome, "2023-39");
    expectVote(m, [7, 7, 0, 14, 14]);
    expect(m.vote).toMatchObject({ ballot: "public", tie: true, presidentVote: "for", decidedBy: "casting_vote", adopted: true });
    expect(m.vote!.names!.for.map((x) => x.id)).toEqual(["castel", "abric", "bonnafoux", "causse", "domergue", "espinasse", "fournier"]);
    expect(m.vote!.names!.against.map((x) => x.id)).toEqual(["galtier", "hermet", "jouve", "laporte", "maurel", "nougaret", "puech"]);
    expect(m.result).toBe("adopted");
  });

  it("prints the names by direction and the casting vote on the extract", () => {
    const text = extractText(outcome, "2023-39");
    expect(text).toContain("la voix du président de séance étant prépondérante");
    expect(text).toContain(
      "Ont voté pour : M. Raymond CASTEL, Mme Jeanne ABRIC, M. Paul BONNAFOUX, Mme Danielle CAUSSE, M. Michel DOMERGUE, Mme Évelyne ESPINASSE et M. Lionel FOURNIER.",
    );
    expect(text).toContain(
      "Ont voté contre : Mme Geneviève GALTIER, M. Hugo HERMET, Mme Ingrid JOUVE, M. Luc LAPORTE, Mme Mathilde MAUREL, M. Nicolas NOUGARET et Mme Océane PUECH (pouvoir à Mme Évelyne ESPINASSE).",
    );
  });

  it("2023-38 and 2023-40: unanimous 14; 13 for and 1 abstention", () => {
    expectVote(motion(outcome, "2023-38"), [14, 0, 0, 14, 14]);
    expectVote(motion(outcome, "2023-40"), [13, 0, 1, 13, 14]);
  });
});

describe("elections over rounds and a quorum lost (Marcilly-sur-Aubrette, 12 December 2023)", () => {
  const outcome = outcomeOf("examples/marcilly-sur-aubrette/2023-12-12.yaml");

  // 19 in office; quorum floor(19/2) + 1 = 10. At the opening 12 present, LEMOINE, MASSON and
  // NOËL represented, OUDIN and PERRIN excused, RENAUD and SIMON absent: 15 voting.
  it("2023-45: the titulaire, no absolute majority in round 1 (6 of 14, 8 needed), elected in round 2 (8 of 14)", () => {
    const m = motion(outcome, "2023-45");
    expectTotals(m, [12, 2, 5, 3, 15]);
    expectQuorum(m, [19, 12, 10, true]);
    const [first, second] = m.election!.rounds;
    expect(first).toMatchObject({ ballots: 15, blank: 1, null: 0, expressed: 14, needed: 8, elected: [] });
    expect(second).toMatchObject({ ballots: 15, blank: 1, null: 0, expressed: 14, needed: 8 });
    expect(second!.elected.map((c) => c.id)).toEqual(["andrieu"]);
    expect(m.election!.elected.map((c) => c.id)).toEqual(["andrieu"]);
    expect(m.result).toBe("elected");
  });

  it("2023-46: the suppléant, 7-7 in rounds 2 and 3; the eldest, Mme HOUDARD (1958), is elected", () => {
    const m = motion(outcome, "2023-46");
    const rounds = m.election!.rounds;
    expect(rounds.map((r) => [r.ballots, r.expressed, r.needed ?? null])).toEqual([
      [15, 14, 8],
      [15, 14, 8],
      [15, 14, null],
    ]);
    expect(rounds[2]).toMatchObject({ blank: 0, null: 1 });
    expect(rounds[2]!.byTie.map((c) => c.id)).toEqual(["houdard"]);
    expect(m.election!.elected.map((c) => c.id)).toEqual(["houdard"]);
    expect(m.result).toBe("elected");
  });

  it("2023-47: 12 for, 2 against, 1 abstention", () => {
    const m = motion(outcome, "2023-47");
    expectTotals(m, [12, 2, 5, 3, 15]);
    expectVote(m, [12, 2, 1, 14, 15]);
    expect(m.result).toBe("adopted");
  });

  it("2023-48: M. CHEVALIER and M. KLEIN leave, Mme NOËL's proxy lapses; 10 present, exactly the quorum", () => {
    const m = motion(outcome, "2023-48");
    expectTotals(m, [10, 4, 5, 2, 12]);
    expectQuorum(m, [19, 10, 10, true]);
    expectVote(m, [10, 0, 2, 10, 12]);
    expect(m.attendance.lines.find((l) => l.member.id === "noel")).toMatchObject({ column: "excused", proxyHolder: undefined, voting: false });
    expect(m.result).toBe("adopted");
  });

  it("2023-49: two more leave, 8 present of the 10 required: not adopted for want of quorum", () => {
    const m = motion(outcome, "2023-49");
    expectTotals(m, [8, 6, 5, 2, 10]);
    expectQuorum(m, [19, 8, 10, false]);
    expect(m.result).toBe("no_quorum");
  });

  it("prints the rounds, the election by age and why the last motion failed", () => {
    const suppleant = extractText(outcome, "2023-46");
    expect(suppleant).toContain("Troisième tour de scrutin");
    expect(suppleant).toContain("Nombre de votants (enveloppes ou bulletins déposés) : 15");
    expect(suppleant).toContain("Madame Hélène HOUDARD est élue au troisième tour, au bénéfice de l’âge (art. L2121-21 du CGCT).");
    const last = extractText(outcome, "2023-49");
    expect(last).toContain("Quorum : 8 présents sur 19 membres en exercice, 10 requis (art. L2121-17 du CGCT) : non atteint.");
    expect(last).toContain("Non adoptée : le quorum n’étant pas atteint, le conseil municipal ne pouvait pas délibérer.");
    expect(last).not.toContain("Voix pour");
  });
});

describe("a commune sitting after the 2022 reform (Aubencourt-sur-Noirieu, 7 April 2023)", () => {
  const outcome = outcomeOf("examples/aubencourt-sur-noirieu/2023-04-07.yaml");

  // 15 seats, one vacant: 14 rows. Opening: 10 present, VASSEUR and BOURGEOIS not yet there
  // (absent), PAYEN and DE LA MOTTE represented (excused). Both arrive at the first
  // deliberation: 12 present, 2 represented, 14 voting. Quorum floor(14/2) + 1 = 8.
  it("counts 12 present and 14 voting, the two late arrivals in from the first deliberation", () => {
    for (const number of ["2023-01", "2023-03", "2023-04", "2023-05"]) {
      expectTotals(motion(outcome, number), [12, 0, 2, 2, 14]);
      expectQuorum(motion(outcome, number), [14, 12, 8, true]);
    }
  });

  it("counts the maire out of the compte administratif: 11 present, 13 voting", () => {
    const ca = motion(outcome, "2023-02");
    expectTotals(ca, [11, 1, 2, 2, 13]);
    expectQuorum(ca, [14, 11, 8, true]);
    expect(ca.result).toBe("adopted");
  });

  it("counts the public ballot by name: 12 for, 1 against, 1 abstention, 13 expressed of 14", () => {
    const budget = motion(outcome, "2023-05");
    expectVote(budget, [12, 1, 1, 13, 14]);
    expect(budget.result).toBe("adopted");
  });
});
