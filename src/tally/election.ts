import type { Majorities } from "../law/law.js";
import type { Election, Member } from "../model/session.js";
import { electionRound } from "./majority/election-rounds.js";
import type { ElectionOutcome, ElectionRoundOutcome, Step } from "./outcome.js";

/**
 * A nomination by secret ballot (CGCT L2121-21), round after round until one elects (each
 * round decided by electionRound). Suffrages exprimés are the ballots less blank and null ones.
 */
export function computeElection(election: Election, members: ReadonlyMap<string, Member>, voters: number, rule: Majorities["election"]): ElectionOutcome {
  const rounds: ElectionRoundOutcome[] = [];
  const steps: Step[] = [];
  let elected: Member | undefined;
  for (const [i, round] of election.rounds.entries()) {
    if (elected) break; // later rounds after an election are reported by a rule
    const number = i + 1;
    const candidates = Object.entries(round.candidates)
      .map(([id, votes]) => ({ member: members.get(id)!, votes }))
      .filter((c) => c.member !== undefined)
      .sort((a, b) => b.votes - a.votes || a.member.last_name.localeCompare(b.member.last_name, "fr"));
    const blank = round.blank ?? 0;
    const nul = round.invalid ?? 0;
    const expressed = candidates.reduce((sum, c) => sum + c.votes, 0);
    const ballots = expressed + blank + nul;
    const { winner, byAge, needed, step } = electionRound(number, candidates, expressed, rule);
    if (step) steps.push(step);
    rounds.push({ number, ballots, blank, null: nul, expressed, needed, candidates, elected: winner, byAge });
    elected = winner;
  }
  if (!elected) steps.push({ key: "election.nobody_elected", values: { rounds: rounds.length } });
  return { post: election.post, rounds, elected, voters, steps };
}
