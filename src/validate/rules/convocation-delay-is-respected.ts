import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import type { Delay } from "../../law/law.js";
import { clearDays, daysBetween } from "../../tally/dates.js";
import type { RuleContext } from "../rule.js";
import { isUnknown } from "../../model/unknown-facts.js";

/**
 * The convocation is sent far enough ahead (`convocation` in law/bodies.yaml, rules-fr.md
 * §6.1): three clear days in a commune under 3 500 inhabitants (L2121-11), five from 3 500 and
 * in EPCI and syndicats (L2121-12, L5211-1), one in urgency; the report reaches members of a
 * département or a région twelve days before (L3121-19, L4132-18). A warning, and an irregular
 * fact of the sitting: it took place, and only the administrative judge can say whether the
 * delay voids it. A second
 * convocation after a sitting without quorum has its own delay (see secondConvocationIsRegular).
 */
export function convocationDelayIsRespected({ session, outcome, locate }: RuleContext): Diagnostic[] {
  const s = session.session;
  const convocation = outcome.rules.body.convocation;
  // A date the record does not give: the delay cannot be checked (DLB3134 says so).
  if (s.failed_convocation || !convocation || isUnknown(s.convened_on)) return [];
  const population = session.body.population;
  // A body that does not state its population is taken as under every threshold: the shorter delay.
  const ordinary = convocation.delays.find((d) => d.below_population === undefined || (population ?? 0) < d.below_population);
  const delay: Delay | undefined = s.urgency ? (convocation.urgency ?? ordinary) : ordinary;
  if (!delay) return [];
  const clear = delay.clear_days !== undefined;
  const required = delay.clear_days ?? delay.days;
  const counted = clear ? clearDays(s.convened_on, s.date) : daysBetween(s.convened_on, s.date);
  if (counted >= required) return [];
  const assumed = population === undefined && !s.urgency && ordinary?.below_population !== undefined ? ordinary.below_population : undefined;
  return [
    diagnostic({
      severity: "warning",
      code: "DLB3050",
      message: msg("DLB3050", { days: Math.max(0, counted), clear: clear ? "clear" : "calendar", required, source: delay.source }),
      span: locate(["session", "convened_on"]),
      hints: [
        msg(s.urgency ? "DLB3050.hint.urgency" : "DLB3050.hint"),
        ...(assumed !== undefined ? [msg("DLB3050.hint.population", { population: assumed })] : []),
      ],
      irregularity: {
        article: delay.source,
        consequence: msg("DLB3050.consequence"),
        // Whether members convened in time would have come, or voted otherwise, no record says.
        couldChangeOutcome: undefined,
      },
    }),
  ];
}
