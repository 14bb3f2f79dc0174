// Checks across all the session files of a register (rules-fr.md §4.1, §6.4): numbers unique,
// without gaps within a year and in date order, per the configured pattern; a proxy runs for
// at most three consecutive sittings (L2121-20); each session lists exactly the members in
// office on its date, from the roster's dated events. Pure: findings carry data paths, the
// caller locates them in the files.
import type { Config } from "../config/load-config.js";
import type { DataPath } from "../model/session.js";
import type { SessionSummary } from "./summary.js";

/** A finding before it is located: in which file, at which data path. */
export interface RegisterFinding {
  readonly severity: "error" | "warning";
  readonly code: string;
  readonly message: string;
  readonly hints: readonly string[];
  /** A session file and a path in it; or the configuration file when `path` is undefined. */
  readonly file: string | undefined;
  readonly at: DataPath;
  readonly related: readonly { readonly file: string; readonly at: DataPath; readonly message: string }[];
}

/** The pattern as a regular expression capturing the year and the sequence number. */
export function numberPattern(pattern: string): { regex: RegExp; format: (year: number, seq: number) => string } {
  let source = "";
  const parts: ((year: number, seq: number) => string)[] = [];
  for (const piece of pattern.split(/(\{[^}]+\})/).filter((p) => p !== "")) {
    const field = /^\{(year|seq)(?::0(\d))?\}$/.exec(piece);
    if (!field) {
      source += piece.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      parts.push(() => piece);
    } else if (field[1] === "year") {
      source += "(?<year>\\d{4})";
      parts.push((year) => String(year));
    } else {
      const width = Number(field[2] ?? 1);
      source += `(?<seq>\\d{${width},})`;
      parts.push((_, seq) => String(seq).padStart(width, "0"));
    }
  }
  return { regex: new RegExp(`^${source}$`), format: (year, seq) => parts.map((p) => p(year, seq)).join("") };
}

function checkNumbering(config: Config, sessions: readonly SessionSummary[]): RegisterFinding[] {
  const findings: RegisterFinding[] = [];
  const seen = new Map<string, { file: string; index: number }>();
  const byYear = new Map<number, { seq: number; file: string; index: number; date: string; number: string }[]>();
  const pattern = config.numbering ? numberPattern(config.numbering.pattern) : undefined;
  for (const s of sessions) {
    s.numbers.forEach((number, index) => {
      const at: DataPath = ["motions", index, "number"];
      const earlier = seen.get(number);
      if (earlier) {
        findings.push({
          severity: "error",
          code: "DLB3701",
          message: `the deliberation number \`${number}\` is already used in ${earlier.file}`,
          hints: ["each deliberation of the register has its own number"],
          file: s.path,
          at,
          related: [{ file: earlier.file, at: ["motions", earlier.index, "number"], message: "first used here" }],
        });
        return;
      }
      seen.set(number, { file: s.path, index });
      if (!pattern) return;
      const match = pattern.regex.exec(number);
      const year = Number(s.date.slice(0, 4));
      if (!match || Number(match.groups!.year ?? year) !== year) {
        findings.push({
          severity: "error",
          code: "DLB3702",
          message: `the number \`${number}\` does not follow the register's pattern \`${config.numbering!.pattern}\` for a sitting of ${year}`,
          hints: [`numbers of ${year} read ${pattern.format(year, 1)}, ${pattern.format(year, 2)}, ...`],
          file: s.path,
          at,
          related: [],
        });
        return;
      }
      const list = byYear.get(year) ?? [];
      list.push({ seq: Number(match.groups!.seq), file: s.path, index, date: s.date, number });
      byYear.set(year, list);
    });
  }
  for (const [year, list] of byYear) {
    // In the order of the sittings, then of the motions within a sitting.
    const ordered = [...list].sort((a, b) => a.date.localeCompare(b.date) || (a.file === b.file ? a.index - b.index : a.file.localeCompare(b.file)));
    let expected = 1;
    let previous: (typeof ordered)[number] | undefined;
    for (const item of ordered) {
      if (item.seq !== expected) {
        const gap = item.seq > expected;
        findings.push({
          severity: "error",
          code: gap ? "DLB3703" : "DLB3704",
          message: gap
            ? `the numbers of ${year} jump from ${pattern!.format(year, expected - 1)} to ${item.number}: ${pattern!.format(year, expected)} is missing`
            : `${item.number} comes after ${previous!.number} in the order of the sittings: numbers must follow the dates`,
          hints: gap ? ["number the deliberations of a year without gaps, or add the missing sitting's file"] : ["renumber the deliberations in the order they were taken"],
          file: item.file,
          at: ["motions", item.index, "number"],
          related: previous ? [{ file: previous.file, at: ["motions", previous.index, "number"], message: `${previous.number} here` }] : [],
        });
      }
      expected = Math.max(expected, item.seq) + 1;
      previous = item;
    }
  }
  return findings;
}

/** CGCT L2121-20: a proxy is valid for at most three consecutive sittings, except for illness. */
function checkProxyDuration(sessions: readonly SessionSummary[]): RegisterFinding[] {
  const findings: RegisterFinding[] = [];
  const ordered = [...sessions].sort((a, b) => a.date.localeCompare(b.date));
  const runs = new Map<string, { holder: string; count: number; first: SessionSummary }>();
  for (const s of ordered) {
    const current = new Map(s.proxies.map((p) => [p.principal, p.holder]));
    for (const principal of [...runs.keys()]) if (current.get(principal) !== runs.get(principal)!.holder) runs.delete(principal);
    for (const [principal, holder] of current) {
      const run = runs.get(principal);
      const next = run ? { ...run, count: run.count + 1 } : { holder, count: 1, first: s };
      runs.set(principal, next);
      if (next.count === 4 && !s.illness.includes(principal)) {
        findings.push({
          severity: "warning",
          code: "DLB3705",
          message: `\`${principal}\` is represented by \`${holder}\` for a fourth consecutive sitting; a proxy is valid for three (CGCT L2121-20)`,
          hints: [
            "if a new written proxy was given for this sitting, keep it with the register; if the member is ill, add the member to `proxies_illness` of a motion",
          ],
          file: s.path,
          at: ["attendance", principal, "represented_by"],
          related: [{ file: next.first.path, at: ["attendance", principal, "represented_by"], message: "the first of the consecutive sittings" }],
        });
      }
    }
  }
  return findings;
}

/** Members in office on `date`, from the roster's events. */
export function inOffice(roster: Config["roster"], date: string): Set<string> {
  const last = new Map<string, string>();
  for (const event of [...roster].sort((a, b) => a.date.localeCompare(b.date))) {
    if (event.date <= date) last.set(event.member, event.event);
  }
  return new Set([...last].filter(([, event]) => event === "installed").map(([member]) => member));
}

function checkRoster(config: Config, sessions: readonly SessionSummary[]): RegisterFinding[] {
  if (config.roster.length === 0) return [];
  const findings: RegisterFinding[] = [];
  for (const s of sessions) {
    const office = inOffice(config.roster, s.date);
    const listed = new Set(s.members);
    for (const member of s.members) {
      if (office.has(member)) continue;
      findings.push({
        severity: "error",
        code: "DLB3706",
        message: `\`${member}\` is listed, but is not in office on ${s.date} according to the roster`,
        hints: ["check the member's installation and end of office under `roster` in delib.config.yaml, or remove the member from this session"],
        file: s.path,
        at: ["members", s.members.indexOf(member)],
        related: [],
      });
    }
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

function checkBody(config: Config, sessions: readonly SessionSummary[]): RegisterFinding[] {
  if (!config.body) return [];
  return sessions
    .filter((s) => s.bodyName !== config.body!.name)
    .map((s) => ({
      severity: "error" as const,
      code: "DLB3708",
      message: `the body is named « ${s.bodyName} » here, but « ${config.body!.name} » in delib.config.yaml`,
      hints: ["a register holds the deliberations of one body: make the names agree"],
      file: s.path,
      at: ["body", "name"],
      related: [],
    }));
}

/** Every register-wide finding over the sessions that checked without error. */
export function checkRegister(config: Config, sessions: readonly SessionSummary[]): RegisterFinding[] {
  const sittings = sessions.some((s) => s.kind !== "departement" && s.kind !== "region" && s.kind !== "commission_permanente" && s.kind !== "custom")
    ? checkProxyDuration(sessions.filter((s) => s.kind !== "departement" && s.kind !== "region" && s.kind !== "commission_permanente" && s.kind !== "custom"))
    : [];
  return [...checkBody(config, sessions), ...checkNumbering(config, sessions), ...sittings, ...checkRoster(config, sessions)];
}
