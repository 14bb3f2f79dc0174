import type { BodyRules, Law, QuorumRule, Regime } from "../law/law.js";
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
  readonly majoritySource: string;
}

/** The regime in force on `date` (YYYY-MM-DD): a sanitary window, else the common law. */
export function regimeOn(law: Law, date: string): Regime {
  const windowed = law.regimes.find((r) => r.from !== undefined && r.to !== undefined && r.from <= date && date <= r.to);
  return windowed ?? law.regimes.find((r) => r.id === "droit_commun")!;
}

/**
 * Combines the kind's rules, the regime and the statutes. A sanitary regime's quorum and
 * proxy limit replace the common law for every public body (they applied to the organes
 * délibérants of collectivities and of their établissements publics); a custom assembly
 * follows its statutes only. Statutes (syndicat mixte ouvert, custom) override the rest.
 */
export function ruleSet(session: Session, law: Law): RuleSet {
  const kind = session.body.kind;
  const body = law.bodies[kind];
  const explicit = session.session.regime;
  const regime = explicit ? law.regimes.find((r) => r.id === explicit)! : regimeOn(law, session.session.date);
  const sanitary = regime.id !== "droit_commun" && kind !== "custom";
  const statutes = session.body.statutes;
  const statutory = kind === "smo" || kind === "custom" ? statutes : undefined;

  let quorum: QuorumRule & { source: string } = sanitary
    ? { ...regime.quorum, source: regime.sources[0]! }
    : body.quorum;
  if (statutory?.quorum && !sanitary) {
    quorum = {
      fraction: statutory.quorum.fraction ?? "1/2",
      strict: statutory.quorum.strict ?? true,
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
    proxiesPerHolder: statutory?.proxies_per_holder ?? (sanitary ? regime.proxies_per_holder : body.proxies_per_holder),
    proxySource: statutory?.proxies_per_holder !== undefined ? "statuts" : sanitary ? regime.sources[0]! : body.proxy_source,
    proxyCarriesVoices: statutory?.proxy_carries_voices ?? true,
    castingVote: statutory?.casting_vote ?? body.casting_vote,
    majoritySource: body.majority_source,
  };
}
