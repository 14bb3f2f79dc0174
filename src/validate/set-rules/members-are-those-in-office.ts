import type { FileSet, RosterEvent, SetFinding } from "./set-rule.js";
import { msg } from "../../diagnostics/message.js";

/**
 * Members in office on `date`, from the roster's dated events: the same reading as a session's
 * own statuses (tally/roster.ts), an `installed` event counting from its day, a `resigned`,
 * `died` or `ended` event ending office from its day (CGCT L2121-4: a resignation is final on
 * its receipt by the maire).
 */
export function inOffice(roster: readonly RosterEvent[], date: string): Set<string> {
  const last = new Map<string, string>();
  for (const event of [...roster].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    if (event.date <= date) last.set(event.member, event.event);
  }
  return new Set([...last].filter(([, event]) => event === "installed").map(([member]) => member));
}

/** Members whose office ends on `date` itself, by the roster: they may resign during the sitting. */
function endingOn(roster: readonly RosterEvent[], date: string): Set<string> {
  return new Set(roster.filter((e) => e.date === date && e.event !== "installed").map((e) => e.member));
}

/**
 * With a roster in delib.config.yaml, each session lists exactly the members in office on its
 * date: every member in office is convened (CGCT L2121-10), and nobody else sits.
 *
 * The roster and a session's own statuses (`resigned_on`, `deceased_on`, `installed_on`) read
 * dates the same way, so they cannot contradict each other in silence: a member the roster says
 * resigned and the file lists in office, without `resigned_on`, is DLB3706; a member in office by
 * the roster whom the file leaves out, or counts out of office, is DLB3707. One day is left to
 * the file alone: a member whose office ends, by the roster, on the sitting's date may have
 * resigned during the sitting (a motion's `resignations`), which only the file knows.
 */
export function membersAreThoseInOffice(set: FileSet): SetFinding[] {
  const roster = set.config.roster;
  if (roster.length === 0) return [];
  const findings: SetFinding[] = [];
  for (const s of set.sessions) {
    const office = inOffice(roster, s.date);
    const ending = endingOn(roster, s.date);
    const listed = new Set(s.members);
    s.members.forEach((member, index) => {
      if (office.has(member) || ending.has(member)) return;
      findings.push({
        severity: "error",
        code: "DLB3706",
        message: msg("DLB3706", { member, date: s.date }),
        hints: [msg("DLB3706.hint")],
        file: s.path,
        at: ["members", index],
        related: [],
      });
    });
    for (const member of office) {
      if (listed.has(member)) continue;
      findings.push({
        severity: "error",
        code: "DLB3707",
        message: msg("DLB3707", { member, date: s.date }),
        hints: [msg("DLB3707.hint")],
        file: s.path,
        at: ["members"],
        related: [],
      });
    }
  }
  return findings;
}
