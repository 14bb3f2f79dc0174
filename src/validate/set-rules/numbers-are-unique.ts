import type { FileSet, SetFinding } from "./set-rule.js";
import { numberedItems } from "./numbered-sittings.js";
import { msg } from "../../diagnostics/message.js";

/**
 * Each deliberation number is used once in a register, or among the files of one body checked
 * together outside a register:
 * it names the act, its files and its line in the tables (R2121-9: an order number). Case
 * aside, and under the register's pattern by value (2021-7 is 2021-07).
 */
export function numbersAreUnique(set: FileSet): SetFinding[] {
  return numberedItems(set).items.flatMap((item): SetFinding[] => {
    const first = item.duplicateOf;
    if (!first) return [];
    const where = first.file === item.file ? "this_file" : "other_file";
    const alike = first.number === item.number;
    return [
      {
        severity: "error",
        code: "DLB3008",
        message: alike
          ? msg("DLB3008", { number: item.number, where, file: first.file })
          : msg("DLB3008.written", { number: item.number, where, file: first.file, written: first.number }),
        hints: [msg("DLB3008.hint")],
        file: item.file,
        at: item.at,
        related: [{ file: first.file, at: first.at, message: msg("DLB3008.related") }],
      },
    ];
  });
}
