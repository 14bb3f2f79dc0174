import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { RuleContext } from "../rule.js";

/**
 * A motion records its vote, unless the quorum was not reached: then it could not be put to
 * the vote, and there is nothing to record.
 */
export function voteIsNeeded({ outcome, locate }: RuleContext): Diagnostic[] {
  return outcome.motions
    .filter((m) => m.motion.kind !== "election" && m.motion.vote === undefined && m.quorum.met)
    .map((m) =>
      diagnostic({
        code: "DLB3016",
        message: `motion ${m.motion.number} has no \`vote\``,
        span: locate(["motions", m.index]),
        hints: ["add `vote: { for: N, against: N, abstentions: N }`, or `vote: { unanimous: true }`; only a motion without quorum has no vote"],
      }),
    );
}
