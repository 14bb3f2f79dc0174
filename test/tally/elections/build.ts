// Sessions holding one election, for the count's tests: a commune's council of `count` members,
// all present unless told otherwise, on `date`, with the election given as the file writes it.
import { tallySession } from "../../../src/check.js";
import type { Election, Session } from "../../../src/model/session.js";
import type { MotionOutcome } from "../../../src/tally/outcome.js";
import { session } from "../../support/session-builder.js";

export interface ElectionSitting {
  readonly members: number;
  readonly date: string;
  readonly population?: number;
  readonly absent?: readonly string[];
  /** Birth dates by member id (m1…mN). */
  readonly births?: Readonly<Record<string, string>>;
  readonly women?: readonly string[];
  readonly change?: (s: Session) => void;
}

/** The session file: members m1…mN, one motion of kind `election`. */
export function electionSession(sitting: ElectionSitting, election: Election): Session {
  const b = session().members(sitting.members).on(sitting.date);
  if (sitting.absent?.length) b.absent(...sitting.absent);
  b.with((s) => {
    if (sitting.population !== undefined) s.body.population = sitting.population;
    for (const m of s.members) {
      const birth = sitting.births?.[m.id];
      if (birth) m.birth_date = birth;
      if (sitting.women?.includes(m.id)) m.civility = "Mme";
    }
    sitting.change?.(s);
  });
  b.vote({}, { kind: "election", vote: undefined, election });
  return b.build();
}

/** The count of that election's motion. */
export function countElection(sitting: ElectionSitting, election: Election): MotionOutcome {
  return tallySession(electionSession(sitting, election)).motions[0]!;
}

/** The ids of candidates. */
export const ids = (candidates: readonly { readonly id: string }[]): string[] => candidates.map((c) => c.id);
