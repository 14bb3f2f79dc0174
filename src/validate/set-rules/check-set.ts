// Runs the rules across files, each once, over each set of files checked together.
import { numbersAreNotDocumentNames } from "./numbers-are-not-document-names.js";
import { numbersAreUnique } from "./numbers-are-unique.js";
import { numbersFollowThePattern } from "./numbers-follow-the-pattern.js";
import { numbersHaveNoGaps } from "./numbers-have-no-gaps.js";
import { numbersFollowTheDates } from "./numbers-follow-the-dates.js";
import { proxiesLastTheirSittings } from "./proxies-last-their-sittings.js";
import { membersAreThoseInOffice } from "./members-are-those-in-office.js";
import { bodyIsTheRegisters } from "./body-is-the-registers.js";
import { linksPointToEarlierActs } from "./links-point-to-earlier-acts.js";
import type { FileSet, SetFinding, SetRule } from "./set-rule.js";

/** The rules across files, in the order their findings are reported. */
export const setRules: readonly SetRule[] = [
  bodyIsTheRegisters,
  numbersAreUnique,
  numbersAreNotDocumentNames,
  numbersFollowThePattern,
  numbersHaveNoGaps,
  numbersFollowTheDates,
  proxiesLastTheirSittings,
  membersAreThoseInOffice,
  linksPointToEarlierActs,
];

/** Every finding across the files of one set. Pure. */
export function checkSet(set: FileSet): SetFinding[] {
  return setRules.flatMap((rule) => rule(set));
}
