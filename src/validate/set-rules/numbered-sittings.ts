// The deliberation numbers of a set of files, read once through the register's pattern: what
// the numbering rules (unique, pattern, gaps, order) all walk.
import { numberKey } from "../../model/deliberation-number.js";
import type { DataPath } from "../../model/session.js";
import { numberPattern, readNumber, type NumberPattern } from "./number-pattern.js";
import { inSittingOrder } from "./session-summary.js";
import type { FileSet } from "./set-rule.js";

/** One deliberation number where it stands. */
export interface NumberedItem {
  readonly number: string;
  readonly file: string;
  readonly index: number;
  readonly date: string;
  readonly at: DataPath;
  /** Read through the register's pattern; undefined without a pattern or when it does not follow it. */
  readonly read: { readonly year: number; readonly seq: number } | undefined;
  /** The same deliberation number seen earlier in the set (sitting order), if any. */
  readonly duplicateOf: NumberedItem | undefined;
}

const read = new WeakMap<FileSet, { items: NumberedItem[]; pattern: NumberPattern | undefined }>();

/**
 * Every number of the set in the order of the sittings, then of the motions within one. Read
 * once per set: four rules walk it, over as many as ten thousand files.
 */
export function numberedItems(set: FileSet): { items: NumberedItem[]; pattern: NumberPattern | undefined } {
  let done = read.get(set);
  if (!done) {
    done = readNumbers(set);
    read.set(set, done);
  }
  return done;
}

function readNumbers(set: FileSet): { items: NumberedItem[]; pattern: NumberPattern | undefined } {
  const pattern = set.config.numbering ? numberPattern(set.config.numbering.pattern) : undefined;
  // Two keys: the text (case aside) and, under a pattern, the value; either alike is a repeat.
  const first = new Map<string, NumberedItem>();
  const items: NumberedItem[] = [];
  for (const s of inSittingOrder(set.sessions)) {
    const year = Number(s.date.slice(0, 4));
    s.numbers.forEach((number, index) => {
      const read = pattern ? readNumber(pattern, number, year) : undefined;
      // Under a pattern, 2021-7 and 2021-07 are the same deliberation; without, the same file
      // name. Outside a register, files of different bodies may share numbers.
      const owner = set.config.path === undefined ? `${s.bodyName}\n` : "";
      const keys = [`${owner}text:${numberKey(number)}`, ...(read ? [`${owner}value:${read.year}#${read.seq}`] : [])];
      const earlier = keys.map((k) => first.get(k)).find((item) => item !== undefined);
      const item: NumberedItem = { number, file: s.path, index, date: s.date, at: ["motions", index, "number"], read, duplicateOf: earlier };
      if (!earlier) for (const k of keys) first.set(k, item);
      items.push(item);
    });
  }
  return { items, pattern };
}
