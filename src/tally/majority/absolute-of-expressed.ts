import type { MajorityFraction } from "../../law/law.js";
import { threshold } from "../fraction.js";
import { castingVote, type CastingVoteContext } from "./casting-vote.js";
import type { Decision, VoteCount } from "./decision.js";

/**
 * The ordinary majority (CGCT L2121-20, L3121-15, L4132-14): more than half of the suffrages
 * exprimés, i.e. more for than against; nothing expressed adopts nothing; a tie goes to the
 * casting vote. `source` is the body's article.
 */
export function absoluteOfExpressed(count: VoteCount, rule: MajorityFraction, source: string, tie: CastingVoteContext): Decision {
  const needed = threshold(count.expressed, rule.fraction, rule.strict);
  const majority = { kind: "absolute" as const, needed, ratio: undefined, of: undefined, source };
  if (count.expressed === 0) {
    return { majority, adopted: false, decidedBy: undefined, steps: [{ key: "vote.nothing_expressed", values: {} }] };
  }
  if (count.tie) return { majority, ...castingVote(count, tie) };
  const adopted = count.for >= needed;
  return {
    majority,
    adopted,
    decidedBy: undefined,
    steps: [{ key: adopted ? "vote.adopted" : "vote.rejected", values: { for: count.for, against: count.against, needed, expressed: count.expressed }, source }],
  };
}
