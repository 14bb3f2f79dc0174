import { numberedItems, type NumberedItem } from "./numbered-sittings.js";
import type { FileSet, SetFinding } from "./set-rule.js";

/**
 * The numbers of a year run without gaps, from 1 (or from 0, for a register that starts its
 * years there): a missing number is a missing act, or a sitting's file not in the register.
 */
export function numbersHaveNoGaps(set: FileSet): SetFinding[] {
  const { items, pattern } = numberedItems(set);
  if (!pattern) return [];
  const findings: SetFinding[] = [];
  // A number that does not follow the pattern has no place in the sequence: the gap it seems
  // to leave would only echo that other finding.
  const unreadable = new Set(items.filter((item) => !item.read).map((item) => Number(item.date.slice(0, 4))));
  for (const [year, list] of byYear(items)) {
    if (unreadable.has(year)) continue;
    const sorted = [...list].sort((a, b) => a.read!.seq - b.read!.seq);
    let previous: NumberedItem | undefined;
    for (const item of sorted) {
      const expected = previous ? previous.read!.seq + 1 : Math.min(1, item.read!.seq);
      if (item.read!.seq > expected) {
        const missing = item.read!.seq - expected === 1 ? pattern.format(year, expected) : `${pattern.format(year, expected)} to ${pattern.format(year, item.read!.seq - 1)}`;
        findings.push({
          severity: "error",
          code: "DLB3703",
          message: previous
            ? `the numbers of ${year} jump from ${previous.number} to ${item.number}: ${missing} ${item.read!.seq - expected === 1 ? "is" : "are"} missing`
            : `the numbers of ${year} start at ${item.number}: ${missing} ${item.read!.seq - expected === 1 ? "is" : "are"} missing`,
          hints: ["number the deliberations of a year without gaps, or add the missing sitting's file to the register"],
          file: item.file,
          at: item.at,
          related: previous ? [{ file: previous.file, at: previous.at, message: `${previous.number} here` }] : [],
        });
      }
      previous = item;
    }
  }
  return findings;
}

/** The numbers read through the pattern, once each (repeats are another rule's), by year. */
export function byYear(items: readonly NumberedItem[]): Map<number, NumberedItem[]> {
  const years = new Map<number, NumberedItem[]>();
  for (const item of items) {
    if (!item.read || item.duplicateOf) continue;
    years.set(item.read.year, [...(years.get(item.read.year) ?? []), item]);
  }
  return years;
}
