import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Member, Session } from "../../model/session.js";
import { outOfOffice, type OutOfOffice } from "../../tally/roster.js";
import { tallyUnder } from "../../tally/tally.js";
import { memberName, nameOf, type RuleContext } from "../rule.js";
import { firstDifference } from "./outcomes-differ.js";

const why: Record<OutOfOffice, { field: "resigned_on" | "deceased_on" | "installed_on"; text: string; article: string }> = {
  // CGCT L2121-4: the resignation is final from its receipt by the maire.
  resigned: { field: "resigned_on", text: "resigned on", article: "CGCT L2121-4" },
  deceased: { field: "deceased_on", text: "died on", article: "CGCT L2121-17" },
  // Code électoral L270: the replacement takes the vacant seat; the file dates it by the installation.
  not_installed: { field: "installed_on", text: "is installed only on", article: "Code électoral L270" },
};

/**
 * A member out of office on the sitting's date (resigned or deceased on or before it, installed
 * after it: tally/roster.ts) needs no attendance line and is not counted. A file that still gives
 * one lists them as the record printed them: in office, present or absent. That is an irregular
 * fact (a finding in a transcribed record, an error in a sitting being prepared): delib counts
 * the member out of office, and says whether counting them as the record did changes a quorum or
 * a result. A member who resigns during the sitting (`resigned_on` the sitting's date, listed
 * under a motion's `resignations`) is in office at the opening and is not concerned.
 */
export function onlyMembersInOfficeSit({ session, members, outcome, locate, transcribed }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  session.members.forEach((member, index) => {
    if (member.suppleant_of !== undefined || !Object.hasOwn(session.attendance, member.id)) return;
    const reason = outOfOffice(member, session);
    if (reason === undefined) return;
    const { field, text, article } = why[reason];
    const date = member[field]!;
    const listed = listedAs(session, member.id, members);
    const difference = firstDifference(outcome, tallyUnder(inOffice(session, member), outcome.rules));
    const sameDay = reason === "resigned" && date === session.session.date;
    found.push(
      diagnostic({
        code: "DLB3080",
        message: `${memberName(member)} ${text} ${date}, so is not in office on ${session.session.date}, but is listed as ${listed}`,
        span: locate(["attendance", member.id], "key"),
        hints: [
          difference
            ? `counted in office as listed, ${difference.number} would be ${difference.recorded}, where delib finds it ${difference.actual}`
            : "counted in office as listed, no quorum and no result of the sitting would change",
          ...(sameDay ? [`if ${memberName(member)} resigned during the sitting, list them under the \`resignations\` of the motion before which they left`] : []),
          transcribed
            ? "the record is transcribed as printed: the line stays as given, the member is not counted, and it is listed as a finding"
            : `a member out of office has no attendance line: remove \`${member.id}\` from \`attendance\` (count the seat in \`session.vacant_seats\` unless a replacement holds it), or correct \`${field}\``,
        ],
        related: [{ span: locate(["members", index, field]), message: `${memberName(member)}'s ${field}` }],
        irregularity: {
          article,
          consequence: `${memberName(member)} is not counted among the members in office, the présents or the voters`,
          couldChangeOutcome: difference !== undefined,
        },
      }),
    );
  });
  return found;
}

/** How the attendance lists a member, in words. */
function listedAs(session: Session, id: string, members: ReadonlyMap<string, Member>): string {
  const a = session.attendance[id]!;
  if (typeof a === "string") return a;
  if (a.represented_by !== undefined) return `represented by ${nameOf(members, a.represented_by)}`;
  return `replaced by the suppléant ${nameOf(members, a.substituted_by!)}`;
}

/** The session as the record had it: the member in office. */
function inOffice(session: Session, member: Member): Session {
  return {
    ...session,
    members: session.members.map((m) =>
      m === member ? { ...m, resigned_on: undefined, deceased_on: undefined, installed_on: undefined } : m,
    ),
  };
}
