import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
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
        message: `the id \`${member.id}\` is given to two members`,
        span: locate(["members", index, "id"]),
        hints: ["give each member an id of their own, e.g. add the first name's initial: `j-dupont`"],
        related: [{ span: locate(["members", earlier, "id"]), message: "first given here" }],
      }),
    );
  });
  return found;
}
