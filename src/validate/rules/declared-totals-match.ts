import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { RuleContext } from "../rule.js";

/** Totals written in the file agree with the totals counted from the seats for the first motion. */
export function declaredTotalsMatch({ session, outcome, locate }: RuleContext): Diagnostic[] {
  const declared = session.declared_totals;
  const first = outcome.motions[0];
  if (!declared || !first) return [];
  // A member without a status is already reported; counting them would only add noise.
  if (session.members.some((m) => m.suppleant_of === undefined && !Object.hasOwn(session.attendance, m.id))) return [];
  const computed = first.attendance.totals;
  const found: Diagnostic[] = [];
  for (const key of ["present", "absent", "excused", "represented", "voting"] as const) {
    const written = declared[key];
    if (written === undefined || written === computed[key]) continue;
    found.push(
      diagnostic({
        code: "DLB3011",
        message: `the declared total \`${key}: ${written}\` does not match the table, which counts ${computed[key]} ${key}`,
        span: locate(["declared_totals", key]),
        hints: [
          "delib counts the totals from the attendance of each seat: check the attendance list, or correct the declared total",
        ],
      }),
    );
  }
  return found;
}
