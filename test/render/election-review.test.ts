// What a review of the election records found (issue 15), each from a sitting of
// test/fixtures/elections/ counted by the real engine: a partly filled election, a ballot where
// every paper was blank, ties, people a transcribed record does not name, and the wording.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { explainSession } from "../../src/documents.js";
import { loadCatalogue } from "../../src/render/catalogue.js";
import { ballotViews } from "../../src/render/election-ballots.js";
import { electionRecordView } from "../../src/render/election-record-view.js";
import { extractView } from "../../src/render/extract-view.js";
import { listView } from "../../src/render/list-view.js";
import { minutesView } from "../../src/render/minutes-view.js";
import type { ElectionOutcome, MotionOutcome, Outcome } from "../../src/tally/outcome.js";

const t = loadCatalogue("fr");
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

function outcomeOf(name: string): Outcome {
  const path = `test/fixtures/elections/review/${name}.yaml`;
  const checked = checkText({ path, text: readFileSync(path, "utf8") });
  expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return checked.outcome!;
}

function withMotion(outcome: Outcome, change: (m: MotionOutcome) => MotionOutcome): Outcome {
  return { ...outcome, motions: outcome.motions.map((m, i) => (i === 0 ? change(m) : m)) };
}

describe("an election that fills some of its seats (two of three: the lists ran out of candidates)", () => {
  const counted = outcomeOf("cao-partiellement-pourvue");
  // Today's engine says « not_elected »; the count engine's fix says « elected » with `complete` false: both print the same.
  for (const result of ["not_elected", "elected"] as const) {
    const outcome = withMotion(counted, (m) => ({ ...m, result }));
    const motion = outcome.motions[0]!;

    it(`prints those elected and the seat left to fill, everywhere (result ${result})`, () => {
      expect(motion.election!.complete).toBe(false);
      expect(explainSession(outcome, "fr")).toContain("Résultat : élection de Mme Cécile CHEVAL et M. Bernard BLANC ; un siège reste à pourvoir");
      expect(explainSession(outcome, "en")).toContain("Result: Mme Cécile CHEVAL and M. Bernard BLANC elected; one seat remains to be filled");
      expect(spaced(listView(outcome, t).rows[0]!.decision)).toBe("Élus : Mme Cécile CHEVAL et M. Bernard BLANC ; suppléants : M. David DELMAS et Mme Estelle ESNAULT ; un siège reste à pourvoir");
      const extract = extractView(outcome, motion, t);
      expect(spaced(extract.result)).toBe("Sont élus : Mme Cécile CHEVAL et M. Bernard BLANC. Un siège reste à pourvoir. Sont élus suppléants : M. David DELMAS et Mme Estelle ESNAULT.");
      // Someone was elected: a decision, with its « Caractère exécutoire », not a draft « sans élu ».
      expect(extract.draftNote).toBeNull();
      expect(extract.executory).not.toBeNull();
      const minutes = minutesView(outcome, t).motions[0]!;
      expect(minutes.text.draftNote).toBeNull();
      expect(spaced(minutes.result)).toContain("Un siège reste à pourvoir.");
      expect(electionRecordView(outcome, motion, t).proclamation.paragraphs).toContain("Un siège reste à pourvoir.");
    });
  }

  it("a majority ballot that fills two seats of three: explain agrees with the women elected and says the seat left", () => {
    const counted = outcomeOf("adjoints-partiellement-pourvus");
    const outcome = withMotion(counted, (m) => ({ ...m, result: "elected" }));
    const text = explainSession(outcome, "fr");
    expect(text).toContain("Mme Cécile CHEVAL obtient 11 voix, au moins la majorité absolue (7) : élue.");
    expect(text).toContain("M. Bernard BLANC obtient 12 voix, au moins la majorité absolue (7) : élu.");
    expect(text).toContain("Sièges pourvus : 2 sur 3 ; sièges restant à pourvoir : 1.");
    expect(text).toContain("Résultat : élection de M. Bernard BLANC et Mme Cécile CHEVAL ; un siège reste à pourvoir");
    expect(extractView(counted, counted.motions[0]!, t).executory).not.toBeNull();
    expect(spaced(listView(counted, t).rows[0]!.decision)).toBe("Élus : M. Bernard BLANC et Mme Cécile CHEVAL ; un siège reste à pourvoir");
  });

  it("prints nothing of the kind for an election that filled no seat", () => {
    const outcome = withMotion(counted, (m) => ({ ...m, result: "not_elected", election: { ...m.election!, elected: [], substitutes: undefined } }));
    const extract = extractView(outcome, outcome.motions[0]!, t);
    expect(extract.executory).toBeNull();
    expect(extract.draftNote).toBe("Projet soumis au vote, sans élu :");
    expect(explainSession(outcome, "fr")).toContain("Résultat : aucun élu");
  });

  it("in the extract: the post once, no empty « Élection des suppléants », no letters the extract does not show", () => {
    const extract = extractView(counted, counted.motions[0]!, t);
    const election = extract.election!;
    expect(election.post).toBe("Élection : membres de la CAO");
    expect(election.ballots.map((b) => b.title)).toEqual(["Élection : membres de la CAO"]);
    expect(election.titled).toBe(false);
    expect(election.ballots[0]!.rounds[0]!.figures.map((f) => f.label)).toContain("Nombre de suffrages exprimés");
    expect(election.ballots[0]!.rounds[0]!.figures.map((f) => f.label).join()).not.toContain("[");
    // The record, which prints the letters, keeps them.
    expect(electionRecordView(counted, counted.motions[0]!, t).ballots[0]!.rounds[0]!.figures.map((f) => f.label)).toContain("Nombre de suffrages exprimés [b − c − d]");
  });
});

describe("a list ballot where every paper was blank", () => {
  const outcome = outcomeOf("cao-bulletins-blancs");

  it("says no seat was given for want of suffrages exprimés, not for want of candidates", () => {
    const text = explainSession(outcome, "fr");
    expect(text).toContain("Aucun suffrage exprimé : les 3 sièges ne sont pas attribués.");
    expect(text).not.toContain("aucune liste n’a plus de candidat");
  });

  it("says no suppléant was elected, not « aucun candidat » twice", () => {
    const view = electionRecordView(outcome, outcome.motions[0]!, t);
    expect(view.ballots.map((b) => b.result)).toEqual(["Aucun candidat n’est élu.", "Aucun suppléant n’est élu."]);
    expect(view.proclamation.paragraphs).toEqual(["Aucun candidat n’a été proclamé élu.", "Aucun suppléant n’a été proclamé élu."]);
  });
});

describe("ties", () => {
  it("a three-way tie for two seats: the second elected is not « le plus âgé »", () => {
    const outcome = outcomeOf("delegues-egalite-a-trois");
    const view = electionRecordView(outcome, outcome.motions[0]!, t);
    const notes = view.ballots[0]!.rounds[2]!.notes.map(spaced);
    expect(notes.join(" ")).not.toContain("le plus âgé");
    expect(notes.join(" ")).not.toContain("la plus âgée");
    expect(notes.some((n) => n.includes("M. David DELMAS est élu au bénéfice de l’âge"))).toBe(true);
    const explained = explainSession(outcome, "fr");
    expect(explained).toContain("Égalité à 5 voix : Mme Cécile CHEVAL (née le 1952-03-12) est élue au bénéfice de l’âge.");
    expect(explained).toContain("Égalité à 5 voix : M. David DELMAS (né le 1953-04-13) est élu au bénéfice de l’âge.");
    expect(explained).not.toContain("le plus âgé, M. David DELMAS");
  });

  it("a tie between lists that each take a seat decided nothing: not printed", () => {
    const outcome = outcomeOf("cao-egalite-sans-effet");
    const steps = electionRecordView(outcome, outcome.motions[0]!, t).ballots[0]!.allocation!.steps;
    expect(steps).toHaveLength(3);
    expect(steps.join(" ")).not.toMatch(/égalité/i);
  });
});

describe("people a transcribed record does not name, on the election record", () => {
  it("an unnamed proxy holder: no civility guessed, the figures that depend on it marked", () => {
    const outcome = outcomeOf("maire-mandataire-non-mentionne");
    const view = electionRecordView(outcome, outcome.motions[0]!, t);
    const represented = view.attendance.find((a) => a.label === "Étaient représentés")!.names;
    expect(spaced(represented)).toBe("M. Noël NOEL (pouvoir, mandataire non mentionné au registre) et Mme Odile OGER (pouvoir, mandataire non mentionné au registre)");
    expect(represented).not.toContain("pouvoir à");
    expect(view.facts).toContainEqual({ label: "Nombre de membres représentés", value: "2*" });
    expect(view.facts).toContainEqual({ label: "Nombre de votants", value: "15*" });
    expect(view.facts).toContainEqual({ label: "Nombre de membres présents", value: "13" });
    expect(view.unknownNotes).toHaveLength(2);
    expect(spaced(view.unknownNotes[0]!)).toBe("* représentés, votants : le pouvoir de M. Noël NOEL est compté comme au registre, qui ne mentionne pas le mandataire ; la présence du mandataire n’a pu être vérifiée.");
  });

  it("an unnamed proxy holder: the sitting's procès-verbal marks the représentés it names, with the note", () => {
    const outcome = outcomeOf("maire-mandataire-non-mentionne");
    const minutes = minutesView(outcome, t);
    expect(minutes.attendance.some((a) => a.label.endsWith("*") && a.names.includes("mandataire non mentionné"))).toBe(true);
    expect(minutes.unknownNotes.map(spaced)).toContain("* représentés : le pouvoir de M. Noël NOEL est compté comme au registre, qui ne mentionne pas le mandataire ; la présence du mandataire n’a pu être vérifiée.");
  });

  it("an unnamed suppléant: the titulaire's seat said held by a suppléant the record does not name", () => {
    const outcome = outcomeOf("president-suppleant-non-mentionne");
    const view = electionRecordView(outcome, outcome.motions[0]!, t);
    const present = spaced(view.attendance.find((a) => a.label === "Étaient présents")!.names);
    expect(present).toContain("M. Julien MOREAU (suppléé, suppléant non mentionné au registre)");
    expect(present).toContain("Mme Lucie PETIT (suppléante, titulaire remplacé non mentionné au registre)");
    expect(present).not.toMatch(/M\. ,|M\. $|Mme ,/);
  });
});

describe("wording", () => {
  it("several elected under a post of the file, or none: never « proclamés élus (élus) »", () => {
    const outcome = outcomeOf("delegues-egalite-a-trois");
    const motion = outcome.motions[0]!;
    const proclamation = electionRecordView(outcome, motion, t).proclamation.paragraphs.map(spaced);
    expect(proclamation[0]).toBe("Ont été proclamés élus (délégués au syndicat), dans l’ordre suivant : 1. Mme Cécile CHEVAL ; 2. M. David DELMAS.");
    const unnamed = { ...outcome, motions: [{ ...motion, election: { ...motion.election!, post: undefined } }] };
    const bare = electionRecordView(unnamed, unnamed.motions[0]!, t).proclamation.paragraphs.map(spaced);
    expect(bare[0]).toBe("Ont été proclamés élus, dans l’ordre suivant : 1. Mme Cécile CHEVAL ; 2. M. David DELMAS.");
    const women = { ...motion.election!, post: undefined, elected: [motion.election!.elected[0]!] };
    const one = { ...outcome, motions: [{ ...motion, election: women }] };
    expect(spaced(electionRecordView(one, one.motions[0]!, t).proclamation.paragraphs[0]!)).toBe("Mme Cécile CHEVAL a été proclamée élue.");
  });

  it("a list ballot that elects no one: « Aucune liste … », not « Aucun candidat … »", () => {
    const outcome = outcomeOf("../adjoints-liste-nom-hostile");
    const index = outcome.motions.findIndex((m) => m.election?.rounds.some((r) => r.lists.length > 0));
    const election = outcome.motions[index]!.election!;
    const none: ElectionOutcome = {
      ...election,
      elected: [],
      rounds: election.rounds.map((r) => ({ ...r, majority: "absolute", elected: [], byTie: [], electedList: undefined, tied: [], tiedLists: [] })),
    };
    const notes = ballotViews(none, t, "votes", "commune")[0]!.rounds[0]!.notes;
    expect(notes).toContain("Aucune liste n’a obtenu la majorité absolue.");
    expect(notes.join(" ")).not.toContain("Aucun candidat");
  });
});
