import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { listOf, msg, type Message } from "../../diagnostics/message.js";
import { votersOf } from "../../tally/figures.js";
import type { MotionOutcome, Outcome } from "../../tally/outcome.js";
import type { MotionPresence, ProxyUse } from "../../tally/presence.js";
import { nameOf, type RuleContext } from "../rule.js";

/**
 * A proxy goes to a member who is present for a motion while it is in force, and not
 * represented in turn (no chains); one member holds no more proxies than the regime allows
 * (CGCT L2121-20: one; two under the sanitary regimes). L2121-20 does not require the holder at
 * the opening: a proxy to a member who arrives later is used from their arrival on, and one
 * whose holder later leaves, withdraws or is interested is not cast for those motions, and cast
 * again when the holder is back (a written mandate for the sitting): both are results, shown
 * by `explain`. Only a proxy whose holder is present for no motion while it is in force, so that
 * it is used for none, is an irregular fact (DLB3006).
 */
export function proxiesAreRegular({ presence, members, outcome, locate, transcribed }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const reported = new Set<string>();
  // The proxies whose holder is present for at least one motion while they are in force:
  // those are used then (or fail for another reason, reported on its own), never DLB3006.
  const holderThere = new Set<string>();
  for (const p of presence) {
    for (const use of p.proxies) {
      const holder = p.members.get(use.holder);
      if (holder?.status === "present" && holder.inOffice) holderThere.add(use.path.join("/"));
    }
  }
  for (const p of presence) {
    for (const use of p.proxies) {
      const key = `${use.path.join("/")}:${use.defect}`;
      if (use.defect === undefined || reported.has(key)) continue;
      const here = locate(use.path);
      const principal = nameOf(members, use.principal);
      const holder = nameOf(members, use.holder);
      if (use.defect === "holder_not_present" && !holderThere.has(use.path.join("/"))) {
        reported.add(key);
        const state = p.members.get(use.holder);
        const departure = state?.left ? departurePath(presence, use.holder, p.index) : undefined;
        // Why the holder cannot use it: represented in turn, gone, or another status.
        const status = state?.status === "represented" ? "represented" : state?.left ? "left" : (state?.status ?? "absent");
        const duringSitting = use.path[0] === "motions";
        found.push(
          diagnostic({
            code: "DLB3006",
            message: msg("DLB3006", { principal, holder, status }),
            span: here,
            hints: [
              msg("DLB3006.hint", { article: outcome.rules.proxySource }),
              transcribed
                ? msg("DLB3006.hint.transcribed")
                : duringSitting
                  ? msg("DLB3006.hint.during_sitting", { principal })
                  : msg("DLB3006.hint.attendance", { principal, holder }),
            ],
            related: [{ span: locate(departure ?? ["attendance", use.holder]), message: departure ? msg("DLB3006.related.departure", { holder }) : msg("DLB3006.related", { holder }) }],
            irregularity: {
              article: outcome.rules.proxySource,
              consequence: msg("DLB3006.consequence", { principal }),
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
            message: msg("DLB3020", { holder, count: others.length + 1, limit, regime: outcome.rules.regime.label, article: outcome.rules.proxySource }),
            span: here,
            hints: [
              sensitivity(use, presence, outcome.motions).sentence,
              transcribed ? msg("DLB3020.hint.transcribed") : msg("DLB3020.hint", { limit }),
            ],
            related: others.map((u) => ({ span: locate(u.path), message: msg("DLB3020.related", { holder, principal: nameOf(members, u.principal) }) })),
            irregularity: {
              article: outcome.rules.proxySource,
              consequence: extraProxyConsequence(use, presence, outcome, principal),
              couldChangeOutcome: sensitivity(use, presence, outcome.motions).couldChange,
            },
          }),
        );
      }
    }
  }
  return found;
}

/**
 * What delib does with a proxy beyond the limit: it is not counted among the voters. A vote
 * recorded by name then counts without the principal's line (DLB3021), a unanimous vote without
 * the principal; but a vote recorded as counts cannot have the principal's vote taken out: delib
 * counts it as recorded, and where it includes that vote it exceeds the voters
 * (votes-add-up-to-voters reports it).
 */
function extraProxyConsequence(use: ProxyUse, presence: readonly MotionPresence[], outcome: Outcome, principal: string): Message {
  const counts = outcome.motions.filter((m) => {
    const record = m.motion.vote;
    const inForce = presence[m.index]?.proxies.some((u) => u.path.join("/") === use.path.join("/") && u.defect === "over_limit");
    return inForce && m.vote !== undefined && record !== undefined && !record.by_member && !record.unanimous;
  });
  if (counts.length === 0) return msg("DLB3020.consequence", { principal });
  const exceed = counts.filter((m) => {
    const v = m.vote!;
    return v.for + v.against + v.abstentions + v.blank + v.null > votersOf(m, outcome.rules.proxyCarriesVoices).voting;
  });
  const numbers = (ms: readonly MotionOutcome[]) => listOf(ms.map((m) => m.motion.number));
  if (exceed.length === 0) return msg("DLB3020.consequence.counts", { principal, numbers: numbers(counts) });
  return msg("DLB3020.consequence.exceed", { principal, numbers: numbers(exceed) });
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
export function sensitivity(use: ProxyUse, presence: readonly MotionPresence[], motions: readonly MotionOutcome[]): { couldChange: boolean; sentence: Message } {
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
    ? { couldChange: false, sentence: msg("DLB3020.hint.no_change") }
    : { couldChange: true, sentence: msg("DLB3020.hint.could_change", { numbers: listOf(affected) }) };
}
