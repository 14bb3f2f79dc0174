import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
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
    const reasons: string[] = [];
    if (sent.length > actesNumberMaxLength) reasons.push(`has ${sent.length} characters, ${actesNumberMaxLength} at most`);
    if (sent.startsWith("_")) reasons.push("starts with `_`");
    if (sent.endsWith("_")) reasons.push("ends with `_`");
    const others = [...new Set(sent.replace(/[A-Z0-9_]/g, ""))];
    if (others.length > 0) reasons.push(`contains ${others.map((c) => `\`${c}\``).join(", ")}`);
    found.push(
      diagnostic({
        severity: "warning",
        code: "DLB3061",
        message: `the deliberation number \`${motion.number}\` cannot be télétransmis as is: its ACTES number \`${sent}\` ${reasons.join(" and ")}`,
        span: locate(["motions", index, "number"]),
        hints: [
          `the préfecture's @CTES platform takes a number of at most ${actesNumberMaxLength} letters, digits and \`_\`, not starting or ending with \`_\`; delib sends the number in upper case with \`-\`, \`.\` and spaces turned into \`_\` (\`2024-07\` is sent as \`2024_07\`)`,
          "the act can still be registered under this number; to transmit it, number it more shortly, or give the transmission another number by hand",
        ],
      }),
    );
  });
  return found;
}
