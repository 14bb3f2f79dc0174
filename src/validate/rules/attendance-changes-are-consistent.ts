import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg, type Message } from "../../diagnostics/message.js";
import type { ChangeProblem } from "../../tally/presence.js";
import { nameOf, type RuleContext } from "../rule.js";

const messages: Record<ChangeProblem["kind"], (name: string, motion: string) => { message: Message; hint: Message }> = {
  arrival_of_present: (name, motion) => ({
    message: msg("DLB3030.arrival_of_present", { name, motion }),
    hint: msg("DLB3030.hint.arrival_of_present"),
  }),
  departure_of_absent: (name, motion) => ({
    message: msg("DLB3030.departure_of_absent", { name, motion }),
    hint: msg("DLB3030.hint.departure_of_absent"),
  }),
  proxy_from_present: (name, motion) => ({
    message: msg("DLB3030.proxy_from_present", { name, motion }),
    hint: msg("DLB3030.hint.proxy_from_present"),
  }),
  resignation_twice: (name, motion) => ({
    message: msg("DLB3030.resignation_twice", { name, motion }),
    hint: msg("DLB3030.hint.resignation_twice"),
  }),
};

/** Arrivals, departures, proxies and resignations during the sitting follow the state they change. */
export function attendanceChangesAreConsistent({ presence, members, locate }: RuleContext): Diagnostic[] {
  return presence.flatMap((p) =>
    p.problems.map((problem) => {
      const { message, hint } = messages[problem.kind](nameOf(members, problem.member), p.motion.number);
      // A proxy is recorded under its principal's id: point at that key, the message's subject.
      const span = locate(problem.path, problem.kind === "proxy_from_present" ? "key" : "value");
      return diagnostic({ code: "DLB3030", message, span, hints: [hint] });
    }),
  );
}
