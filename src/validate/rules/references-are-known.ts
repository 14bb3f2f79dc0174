import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { suggest } from "../../diagnostics/suggest.js";
import type { DataPath } from "../../model/session.js";
import type { RuleContext } from "../rule.js";

/** Every id used in the file (president, seats, attendance, proxies, signatories) names a listed member. */
export function referencesAreKnown({ session, members, locate }: RuleContext): Diagnostic[] {
  const ids = [...members.keys()];
  const found: Diagnostic[] = [];
  const check = (id: string, path: DataPath, role: string, at: "value" | "key" = "value") => {
    if (members.has(id)) return;
    const guess = suggest(id, ids);
    found.push(
      diagnostic({
        code: "DLB3002",
        message: guess
          ? `${role} \`${id}\` is not in \`members\`, did you mean \`${guess}\`?`
          : `${role} \`${id}\` is not in \`members\``,
        span: locate(path, at),
        hints: [guess ? `write \`${guess}\`` : `add the member to \`members\` with \`id: ${id}\`, or correct the id`],
      }),
    );
  };
  const s = session.session;
  check(s.president, ["session", "president"], "the president");
  s.secretaries?.forEach((id, i) => check(id, ["session", "secretaries", i], "the secretary"));
  check(s.signatory.member, ["session", "signatory", "member"], "the signatory");
  session.colleges?.forEach((college, c) =>
    college.seats.forEach((seat, i) => check(seat.member, ["colleges", c, "seats", i, "member"], "the seat holder")),
  );
  for (const [id, attendance] of Object.entries(session.attendance)) {
    check(id, ["attendance", id], "the member", "key");
    if (typeof attendance === "object") {
      check(attendance.represented_by, ["attendance", id, "represented_by"], "the proxy holder");
    }
  }
  session.motions.forEach((motion, m) => {
    if (motion.rapporteur) check(motion.rapporteur, ["motions", m, "rapporteur"], "the rapporteur");
    if (motion.signatory) check(motion.signatory.member, ["motions", m, "signatory", "member"], "the signatory");
  });
  return found;
}
