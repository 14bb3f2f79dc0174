import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { DeclaredTotals } from "../../model/session.js";
import { countSeats, seatLines } from "../../tally/seat-lines.js";
import type { RuleContext } from "../rule.js";

const labels: Record<keyof DeclaredTotals, string> = {
  present: "present",
  absent: "absent",
  excused: "excused",
  represented: "represented",
  voting: "voting",
};

/** Totals written in the file agree with the totals counted from the seats. */
export function declaredTotalsMatch({ session, members, locate }: RuleContext): Diagnostic[] {
  const declared = session.declared_totals;
  if (!declared) return [];
  // A member without a status is already reported; counting them would only add noise.
  if (session.members.some((m) => !Object.hasOwn(session.attendance, m.id))) return [];
  const lines = seatLines(session, members);
  const computed = countSeats(lines);
  const found: Diagnostic[] = [];
  for (const key of Object.keys(labels) as (keyof DeclaredTotals)[]) {
    const written = declared[key];
    if (written === undefined || written === computed[key]) continue;
    found.push(
      diagnostic({
        code: "DLB3011",
        message: `the declared total \`${key}: ${written}\` does not match the table, which counts ${computed[key]} ${labels[key]}`,
        span: locate(["declared_totals", key]),
        hints: [
          "delib counts the totals from the attendance of each seat: check the attendance list, or correct the declared total",
        ],
      }),
    );
  }
  return found;
}
