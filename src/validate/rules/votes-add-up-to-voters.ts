import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { notTakingPart, votersOf, wouldAdopt } from "../../tally/figures.js";
import type { MotionOutcome, Outcome, VoteOutcome } from "../../tally/outcome.js";
import type { RuleContext } from "../rule.js";

/**
 * A vote recorded as counts accounts for every vote that could be cast, no more, no fewer:
 * for + against + abstentions (+ blank and null ballots) + the votes of members who took no part
 * (`not_taking_part`) equal the votes of the seats present or represented (CGCT L2121-20: the
 * majority is counted on those votes). A unanimous vote needs someone to vote. A vote recorded
 * member by member accounts for everyone by construction (votes-agree-with-attendance checks the
 * names). Votes beyond or short of the voters are an irregular fact: delib counts the votes as
 * recorded, and says whether the difference could have changed the result.
 */
export function votesAddUpToVoters({ outcome, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const source = outcome.rules.majoritySource;
  for (const result of outcome.motions) {
    const vote = result.vote;
    const record = result.motion.vote;
    if (!vote || !record || record.by_member) continue;
    const number = result.motion.number;
    const at = (...path: string[]) => locate(["motions", result.index, "vote", ...path]);
    if (record.unanimous) {
      if (vote.voters === 0) {
        found.push(
          diagnostic({
            code: "DLB3010",
            message: `the vote on ${number} is unanimous, but no voting seat is present or represented`,
            span: at("unanimous"),
            hints: ["check the attendance and the seats' right to vote (`votes:`)"],
            irregularity: {
              article: source,
              consequence: "no vote could be cast: delib counts none, and the motion is not adopted",
              couldChangeOutcome: true,
            },
          }),
        );
      }
      continue;
    }
    const { voting, notVoting } = votersOf(result, outcome.rules.proxyCarriesVoices);
    const cast = vote.for + vote.against + vote.abstentions + vote.blank + vote.null;
    if (cast === voting) continue;
    const seats = seatsHint(result, voting, notVoting);
    if (cast > voting) {
      const excess = cast - voting;
      found.push(
        diagnostic({
          code: "DLB3010",
          message: `the vote on ${number} counts ${cast} voices, but only ${voting} can be cast`,
          span: at(),
          hints: [seats, "check the counts, the attendance, and the seats' right to vote (`votes:`)"],
          irregularity: {
            article: source,
            consequence: `delib counts the votes as recorded, ${excess} more than could be cast`,
            couldChangeOutcome: couldTurn(vote, outcome, -excess),
          },
        }),
      );
      continue;
    }
    const missing = voting - cast;
    found.push(
      diagnostic({
        code: "DLB3023",
        message: `the vote on ${number} accounts for ${cast} of the ${voting} votes that could be cast (${breakdown(vote)}): ${missing} ${missing === 1 ? "is" : "are"} not recorded`,
        span: at(),
        hints: [
          seats,
          "add the missing votes to the counts; or, if some members did not vote, name them under `not_taking_part` (« ne prend pas part au vote »)",
        ],
        irregularity: {
          article: source,
          consequence: `the ${missing} missing vote${missing === 1 ? " is" : "s are"} counted as not cast: neither suffrages exprimés nor abstentions; the result is that of the votes recorded`,
          couldChangeOutcome: couldTurn(vote, outcome, missing),
        },
      }),
    );
  }
  return found;
}

/** « 10 for, 4 abstentions »: the counts recorded, zeros left out. */
function breakdown(vote: VoteOutcome): string {
  const parts = [
    [vote.for, "for"],
    [vote.against, "against"],
    [vote.abstentions, vote.abstentions === 1 ? "abstention" : "abstentions"],
    [vote.blank, "blank"],
    [vote.null, "null"],
  ] as const;
  const written = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return written.length > 0 ? written.join(", ") : "no vote";
}

function seatsHint(result: MotionOutcome, voting: number, notVoting: number): string {
  const lines = result.attendance.lines.filter((l) => l.hasVote);
  const present = lines.filter((l) => l.column === "present").length;
  const ntp = notTakingPart(result.motion);
  const represented = lines.filter((l) => l.column !== "present" && l.proxyHolder !== undefined && !ntp.has(l.proxyHolder.id)).length;
  const np = notVoting > 0 ? `, less ${notVoting} not taking part` : "";
  return `${present} present and ${represented} represented with a vote for this motion${np}: ${voting} vote${voting === 1 ? "" : "s"} could be cast`;
}

/**
 * Whether `delta` votes could have changed the result: missing votes (delta > 0) added all on
 * one side, or votes in excess (delta < 0) taken all from one side.
 */
function couldTurn(vote: VoteOutcome, outcome: Outcome, delta: number): boolean {
  const sides: [number, number][] =
    delta > 0
      ? [
          [vote.for + delta, vote.against],
          [vote.for, vote.against + delta],
        ]
      : [
          [Math.max(0, vote.for + delta), vote.against],
          [vote.for, Math.max(0, vote.against + delta)],
        ];
  return sides.some(([f, a]) => {
    const adopted = wouldAdopt(vote, f, a, outcome);
    return adopted === undefined || adopted !== vote.adopted;
  });
}
