import type { Majorities } from "../../law/law.js";
import { threshold } from "../fraction.js";
import type { Decision, VoteCount } from "./decision.js";

/**
 * A qualified majority the motion asks for (`majority: { ratio, of }`): at least `ratio` of
 * the base, and more for than against; the motion's article, else the body's, is cited.
 * The base is the suffrages exprimés or the voices in office (see qualifiedOfMembersInOffice).
 */
export function qualifiedMajority(
  count: VoteCount,
  ratio: string,
  of: "expressed" | "in_office",
  base: number,
  rule: Majorities["qualified"],
  source: string,
): Decision {
  const needed = threshold(base, ratio, rule.strict);
  const adopted = count.expressed > 0 && count.for >= needed && count.for > count.against;
  return {
    majority: { kind: "qualified", needed, ratio, of, source },
    adopted,
    decidedBy: undefined,
    steps: [{ key: `vote.qualified.${of}.${adopted ? "adopted" : "rejected"}`, values: { for: count.for, ratio, base, needed }, source }],
  };
}

/** A qualified majority of the suffrages exprimés (e.g. two thirds, CGCT L5721-2-1 or the statutes). */
export function qualifiedOfExpressed(count: VoteCount, ratio: string, rule: Majorities["qualified"], source: string): Decision {
  return qualifiedMajority(count, ratio, "expressed", count.expressed, rule, source);
}
