// The election records' views (src/render/election-record-view.ts, election-ballots.ts) and an
// election's place in the extract, the procès-verbal, the list and `delib explain`, from the
// sittings of test/fixtures/elections/ counted by the real engine. The records follow the
// ministry of the Interior's models « procès-verbal de l'élection du maire et des adjoints » and
// « procès-verbal de l'élection des délégués du conseil municipal et de leurs suppléants en vue
// de l'élection des sénateurs » (see test/pdf/election-records-pdf.test.ts for the printed ones).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { explainSession, plannedDocuments, renderDocument, renderDocuments } from "../../src/documents.js";
import { loadCatalogue } from "../../src/render/catalogue.js";
import { ballotViews, fractionText } from "../../src/render/election-ballots.js";
import { electionRecordView } from "../../src/render/election-record-view.js";
import type { ElectionList, ElectionOutcome, MotionOutcome, Outcome } from "../../src/tally/outcome.js";

const t = loadCatalogue("fr");

/** Printed text with its no-break spaces (names and « » held together) as plain ones. */
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

function outcomeOf(name: string): Outcome {
  const path = `test/fixtures/elections/${name}.yaml`;
  const checked = checkText({ path, text: readFileSync(path, "utf8") });
  expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return checked.outcome!;
}

/** The outcome with the election of its motion `index` replaced by `change(election)`. */
function withElection(outcome: Outcome, index: number, change: (e: ElectionOutcome) => ElectionOutcome): { outcome: Outcome; motion: MotionOutcome } {
  const motions = outcome.motions.map((m, i) => (i === index ? { ...m, election: change(m.election!) } : m));
  return { outcome: { ...outcome, motions }, motion: motions[index]! };
}

describe("the record of the election of the maire", () => {
  const outcome = outcomeOf("maire-et-premier-adjoint");
  const view = electionRecordView(outcome, outcome.motions[0]!, t);

  it("follows the ministry's model of the maire and the adjoints", () => {
    expect(view.model).toBe("maire_adjoints");
    expect(view.title).toBe("PROCÈS-VERBAL DE L’ÉLECTION DU MAIRE ET DES ADJOINTS");
    expect(view.facts).toEqual([
      { label: "Effectif légal du conseil municipal", value: "15" },
      { label: "Nombre de membres en exercice", value: "15" },
      { label: "Nombre de membres présents", value: "13" },
      { label: "Nombre de membres représentés", value: "1" },
      { label: "Nombre de votants", value: "14" },
      { label: "Nombre de sièges à pourvoir", value: "1" },
    ]);
  });

  it("says the eldest presides only because the birth dates show it, names the secretary and the assessors", () => {
    expect(view.bureau.paragraphs[0]).toBe("M. Gaston ROUSSEAU, le plus âgé des membres présents, a présidé l’assemblée pendant l’élection.");
    expect(view.bureau.paragraphs).toContain("Assesseurs : M. Henri PERRIN et Mme Inès BARBIER.");
    // Without the birth dates, nothing is said of age.
    const undated = { ...outcome, motions: outcome.motions.map((m) => ({ ...m, attendance: { ...m.attendance, lines: m.attendance.lines.map((l) => ({ ...l, sitting: { ...l.sitting, birth_date: undefined } })) } })) };
    expect(electionRecordView(undated, undated.motions[0]!, t).bureau.paragraphs[0]).toBe("M. Gaston ROUSSEAU a présidé l’assemblée pendant l’élection.");
  });

  it("prints lines a to f of each round in figures and in words, candidates in alphabetical order", () => {
    const [ballot] = view.ballots;
    expect(ballot!.number).toBe("3. Élection du maire");
    const [round1, round2] = ballot!.rounds;
    expect(round1!.figures.map((f) => [f.letter, f.figure, f.words])).toEqual([
      ["a", "0", "zéro"],
      ["b", "14", "quatorze"],
      ["c", "0", "zéro"],
      ["d", "0", "zéro"],
      ["e", "14", "quatorze"],
      ["f", "8", "huit"],
    ]);
    expect(round1!.rows.map((r) => r.name)).toEqual(["Mme Claire FONTAINE", "M. Bernard LEMOINE", "M. Denis MARCHAND"]);
    expect(round2!.rows).toContainEqual({ name: "M. Bernard LEMOINE", figure: "8", words: "huit" });
    expect(round2!.notes).toEqual(["M. Bernard LEMOINE, ayant obtenu la majorité absolue, est élu."]);
  });

  it("proclaims the maire installed, leaves the observations to write, and has the bureau sign", () => {
    expect(view.proclamation.paragraphs).toEqual(["M. Bernard LEMOINE a été proclamé maire et a été immédiatement installé."]);
    expect(view.observations.lines.every((l) => l === "")).toBe(true);
    expect(view.signatures).toEqual([
      { capacity: "Le président,", name: "Gaston ROUSSEAU" },
      { capacity: "L’assesseur,", name: "Henri PERRIN" },
      { capacity: "L’assesseure,", name: "Inès BARBIER" },
      { capacity: "La secrétaire,", name: "Léa COLLET" },
    ]);
  });

  it("leaves blank what the file does not give: no line a figure, no assessor invented", () => {
    const { outcome: changed, motion } = withElection(outcome, 0, (e) => ({ ...e, rounds: e.rounds.map((r) => ({ ...r, notVoting: undefined })) }));
    const bare = { ...motion, motion: { ...motion.motion, election: { ...motion.motion.election!, bureau: undefined } } };
    const blank = electionRecordView(changed, bare, t);
    expect(blank.ballots[0]!.rounds[0]!.figures[0]).toMatchObject({ letter: "a", figure: "", words: "" });
    expect(blank.bureau.paragraphs).toContain("Assesseurs : ………………");
    expect(blank.signatures).toContainEqual({ capacity: "Les assesseurs,", name: "" });
  });
});

describe("a tie", () => {
  const outcome = outcomeOf("maire-et-premier-adjoint");

  it("is broken by age at the third round, with the rule's article", () => {
    const view = electionRecordView(outcome, outcome.motions[1]!, t);
    expect(view.ballots[0]!.number).toBe("3. Élection : premier adjoint");
    expect(view.ballots[0]!.rounds[2]!.notes).toEqual([
      "À ce tour, la majorité relative suffit (art. L2122-7 du CGCT).",
      "À égalité de suffrages (7 voix) avec M. Denis MARCHAND, Mme Claire FONTAINE est élue au bénéfice de l’âge (art. L2122-7 du CGCT).",
    ]);
  });

  it("is not printed for a candidate who had more votes than anyone, even when the count marks them elected by the tie rule", () => {
    // A count that lists the only candidate left with the most votes among those « by tie »
    // must not make the record print an « égalité » that did not happen.
    const { outcome: changed, motion } = withElection(outcome, 0, (e) => ({
      ...e,
      rounds: e.rounds.map((r, i) => (i === 1 ? { ...r, byTie: r.elected } : r)),
    }));
    const notes = electionRecordView(changed, motion, t).ballots[0]!.rounds[1]!.notes;
    expect(notes).toEqual(["M. Bernard LEMOINE, ayant obtenu la majorité absolue, est élu."]);
    expect(renderDocuments(changed, { kinds: ["extract"] }).value![0]!.html).not.toContain("bénéfice de l");
  });
});

describe("the record of the délégués sénatoriaux of a small commune", () => {
  const outcome = outcomeOf("delegues-senatoriaux-second-tour");
  const view = electionRecordView(outcome, outcome.motions[0]!, t);

  it("has the délégués' ballot, then the suppléants' ballot, then the proclamation of both", () => {
    expect(view.model).toBe("delegues_senatoriaux");
    expect(view.bureau.title).toBe("1. Mise en place du bureau électoral");
    expect(view.ballots.map((b) => b.number)).toEqual(["3. Élection des délégués", "4. Élection des suppléants"]);
    expect(view.ballots[0]!.rounds[1]!.figures.map((f) => f.letter)).toEqual(["a", "b", "c", "d", "e"]);
    expect(view.proclamation.paragraphs.map(spaced)).toEqual([
      "Ont été proclamés délégués, dans l’ordre suivant : 1. Mme Adèle CHAMPION ; 2. M. Bruno TESSIER ; 3. Mme Cécile RENAUD.",
      "Ont été proclamés suppléants, dans l’ordre suivant : 1. M. Fabrice GUILLOT ; 2. Mme Gisèle HUBERT ; 3. Mme Yvette DAUMAS.",
    ]);
  });

  it("gives the extract and the procès-verbal every round, and the list the délégués and suppléants", () => {
    const [extract, minutes, list] = renderDocuments(outcome, { kinds: ["extract", "minutes", "list"] }).value!;
    for (const document of [extract!, minutes!]) {
      const data = spaced(JSON.stringify(document.data));
      expect(data).toContain("Deuxième tour de scrutin");
      expect(data).toContain("Mme Cécile RENAUD, ayant obtenu le plus grand nombre de voix, est élue.");
      expect(data).toContain("Sont élus suppléants : M. Fabrice GUILLOT, Mme Gisèle HUBERT et Mme Yvette DAUMAS.");
    }
    expect(spaced(JSON.stringify(list!.data))).toContain("Élus : Mme Adèle CHAMPION, M. Bruno TESSIER et Mme Cécile RENAUD ; suppléants : M. Fabrice GUILLOT, Mme Gisèle HUBERT et Mme Yvette DAUMAS");
  });
});

describe("a proportional allocation", () => {
  const outcome = outcomeOf("delegues-senatoriaux-plus-forte-moyenne");

  it("shows the highest averages seat by seat, and the tie broken by the most votes with its article", () => {
    const [delegates, substitutes] = ballotViews(outcome.motions[0]!.election!, t, "alphabetical", "commune");
    expect(delegates!.allocation!.steps).toEqual([
      "Siège 1 : Bréhan demain (Mme Alice AUBERT), à la plus forte moyenne (10)",
      // Tied at 5 for seats 2 and 3, each list takes one: the tie decided nothing, it is not printed.
      "Siège 2 : Bréhan demain (M. Benoît BOYER), à la plus forte moyenne (5)",
      "Siège 3 : Vivre à Bréhan (M. Michel MAILLARD), à la plus forte moyenne (5)",
    ]);
    expect(delegates!.allocation!.rows).toEqual([
      { list: "Bréhan demain", votes: "10", seats: "2", elected: "Mme Alice AUBERT et M. Benoît BOYER" },
      { list: "Vivre à Bréhan", votes: "5", seats: "1", elected: "M. Michel MAILLARD" },
    ]);
    expect(substitutes!.result).toBe("Sont élus suppléants : Mme Carole CLEMENT, M. Didier DENIS et Mme Nina NOEL.");
  });

  it("shows the quotient, the whole quotients and the highest remainders (hand-built count)", () => {
    const [a, b] = outcome.motions[0]!.election!.allocation!.lists.map((l) => l.list) as [ElectionList, ElectionList];
    const { motion } = withElection(outcome, 0, (e) => ({
      ...e,
      allocation: {
        ...e.allocation!,
        method: "highest_remainder",
        quota: { numerator: 22, denominator: 7 },
        steps: [
          { seat: 1, list: a, by: "quota", value: undefined, tie: undefined, candidate: undefined, tiedWith: [] },
          { seat: 2, list: b, by: "remainder", value: { numerator: 13, denominator: 7 }, tie: "eldest", candidate: undefined, tiedWith: [a] },
        ],
      },
    }));
    const [ballot] = ballotViews(motion.election!, t, "votes", "commune");
    expect(ballot!.allocation!.method).toBe("3 sièges répartis à la représentation proportionnelle au plus fort reste (Code électoral L289).");
    expect(ballot!.allocation!.quota).toBe("Quotient électoral (suffrages exprimés divisés par 3 sièges) : 22/7 ≈ 3,14.");
    expect(ballot!.allocation!.steps).toEqual([
      "Siège 1 : Bréhan demain, au quotient électoral",
      "Siège 2 : Vivre à Bréhan, au plus fort reste (13/7 ≈ 1,86) ; à égalité avec Bréhan demain de suffrages aussi, au plus âgé des candidats susceptibles d’être proclamés élus (Code électoral L289)",
    ]);
  });

  it("prints fractions exactly: whole, short decimals, else the fraction and its value", () => {
    expect(fractionText({ numerator: 10, denominator: 1 })).toBe("10");
    expect(fractionText({ numerator: 15, denominator: 2 })).toBe("7,5");
    expect(fractionText({ numerator: 15, denominator: 4 })).toBe("3,75");
    expect(fractionText({ numerator: 10, denominator: 3 })).toBe("10/3 ≈ 3,33");
  });
});

describe("a list election of adjoints with a hostile list name", () => {
  const outcome = outcomeOf("adjoints-liste-nom-hostile");

  it("escapes the name on the record and the extract, and prints it as written", () => {
    const documents = renderDocuments(outcome, { kinds: ["extract", "election"] }).value!;
    for (const document of documents) {
      expect(document.html, document.name).not.toContain("<script>");
      expect(document.html, document.name).toContain("Agir &lt;script&gt;alert(1)&lt;/script&gt; {{doc.title}} &amp; Cie");
    }
  });

  it("proclaims the list's candidates in its order", () => {
    const view = electionRecordView(outcome, outcome.motions[0]!, t);
    expect(view.proclamation.paragraphs.map(spaced)).toEqual([
      "Ont obtenu la majorité les candidats de la liste « Agir <script>alert(1)</script> {{doc.title}} & Cie ».",
      "Ont été proclamés adjoints et immédiatement installés, dans l’ordre suivant : 1. Mme Marie DUVAL ; 2. M. Rémi ESTIENNE ; 3. Mme Sarah FERRY ; 4. M. Thomas GAUDIN.",
    ]);
  });

  it("writes a number of votes in words as French does (71, 80, 200)", () => {
    const { motion } = withElection(outcome, 0, (e) => ({
      ...e,
      rounds: e.rounds.map((r) => ({ ...r, lists: [{ list: r.lists[0]!.list, votes: 71 }, { list: r.lists[1]!.list, votes: 80 }], ballots: 200 })),
    }));
    const [round] = ballotViews(motion.election!, t, "votes", "commune")[0]!.rounds;
    expect(round!.rows.map((r) => r.words)).toEqual(["soixante-et-onze", "quatre-vingts"]);
    expect(round!.figures[1]!.words).toBe("deux cents");
  });
});

describe("the election records among a sitting's documents", () => {
  const outcome = outcomeOf("maire-et-premier-adjoint");

  it("are planned and rendered after the list, one per election, named after the deliberation", () => {
    const kinds = ["extract", "minutes", "list", "election"] as const;
    const planned = plannedDocuments(outcome, kinds).map((p) => p.name);
    const rendered = renderDocuments(outcome, { kinds }).value!.map((d) => d.name);
    expect(rendered).toEqual(planned);
    expect(planned.slice(-2)).toEqual(["2026-01-proces-verbal-election", "2026-02-proces-verbal-election"]);
    // Unasked, every kind: the records are printed by default where the sitting holds an election.
    expect(renderDocuments(outcome).value!.map((d) => d.name)).toEqual(plannedDocuments(outcome).map((p) => p.name));
    expect(plannedDocuments(outcome).map((p) => p.name)).toEqual(["2026-01", "2026-02", "proces-verbal-2026-03-27", "liste-des-deliberations-2026-03-27", "2026-01-proces-verbal-election", "2026-02-proces-verbal-election"]);
    // `--documents extract,minutes,list` leaves them out.
    expect(plannedDocuments(outcome, ["extract", "minutes", "list"]).map((p) => p.name)).toEqual(["2026-01", "2026-02", "proces-verbal-2026-03-27", "liste-des-deliberations-2026-03-27"]);
  });

  it("render alone as they render together", () => {
    const together = renderDocuments(outcome, { kinds: ["election"] }).value!;
    const alone = renderDocument(outcome, { kind: "election", index: 1 }).value!;
    expect(alone.map((d) => d.html)).toEqual([together[1]!.html]);
  });

  it("are not printed for an election that did not take place for want of quorum", () => {
    const lost = { ...outcome, motions: outcome.motions.map((m) => ({ ...m, result: "no_quorum" as const })) };
    expect(plannedDocuments(lost, ["election"])).toEqual([]);
    expect(renderDocuments(lost, { kinds: ["election"] }).value).toEqual([]);
  });
});

describe("delib explain, for an election at the proportional", () => {
  const outcome = outcomeOf("delegues-senatoriaux-plus-forte-moyenne");

  it("adds the allocation's table and who each ballot elected, in French and in English", () => {
    const fr = explainSession(outcome, "fr");
    expect(fr).toMatch(/Élection des délégués — Répartition des sièges\n\s+Liste\s+Suffrages obtenus\s+Sièges\s+Candidats élus\n\s+Bréhan demain\s+10\s+2\s+Mme Alice AUBERT et M. Benoît BOYER/);
    expect(fr).toContain("Sont élus suppléants : Mme Carole CLEMENT, M. Didier DENIS et Mme Nina NOEL.");
    const en = explainSession(outcome, "en");
    expect(en).toMatch(/Election of the delegates — Allocation of the seats\n\s+List\s+Votes\s+Seats\s+Candidates elected\n\s+Bréhan demain\s+10\s+2\s+Mme Alice AUBERT and M. Benoît BOYER/);
    expect(en).toContain("Substitutes elected: Mme Carole CLEMENT, M. Didier DENIS and Mme Nina NOEL.");
  });
});
