import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { listOf, msg } from "../../diagnostics/message.js";
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
        message: msg("DLB3043", { name: nameOf(members, member.id) }),
        span: locate(["members", i, "suppleant_of"]),
        hints: [msg("DLB3043.hint")],
        related: seats.map((span) => ({ span, message: msg("DLB3043.related") })),
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
          message: msg("DLB3042", { body: outcome.rules.body.label }),
          span: here,
          hints: [msg("DLB3042.hint", { example: "`{ represented_by: ID }`" })],
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
          message: msg("DLB3041", { suppleant: nameOf(members, attendance.substituted_by), titulaire: nameOf(members, id) }),
          span: here,
          hints: [
            own.length > 0
              ? msg("DLB3041.hint.own", { titulaire: nameOf(members, id), suppleants: listOf(own.map((m) => `${nameOf(members, m.id)} (\`${m.id}\`)`), "disjunction") })
              : msg("DLB3041.hint.none", { titulaire: nameOf(members, id), id }),
            msg("DLB3041.hint", { article: suppleants }),
          ],
        }),
      );
    }
  }
  return found;
}
