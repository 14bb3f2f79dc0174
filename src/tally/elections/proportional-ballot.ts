import type { BallotOutcome, ElectionRoundOutcome, Step } from "../outcome.js";
import { listName } from "./candidates.js";
import { roundFigures, type BallotInput } from "./majority-ballot.js";
import { allocateSeats, type Allocated } from "./proportional.js";

/**
 * A list ballot at proportional representation: one round, its figures, each list's votes,
 * and the seats shared by `allocateSeats` (the rule's `allocation`). Rounds after the first are
 * not counted (a rule reports them).
 */
export function countProportionalBallot(input: BallotInput, method: "highest_average" | "highest_remainder"): { outcome: BallotOutcome; steps: Step[]; allocated: Allocated } {
  const round = input.rounds[0] ?? {};
  const votesOf = round.lists ?? {};
  const lists = input.lists.map((list) => ({ list, votes: votesOf[list.id] ?? 0 }));
  const figures = roundFigures(round, lists.reduce((sum, l) => sum + l.votes, 0), false);
  const steps: Step[] = [{ key: "election.round", values: { round: 1, ...figures } }];
  if (round.not_voting !== undefined) steps.push({ key: "election.round.not_voting", values: { round: 1, notVoting: round.not_voting } });
  steps.push({ key: "election.round.proportional", values: { seats: input.seats } });
  const sorted = [...lists].sort((a, b) => b.votes - a.votes);
  for (const l of sorted) steps.push({ key: "election.list", values: { list: listName(l.list), votes: l.votes } });
  const allocated = allocateSeats(method, input.seats, lists.map((l) => ({ ...l, candidates: l.list.candidates })), input.rule.tie, input.date);
  steps.push(...allocated.steps);
  const elected = allocated.allocation.steps.flatMap((s) => (s.candidate ? [s.candidate] : []));
  const counted: ElectionRoundOutcome = {
    number: 1,
    majority: input.rule.rounds[0]?.majority ?? "proportional",
    notVoting: round.not_voting,
    ...figures,
    needed: undefined,
    atLeast: undefined,
    candidates: [],
    lists: sorted,
    elected,
    byTie: allocated.allocation.steps.flatMap((s) => (s.tie && s.candidate ? [s.candidate] : [])),
    electedList: undefined,
    tied: [],
    tiedLists: allocated.allocation.tied,
  };
  return {
    outcome: { seats: input.seats, rounds: input.rounds.length > 0 ? [counted] : [], allocation: allocated.allocation, elected, complete: elected.length >= input.seats },
    steps,
    allocated,
  };
}
