// What each majority rule of this folder is given and gives back.
import type { Step, VoteOutcome } from "../outcome.js";

/** The voices of one vote, as every majority rule reads them. */
export interface VoteCount {
  readonly for: number;
  readonly against: number;
  /** Suffrages exprimés: for + against. */
  readonly expressed: number;
  /** for = against > 0. */
  readonly tie: boolean;
}

/** A majority rule's verdict: the majority applied, the result, and the working. */
export interface Decision {
  readonly majority: VoteOutcome["majority"];
  readonly adopted: boolean;
  readonly decidedBy: VoteOutcome["decidedBy"];
  readonly steps: readonly Step[];
}
