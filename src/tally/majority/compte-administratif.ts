import type { MajorityFraction } from "../../law/law.js";
import { threshold } from "../fraction.js";
import type { Decision, VoteCount } from "./decision.js";

/**
 * The compte administratif (CGCT L1612-12): adopted unless a majority of the suffrages exprimés
 * votes against it, so a tie adopts it. `needed` is the voices against needed to reject it.
 */
export function compteAdministratif(count: VoteCount, rule: MajorityFraction): Decision {
  const needed = threshold(count.expressed, rule.fraction, rule.strict);
  const adopted = count.against < needed;
  return {
    majority: { kind: "compte_administratif", needed, ratio: undefined, of: undefined, source: rule.source },
    adopted,
    decidedBy: count.tie ? "compte_administratif_tie" : undefined,
    steps: [{ key: adopted ? "vote.ca_adopted" : "vote.ca_rejected", values: { for: count.for, against: count.against, needed, expressed: count.expressed }, source: rule.source }],
  };
}
