import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { listOf, msg, type Message, type MessageValue } from "../../diagnostics/message.js";
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
            message: msg("DLB3010.unanimous", { number }),
            span: at("unanimous"),
            hints: [msg("DLB3010.hint.unanimous")],
            irregularity: {
              article: source,
              consequence: msg("DLB3010.consequence.unanimous"),
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
          message: msg("DLB3010", { number, cast, voting }),
          span: at(),
          hints: [seats, msg("DLB3010.hint")],
          irregularity: {
            article: source,
            consequence: msg("DLB3010.consequence", { excess }),
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
        message: msg("DLB3023", { number, cast, voting, breakdown: breakdown(vote), missing }),
        span: at(),
        hints: [seats, msg("DLB3023.hint")],
        irregularity: {
          article: source,
          consequence: msg("DLB3023.consequence", { missing }),
          couldChangeOutcome: couldTurn(vote, outcome, missing),
        },
      }),
    );
  }
  return found;
}

/** « 10 for, 4 abstentions »: the counts recorded, zeros left out. */
function breakdown(vote: VoteOutcome): MessageValue {
  const parts = [
    [vote.for, msg("recorded_votes.for", { count: vote.for })],
    [vote.against, msg("recorded_votes.against", { count: vote.against })],
    [vote.abstentions, msg("recorded_votes.abstentions", { count: vote.abstentions })],
    [vote.blank, msg("recorded_votes.blank", { count: vote.blank })],
    [vote.null, msg("recorded_votes.null", { count: vote.null })],
  ] as const;
  const written = parts.filter(([n]) => n > 0).map(([, what]) => what);
  return written.length > 0 ? listOf(written) : msg("recorded_votes.none");
}

function seatsHint(result: MotionOutcome, voting: number, notVoting: number): Message {
  const lines = result.attendance.lines.filter((l) => l.hasVote);
  const present = lines.filter((l) => l.column === "present").length;
  const ntp = notTakingPart(result.motion);
  const represented = lines.filter((l) => l.column !== "present" && l.proxyHolder !== undefined && !ntp.has(l.proxyHolder.id)).length;
  return msg("recorded_votes.could_be_cast", { present, represented, notVoting, voting });
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
