// The rule sets delib applies, as read from law/*.yaml: data a lawyer can read and check, each
// value beside its citation. schemas/law.schema.json describes the same shapes.
import type { QuorumCounts, RegimeId } from "../model/session.js";

/** A citation: « CGCT L2121-17 », « CGCT L2121-17 par renvoi de l'art. L5211-1 », « statuts ». */
export type Citation = string;

export interface QuorumRule {
  /** "1/2", "1/3" */
  readonly fraction: string;
  /** true: floor(n × fraction) + 1; false: ceil(n × fraction). */
  readonly strict: boolean;
  readonly counts: QuorumCounts;
  /** For the election of the maire and adjoints, when it counts otherwise (ordonnance 2020-562). */
  readonly elections_count?: QuorumCounts;
  /** The article that sets it, e.g. "CGCT L2121-17". */
  readonly source?: Citation;
}

export interface Regime {
  readonly id: RegimeId;
  readonly label: string;
  /** The first and last days of a sanitary regime; both absent for the common law. */
  readonly from?: string;
  readonly to?: string;
  readonly quorum: QuorumRule;
  readonly proxies_per_holder: number;
  readonly sources: readonly Citation[];
}

/** How long before the sitting the convocation is sent: clear days (jours francs) or days. */
export type Delay = ({ readonly clear_days: number; readonly days?: undefined } | { readonly days: number; readonly clear_days?: undefined }) & {
  readonly source: Citation;
};

export interface ConvocationRule {
  /** Tried in order: the first whose `below_population` the body is under applies. */
  readonly delays: readonly (Delay & { readonly below_population?: number })[];
  readonly urgency?: Delay;
}

export type SecondConvocationRule =
  | { readonly kind: "new_convocation"; readonly clear_days: number; readonly source: Citation }
  | { readonly kind: "meeting_of_right"; readonly days: number; readonly source: Citation };

export type ProxyValidity =
  | { readonly lasts: "sittings"; readonly sittings: number; readonly source: Citation }
  | { readonly lasts: "meeting"; readonly source: Citation };

/** The rules of one kind of body (law/bodies.yaml). */
export interface BodyRules {
  readonly label: string;
  readonly quorum: QuorumRule & { source: Citation };
  /** Present when the sanitary regimes apply to this kind. */
  readonly sanitary_regimes?: Citation;
  /** Present when the session file's statutes override these rules. */
  readonly statutes?: Citation;
  /** Absent: no convocation delay is checked. */
  readonly convocation?: ConvocationRule;
  readonly second_convocation: SecondConvocationRule;
  readonly proxies: { readonly per_holder: number; readonly source: Citation };
  readonly proxy_validity: ProxyValidity;
  readonly majority: { readonly kind: "absolute_of_expressed"; readonly source: Citation };
  readonly casting_vote: { readonly applies: boolean; readonly source: Citation };
  readonly ballot_request: { readonly public: string; readonly secret?: string; readonly source: Citation };
  /** Present when L1111-6 representatives leave the members in office for the quorum. */
  readonly in_office_exclusions?: Citation;
  /** Present when a suppléant may sit for a titulaire. */
  readonly suppleants?: Citation;
}

/** A majority « more than » (strict) or « at least » a fraction. */
export interface MajorityFraction {
  readonly fraction: string;
  readonly strict: boolean;
  readonly source: Citation;
}

/** How votes and elections are decided (law/majorities.yaml). */
export interface Majorities {
  readonly absolute_of_expressed: MajorityFraction;
  readonly qualified: { readonly strict: boolean; readonly source: Citation };
  readonly compte_administratif: MajorityFraction;
}

/** How one round of an election is decided (law/elections.yaml). */
export interface ElectionRoundRule {
  /**
   * absolute: more than half the suffrages exprimés (and `at_least` when given); relative: the
   * most votes; proportional: the seats are shared between the lists (`allocation`).
   */
  readonly majority: "absolute" | "relative" | "proportional";
  /** A further condition of an absolute round: at least this share of the members in office (Code électoral L288: a quarter of the electors). */
  readonly at_least?: { readonly fraction: string; readonly of: "in_office"; readonly source: Citation };
}

/** One rule of an election kind, for a range of population and of dates (law/elections.yaml). */
export interface ElectionVariant {
  /** The kinds of body (keys of law/bodies.yaml) this rule is for; absent: every kind of the election's `bodies`. */
  readonly bodies?: readonly string[];
  /** The commune's population this rule applies to: `from` included, `below` excluded. */
  readonly population?: { readonly from?: number; readonly below?: number };
  /** The first and last days this rule is in force, YYYY-MM-DD. */
  readonly from?: string;
  readonly to?: string;
  /** The article cited for the election on documents. */
  readonly source: Citation;
  /** secret: always; secret_unless_unanimous: the assembly may decide unanimously to vote in public (CGCT L2121-21). */
  readonly ballot: { readonly rule: "secret" | "secret_unless_unanimous"; readonly source: Citation };
  /** individual: ballots carry names; list: ballots carry a list, without panachage. */
  readonly candidacy: "individual" | "list";
  /** Seats the law fixes (the maire: 1); absent: the session file's `seats` (default 1). */
  readonly seats?: number;
  /** When a single seat is filled by this ballot, the variant of kind `as_kind` applies instead (CGCT L2122-7-2: a single adjoint is elected as the maire). */
  readonly one_seat?: { readonly as_kind: string; readonly source: Citation };
  /** Who may be elected: members only (« parmi ses membres », CGCT L2122-4); absent, members or other persons (`people`). */
  readonly candidates_from?: { readonly who: "members"; readonly source: Citation };
  /** Who chairs the sitting of this election: the eldest member present (CGCT L2122-8). */
  readonly chair?: { readonly rule: "eldest_present"; readonly source: Citation };
  /** The rounds there may be, in order, each with its majority. */
  readonly rounds: readonly ElectionRoundRule[];
  /** majority: the candidates (or the one list) reaching the round's majority take the seats; highest_average / highest_remainder: proportional shares between lists. */
  readonly allocation: "majority" | "highest_average" | "highest_remainder";
  /** How a tie is broken. eldest: the eldest candidate; list_highest_average_age: the list whose candidates are the oldest on average; most_votes_then_eldest (proportional): the list with the most votes, then the eldest candidate who would be elected. */
  readonly tie: { readonly rule: "eldest" | "list_highest_average_age" | "most_votes_then_eldest"; readonly source: Citation };
  /** Lists alternate the sexes, or the gap between them is at most one. */
  readonly parity?: { readonly rule: "alternate" | "gap_at_most_one"; readonly source: Citation };
  /** Lists may hold fewer names than there are seats. */
  readonly incomplete_lists?: { readonly allowed: boolean; readonly source: Citation };
  /**
   * How the suppléants are elected: separate_ballot: by a ballot of their own (`substitutes.rounds`);
   * same_list_after: on the same list, the candidates after the last titulaire elected, shared by a
   * second allocation; named_on_list: each list names its suppléants (`substitutes` of a list),
   * as many elected as the list has titulaires.
   */
  readonly substitutes?: { readonly how: "separate_ballot" | "same_list_after" | "named_on_list"; readonly source: Citation };
  /** Under a sanitary regime with `elections_count`, the quorum of this election counts that way (ordonnance n° 2020-562). */
  readonly sanitary_election_quorum?: boolean;
  /** The seats the law gives by the council's legal size (`body.seats`); a size not listed is not checked (Code électoral L284). */
  readonly seats_by_council?: { readonly source: Citation; readonly table: readonly { readonly council: readonly number[]; readonly seats: number }[] };
  /** Which election record delib prints: the ministry's model for the maire and adjoints, for the délégués sénatoriaux, or the general one. */
  readonly record: "maire_adjoints" | "delegues_senatoriaux" | "election";
}

/** One kind of election (a key of law/elections.yaml). */
export interface ElectionKind {
  /** The kinds of body (keys of law/bodies.yaml) that hold it. */
  readonly bodies: readonly string[];
  /** Tried in order: the first whose population and dates match applies. */
  readonly variants: readonly ElectionVariant[];
}

/** Every regime, every kind of body (the keys of law/bodies.yaml), every majority, every kind of election. */
export interface Law {
  readonly regimes: readonly Regime[];
  readonly bodies: Readonly<Record<string, BodyRules>>;
  readonly majorities: Majorities;
  readonly elections: Readonly<Record<string, ElectionKind>>;
}
