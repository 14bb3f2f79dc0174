import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { listOf, msg } from "../../diagnostics/message.js";
import { nameOf, type RuleContext } from "../rule.js";

/**
 * An election by secret ballot (CGCT L2121-21) stops at the round that elects; no round
 * counts more ballots than there are voters; a tie in a round at the relative majority (the
 * third, `election` in law/majorities.yaml) is decided by age, so the tied candidates' birth
 * dates must be known. A round held after one that elected, and a round counting more ballots
 * than voters, are irregular facts of the sitting (what delib did is in their consequence);
 * missing birth dates are a gap in the file.
 */
export function electionIsRegular({ members, outcome, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const rule = outcome.rules.majorities.election;
  for (const result of outcome.motions) {
    const election = result.election;
    const rounds = result.motion.election?.rounds;
    if (!election || !rounds) continue;
    const m = result.index;
    const at = (r: number, ...rest: string[]) => locate(["motions", m, "election", "rounds", r, ...rest]);
    if (election.rounds.length < rounds.length) {
      const decisive = election.rounds[election.rounds.length - 1]!;
      found.push(
        diagnostic({
          code: "DLB3044",
          message: msg("DLB3044", { round: decisive.number + 1, number: result.motion.number, name: nameOf(members, decisive.elected!.id) }),
          span: at(decisive.number),
          hints: [msg("DLB3044.hint")],
          irregularity: {
            article: rule.source,
            consequence: msg("DLB3044.consequence", { round: decisive.number, name: nameOf(members, decisive.elected!.id) }),
            // Another outcome only if the last round held gave the post to someone else, or to no one.
            couldChangeOutcome: lastRoundLeader(rounds[rounds.length - 1]!.candidates) !== decisive.elected!.id,
          },
        }),
      );
    }
    for (const round of election.rounds) {
      if (round.ballots > election.voters) {
        found.push(
          diagnostic({
            code: "DLB3045",
            message: msg("DLB3045", { round: round.number, number: result.motion.number, ballots: round.ballots, voters: election.voters }),
            span: at(round.number - 1),
            hints: [msg("DLB3045.hint")],
            irregularity: {
              article: rule.source,
              consequence: msg("DLB3045.consequence", { excess: round.ballots - election.voters }),
              couldChangeOutcome: undefined,
            },
          }),
        );
      }
      const top = round.candidates[0];
      if (round.number > rule.absolute_rounds && top && !round.elected) {
        const tied = round.candidates.filter((c) => c.votes === top.votes);
        const unknown = listOf(tied.filter((c) => c.member.birth_date === undefined).map((c) => nameOf(members, c.member.id)));
        found.push(
          diagnostic({
            code: "DLB3046",
            message: msg("DLB3046", {
              tied: listOf(tied.map((c) => nameOf(members, c.member.id))),
              round: round.number,
              number: result.motion.number,
              unknown,
            }),
            span: at(round.number - 1, "candidates"),
            hints: [msg("DLB3046.hint", { unknown, source: rule.source })],
          }),
        );
      }
    }
  }
  return found;
}

/** The one candidate with the most votes in a round as recorded; undefined on a tie or no vote. */
function lastRoundLeader(candidates: Readonly<Record<string, number>>): string | undefined {
  const entries = Object.entries(candidates);
  const top = Math.max(0, ...entries.map(([, votes]) => votes));
  const leaders = entries.filter(([, votes]) => votes === top);
  return top > 0 && leaders.length === 1 ? leaders[0]![0] : undefined;
}
