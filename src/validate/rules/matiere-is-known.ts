import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { suggest } from "../../diagnostics/suggest.js";
import { findMatiere } from "../../law/actes.js";
import type { RuleContext } from "../rule.js";

/**
 * A motion's `matiere` names a level-2 matière of the national @CTES classification
 * (law/actes-matieres.yaml), which the préfecture and the SCDL export read. Levels 3 to 5 are
 * each préfecture's own (its classification file): a deeper code such as `7.1.2` is accepted
 * whenever its level-2 prefix `7.1` exists, since delib cannot know the préfecture's list.
 */
export function matiereIsKnown({ session, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  session.motions.forEach((motion, index) => {
    if (motion.matiere === undefined) return;
    const lookup = findMatiere(motion.matiere);
    if (lookup.matiere) return;
    const hints: string[] = [];
    if (lookup.theme) {
      const codes = lookup.theme.matieres.map((m) => m.code);
      // `7.01` for `7.1`: the same number, written with a leading zero.
      const unpadded = `${lookup.theme.code}.${Number(lookup.level2.split(".")[1])}`;
      const guess = codes.includes(unpadded) ? unpadded : suggest(lookup.level2, codes);
      if (guess) {
        const label = lookup.theme.matieres.find((m) => m.code === guess)?.label ?? "";
        hints.push(`did you mean \`${guess}\` (${label})?`);
      }
      hints.push(
        `the level-2 matières of ${lookup.theme.code} ${lookup.theme.label} are: ${lookup.theme.matieres.map((m) => `${m.code} ${m.label}`).join(", ")}`,
      );
    }
    hints.push("levels 3 to 5 (e.g. `7.1.2`) are your préfecture's own, and are accepted under a level-2 code of the national classification");
    found.push(
      diagnostic({
        code: "DLB3060",
        message: `\`${motion.matiere}\` is not a matière of the @CTES classification: there is no level-2 matière \`${lookup.level2}\``,
        span: locate(["motions", index, "matiere"]),
        hints,
      }),
    );
  });
  return found;
}
