import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
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
          message: `\`${seat.member}\` holds two seats in the college « ${college.name} »`,
          span: locate(["colleges", c, "seats", s, "member"]),
          hints: ["delete the repeated seat; a member may hold one seat per college"],
          related: [{ span: locate(["colleges", c, "seats", earlier, "member"]), message: "first seat here" }],
        }),
      );
    });
  });
  session.members.forEach((member, index) => {
    if (seated.has(member.id) || member.suppleant_of !== undefined) return;
    found.push(
      diagnostic({
        code: "DLB3004",
        message: `${memberName(member)} holds no seat in any college`,
        span: locate(["members", index]),
        hints: [`add \`- member: ${member.id}\` under the \`seats\` of their college`],
      }),
    );
  });
  return found;
}
