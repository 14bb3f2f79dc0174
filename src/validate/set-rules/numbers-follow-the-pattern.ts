import { numberedItems } from "./numbered-sittings.js";
import type { FileSet, SetFinding } from "./set-rule.js";

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
        message: `the number \`${item.number}\` does not follow the register's pattern \`${pattern.text}\` for a sitting of ${year}`,
        hints: [`numbers of ${year} read ${pattern.format(year, 1)}, ${pattern.format(year, 2)}, ...`],
        file: item.file,
        at: item.at,
        related: [],
      };
    });
}
