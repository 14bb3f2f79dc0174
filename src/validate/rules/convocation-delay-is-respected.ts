import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { clearDays, daysBetween } from "../../tally/dates.js";
import type { RuleContext } from "../rule.js";

/**
 * The convocation is sent far enough ahead (rules-fr.md §6.1): three clear days in a commune
 * under 3 500 inhabitants (L2121-11), five from 3 500 and in EPCI and syndicats (L2121-12,
 * L5211-1), one in urgency; the report reaches members of a département or a région twelve
 * days before (L3121-19, L4132-18). A warning: the sitting took place, and only the
 * administrative judge can say whether the delay voids it. A second convocation after a
 * sitting without quorum has its own delay (see secondConvocationIsRegular).
 */
export function convocationDelayIsRespected({ session, outcome, locate }: RuleContext): Diagnostic[] {
  const s = session.session;
  const kind = outcome.rules.kind;
  if (s.failed_convocation || kind === "custom") return [];
  let required: number;
  let counted: number;
  let source: string;
  let unit = "clear days";
  if (s.urgency) {
    required = 1;
    counted = clearDays(s.convened_on, s.date);
    source = "CGCT L2121-12";
  } else if (kind === "departement" || kind === "region" || kind === "commission_permanente") {
    required = 12;
    counted = daysBetween(s.convened_on, s.date);
    unit = "days";
    source = kind === "region" ? "CGCT L4132-18" : "CGCT L3121-19";
  } else if (kind === "commune" && (session.body.population ?? 0) < 3500) {
    required = 3;
    counted = clearDays(s.convened_on, s.date);
    source = "CGCT L2121-11";
  } else {
    required = 5;
    counted = clearDays(s.convened_on, s.date);
    source = kind === "commune" ? "CGCT L2121-12" : "CGCT L2121-12 par renvoi de l'art. L5211-1";
  }
  if (counted >= required) return [];
  return [
    diagnostic({
      severity: "warning",
      code: "DLB3050",
      message: `the convocation was sent ${Math.max(0, counted)} ${unit} before the sitting; ${required} are required (${source})`,
      span: locate(["session", "convened_on"]),
      hints: [
        s.urgency ? "check the dates" : "check the dates; if the maire shortened the delay for urgency, add `urgency: true` under `session`",
        ...(kind === "commune" && session.body.population === undefined ? ["delib assumed a commune under 3 500 inhabitants: add `population:` under `body`"] : []),
      ],
    }),
  ];
}
