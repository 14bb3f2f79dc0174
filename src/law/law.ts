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
  readonly election: MajorityFraction & { readonly absolute_rounds: number; readonly tie: "eldest" };
}

/** Every regime, every kind of body (the keys of law/bodies.yaml), every majority. */
export interface Law {
  readonly regimes: readonly Regime[];
  readonly bodies: Readonly<Record<string, BodyRules>>;
  readonly majorities: Majorities;
}
