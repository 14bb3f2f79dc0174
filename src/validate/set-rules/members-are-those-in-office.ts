import type { FileSet, RosterEvent, SetFinding } from "./set-rule.js";

/** Members in office on `date`, from the roster's dated events. */
export function inOffice(roster: readonly RosterEvent[], date: string): Set<string> {
  const last = new Map<string, string>();
  for (const event of [...roster].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    if (event.date <= date) last.set(event.member, event.event);
  }
  return new Set([...last].filter(([, event]) => event === "installed").map(([member]) => member));
}

/**
 * With a roster in delib.config.yaml, each session lists exactly the members in office on its
 * date: every member in office is convened (CGCT L2121-10), and nobody else sits.
 */
export function membersAreThoseInOffice(set: FileSet): SetFinding[] {
  const roster = set.config.roster;
  if (roster.length === 0) return [];
  const findings: SetFinding[] = [];
  for (const s of set.sessions) {
    const office = inOffice(roster, s.date);
    const listed = new Set(s.members);
    s.members.forEach((member, index) => {
      if (office.has(member)) return;
      findings.push({
        severity: "error",
        code: "DLB3706",
        message: `\`${member}\` is listed, but is not in office on ${s.date} according to the roster`,
        hints: ["check the member's installation and end of office under `roster` in delib.config.yaml, or remove the member from this session"],
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
        message: `\`${member}\` is in office on ${s.date} according to the roster, but is not listed`,
        hints: ["every member in office is convened and has an attendance status; add the member, or record the end of office in the roster"],
        file: s.path,
        at: ["members"],
        related: [],
      });
    }
  }
  return findings;
}
