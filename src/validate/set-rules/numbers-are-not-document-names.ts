import { listFileName, minutesFileName } from "../../model/document-names.js";
import { numberKey } from "../../model/deliberation-number.js";
import type { FileSet, SetFinding } from "./set-rule.js";
import { msg } from "../../diagnostics/message.js";

/**
 * A deliberation's number names its extract's file: it must not read like the file name of a
 * procès-verbal or a list of deliberations of the sittings checked together (« proces-verbal-
 * 2021-05-18 »), or one document would overwrite the other. Compared as file names are, case
 * aside.
 */
export function numbersAreNotDocumentNames(set: FileSet): SetFinding[] {
  const documents = new Map<string, "minutes" | "list">();
  for (const s of set.sessions) {
    documents.set(numberKey(minutesFileName(s.date)), "minutes");
    documents.set(numberKey(listFileName(s.date)), "list");
  }
  return set.sessions.flatMap((s) =>
    s.numbers.flatMap((number, index): SetFinding[] => {
      const document = documents.get(numberKey(number));
      if (document === undefined) return [];
      return [
        {
          severity: "error",
          code: "DLB3015",
          message: msg("DLB3015", { number, document }),
          hints: [msg("DLB3015.hint")],
          file: s.path,
          at: ["motions", index, "number"],
          related: [],
        },
      ];
    }),
  );
}
