import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import { candidateName, listName } from "../../tally/elections/candidates.js";
import { countedElections, type RuleContext } from "../rule.js";

/**
 * The lists of a list ballot are regular: they respect the parity the law sets (CGCT
 * L2122-7-2, Code électoral L289: a woman and a man in turn, or a gap of one at most), they
 * hold no more names than there are seats to fill (titulaires, and suppléants on the same
 * list) where the law lets them hold fewer, and a list that names its suppléants names as many
 * as it takes seats. A list breaking the law is an irregular fact of the sitting (delib counts
 * it as presented).
 */
export function electionListsAreRegular({ outcome, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const { result, election, input, number } of countedElections(outcome)) {
    if (!input.lists || election.rule.candidacy !== "list") continue;
    const rule = election.rule;
    const lists = election.allocation?.lists.map((l) => l.list) ?? election.rounds[0]?.lists.map((l) => l.list) ?? [];
    input.lists.forEach((given, l) => {
      const list = lists.find((x) => x.id === given.id);
      if (!list) return;
      const at = ["motions", result.index, "election", "lists", l];
      if (rule.parity) {
        const names = list.candidates;
        const women = names.filter((c) => c.civility === "Mme").length;
        const men = names.length - women;
        const broken = rule.parity.rule === "alternate" ? names.findIndex((c, i) => i > 0 && c.civility === names[i - 1]!.civility) : Math.abs(women - men) > 1 ? names.length - 1 : -1;
        if (broken >= 0) {
          found.push(
            diagnostic({
              code: "DLB3111",
              message:
                rule.parity.rule === "alternate"
                  ? msg("DLB3111", { list: listName(list), number, name: candidateName(names[broken]!), previous: candidateName(names[broken - 1]!) })
                  : msg("DLB3111.gap", { list: listName(list), number, women, men }),
              span: locate([...at, "candidates", broken]),
              hints: [msg("DLB3111.hint", { source: rule.parity.source })],
              irregularity: { article: rule.parity.source, consequence: msg("DLB3111.consequence"), couldChangeOutcome: undefined },
            }),
          );
        }
      }
      if (rule.incomplete_lists) {
        const sameList = rule.substitutes?.how === "same_list_after" ? (input.substitutes?.seats ?? 0) : 0;
        const most = election.seats + sameList;
        if (list.candidates.length > most) {
          found.push(
            diagnostic({
              code: "DLB3112",
              message: msg("DLB3112", { list: listName(list), number, names: list.candidates.length, most }),
              span: locate([...at, "candidates", most]),
              hints: [msg("DLB3112.hint", { most, source: rule.incomplete_lists.source })],
              irregularity: { article: rule.incomplete_lists.source, consequence: msg("DLB3112.consequence", { most }), couldChangeOutcome: undefined },
            }),
          );
        }
      }
      if (rule.substitutes?.how === "named_on_list") {
        const won = election.allocation?.lists.find((x) => x.list.id === list.id)?.seats ?? (election.rounds.some((r) => r.electedList?.id === list.id) ? election.elected.length : 0);
        const named = given.substitutes?.length ?? 0;
        if (named < won) {
          found.push(
            diagnostic({
              severity: "warning",
              code: "DLB3116",
              message: msg("DLB3116", { list: listName(list), number, seats: won, named }),
              span: locate(given.substitutes ? [...at, "substitutes"] : at, "key"),
              hints: [msg("DLB3116.hint", { source: rule.substitutes.source })],
            }),
          );
        }
      }
    });
  }
  return found;
}
