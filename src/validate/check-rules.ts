import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Session } from "../model/session.js";
import type { ParsedSource } from "../source/parse-yaml.js";
import { membersById } from "../tally/seat-lines.js";
import { ruleContext, type Rule } from "./rule.js";
import { datesAreInOrder } from "./rules/dates-are-in-order.js";
import { declaredTotalsMatch } from "./rules/declared-totals-match.js";
import { everyMemberHasAttendance } from "./rules/every-member-has-attendance.js";
import { everyMemberHoldsASeat } from "./rules/every-member-holds-a-seat.js";
import { memberIdsAreUnique } from "./rules/member-ids-are-unique.js";
import { motionNumbersAreUnique } from "./rules/motion-numbers-are-unique.js";
import { officersArePresent } from "./rules/officers-are-present.js";
import { placeIsGiven } from "./rules/place-is-given.js";
import { proxyHolderIsPresent } from "./rules/proxy-holder-is-present.js";
import { referencesAreKnown } from "./rules/references-are-known.js";
import { voteIsCountsOrUnanimity } from "./rules/vote-is-counts-or-unanimity.js";
import { votesDoNotExceedVoters } from "./rules/votes-do-not-exceed-voters.js";

/** Every rule, in the order their findings are reported. */
export const rules: readonly Rule[] = [
  memberIdsAreUnique,
  referencesAreKnown,
  everyMemberHasAttendance,
  everyMemberHoldsASeat,
  proxyHolderIsPresent,
  officersArePresent,
  datesAreInOrder,
  placeIsGiven,
  motionNumbersAreUnique,
  voteIsCountsOrUnanimity,
  votesDoNotExceedVoters,
  declaredTotalsMatch,
];

/** Runs every legal and consistency rule over a schema-valid session. */
export function checkRules(source: ParsedSource, session: Session): Diagnostic[] {
  const context = ruleContext(source, session, membersById(session));
  return rules.flatMap((rule) => rule(context));
}
