import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
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
          message: `the compte administratif ${motion.number} must be chaired by a president elected for it, not by ${nameOf(members, executive)}`,
          span: motion.chaired_by === undefined ? locate(["motions", m, "kind"]) : at("chaired_by"),
          hints: ["add `chaired_by: ID` with the member the assembly elected to preside over this item (CGCT L2121-14)"],
          irregularity: {
            article: "CGCT L2121-14",
            consequence: "the compte administratif was voted under the chair of the one whose accounts it is; the vote stands as taken but is exposed to annulment",
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
          message: `${nameOf(members, executive)} cannot give a proxy for the vote on their own compte administratif`,
          span: locate(state.proxyPath ?? ["attendance", executive]),
          hints: ["the executive takes no part in this vote, in person or by proxy (RM AN q. 47837)"],
          irregularity: { article: "CGCT L2121-14", consequence: "the proxy is not counted", couldChangeOutcome: undefined },
        }),
      );
    } else if (state && !state.withdrawn && state.status === "present") {
      found.push(
        diagnostic({
          code: "DLB3037",
          message: `${nameOf(members, executive)} must withdraw at the vote of the compte administratif ${motion.number}`,
          span: locate(["motions", m, "kind"]),
          hints: [
            `add \`withdrawn: [${executive}]\` to the motion (CGCT L2121-14)`,
            "if the accounts are another executive's (a former maire), name them with `accountable: ID`",
          ],
          irregularity: {
            article: "CGCT L2121-14",
            consequence: "the one whose accounts are voted stayed in the room at the vote; the vote stands as taken but is exposed to annulment",
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
          message: `the proxies held by ${nameOf(members, executive)} are not used for the compte administratif ${motion.number}`,
          span: locate(["motions", m, "kind"]),
          hints: [
            "the executive withdraws, so the members they represent do not vote on this item (no text settles it; delib takes the prudent reading)",
          ],
          related: held.map((u) => ({ span: locate(u.path), message: `proxy of ${nameOf(members, u.principal)}` })),
        }),
      );
    }
  });
  return found;
}
