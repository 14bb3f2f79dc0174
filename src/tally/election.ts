import type { Election, Member } from "../model/session.js";
import type { ElectionOutcome, ElectionRoundOutcome, Step } from "./outcome.js";

/**
 * A nomination by secret ballot (CGCT L2121-21): in the first two rounds a candidate needs the
 * absolute majority of suffrages exprimés (ballots less blank and null ones); in the third the
 * relative majority suffices, and of candidates with equal votes the eldest is elected.
 * An unknown birth date leaves a third-round tie undecided (reported by a rule).
 */
export function computeElection(election: Election, members: ReadonlyMap<string, Member>, voters: number): ElectionOutcome {
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
    const top = candidates[0];
    let winner: Member | undefined;
    let byAge = false;
    let needed: number | undefined;
    if (number < 3) {
      needed = Math.floor(expressed / 2) + 1;
      if (top && top.votes >= needed) winner = top.member;
      steps.push({
        key: winner ? "election.round_absolute_elected" : "election.round_absolute_none",
        values: { round: number, expressed, needed, votes: top?.votes ?? 0, candidate: top ? name(top.member) : "—" },
        source: "CGCT L2121-21",
      });
    } else if (top) {
      const tied = candidates.filter((c) => c.votes === top.votes);
      if (tied.length === 1) {
        winner = top.member;
        steps.push({ key: "election.round_relative_elected", values: { round: number, votes: top.votes, candidate: name(top.member) }, source: "CGCT L2121-21" });
      } else if (tied.every((c) => c.member.birth_date !== undefined)) {
        winner = [...tied].sort((a, b) => a.member.birth_date!.localeCompare(b.member.birth_date!))[0]!.member;
        byAge = true;
        steps.push({ key: "election.round_relative_eldest", values: { round: number, votes: top.votes, candidate: name(winner) }, source: "CGCT L2121-21" });
      }
    }
    rounds.push({ number, ballots, blank, null: nul, expressed, needed, candidates, elected: winner, byAge });
    elected = winner;
  }
  if (!elected) steps.push({ key: "election.nobody_elected", values: { rounds: rounds.length } });
  return { post: election.post, rounds, elected, voters, steps };
}

function name(member: Member): string {
  return `${member.civility} ${member.first_name} ${member.last_name}`;
}
