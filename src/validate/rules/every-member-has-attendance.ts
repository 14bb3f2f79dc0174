import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import { inOfficeAtOpening } from "../../tally/roster.js";
import { memberName, type RuleContext } from "../rule.js";

/**
 * Every member in office at the opening has exactly one attendance status: no box may stay
 * empty. Suppléants need none, nor members out of office on the sitting's date (resigned,
 * deceased, not yet installed: tally/roster.ts).
 */
export function everyMemberHasAttendance({ session, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  session.members.forEach((member, index) => {
    if (!inOfficeAtOpening(member, session) || Object.hasOwn(session.attendance, member.id)) return;
    found.push(
      diagnostic({
        code: "DLB3003",
        message: msg("DLB3003", { name: memberName(member) }),
        span: locate(["members", index]),
        // The YAML of a proxy is a value: its braces would be ICU syntax in the catalogue.
        hints: [msg("DLB3003.hint", { id: member.id, proxy: "`{ represented_by: ID }`" })],
        related: [{ span: locate(["attendance"], "key"), message: msg("DLB3003.related") }],
      }),
    );
  });
  return found;
}
