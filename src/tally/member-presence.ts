// A member's situation for one motion: what the presence computes and the proxies read.
import type { DataPath } from "../model/session.js";

export type PresenceStatus = "present" | "absent" | "excused" | "represented" | "substituted";

/** A member's situation for one motion. */
export interface MemberPresence {
  readonly id: string;
  /**
   * In office for this motion: a titulaire whose statuses at the sitting's date leave them in
   * office (tally/roster.ts: `resigned_on`, `deceased_on`, `installed_on`), and who has not
   * resigned during the sitting before this motion.
   */
  readonly inOffice: boolean;
  readonly status: PresenceStatus;
  /** Left during the sitting (a departure), rather than absent from the start. */
  readonly left: boolean;
  /** The proxy holder, when represented. */
  readonly holder: string | undefined;
  /** Where the proxy was recorded. */
  readonly proxyPath: DataPath | undefined;
  /** The suppléant sitting in the member's place. */
  readonly suppleant: string | undefined;
  /** Out of this motion only: withdrew from the room (CGCT L2121-14). */
  readonly withdrawn: boolean;
  /** Personally interested (CGCT L2131-11): takes no part. */
  readonly interested: boolean;
  /** Not counted among the members in office for this motion (CGCT L1111-6, L2131-11). */
  readonly excluded: boolean;
  /**
   * « Ne prend pas part au vote » on this motion (`not_taking_part`): counted present for the
   * quorum and among the présents if in the room, but casts no vote, and the proxies the member
   * holds are not used for this motion. Set on a titulaire also when their suppléant is listed.
   */
  readonly notTakingPart: boolean;
}
