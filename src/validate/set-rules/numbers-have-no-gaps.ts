import { numberedItems, type NumberedItem } from "./numbered-sittings.js";
import type { FileSet, SetFinding } from "./set-rule.js";
import { msg } from "../../diagnostics/message.js";

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
        const count = item.read!.seq - expected;
        const missing = count === 1 ? pattern.format(year, expected) : msg("DLB3703.range", { from: pattern.format(year, expected), to: pattern.format(year, item.read!.seq - 1) });
        findings.push({
          severity: "error",
          code: "DLB3703",
          message: previous
            ? msg("DLB3703", { year: String(year), previous: previous.number, number: item.number, missing, count })
            : msg("DLB3703.start", { year: String(year), number: item.number, missing, count }),
          hints: [msg("DLB3703.hint")],
          file: item.file,
          at: item.at,
          related: previous ? [{ file: previous.file, at: previous.at, message: msg("numbers.here", { number: previous.number }) }] : [],
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
