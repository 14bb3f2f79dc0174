import type { ElectionVariant } from "../../law/law.js";
import type { AllocationStep, Candidate, ElectionList, SeatAllocation, Step } from "../outcome.js";
import { candidateName, listName } from "./candidates.js";
import { compareFractions, decimalParts, fraction, type Fraction } from "./exact.js";
import { birthDatesNeeded, preferred, type Contender } from "./ties.js";

/** A list as the allocation sees it: its votes and the candidates who may take its seats, in order. */
export interface AllocationEntry {
  readonly list: ElectionList;
  readonly votes: number;
  /** Its candidates still to be elected here (for the suppléants: those after its last titulaire). */
  readonly candidates: readonly Candidate[];
}

/** An allocation, its steps for `explain`, and whose birth dates an undecided tie needs. */
export interface Allocated {
  readonly allocation: SeatAllocation;
  readonly steps: Step[];
  readonly birthDatesNeeded: Candidate[];
}

interface State {
  readonly entry: AllocationEntry;
  seats: number;
  full: boolean;
}

/**
 * Shares `seats` between lists by proportional representation (Code électoral L289: highest
 * average; CGCT L1411-5, L2121-22, D1411-5: highest remainder), in exact fractions. A list never
 * takes more seats than it has candidates: the seat goes on to the next list (an incomplete
 * list). A tie on the deciding value goes by the tie rule (the most votes, then the eldest of
 * the candidates who would take the seat); when the rule cannot decide and the tied lists are
 * more than the seats left, those seats stay unfilled.
 */
export function allocateSeats(method: "highest_average" | "highest_remainder", seats: number, entries: readonly AllocationEntry[], tie: ElectionVariant["tie"], date: string): Allocated {
  const states: State[] = entries.map((entry) => ({ entry, seats: 0, full: false }));
  const expressed = entries.reduce((sum, e) => sum + e.votes, 0);
  const steps: Step[] = [];
  const seatSteps: AllocationStep[] = [];
  const tied: ElectionList[] = [];
  const needed: Candidate[] = [];
  // A list with no vote takes no seat.
  const inRace = (s: State) => !s.full && s.entry.votes > 0;
  const give = (s: State, by: AllocationStep["by"], value: Fraction | undefined, how: AllocationStep["tie"], others: readonly State[]) => {
    const candidate = s.entry.candidates[s.seats];
    s.seats += 1;
    const step: AllocationStep = { seat: seatSteps.length + 1, list: s.entry.list, by, value, tie: how, candidate, tiedWith: others.map((o) => o.entry.list) };
    seatSteps.push(step);
    const shown = value ? decimalParts(value) : { whole: 0, hundredths: "00" };
    const values = { seat: step.seat, list: listName(s.entry.list), name: candidate ? candidateName(candidate) : "—", votes: s.entry.votes, divisor: value?.denominator ?? 1, ...shown };
    // The tie first, then the seat it gave.
    if (how) steps.push({ key: `election.seat.tie.${how}`, values: { seat: step.seat, list: listName(s.entry.list), others: others.map((o) => listName(o.entry.list)).join(", "), birth: candidate?.birth_date ?? "—" }, source: tie.source });
    steps.push({ key: `election.seat.${by}`, values: by === "quota" ? { ...values, quotient: s.seats } : values });
  };
  const markFull = (s: State) => {
    s.full = true;
    steps.push({ key: "election.seat.list_full", values: { seat: seatSteps.length + 1, list: listName(s.entry.list), candidates: s.entry.candidates.length } });
  };
  /** Gives the next seat to the best of `contenders` by `value`; false when no seat could be given. */
  const giveBest = (contenders: State[], value: (s: State) => Fraction, by: AllocationStep["by"], left: number): number => {
    const pool = contenders.filter(inRace);
    if (pool.length === 0) return 0;
    const best = pool.reduce((top, s) => (compareFractions(value(s), value(top)) > 0 ? s : top));
    const level = pool.filter((s) => compareFractions(value(s), value(best)) === 0);
    // A list at its last candidate cannot take the seat: it goes on to the next (incomplete list).
    const full = level.filter((s) => s.seats >= s.entry.candidates.length);
    if (full.length > 0) {
      full.forEach(markFull);
      return giveBest(contenders, value, by, left);
    }
    if (level.length === 1) {
      give(best, by, value(best), undefined, []);
      return 1;
    }
    if (level.length <= left) {
      // Each tied list takes a seat whatever the order: the tie decides nothing.
      steps.push({ key: "election.seat.tie_each", values: { lists: level.map((s) => listName(s.entry.list)).join(", ") } });
      for (const s of level) give(s, by, value(s), undefined, []);
      return level.length;
    }
    const contendersOf = level.map((s): Contender<State> => ({ item: s, list: s.entry.list, votes: s.entry.votes, next: s.entry.candidates[s.seats] }));
    const choice = preferred(contendersOf, tie.rule, date);
    if (choice) {
      // Only the lists still tied at the step that decided (fewer votes fell before the age).
      const others = choice.among.map((c) => c.item).filter((s) => s !== choice.winner.item);
      give(choice.winner.item, by, value(choice.winner.item), choice.by, others);
      return 1;
    }
    tied.push(...level.map((s) => s.entry.list));
    needed.push(...birthDatesNeeded(contendersOf, tie.rule));
    steps.push({ key: "election.seat.tie_undecided", values: { seat: seatSteps.length + 1, lists: level.map((s) => listName(s.entry.list)).join(", ") }, source: tie.source });
    return 0;
  };

  let quota: Fraction | undefined;
  if (method === "highest_average") {
    steps.push({ key: "election.allocation.highest_average", values: { seats, expressed } });
    let left = seats;
    while (left > 0) {
      const given = giveBest(states, (s) => fraction(s.entry.votes, s.seats + 1), "average", left);
      if (given === 0) break;
      left -= given;
    }
  } else if (expressed > 0) {
    quota = fraction(expressed, seats);
    steps.push({ key: "election.allocation.quota", values: { seats, expressed, ...decimalParts(quota) } });
    // Whole quotients first: floor(votes / quota) = floor(votes × seats / exprimés).
    for (const s of [...states].sort((a, b) => b.entry.votes - a.entry.votes)) {
      const quotient = Math.floor((s.entry.votes * seats) / expressed);
      const within = Math.min(quotient, s.entry.candidates.length);
      for (let q = 0; q < within; q++) give(s, "quota", fraction(s.entry.votes * seats, expressed), undefined, []);
      if (quotient > within) markFull(s);
    }
    // Then the largest remainders: votes − quotient × quota = (votes × seats − quotient × exprimés) / seats.
    const remainder = (s: State) => fraction(s.entry.votes * seats - Math.floor((s.entry.votes * seats) / expressed) * expressed, seats);
    let left = seats - seatSteps.length;
    while (left > 0) {
      // One remainder seat per list and pass; another pass only when lists ran out of candidates.
      const taken = new Set<State>();
      while (left > 0) {
        const before = seatSteps.length;
        const given = giveBest(states.filter((s) => !taken.has(s)), remainder, "remainder", left);
        if (given === 0) break;
        for (const step of seatSteps.slice(before)) taken.add(states.find((s) => s.entry.list === step.list)!);
        left -= given;
      }
      // An undecided tie stops the sharing: the seats left stay unfilled.
      if (taken.size === 0 || tied.length > 0) break;
    }
  } else steps.push({ key: "election.allocation.no_votes", values: { seats } });

  const unfilled = seats - seatSteps.length;
  if (unfilled > 0 && tied.length === 0) steps.push({ key: "election.seat.none_left", values: { unfilled } });
  for (const s of states) {
    if (s.seats > 0) steps.push({ key: "election.list.seats", values: { list: listName(s.entry.list), seats: s.seats, names: s.entry.candidates.slice(0, s.seats).map(candidateName).join(", ") } });
  }
  return {
    allocation: {
      method,
      seats,
      quota,
      lists: states.map((s) => ({ list: s.entry.list, votes: s.entry.votes, seats: s.seats, elected: s.entry.candidates.slice(0, s.seats), full: s.full })),
      steps: seatSteps,
      unfilled,
      tied,
    },
    steps,
    birthDatesNeeded: needed,
  };
}
