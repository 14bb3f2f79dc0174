// What the count produces: every figure a document prints, with the working behind it.
import type { SeatAccount } from "./roster.js";
import type { Ballot, Member, MemberVote, Motion, Session } from "../model/session.js";
import type { MotionPresence } from "./presence.js";
import type { RuleSet } from "./rule-set.js";
import type { ElectionRoundRule, ElectionVariant } from "../law/law.js";

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

/** A candidate: a member, or a person of the election's `people` (`member: false`). */
export interface Candidate {
  readonly id: string;
  readonly civility: Member["civility"];
  readonly first_name: string;
  readonly last_name: string;
  readonly birth_date: string | undefined;
  readonly member: boolean;
}

/** A list of candidates, as presented (its order is the order of election). */
export interface ElectionList {
  readonly id: string;
  readonly name: string | undefined;
  readonly candidates: readonly Candidate[];
  /** The suppléants it names apart (`named_on_list`). */
  readonly substitutes: readonly Candidate[];
}

/** One round as counted. */
export interface ElectionRoundOutcome {
  readonly number: number;
  readonly majority: ElectionRoundRule["majority"];
  /** Présents n’ayant pas pris part au vote, when the file gives it. */
  readonly notVoting: number | undefined;
  /** Votants: envelopes or ballots found in the urn. */
  readonly ballots: number;
  readonly blank: number;
  readonly null: number;
  /** Suffrages exprimés: ballots less blank and null ones. */
  readonly expressed: number;
  /** Votes needed in an absolute-majority round; undefined otherwise. */
  readonly needed: number | undefined;
  /** The further floor of an absolute round (a share of the members in office), when the law sets one. */
  readonly atLeast: number | undefined;
  /** Each candidate's votes, most first (ballots on names). */
  readonly candidates: readonly { readonly candidate: Candidate; readonly votes: number }[];
  /** Each list's votes, most first (list ballots). */
  readonly lists: readonly { readonly list: ElectionList; readonly votes: number }[];
  /** Who this round elected, in the order of election. */
  readonly elected: readonly Candidate[];
  /** Of them, those elected by the tie rule. */
  readonly byTie: readonly Candidate[];
  /** The list this round elected, at a majority list ballot. */
  readonly electedList: ElectionList | undefined;
  /** Candidates tied for the last seats when the tie rule could not decide (a birth date missing): those seats stay unfilled. */
  readonly tied: readonly Candidate[];
  /** Lists tied at a majority list ballot when the tie rule could not decide. */
  readonly tiedLists: readonly ElectionList[];
}

/** One seat given at a proportional allocation, with the working. */
export interface AllocationStep {
  readonly seat: number;
  readonly list: ElectionList;
  /** highest_remainder: "quota" (a whole quotient) or "remainder"; highest_average: "average". */
  readonly by: "quota" | "remainder" | "average";
  /** The list's average (votes / (seats + 1)), its quotient (votes / quota) or its remainder, as an exact fraction. */
  readonly value: { readonly numerator: number; readonly denominator: number } | undefined;
  /** How a tie on `value` was broken, when there was one (average_age: list_highest_average_age). */
  readonly tie: "most_votes" | "eldest" | "average_age" | undefined;
  /** The candidate who takes the seat: the list's next one. */
  readonly candidate: Candidate | undefined;
  /** Lists with the same `value` that did not take the seat, when there was a tie. */
  readonly tiedWith: readonly ElectionList[];
}

/** The seats shared between the lists by proportional representation. */
export interface SeatAllocation {
  readonly method: "highest_average" | "highest_remainder";
  readonly seats: number;
  /** The quotient électoral (exprimés / seats), at the highest remainder. */
  readonly quota: { readonly numerator: number; readonly denominator: number } | undefined;
  readonly lists: readonly {
    readonly list: ElectionList;
    readonly votes: number;
    readonly seats: number;
    /** Its candidates who take its seats, in order. */
    readonly elected: readonly Candidate[];
    /** It would have taken more seats than it has candidates (incomplete list): the seats went on to others. */
    readonly full: boolean;
  }[];
  readonly steps: readonly AllocationStep[];
  /** Seats left unfilled: no list had a candidate left, or a tie the rule could not decide. */
  readonly unfilled: number;
  /** The lists tied for a seat when the tie rule could not decide (a birth date missing). */
  readonly tied: readonly ElectionList[];
}

/** One ballot (the titulaires, or the suppléants when elected apart): its rounds and who it elected. */
export interface BallotOutcome {
  /** Seats this ballot fills. */
  readonly seats: number;
  readonly rounds: readonly ElectionRoundOutcome[];
  readonly allocation: SeatAllocation | undefined;
  /** Who was elected, in order. */
  readonly elected: readonly Candidate[];
  /** Every seat was filled. */
  readonly complete: boolean;
}

export interface ElectionOutcome extends BallotOutcome {
  /** The kind (a key of law/elections.yaml) and the rule applied. */
  readonly kind: string;
  readonly rule: ElectionVariant;
  readonly post: string | undefined;
  /** The suppléants: elected apart, by a second allocation or named on the lists. */
  readonly substitutes: BallotOutcome | undefined;
  /** Why the file's kind gave no rule for this sitting (the count used a stand-in, a rule reports it). */
  readonly ruleProblem: "unknown_kind" | "not_for_body" | "population_needed" | "no_variant" | undefined;
  /** The members in office, the base of an `at_least` floor. */
  readonly inOffice: number;
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
