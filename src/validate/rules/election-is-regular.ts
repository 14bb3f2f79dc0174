import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { listOf, msg } from "../../diagnostics/message.js";
import type { DataPath, ElectionRound } from "../../model/session.js";
import { candidateName, listName } from "../../tally/elections/candidates.js";
import type { BallotOutcome, Candidate, ElectionOutcome } from "../../tally/outcome.js";
import { countedElections, type RuleContext } from "../rule.js";

/**
 * An election stops at the round that fills its seats, holds no more rounds than its law
 * (law/elections.yaml), counts no more ballots than members could vote, and when a tie is
 * decided by age (the eldest, or the list of the highest average age) the birth dates it
 * needs are in the file. A round after the seats were filled, a round the law does not have,
 * and a round counting more ballots than voters are irregular facts of the sitting (what delib
 * did is in their consequence); missing birth dates are a gap in the file.
 */
export function electionIsRegular({ outcome, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const { result, election, input, base } of countedElections(outcome)) {
    // The titulaires' ballot, and the suppléants' when they have one of their own (others share its votes).
    const ballots: { ballot: BallotOutcome; rounds: readonly ElectionRound[]; path: DataPath }[] = [{ ballot: election, rounds: input.rounds, path: [...base, "rounds"] }];
    if (election.substitutes) {
      const own = election.rule.substitutes?.how === "separate_ballot" ? input.substitutes?.rounds : undefined;
      ballots.push({ ballot: election.substitutes, rounds: own ?? [], path: own ? [...base, "substitutes", "rounds"] : [...base, "rounds"] });
    }
    for (const { ballot, rounds, path } of ballots) {
      const number = result.motion.number;
      const law = election.rule.rounds.length;
      const counted = ballot.rounds.length;
      if (ballot.allocation === undefined && counted > 0 && counted < Math.min(rounds.length, law)) {
        const decisive = ballot.rounds[counted - 1]!;
        const names = listOf(ballot.elected.map(candidateName));
        found.push(
          diagnostic({
            code: "DLB3044",
            message: msg("DLB3044", { round: decisive.number + 1, number, name: names }),
            span: locate([...path, decisive.number]),
            hints: [msg("DLB3044.hint")],
            irregularity: {
              article: election.rule.source,
              consequence: msg("DLB3044.consequence", { round: decisive.number, name: names }),
              // Another outcome only if the last round held gave the post to someone else, or to no one.
              couldChangeOutcome: ballot.seats === 1 ? lastRoundLeader(rounds[rounds.length - 1]!.candidates ?? {}) !== ballot.elected[0]?.id : undefined,
            },
          }),
        );
      }
      if (rounds.length > law && !(ballot.complete && counted < law)) {
        found.push(
          diagnostic({
            code: "DLB3108",
            message: msg("DLB3108", { number, rounds: rounds.length, law, kind: election.kind }),
            span: locate([...path, law]),
            hints: [msg("DLB3108.hint", { law, source: election.rule.source })],
            irregularity: { article: election.rule.source, consequence: msg("DLB3108.consequence", { law }), couldChangeOutcome: undefined },
          }),
        );
      }
      for (const round of ballot.rounds) {
        if (round.ballots > election.voters) {
          found.push(
            diagnostic({
              code: "DLB3045",
              message: msg("DLB3045", { round: round.number, number, ballots: round.ballots, voters: election.voters }),
              span: locate([...path, round.number - 1]),
              hints: [msg("DLB3045.hint")],
              irregularity: {
                article: election.rule.source,
                consequence: msg("DLB3045.consequence", { excess: round.ballots - election.voters }),
                couldChangeOutcome: undefined,
              },
            }),
          );
        }
        const at = locate([...path, round.number - 1, round.tied.length > 0 ? "candidates" : "lists"]);
        const source = election.rule.tie.source;
        if (round.tied.length > 0) {
          const unknown = round.tied.filter((c) => c.birth_date === undefined);
          found.push(tieDiagnostic(msg("DLB3046", { tied: listOf(round.tied.map(candidateName)), round: round.number, number, unknown: listOf(unknown.map(candidateName)), missing: unknown.length }), unknown, source, at));
        }
        if (round.tiedLists.length > 0 && ballot.allocation === undefined) {
          const unknown = election.rule.tie.rule === "list_highest_average_age" ? round.tiedLists.flatMap((l) => l.candidates) : round.tiedLists.flatMap((l) => l.candidates.slice(0, 1));
          const missing = unknown.filter((c) => c.birth_date === undefined);
          found.push(tieDiagnostic(msg("DLB3046.lists", { lists: listOf(round.tiedLists.map(listName)), round: round.number, number, unknown: listOf(missing.map(candidateName)), missing: missing.length }), missing, source, at));
        }
      }
      if (ballot.allocation && ballot.allocation.tied.length > 0) {
        const missing = nextCandidates(election, ballot).filter((c) => c.birth_date === undefined);
        const seat = ballot.allocation.steps.length + 1;
        found.push(tieDiagnostic(msg("DLB3046.seat", { lists: listOf(ballot.allocation.tied.map(listName)), seat, number, unknown: listOf(missing.map(candidateName)), missing: missing.length }), missing, election.rule.tie.source, locate([...base, "rounds", 0, "lists"])));
      }
    }
  }
  return found;
}

/** A tie the rule could not decide for want of birth dates, with the hint saying where to write them. */
function tieDiagnostic(message: ReturnType<typeof msg>, unknown: readonly Candidate[], source: string, span: ReturnType<RuleContext["locate"]>): Diagnostic {
  const hints = [];
  if (unknown.some((c) => c.member)) hints.push(msg("DLB3046.hint", { unknown: listOf(unknown.filter((c) => c.member).map(candidateName)), source }));
  if (unknown.some((c) => !c.member)) hints.push(msg("DLB3046.hint.people", { unknown: listOf(unknown.filter((c) => !c.member).map(candidateName)), source }));
  if (hints.length === 0) hints.push(msg("DLB3046.hint.same_day", { source }));
  return diagnostic({ code: "DLB3046", message, span, hints });
}

/** The candidates who would take the seat a tie left undecided: each tied list's next one. */
function nextCandidates(election: ElectionOutcome, ballot: BallotOutcome): Candidate[] {
  const allocation = ballot.allocation!;
  const offset = (listId: string) => (ballot === election ? 0 : (election.allocation?.lists.find((l) => l.list.id === listId)?.seats ?? 0));
  return allocation.tied.flatMap((list) => {
    const won = allocation.lists.find((l) => l.list.id === list.id)?.seats ?? 0;
    const next = list.candidates[offset(list.id) + won];
    return next ? [next] : [];
  });
}

/** The one candidate with the most votes in a round as recorded; undefined on a tie or no vote. */
function lastRoundLeader(candidates: Readonly<Record<string, number>>): string | undefined {
  const entries = Object.entries(candidates);
  const top = Math.max(0, ...entries.map(([, votes]) => votes));
  const leaders = entries.filter(([, votes]) => votes === top);
  return top > 0 && leaders.length === 1 ? leaders[0]![0] : undefined;
}
