import type { ElectionVariant } from "../../law/law.js";
import type { ElectionRound } from "../../model/session.js";
import { threshold } from "../fraction.js";
import type { BallotOutcome, Candidate, ElectionList, ElectionRoundOutcome, Step } from "../outcome.js";
import { candidateName, listName } from "./candidates.js";
import { decimalParts, fraction } from "./exact.js";
import { averageAge, eldest, preferred, type Contender } from "./ties.js";

/** What a ballot is counted with. */
export interface BallotInput {
  readonly rule: ElectionVariant;
  /** Seats this ballot fills. */
  readonly seats: number;
  readonly rounds: readonly ElectionRound[];
  readonly lists: readonly ElectionList[];
  readonly candidate: (id: string) => Candidate;
  /** Members in office: the base of an `at_least` floor (Code électoral L288). */
  readonly inOffice: number;
  /** The sitting's day, for ages. */
  readonly date: string;
  /** Candidates elected by an earlier ballot (the délégués, for the suppléants' own ballot): they take no seat here. */
  readonly excluded?: readonly Candidate[];
}

/**
 * The ballots, blank, null and exprimés of one round. `votes`: the votes of the names or lists;
 * `most`: the most votes one name has; `severalNames`: a ballot may carry several names.
 */
export function roundFigures(round: ElectionRound, votes: number, severalNames: boolean, most = votes): { ballots: number; blank: number; null: number; expressed: number } {
  const blank = round.blank ?? 0;
  const nul = round.invalid ?? 0;
  // A ballot carrying several names: the exprimés are the ballots less blank and null ones, not
  // the names (which add up to more). Without `ballots` a rule reports it, and the count goes on
  // with the fewest ballots the votes allow: as many as the name with the most votes.
  const expressed = severalNames ? (round.ballots !== undefined ? Math.max(0, round.ballots - blank - nul) : most) : votes;
  return { ballots: round.ballots ?? expressed + blank + nul, blank, null: nul, expressed };
}

/**
 * A ballot at the majority, round after round until every seat is filled (CGCT L2121-21,
 * L2122-7, L2122-7-2; Code électoral L288): in an absolute round, the candidates (or the one
 * list) with more than half the suffrages exprimés, and the round's floor when the law sets one,
 * are elected, most votes first, up to the seats left; in a relative round the seats left go to
 * the most votes; a tie at the last seat is decided by the rule's tie rule. Rounds after the
 * seats are filled, or beyond the law's rounds, are not counted (rules report them).
 */
export function countMajorityBallot(input: BallotInput): { outcome: BallotOutcome; steps: Step[] } {
  const { rule, seats } = input;
  const rounds: ElectionRoundOutcome[] = [];
  const steps: Step[] = [];
  const elected: Candidate[] = [];
  for (const [i, round] of input.rounds.entries()) {
    const law = rule.rounds[i];
    if (law === undefined || elected.length >= seats) break;
    const counted = rule.candidacy === "list" ? listRound(input, round, i + 1, law) : nameRound(input, round, i + 1, law, elected);
    rounds.push(counted.round);
    steps.push(...counted.steps);
    elected.push(...counted.round.elected);
  }
  const complete = elected.length >= seats;
  if (elected.length === 0) steps.push({ key: "election.nobody_elected", values: { rounds: rounds.length } });
  else if (!complete) steps.push({ key: "election.seats_unfilled", values: { seats, filled: elected.length, unfilled: seats - elected.length } });
  return { outcome: { seats, rounds, allocation: undefined, elected, complete }, steps };
}

/** The first steps of a round: its figures and the majority it needs. */
function roundSteps(number: number, figures: ReturnType<typeof roundFigures>, notVoting: number | undefined, law: ElectionVariant["rounds"][number], needed: number | undefined, atLeast: number | undefined, inOffice: number): Step[] {
  const steps: Step[] = [{ key: "election.round", values: { round: number, ...figures } }];
  if (notVoting !== undefined) steps.push({ key: "election.round.not_voting", values: { round: number, notVoting } });
  if (law.majority === "absolute" && law.at_least) {
    steps.push({ key: "election.round.absolute_floor", values: { needed: needed!, atLeast: atLeast!, fraction: law.at_least.fraction, inOffice }, source: law.at_least.source });
  } else if (law.majority === "absolute") steps.push({ key: "election.round.absolute", values: { needed: needed!, expressed: figures.expressed } });
  else steps.push({ key: "election.round.relative", values: {} });
  return steps;
}

/** The needed votes of an absolute round, and its floor. */
function majorityOf(law: ElectionVariant["rounds"][number], expressed: number, inOffice: number): { needed: number | undefined; atLeast: number | undefined } {
  if (law.majority !== "absolute") return { needed: undefined, atLeast: undefined };
  // More than half the suffrages exprimés; the floor: « au moins égal au quart des électeurs inscrits » (L288).
  return { needed: threshold(expressed, "1/2", true), atLeast: law.at_least ? threshold(inOffice, law.at_least.fraction, false) : undefined };
}

/** One round of a ballot on names. */
function nameRound(input: BallotInput, round: ElectionRound, number: number, law: ElectionVariant["rounds"][number], already: readonly Candidate[]): { round: ElectionRoundOutcome; steps: Step[] } {
  const candidates = Object.entries(round.candidates ?? {})
    .map(([id, votes]) => ({ candidate: input.candidate(id), votes }))
    .sort((a, b) => b.votes - a.votes || byAge(a.candidate, b.candidate) || a.candidate.last_name.localeCompare(b.candidate.last_name, "fr"));
  const votes = candidates.reduce((sum, c) => sum + c.votes, 0);
  const figures = roundFigures(round, votes, input.seats > 1, candidates[0]?.votes ?? 0);
  const { needed, atLeast } = majorityOf(law, figures.expressed, input.inOffice);
  const steps = roundSteps(number, figures, round.not_voting, law, needed, atLeast, input.inOffice);
  for (const c of candidates) steps.push({ key: "election.candidate", values: { name: candidateName(c.candidate), votes: c.votes } });
  const left = input.seats - already.length;
  // A candidate already elected in an earlier round, or by an earlier ballot, does not take a second seat.
  const before = (c: { candidate: Candidate }) => input.excluded?.some((e) => e.id === c.candidate.id) ?? false;
  for (const c of candidates) {
    if (before(c) && c.votes > 0) steps.push({ key: "election.already_elected", values: { name: candidateName(c.candidate), votes: c.votes } });
  }
  const running = candidates.filter((c) => !already.some((e) => e.id === c.candidate.id) && !before(c) && c.votes > 0);
  const qualified = running.filter((c) => needed === undefined || (c.votes >= needed && c.votes >= (atLeast ?? 0)));
  for (const c of running) {
    if (needed !== undefined && c.votes >= needed && atLeast !== undefined && c.votes < atLeast) {
      steps.push({ key: "election.short_of_floor", values: { name: candidateName(c.candidate), votes: c.votes, atLeast }, source: law.at_least!.source });
    }
  }
  let chosen = qualified;
  let byTie: Candidate[] = [];
  let tied: Candidate[] = [];
  if (qualified.length > left) {
    const cut = qualified[left - 1]!.votes;
    const above = qualified.filter((c) => c.votes > cut);
    const level = qualified.filter((c) => c.votes === cut);
    const decision = eldest(level.map((c) => c.candidate), left - above.length);
    if (decision.undecided) {
      tied = level.map((c) => c.candidate);
      chosen = above;
      steps.push({ key: "election.tie_undecided", values: { names: tied.map(candidateName).join(", "), votes: cut, seats: left - above.length }, source: input.rule.tie.source });
    } else {
      // A tie only when more are level than the places left for them.
      if (level.length > left - above.length) byTie = decision.chosen;
      chosen = [...above, ...level.filter((c) => decision.chosen.includes(c.candidate))];
    }
  }
  for (const c of chosen) {
    const name = candidateName(c.candidate);
    if (byTie.includes(c.candidate)) {
      steps.push({ key: "election.elected.eldest", values: { name, votes: c.votes, birth: c.candidate.birth_date! }, source: input.rule.tie.source });
    } else if (needed !== undefined) steps.push({ key: "election.elected.absolute", values: { name, votes: c.votes, needed } });
    else steps.push({ key: "election.elected.relative", values: { name, votes: c.votes } });
  }
  if (chosen.length === 0) steps.push({ key: "election.round.none", values: { round: number } });
  return {
    round: {
      number,
      majority: law.majority,
      notVoting: round.not_voting,
      ...figures,
      needed,
      atLeast,
      candidates,
      lists: [],
      elected: chosen.map((c) => c.candidate),
      byTie,
      electedList: undefined,
      tied,
      tiedLists: [],
    },
    steps,
  };
}

/** One round of a majority list ballot (CGCT L2122-7-2): the list with the majority takes every seat. */
function listRound(input: BallotInput, round: ElectionRound, number: number, law: ElectionVariant["rounds"][number]): { round: ElectionRoundOutcome; steps: Step[] } {
  const votesOf = round.lists ?? {};
  const lists = input.lists.map((list) => ({ list, votes: votesOf[list.id] ?? 0 })).sort((a, b) => b.votes - a.votes);
  const votes = lists.reduce((sum, l) => sum + l.votes, 0);
  const figures = roundFigures(round, votes, false);
  const { needed, atLeast } = majorityOf(law, figures.expressed, input.inOffice);
  const steps = roundSteps(number, figures, round.not_voting, law, needed, atLeast, input.inOffice);
  for (const l of lists) steps.push({ key: "election.list", values: { list: listName(l.list), votes: l.votes } });
  const top = lists[0];
  let winner: ElectionList | undefined;
  let byTie = false;
  let tiedLists: ElectionList[] = [];
  if (top && top.votes > 0) {
    if (needed !== undefined) {
      if (top.votes >= needed && top.votes >= (atLeast ?? 0)) winner = top.list;
      else if (top.votes >= needed) steps.push({ key: "election.short_of_floor", values: { name: listName(top.list), votes: top.votes, atLeast: atLeast! }, source: law.at_least!.source });
    } else {
      const level = lists.filter((l) => l.votes === top.votes);
      if (level.length === 1) winner = top.list;
      else {
        const contenders: Contender<ElectionList>[] = level.map((l) => ({ item: l.list, list: l.list, votes: l.votes, next: l.list.candidates[0] }));
        const choice = preferred(contenders, input.rule.tie.rule, input.date);
        if (choice) {
          winner = choice.winner.list;
          byTie = true;
          const age = averageAge(winner, input.date);
          steps.push(
            choice.by === "average_age" && age
              ? { key: "election.list.elected.average_age", values: { list: listName(winner), votes: top.votes, ...yearsOf(age) }, source: input.rule.tie.source }
              : { key: "election.list.elected.eldest", values: { list: listName(winner), votes: top.votes }, source: input.rule.tie.source },
          );
        } else {
          tiedLists = level.map((l) => l.list);
          steps.push({ key: "election.list.tie_undecided", values: { lists: tiedLists.map(listName).join(", "), votes: top.votes }, source: input.rule.tie.source });
        }
      }
    }
  }
  const elected = winner ? winner.candidates.slice(0, input.seats) : [];
  if (winner && !byTie) {
    steps.push(
      needed !== undefined
        ? { key: "election.list.elected.absolute", values: { list: listName(winner), votes: top!.votes, needed } }
        : { key: "election.list.elected.relative", values: { list: listName(winner), votes: top!.votes } },
    );
  }
  if (winner) steps.push({ key: "election.list.names", values: { list: listName(winner), names: elected.map(candidateName).join(", ") } });
  else if (tiedLists.length === 0) steps.push({ key: "election.round.none", values: { round: number } });
  return {
    round: {
      number,
      majority: law.majority,
      notVoting: round.not_voting,
      ...figures,
      needed,
      atLeast,
      candidates: [],
      lists,
      elected,
      byTie: byTie ? elected : [],
      electedList: winner,
      tied: [],
      tiedLists,
    },
    steps,
  };
}

/** Among equal votes, the eldest first when both birth dates are known (Code électoral L288: « la préséance appartient au plus âgé »). */
function byAge(a: Candidate, b: Candidate): number {
  if (a.birth_date !== undefined && b.birth_date !== undefined) return a.birth_date.localeCompare(b.birth_date);
  // A known birth date first: the order stays total.
  return a.birth_date !== undefined ? -1 : b.birth_date !== undefined ? 1 : 0;
}

/** An age in days as years with two decimals, for a printed step (years of 365.2425 days). */
export function yearsOf(days: { numerator: number; denominator: number }): { years: number; hundredths: string } {
  const { whole, hundredths } = decimalParts(fraction(days.numerator * 10_000, days.denominator * 3_652_425));
  return { years: whole, hundredths };
}
