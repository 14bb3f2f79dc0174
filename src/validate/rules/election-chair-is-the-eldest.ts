import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import { memberName } from "../../model/member-name.js";
import type { RuleContext } from "../rule.js";

/**
 * Where the law says who chairs the election (`chair: eldest_present`, CGCT L2122-8: « La
 * séance au cours de laquelle il est procédé à l'élection du maire est présidée par le plus âgé
 * des membres du conseil municipal »), the motion's chair (`chaired_by`, else the sitting's
 * president) is the eldest member present. Checked only when every member present in person
 * has a birth date: otherwise delib cannot tell, and says nothing. A rule reached through
 * another kind's `one_seat` (a single adjoint elected as the maire) is not the maire's sitting:
 * not checked. An irregular fact of the sitting.
 */
export function electionChairIsTheEldest({ outcome, members, presence, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const result of outcome.motions) {
    const election = result.election;
    const chair = election?.rule.chair;
    if (!election || chair?.rule !== "eldest_present") continue;
    if (!(Object.hasOwn(outcome.rules.elections, election.kind) && outcome.rules.elections[election.kind]!.variants.includes(election.rule))) continue;
    const here = presence[result.index]!;
    const present = [...here.members.values()].filter((m) => m.inOffice && m.status === "present" && !m.withdrawn).map((m) => members.get(m.id));
    if (present.length === 0 || present.some((m) => m?.birth_date === undefined)) continue;
    const chairId = result.motion.chaired_by ?? outcome.session.session.president;
    const chairMember = members.get(chairId);
    if (chairMember?.birth_date === undefined || !present.includes(chairMember)) continue;
    const eldest = present.reduce((a, b) => (b!.birth_date! < a!.birth_date! ? b : a))!;
    if (chairMember.birth_date <= eldest.birth_date!) continue;
    const path = result.motion.chaired_by !== undefined ? ["motions", result.index, "chaired_by"] : ["session", "president"];
    found.push(
      diagnostic({
        code: "DLB3123",
        message: msg("DLB3123", { number: result.motion.number, chair: memberName(chairMember), eldest: memberName(eldest), birth: eldest.birth_date! }),
        span: locate(path),
        hints: [msg("DLB3123.hint", { source: chair.source })],
        irregularity: { article: chair.source, consequence: msg("DLB3123.consequence"), couldChangeOutcome: undefined },
      }),
    );
  }
  return found;
}
