import type { Member, Seat, Session } from "../model/session.js";
import type { AttendanceTotals, SeatLine } from "./outcome.js";

/** The seats of the assembly in table order; without colleges, one voting seat per member. */
export function seatLines(session: Session, members: ReadonlyMap<string, Member>): SeatLine[] {
  const colleges: { name: string | undefined; votes?: boolean; seats: Seat[] }[] = session.colleges ?? [
    { name: undefined, votes: true, seats: session.members.map((m) => ({ member: m.id })) },
  ];
  const lines: SeatLine[] = [];
  colleges.forEach((college, collegeIndex) => {
    for (const seat of college.seats) {
      const member = members.get(seat.member);
      if (!member) continue; // reported by the rule `referencesAreKnown`
      const attendance = session.attendance[member.id];
      const holder = typeof attendance === "object" ? members.get(attendance.represented_by) : undefined;
      const status = typeof attendance === "object" ? "represented" : (attendance ?? "absent");
      const hasVote = seat.votes ?? college.votes ?? true;
      // A represented member's vote is cast by the holder, who must be present.
      const holderPresent = holder !== undefined && session.attendance[holder.id] === "present";
      lines.push({
        college: college.name,
        collegeIndex,
        member,
        status,
        column: status === "represented" ? "excused" : status,
        proxyHolder: holder,
        hasVote,
        voting: hasVote && (status === "present" || (status === "represented" && holderPresent)),
        voices: seat.voices ?? 1,
      });
    }
  });
  return lines;
}

/** Totals of the attendance table, counted over seats. */
export function countSeats(lines: readonly SeatLine[]): AttendanceTotals {
  let present = 0;
  let absent = 0;
  let excused = 0;
  let represented = 0;
  let voting = 0;
  let voices = 0;
  for (const line of lines) {
    if (line.column === "present") present++;
    else if (line.column === "absent") absent++;
    else excused++;
    if (line.status === "represented") represented++;
    if (line.voting) {
      voting++;
      voices += line.voices;
    }
  }
  return { seats: lines.length, present, absent, excused, represented, voting, voices };
}

/** Members by id (the first of duplicate ids wins; duplicates are reported by a rule). */
export function membersById(session: Session): Map<string, Member> {
  const map = new Map<string, Member>();
  for (const member of session.members) if (!map.has(member.id)) map.set(member.id, member);
  return map;
}
