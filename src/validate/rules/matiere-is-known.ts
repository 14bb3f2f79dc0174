import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { listOf, msg, type Message } from "../../diagnostics/message.js";
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
    const hints: Message[] = [];
    if (lookup.theme) {
      const codes = lookup.theme.matieres.map((m) => m.code);
      // `7.01` for `7.1`: the same number, written with a leading zero.
      const unpadded = `${lookup.theme.code}.${Number(lookup.level2.split(".")[1])}`;
      const guess = codes.includes(unpadded) ? unpadded : suggest(lookup.level2, codes);
      if (guess) {
        const label = lookup.theme.matieres.find((m) => m.code === guess)?.label ?? "";
        hints.push(msg("DLB3060.hint.guess", { code: guess, label }));
      }
      hints.push(
        msg("DLB3060.hint.list", {
          theme: lookup.theme.code,
          label: lookup.theme.label,
          matieres: listOf(lookup.theme.matieres.map((m) => `${m.code} ${m.label}`)),
        }),
      );
    }
    hints.push(msg("DLB3060.hint.levels"));
    found.push(
      diagnostic({
        code: "DLB3060",
        message: msg("DLB3060", { matiere: motion.matiere, level2: lookup.level2 }),
        span: locate(["motions", index, "matiere"]),
        hints,
      }),
    );
  });
  return found;
}
