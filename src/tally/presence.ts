// Who is there for each motion: the opening attendance, then arrivals, departures, new
// proxies and resignations in order, then the withdrawals of that motion alone. Pure.
import type { DataPath, Motion, Session } from "../model/session.js";
import { isUnknown, UNNAMED } from "../model/unknown-facts.js";
import type { MemberPresence } from "./member-presence.js";
import { proxyUses, type ProxyUse } from "./proxies.js";
import { inOfficeAtOpening } from "./roster.js";
import type { RuleSet } from "./rule-set.js";

export type { MemberPresence, PresenceStatus } from "./member-presence.js";
export type { ProxyDefect, ProxyUse } from "./proxies.js";

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
      // « En exercice » from the member's statuses at the sitting's date (tally/roster.ts).
      inOffice: inOfficeAtOpening(member, session),
      status:
        a === undefined
          ? "absent"
          : typeof a === "string"
            ? a
            : a.represented_by !== undefined
              ? "represented"
              : "substituted",
      left: false,
      // A holder or a suppléant the record does not name is UNNAMED: counted, never guessed.
      holder: typeof a === "object" ? (isUnknown(a.represented_by) ? UNNAMED : a.represented_by) : undefined,
      proxyPath: typeof a === "object" && a.represented_by !== undefined ? ["attendance", member.id, "represented_by"] : undefined,
      suppleant: typeof a === "object" ? (isUnknown(a.substituted_by) ? UNNAMED : a.substituted_by) : undefined,
      withdrawn: false,
      interested: false,
      excluded: false,
      notTakingPart: false,
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
    const notTaking = new Set(motion.not_taking_part ?? []);
    for (const [id, s] of state) {
      members.set(id, {
        ...s,
        withdrawn: motion.withdrawn?.includes(id) ?? false,
        interested: motion.interested?.includes(id) ?? false,
        excluded: rules.body.in_office_exclusions !== undefined && (motion.excluded_from_office?.includes(id) ?? false),
        notTakingPart: notTaking.has(id) || (s.status === "substituted" && s.suppleant !== undefined && notTaking.has(s.suppleant)),
      });
    }
    return { index, motion, members, proxies: proxyUses(members, rules), problems };
  });
}
