import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
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
            message: `motion ${motion.number} has no \`vote\``,
            span: locate(["motions", m.index]),
            hints: ["add `vote: { for: N, against: N, abstentions: N }`, or `vote: { unanimous: true }`; only a motion without quorum has no vote"],
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
        message: `${isElection ? "the election" : "motion"} ${motion.number} records a ${recorded === "vote" ? "vote" : "ballot"}, but its quorum was not met: ${q.counted} ${q.counts === "voices" ? "voices" : "members"} counted, ${q.required} required`,
        span: locate(["motions", m.index, recorded], "key"),
        hints: [
          `without quorum the assembly cannot deliberate (${q.source}); the item is put to a second convocation (\`failed_convocation\`)`,
          "if the quorum was met, check the attendance, arrivals, departures and withdrawals for this motion; otherwise delete the vote",
        ],
        irregularity: {
          article: q.source,
          consequence: `the ${recorded === "vote" ? "vote" : "ballot"} is not counted: the motion is not adopted, for lack of quorum`,
          couldChangeOutcome: true,
        },
      }),
    );
  }
  return found;
}
