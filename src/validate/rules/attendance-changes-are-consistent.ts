import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { ChangeProblem } from "../../tally/presence.js";
import { nameOf, type RuleContext } from "../rule.js";

const messages: Record<ChangeProblem["kind"], (name: string) => { message: string; hint: string }> = {
  arrival_of_present: (name) => ({
    message: `${name} arrives, but is already present`,
    hint: "list a member under `arrivals` only for the motion before which they came in",
  }),
  departure_of_absent: (name) => ({
    message: `${name} leaves, but is not present`,
    hint: "list a member under `departures` only if they were present until then",
  }),
  proxy_from_present: (name) => ({
    message: `${name} gives a proxy while present`,
    hint: "a member gives a proxy when leaving: list them under `departures` for the same motion",
  }),
  resignation_twice: (name) => ({ message: `${name} resigns twice`, hint: "keep the first resignation" }),
};

/** Arrivals, departures, proxies and resignations during the sitting follow the state they change. */
export function attendanceChangesAreConsistent({ presence, members, locate }: RuleContext): Diagnostic[] {
  return presence.flatMap((p) =>
    p.problems.map((problem) => {
      const { message, hint } = messages[problem.kind](nameOf(members, problem.member));
      // A proxy is recorded under its principal's id: point at that key, the message's subject.
      const span = locate(problem.path, problem.kind === "proxy_from_present" ? "key" : "value");
      return diagnostic({ code: "DLB3030", message: `${message} (motion ${p.motion.number})`, span, hints: [hint] });
    }),
  );
}
