import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import { nameOf, type RuleContext } from "../rule.js";

/**
 * The compte administratif (CGCT L2121-14): the assembly elects its own president for the
 * item, and the executive (the sitting's president) withdraws at the vote, gives no proxy
 * for it (RM AN q. 47837), and the proxies he holds are not used (the prudent reading of an
 * open question, rules-fr.md §2.4: a warning).
 */
export function compteAdministratifIsRegular({ session, members, presence, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  session.motions.forEach((motion, m) => {
    if (motion.kind !== "compte_administratif") return;
    const executive = motion.accountable ?? session.session.president;
    const at = (key: string) => locate(["motions", m, key]);
    if (motion.chaired_by === undefined || motion.chaired_by === executive) {
      found.push(
        diagnostic({
          code: "DLB3036",
          message: msg("DLB3036", { number: motion.number, name: nameOf(members, executive) }),
          span: motion.chaired_by === undefined ? locate(["motions", m, "kind"]) : at("chaired_by"),
          hints: [msg("DLB3036.hint")],
          irregularity: {
            article: "CGCT L2121-14",
            consequence: msg("DLB3036.consequence"),
            couldChangeOutcome: undefined,
          },
        }),
      );
    }
    const state = presence[m]?.members.get(executive);
    if (state?.status === "represented") {
      found.push(
        diagnostic({
          code: "DLB3037",
          message: msg("DLB3037.proxy", { name: nameOf(members, executive) }),
          span: locate(state.proxyPath ?? ["attendance", executive]),
          hints: [msg("DLB3037.hint.proxy")],
          irregularity: { article: "CGCT L2121-14", consequence: msg("DLB3037.consequence.proxy"), couldChangeOutcome: undefined },
        }),
      );
    } else if (state && !state.withdrawn && state.status === "present") {
      found.push(
        diagnostic({
          code: "DLB3037",
          message: msg("DLB3037", { name: nameOf(members, executive), number: motion.number }),
          span: locate(["motions", m, "kind"]),
          hints: [msg("DLB3037.hint", { id: executive }), msg("DLB3037.hint.accountable")],
          irregularity: {
            article: "CGCT L2121-14",
            consequence: msg("DLB3037.consequence"),
            couldChangeOutcome: undefined,
          },
        }),
      );
    }
    const held = presence[m]?.proxies.filter((u) => u.holder === executive) ?? [];
    if (held.length > 0) {
      found.push(
        diagnostic({
          severity: "warning",
          code: "DLB3038",
          message: msg("DLB3038", { name: nameOf(members, executive), number: motion.number }),
          span: locate(["motions", m, "kind"]),
          hints: [msg("DLB3038.hint")],
          related: held.map((u) => ({ span: locate(u.path), message: msg("DLB3038.related", { name: nameOf(members, u.principal) }) })),
        }),
      );
    }
  });
  return found;
}
