import type { Session } from "../model/session.js";
import { clearDays, daysBetween } from "./dates.js";
import { threshold } from "./fraction.js";
import type { QuorumOutcome, SeatLine, Step } from "./outcome.js";
import type { MotionPresence } from "./presence.js";
import type { RuleSet } from "./rule-set.js";

/** The minimum clear days between the new convocation and the sitting (CGCT L2121-17). */
export const secondConvocationClearDays = 3;

/** Whether this motion may be adopted without quorum after a sitting that had none, and why. */
export function quorumExemption(
  session: Session,
  motionNumber: string,
  rules: RuleSet,
): { exemption: QuorumOutcome["exemption"]; steps: Step[] } {
  const failed = session.session.failed_convocation;
  if (!failed) return { exemption: undefined, steps: [] };
  const onAgenda = failed.agenda === undefined || failed.agenda.includes(motionNumber);
  if (!onAgenda) {
    return { exemption: undefined, steps: [{ key: "quorum.not_on_failed_agenda", values: { failedDate: failed.date } }] };
  }
  if (rules.body.second_convocation === "meeting_of_right") {
    // Départements, régions: the meeting is held as of right three days later (L3121-14, L4132-13).
    const days = daysBetween(failed.date, session.session.date);
    if (days !== 3) {
      return { exemption: undefined, steps: [{ key: "quorum.meeting_of_right_not_three_days", values: { failedDate: failed.date, days } }] };
    }
    return {
      exemption: "meeting_of_right",
      steps: [{ key: "quorum.meeting_of_right", values: { failedDate: failed.date }, source: rules.body.quorum.source }],
    };
  }
  const days = clearDays(session.session.convened_on, session.session.date);
  if (days < secondConvocationClearDays) {
    return {
      exemption: undefined,
      steps: [{ key: "quorum.second_convocation_too_soon", values: { days, required: secondConvocationClearDays }, source: "CGCT L2121-17" }],
    };
  }
  return {
    exemption: "second_convocation",
    steps: [{ key: "quorum.second_convocation", values: { failedDate: failed.date, days }, source: "CGCT L2121-17" }],
  };
}

/**
 * The quorum for one motion: members in office for it (resignations and L1111-6 exclusions
 * out), members counted as the rule says (present only, or present and represented, or the
 * voices of the voting seats present), against floor(n × fraction) + 1 or ceil(n × fraction).
 */
export function computeQuorum(
  session: Session,
  presence: MotionPresence,
  lines: readonly SeatLine[],
  rules: RuleSet,
): QuorumOutcome {
  const motion = presence.motion;
  const rule = rules.quorum;
  const counts = motion.kind === "election" && rule.elections_count ? rule.elections_count : rule.counts;
  const inOfficeLines = lines.filter((l) => !presence.members.get(l.member.id)?.excluded);
  const excluded = lines.length - inOfficeLines.length;
  // In voices, each seat counts the voices the statutes give it, however its vote is cast, and
  // even on a matter of some communes only (L5212-16): how the quorum is counted then is not
  // settled (rules-fr.md §2.7 [?]); delib takes the stricter reading, every seat in office.
  const inOffice = counts === "voices" ? inOfficeLines.filter((l) => l.seatVotes).reduce((s, l) => s + l.seatVoices, 0) : inOfficeLines.length;
  const present = inOfficeLines.filter((l) => l.column === "present");
  const counted =
    counts === "voices"
      ? present.filter((l) => l.seatVotes).reduce((s, l) => s + l.seatVoices, 0)
      : counts === "present_or_represented"
        ? present.length + inOfficeLines.filter((l) => l.proxyHolder !== undefined).length
        : present.length;
  const source = rule.source;
  const steps: Step[] = [];
  steps.push({ key: "quorum.regime", values: { regime: rules.regime.label } });
  if (excluded > 0) steps.push({ key: "quorum.excluded", values: { excluded }, source: "CGCT L2131-11" });
  const { exemption, steps: exemptionSteps } = quorumExemption(session, motion.number, rules);
  steps.push(...exemptionSteps);
  if (exemption) {
    return { inOffice, counted, counts, required: 0, met: true, exemption, source, steps };
  }
  const required = threshold(inOffice, rule.fraction, rule.strict);
  const met = counted >= required;
  steps.push(
    { key: `quorum.rule.${counts}.${rule.strict ? "strict" : "at_least"}`, values: { fraction: rule.fraction, inOffice, required }, source },
    { key: met ? "quorum.met" : "quorum.not_met", values: { counted, inOffice, required }, source },
  );
  return { inOffice, counted, counts, required, met, exemption: undefined, source, steps };
}
