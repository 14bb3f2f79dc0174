import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { listOf, msg } from "../../diagnostics/message.js";
import { suggest } from "../../diagnostics/suggest.js";
import type { RuleContext } from "../rule.js";

/** A vote restricted to the delegates of some communes (CGCT L5212-16) names colleges that exist. */
export function votingCollegesExist({ session, locate }: RuleContext): Diagnostic[] {
  const names = (session.colleges ?? []).map((c) => c.name);
  return session.motions.flatMap((motion, m) =>
    (motion.voting_colleges ?? []).flatMap((name, i) => {
      if (names.includes(name)) return [];
      const guess = suggest(name, names);
      return [
        diagnostic({
          code: "DLB3072",
          message: guess ? msg("DLB3072.guess", { name, guess }) : msg("DLB3072", { name }),
          span: locate(["motions", m, "voting_colleges", i]),
          hints: [names.length > 0 ? msg("DLB3072.hint", { names: listOf(names) }) : msg("DLB3072.hint.no_colleges")],
        }),
      ];
    }),
  );
}
