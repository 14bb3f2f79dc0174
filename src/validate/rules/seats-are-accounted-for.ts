import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
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
    { span: locate(["body", "seats"]), message: msg("seats.related.total", { total }) },
    ...(session.session.vacant_seats !== undefined
      ? [{ span: locate(["session", "vacant_seats"]), message: msg("seats.related.vacant", { vacant }) }]
      : []),
  ];
  const at: DataPath = ["members"];
  if (missing > 0) {
    const difference = firstDifference(outcome, tallyUnder(withoutSeats(session), outcome.rules));
    return [
      diagnostic({
        code: "DLB3083",
        message: msg("DLB3083", { missing, listed, inOffice }),
        span: locate(at, "key"),
        hints: [
          difference
            ? msg("DLB3083.hint.difference", { number: difference.number, recorded: difference.recorded, actual: difference.actual })
            : msg("DLB3083.hint.no_difference"),
          transcribed ? msg("DLB3083.hint.transcribed") : msg("DLB3083.hint"),
        ],
        related,
        irregularity: {
          article: "CGCT L2121-17",
          consequence: msg("DLB3083.consequence", { missing, inOffice }),
          couldChangeOutcome: difference !== undefined,
        },
      }),
    ];
  }
  if (surplus > 0) {
    return [
      diagnostic({
        code: "DLB3084",
        message: msg("DLB3084", { listed, vacant, total }),
        span: locate(at, "key"),
        hints: [msg("DLB3084.hint")],
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
