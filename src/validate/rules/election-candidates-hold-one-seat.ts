import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import type { DataPath } from "../../model/session.js";
import { candidateName, candidateResolver, listName } from "../../tally/elections/candidates.js";
import { countedElections, type RuleContext } from "../rule.js";

/**
 * One person holds one seat of an election: a name is on the lists once (not twice on one
 * list, not on two lists, not both titulaire and suppléant), and a titulaire elected is not
 * given votes in the suppléants' own ballot (Code électoral L288: the suppléants are elected
 * separately, to other seats; the count skips them, validate says so). Each is an irregular
 * fact of the sitting: delib counts the lists and the ballots as recorded.
 */
export function electionCandidatesHoldOneSeat({ outcome, members, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const { election, input, number, base } of countedElections(outcome)) {
    const candidate = candidateResolver(input, members);
    const source = election.rule.source;
    const irregular = (message: ReturnType<typeof msg>, path: DataPath): Diagnostic =>
      diagnostic({
        code: "DLB3117",
        message,
        span: locate(path),
        hints: [msg("DLB3117.hint", { source })],
        irregularity: { article: source, consequence: msg("DLB3117.consequence"), couldChangeOutcome: undefined },
      });
    const nameOf = (list: { id: string; name?: string }) => listName({ id: list.id, name: list.name, candidates: [], substitutes: [] });
    // Where each id was first seen: as a titulaire (list index) or as a suppléant.
    const titulaireOn = new Map<string, number>();
    const substituteOn = new Map<string, number>();
    (input.lists ?? []).forEach((list, l) => {
      list.candidates.forEach((id, i) => {
        const name = candidateName(candidate(id));
        const path: DataPath = [...base, "lists", l, "candidates", i];
        const first = titulaireOn.get(id);
        if (first === l) found.push(irregular(msg("DLB3117.same_list", { name, list: nameOf(list), number }), path));
        else if (first !== undefined) found.push(irregular(msg("DLB3117.two_lists", { name, number, first: nameOf(input.lists![first]!), second: nameOf(list) }), path));
        else titulaireOn.set(id, l);
      });
    });
    (input.lists ?? []).forEach((list, l) => {
      list.substitutes?.forEach((id, i) => {
        const name = candidateName(candidate(id));
        const path: DataPath = [...base, "lists", l, "substitutes", i];
        if (titulaireOn.has(id)) found.push(irregular(msg("DLB3117.substitute", { name, number }), path));
        else if (substituteOn.has(id)) found.push(irregular(msg("DLB3117.substitute_twice", { name, number }), path));
        else substituteOn.set(id, l);
      });
    });
    // The suppléants' own ballot: a titulaire already elected is skipped by the count.
    const own = election.rule.substitutes?.how === "separate_ballot" ? input.substitutes?.rounds : undefined;
    own?.forEach((round, r) => {
      for (const [id, votes] of Object.entries(round.candidates ?? {})) {
        if (votes === 0 || !election.elected.some((c) => c.id === id)) continue;
        const name = candidateName(candidate(id));
        const article = election.rule.substitutes!.source;
        found.push(
          diagnostic({
            code: "DLB3118",
            message: msg("DLB3118", { name, number, votes }),
            span: locate([...base, "substitutes", "rounds", r, "candidates", id], "key"),
            hints: [msg("DLB3118.hint", { source: article })],
            irregularity: { article, consequence: msg("DLB3118.consequence", { name }), couldChangeOutcome: undefined },
          }),
        );
      }
    });
  }
  return found;
}
