// Whether a fact could have changed an outcome: the count as delib made it, against the count of
// the same sitting as the record had it. Shared by the rules on the roster.
import type { Outcome } from "../../tally/outcome.js";

const results: Record<Outcome["motions"][number]["result"], string> = {
  adopted: "adopted",
  rejected: "rejected",
  no_quorum: "without quorum",
  elected: "an election won",
  not_elected: "an election without result",
};

/** The first motion whose quorum or result differs between two counts of one sitting, with both. */
export function firstDifference(
  actual: Outcome,
  asRecorded: Outcome,
): { number: string; actual: string; recorded: string } | undefined {
  for (const [i, motion] of actual.motions.entries()) {
    const other = asRecorded.motions[i];
    if (!other) continue;
    const describe = (m: typeof motion) =>
      `${results[m.result]} (${m.quorum.counted} counted for a quorum of ${m.quorum.required}, ${m.quorum.inOffice} in office)`;
    if (motion.quorum.met !== other.quorum.met || motion.result !== other.result) {
      return { number: motion.motion.number, actual: describe(motion), recorded: describe(other) };
    }
  }
  return undefined;
}
