import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import type { DataPath } from "../../model/session.js";
import { nameOf, type RuleContext } from "../rule.js";

/** A proxy is given to a colleague: nobody holds their own (CGCT L2121-20). */
export function proxiesNameAnotherMember({ session, members, locate }: RuleContext): Diagnostic[] {
  const proxies: [principal: string, holder: string, path: DataPath][] = [];
  for (const [id, a] of Object.entries(session.attendance)) {
    if (typeof a === "object" && a.represented_by !== undefined) proxies.push([id, a.represented_by, ["attendance", id, "represented_by"]]);
  }
  session.motions.forEach((motion, m) => {
    for (const [id, holder] of Object.entries(motion.proxies ?? {})) proxies.push([id, holder, ["motions", m, "proxies", id]]);
  });
  return proxies
    .filter(([principal, holder]) => principal === holder)
    .map(([principal, , path]) =>
      diagnostic({
        code: "DLB3007",
        message: msg("DLB3007", { name: nameOf(members, principal) }),
        span: locate(path),
        hints: [msg("DLB3007.hint")],
      }),
    );
}
