import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { memberName, type RuleContext } from "../rule.js";

/**
 * A proxy is held by another member who is present (CGCT L2121-20: a member prevented
 * from attending gives a written proxy to a colleague). No proxy to oneself, no chains.
 */
export function proxyHolderIsPresent({ session, members, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const [id, attendance] of Object.entries(session.attendance)) {
    if (typeof attendance !== "object") continue;
    const holderId = attendance.represented_by;
    const holder = members.get(holderId);
    const principal = members.get(id);
    if (!holder || !principal) continue; // unknown ids: referencesAreKnown
    const here = locate(["attendance", id, "represented_by"]);
    if (holderId === id) {
      found.push(
        diagnostic({
          code: "DLB3007",
          message: `${memberName(principal)} cannot hold their own proxy`,
          span: here,
          hints: ["name the colleague who received the proxy"],
        }),
      );
      continue;
    }
    const holderStatus = session.attendance[holderId];
    if (holderStatus === "present" || holderStatus === undefined) continue;
    const state = typeof holderStatus === "object" ? "represented too" : holderStatus;
    found.push(
      diagnostic({
        code: "DLB3006",
        message: `${memberName(principal)} gave a proxy to ${memberName(holder)}, who is ${state}`,
        span: here,
        hints: [
          "a proxy can only be used by a member present at the sitting (CGCT L2121-20); a proxy cannot be passed on",
          `if ${memberName(holder)} was present, correct their attendance; otherwise record ${memberName(principal)} as \`excused\``,
        ],
        related: [{ span: locate(["attendance", holderId]), message: `${memberName(holder)} is ${state} here` }],
      }),
    );
  }
  return found;
}
