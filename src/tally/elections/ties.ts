import type { ElectionVariant } from "../../law/law.js";
import type { Candidate, ElectionList } from "../outcome.js";
import { compareFractions, fraction, type Fraction } from "./exact.js";

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/**
 * The `places` eldest of candidates tied on their votes (the eldest is the one born first).
 * Undecided when a birth date the choice needs is missing, or when two candidates born the
 * same day stand on either side of the cut: the seats stay unfilled, and a rule says whose
 * birth dates are needed.
 */
export function eldest(tied: readonly Candidate[], places: number): { chosen: Candidate[]; undecided: boolean } {
  if (places >= tied.length) return { chosen: [...tied], undecided: false };
  if (places <= 0) return { chosen: [], undecided: false };
  if (tied.some((c) => c.birth_date === undefined)) return { chosen: [], undecided: true };
  const sorted = [...tied].sort((a, b) => a.birth_date!.localeCompare(b.birth_date!));
  if (sorted[places - 1]!.birth_date === sorted[places]!.birth_date) return { chosen: [], undecided: true };
  return { chosen: sorted.slice(0, places), undecided: false };
}

/**
 * A list's average age on the sitting's day, in days, as an exact fraction; undefined when a
 * candidate's birth date is missing (CGCT L2122-7-2: « la liste ayant la moyenne d'âge la plus
 * élevée »). Ages are counted in days, the finest measure a birth date gives.
 */
export function averageAge(list: ElectionList, date: string): Fraction | undefined {
  if (list.candidates.length === 0 || list.candidates.some((c) => c.birth_date === undefined)) return undefined;
  const day = dayNumber(date);
  const total = list.candidates.reduce((sum, c) => sum + (day - dayNumber(c.birth_date!)), 0);
  return fraction(total, list.candidates.length);
}

/** A list in contention for a seat: its votes and the candidate who would take the seat. */
export interface Contender<T> {
  readonly item: T;
  readonly list: ElectionList;
  readonly votes: number;
  readonly next: Candidate | undefined;
}

/** How one contender was preferred to the others it tied with. */
export type TieDecision = "most_votes" | "eldest" | "average_age";

/**
 * The one contender the tie rule prefers, or undefined when the rule cannot decide (a birth
 * date missing, or still equal). most_votes_then_eldest: the most votes, then the eldest of
 * the candidates who would take the seat; eldest: that eldest; list_highest_average_age: the
 * list whose candidates are the oldest on average. `among`: the contenders still tied at the
 * step that decided (those with fewer votes fell before the age was looked at).
 */
export function preferred<T>(tied: readonly Contender<T>[], rule: ElectionVariant["tie"]["rule"], date: string): { winner: Contender<T>; by: TieDecision; among: readonly Contender<T>[] } | undefined {
  let group = tied;
  if (rule === "most_votes_then_eldest") {
    const most = Math.max(...group.map((c) => c.votes));
    const ahead = group.filter((c) => c.votes === most);
    if (ahead.length === 1) return { winner: ahead[0]!, by: "most_votes", among: group };
    // Those with fewer votes fell here: the age decides between the others only.
    group = ahead;
  }
  if (rule === "list_highest_average_age") {
    const ages = group.map((c) => ({ c, age: averageAge(c.list, date) }));
    if (ages.some((a) => a.age === undefined)) return undefined;
    const sorted = [...ages].sort((a, b) => compareFractions(b.age!, a.age!));
    if (compareFractions(sorted[0]!.age!, sorted[1]!.age!) === 0) return undefined;
    return { winner: sorted[0]!.c, by: "average_age", among: group };
  }
  const nexts = group.map((c) => c.next);
  if (nexts.some((n) => n === undefined)) return undefined;
  const choice = eldest(nexts as Candidate[], 1);
  if (choice.undecided) return undefined;
  return { winner: group[nexts.indexOf(choice.chosen[0])]!, by: "eldest", among: group };
}

/** The candidates whose birth dates the tie rule needs to decide between `tied` (for a rule's message). */
export function birthDatesNeeded<T>(tied: readonly Contender<T>[], rule: ElectionVariant["tie"]["rule"]): Candidate[] {
  if (rule === "list_highest_average_age") return tied.flatMap((c) => c.list.candidates.filter((x) => x.birth_date === undefined));
  let group = tied;
  if (rule === "most_votes_then_eldest") {
    const most = Math.max(...group.map((c) => c.votes));
    group = group.filter((c) => c.votes === most);
  }
  return group.flatMap((c) => (c.next && c.next.birth_date === undefined ? [c.next] : []));
}
