import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { RuleContext } from "../rule.js";

/** A vote is recorded either as counts (`for` and `against`) or as `unanimous: true`, not both. */
export function voteIsCountsOrUnanimity({ session, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  session.motions.forEach((motion, m) => {
    const vote = motion.vote;
    const counts = (["for", "against", "abstentions"] as const).filter((k) => vote[k] !== undefined);
    if (vote.unanimous && counts.length > 0) {
      found.push(
        diagnostic({
          code: "DLB3009",
          message: `the vote on ${motion.number} is recorded both as unanimous and as counts`,
          span: locate(["motions", m, "vote"]),
          hints: ["keep either `unanimous: true` (delib counts the voices) or the counts `for`, `against`, `abstentions`"],
        }),
      );
    } else if (!vote.unanimous && (vote.for === undefined || vote.against === undefined)) {
      const missing = vote.for === undefined ? "for" : "against";
      found.push(
        diagnostic({
          code: "DLB3009",
          message: `the vote on ${motion.number} has no \`${missing}\` count`,
          span: locate(["motions", m, "vote"]),
          hints: ["write the counts `for:`, `against:` (and `abstentions:`), or `unanimous: true`"],
        }),
      );
    }
  });
  return found;
}
