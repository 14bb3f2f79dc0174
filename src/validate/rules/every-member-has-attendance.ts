import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
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
        message: `${memberName(member)} has no attendance status`,
        span: locate(["members", index]),
        hints: [
          `under \`attendance:\`, add \`${member.id}: present\` (or \`absent\`, \`excused\`, or \`{ represented_by: ID }\` for a proxy)`,
        ],
        related: [{ span: locate(["attendance"], "key"), message: "the attendance list" }],
      }),
    );
  });
  return found;
}
