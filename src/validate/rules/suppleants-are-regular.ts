import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { nameOf, type RuleContext } from "../rule.js";

/**
 * A suppléant sits only for their own titulaire, in a body that has suppléants (`suppleants`
 * in law/bodies.yaml: EPCI L5211-6, syndicats L5212-7, statutes of a syndicat mixte), and
 * holds no seat of their own.
 */
export function suppleantsAreRegular({ session, members, outcome, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const seatHolders = new Set(session.colleges?.flatMap((c) => c.seats.map((s) => s.member)) ?? []);
  session.members.forEach((member, i) => {
    if (member.suppleant_of === undefined || !seatHolders.has(member.id)) return;
    const seats = (session.colleges ?? []).flatMap((college, c) =>
      college.seats.flatMap((seat, s) => (seat.member === member.id ? [locate(["colleges", c, "seats", s, "member"])] : [])),
    );
    found.push(
      diagnostic({
        code: "DLB3043",
        message: `${nameOf(members, member.id)} is a suppléant but also holds a seat`,
        span: locate(["members", i, "suppleant_of"]),
        hints: ["a suppléant sits in the titulaire's seat: remove their own seat, or `suppleant_of`"],
        related: seats.map((span) => ({ span, message: "the seat" })),
      }),
    );
  });
  for (const [id, attendance] of Object.entries(session.attendance)) {
    if (typeof attendance !== "object" || attendance.substituted_by === undefined) continue;
    const here = locate(["attendance", id, "substituted_by"]);
    const suppleants = outcome.rules.body.suppleants;
    if (suppleants === undefined) {
      found.push(
        diagnostic({
          code: "DLB3042",
          message: `a ${outcome.rules.body.label} has no suppléants`,
          span: here,
          hints: ["suppléants sit in EPCI (CGCT L5211-6), syndicats (L5212-7) and syndicats mixtes whose statutes provide them; otherwise the member gives a proxy: `{ represented_by: ID }`"],
        }),
      );
      continue;
    }
    const suppleant = members.get(attendance.substituted_by);
    if (suppleant && suppleant.suppleant_of !== id) {
      const own = session.members.filter((m) => m.suppleant_of === id);
      found.push(
        diagnostic({
          code: "DLB3041",
          message: `${nameOf(members, attendance.substituted_by)} is not the suppléant of ${nameOf(members, id)}`,
          span: here,
          hints: [
            own.length > 0
              ? `${nameOf(members, id)}'s suppléant is ${own.map((m) => `${nameOf(members, m.id)} (\`${m.id}\`)`).join(" or ")}`
              : `${nameOf(members, id)} has no suppléant in \`members\`: add one with \`suppleant_of: ${id}\``,
            `a suppléant sits only for their own titulaire (${suppleants})`,
          ],
        }),
      );
    }
  }
  return found;
}
