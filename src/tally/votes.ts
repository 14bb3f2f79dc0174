import type { VoteRecord } from "../model/session.js";
import type { AttendanceTotals, VoteOutcome, Step } from "./outcome.js";

/**
 * The vote on one motion. CGCT L2121-20: adopted by the absolute majority of suffrages
 * exprimés (for + against; abstentions are not expressed), i.e. when for > against.
 * A unanimous vote counts every voice that could be cast as for.
 */
export function computeVote(vote: VoteRecord, totals: AttendanceTotals): VoteOutcome & { adopted: boolean } {
  const voters = totals.voices;
  const unanimousRecord = vote.unanimous === true;
  const votesFor = unanimousRecord ? voters : (vote.for ?? 0);
  const against = unanimousRecord ? 0 : (vote.against ?? 0);
  const abstentions = unanimousRecord ? 0 : (vote.abstentions ?? 0);
  const expressed = votesFor + against;
  const needed = Math.floor(expressed / 2) + 1;
  const adopted = expressed > 0 && votesFor >= needed;
  const reference = { code: "CGCT", article: "L2121-20" } as const;
  const steps: Step[] = [
    { key: "vote.voters", values: { voters } },
    { key: "vote.expressed", values: { for: votesFor, against, abstentions, expressed } },
    {
      key: expressed === 0 ? "vote.nothing_expressed" : adopted ? "vote.adopted" : "vote.rejected",
      values: { for: votesFor, against, needed, expressed },
      reference,
    },
  ];
  return {
    for: votesFor,
    against,
    abstentions,
    expressed,
    voters,
    unanimous: expressed > 0 && against === 0 && abstentions === 0 && votesFor === voters,
    needed,
    steps,
    adopted,
  };
}
