import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg, type Message } from "../../diagnostics/message.js";
import type { Member, Session } from "../../model/session.js";
import { outOfOffice, type OutOfOffice } from "../../tally/roster.js";
import { tallyUnder } from "../../tally/tally.js";
import { memberName, nameOf, type RuleContext } from "../rule.js";
import { firstDifference } from "./outcomes-differ.js";

const why: Record<OutOfOffice, { field: "resigned_on" | "deceased_on" | "installed_on"; article: string }> = {
  // CGCT L2121-4: the resignation is final from its receipt by the maire.
  resigned: { field: "resigned_on", article: "CGCT L2121-4" },
  deceased: { field: "deceased_on", article: "CGCT L2121-17" },
  // Code électoral L270: the replacement takes the vacant seat; the file dates it by the installation.
  not_installed: { field: "installed_on", article: "Code électoral L270" },
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
    const { field, article } = why[reason];
    const date = member[field]!;
    const listed = listedAs(session, member.id, members);
    const difference = firstDifference(outcome, tallyUnder(inOffice(session, member), outcome.rules));
    const sameDay = reason === "resigned" && date === session.session.date;
    found.push(
      diagnostic({
        code: "DLB3080",
        message: msg("DLB3080", { name: memberName(member), reason, date, sitting: session.session.date, listed }),
        span: locate(["attendance", member.id], "key"),
        hints: [
          difference
            ? msg("DLB3080.hint.difference", { number: difference.number, recorded: difference.recorded, actual: difference.actual })
            : msg("DLB3080.hint.no_difference"),
          ...(sameDay ? [msg("DLB3080.hint.same_day", { name: memberName(member) })] : []),
          transcribed ? msg("DLB3080.hint.transcribed") : msg("DLB3080.hint.remove", { id: member.id, field }),
        ],
        related: [{ span: locate(["members", index, field]), message: msg("DLB3080.related", { name: memberName(member), field }) }],
        irregularity: {
          article,
          consequence: msg("DLB3080.consequence", { name: memberName(member) }),
          couldChangeOutcome: difference !== undefined,
        },
      }),
    );
  });
  return found;
}

/** How the attendance lists a member, in words. */
function listedAs(session: Session, id: string, members: ReadonlyMap<string, Member>): Message {
  const a = session.attendance[id]!;
  if (typeof a === "string") return msg("DLB3080.listed", { status: a, holder: "" });
  if (a.represented_by !== undefined) return msg("DLB3080.listed", { status: "represented", holder: nameOf(members, a.represented_by) });
  return msg("DLB3080.listed", { status: "substituted", holder: nameOf(members, a.substituted_by!) });
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
