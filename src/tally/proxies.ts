// Proxies, motion by motion: which are used, and why the others are not (CGCT L2121-20: the
// holder present, one proxy per holder or the regime's number, no proxy to oneself; an
// interested or withdrawn holder votes for no one).
import type { DataPath } from "../model/session.js";
import { UNNAMED } from "../model/unknown-facts.js";
import type { MemberPresence } from "./member-presence.js";
import type { RuleSet } from "./rule-set.js";

/** Why a proxy is not used for a motion. */
export type ProxyDefect =
  | "holder_not_present" // absent, excused, left, or represented (no chains)
  | "holder_withdrawn"
  | "holder_interested" // an interested holder votes for no one (RM AN q. 20278)
  | "principal_interested"
  | "over_limit" // more proxies than the regime allows one holder
  | "self";

export interface ProxyUse {
  readonly principal: string;
  readonly holder: string;
  readonly path: DataPath;
  /** Undefined when the proxy is used. */
  readonly defect: ProxyDefect | undefined;
  /**
   * The record does not name the holder (`represented_by: unknown`): the proxy is counted as the
   * record counts it, but whether its holder was there and held no more than the limit cannot
   * be checked (tally/unknown-dependencies.ts marks the figures that depend on it).
   */
  readonly holderUnknown: boolean;
}

/** Which proxies are used for a motion, and why the others are not. */
export function proxyUses(members: ReadonlyMap<string, MemberPresence>, rules: RuleSet): ProxyUse[] {
  const held = new Map<string, number>();
  const uses: ProxyUse[] = [];
  for (const principal of members.values()) {
    if (principal.status !== "represented" || principal.holder === undefined || !principal.inOffice) continue;
    const holder = members.get(principal.holder);
    const holderUnknown = principal.holder === UNNAMED;
    let defect: ProxyDefect | undefined;
    if (holderUnknown) defect = principal.interested || principal.excluded ? "principal_interested" : undefined;
    else if (principal.holder === principal.id) defect = "self";
    else if (!holder) defect = "holder_not_present";
    else if (principal.interested || principal.excluded) defect = "principal_interested";
    else if (holder.interested || holder.excluded) defect = "holder_interested";
    else if (holder.withdrawn) defect = "holder_withdrawn";
    else if (holder.status !== "present" || !holder.inOffice) defect = "holder_not_present";
    if (defect === undefined && !holderUnknown) {
      const count = (held.get(principal.holder) ?? 0) + 1;
      held.set(principal.holder, count);
      if (count > rules.proxiesPerHolder) defect = "over_limit";
    }
    uses.push({ principal: principal.id, holder: principal.holder, path: principal.proxyPath ?? ["attendance", principal.id], defect, holderUnknown });
  }
  return uses;
}

