import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import type { RuleContext } from "../rule.js";

/**
 * A public ballot (scrutin public) records the name of each voter and the direction of their
 * vote (CGCT L2121-21, and L3121-15, L4132-14; L2121-15 for the procès-verbal): `by_member`,
 * not counts alone. A unanimous vote names its voters through the attendance. Counts without
 * names are an irregular fact: delib counts the vote from them.
 */
export function publicBallotNamesTheVoters({ outcome, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const article = outcome.rules.body.ballot_request.source;
  for (const result of outcome.motions) {
    const motion = result.motion;
    const vote = motion.vote;
    if (motion.ballot !== "public" || motion.kind === "election" || !vote || vote.by_member || vote.unanimous) continue;
    found.push(
      diagnostic({
        code: "DLB3028",
        message: msg("DLB3028", { number: motion.number }),
        span: locate(["motions", result.index, "vote"], "key"),
        hints: [
          msg("DLB3028.hint", { article, example: "`by_member: { dupont: for, durand: against, … }`" }),
          msg("DLB3028.hint.not_public"),
        ],
        irregularity: {
          article,
          consequence: msg("DLB3028.consequence"),
          couldChangeOutcome: false,
        },
      }),
    );
  }
  return found;
}
