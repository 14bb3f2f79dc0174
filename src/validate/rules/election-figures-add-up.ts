import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import type { DataPath, ElectionRound } from "../../model/session.js";
import type { RuleContext } from "../rule.js";

/**
 * Each round's figures add up: on a ballot carrying one name or one list, the votants are the
 * votes of the candidates (or lists) plus the blank and null ballots; on a ballot carrying
 * several names, the votants are needed (the names add up to more than the ballots), the blank
 * and null ballots are not more than them, and no candidate has more votes than there are
 * suffrages exprimés.
 */
export function electionFiguresAddUp({ outcome, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const result of outcome.motions) {
    const election = result.election;
    const input = result.motion.election;
    if (!election || !input) continue;
    const number = result.motion.number;
    const base: DataPath = ["motions", result.index, "election"];
    const check = (rounds: readonly ElectionRound[], seats: number, path: DataPath) =>
      rounds.forEach((round, r) => {
        const at = [...path, r];
        const blank = round.blank ?? 0;
        const nul = round.invalid ?? 0;
        const votes = Object.values(round.candidates ?? round.lists ?? {}).reduce((sum, v) => sum + v, 0);
        const several = seats > 1 && round.candidates !== undefined;
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
          for (const [id, v] of Object.entries(round.candidates ?? {})) {
            if (v > expressed) {
              found.push(diagnostic({ code: "DLB3110", message: msg("DLB3110.candidate", { round: r + 1, number, id, votes: v, expressed }), span: locate([...at, "candidates", id]), hints: [msg("DLB3110.hint")] }));
            }
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
    check(input.rounds, election.seats, [...base, "rounds"]);
    if (election.rule.substitutes?.how === "separate_ballot" && input.substitutes?.rounds) check(input.substitutes.rounds, input.substitutes.seats, [...base, "substitutes", "rounds"]);
  }
  return found;
}
