import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { suggest } from "../../diagnostics/suggest.js";
import type { DataPath } from "../../model/session.js";
import type { RuleContext } from "../rule.js";

/** Every id used in the file (officers, seats, attendance, proxies, votes, candidates) names a listed member. */
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
  const list = (values: readonly string[] | undefined, path: DataPath, role: string) =>
    values?.forEach((id, i) => check(id, [...path, i], role));
  const s = session.session;
  check(s.president, ["session", "president"], "the president");
  list(s.secretaries, ["session", "secretaries"], "the secretary");
  check(s.signatory.member, ["session", "signatory", "member"], "the signatory");
  session.members.forEach((m, i) => {
    if (m.suppleant_of !== undefined) check(m.suppleant_of, ["members", i, "suppleant_of"], "the titulaire");
    // Code électoral L270: the replacement takes the seat, and so is listed (as in office or not).
    if (m.replaced_by !== undefined) check(m.replaced_by, ["members", i, "replaced_by"], "the replacement");
  });
  session.colleges?.forEach((college, c) =>
    college.seats.forEach((seat, i) => check(seat.member, ["colleges", c, "seats", i, "member"], "the seat holder")),
  );
  for (const [id, attendance] of Object.entries(session.attendance)) {
    check(id, ["attendance", id], "the member", "key");
    if (typeof attendance === "object") {
      if (attendance.represented_by !== undefined) {
        check(attendance.represented_by, ["attendance", id, "represented_by"], "the proxy holder");
      }
      if (attendance.substituted_by !== undefined) {
        check(attendance.substituted_by, ["attendance", id, "substituted_by"], "the suppléant");
      }
    }
  }
  const numbers = session.motions.map((m) => m.number);
  s.failed_convocation?.agenda?.forEach((number, i) => {
    if (numbers.includes(number)) return;
    const guess = suggest(number, numbers);
    found.push(
      diagnostic({
        code: "DLB3002",
        message: `the motion \`${number}\` of the failed agenda is not a motion of this file${guess ? `, did you mean \`${guess}\`?` : ""}`,
        span: locate(["session", "failed_convocation", "agenda", i]),
        hints: [guess ? `write \`${guess}\`` : "list the numbers of this sitting's motions that were on the failed sitting's agenda"],
      }),
    );
  });
  session.items?.forEach((item, i) => {
    if (item.rapporteur) check(item.rapporteur, ["items", i, "rapporteur"], "the rapporteur");
  });
  session.motions.forEach((motion, m) => {
    const at = (key: string): DataPath => ["motions", m, key];
    if (motion.rapporteur) check(motion.rapporteur, at("rapporteur"), "the rapporteur");
    if (motion.chaired_by) check(motion.chaired_by, at("chaired_by"), "the chair");
    if (motion.accountable) check(motion.accountable, at("accountable"), "the accountable executive");
    if (motion.signatory) check(motion.signatory.member, ["motions", m, "signatory", "member"], "the signatory");
    list(motion.arrivals, at("arrivals"), "the arriving member");
    list(motion.departures, at("departures"), "the departing member");
    list(motion.resignations, at("resignations"), "the resigning member");
    list(motion.withdrawn, at("withdrawn"), "the withdrawn member");
    list(motion.not_taking_part, at("not_taking_part"), "the member not taking part");
    list(motion.interested, at("interested"), "the interested member");
    list(motion.excluded_from_office, at("excluded_from_office"), "the excluded member");
    for (const [principal, holder] of Object.entries(motion.proxies ?? {})) {
      check(principal, ["motions", m, "proxies", principal], "the member giving a proxy", "key");
      check(holder, ["motions", m, "proxies", principal], "the proxy holder");
    }
    for (const id of Object.keys(motion.vote?.by_member ?? {})) {
      check(id, ["motions", m, "vote", "by_member", id], "the voter", "key");
    }
    motion.election?.rounds.forEach((round, r) => {
      for (const id of Object.keys(round.candidates)) {
        check(id, ["motions", m, "election", "rounds", r, "candidates", id], "the candidate", "key");
      }
    });
  });
  return found;
}
