// Which figures depend on a fact the record does not give (issue 15, part 4). delib counts what
// the record counts (a proxy whose holder it does not name is cast; a suppléant whose titulaire it
// does not name sits), and marks every figure that a check it cannot make could change: the rules,
// the documents and `delib explain` all read this one answer. Pure.
import { unknownFacts, type UnknownFact } from "../model/unknown-facts.js";
import type { Outcome } from "./outcome.js";
import { isUnseatedSuppleant } from "./seat-lines.js";

/** A figure a document prints that may depend on an unknown fact. */
export type DependentFigure = "quorum" | "present" | "represented" | "absent" | "excused" | "voting" | "expressed" | "for" | "majority";

/** For each figure that depends on unknown facts, those facts, in the order of the file. */
export type FigureDependencies = ReadonlyMap<DependentFigure, readonly UnknownFact[]>;

export interface UnknownDependencies {
  /** Every fact the file writes as unknown. */
  readonly facts: readonly UnknownFact[];
  /** Per motion, by its index in the file (`MotionOutcome.index`): its figures that depend on them. */
  readonly motions: readonly FigureDependencies[];
  /** The figures of the sitting's heading (counted over the whole sitting) that depend on them. */
  readonly sitting: FigureDependencies;
}

const none: FigureDependencies = new Map();

/** The facts a file does not give, and which figures of each motion and of the sitting depend on them. */
export function unknownDependencies(outcome: Outcome): UnknownDependencies {
  // Asked by every figure and every document of a sitting: worked out once per outcome.
  let known = computed.get(outcome);
  if (known === undefined) computed.set(outcome, (known = dependenciesOf(outcome)));
  return known;
}

const computed = new WeakMap<Outcome, UnknownDependencies>();

function dependenciesOf(outcome: Outcome): UnknownDependencies {
  const facts = unknownFacts(outcome.session);
  // By the motion's index in the file: an outcome may hold some motions only (one document
  // rendered alone by build --watch).
  const byIndex = (each: (m: Outcome["motions"][number]) => FigureDependencies): FigureDependencies[] => {
    const motions: FigureDependencies[] = [];
    for (const m of outcome.motions) motions[m.index] = each(m);
    return motions;
  };
  if (facts.length === 0) return { facts, motions: byIndex(() => none), sitting: none };
  const sitting = new Map<DependentFigure, UnknownFact[]>();
  const motions = byIndex((m) => {
    const depends = new Map<DependentFigure, UnknownFact[]>();
    // The sitting's heading has no quorum nor vote figures; its majority is that of its voters.
    const add = (figure: DependentFigure, fact: UnknownFact | undefined, where: "motion" | "sitting" | "both" = "both") => {
      if (!fact) return;
      for (const map of where === "both" ? [depends, sitting] : where === "motion" ? [depends] : [sitting]) {
        const list = map.get(figure) ?? [];
        if (!list.includes(fact)) map.set(figure, [...list, fact]);
      }
    };
    const counted = m.result !== "no_quorum";
    // A proxy whose holder is not named: whether its holder was there, and held no more than
    // the limit (CGCT L2121-20), cannot be checked; the voices it carries could fall.
    for (const use of outcome.presence[m.index]?.proxies ?? []) {
      if (!use.holderUnknown || use.defect !== undefined) continue;
      const fact = facts.find((f) => f.kind === "proxy_holder" && f.member === use.principal);
      add("represented", fact);
      add("voting", fact);
      add("majority", fact, "sitting");
      if (m.quorum.counts === "present_or_represented" && m.quorum.exemption === undefined) add("quorum", fact, "motion");
      // A unanimity is every voice that could be cast: the proxy's among them.
      if (counted && m.motion.vote?.unanimous) {
        add("for", fact, "motion");
        add("expressed", fact, "motion");
        add("majority", fact, "motion");
      }
    }
    // A suppléant whose titulaire is not named: which seat they held, so which titulaire is
    // not absent or excused after all, the record does not say.
    for (const line of m.attendance.lines.filter(isUnseatedSuppleant)) {
      const fact = facts.find((f) => f.kind === "titulaire" && f.member === line.member.id);
      add("absent", fact);
      add("excused", fact);
      if (m.quorum.counts === "voices" && m.quorum.exemption === undefined) add("quorum", fact, "motion");
    }
    // A second convocation whose date is not given: the delay that frees it from the quorum.
    if (m.quorum.exemption === "second_convocation") add("quorum", facts.find((f) => f.kind === "convened_on"), "motion");
    return depends as FigureDependencies;
  });
  return { facts, motions, sitting };
}
