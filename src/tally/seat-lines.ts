import type { Member, Seat, Session } from "../model/session.js";
import { isUnknown, UNNAMED, unnamedMember } from "../model/unknown-facts.js";
import type { AttendanceColumn, AttendanceTotals, CollegeTotals, SeatLine, SeatNote } from "./outcome.js";
import { seatIsHeldInPerson, type MotionPresence } from "./presence.js";
import type { RuleSet } from "./rule-set.js";

/** A seat of the assembly, in table order; without colleges, one voting seat per titulaire. */
export interface SeatDefinition {
  readonly college: string | undefined;
  readonly collegeIndex: number;
  readonly member: string;
  readonly hasVote: boolean;
  readonly voices: number;
}

/** The seats as the file defines them. */
export function seats(session: Session): SeatDefinition[] {
  const colleges: { name: string | undefined; votes?: boolean; seats: Seat[] }[] = session.colleges ?? [
    {
      name: undefined,
      votes: true,
      seats: session.members.filter((m) => m.suppleant_of === undefined).map((m) => ({ member: m.id })),
    },
  ];
  return colleges.flatMap((college, collegeIndex) =>
    college.seats.map((seat) => ({
      college: college.name,
      collegeIndex,
      member: seat.member,
      hasVote: seat.votes ?? college.votes ?? true,
      voices: seat.voices ?? 1,
    })),
  );
}

/**
 * The rows of the attendance table for one motion: one per seat whose holder is in office
 * (members out of office at the sitting's date, or who resigned before this motion, have no
 * row: their seat is vacant).
 */
export function seatLines(
  definitions: readonly SeatDefinition[],
  presence: MotionPresence,
  members: ReadonlyMap<string, Member>,
  rules: RuleSet,
): SeatLine[] {
  const usedProxies = new Map(presence.proxies.filter((p) => p.defect === undefined).map((p) => [p.principal, p.holder]));
  const lines: SeatLine[] = [];
  for (const seat of definitions) {
    const state = presence.members.get(seat.member);
    const member = members.get(seat.member);
    if (!state || !member || !state.inOffice) continue; // unknown ids are reported; resigned seats are vacant
    const inPerson = seatIsHeldInPerson(state);
    const holderId = usedProxies.get(state.id);
    // A member in the room but out of this motion (withdrawn, interested) is not present for it.
    const column: AttendanceColumn = inPerson
      ? "present"
      : state.status === "excused" || state.status === "represented"
        ? "excused"
        : "absent";
    const note: SeatNote | undefined = state.interested
      ? "interested"
      : state.excluded
        ? "excluded"
        : state.withdrawn
          ? "withdrawn"
          : state.left
            ? "left"
            : state.status === "substituted"
              ? "suppleant"
              : state.status === "represented" && holderId === undefined
                ? "proxy_unused"
                : presence.motion.arrivals?.includes(state.id)
                  ? "arrived"
                  : undefined;
    const sitting =
      state.status === "substituted" && state.suppleant ? (state.suppleant === UNNAMED ? unnamedMember : (members.get(state.suppleant) ?? member)) : member;
    // CGCT L5212-16: on a matter of some communes only, only their delegates vote.
    const restricted = presence.motion.voting_colleges;
    const hasVote = seat.hasVote && (restricted === undefined || (seat.college !== undefined && restricted.includes(seat.college)));
    // « Ne prend pas part au vote »: the member (or the suppléant in the seat) stays counted
    // present but casts no vote; nor does the proxy they hold, nor a holder for a principal
    // listed as not taking part.
    const proxyVotes = holderId !== undefined && !(presence.members.get(holderId)?.notTakingPart ?? false);
    const voting = hasVote && !state.notTakingPart && (inPerson || proxyVotes);
    lines.push({
      college: seat.college,
      collegeIndex: seat.collegeIndex,
      member,
      sitting,
      column,
      proxyHolder: holderId === UNNAMED ? unnamedMember : holderId !== undefined ? members.get(holderId) : undefined,
      note,
      hasVote,
      voting,
      // CGCT L5721-2: the statutes may say a proxy carries one voice, not the principal's.
      voices: voting && !inPerson && !rules.proxyCarriesVoices ? 1 : seat.voices,
      seatVoices: seat.voices,
      seatVotes: seat.hasVote,
      lapsedProxyHolder: state.status === "represented" && holderId === undefined && state.holder ? members.get(state.holder) : undefined,
    });
  }
  lines.push(...unseatedSuppleants(presence, members));
  return lines;
}

/**
 * The suppléants in the room for this motion whose titulaire the record does not name
 * (`suppleant_of: unknown`): one row each, present and voting with one voice, after the seats.
 * Which seat they held the record does not say, so the titulaires stay as it lists them; the
 * row is no seat of its own (`isUnseatedSuppleant`: not counted among the seats or in office),
 * and the absent and excused figures depend on it (tally/unknown-dependencies.ts).
 */
function unseatedSuppleants(presence: MotionPresence, members: ReadonlyMap<string, Member>): SeatLine[] {
  const lines: SeatLine[] = [];
  for (const member of members.values()) {
    if (!isUnknown(member.suppleant_of)) continue;
    const state = presence.members.get(member.id);
    if (!state || state.status !== "present" || state.withdrawn || state.interested) continue;
    const restricted = presence.motion.voting_colleges;
    const hasVote = restricted === undefined;
    lines.push({
      college: undefined,
      collegeIndex: -1,
      member,
      sitting: member,
      column: "present",
      proxyHolder: undefined,
      note: "suppleant",
      hasVote,
      voting: hasVote && !state.notTakingPart,
      voices: 1,
      seatVoices: 1,
      seatVotes: true,
      lapsedProxyHolder: undefined,
    });
  }
  return lines;
}

/** A row of a suppléant whose titulaire the record does not name: no seat of its own. */
export function isUnseatedSuppleant(line: Pick<SeatLine, "member">): boolean {
  return isUnknown(line.member.suppleant_of);
}

/**
 * Totals of the attendance table, counted over seats. `missing` seats in office that no listed
 * member holds (tally/roster.ts) count among the seats and the absent: the figures are those of
 * the assembly, not of the list.
 */
export function countSeats(lines: readonly SeatLine[], missing = 0): AttendanceTotals {
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
    if (line.proxyHolder) represented++;
    if (line.voting) {
      voting++;
      voices += line.voices;
    }
  }
  const unseated = lines.filter(isUnseatedSuppleant).length;
  return { seats: lines.length - unseated + missing, present, absent: absent + missing, excused, represented, voting, voices };
}

/** Totals per college, in table order. */
export function countColleges(lines: readonly SeatLine[]): CollegeTotals[] {
  const groups = new Map<number, SeatLine[]>();
  for (const line of lines) {
    if (line.college === undefined) continue;
    groups.set(line.collegeIndex, [...(groups.get(line.collegeIndex) ?? []), line]);
  }
  return [...groups.values()].map((group) => ({ college: group[0]!.college!, ...countSeats(group) }));
}

/** Members by id (the first of duplicate ids wins; duplicates are reported by a rule). */
export function membersById(session: Session): Map<string, Member> {
  const map = new Map<string, Member>();
  for (const member of session.members) if (!map.has(member.id)) map.set(member.id, member);
  return map;
}
