import type { Law } from "../law/law.js";
import type { Session } from "../model/session.js";
import { computeElection } from "./election.js";
import type { MotionOutcome, Outcome } from "./outcome.js";
import { presenceByMotion, type MotionPresence } from "./presence.js";
import { computeQuorum } from "./quorum.js";
import { seatAccount } from "./roster.js";
import { ruleSet, type RuleSet } from "./rule-set.js";
import { countColleges, countSeats, membersById, seatLines, seats, type SeatDefinition } from "./seat-lines.js";
import { computeVote } from "./votes.js";
import { isUnknown } from "../model/unknown-facts.js";

/**
 * Computes attendance, quorum and votes for every motion of a valid session, under the rules
 * of its kind of body, its regime and its statutes. Pure and total: no clock, no files; an
 * unmet quorum or a rejected motion is a result.
 */
export function tally(session: Session, law: Law): Outcome {
  return tallyUnder(session, ruleSet(session, law));
}

/**
 * The same count under rules already chosen: what a rule uses to ask whether a fact could have
 * changed an outcome, counting the session again as the record had it (the rules depend on the
 * body, the date and the statutes, which such a variant keeps).
 */
export function tallyUnder(session: Session, rules: RuleSet): Outcome {
  const members = membersById(session);
  const definitions = seats(session);
  // Seats in office that no listed member holds count as absent (tally/roster.ts).
  const account = seatAccount(session, definitions.map((d) => d.member));
  const presence = presenceByMotion(session, rules);
  const motions = presence.map((presence) =>
    tallyMotion(session, presence, definitions, members, rules, account.missing),
  );
  return { session, rules, members, motions, presence, seats: account };
}

function tallyMotion(
  session: Session,
  presence: MotionPresence,
  definitions: readonly SeatDefinition[],
  members: Outcome["members"],
  rules: RuleSet,
  missing: number,
): MotionOutcome {
  const { motion, index } = presence;
  const lines = seatLines(definitions, presence, members, rules);
  const totals = countSeats(lines, missing);
  const quorum = computeQuorum(session, presence, lines, rules, missing);
  const chairId = motion.chaired_by ?? session.session.president;
  // An unknown chair is reported by a rule; the count stays total.
  const chair = members.get(chairId) ?? { id: chairId, civility: "M.", first_name: "", last_name: chairId };
  const attendance = { lines, totals, colleges: countColleges(lines) };
  const voicesOf = (id: string): number => {
    // A suppléant votes with the voices of the titulaire's seat.
    // One whose titulaire the record does not name votes with their own row (seat-lines.ts).
    const of = members.get(id)?.suppleant_of;
    const titulaire = of === undefined || isUnknown(of) ? id : of;
    return lines.filter((l) => l.member.id === titulaire && l.voting).reduce((s, l) => s + l.voices, 0);
  };
  const inOfficeVoices = definitions
    .filter((d) => d.hasVote && presence.members.get(d.member)?.inOffice && !presence.members.get(d.member)?.excluded)
    .reduce((s, d) => s + d.voices, missing);

  if (motion.kind === "election" && motion.election) {
    const election = computeElection(motion.election, members, totals.voices, rules, session, quorum.inOffice);
    // Elected as soon as one seat is filled: seats left unfilled are in `election.complete`.
    const result = !quorum.met ? "no_quorum" : election.elected.length > 0 ? "elected" : "not_elected";
    return { motion, index, chair, attendance, quorum, vote: undefined, election, result };
  }
  // Without quorum the motion cannot be put to the vote: a vote, if recorded, is not counted.
  const vote = motion.vote && quorum.met ? computeVote(motion, lines, { rules, members, chair: chairId, voicesOf, inOfficeVoices }) : undefined;
  const result = !quorum.met ? "no_quorum" : vote?.adopted ? "adopted" : "rejected";
  return { motion, index, chair, attendance, quorum, vote, election: undefined, result };
}
