import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
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
          message: `${memberName(member)} is replaced by themself`,
          span,
          hints: ["`replaced_by` names the member who took the seat (Code électoral L270)"],
        }),
      );
      return;
    }
    if (!inOfficeAtOpening(member, session) || !inOfficeAtOpening(replacement, session)) return;
    const date = session.session.date;
    found.push(
      diagnostic({
        code: "DLB3082",
        message: `${memberName(member)} is replaced by ${memberName(replacement)}, but both are in office on ${date}: their seat would be counted twice`,
        span,
        hints: [
          `give ${memberName(member)} the date the seat fell vacant (\`resigned_on\` or \`deceased_on\`), or ${memberName(replacement)} the date of installation (\`installed_on\`) if after ${date} (Code électoral L270)`,
        ],
        related: [{ span: locate(["members", session.members.indexOf(replacement)]), message: `${memberName(replacement)} is listed here` }],
      }),
    );
  });
  return found;
}
