import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import type { RuleContext } from "../rule.js";

/**
 * Each motion records its vote one way: counts, `unanimous: true`, or `by_member`; an election
 * records its rounds instead. A count left out is none (a record that prints « pour 12,
 * abstentions 3 » has no vote against); that the counts add up to the voters is
 * votes-add-up-to-voters. Blank and null ballots exist only in a secret ballot, and a vote
 * recorded name by name cannot be secret.
 */
export function voteIsRecorded({ session, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  session.motions.forEach((motion, m) => {
    const at = (...path: string[]) => locate(["motions", m, ...path]);
    const vote = motion.vote;
    if (motion.kind === "election") {
      if (!motion.election) {
        found.push(diagnostic({ code: "DLB3040", message: msg("DLB3040.no_rounds", { number: motion.number }), span: at("kind"), hints: [msg("DLB3040.hint.no_rounds", { example: "`election: { rounds: [ { candidates: { dupont: 12 }, blank: 1 } ] }`" })] }));
      }
      if (vote) {
        found.push(diagnostic({ code: "DLB3040", message: msg("DLB3040.vote", { number: motion.number }), span: at("vote"), hints: [msg("DLB3040.hint.vote")] }));
      }
      return;
    }
    if (motion.election) {
      found.push(diagnostic({ code: "DLB3040", message: msg("DLB3040", { number: motion.number }), span: at("election"), hints: [msg("DLB3040.hint")] }));
    }
    if (!vote) return; // a motion that could not be put to the vote for lack of quorum has none (voteIsNeeded)
    const counts = (["for", "against", "abstentions"] as const).filter((k) => vote[k] !== undefined);
    if (vote.unanimous && (counts.length > 0 || vote.by_member)) {
      found.push(
        diagnostic({
          code: "DLB3009",
          message: msg("DLB3009", { number: motion.number, also: vote.by_member ? "by_member" : "counts" }),
          span: at("vote"),
          hints: [msg("DLB3009.hint")],
        }),
      );
    } else if (!vote.unanimous && !vote.by_member && counts.length === 0 && vote.blank === undefined && vote.invalid === undefined) {
      found.push(
        diagnostic({
          code: "DLB3009",
          message: msg("DLB3009.no_count", { number: motion.number }),
          span: at("vote"),
          hints: [msg("DLB3009.hint.no_count")],
        }),
      );
    }
    const ballot = motion.ballot ?? "show_of_hands";
    if ((vote.blank !== undefined || vote.invalid !== undefined) && ballot !== "secret") {
      found.push(
        diagnostic({
          code: "DLB3025",
          message: msg("DLB3025", { number: motion.number, ballot }),
          span: at("vote", vote.blank !== undefined ? "blank" : "invalid"),
          hints: [msg("DLB3025.hint")],
        }),
      );
    }
    if (vote.by_member && ballot === "secret") {
      found.push(
        diagnostic({
          code: "DLB3025",
          message: msg("DLB3025.by_member", { number: motion.number }),
          span: at("vote", "by_member"),
          hints: [msg("DLB3025.hint.by_member")],
        }),
      );
    }
  });
  return found;
}
