import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { RuleContext } from "../rule.js";

/**
 * Each motion records its vote one way: counts, `unanimous: true`, or `by_member`; an election
 * records its rounds instead. A count left out is none (a record that prints « pour 12,
 * abstentions 3 » has no vote against); that the counts add up to the voters is
 * votes-add-up-to-voters. Blank and null ballots exist only in a secret ballot, and a vote
 * recorded name by name cannot be secret.
 */
export function voteIsRecorded({ session, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  session.motions.forEach((motion, m) => {
    const at = (...path: string[]) => locate(["motions", m, ...path]);
    const vote = motion.vote;
    if (motion.kind === "election") {
      if (!motion.election) {
        found.push(diagnostic({ code: "DLB3040", message: `the election ${motion.number} has no \`election\` rounds`, span: at("kind"), hints: ["record each round: `election: { rounds: [ { candidates: { dupont: 12 }, blank: 1 } ] }`"] }));
      }
      if (vote) {
        found.push(diagnostic({ code: "DLB3040", message: `the election ${motion.number} records a \`vote\``, span: at("vote"), hints: ["an election is recorded in `election.rounds`; delete `vote`"] }));
      }
      return;
    }
    if (motion.election) {
      found.push(diagnostic({ code: "DLB3040", message: `motion ${motion.number} records election rounds but is not of kind \`election\``, span: at("election"), hints: ["add `kind: election`, or delete `election`"] }));
    }
    if (!vote) return; // a motion that could not be put to the vote for lack of quorum has none (voteIsNeeded)
    const counts = (["for", "against", "abstentions"] as const).filter((k) => vote[k] !== undefined);
    if (vote.unanimous && (counts.length > 0 || vote.by_member)) {
      found.push(
        diagnostic({
          code: "DLB3009",
          message: `the vote on ${motion.number} is recorded both as unanimous and ${vote.by_member ? "member by member" : "as counts"}`,
          span: at("vote"),
          hints: ["keep either `unanimous: true` (delib counts the voices), the counts, or `by_member`"],
        }),
      );
    } else if (!vote.unanimous && !vote.by_member && counts.length === 0 && vote.blank === undefined && vote.invalid === undefined) {
      found.push(
        diagnostic({
          code: "DLB3009",
          message: `the vote on ${motion.number} records no count`,
          span: at("vote"),
          hints: ["write the counts `for:`, `against:` (and `abstentions:`), or `unanimous: true`, or each member's vote under `by_member`"],
        }),
      );
    }
    const ballot = motion.ballot ?? "show_of_hands";
    if ((vote.blank !== undefined || vote.invalid !== undefined) && ballot !== "secret") {
      found.push(
        diagnostic({
          code: "DLB3025",
          message: `blank and null ballots exist only in a secret ballot, but ${motion.number} is voted ${ballot === "public" ? "by public ballot" : "by show of hands"}`,
          span: at("vote", vote.blank !== undefined ? "blank" : "invalid"),
          hints: ["add `ballot: secret` if the vote was secret; otherwise count these voices as `abstentions`"],
        }),
      );
    }
    if (vote.by_member && ballot === "secret") {
      found.push(
        diagnostic({
          code: "DLB3025",
          message: `the secret ballot on ${motion.number} cannot record each member's vote`,
          span: at("vote", "by_member"),
          hints: ["record the counts of a secret ballot; `by_member` is for a public ballot or a show of hands"],
        }),
      );
    }
  });
  return found;
}
