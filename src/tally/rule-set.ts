import type { BodyRules, ElectionVariant, Law, Majorities, QuorumRule, Regime } from "../law/law.js";
import type { BodyKind, Session } from "../model/session.js";

/** The rules that govern one sitting: its body's kind, the regime of its date, its statutes. */
export interface RuleSet {
  readonly kind: BodyKind;
  readonly body: BodyRules;
  readonly regime: Regime;
  /** True when the regime was named in the file rather than chosen from the date. */
  readonly regimeExplicit: boolean;
  readonly quorum: QuorumRule & { source: string };
  readonly proxiesPerHolder: number;
  readonly proxySource: string;
  readonly proxyCarriesVoices: boolean;
  readonly castingVote: boolean;
  readonly castingVoteSource: string;
  readonly majoritySource: string;
  /** How votes and elections are decided (law/majorities.yaml). */
  readonly majorities: Majorities;
  /** Every kind of election (law/elections.yaml); `electionRule` picks the one variant that applies. */
  readonly elections: Law["elections"];
}

/** The common law: the regime without dates (law/regimes.yaml). */
function commonLaw(law: Law): Regime {
  return law.regimes.find((r) => r.from === undefined && r.to === undefined)!;
}

/** The regime in force on `date` (YYYY-MM-DD): a sanitary window, else the common law. */
export function regimeOn(law: Law, date: string): Regime {
  const windowed = law.regimes.find((r) => r.from !== undefined && r.to !== undefined && r.from <= date && date <= r.to);
  return windowed ?? commonLaw(law);
}

/**
 * Combines the kind's rules, the regime and the statutes. A sanitary regime's quorum and
 * proxy limit replace the common law for the kinds it applies to (`sanitary_regimes` in
 * law/bodies.yaml). Statutes, for the kinds whose statutes decide (`statutes`), override the
 * rest, and only the values they set are cited « statuts ».
 */
export function ruleSet(session: Session, law: Law): RuleSet {
  const kind = session.body.kind;
  const body = law.bodies[kind]!;
  const explicit = session.session.regime;
  const regime = explicit ? law.regimes.find((r) => r.id === explicit)! : regimeOn(law, session.session.date);
  const sanitary = regime !== commonLaw(law) && body.sanitary_regimes !== undefined;
  const statutory = body.statutes !== undefined ? session.body.statutes : undefined;

  let quorum: QuorumRule & { source: string } = sanitary
    ? { ...regime.quorum, source: regime.sources[0]! }
    : body.quorum;
  if (statutory?.quorum && !sanitary) {
    quorum = {
      fraction: statutory.quorum.fraction ?? body.quorum.fraction,
      strict: statutory.quorum.strict ?? body.quorum.strict,
      counts: statutory.quorum.counts,
      source: statutory.quorum.article ?? "statuts",
    };
  }
  return {
    kind,
    body,
    regime,
    regimeExplicit: explicit !== undefined,
    quorum,
    proxiesPerHolder: statutory?.proxies_per_holder ?? (sanitary ? regime.proxies_per_holder : body.proxies.per_holder),
    proxySource: statutory?.proxies_per_holder !== undefined ? "statuts" : sanitary ? regime.sources[0]! : body.proxies.source,
    proxyCarriesVoices: statutory?.proxy_carries_voices ?? true,
    castingVote: statutory?.casting_vote ?? body.casting_vote.applies,
    castingVoteSource: statutory?.casting_vote !== undefined ? "statuts" : body.casting_vote.source,
    majoritySource: body.majority.source,
    majorities: law.majorities,
    elections: law.elections,
  };
}

/** Why no rule of an election kind applies to a sitting. */
export type NoElectionRule = "unknown_kind" | "not_for_body" | "population_needed" | "no_variant";

/**
 * The rule of election `kind` (a key of law/elections.yaml, `nomination` when the file names
 * none) for a sitting: the first variant whose population range holds the body's population and
 * whose dates hold the sitting's day. A kind whose variants depend on the population needs the
 * body's `population`.
 */
export function electionRule(rules: RuleSet, kind: string, population: number | undefined, date: string): { rule: ElectionVariant } | { problem: NoElectionRule } {
  const entry = Object.hasOwn(rules.elections, kind) ? rules.elections[kind] : undefined;
  if (entry === undefined) return { problem: "unknown_kind" };
  if (!entry.bodies.includes(rules.kind)) return { problem: "not_for_body" };
  // A variant may be for some of the kind's bodies only (the CAO of a commune, of a département).
  const variants = entry.variants.filter((variant) => variant.bodies === undefined || variant.bodies.includes(rules.kind));
  if (variants.length === 0) return { problem: "not_for_body" };
  const byPopulation = variants.some((variant) => variant.population !== undefined);
  if (byPopulation && population === undefined) return { problem: "population_needed" };
  const rule = variants.find((variant) => {
    const range = variant.population;
    if (range?.from !== undefined && population! < range.from) return false;
    if (range?.below !== undefined && population! >= range.below) return false;
    if (variant.from !== undefined && date < variant.from) return false;
    if (variant.to !== undefined && date > variant.to) return false;
    return true;
  });
  return rule === undefined ? { problem: "no_variant" } : { rule };
}
