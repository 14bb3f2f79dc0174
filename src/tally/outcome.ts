// What the count produces: every figure a document prints, with the working behind it.
import type { SeatAccount } from "./roster.js";
import type { Ballot, Member, MemberVote, Motion, Session } from "../model/session.js";
import type { MotionPresence } from "./presence.js";
import type { RuleSet } from "./rule-set.js";

/**
 * One step of a computation, in data: `key` names a sentence of the catalogue
 * (locales/fr.json, and en.json for `delib explain`: `explain.*`), `values` fill it, `source` cites the rule applied.
 * Documents and `delib explain` print the same steps, so what is printed is what was computed.
 */
export interface Step {
  readonly key: string;
  readonly values: Readonly<Record<string, string | number>>;
  readonly source?: string;
}

/** Where a seat's box is ticked in the attendance table. */
export type AttendanceColumn = "present" | "absent" | "excused";

/** Why a seat's row carries a remark for this motion. */
export type SeatNote = "withdrawn" | "interested" | "excluded" | "left" | "arrived" | "suppleant" | "proxy_unused";

/** One row of the attendance table: one seat and how it was held for the motion. */
export interface SeatLine {
  /** College name; undefined for an assembly without colleges. */
  readonly college: string | undefined;
  readonly collegeIndex: number;
  /** The titulaire of the seat. */
  readonly member: Member;
  /** Who sat in it: the titulaire, or their suppléant. */
  readonly sitting: Member;
  readonly column: AttendanceColumn;
  /** The member who holds this member's proxy, when represented and the proxy is used. */
  readonly proxyHolder: Member | undefined;
  readonly note: SeatNote | undefined;
  /** The seat carries the right to vote. */
  readonly hasVote: boolean;
  /** The seat's vote is cast, in person or by proxy (the « Votant » box). */
  readonly voting: boolean;
  /** Voices this seat casts for the motion (one for a proxy when the statutes say so). */
  readonly voices: number;
  /** Voices the seat carries by the statutes, whoever casts them. */
  readonly seatVoices: number;
  /** The seat votes by the statutes, whatever this motion restricts (L5212-16). */
  readonly seatVotes: boolean;
  /** The holder of a proxy that is not cast for this motion (holder away or not voting, or irregular). */
  readonly lapsedProxyHolder: Member | undefined;
}

export interface AttendanceTotals {
  readonly seats: number;
  readonly present: number;
  readonly absent: number;
  readonly excused: number;
  /** Seats whose holder gave a proxy that is used (also counted in `excused`). */
  readonly represented: number;
  /** Seats whose vote is cast. */
  readonly voting: number;
  /** Voices those seats cast. */
  readonly voices: number;
}

export interface CollegeTotals extends AttendanceTotals {
  readonly college: string;
}

export interface AttendanceOutcome {
  readonly lines: readonly SeatLine[];
  readonly totals: AttendanceTotals;
  /** Totals per college, for assemblies with colleges (statutes may count by college). */
  readonly colleges: readonly CollegeTotals[];
}

export interface QuorumOutcome {
  /** Members (or voices) in office for the motion. */
  readonly inOffice: number;
  /** Members (or voices) counted towards the quorum, per `counts`. */
  readonly counted: number;
  readonly counts: "present" | "present_or_represented" | "voices";
  /** The minimum; 0 when the quorum does not apply. */
  readonly required: number;
  readonly met: boolean;
  /** Why no quorum was required, when none was. */
  readonly exemption: "second_convocation" | "meeting_of_right" | undefined;
  /** The text applied, e.g. "CGCT L2121-17". */
  readonly source: string;
  readonly steps: readonly Step[];
}

export type MajorityKind = "absolute" | "qualified" | "compte_administratif";

export interface VoteOutcome {
  readonly ballot: Ballot;
  readonly for: number;
  readonly against: number;
  readonly abstentions: number;
  readonly blank: number;
  readonly null: number;
  /** Suffrages exprimés: for + against. */
  readonly expressed: number;
  /** Voices that could be cast (present or validly represented voting seats). */
  readonly voters: number;
  /** Every voice that could be cast was cast for. */
  readonly unanimous: boolean;
  readonly majority: {
    readonly kind: MajorityKind;
    /** Voices for needed to adopt (for the compte administratif: voices against needed to reject). */
    readonly needed: number;
    readonly ratio: string | undefined;
    readonly of: "expressed" | "in_office" | undefined;
    readonly source: string;
  };
  /** for = against > 0. */
  readonly tie: boolean;
  /** What decided the result when the count alone did not. */
  readonly decidedBy: "casting_vote" | "compte_administratif_tie" | undefined;
  /** The chair's own vote, when known (it decides a tie on a public ballot). */
  readonly presidentVote: MemberVote | undefined;
  /** Names by direction, for a vote recorded member by member. */
  readonly names: { readonly for: Member[]; readonly against: Member[]; readonly abstention: Member[]; readonly not_voting: Member[] } | undefined;
  /** The voices in office for this motion, the base of a majority of the members in office. */
  readonly inOfficeVoices: number;
  readonly adopted: boolean;
  readonly steps: readonly Step[];
}

export interface ElectionRoundOutcome {
  readonly number: number;
  readonly ballots: number;
  readonly blank: number;
  readonly null: number;
  readonly expressed: number;
  /** Votes needed in rounds 1 and 2 (absolute majority); undefined in round 3 (relative). */
  readonly needed: number | undefined;
  readonly candidates: readonly { readonly member: Member; readonly votes: number }[];
  readonly elected: Member | undefined;
  /** The elected candidate tied and was elected as the eldest. */
  readonly byAge: boolean;
}

export interface ElectionOutcome {
  readonly post: string | undefined;
  readonly rounds: readonly ElectionRoundOutcome[];
  readonly elected: Member | undefined;
  readonly voters: number;
  readonly steps: readonly Step[];
}

/** The motion's fate: a normal result of the count, printed on the documents. */
export type MotionResult = "adopted" | "rejected" | "no_quorum" | "elected" | "not_elected";

export interface MotionOutcome {
  readonly motion: Motion;
  readonly index: number;
  /** Who presided over this motion. */
  readonly chair: Member;
  readonly attendance: AttendanceOutcome;
  readonly quorum: QuorumOutcome;
  readonly vote: VoteOutcome | undefined;
  readonly election: ElectionOutcome | undefined;
  readonly result: MotionResult;
}

export interface Outcome {
  readonly session: Session;
  readonly rules: RuleSet;
  readonly members: ReadonlyMap<string, Member>;
  readonly motions: readonly MotionOutcome[];
  /** Who is there for each motion, computed once: the rules, explain and the export read it. */
  readonly presence: readonly MotionPresence[];
  /** The assembly's seats against the members listed: vacant, missing from the list, too many (tally/roster.ts). */
  readonly seats: SeatAccount;
}
