import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
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
          message: `the item « ${item.title} » is placed both before ${item.before} and after ${item.after}`,
          span: locate(["items", index, "after"], "key"),
          hints: ["keep only `before` or only `after`: the item comes just before, or just after, that deliberation"],
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
        message: `the item « ${item.title} » is placed ${key} ${number}, which is not a deliberation of this sitting${guess ? `; did you mean ${guess}?` : ""}`,
        span: locate(["items", index, key]),
        hints: [guess ? `write \`${key}: "${guess}"\`` : `write the number of one of this sitting's deliberations (${numbers.join(", ")}), or remove \`${key}\` to put the item at the end`],
      }),
    ];
  });
}
