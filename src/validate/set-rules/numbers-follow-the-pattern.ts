import { numberedItems } from "./numbered-sittings.js";
import type { FileSet, SetFinding } from "./set-rule.js";
import { msg } from "../../diagnostics/message.js";

/** In a register with `numbering.pattern`, every number follows it, with the sitting's year. */
export function numbersFollowThePattern(set: FileSet): SetFinding[] {
  const { items, pattern } = numberedItems(set);
  if (!pattern) return [];
  return items
    .filter((item) => item.read === undefined)
    .map((item) => {
      const year = Number(item.date.slice(0, 4));
      return {
        severity: "error" as const,
        code: "DLB3702",
        message: msg("DLB3702", { number: item.number, pattern: pattern.text, year: String(year) }),
        hints: [msg("DLB3702.hint", { year: String(year), first: pattern.format(year, 1), second: pattern.format(year, 2) })],
        file: item.file,
        at: item.at,
        related: [],
      };
    });
}
