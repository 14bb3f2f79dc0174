import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { listOf, msg, type Message } from "../../diagnostics/message.js";
import { actesNumber, actesNumberMaxLength, isActesNumber } from "../../law/actes.js";
import type { RuleContext } from "../rule.js";

/**
 * A deliberation number can be sent to the préfecture as the act's NumeroInterne: delib sends
 * it upper-cased, with `-`, `.` and spaces turned into `_` (actesNumber), and s2low takes at
 * most 15 letters, digits and `_`, not starting or ending with `_`. A warning only: the act is
 * still registered and printed under its number, but it cannot be télétransmis under it as is.
 */
export function numberSuitsActes({ session, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  session.motions.forEach((motion, index) => {
    const sent = actesNumber(motion.number);
    if (isActesNumber(sent)) return;
    const reasons: Message[] = [];
    if (sent.length > actesNumberMaxLength) reasons.push(msg("DLB3061.too_long", { length: sent.length, max: actesNumberMaxLength }));
    if (sent.startsWith("_")) reasons.push(msg("DLB3061.starts_with_underscore"));
    if (sent.endsWith("_")) reasons.push(msg("DLB3061.ends_with_underscore"));
    const others = [...new Set(sent.replace(/[A-Z0-9_]/g, ""))];
    if (others.length > 0) reasons.push(msg("DLB3061.contains", { characters: listOf(others.map((c) => `\`${c}\``)) }));
    found.push(
      diagnostic({
        severity: "warning",
        code: "DLB3061",
        message: msg("DLB3061", { number: motion.number, sent, reasons: listOf(reasons) }),
        span: locate(["motions", index, "number"]),
        hints: [msg("DLB3061.hint", { max: actesNumberMaxLength }), msg("DLB3061.hint.register")],
      }),
    );
  });
  return found;
}
