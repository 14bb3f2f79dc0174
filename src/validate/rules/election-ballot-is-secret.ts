import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import type { RuleContext } from "../rule.js";

/**
 * An election the law holds by secret ballot and nothing else (CGCT L2122-7 for the maire,
 * Code électoral L288, L289 for the délégués sénatoriaux…) cannot be held by another ballot,
 * even by the assembly's unanimous decision, which only nominations under L2121-21 allow
 * (ballot-is-regular.ts reports those). An irregular fact of the sitting.
 */
export function electionBallotIsSecret({ outcome, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const result of outcome.motions) {
    const ballot = result.motion.ballot;
    const election = result.election;
    if (!election || ballot === undefined || ballot === "secret" || election.rule.ballot.rule !== "secret") continue;
    const source = election.rule.ballot.source;
    found.push(
      diagnostic({
        code: "DLB3113",
        message: msg("DLB3113", { number: result.motion.number, ballot, kind: election.kind }),
        span: locate(["motions", result.index, "ballot"]),
        hints: [msg("DLB3113.hint", { source })],
        irregularity: { article: source, consequence: msg("DLB3113.consequence"), couldChangeOutcome: undefined },
      }),
    );
  }
  return found;
}
