import type { Session } from "../model/session.js";
import { isUnknown } from "../model/unknown-facts.js";
import { clearDays, daysBetween } from "./dates.js";
import { threshold } from "./fraction.js";
import type { QuorumOutcome, SeatLine, Step } from "./outcome.js";
import type { MotionPresence } from "./presence.js";
import type { RuleSet } from "./rule-set.js";
import { ruleOfElection } from "./elections/rule-of-election.js";
import { isUnseatedSuppleant } from "./seat-lines.js";

/**
 * Whether this motion may be adopted without quorum after a sitting that had none, and why:
 * a new convocation sent far enough ahead, or a meeting held as of right some days later
 * (`second_convocation` in law/bodies.yaml), and only for the items of the failed agenda.
 */
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
  const second = rules.body.second_convocation;
  if (second.kind === "meeting_of_right") {
    const days = daysBetween(failed.date, session.session.date);
    if (days !== second.days) {
      return {
        exemption: undefined,
        steps: [{ key: "quorum.meeting_of_right_not_three_days", values: { failedDate: failed.date, days, required: second.days } }],
      };
    }
    return {
      exemption: "meeting_of_right",
      steps: [{ key: "quorum.meeting_of_right", values: { failedDate: failed.date }, source: second.source }],
    };
  }
  // A record that does not give the convocation's date: the sitting is held as the second
  // convocation it says it is; the delay cannot be checked (tally/unknown-dependencies.ts).
  if (isUnknown(session.session.convened_on)) {
    return {
      exemption: "second_convocation",
      steps: [{ key: "quorum.second_convocation_date_unknown", values: { failedDate: failed.date }, source: second.source }],
    };
  }
  const days = clearDays(session.session.convened_on, session.session.date);
  if (days < second.clear_days) {
    return {
      exemption: undefined,
      steps: [{ key: "quorum.second_convocation_too_soon", values: { days, required: second.clear_days }, source: second.source }],
    };
  }
  return {
    exemption: "second_convocation",
    steps: [{ key: "quorum.second_convocation", values: { failedDate: failed.date, days }, source: second.source }],
  };
}

/**
 * The quorum for one motion: members in office for it (CGCT L2121-17: the members' statuses at
 * the sitting's date, resignations during the sitting and L1111-6 exclusions out; the seats in
 * office that the list leaves out, `missing`, in, counted absent), members counted as the rule
 * says (present only, or present and represented, or the voices of the voting seats present),
 * against floor(n × fraction) + 1 or ceil(n × fraction).
 */
export function computeQuorum(
  session: Session,
  presence: MotionPresence,
  lines: readonly SeatLine[],
  rules: RuleSet,
  missing = 0,
): QuorumOutcome {
  const motion = presence.motion;
  const rule = rules.quorum;
  // Ordonnance n° 2020-562: only the elections whose rule says so (law/elections.yaml) count otherwise.
  const electionQuorum = motion.kind === "election" && motion.election && ruleOfElection(motion.election, rules, session).rule?.sanitary_election_quorum === true;
  const counts = electionQuorum && rule.elections_count ? rule.elections_count : rule.counts;
  // A suppléant whose titulaire the record does not name sits in a seat already counted.
  const inOfficeLines = lines.filter((l) => !presence.members.get(l.member.id)?.excluded && !isUnseatedSuppleant(l));
  const excluded = lines.filter((l) => presence.members.get(l.member.id)?.excluded).length;
  // In voices, each seat counts the voices the statutes give it, however its vote is cast, and
  // even on a matter of some communes only (L5212-16): how the quorum is counted then is not
  // settled (rules-fr.md §2.7 [?]); delib takes the stricter reading, every seat in office.
  // A seat missing from the list is counted with one voice: the file does not say its voices.
  const inOffice =
    missing + (counts === "voices" ? inOfficeLines.filter((l) => l.seatVotes).reduce((s, l) => s + l.seatVoices, 0) : inOfficeLines.length);
  const present = [...inOfficeLines, ...lines.filter(isUnseatedSuppleant)].filter((l) => l.column === "present");
  const counted =
    counts === "voices"
      ? present.filter((l) => l.seatVotes).reduce((s, l) => s + l.seatVoices, 0)
      : counts === "present_or_represented"
        ? present.length + inOfficeLines.filter((l) => l.proxyHolder !== undefined).length
        : present.length;
  const source = rule.source;
  const steps: Step[] = [];
  steps.push({ key: "quorum.regime", values: { regime: rules.regime.label } });
  if (excluded > 0) steps.push({ key: "quorum.excluded", values: { excluded }, source: rules.body.in_office_exclusions });
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
