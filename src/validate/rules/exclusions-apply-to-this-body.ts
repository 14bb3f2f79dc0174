import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import type { RuleContext } from "../rule.js";

/**
 * Taking L1111-6 representatives out of the members in office (CGCT L2131-11) exists only for
 * the kinds that have `in_office_exclusions` in law/bodies.yaml: communes and, by reference,
 * EPCI and syndicats; not départements or régions (Senate question Darcos, 10 October 2024).
 */
export function exclusionsApplyToThisBody({ session, outcome, locate }: RuleContext): Diagnostic[] {
  if (outcome.rules.body.in_office_exclusions !== undefined) return [];
  return session.motions.flatMap((motion, m) =>
    motion.excluded_from_office && motion.excluded_from_office.length > 0
      ? [
          diagnostic({
            code: "DLB3032",
            message: msg("DLB3032", { body: outcome.rules.body.label }),
            span: locate(["motions", m, "excluded_from_office"], "key"),
            hints: [msg("DLB3032.hint")],
          }),
        ]
      : [],
  );
}
