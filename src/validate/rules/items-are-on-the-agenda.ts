import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import type { RuleContext } from "../rule.js";

/**
 * The assembly deliberates on the items of the agenda sent with the convocation (CGCT
 * L2121-10: the convocation lists them; L2121-12: with an explanatory note in communes of
 * 3 500 inhabitants or more; rules-fr.md §6.1). An item added in session was not in the
 * convocation, so the members could not prepare it: delib says so for each, as a warning; the
 * deliberation is recorded and printed as the assembly took it.
 */
export function itemsAreOnTheAgenda({ session, locate }: RuleContext): Diagnostic[] {
  return session.motions.flatMap((motion, index) =>
    motion.added_in_session
      ? [
          diagnostic({
            severity: "warning",
            code: "DLB3017",
            message: msg("DLB3017", { number: motion.number }),
            span: locate(["motions", index, "added_in_session"], "key"),
            hints: [msg("DLB3017.hint")],
            irregularity: {
              article: "CGCT L2121-10",
              consequence: msg("DLB3017.consequence"),
              couldChangeOutcome: undefined,
            },
          }),
        ]
      : [],
  );
}
