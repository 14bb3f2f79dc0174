import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import { inOfficeAtOpening } from "../../tally/roster.js";
import { memberName, type RuleContext } from "../rule.js";

/**
 * A replacement takes the seat of the member it replaces (Code électoral L270: the next
 * candidate of the list fills the seat that falls vacant): `replaced_by` names another member,
 * and on the sitting's date the two are not both in office, or the seat would be counted twice.
 * A `replaced_by` naming no listed member is DLB3002 (references-are-known.ts).
 */
export function replacementsTakeTheSeat({ session, members, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  session.members.forEach((member, index) => {
    const id = member.replaced_by;
    const replacement = id === undefined ? undefined : members.get(id);
    if (!replacement) return;
    const span = locate(["members", index, "replaced_by"]);
    if (replacement.id === member.id) {
      found.push(
        diagnostic({
          code: "DLB3082",
          message: msg("DLB3082.self", { name: memberName(member) }),
          span,
          hints: [msg("DLB3082.hint.self")],
        }),
      );
      return;
    }
    if (!inOfficeAtOpening(member, session) || !inOfficeAtOpening(replacement, session)) return;
    const date = session.session.date;
    found.push(
      diagnostic({
        code: "DLB3082",
        message: msg("DLB3082", { member: memberName(member), replacement: memberName(replacement), date }),
        span,
        hints: [msg("DLB3082.hint", { member: memberName(member), replacement: memberName(replacement), date })],
        related: [{ span: locate(["members", session.members.indexOf(replacement)]), message: msg("DLB3082.related", { replacement: memberName(replacement) }) }],
      }),
    );
  });
  return found;
}
