// Who is there for each motion: the opening attendance, then arrivals, departures, new
// proxies and resignations in order, then the withdrawals of that motion alone. Pure.
import type { DataPath, Motion, Session } from "../model/session.js";
import type { RuleSet } from "./rule-set.js";

export type PresenceStatus = "present" | "absent" | "excused" | "represented" | "substituted";

/** A member's situation for one motion. */
export interface MemberPresence {
  readonly id: string;
  readonly inOffice: boolean;
  readonly status: PresenceStatus;
  /** Left during the sitting (a departure), rather than absent from the start. */
  readonly left: boolean;
  /** The proxy holder, when represented. */
  readonly holder: string | undefined;
  /** Where the proxy was recorded. */
  readonly proxyPath: DataPath | undefined;
  /** The suppléant sitting in the member's place. */
  readonly suppleant: string | undefined;
  /** Out of this motion only: withdrew from the room (CGCT L2121-14). */
  readonly withdrawn: boolean;
  /** Personally interested (CGCT L2131-11): takes no part. */
  readonly interested: boolean;
  /** Not counted among the members in office for this motion (CGCT L1111-6, L2131-11). */
  readonly excluded: boolean;
}

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
}

/** A change that contradicts the state it applies to. */
export interface ChangeProblem {
  readonly kind: "arrival_of_present" | "departure_of_absent" | "proxy_from_present" | "resignation_twice";
  readonly member: string;
  readonly path: DataPath;
}

export interface MotionPresence {
  readonly index: number;
  readonly motion: Motion;
  readonly members: ReadonlyMap<string, MemberPresence>;
  readonly proxies: readonly ProxyUse[];
  readonly problems: readonly ChangeProblem[];
}

/** A suppléant sits for the titulaire (and takes part) unless the titulaire's seat is out of this motion. */
export function seatIsHeldInPerson(state: MemberPresence | undefined): boolean {
  if (!state || !state.inOffice || state.withdrawn || state.interested || state.excluded) return false;
  return state.status === "present" || state.status === "substituted";
}

type Mutable = { -readonly [K in keyof MemberPresence]: MemberPresence[K] };

/** The presence of every member for every motion, in order. */
export function presenceByMotion(session: Session, rules: RuleSet): MotionPresence[] {
  const state = new Map<string, Mutable>();
  for (const member of session.members) {
    // Own keys only: an id such as `constructor` must not read what every object inherits.
    const a = Object.hasOwn(session.attendance, member.id) ? session.attendance[member.id] : undefined;
    state.set(member.id, {
      id: member.id,
      inOffice: member.suppleant_of === undefined,
      status:
        a === undefined
          ? "absent"
          : typeof a === "string"
            ? a
            : a.represented_by !== undefined
              ? "represented"
              : "substituted",
      left: false,
      holder: typeof a === "object" ? a.represented_by : undefined,
      proxyPath: typeof a === "object" && a.represented_by !== undefined ? ["attendance", member.id, "represented_by"] : undefined,
      suppleant: typeof a === "object" ? a.substituted_by : undefined,
      withdrawn: false,
      interested: false,
      excluded: false,
    });
  }

  return session.motions.map((motion, index): MotionPresence => {
    const problems: ChangeProblem[] = [];
    const at = (key: string, i: number | string): DataPath => ["motions", index, key, i];
    motion.resignations?.forEach((id, i) => {
      const s = state.get(id);
      if (!s) return;
      if (!s.inOffice) problems.push({ kind: "resignation_twice", member: id, path: at("resignations", i) });
      s.inOffice = false;
    });
    motion.arrivals?.forEach((id, i) => {
      const s = state.get(id);
      if (!s) return;
      if (s.status === "present") problems.push({ kind: "arrival_of_present", member: id, path: at("arrivals", i) });
      // The principal arrives: the proxy lapses, the member votes in person.
      Object.assign(s, { status: "present", left: false, holder: undefined, proxyPath: undefined, suppleant: undefined });
    });
    motion.departures?.forEach((id, i) => {
      const s = state.get(id);
      if (!s) return;
      if (s.status !== "present" && s.status !== "substituted") {
        problems.push({ kind: "departure_of_absent", member: id, path: at("departures", i) });
      }
      Object.assign(s, { status: "absent", left: true, suppleant: undefined });
    });
    for (const [principal, holder] of Object.entries(motion.proxies ?? {})) {
      const s = state.get(principal);
      if (!s) continue;
      if (s.status === "present") problems.push({ kind: "proxy_from_present", member: principal, path: at("proxies", principal) });
      Object.assign(s, { status: "represented", holder, proxyPath: at("proxies", principal) });
    }

    const members = new Map<string, MemberPresence>();
    for (const [id, s] of state) {
      members.set(id, {
        ...s,
        withdrawn: motion.withdrawn?.includes(id) ?? false,
        interested: motion.interested?.includes(id) ?? false,
        excluded: rules.body.in_office_exclusions !== undefined && (motion.excluded_from_office?.includes(id) ?? false),
      });
    }
    return { index, motion, members, proxies: proxyUses(members, rules), problems };
  });
}

/** Which proxies are used for a motion, and why the others are not. */
function proxyUses(members: ReadonlyMap<string, MemberPresence>, rules: RuleSet): ProxyUse[] {
  const held = new Map<string, number>();
  const uses: ProxyUse[] = [];
  for (const principal of members.values()) {
    if (principal.status !== "represented" || principal.holder === undefined || !principal.inOffice) continue;
    const holder = members.get(principal.holder);
    let defect: ProxyDefect | undefined;
    if (principal.holder === principal.id) defect = "self";
    else if (!holder) defect = "holder_not_present";
    else if (principal.interested || principal.excluded) defect = "principal_interested";
    else if (holder.interested || holder.excluded) defect = "holder_interested";
    else if (holder.withdrawn) defect = "holder_withdrawn";
    else if (holder.status !== "present" || !holder.inOffice) defect = "holder_not_present";
    if (defect === undefined) {
      const count = (held.get(principal.holder) ?? 0) + 1;
      held.set(principal.holder, count);
      if (count > rules.proxiesPerHolder) defect = "over_limit";
    }
    uses.push({ principal: principal.id, holder: principal.holder, path: principal.proxyPath ?? ["attendance", principal.id], defect });
  }
  return uses;
}

