// The figures a record prints, as delib gives them: for the sitting (its heading) and for each
// motion, every field of `sittingFigures` and `motionFigures` (schemas/session.schema.json), each
// with the rule that gives it. Pure: read from the outcome, never computed a second way.
import { msg, type Message } from "../diagnostics/message.js";
import type { MotionFigures, SittingFigures } from "../model/session.js";
import { chooseMajority } from "./votes.js";
import { isUnseatedSuppleant } from "./seat-lines.js";
import { threshold } from "./fraction.js";
import type { MotionOutcome, Outcome, SeatLine, VoteOutcome } from "./outcome.js";
import type { MotionPresence } from "./presence.js";
import type { UnknownFact } from "../model/unknown-facts.js";
import { unknownDependencies, type DependentFigure, type FigureDependencies } from "./unknown-dependencies.js";

/** One figure as delib gives it. */
export interface Figure {
  readonly value: number;
  /** The article, or the text, that gives it (« CGCT L2121-17 »). */
  readonly rule: string;
  /** What is counted, in a short phrase a clerk reads (« seats held in person for this item »). */
  readonly counts: Message;
  /** The facts the record does not give that this figure depends on (tally/unknown-dependencies.ts); absent when none. */
  readonly dependsOn?: readonly UnknownFact[];
}

/** The figures with the unknown facts each depends on. */
function marked<F extends Record<string, Figure>>(figures: F, dependencies: FigureDependencies): F {
  if (dependencies.size === 0) return figures;
  const out: Record<string, Figure> = { ...figures };
  for (const [key, figure] of Object.entries(figures)) {
    const facts = dependencies.get(key as DependentFigure);
    if (facts) out[key] = { ...figure, dependsOn: facts };
  }
  return out as F;
}

export type SittingField = keyof SittingFigures;
export type MotionField = keyof MotionFigures;

/** delib's figures for the sitting; a field is absent when delib cannot give it. */
export type SittingFigureValues = { readonly [K in SittingField]?: Figure };
/** delib's figures for one motion; a field is absent when delib cannot give it (no vote, an election). */
export type MotionFigureValues = { readonly [K in MotionField]?: Figure };

/** Counts are over seats (the rows of the attendance table): a member holding two seats counts twice. */
const seatKey = (line: SeatLine): string => `${line.collegeIndex}:${line.member.id}`;

/** Members who take no part in this motion's vote (« ne prend pas part au vote »). */
export function notTakingPart(motion: MotionOutcome["motion"]): ReadonlySet<string> {
  return new Set(motion.not_taking_part ?? []);
}

/** The proxy of this seat is used for the motion (its holder takes part in the vote). */
function proxyUsed(line: SeatLine, ntp: ReadonlySet<string>): boolean {
  return line.proxyHolder !== undefined && !ntp.has(line.proxyHolder.id);
}

/** Whether the seat's occupant (in person, or the principal) is out of this motion's vote. */
function outOfVote(line: SeatLine, presence: MotionPresence): boolean {
  const state = presence.members.get(line.member.id);
  return state?.withdrawn === true || state?.interested === true || state?.excluded === true;
}

/**
 * The voices that could be cast on a motion and who did not cast them. `eligible`: the seats
 * with a vote held in person or by a used proxy (a proxy held by a member who takes no part is
 * not used); `notVoting`: the voices of those who took no part (`not_taking_part`, `not_voting`
 * in `by_member`, or left out of `by_member`); `voting` is the difference: the « votants ».
 */
export function votersOf(result: MotionOutcome, proxyCarriesVoices: boolean): { eligible: number; notVoting: number; voting: number } {
  const ntp = notTakingPart(result.motion);
  const byMember = result.motion.vote?.by_member;
  let eligible = 0;
  let notVoting = 0;
  for (const line of result.attendance.lines) {
    if (!line.hasVote) continue;
    const inPerson = line.column === "present";
    if (!inPerson && !proxyUsed(line, ntp)) continue;
    const voices = inPerson || proxyCarriesVoices ? line.seatVoices : 1;
    eligible += voices;
    const choice = byMember ? (byMember[line.sitting.id] ?? byMember[line.member.id]) : undefined;
    const out =
      ntp.has(line.sitting.id) ||
      ntp.has(line.member.id) ||
      (byMember !== undefined && (choice === undefined || choice === "not_voting"));
    if (out) notVoting += voices;
  }
  return { eligible, notVoting, voting: eligible - notVoting };
}

/** The seats of one motion by their state, as the motion's figures count them. */
function motionSeats(result: MotionOutcome, presence: MotionPresence, missing: number) {
  const ntp = notTakingPart(result.motion);
  const lines = result.attendance.lines;
  const present = lines.filter((l) => l.column === "present");
  const represented = lines.filter((l) => l.column !== "present" && proxyUsed(l, ntp));
  const unrepresented = lines.filter((l) => l.column !== "present" && !proxyUsed(l, ntp) && !outOfVote(l, presence));
  return {
    present,
    titulaires: present.filter((l) => l.sitting.id === l.member.id && !isUnseatedSuppleant(l)),
    suppleants: present.filter((l) => l.sitting.id !== l.member.id || isUnseatedSuppleant(l)),
    represented,
    absent: unrepresented.filter((l) => l.column === "absent"),
    excused: unrepresented.filter((l) => l.column === "excused"),
    excluded: lines.filter((l) => presence.members.get(l.member.id)?.excluded === true).length,
    // Seats in office that no listed member holds count absent (tally/roster.ts).
    missing,
  };
}

/** delib's figures for motion `index`: every field of `motionFigures`, each with its rule. */
export function motionFigures(outcome: Outcome, index: number): MotionFigureValues {
  const result = outcome.motions[index]!;
  const presence = outcome.presence[index]!;
  const { rules } = outcome;
  const seats = motionSeats(result, presence, outcome.seats.missing);
  const quorum = result.quorum;
  const exclusion = rules.body.in_office_exclusions;
  const inOfficeRule = seats.excluded > 0 && exclusion ? `${quorum.source}, ${exclusion}` : quorum.source;
  // In voices, the quorum's « in office » is a number of voices; the record prints members.
  const inOffice = quorum.counts === "voices" ? result.attendance.lines.filter((l) => !isUnseatedSuppleant(l)).length + seats.missing - seats.excluded : quorum.inOffice;
  const voters = votersOf(result, rules.proxyCarriesVoices);
  const figures: Record<string, Figure> = {
    in_office: { value: inOffice, rule: inOfficeRule, counts: msg("figure.motion.in_office") },
    present: { value: seats.present.length, rule: quorum.source, counts: msg("figure.motion.present") },
    present_titulaires: { value: seats.titulaires.length, rule: quorum.source, counts: msg("figure.motion.present_titulaires") },
    present_suppleants: { value: seats.suppleants.length, rule: rules.body.suppleants ?? quorum.source, counts: msg("figure.motion.present_suppleants") },
    represented: { value: seats.represented.length, rule: rules.proxySource, counts: msg("figure.motion.represented") },
    absent: { value: seats.absent.length + seats.missing, rule: quorum.source, counts: msg("figure.motion.absent") },
    excused: { value: seats.excused.length, rule: quorum.source, counts: msg("figure.motion.excused") },
    voting: { value: voters.voting, rule: rules.majoritySource, counts: msg("figure.motion.voting") },
    not_voting: { value: voters.notVoting, rule: rules.majoritySource, counts: msg("figure.motion.not_voting") },
  };
  const vote = result.vote;
  if (vote) {
    const source = vote.majority.source;
    Object.assign(figures, {
      expressed: { value: vote.expressed, rule: rules.majoritySource, counts: msg("figure.motion.expressed") },
      majority: { value: vote.majority.needed, rule: source, counts: majorityCounts(vote) },
      for: { value: vote.for, rule: rules.majoritySource, counts: msg("figure.motion.for") },
      against: { value: vote.against, rule: rules.majoritySource, counts: msg("figure.motion.against") },
      abstentions: { value: vote.abstentions, rule: rules.majoritySource, counts: msg("figure.motion.abstentions") },
      blank: { value: vote.blank, rule: rules.majoritySource, counts: msg("figure.motion.blank") },
      null: { value: vote.null, rule: rules.majoritySource, counts: msg("figure.motion.null") },
    });
  }
  // An election's record prints the figures of the round that decided it: its last.
  const round = result.election?.rounds.at(-1);
  if (round) {
    const source = result.election!.rule.source;
    Object.assign(figures, {
      expressed: { value: round.expressed, rule: source, counts: msg("figure.round.expressed", { round: round.number }) },
      blank: { value: round.blank, rule: source, counts: msg("figure.round.blank", { round: round.number }) },
      null: { value: round.null, rule: source, counts: msg("figure.round.null", { round: round.number }) },
      ...(round.needed !== undefined ? { majority: { value: round.needed, rule: source, counts: msg("figure.round.majority", { round: round.number }) } } : {}),
    });
  }
  return marked(figures, unknownDependencies(outcome).motions[index]!);
}

function majorityCounts(vote: VoteOutcome): Message {
  if (vote.majority.kind === "compte_administratif") return msg("figure.majority.compte_administratif");
  if (vote.majority.kind === "qualified") return msg("figure.majority.qualified", { ratio: vote.majority.ratio ?? "—", of: vote.majority.of === "in_office" ? "in_office" : "expressed" });
  return msg("figure.majority.absolute");
}

/**
 * delib's figures for the sitting's heading: every field of `sittingFigures`, counted over the
 * whole sitting (a late arrival is present; a member represented for one item only is
 * represented), each with its rule.
 */
export function sittingFigures(outcome: Outcome): SittingFigureValues {
  const first = outcome.motions[0];
  if (!first) return {};
  const { rules } = outcome;
  const titulaires = new Set<string>();
  const suppleants = new Set<string>();
  const represented = new Set<string>();
  const excused = new Set<string>();
  const voting = new Set<string>();
  const seats = new Map<string, SeatLine>();
  outcome.motions.forEach((result, index) => {
    const presence = outcome.presence[index]!;
    const ntp = notTakingPart(result.motion);
    for (const line of result.attendance.lines) {
      const key = seatKey(line);
      if (!seats.has(key)) seats.set(key, line);
      const state = presence.members.get(line.member.id);
      // Anyone in the room counts as having sat, withdrawn or interested for this item or not.
      if (state?.status === "present" && !isUnseatedSuppleant(line)) titulaires.add(key);
      else if (state?.status === "present") suppleants.add(key);
      else if (state?.status === "substituted") suppleants.add(key);
      else if (proxyUsed(line, ntp)) represented.add(key);
      else if (line.column === "excused") excused.add(key);
      if (line.seatVotes && (state?.status === "present" || state?.status === "substituted" || proxyUsed(line, ntp))) voting.add(key);
    }
  });
  const sat = new Set([...titulaires, ...suppleants]);
  const representedOnly = [...represented].filter((k) => !sat.has(k));
  const neither = [...seats.keys()].filter((k) => !sat.has(k) && !represented.has(k));
  const excusedCount = neither.filter((k) => excused.has(k)).length;
  const firstPresence = outcome.presence[0]!;
  const excludedAtFirst = first.attendance.lines.filter((l) => firstPresence.members.get(l.member.id)?.excluded === true).length;
  const missing = outcome.seats.missing;
  const inOffice =
    (first.quorum.counts === "voices" ? first.attendance.lines.filter((l) => !isUnseatedSuppleant(l)).length + missing - excludedAtFirst : first.quorum.inOffice) +
    excludedAtFirst;
  const absolute = rules.majorities.absolute_of_expressed;
  return marked<Record<string, Figure>>({
    in_office: { value: inOffice, rule: first.quorum.source, counts: msg("figure.sitting.in_office") },
    present: { value: titulaires.size + suppleants.size, rule: first.quorum.source, counts: msg("figure.sitting.present") },
    present_titulaires: { value: titulaires.size, rule: first.quorum.source, counts: msg("figure.sitting.present_titulaires") },
    present_suppleants: { value: suppleants.size, rule: rules.body.suppleants ?? first.quorum.source, counts: msg("figure.sitting.present_suppleants") },
    represented: { value: representedOnly.length, rule: rules.proxySource, counts: msg("figure.sitting.represented") },
    absent: { value: neither.length - excusedCount + missing, rule: first.quorum.source, counts: msg("figure.sitting.absent") },
    excused: { value: excusedCount, rule: first.quorum.source, counts: msg("figure.sitting.excused") },
    voting: { value: voting.size, rule: rules.majoritySource, counts: msg("figure.sitting.voting") },
    majority: { value: threshold(voting.size, absolute.fraction, absolute.strict), rule: rules.majoritySource, counts: msg("figure.sitting.majority") },
  }, unknownDependencies(outcome).sitting);
}

/**
 * Whether a vote with these counts would be adopted under the motion's majority, decided by the
 * very rule the count applied (tally/votes.ts `chooseMajority`); undefined on a tie, which the
 * chair's casting vote decides.
 */
export function wouldAdopt(vote: VoteOutcome, votesFor: number, against: number, outcome: Outcome): boolean | undefined {
  const motion = outcome.motions.find((m) => m.vote === vote)?.motion;
  if (!motion) return undefined;
  const expressed = votesFor + against;
  const tie = expressed > 0 && votesFor === against;
  // A tie on an ordinary majority goes to the chair's casting vote: which way, delib cannot tell.
  if (tie && motion.kind !== "compte_administratif") return undefined;
  const noCastingVote = { ballot: vote.ballot, castingVote: false, castingVoteSource: "", majoritySource: "", presidentVote: undefined, chairName: "" };
  return chooseMajority(motion, { for: votesFor, against, expressed, tie }, vote.inOfficeVoices, outcome.rules, () => noCastingVote).adopted;
}
