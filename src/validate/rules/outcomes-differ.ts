// Whether a fact could have changed an outcome: the count as delib made it, against the count of
// the same sitting as the record had it. Shared by the rules on the roster.
import { msg, type Message } from "../../diagnostics/message.js";
import type { Outcome } from "../../tally/outcome.js";

/** The first motion whose quorum or result differs between two counts of one sitting, with both. */
export function firstDifference(
  actual: Outcome,
  asRecorded: Outcome,
): { number: string; actual: Message; recorded: Message } | undefined {
  for (const [i, motion] of actual.motions.entries()) {
    const other = asRecorded.motions[i];
    if (!other) continue;
    // « without quorum (3 counted for a quorum of 4, 6 in office) »: a result in words, with its quorum.
    const describe = (m: typeof motion): Message =>
      msg("outcome.described", { result: m.result, counted: m.quorum.counted, required: m.quorum.required, inOffice: m.quorum.inOffice });
    if (motion.quorum.met !== other.quorum.met || motion.result !== other.result) {
      return { number: motion.motion.number, actual: describe(motion), recorded: describe(other) };
    }
  }
  return undefined;
}
