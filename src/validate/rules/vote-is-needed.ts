import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import type { RuleContext } from "../rule.js";

/**
 * A motion records its vote exactly when its quorum was met: without quorum it could not be
 * put to the vote (CGCT L2121-17 and the body's article), so there is nothing to record, and a
 * vote recorded anyway is an irregular fact: delib does not count it, and the motion is not
 * adopted for lack of quorum.
 */
export function voteIsNeeded({ outcome, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const m of outcome.motions) {
    const motion = m.motion;
    const isElection = motion.kind === "election";
    if (m.quorum.met) {
      if (!isElection && motion.vote === undefined) {
        found.push(
          diagnostic({
            code: "DLB3016",
            message: msg("DLB3016", { number: motion.number }),
            span: locate(["motions", m.index]),
            hints: [msg("DLB3016.hint", { counts: "`vote: { for: N, against: N, abstentions: N }`", unanimous: "`vote: { unanimous: true }`" })],
          }),
        );
      }
      continue;
    }
    const recorded = isElection ? (motion.election ? "election" : undefined) : motion.vote ? "vote" : undefined;
    if (!recorded) continue;
    const q = m.quorum;
    found.push(
      diagnostic({
        code: "DLB3029",
        message: msg("DLB3029", { kind: recorded, number: motion.number, counted: q.counted, counts: q.counts === "voices" ? "voices" : "members", required: q.required }),
        span: locate(["motions", m.index, recorded], "key"),
        hints: [msg("DLB3029.hint", { article: q.source }), msg("DLB3029.hint.check")],
        irregularity: {
          article: q.source,
          consequence: msg("DLB3029.consequence", { kind: recorded }),
          couldChangeOutcome: true,
        },
      }),
    );
  }
  return found;
}
