// `delib explain`: the working behind every figure, motion by motion, from the same outcome
// the documents print, in the reader's language (the catalogue given: fr.json or en.json).
import type { Candidate, ElectionOutcome, Outcome, Step } from "../tally/outcome.js";
import type { Catalogue } from "./catalogue.js";
import { ballotViews, candidateName, joinNames as joinInLanguage, seatsLeftText, someoneElected } from "./election-ballots.js";
import type { UnknownFact } from "../model/unknown-facts.js";
import { unknownDependencies, type FigureDependencies } from "../tally/unknown-dependencies.js";
import { citation, shortName } from "./words.js";

/** « the holder of the proxy of M. X », a fact the record does not give, in words. */
function factWords(fact: UnknownFact, name: (id: string) => string, t: Catalogue): string {
  return t.t(`explain.unknown.fact.${fact.kind}`, { name: fact.member !== undefined ? name(fact.member) : "" });
}

/** One line per figure that depends on unknown facts: « voters: depends on the holder of … ». */
function dependencyLines(depends: FigureDependencies, name: (id: string) => string, t: Catalogue): string[] {
  return [...depends].map(([figure, facts]) =>
    t.t("explain.unknown.depends", { figure: t.t(`unknown.figure.${figure}`), facts: facts.map((f) => factWords(f, name, t)).join(", ") }),
  );
}

/**
 * A step in words; `women`: the names, as printed, of the candidates who are women, so that a
 * step about one of them agrees with her (« élue », « née le ») when the catalogue has the variant.
 */
function step(s: Step, t: Catalogue, women: ReadonlySet<string> = new Set()): string {
  const feminine = typeof s.values["name"] === "string" && women.has(s.values["name"]) && t.has(`explain.${s.key}.f`);
  const text = t.t(feminine ? `explain.${s.key}.f` : `explain.${s.key}`, s.values);
  return s.source ? text + t.t("explain.source", { source: citation(s.source, t) }) : text;
}

/**
 * An election's seats as tables, after the steps that compute them: each proportional
 * allocation (list, votes, seats, who takes them) and who each ballot elected, as the
 * election record prints them (election-ballots.ts).
 */
function ballotTables(election: ElectionOutcome, t: Catalogue, bodyKind: string): string[] {
  const lines: string[] = [];
  for (const ballot of ballotViews(election, t, "votes", bodyKind)) {
    const allocation = ballot.allocation;
    if (allocation) {
      lines.push(`${ballot.title} — ${allocation.title}`);
      lines.push(...table([[allocation.headers.list, allocation.headers.votes, allocation.headers.seats, allocation.headers.elected], ...allocation.rows.map((r) => [r.list, r.votes, r.seats, r.elected])]));
    }
    lines.push(ballot.result);
  }
  return lines;
}

/** The printed names of an election's candidates who are women (candidates, lists, suppléants). */
function electionWomen(election: ElectionOutcome): Set<string> {
  const people: Candidate[] = [];
  for (const ballot of [election, ...(election.substitutes ? [election.substitutes] : [])]) {
    people.push(...ballot.elected);
    for (const round of ballot.rounds) people.push(...round.candidates.map((c) => c.candidate), ...round.lists.flatMap((l) => [...l.list.candidates, ...l.list.substitutes]));
  }
  return new Set(people.filter((c) => c.civility === "Mme").map(candidateName));
}

/** Rows as aligned columns, numbers to the right (« Liste A   10   2   M. X »). */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  const numeric = (c: number) => rows.slice(1).every((r) => /^\d+$/.test(r[c]!));
  return rows.map((r) =>
    r
      .map((cell, c) => (numeric(c) ? cell.padStart(widths[c]!) : c === r.length - 1 ? cell : cell.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd(),
  );
}

/** The explanation of a whole session, as plain text lines. */
export function explainText(outcome: Outcome, t: Catalogue): string {
  const { session, rules } = outcome;
  const lines: string[] = [];
  const name = (id: string) => {
    const m = outcome.members.get(id);
    return m ? shortName(m) : id;
  };
  lines.push(t.t("explain.header", { body: session.body.name, date: session.session.date }));
  lines.push(
    t.t("explain.rules", {
      kind: rules.body.label,
      regime: rules.regime.label,
      explicit: rules.regimeExplicit ? t.t("explain.rules.explicit") : "",
      quorum: t.t(`explain.quorum.summary.${rules.quorum.counts}.${rules.quorum.strict ? "strict" : "at_least"}`, {
        fraction: rules.quorum.fraction,
        source: citation(rules.quorum.source, t),
      }),
      proxies: rules.proxiesPerHolder,
      proxySource: citation(rules.proxySource, t),
    }),
  );
  const presence = outcome.presence;
  // The facts the record does not give, and the figures that depend on each (issue 15).
  const unknowns = unknownDependencies(outcome);
  if (unknowns.facts.length > 0) {
    lines.push("", t.t("explain.section.unknown"));
    for (const fact of unknowns.facts) {
      const figures = [...new Set([...unknowns.motions, unknowns.sitting].flatMap((map) => [...map].filter(([, facts]) => facts.includes(fact)).map(([f]) => f)))];
      lines.push(
        `  ${t.t("explain.unknown.fact", {
          fact: factWords(fact, name, t),
          figures: figures.length === 0 ? t.t("explain.unknown.no_figure") : t.t("explain.unknown.figures", { figures: figures.map((f) => t.t(`unknown.figure.${f}`)).join(", ") }),
        })}`,
      );
    }
  }
  for (const m of outcome.motions) {
    const totals = m.attendance.totals;
    lines.push("", t.t("explain.motion", { number: m.motion.number, title: m.motion.title }));
    lines.push(`  ${t.t("explain.section.attendance")}`);
    lines.push(`    ${t.t("explain.attendance", { ...totals })}`);
    for (const c of m.attendance.colleges) lines.push(`    ${t.t("explain.attendance.college", { ...c })}`);
    for (const use of presence[m.index]?.proxies ?? []) {
      const key = use.holderUnknown && use.defect === undefined ? "explain.proxy.unnamed" : `explain.proxy.${use.defect ?? "used"}`;
      lines.push(`    ${t.t(key, { principal: name(use.principal), holder: name(use.holder) })}`);
    }
    for (const line of dependencyLines(unknowns.motions[m.index] ?? new Map(), name, t)) lines.push(`    ${line}`);
    lines.push(`  ${t.t("explain.section.quorum")}`);
    for (const s of m.quorum.steps) lines.push(`    ${step(s, t)}`);
    if (m.vote) {
      lines.push(`  ${t.t("explain.section.vote")}`);
      for (const s of m.vote.steps) lines.push(`    ${step(s, t)}`);
    }
    if (m.election) {
      lines.push(`  ${t.t("explain.section.election")}`);
      const women = electionWomen(m.election);
      // Nothing expressed: the seats are not given for that reason, not for want of candidates.
      const noVotes = m.election.steps.some((s) => s.key === "election.allocation.no_votes");
      for (const s of m.election.steps) if (!(noVotes && s.key === "election.seat.none_left")) lines.push(`    ${step(s, t, women)}`);
      for (const line of ballotTables(m.election, t, session.body.kind)) lines.push(`    ${line}`);
    }
    const left = m.election ? seatsLeftText(m.election, t, true) : "";
    const elected = someoneElected(m) ? joinInLanguage(m.election!.elected.map((c) => shortName(c)), t) : undefined;
    const result =
      elected !== undefined
        ? left === ""
          ? t.t("explain.result.elected", { name: elected })
          : t.t("explain.result.elected.partial", { name: elected, left })
        : t.t(`explain.result.${m.result}`);
    lines.push(`  ${t.t("explain.result.line", { section: t.t("explain.section.result"), result })}`);
  }
  return lines.join("\n") + "\n";
}
