// Which sittings a year's register holds, and in what order (CGCT L2121-23: deliberations are
// entered by date order). Pure.
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { MotionOutcome, Outcome } from "../tally/outcome.js";

/** One sitting of the register: its file, its computed outcome, its motions in register order. */
export interface Sitting {
  readonly path: string;
  readonly outcome: Outcome;
  /** ISO date of the sitting. */
  readonly date: string;
  /** Its deliberations by order number (R2121-9: an order number within the sitting). */
  readonly motions: readonly MotionOutcome[];
}

/**
 * Compares « 2021-9 » and « 2021-10 » as a clerk would: runs of digits by value, the rest as
 * text, so 9 comes before 10 (no locale involved, so every machine sorts alike).
 */
export function compareNumbers(a: string, b: string): number {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const [x, y] = [chunks(a), chunks(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i]!, y[i]!];
    const bothDigits = /^\d/.test(p) && /^\d/.test(q);
    const order = bothDigits ? Number(p) - Number(q) || p.length - q.length : compareText(p, q);
    if (order !== 0) return order;
  }
  return x.length - y.length;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The sittings dated in `year`, by date (then time, then file), each motion by number. */
export function sittingsOfYear(checked: readonly { path: string; outcome: Outcome }[], year: string): Sitting[] {
  return checked
    .filter((c) => c.outcome.session.session.date.startsWith(`${year}-`))
    .map((c) => ({
      path: c.path,
      outcome: c.outcome,
      date: c.outcome.session.session.date,
      motions: [...c.outcome.motions].sort((a, b) => compareNumbers(a.motion.number, b.motion.number)),
    }))
    .sort(
      (a, b) =>
        compareText(a.date, b.date) ||
        compareText(a.outcome.session.session.time ?? "", b.outcome.session.session.time ?? "") ||
        compareText(a.path, b.path),
    );
}

/**
 * Two sittings of one register that give a deliberation the same number: the tables would
 * send the reader to two places (each file alone is checked by motion-numbers-are-unique).
 */
export function duplicateNumbers(sittings: readonly Sitting[]): Diagnostic[] {
  const seen = new Map<string, Sitting>();
  const found: Diagnostic[] = [];
  for (const sitting of sittings) {
    for (const { motion } of sitting.motions) {
      const key = motion.number.toLowerCase();
      const first = seen.get(key);
      if (first && first !== sitting) {
        found.push(
          diagnostic({
            code: "DLB3008",
            message: `deliberation \`${motion.number}\` is numbered alike in ${first.path} (${first.date}) and ${sitting.path} (${sitting.date})`,
            hints: ["deliberation numbers must be unique across the sittings of a register"],
          }),
        );
      } else if (!first) {
        seen.set(key, sitting);
      }
    }
  }
  return found;
}
