import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import type { RuleContext } from "../rule.js";

/** Each member is listed once: an id names one person. */
export function memberIdsAreUnique({ session, locate }: RuleContext): Diagnostic[] {
  const first = new Map<string, number>();
  const found: Diagnostic[] = [];
  session.members.forEach((member, index) => {
    const earlier = first.get(member.id);
    if (earlier === undefined) {
      first.set(member.id, index);
      return;
    }
    found.push(
      diagnostic({
        code: "DLB3001",
        message: msg("DLB3001", { id: member.id }),
        span: locate(["members", index, "id"]),
        hints: [msg("DLB3001.hint")],
        related: [{ span: locate(["members", earlier, "id"]), message: msg("DLB3001.related") }],
      }),
    );
  });
  return found;
}
