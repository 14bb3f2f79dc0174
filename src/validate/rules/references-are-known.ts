import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg, type Message } from "../../diagnostics/message.js";
import { suggest } from "../../diagnostics/suggest.js";
import type { DataPath } from "../../model/session.js";
import { isUnknown } from "../../model/unknown-facts.js";
import type { RuleContext } from "../rule.js";

/** Every id used in the file (officers, seats, attendance, proxies, votes) names a listed member. */
export function referencesAreKnown({ session, members, locate }: RuleContext): Diagnostic[] {
  const ids = [...members.keys()];
  const found: Diagnostic[] = [];
  const check = (id: string, path: DataPath, role: Message, at: "value" | "key" = "value") => {
    if (members.has(id)) return;
    const guess = suggest(id, ids);
    found.push(
      diagnostic({
        code: "DLB3002",
        message: guess ? msg("DLB3002.guess", { role, id, guess }) : msg("DLB3002", { role, id }),
        span: locate(path, at),
        hints: [guess ? msg("DLB3002.hint.guess", { guess }) : msg("DLB3002.hint", { id })],
      }),
    );
  };
  const list = (values: readonly string[] | undefined, path: DataPath, role: Message) =>
    values?.forEach((id, i) => check(id, [...path, i], role));
  const s = session.session;
  check(s.president, ["session", "president"], msg("DLB3002.role.president"));
  list(s.secretaries, ["session", "secretaries"], msg("DLB3002.role.secretary"));
  check(s.signatory.member, ["session", "signatory", "member"], msg("DLB3002.role.signatory"));
  session.members.forEach((m, i) => {
    // `unknown`: a titulaire, holder or suppléant the record does not name (unknown-facts-are-transcribed.ts).
    if (m.suppleant_of !== undefined && !isUnknown(m.suppleant_of)) check(m.suppleant_of, ["members", i, "suppleant_of"], msg("DLB3002.role.titulaire"));
    // Code électoral L270: the replacement takes the seat, and so is listed (as in office or not).
    if (m.replaced_by !== undefined) check(m.replaced_by, ["members", i, "replaced_by"], msg("DLB3002.role.replacement"));
  });
  session.colleges?.forEach((college, c) =>
    college.seats.forEach((seat, i) => check(seat.member, ["colleges", c, "seats", i, "member"], msg("DLB3002.role.seat_holder"))),
  );
  for (const [id, attendance] of Object.entries(session.attendance)) {
    check(id, ["attendance", id], msg("DLB3002.role.member"), "key");
    if (typeof attendance === "object") {
      if (attendance.represented_by !== undefined && !isUnknown(attendance.represented_by)) {
        check(attendance.represented_by, ["attendance", id, "represented_by"], msg("DLB3002.role.proxy_holder"));
      }
      if (attendance.substituted_by !== undefined && !isUnknown(attendance.substituted_by)) {
        check(attendance.substituted_by, ["attendance", id, "substituted_by"], msg("DLB3002.role.suppleant"));
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
        message: guess ? msg("DLB3002.agenda.guess", { number, guess }) : msg("DLB3002.agenda", { number }),
        span: locate(["session", "failed_convocation", "agenda", i]),
        hints: [guess ? msg("DLB3002.hint.guess", { guess }) : msg("DLB3002.hint.agenda")],
      }),
    );
  });
  session.items?.forEach((item, i) => {
    if (item.rapporteur) check(item.rapporteur, ["items", i, "rapporteur"], msg("DLB3002.role.rapporteur"));
  });
  session.motions.forEach((motion, m) => {
    const at = (key: string): DataPath => ["motions", m, key];
    if (motion.rapporteur) check(motion.rapporteur, at("rapporteur"), msg("DLB3002.role.rapporteur"));
    if (motion.chaired_by) check(motion.chaired_by, at("chaired_by"), msg("DLB3002.role.chair"));
    if (motion.accountable) check(motion.accountable, at("accountable"), msg("DLB3002.role.accountable"));
    if (motion.signatory) check(motion.signatory.member, ["motions", m, "signatory", "member"], msg("DLB3002.role.signatory"));
    list(motion.arrivals, at("arrivals"), msg("DLB3002.role.arriving"));
    list(motion.departures, at("departures"), msg("DLB3002.role.departing"));
    list(motion.resignations, at("resignations"), msg("DLB3002.role.resigning"));
    list(motion.withdrawn, at("withdrawn"), msg("DLB3002.role.withdrawn"));
    list(motion.not_taking_part, at("not_taking_part"), msg("DLB3002.role.not_taking_part"));
    list(motion.interested, at("interested"), msg("DLB3002.role.interested"));
    list(motion.excluded_from_office, at("excluded_from_office"), msg("DLB3002.role.excluded"));
    for (const [principal, holder] of Object.entries(motion.proxies ?? {})) {
      check(principal, ["motions", m, "proxies", principal], msg("DLB3002.role.principal"), "key");
      check(holder, ["motions", m, "proxies", principal], msg("DLB3002.role.proxy_holder"));
    }
    for (const id of Object.keys(motion.vote?.by_member ?? {})) {
      check(id, ["motions", m, "vote", "by_member", id], msg("DLB3002.role.voter"), "key");
    }
    // The candidates of an election may be persons who are not members: electionIdsAreKnown checks them.
  });
  return found;
}
