import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { listOf, msg } from "../../diagnostics/message.js";
import { actesNumberProblems, actesTransmission } from "../../law/actes.js";
import type { RuleContext } from "../rule.js";

/**
 * A deliberation number can be télétransmis to the préfecture as the act's NumeroInterne: the
 * number upper-cased, with `-`, `.` and spaces turned into `_` (actesNumber), which s2low takes
 * when it has at most 15 letters, digits and `_`, not starting or ending with `_`. A warning
 * only: the act is still registered and printed under its number, but `delib actes` will not
 * package it (it refuses the same numbers, through the same actesNumberProblems).
 */
export function numberSuitsActes({ session, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  session.motions.forEach((motion, index) => {
    const problems = actesNumberProblems(motion.number);
    if (!problems) return;
    found.push(
      diagnostic({
        severity: "warning",
        code: "DLB3061",
        message: msg("DLB3061", { number: motion.number, sent: problems.sent, reasons: listOf(problems.reasons) }),
        span: locate(["motions", index, "number"]),
        hints: [msg("DLB3061.hint", { max: actesTransmission().number.maxLength }), msg("DLB3061.hint.register")],
      }),
    );
  });
  return found;
}
