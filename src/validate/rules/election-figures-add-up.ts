import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import type { DataPath, ElectionRound } from "../../model/session.js";
import type { BallotOutcome } from "../../tally/outcome.js";
import { countedElections, type RuleContext } from "../rule.js";

/**
 * Each round's figures add up: on a ballot carrying one name or one list, the votants are the
 * votes of the candidates (or lists) plus the blank and null ballots; on a ballot carrying
 * several names, the votants are needed (the names add up to more than the ballots), the blank
 * and null ballots are not more than them, no candidate has more votes than there are
 * suffrages exprimés, and the names add up to no more than the seats times the exprimés (a
 * ballot carries at most one name per seat). The votes compared are those the count used (a
 * list given twice in `lists` is counted twice). The votants and the present not taking part
 * are not more than the voices present. A figure that cannot be is an error of the file, or,
 * for the last two, an irregular fact a transcribed record states.
 */
export function electionFiguresAddUp({ outcome, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const { election, input, number, base } of countedElections(outcome)) {
    const check = (rounds: readonly ElectionRound[], seats: number, path: DataPath, ballot: BallotOutcome | undefined) =>
      rounds.forEach((round, r) => {
        const at = [...path, r];
        const blank = round.blank ?? 0;
        const nul = round.invalid ?? 0;
        // The votes as counted (each list of `lists` once, as the count reads them), else as written.
        const counted = ballot?.rounds[r];
        const votes = counted
          ? [...counted.candidates, ...counted.lists].reduce((sum, c) => sum + c.votes, 0)
          : Object.values(round.candidates ?? round.lists ?? {}).reduce((sum, v) => sum + v, 0);
        const several = seats > 1 && round.candidates !== undefined;
        if (round.ballots !== undefined && round.not_voting !== undefined && round.ballots + round.not_voting > election.voters) {
          const total = round.ballots + round.not_voting;
          found.push(
            diagnostic({
              code: "DLB3121",
              message: msg("DLB3121", { round: r + 1, number, ballots: round.ballots, notVoting: round.not_voting, total, voters: election.voters }),
              span: locate([...at, "not_voting"]),
              hints: [msg("DLB3121.hint")],
              irregularity: { article: election.rule.source, consequence: msg("DLB3121.consequence"), couldChangeOutcome: undefined },
            }),
          );
        }
        if (several && round.ballots === undefined) {
          found.push(diagnostic({ code: "DLB3109", message: msg("DLB3109", { round: r + 1, number, seats }), span: locate(at), hints: [msg("DLB3109.hint")] }));
          return;
        }
        if (round.ballots === undefined) return;
        if (several) {
          const expressed = round.ballots - blank - nul;
          if (expressed < 0) {
            found.push(diagnostic({ code: "DLB3110", message: msg("DLB3110.not_expressed", { round: r + 1, number, ballots: round.ballots, blank, null: nul }), span: locate([...at, "ballots"]), hints: [msg("DLB3110.hint")] }));
            return;
          }
          let over = false;
          for (const [id, v] of Object.entries(round.candidates ?? {})) {
            if (v > expressed) {
              over = true;
              found.push(diagnostic({ code: "DLB3110", message: msg("DLB3110.candidate", { round: r + 1, number, id, votes: v, expressed }), span: locate([...at, "candidates", id]), hints: [msg("DLB3110.hint")] }));
            }
          }
          // A ballot carries at most one name per seat.
          if (!over && votes > seats * expressed) {
            found.push(
              diagnostic({
                code: "DLB3122",
                message: msg("DLB3122", { round: r + 1, number, names: votes, seats, expressed, most: seats * expressed }),
                span: locate([...at, "candidates"], "key"),
                hints: [msg("DLB3122.hint")],
                irregularity: { article: election.rule.source, consequence: msg("DLB3122.consequence"), couldChangeOutcome: undefined },
              }),
            );
          }
        } else if (round.ballots !== votes + blank + nul) {
          found.push(
            diagnostic({
              code: "DLB3110",
              message: msg("DLB3110", { round: r + 1, number, ballots: round.ballots, votes, blank, null: nul, total: votes + blank + nul }),
              span: locate([...at, "ballots"]),
              hints: [msg("DLB3110.hint")],
            }),
          );
        }
      });
    check(input.rounds, election.seats, [...base, "rounds"], election);
    if (election.rule.substitutes?.how === "separate_ballot" && input.substitutes?.rounds) check(input.substitutes.rounds, input.substitutes.seats, [...base, "substitutes", "rounds"], election.substitutes);
  }
  return found;
}
