// Deliberation numbers: how two are compared, everywhere a register is sorted or checked.
import { isUnknown } from "./unknown-facts.js";

/**
 * Compares « 2021-9 » and « 2021-10 » as a clerk would: runs of digits by value (then the
 * shorter run first, so « 2021-7 » before « 2021-07 »), the rest as text in code-unit order,
 * so every machine sorts alike whatever its locale. The register, its tables and the SCDL
 * export all sort with this one function.
 */
export function compareNumbers(a: string, b: string): number {
  const x = a.match(/\d+|\D+/g) ?? [];
  const y = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i]!, y[i]!];
    const bothDigits = /^\d/.test(p) && /^\d/.test(q);
    const order = bothDigits ? compareDigits(p, q) : compareText(p, q);
    if (order !== 0) return order;
  }
  return x.length - y.length || compareText(a, b);
}

/** Two runs of digits by value, of any length (no rounding past 2^53), then the shorter first. */
function compareDigits(p: string, q: string): number {
  const [tp, tq] = [p.replace(/^0+(?=\d)/, ""), q.replace(/^0+(?=\d)/, "")];
  return tp.length - tq.length || compareText(tp, tq) || p.length - q.length;
}

/** Code-unit order: the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * What makes two numbers the same deliberation: they name the same files, and file names are
 * compared without case on Windows and macOS (`2021-A` and `2021-a` would overwrite each
 * other), in Unicode's composed form.
 */
export function numberKey(number: string): string {
  return number.normalize("NFC").toLowerCase();
}

/** Where a sitting stands in the register: its date, its time, its file. */
export interface SittingPlace {
  readonly date: string;
  readonly time?: string | undefined;
  readonly path: string;
}

/**
 * The order of the sittings in a register (CGCT L2121-23: by date): by date, then time, then
 * file, in code-unit order. The register, its tables and the checks across files all use it.
 */
export function compareSittings(a: SittingPlace, b: SittingPlace): number {
  // A time the record does not give (`non mentionné`) orders like no time at all.
  const time = (t: string | undefined) => (t === undefined || isUnknown(t) ? "" : t);
  return compareText(a.date, b.date) || compareText(time(a.time), time(b.time)) || compareText(a.path, b.path);
}
