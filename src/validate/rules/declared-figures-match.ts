import { diagnostic, type Diagnostic, type Irregularity } from "../../diagnostics/diagnostic.js";
import { listOf, msg, type Message } from "../../diagnostics/message.js";
import type { DataPath } from "../../model/session.js";
import { threshold } from "../../tally/fraction.js";
import { motionFigures, sittingFigures, wouldAdopt, type Figure, type MotionField, type SittingField } from "../../tally/figures.js";
import type { MotionOutcome, Outcome } from "../../tally/outcome.js";
import type { RuleContext } from "../rule.js";

/** What French records print for each figure, to name it in a hint: the record's words, in every language. */
const PRINTED: Readonly<Record<MotionField, string>> = {
  in_office: "« membres en exercice »",
  present: "« présents »",
  present_titulaires: "« titulaires présents »",
  present_suppleants: "« suppléants présents »",
  represented: "« représentés » / « pouvoirs »",
  absent: "« absents »",
  excused: "« excusés »",
  voting: "« votants »",
  expressed: "« suffrages exprimés »",
  majority: "« majorité absolue » / « majorité requise »",
  for: "« pour »",
  against: "« contre »",
  abstentions: "« abstentions »",
  blank: "« blancs »",
  null: "« nuls »",
  not_voting: "« ne prend pas part au vote »",
};

/**
 * Every figure a record prints, for the sitting (`declared`, or its former name
 * `declared_totals`) and for each motion (`declared`), is delib's figure under that field's
 * meaning (schemas/session.schema.json, `sittingFigures` and `motionFigures`). A printed figure
 * the law contradicts is an irregular fact: it names both figures and the rule behind delib's.
 */
export function declaredFiguresMatch({ session, outcome, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const sitting = sittingFigures(outcome);
  for (const key of ["declared", "declared_totals"] as const) {
    const declared = session[key];
    if (!declared) continue;
    for (const [field, written] of Object.entries(declared) as [SittingField, number][]) {
      const figure = sitting[field];
      if (figure === undefined || written === figure.value) continue;
      found.push(
        mismatch({
          code: "DLB3011",
          message: msg("DLB3011", { field, written, value: figure.value, rule: figure.rule }),
          path: [key, field],
          field,
          figure,
          irregularity: printedWrong(written, figure, sittingCouldChange(field, written, figure, outcome)),
          locate,
        }),
      );
    }
  }
  outcome.motions.forEach((result, index) => {
    const declared = result.motion.declared;
    if (!declared) return;
    const figures = motionFigures(outcome, index);
    const unchecked: MotionField[] = [];
    for (const [field, written] of Object.entries(declared) as [MotionField, number][]) {
      const figure = figures[field];
      if (figure === undefined) unchecked.push(field);
      if (figure === undefined || written === figure.value) continue;
      found.push(
        mismatch({
          code: "DLB3018",
          message: msg("DLB3018", { field, written, number: result.motion.number, value: figure.value, rule: figure.rule }),
          path: ["motions", index, "declared", field],
          field,
          figure,
          irregularity: printedWrong(written, figure, motionCouldChange(field, written, figure, result, outcome)),
          locate,
        }),
      );
    }
    // Figures delib has no count of its own to compare with: said, never passed over in silence.
    if (unchecked.length > 0) {
      const reason = result.election ? "election" : result.result === "no_quorum" ? "no_quorum" : "no_vote";
      found.push(
        diagnostic({
          severity: "warning",
          code: "DLB3031",
          message: msg("DLB3031", { fields: listOf(unchecked.map((f) => `\`${f}\``)), number: result.motion.number, reason }),
          span: locate(["motions", index, "declared", unchecked[0]!]),
          hints: [msg("DLB3031.hint")],
        }),
      );
    }
  });
  return found;
}

function mismatch(d: {
  code: string;
  message: Message;
  path: DataPath;
  field: MotionField;
  figure: Figure;
  irregularity: Irregularity;
  locate: RuleContext["locate"];
}): Diagnostic {
  const { field, figure } = d;
  return diagnostic({
    code: d.code,
    message: d.message,
    span: d.locate(d.path),
    hints: [
      msg("declared_figures.hint.counts", { printed: PRINTED[field], counts: figure.counts, value: figure.value, rule: figure.rule }),
      msg("declared_figures.hint.check"),
    ],
    irregularity: d.irregularity,
  });
}

/** A figure printed wrong: the rule that gives delib's, and delib's figure applied. */
function printedWrong(written: number, figure: Figure, couldChangeOutcome: boolean): Irregularity {
  return {
    article: figure.rule,
    consequence: msg("declared_figures.consequence", { written, value: figure.value, counts: figure.counts }),
    couldChangeOutcome,
  };
}

/** A quorum met (or not) differently if the printed figure were true. */
function quorumWouldDiffer(result: MotionOutcome, inOffice: number, counted: number, outcome: Outcome): boolean {
  const q = result.quorum;
  if (q.exemption !== undefined) return false;
  const rule = outcome.rules.quorum;
  const required = threshold(inOffice, rule.fraction, rule.strict);
  return counted >= required !== q.met;
}

/**
 * A wrong figure in the heading could change a result when it is the quorum's base (members in
 * office) or the majority: delib checks each motion with the printed figure in place of its own.
 */
function sittingCouldChange(field: SittingField, written: number, figure: Figure, outcome: Outcome): boolean {
  if (field === "in_office") {
    const offset = written - figure.value;
    return outcome.motions.some((m) => m.quorum.counts !== "voices" && quorumWouldDiffer(m, m.quorum.inOffice + offset, m.quorum.counted, outcome));
  }
  if (field === "present") {
    // The heading's présents, taken for those of the opening: would the first item's quorum differ?
    const first = outcome.motions[0];
    return first !== undefined && first.quorum.counts !== "voices" && quorumWouldDiffer(first, first.quorum.inOffice, first.quorum.counted + written - figure.value, outcome);
  }
  if (field === "majority") {
    return outcome.motions.some((m) => m.vote !== undefined && m.vote.majority.kind === "absolute" && m.vote.decidedBy === undefined && m.vote.for >= written !== m.vote.adopted);
  }
  return false;
}

/** A wrong figure for a motion could change its result: the quorum, the majority or the counts. */
function motionCouldChange(field: MotionField, written: number, figure: Figure, result: MotionOutcome, outcome: Outcome): boolean {
  const q = result.quorum;
  const vote = result.vote;
  const countsPresent = q.counts !== "voices";
  switch (field) {
    case "in_office":
      return countsPresent && quorumWouldDiffer(result, written, q.counted, outcome);
    case "present":
      return countsPresent && quorumWouldDiffer(result, q.inOffice, q.counted + written - figure.value, outcome);
    case "represented":
      return q.counts === "present_or_represented" && quorumWouldDiffer(result, q.inOffice, q.counted + written - figure.value, outcome);
    case "majority":
      if (!vote || vote.decidedBy !== undefined) return false;
      return (vote.majority.kind === "compte_administratif" ? vote.against < written : vote.for >= written && vote.for > vote.against) !== vote.adopted;
    case "expressed": {
      if (!vote || vote.majority.kind !== "absolute" || vote.decidedBy !== undefined) return false;
      const rule = outcome.rules.majorities.absolute_of_expressed;
      return vote.for >= threshold(written, rule.fraction, rule.strict) !== vote.adopted;
    }
    case "for":
    case "against": {
      if (!vote) return false;
      const adopted = wouldAdopt(vote, field === "for" ? written : vote.for, field === "against" ? written : vote.against, outcome);
      return adopted === undefined || adopted !== vote.adopted;
    }
    default:
      return false;
  }
}
