import { listFileName, minutesFileName } from "../../model/document-names.js";
import { numberKey } from "../../model/deliberation-number.js";
import type { FileSet, SetFinding } from "./set-rule.js";

/**
 * A deliberation's number names its extract's file: it must not read like the file name of a
 * procès-verbal or a list of deliberations of the sittings checked together (« proces-verbal-
 * 2021-05-18 »), or one document would overwrite the other. Compared as file names are, case
 * aside.
 */
export function numbersAreNotDocumentNames(set: FileSet): SetFinding[] {
  const documents = new Map<string, string>();
  for (const s of set.sessions) {
    documents.set(numberKey(minutesFileName(s.date)), "the procès-verbal");
    documents.set(numberKey(listFileName(s.date)), "the list of deliberations");
  }
  return set.sessions.flatMap((s) =>
    s.numbers.flatMap((number, index): SetFinding[] => {
      const document = documents.get(numberKey(number));
      if (document === undefined) return [];
      return [
        {
          severity: "error",
          code: "DLB3015",
          message: `the deliberation number \`${number}\` is the file name of ${document} of a sitting: one document would overwrite the other`,
          hints: ["give the deliberation a number that does not read like « proces-verbal-… » or « liste-des-deliberations-… »"],
          file: s.path,
          at: ["motions", index, "number"],
          related: [],
        },
      ];
    }),
  );
}
