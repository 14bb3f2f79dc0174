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
  // A number off the pattern (`2021-3` for `{year}-{seq:02}`) may be the one a gap misses: that
  // gap would only echo the other finding. Its last figures say which number it meant.
  const meant = new Set(items.filter((item) => !item.read).flatMap((item) => {
    const digits = /(\d+)\D*$/.exec(item.number)?.[1];
    return digits === undefined ? [] : [`${item.date.slice(0, 4)}#${Number(digits)}`];
  }));
  for (const [year, list] of byYear(items)) {
    const sorted = [...list].sort((a, b) => a.read!.seq - b.read!.seq);
    let previous: NumberedItem | undefined;
    for (const item of sorted) {
      const expected = previous ? previous.read!.seq + 1 : Math.min(1, item.read!.seq);
      const missed = Array.from({ length: Math.max(0, item.read!.seq - expected) }, (_, k) => expected + k);
      if (missed.length > 0 && !missed.every((seq) => meant.has(`${year}#${seq}`))) {
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
