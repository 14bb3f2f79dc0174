import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { secondConvocationClearDays } from "../../tally/quorum.js";
import type { RuleContext } from "../rule.js";

/**
 * A second convocation lets the assembly deliberate without quorum only when it is sent at
 * least three clear days before the sitting (CGCT L2121-17; CE 16 June 1997, Pfister); for a
 * département or a région, the meeting of right is held three days after the failed one
 * (L3121-14, L4132-13). Otherwise the quorum applies again: a warning, and the count says so.
 */
export function secondConvocationIsRegular({ outcome, locate }: RuleContext): Diagnostic[] {
  const first = outcome.motions[0];
  if (!first) return [];
  const steps = outcome.motions.flatMap((m) => m.quorum.steps);
  const tooSoon = steps.find((s) => s.key === "quorum.second_convocation_too_soon");
  if (tooSoon) {
    return [
      diagnostic({
        severity: "warning",
        code: "DLB3033",
        message: `the second convocation leaves ${tooSoon.values.days} clear days before the sitting; ${secondConvocationClearDays} are needed to deliberate without quorum`,
        span: locate(["session", "convened_on"]),
        hints: ["the quorum is therefore required for every motion (CGCT L2121-17); check the dates"],
      }),
    ];
  }
  const notThree = steps.find((s) => s.key === "quorum.meeting_of_right_not_three_days");
  if (notThree) {
    return [
      diagnostic({
        severity: "warning",
        code: "DLB3035",
        message: `the meeting of right is held ${notThree.values.days} days after the failed one, not three`,
        span: locate(["session", "date"]),
        hints: [`a ${outcome.rules.body.label} meets as of right three days later (${outcome.rules.body.quorum.source}); the quorum is required otherwise`],
      }),
    ];
  }
  return [];
}
