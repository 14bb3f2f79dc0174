import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
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
          message: `\`${name}\` is not a college of this assembly${guess ? `, did you mean \`${guess}\`?` : ""}`,
          span: locate(["motions", m, "voting_colleges", i]),
          hints: [names.length > 0 ? `the colleges are: ${names.join(", ")}` : "list the colleges under `colleges` first"],
        }),
      ];
    }),
  );
}
