import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg, type Message } from "../../diagnostics/message.js";
import type { DataPath } from "../../model/session.js";
import { isUnknown } from "../../model/unknown-facts.js";
import type { RuleContext } from "../rule.js";

/** A convocation is sent before its sitting, and a failed sitting comes before the new convocation. */
export function datesAreInOrder({ session, outcome, locate }: RuleContext): Diagnostic[] {
  const s = session.session;
  // Each pair: the date that should come first, the one that should come later, the message that
  // says it, and which of the two the message is about (where the clerk should look).
  type Says = (values: { earlier: string; later: string }) => Message;
  const pairs: [earlier: DataPath, later: DataPath, message: Says, about?: "later"][] = [
    [["session", "convened_on"], ["session", "date"], (dates) => msg("DLB3012", dates)],
  ];
  // A département or a région meets as of right after a failed sitting, without a new
  // convocation (L3121-14, L4132-13): the original convocation date stands.
  const newConvocation = outcome.rules.body.second_convocation.kind === "new_convocation";
  if (s.failed_convocation) {
    pairs.push(
      [
        ["session", "failed_convocation", "convened_on"],
        ["session", "failed_convocation", "date"],
        (dates) => msg("DLB3012.first_convocation", dates),
      ],
    );
    if (newConvocation) {
      pairs.push([
        ["session", "failed_convocation", "date"],
        ["session", "convened_on"],
        (dates) => msg("DLB3012.new_convocation", dates),
        "later",
      ]);
    }
  }
  const value = (path: DataPath): string => {
    let node: unknown = session;
    for (const key of path) node = (node as Record<string, unknown>)[key as string];
    return node as string;
  };
  const found: Diagnostic[] = [];
  for (const [earlier, later, message, about] of pairs) {
    // A date the record does not give cannot be out of order (unknown-facts-leave-checks-undone.ts says so).
    if (isUnknown(value(earlier)) || isUnknown(value(later)) || value(earlier) <= value(later)) continue;
    const [here, there] = about === "later" ? [later, earlier] : [earlier, later];
    found.push(
      diagnostic({
        code: "DLB3012",
        message: message({ earlier: value(earlier), later: value(later) }),
        span: locate(here),
        hints: [msg("DLB3012.hint")],
        related: [{ span: locate(there), message: msg("DLB3012.related", { date: value(there) }) }],
      }),
    );
  }
  return found;
}
