import { numberedItems, type NumberedItem } from "./numbered-sittings.js";
import { byYear } from "./numbers-have-no-gaps.js";
import type { FileSet, SetFinding } from "./set-rule.js";
import { msg } from "../../diagnostics/message.js";

/** CGCT L2121-23: deliberations are entered by date; their numbers grow with the sittings. */
export function numbersFollowTheDates(set: FileSet): SetFinding[] {
  const { items } = numberedItems(set);
  const findings: SetFinding[] = [];
  for (const list of byYear(items).values()) {
    // `list` is in sitting order: each number must exceed every number before it.
    let highest: NumberedItem | undefined;
    for (const item of list) {
      if (highest && item.read!.seq < highest.read!.seq) {
        findings.push({
          severity: "error",
          code: "DLB3704",
          message: msg("DLB3704", { number: item.number, highest: highest.number }),
          hints: [msg("DLB3704.hint")],
          file: item.file,
          at: item.at,
          related: [{ file: highest.file, at: highest.at, message: msg("numbers.here", { number: highest.number }) }],
        });
        continue;
      }
      highest = item;
    }
  }
  return findings;
}
