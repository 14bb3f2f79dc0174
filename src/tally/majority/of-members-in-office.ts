import type { Majorities } from "../../law/law.js";
import type { Decision, VoteCount } from "./decision.js";
import { qualifiedMajority } from "./qualified.js";

/**
 * A qualified majority of the members in office (`majority: { ratio, of: in_office }`, as the
 * statutes or the motion's article require): counted on the voices of the voting seats in
 * office, whoever is present.
 */
export function qualifiedOfMembersInOffice(count: VoteCount, ratio: string, inOfficeVoices: number, rule: Majorities["qualified"], source: string): Decision {
  return qualifiedMajority(count, ratio, "in_office", inOfficeVoices, rule, source);
}
