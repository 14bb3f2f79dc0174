// `delib explain`: the working behind every figure, motion by motion, from the same outcome
// the documents print, in the reader's language (the catalogue given: fr.json or en.json).
import type { Outcome, Step } from "../tally/outcome.js";
import type { Catalogue } from "./catalogue.js";
import { citation, shortName } from "./words.js";

function step(s: Step, t: Catalogue): string {
  const text = t.t(`explain.${s.key}`, s.values);
  return s.source ? text + t.t("explain.source", { source: citation(s.source, t) }) : text;
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
  for (const m of outcome.motions) {
    const totals = m.attendance.totals;
    lines.push("", t.t("explain.motion", { number: m.motion.number, title: m.motion.title }));
    lines.push(`  ${t.t("explain.section.attendance")}`);
    lines.push(`    ${t.t("explain.attendance", { ...totals })}`);
    for (const c of m.attendance.colleges) lines.push(`    ${t.t("explain.attendance.college", { ...c })}`);
    for (const use of presence[m.index]?.proxies ?? []) {
      lines.push(`    ${t.t(`explain.proxy.${use.defect ?? "used"}`, { principal: name(use.principal), holder: name(use.holder) })}`);
    }
    lines.push(`  ${t.t("explain.section.quorum")}`);
    for (const s of m.quorum.steps) lines.push(`    ${step(s, t)}`);
    if (m.vote) {
      lines.push(`  ${t.t("explain.section.vote")}`);
      for (const s of m.vote.steps) lines.push(`    ${step(s, t)}`);
    }
    if (m.election) {
      lines.push(`  ${t.t("explain.section.election")}`);
      for (const s of m.election.steps) lines.push(`    ${step(s, t)}`);
    }
    const result =
      m.result === "elected"
        ? t.t("explain.result.elected", { name: shortName(m.election!.elected!) })
        : t.t(`explain.result.${m.result}`);
    lines.push(`  ${t.t("explain.result.line", { section: t.t("explain.section.result"), result })}`);
  }
  return lines.join("\n") + "\n";
}
