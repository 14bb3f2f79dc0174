// What the count produces: every figure a document prints, with the working behind it.
import type { AttendanceStatus, Member, Motion, Session } from "../model/session.js";

/** An article of law a computation applies, e.g. { code: "CGCT", article: "L2121-17" }. */
export interface LegalReference {
  readonly code: "CGCT";
  readonly article: string;
}

/**
 * One step of a computation, in data: `key` names a sentence of the catalogue
 * (locales/fr.json, `explain.*`), `values` fill it. Documents and `delib explain`
 * print the same steps, so what is printed is what was computed.
 */
export interface Step {
  readonly key: string;
  readonly values: Readonly<Record<string, string | number>>;
  readonly reference?: LegalReference;
}

/** Where a seat's box is ticked in the attendance table. */
export type AttendanceColumn = "present" | "absent" | "excused";

/** One row of the attendance table: one seat and how it was held for the motion. */
export interface SeatLine {
  /** College name; undefined for an assembly without colleges. */
  readonly college: string | undefined;
  readonly collegeIndex: number;
  readonly member: Member;
  readonly status: AttendanceStatus | "represented";
  readonly column: AttendanceColumn;
  /** The member who holds this member's proxy, when represented. */
  readonly proxyHolder: Member | undefined;
  /** The seat carries the right to vote. */
  readonly hasVote: boolean;
  /** The seat's vote is cast, in person or by proxy (the « Votant » box). */
  readonly voting: boolean;
  readonly voices: number;
}

export interface AttendanceTotals {
  readonly seats: number;
  readonly present: number;
  readonly absent: number;
  readonly excused: number;
  /** Seats whose holder gave a proxy (also counted in `excused`). */
  readonly represented: number;
  /** Seats whose vote is cast. */
  readonly voting: number;
  /** Voices those seats carry. */
  readonly voices: number;
}

export interface AttendanceOutcome {
  readonly lines: readonly SeatLine[];
  readonly totals: AttendanceTotals;
}

export interface QuorumOutcome {
  /** Seats in office for the motion. */
  readonly inOffice: number;
  /** Seats whose holder is physically present (proxies never count, CGCT L2121-17). */
  readonly present: number;
  /** The minimum present; 0 when the quorum does not apply. */
  readonly required: number;
  readonly met: boolean;
  /** Why no quorum was required, when none was. */
  readonly exemption: "second_convocation" | undefined;
  readonly steps: readonly Step[];
}

export interface VoteOutcome {
  readonly for: number;
  readonly against: number;
  readonly abstentions: number;
  /** Suffrages exprimés: for + against. */
  readonly expressed: number;
  /** Voices that could be cast (present or represented voting seats). */
  readonly voters: number;
  /** Every voice cast was for. */
  readonly unanimous: boolean;
  /** Voices for needed to adopt. */
  readonly needed: number;
  readonly steps: readonly Step[];
}

/** The motion's fate: a normal result of the count, printed on the documents. */
export type MotionResult = "adopted" | "rejected" | "no_quorum";

export interface MotionOutcome {
  readonly motion: Motion;
  readonly attendance: AttendanceOutcome;
  readonly quorum: QuorumOutcome;
  readonly vote: VoteOutcome;
  readonly result: MotionResult;
}

export interface Outcome {
  readonly session: Session;
  readonly members: ReadonlyMap<string, Member>;
  readonly motions: readonly MotionOutcome[];
}
