import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { listOf, msg } from "../../diagnostics/message.js";
import { suggest } from "../../diagnostics/suggest.js";
import type { RuleContext } from "../rule.js";

/**
 * An item without a vote is placed by the number of a deliberation of the same sitting, before
 * or after it, not both: the procès-verbal prints the points in the order they were taken.
 */
export function unvotedItemsArePlaced({ session, locate }: RuleContext): Diagnostic[] {
  const numbers = session.motions.map((m) => m.number);
  return (session.items ?? []).flatMap((item, index) => {
    if (item.before !== undefined && item.after !== undefined) {
      return [
        diagnostic({
          code: "DLB3091",
          message: msg("DLB3091", { title: item.title, before: item.before, after: item.after }),
          span: locate(["items", index, "after"], "key"),
          hints: [msg("DLB3091.hint")],
        }),
      ];
    }
    const key = item.before !== undefined ? "before" : "after";
    const number = item.before ?? item.after;
    if (number === undefined || numbers.includes(number)) return [];
    const guess = suggest(number, numbers);
    return [
      diagnostic({
        code: "DLB3090",
        message: guess ? msg("DLB3090.guess", { title: item.title, key, number, guess }) : msg("DLB3090", { title: item.title, key, number }),
        span: locate(["items", index, key]),
        hints: [guess ? msg("DLB3090.hint.guess", { yaml: `\`${key}: "${guess}"\`` }) : msg("DLB3090.hint", { key, numbers: listOf(numbers, "disjunction") })],
      }),
    ];
  });
}
