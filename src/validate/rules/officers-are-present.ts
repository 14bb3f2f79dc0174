import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { DataPath } from "../../model/session.js";
import { memberName, type RuleContext } from "../rule.js";

/** The president and the secretaries of the sitting are present (CGCT L2121-14, L2121-15). */
export function officersArePresent({ session, members, locate }: RuleContext): Diagnostic[] {
  const officers: [id: string, path: DataPath, role: string][] = [
    [session.session.president, ["session", "president"], "presides the sitting"],
    ...(session.session.secretaries ?? []).map(
      (id, i): [string, DataPath, string] => [id, ["session", "secretaries", i], "is secretary of the sitting"],
    ),
  ];
  const found: Diagnostic[] = [];
  for (const [id, path, role] of officers) {
    const member = members.get(id);
    const status = session.attendance[id];
    if (!member || status === undefined || status === "present") continue;
    const state = typeof status === "object" ? "represented" : status;
    found.push(
      diagnostic({
        code: "DLB3013",
        message: `${memberName(member)} ${role} but is recorded as ${state}`,
        span: locate(path),
        hints: [`correct \`${id}\` under \`attendance\`, or name the member who did`],
        related: [{ span: locate(["attendance", id]), message: `recorded as ${state} here` }],
      }),
    );
  }
  return found;
}
