import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { DataPath } from "../../model/session.js";
import type { RuleContext } from "../rule.js";

/** A convocation is sent before its sitting, and a failed sitting comes before the new convocation. */
export function datesAreInOrder({ session, locate }: RuleContext): Diagnostic[] {
  const s = session.session;
  const pairs: [earlier: DataPath, later: DataPath, message: string][] = [
    [["session", "convened_on"], ["session", "date"], "the convocation is dated after the sitting"],
  ];
  if (s.failed_convocation) {
    pairs.push(
      [
        ["session", "failed_convocation", "convened_on"],
        ["session", "failed_convocation", "date"],
        "the first convocation is dated after its sitting",
      ],
      [
        ["session", "failed_convocation", "date"],
        ["session", "convened_on"],
        "the new convocation is dated before the sitting that failed",
      ],
    );
  }
  const value = (path: DataPath): string => {
    let node: unknown = session;
    for (const key of path) node = (node as Record<string, unknown>)[key as string];
    return node as string;
  };
  const found: Diagnostic[] = [];
  for (const [earlier, later, message] of pairs) {
    if (value(earlier) <= value(later)) continue;
    found.push(
      diagnostic({
        code: "DLB3012",
        message: `${message} (${value(earlier)} > ${value(later)})`,
        span: locate(earlier),
        hints: ["check both dates"],
        related: [{ span: locate(later), message: `compared with ${value(later)}` }],
      }),
    );
  }
  return found;
}
