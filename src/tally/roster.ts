// The roster of the body on the sitting's date: who of the members listed is in office, and
// how the seats of the assembly are accounted for (issue 10, item 2). Pure.
import type { Member, Session } from "../model/session.js";

/** Why a listed member is not in office on the sitting's date. */
export type OutOfOffice = "resigned" | "deceased" | "not_installed";

/**
 * Why `member` is not in office at the opening of the sitting, or undefined when in office.
 * A resignation takes effect when the maire receives it (CGCT L2121-4), so from `resigned_on`
 * on, the member is out of office, as from `deceased_on`; a replacement (Code électoral L270)
 * is in office from `installed_on`, that day included. The one exception: a member who resigns
 * during the sitting (`resigned_on` the sitting's date and listed under a motion's
 * `resignations`) is in office at the opening and leaves office at that motion.
 */
export function outOfOffice(member: Member, session: Session): OutOfOffice | undefined {
  const date = session.session.date;
  if (member.installed_on !== undefined && member.installed_on > date) return "not_installed";
  if (member.deceased_on !== undefined && member.deceased_on <= date) return "deceased";
  if (member.resigned_on !== undefined) {
    if (member.resigned_on < date) return "resigned";
    if (member.resigned_on === date && !resignsDuringTheSitting(member.id, session)) return "resigned";
  }
  return undefined;
}

/** The member is listed under a motion's `resignations`. */
function resignsDuringTheSitting(id: string, session: Session): boolean {
  return session.motions.some((m) => m.resignations?.includes(id) ?? false);
}

/** A titulaire in office at the opening (a suppléant holds no seat of their own). */
export function inOfficeAtOpening(member: Member, session: Session): boolean {
  return member.suppleant_of === undefined && outOfOffice(member, session) === undefined;
}

/** How the seats of the assembly are accounted for at the opening of the sitting. */
export interface SeatAccount {
  /** The seats of the assembly (« effectif légal »), when the file gives them (`body.seats`). */
  readonly seats: number | undefined;
  /** Seats vacant on the day (`session.vacant_seats`). */
  readonly vacant: number;
  /** Seats held by members listed and in office at the opening. */
  readonly listed: number;
  /** Seats in office that no listed member holds: seats − vacant − listed, when positive. */
  readonly missing: number;
  /** Seats listed beyond the seats of the assembly: listed + vacant − seats, when positive. */
  readonly surplus: number;
}

/**
 * The seats of the assembly against the members listed in office (CGCT L2121-2 sets the number
 * of seats of a municipal council; a statute or the body's `seats` that of another assembly).
 * `holders` are the members of the seats in table order (one per seat; a member may hold seats
 * in several colleges).
 */
export function seatAccount(session: Session, holders: readonly string[]): SeatAccount {
  const byId = new Map<string, Member>();
  for (const member of session.members) if (!byId.has(member.id)) byId.set(member.id, member);
  const listed = holders.filter((id) => {
    const member = byId.get(id);
    return member !== undefined && inOfficeAtOpening(member, session);
  }).length;
  const seats = session.body.seats;
  const vacant = session.session.vacant_seats ?? 0;
  if (seats === undefined) return { seats, vacant, listed, missing: 0, surplus: 0 };
  return { seats, vacant, listed, missing: Math.max(0, seats - vacant - listed), surplus: Math.max(0, listed + vacant - seats) };
}
