import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import type { DataPath, ElectionRound } from "../../model/session.js";
import { candidateName, candidateResolver } from "../../tally/elections/candidates.js";
import { countedElections, type RuleContext } from "../rule.js";

/**
 * Where the law elects among the members (`candidates_from: members` in law/elections.yaml:
 * the maire and the adjoints « parmi ses membres », CGCT L2122-4; the président and the
 * vice-présidents by L5211-2; the commission d'appel d'offres, L1411-5; the commissions,
 * L2121-22), no candidate is a person of the election's `people`: a person given votes, or
 * named on a list (as titulaire or suppléant), is an irregular fact of the sitting. Ids that
 * name nobody are reported by election-ids-are-known.ts.
 */
export function electionCandidatesAreMembers({ outcome, members, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const { result, election, input, base } of countedElections(outcome)) {
    const from = election.rule.candidates_from;
    if (from?.who !== "members" || !input.people?.length) continue;
    const people = new Set(input.people.map((p) => p.id));
    const candidate = candidateResolver(input, members);
    const reported = new Set<string>();
    const check = (id: string, path: DataPath, at: "value" | "key" = "value") => {
      // A member's id wins over a person's (reported by election-ids-are-known.ts).
      if (!people.has(id) || members.has(id) || reported.has(id)) return;
      reported.add(id);
      found.push(
        diagnostic({
          code: "DLB3120",
          message: msg("DLB3120", { name: candidateName(candidate(id)), number: result.motion.number, kind: election.kind }),
          span: locate(path, at),
          hints: [msg("DLB3120.hint", { source: from.source })],
          irregularity: { article: from.source, consequence: msg("DLB3120.consequence"), couldChangeOutcome: undefined },
        }),
      );
    };
    const rounds = (list: readonly ElectionRound[] | undefined, path: DataPath) =>
      list?.forEach((round, r) => {
        for (const id of Object.keys(round.candidates ?? {})) check(id, [...path, r, "candidates", id], "key");
      });
    input.lists?.forEach((list, l) => {
      list.candidates.forEach((id, i) => check(id, [...base, "lists", l, "candidates", i]));
      list.substitutes?.forEach((id, i) => check(id, [...base, "lists", l, "substitutes", i]));
    });
    rounds(input.rounds, [...base, "rounds"]);
    rounds(input.substitutes?.rounds, [...base, "substitutes", "rounds"]);
  }
  return found;
}
