import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg, type Message } from "../../diagnostics/message.js";
import type { DataPath } from "../../model/session.js";
import { memberName, type RuleContext } from "../rule.js";

/** The president, the secretaries, and the chair of each motion are present (CGCT L2121-14, L2121-15). */
export function officersArePresent({ session, members, presence, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  // The role is a message of its own, told the member's name and how they are recorded.
  type Role = (values: { name: string; state: string }) => Message;
  const check = (id: string, path: DataPath, role: Role, motionIndex: number) => {
    const member = members.get(id);
    const state = presence[motionIndex]?.members.get(id);
    if (!member || !state || state.status === "present") return;
    found.push(
      diagnostic({
        code: "DLB3013",
        message: role({ name: memberName(member), state: state.left ? "gone" : state.status }),
        span: locate(path),
        hints: [msg("DLB3013.hint", { id })],
        related: Object.hasOwn(session.attendance, id) ? [{ span: locate(["attendance", id]), message: msg("DLB3013.related") }] : [],
      }),
    );
  };
  if (presence.length > 0) {
    check(session.session.president, ["session", "president"], (values) => msg("DLB3013.president", values), 0);
    (session.session.secretaries ?? []).forEach((id, i) => check(id, ["session", "secretaries", i], (values) => msg("DLB3013.secretary", values), 0));
  }
  session.motions.forEach((motion, m) => {
    if (motion.chaired_by) {
      check(motion.chaired_by, ["motions", m, "chaired_by"], (values) => msg("DLB3013.chair", { ...values, number: motion.number }), m);
    }
  });
  return found;
}
