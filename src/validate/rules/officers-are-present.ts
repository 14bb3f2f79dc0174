import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { DataPath } from "../../model/session.js";
import { memberName, type RuleContext } from "../rule.js";

/** The president, the secretaries, and the chair of each motion are present (CGCT L2121-14, L2121-15). */
export function officersArePresent({ session, members, presence, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const check = (id: string, path: DataPath, role: string, motionIndex: number) => {
    const member = members.get(id);
    const state = presence[motionIndex]?.members.get(id);
    if (!member || !state || state.status === "present") return;
    const recorded = state.left ? "gone" : `recorded as ${state.status}`;
    found.push(
      diagnostic({
        code: "DLB3013",
        message: `${memberName(member)} ${role} but is ${recorded}`,
        span: locate(path),
        hints: [`correct \`${id}\` under \`attendance\` (or the arrivals and departures), or name the member who did`],
        related: Object.hasOwn(session.attendance, id) ? [{ span: locate(["attendance", id]), message: "attendance recorded here" }] : [],
      }),
    );
  };
  if (presence.length > 0) {
    check(session.session.president, ["session", "president"], "presides the sitting", 0);
    (session.session.secretaries ?? []).forEach((id, i) => check(id, ["session", "secretaries", i], "is secretary of the sitting", 0));
  }
  session.motions.forEach((motion, m) => {
    if (motion.chaired_by) check(motion.chaired_by, ["motions", m, "chaired_by"], `chairs motion ${motion.number}`, m);
  });
  return found;
}
