import type { Session } from "../model/session.js";
import type { AttendanceTotals, QuorumOutcome, Step } from "./outcome.js";

/**
 * The quorum for one motion. CGCT L2121-17 (applied to EPCI and syndicats by L5211-1 and
 * L5711-1, and by default to syndicats mixtes ouverts whose statutes are silent): the
 * majority of members in office, physically present: floor(n / 2) + 1. After a convocation
 * that failed for lack of quorum, the assembly deliberates without quorum.
 */
export function computeQuorum(session: Session, totals: AttendanceTotals): QuorumOutcome {
  const inOffice = totals.seats;
  const present = totals.present;
  const reference = { code: "CGCT", article: "L2121-17" } as const;
  if (session.session.failed_convocation) {
    const steps: Step[] = [
      {
        key: "quorum.second_convocation",
        values: { failedDate: session.session.failed_convocation.date, inOffice, present },
        reference,
      },
    ];
    return { inOffice, present, required: 0, met: true, exemption: "second_convocation", steps };
  }
  const required = Math.floor(inOffice / 2) + 1;
  const met = present >= required;
  const steps: Step[] = [
    { key: "quorum.majority_of_members_in_office", values: { inOffice, required }, reference },
    { key: met ? "quorum.met" : "quorum.not_met", values: { present, inOffice, required }, reference },
  ];
  return { inOffice, present, required, met, exemption: undefined, steps };
}
