import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { MotionOutcome } from "../../tally/outcome.js";
import type { MotionPresence, ProxyUse } from "../../tally/presence.js";
import { nameOf, type RuleContext } from "../rule.js";

/**
 * A proxy goes to a member who is present when it takes effect
 * and is not represented in turn (no chains); one member holds no more proxies than the
 * regime allows (CGCT L2121-20: one; two under the sanitary regimes). A proxy whose holder
 * later leaves, withdraws or is interested simply lapses: that is a result, shown by `explain`.
 */
export function proxiesAreRegular({ session, presence, members, outcome, locate }: RuleContext): Diagnostic[] {
  const transcribed = session.record === "transcribed";
  const found: Diagnostic[] = [];
  const reported = new Set<string>();
  const firstUse = new Map<string, number>(); // proxy path -> first motion index where it is in force
  for (const p of presence) {
    for (const use of p.proxies) {
      const key = use.path.join("/");
      if (!firstUse.has(key)) firstUse.set(key, p.index);
    }
  }
  for (const p of presence) {
    for (const use of p.proxies) {
      const key = `${use.path.join("/")}:${use.defect}`;
      if (use.defect === undefined || reported.has(key)) continue;
      const here = locate(use.path);
      const principal = nameOf(members, use.principal);
      const holder = nameOf(members, use.holder);
      if (use.defect === "holder_not_present" && firstUse.get(use.path.join("/")) === p.index) {
        reported.add(key);
        const state = p.members.get(use.holder);
        const departure = state?.left ? departurePath(presence, use.holder, p.index) : undefined;
        const status = state?.status === "represented" ? "represented too" : state?.left ? "has left the sitting" : `is ${state?.status ?? "absent"}`;
        const duringSitting = use.path[0] === "motions";
        found.push(
          diagnostic({
            code: "DLB3006",
            message: `${principal} gives a proxy to ${holder}, who ${status.startsWith("represented") ? `is ${status}` : status}`,
            span: here,
            hints: [
              `a proxy can only be used by a member present for the vote (${outcome.rules.proxySource}); a proxy cannot be passed on`,
              duringSitting
                ? `name a member still present, or drop the proxy: ${principal} then simply leaves`
                : `if ${holder} was present, correct their attendance; otherwise record ${principal} as \`excused\``,
            ],
            related: [{ span: locate(departure ?? ["attendance", use.holder]), message: departure ? `${holder} leaves here` : `${holder}'s attendance` }],
            irregularity: {
              article: outcome.rules.proxySource,
              consequence: `the proxy is not counted: ${principal} is counted absent and does not vote`,
              couldChangeOutcome: sensitivity(use, presence, outcome.motions).couldChange,
            },
          }),
        );
      } else if (use.defect === "over_limit") {
        reported.add(key);
        const limit = outcome.rules.proxiesPerHolder;
        const others = p.proxies.filter((u) => u.holder === use.holder && u !== use && u.defect === undefined);
        found.push(
          diagnostic({
            code: "DLB3020",
            message: `${holder} holds ${others.length + 1} proxies, but a member may hold ${limit} (${outcome.rules.regime.label}, ${outcome.rules.proxySource})`,
            span: here,
            hints: [
              sensitivity(use, presence, outcome.motions).sentence,
              transcribed
                ? "the record is transcribed as adopted: the proxy stays as given, is not counted, and is listed as a finding"
                : `keep ${limit === 1 ? "one proxy" : `${limit} proxies`} per holder; for a record already adopted and signed, write \`record: transcribed\`: the proxy stays in the record as given, is not counted, and is listed as a finding`,
            ],
            related: others.map((u) => ({ span: locate(u.path), message: `${holder} also holds the proxy of ${nameOf(members, u.principal)} here` })),
            irregularity: {
              article: outcome.rules.proxySource,
              consequence: `the extra proxy is not counted: ${principal} does not vote`,
              couldChangeOutcome: sensitivity(use, presence, outcome.motions).couldChange,
            },
          }),
        );
      }
    }
  }
  return found;
}

/** Where a member's departure before motion `before` is recorded. */
function departurePath(presence: readonly MotionPresence[], member: string, before: number): (string | number)[] | undefined {
  for (let m = before; m >= 0; m--) {
    const i = presence[m]?.motion.departures?.indexOf(member) ?? -1;
    if (i >= 0) return ["motions", m, "departures", i];
  }
  return undefined;
}

/**
 * Whether removing the irregular proxy could have changed a result (CE 2 Dec 1991,
 * n° 109724: an irregularity that could not change the outcome does not void it).
 */
export function sensitivity(use: ProxyUse, presence: readonly MotionPresence[], motions: readonly MotionOutcome[]): { couldChange: boolean; sentence: string } {
  const affected: string[] = [];
  for (const m of motions) {
    const inForce = presence[m.index]?.proxies.some((u) => u.principal === use.principal && u.holder === use.holder);
    if (!inForce) continue;
    // The voices the proxy would carry: those of the principal's voting seats.
    const voices = m.attendance.lines.filter((l) => l.member.id === use.principal && l.hasVote).reduce((s, l) => s + l.voices, 0);
    const quorumAtStake = m.quorum.counts === "present_or_represented" && m.quorum.exemption === undefined && m.quorum.counted + 1 === m.quorum.required;
    const margin = m.vote ? Math.abs(m.vote.for - m.vote.against) : Infinity;
    if (quorumAtStake || voices >= margin || m.election !== undefined) affected.push(m.motion.number);
  }
  return affected.length === 0
    ? { couldChange: false, sentence: "counted or not, this proxy could not have changed any result" }
    : { couldChange: true, sentence: `counted, this proxy could have changed the result of ${affected.join(", ")}` };
}
