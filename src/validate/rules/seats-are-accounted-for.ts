import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { DataPath, Session } from "../../model/session.js";
import { tallyUnder } from "../../tally/tally.js";
import type { RuleContext } from "../rule.js";
import { firstDifference } from "./outcomes-differ.js";

/**
 * With the assembly's seats given (`body.seats`, « effectif légal »: CGCT L2121-2 for a
 * municipal council, the statutes or the law of the body otherwise), the seats held by members
 * in office at the opening and the vacant seats (`session.vacant_seats`) account for every seat.
 *
 * A list short of it leaves members in office out: they were convened or should have been
 * (CGCT L2121-10), and the quorum is counted on every member in office (CGCT L2121-17), so delib
 * counts the missing seats in office and absent. That is an irregular fact (a finding in a
 * transcribed record); whether it could change an outcome is the count on the list alone against
 * delib's. A list longer than the seats is an error in the file: delib cannot tell who is not in
 * office.
 */
export function seatsAreAccountedFor({ session, outcome, locate, transcribed }: RuleContext): Diagnostic[] {
  const account = outcome.seats;
  if (account.seats === undefined) return [];
  const { seats: total, vacant, listed, missing, surplus } = account;
  const inOffice = total - vacant;
  const related = [
    { span: locate(["body", "seats"]), message: `the assembly has ${total} seat${total === 1 ? "" : "s"}` },
    ...(session.session.vacant_seats !== undefined
      ? [{ span: locate(["session", "vacant_seats"]), message: `${vacant} vacant on the day` }]
      : []),
  ];
  const at: DataPath = ["members"];
  if (missing > 0) {
    const difference = firstDifference(outcome, tallyUnder(withoutSeats(session), outcome.rules));
    const plural = missing > 1;
    return [
      diagnostic({
        code: "DLB3083",
        message: `${missing} member${plural ? "s" : ""} in office ${plural ? "are" : "is"} missing from the list: the quorum would be counted on ${listed} instead of ${inOffice}`,
        span: locate(at, "key"),
        hints: [
          difference
            ? `counted on the list alone, ${difference.number} would be ${difference.recorded}, where delib, counting the missing members absent, finds it ${difference.actual}`
            : "counted on the list alone, no quorum and no result of the sitting would change",
          transcribed
            ? "the record is transcribed as printed: delib counts the missing members in office and absent, and lists it as a finding"
            : "list every member in office, each with an attendance status; count the seats no one holds in `session.vacant_seats`; give a member who left office `resigned_on` or `deceased_on`",
        ],
        related,
        irregularity: {
          article: "CGCT L2121-17",
          consequence: `the ${missing} seat${plural ? "s" : ""} missing from the list ${plural ? "are" : "is"} counted in office and absent: the quorum is counted on ${inOffice}`,
          couldChangeOutcome: difference !== undefined,
        },
      }),
    ];
  }
  if (surplus > 0) {
    return [
      diagnostic({
        code: "DLB3084",
        message: `${listed} member${listed === 1 ? " is" : "s are"} listed in office${vacant > 0 ? ` and ${vacant} seat${vacant === 1 ? " is" : "s are"} vacant` : ""}, but the assembly has ${total} seat${total === 1 ? "" : "s"}`,
        span: locate(at, "key"),
        hints: [
          "give a member who left office `resigned_on` or `deceased_on`, and a replacement `installed_on`; or correct `body.seats` or `session.vacant_seats`",
        ],
        related,
      }),
    ];
  }
  return [];
}

/** The session counted on its list alone, as a record that ignores the seats does. */
function withoutSeats(session: Session): Session {
  return { ...session, body: { ...session.body, seats: undefined } };
}
