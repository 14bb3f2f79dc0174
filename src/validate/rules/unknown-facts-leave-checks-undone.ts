import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { listOf, msg, type Message } from "../../diagnostics/message.js";
import type { UnknownFact } from "../../model/unknown-facts.js";
import { unknownDependencies, type DependentFigure } from "../../tally/unknown-dependencies.js";
import { nameOf, type RuleContext } from "../rule.js";

/**
 * What delib could not check in a transcribed record because a fact is not given, and which
 * figures depend on it (tally/unknown-dependencies.ts): a warning each, never an error — the
 * record is as it was signed. The place and the opening time leave nothing unchecked.
 */
export function unknownFactsLeaveChecksUndone({ outcome, members, transcribed, locate }: RuleContext): Diagnostic[] {
  if (!transcribed) return [];
  const dependencies = unknownDependencies(outcome);
  // The figures each fact is marked on, over every motion, in a fixed order.
  const order: readonly DependentFigure[] = ["quorum", "present", "represented", "absent", "excused", "voting", "expressed", "for", "majority"];
  const figuresOf = (fact: UnknownFact): Message[] => {
    const found = new Set<DependentFigure>();
    for (const map of [...dependencies.motions, dependencies.sitting]) for (const [figure, facts] of map) if (facts.includes(fact)) found.add(figure);
    return order.filter((f) => found.has(f)).map((f) => msg(`unknown_facts.figure.${f}`));
  };
  const numbersOf = (fact: UnknownFact): string[] =>
    outcome.motions.filter((m) => [...(dependencies.motions[m.index]?.values() ?? [])].some((facts) => facts.includes(fact))).map((m) => m.motion.number);
  const marked = (fact: UnknownFact): Message => {
    const figures = figuresOf(fact);
    return figures.length === 0
      ? msg("unknown_facts.no_figure")
      : msg("unknown_facts.marked", { figures: listOf(figures), numbers: listOf(numbersOf(fact)), count: numbersOf(fact).length });
  };
  const found: Diagnostic[] = [];
  for (const fact of dependencies.facts) {
    const span = locate(fact.path);
    switch (fact.kind) {
      case "proxy_holder":
        found.push(
          diagnostic({
            severity: "warning",
            code: "DLB3131",
            message: msg("DLB3131", { principal: nameOf(members, fact.member), limit: outcome.rules.proxiesPerHolder, article: outcome.rules.proxySource }),
            span,
            hints: [msg("DLB3131.hint"), marked(fact)],
          }),
        );
        break;
      case "titulaire":
        found.push(
          diagnostic({
            severity: "warning",
            code: "DLB3132",
            message: msg("DLB3132", { suppleant: nameOf(members, fact.member) }),
            span,
            hints: [msg("DLB3132.hint", { suppleant: nameOf(members, fact.member) }), marked(fact)],
          }),
        );
        break;
      case "suppleant":
        found.push(
          diagnostic({
            severity: "warning",
            code: "DLB3133",
            message: msg("DLB3133", { titulaire: nameOf(members, fact.member) }),
            span,
            hints: [msg("DLB3133.hint"), marked(fact)],
          }),
        );
        break;
      case "convened_on":
        found.push(
          diagnostic({
            severity: "warning",
            code: "DLB3134",
            message: msg("DLB3134"),
            span,
            hints: [msg("DLB3134.hint"), marked(fact)],
          }),
        );
        break;
      default:
        // The place and the opening time: nothing is counted from them.
        break;
    }
  }
  return found;
}
