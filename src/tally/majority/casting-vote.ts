import type { Ballot, MemberVote } from "../../model/session.js";
import type { Step, VoteOutcome } from "../outcome.js";
import type { VoteCount } from "./decision.js";

/** Who may break a tie, and how they voted. */
export interface CastingVoteContext {
  readonly ballot: Ballot;
  /** The body (or its statutes) gives the chair a casting vote. */
  readonly castingVote: boolean;
  readonly castingVoteSource: string;
  /** The article of the majority that was not reached. */
  readonly majoritySource: string;
  /** The chair's own vote: a proxy he holds does not count. */
  readonly presidentVote: MemberVote | undefined;
  readonly chairName: string;
}

/**
 * A tie (CGCT L2121-20, L3121-15, L4132-14): on a public ballot the chair's own vote decides;
 * a tie on a secret ballot, with no casting vote, or with a chair who voted neither for nor
 * against (the prudent reading of an open question, rules-fr.md §5.1) is not adopted.
 */
export function castingVote(count: VoteCount, context: CastingVoteContext): { adopted: boolean; decidedBy: VoteOutcome["decidedBy"]; steps: Step[] } {
  const values = { for: count.for, against: count.against };
  if (context.ballot === "secret") {
    return { adopted: false, decidedBy: undefined, steps: [{ key: "vote.tie_secret", values, source: context.majoritySource }] };
  }
  if (!context.castingVote) {
    return { adopted: false, decidedBy: undefined, steps: [{ key: "vote.tie_no_casting_vote", values, source: context.castingVoteSource }] };
  }
  const president = context.presidentVote;
  if (president === "for" || president === "against") {
    return {
      adopted: president === "for",
      decidedBy: "casting_vote",
      steps: [{ key: `vote.tie_casting_${president}`, values: { ...values, chair: context.chairName }, source: context.castingVoteSource }],
    };
  }
  return {
    adopted: false,
    decidedBy: undefined,
    steps: [{ key: "vote.tie_chair_did_not_vote", values: { ...values, chair: context.chairName }, source: context.castingVoteSource }],
  };
}
