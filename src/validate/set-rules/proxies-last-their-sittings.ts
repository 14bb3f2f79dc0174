import { proxyValiditySittings } from "../../law/proxy-validity.js";
import { inSittingOrder, type SessionSummary } from "./session-summary.js";
import type { FileSet, SetFinding } from "./set-rule.js";
import { msg } from "../../diagnostics/message.js";

/**
 * A proxy is valid for a limited number of consecutive sittings, except for illness (CGCT
 * L2121-20: three; the count and the bodies it applies to are law data, law/bodies.yaml).
 * Only a register can tell: the sittings before this one are in other files.
 */
export function proxiesLastTheirSittings(set: FileSet): SetFinding[] {
  if (set.config.path === undefined) return [];
  const findings: SetFinding[] = [];
  const runs = new Map<string, { holder: string; count: number; first: SessionSummary }>();
  for (const s of inSittingOrder(set.sessions)) {
    const limit = proxyValiditySittings(set.law, s.kind);
    if (limit === undefined) continue;
    const current = new Map(s.proxies.map((p) => [p.principal, p.holder]));
    for (const principal of [...runs.keys()]) if (current.get(principal) !== runs.get(principal)!.holder) runs.delete(principal);
    for (const [principal, holder] of current) {
      const run = runs.get(principal);
      const next = run ? { ...run, count: run.count + 1 } : { holder, count: 1, first: s };
      runs.set(principal, next);
      if (next.count === limit.sittings + 1 && !s.illness.includes(principal)) {
        findings.push({
          severity: "warning",
          code: "DLB3705",
          message: msg("DLB3705", { principal: nameIn(s, principal), holder: nameIn(s, holder), count: next.count, limit: limit.sittings, article: limit.source }),
          hints: [msg("DLB3705.hint")],
          file: s.path,
          at: ["attendance", principal, "represented_by"],
          related: [{ file: next.first.path, at: ["attendance", principal, "represented_by"], message: msg("DLB3705.related") }],
          irregularity: {
            article: limit.source,
            consequence: msg("DLB3705.consequence"),
            // Whether a new proxy was given, and whether that vote mattered, the register does not say.
            couldChangeOutcome: undefined,
          },
        });
      }
    }
  }
  return findings;
}

/** A member as the file names them, or their id in backquotes when it does not. */
function nameIn(s: SessionSummary, id: string): string {
  return s.names[id] ?? `\`${id}\``;
}
