import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import { memberName, type RuleContext } from "../rule.js";

/** With colleges, every titulaire holds at least one seat, and at most one per college. */
export function everyMemberHoldsASeat({ session, locate }: RuleContext): Diagnostic[] {
  if (!session.colleges) return [];
  const found: Diagnostic[] = [];
  const seated = new Set<string>();
  session.colleges.forEach((college, c) => {
    const inCollege = new Map<string, number>();
    college.seats.forEach((seat, s) => {
      seated.add(seat.member);
      const earlier = inCollege.get(seat.member);
      if (earlier === undefined) {
        inCollege.set(seat.member, s);
        return;
      }
      found.push(
        diagnostic({
          code: "DLB3005",
          message: msg("DLB3005", { id: seat.member, college: college.name }),
          span: locate(["colleges", c, "seats", s, "member"]),
          hints: [msg("DLB3005.hint")],
          related: [{ span: locate(["colleges", c, "seats", earlier, "member"]), message: msg("DLB3005.related") }],
        }),
      );
    });
  });
  session.members.forEach((member, index) => {
    if (seated.has(member.id) || member.suppleant_of !== undefined) return;
    found.push(
      diagnostic({
        code: "DLB3004",
        message: msg("DLB3004", { name: memberName(member) }),
        span: locate(["members", index]),
        hints: [msg("DLB3004.hint", { id: member.id })],
      }),
    );
  });
  return found;
}
