// The rule sets delib applies, as read from law/*.yaml: data a lawyer can read and check.
import type { BodyKind, QuorumCounts, RegimeId } from "../model/session.js";

export interface QuorumRule {
  /** "1/2", "1/3" */
  readonly fraction: string;
  /** true: floor(n × fraction) + 1; false: ceil(n × fraction). */
  readonly strict: boolean;
  readonly counts: QuorumCounts;
  /** For the election of the maire and adjoints, when it counts otherwise (ordonnance 2020-562). */
  readonly elections_count?: QuorumCounts;
  /** The article that sets it, e.g. "CGCT L2121-17". */
  readonly source?: string;
}

export interface Regime {
  readonly id: RegimeId;
  readonly label: string;
  readonly from?: string;
  readonly to?: string;
  readonly quorum: QuorumRule;
  readonly proxies_per_holder: number;
  readonly sources: readonly string[];
}

export interface BodyRules {
  readonly label: string;
  readonly quorum: QuorumRule & { source: string };
  readonly second_convocation: "new_convocation" | "meeting_of_right";
  readonly proxies_per_holder: number;
  readonly proxy_source: string;
  readonly proxy_validity: "sittings" | "meeting";
  readonly majority_source: string;
  readonly casting_vote: boolean;
  readonly public_ballot_request: string;
  readonly secret_ballot_request?: string;
  readonly in_office_exclusions: boolean;
  readonly suppleants: boolean;
  readonly suppleant_source?: string;
}

/** Every regime and every kind of body. */
export interface Law {
  readonly regimes: readonly Regime[];
  readonly bodies: Readonly<Record<BodyKind, BodyRules>>;
}
