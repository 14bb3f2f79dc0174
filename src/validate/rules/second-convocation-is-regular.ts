import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { listOf, msg, type Message } from "../../diagnostics/message.js";
import type { RuleContext } from "../rule.js";

/**
 * A second convocation lets the assembly deliberate without quorum only when it is sent far
 * enough ahead of the sitting (three clear days, CGCT L2121-17; CE 16 June 1997, Pfister); for
 * a département or a région, the meeting of right is held three days after the failed one
 * (L3121-14, L4132-13): `second_convocation` in law/bodies.yaml. Otherwise the quorum applies
 * again: a warning, and the count says so. An irregular fact of the sitting; it could change an
 * outcome only where a motion lacks the quorum the second convocation would have waived.
 */
export function secondConvocationIsRegular({ outcome, locate }: RuleContext): Diagnostic[] {
  const first = outcome.motions[0];
  if (!first) return [];
  const steps = outcome.motions.flatMap((m) => m.quorum.steps);
  const second = outcome.rules.body.second_convocation;
  const tooSoon = steps.find((s) => s.key === "quorum.second_convocation_too_soon");
  const withoutQuorum = outcome.motions.filter((m) => !m.quorum.met).map((m) => m.motion.number);
  const consequence =
    withoutQuorum.length > 0
      ? msg("second_convocation.consequence.without_quorum", { numbers: listOf(withoutQuorum), count: withoutQuorum.length })
      : msg("second_convocation.consequence.quorum_met");
  if (tooSoon) {
    return [
      diagnostic({
        severity: "warning",
        code: "DLB3033",
        message: msg("DLB3033", { days: Number(tooSoon.values.days), required: Number(tooSoon.values.required) }),
        span: locate(["session", "convened_on"]),
        hints: [msg("DLB3033.hint", { article: second.source })],
        irregularity: { article: second.source, consequence, couldChangeOutcome: withoutQuorum.length > 0 },
      }),
    ];
  }
  const notOnTheDay = steps.find((s) => s.key === "quorum.meeting_of_right_not_three_days");
  if (notOnTheDay) {
    // The count's own step carries the days the law requires (tally/quorum.ts).
    const required = Number(notOnTheDay.values.required);
    return [
      diagnostic({
        severity: "warning",
        code: "DLB3035",
        message: msg("DLB3035", { days: Number(notOnTheDay.values.days), required: inWords(required) }),
        span: locate(["session", "date"]),
        hints: [msg("DLB3035.hint", { body: outcome.rules.body.label, required: inWords(required), article: second.source })],
        irregularity: { article: second.source, consequence, couldChangeOutcome: withoutQuorum.length > 0 },
      }),
    ];
  }
  return [];
}

/** 3 -> « three », « trois »: small counts of days read as words in a message. */
function inWords(n: number): Message {
  return msg("DLB3035.in_words", { n });
}
