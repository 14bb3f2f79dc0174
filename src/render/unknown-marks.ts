// What the documents print for facts a transcribed record does not give (issue 15, part 4):
// never a guessed name or date; a mark on each figure that depends on such a fact, and a note
// saying what it depends on. Labels: locales/documents/<lang>/unknown-facts.json.
import type { Member } from "../model/session.js";
import { isUnknown, isUnnamed, type UnknownFact } from "../model/unknown-facts.js";
import type { Outcome, SeatLine } from "../tally/outcome.js";
import { isUnseatedSuppleant } from "../tally/seat-lines.js";
import type { DependentFigure, FigureDependencies } from "../tally/unknown-dependencies.js";
import type { Catalogue } from "./catalogue.js";
import { gendered, shortName } from "./words.js";

/** The mark printed after a figure that depends on a fact the record does not give. */
export const unknownMark = "*";

/** The mark for a figure, or "" when it depends on no unknown fact. */
export function markOf(depends: FigureDependencies, figure: DependentFigure): string {
  return depends.has(figure) ? unknownMark : "";
}

/**
 * The notes under a document for the figures it marks (`shown`): one per unknown fact, saying
 * which figures depend on it and why, in the order of the file.
 */
export function unknownNotes(depends: readonly FigureDependencies[], shown: readonly DependentFigure[], outcome: Outcome, t: Catalogue): string[] {
  const facts: UnknownFact[] = [];
  const figures = new Map<UnknownFact, Set<DependentFigure>>();
  for (const map of depends) {
    for (const figure of shown) {
      for (const fact of map.get(figure) ?? []) {
        if (!figures.has(fact)) {
          facts.push(fact);
          figures.set(fact, new Set());
        }
        figures.get(fact)!.add(figure);
      }
    }
  }
  return facts.map((fact) => {
    const names = shown.filter((f) => figures.get(fact)!.has(f)).map((f) => t.t(`unknown.figure.${f}`));
    const list = names.join(", ");
    const member = fact.member !== undefined ? outcome.members.get(fact.member) : undefined;
    const name = member ? shortName(member) : (fact.member ?? "");
    const key = `unknown.note.${fact.kind}`;
    const text = member ? gendered(t, key, member, { name, figures: list }) : t.t(key, { name, figures: list });
    return `${unknownMark} ${text}`;
  });
}

/** The vote figures with the mark of each that depends on an unknown fact (« Voix pour : 17* »). */
export function markedVotes(votes: readonly { label: string; value: number }[], depends: FigureDependencies, t: Catalogue): { label: string; value: number; mark: string }[] {
  const figures: Record<string, DependentFigure> = { [t.t("vote.for")]: "for", [t.t("vote.expressed")]: "expressed" };
  return votes.map((v) => ({ ...v, mark: Object.hasOwn(figures, v.label) ? markOf(depends, figures[v.label]!) : "" }));
}

/** The proxy column of a row: the holder's name, or that the record does not name them. */
export function proxyHolderText(holder: Member | undefined, t: Catalogue): string {
  if (!holder) return "";
  return isUnnamed(holder) ? t.t("unknown.attendance.proxy_holder") : shortName(holder);
}

/** The remark of a row whose suppléant or titulaire the record does not name; undefined otherwise. */
export function unnamedSeatNote(line: SeatLine, t: Catalogue): string | undefined {
  if (isUnseatedSuppleant(line)) return gendered(t, "unknown.attendance.titulaire_unnamed", line.member);
  if (line.note === "suppleant" && isUnnamed(line.sitting)) return gendered(t, "unknown.attendance.suppleant_unnamed", line.member);
  return undefined;
}

/**
 * « Le 8 septembre 2011, le conseil municipal … s'est réuni … » when the record leaves out the
 * place, the time or the convocation's date: the sentence without what it does not give (a
 * place not given is not printed; a convocation's date not given is said to be so), or
 * undefined when the record gives all three (the usual sentence is printed).
 */
export function openingWithUnknowns(
  s: { time?: string; place?: string; convened_on: string; videoconference?: boolean },
  values: { date: string; theAssembly: string; bodyInText: string; met: string; president: string; failed: string; time: string; convenedOn: string },
  t: Catalogue,
): string | undefined {
  if (!isUnknown(s.time) && !isUnknown(s.place) && !isUnknown(s.convened_on)) return undefined;
  const where = s.videoconference ? t.t("opening.videoconference") : s.place === undefined || isUnknown(s.place) ? "" : s.place;
  return t.t("unknown.opening", {
    ...values,
    time: s.time === undefined || isUnknown(s.time) ? "" : t.t("unknown.opening.time", { time: values.time }),
    where: where === "" ? "" : ` ${where}`,
    convened: isUnknown(s.convened_on) ? t.t("unknown.opening.convened_unknown") : t.t("unknown.opening.convened", { convenedOn: values.convenedOn }),
  });
}
