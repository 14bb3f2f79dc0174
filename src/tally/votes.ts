import type { Member, MemberVote, Motion } from "../model/session.js";
import { parseFraction } from "./fraction.js";
import type { SeatLine, Step, VoteOutcome } from "./outcome.js";
import type { RuleSet } from "./rule-set.js";

/** Totals of a vote recorded member by member, in voices, with the names by direction. */
export function countByMember(
  byMember: Readonly<Record<string, MemberVote>>,
  voicesOf: (id: string) => number,
  members: ReadonlyMap<string, Member>,
): { for: number; against: number; abstentions: number; names: NonNullable<VoteOutcome["names"]> } {
  const names: NonNullable<VoteOutcome["names"]> = { for: [], against: [], abstention: [], not_voting: [] };
  const totals = { for: 0, against: 0, abstentions: 0 };
  for (const [id, choice] of Object.entries(byMember)) {
    const member = members.get(id);
    if (member) names[choice].push(member);
    const voices = voicesOf(id);
    if (choice === "for") totals.for += voices;
    else if (choice === "against") totals.against += voices;
    else if (choice === "abstention") totals.abstentions += voices;
  }
  return { ...totals, names };
}

/**
 * The vote on one motion (CGCT L2121-20 and the articles of each kind of body):
 * - suffrages exprimés are for + against; abstentions, blank and null ballots and members
 *   not taking part are not expressed;
 * - absolute majority (default): adopted when for > against; on a tie in a public ballot the
 *   chair's own vote decides; a tie on a secret ballot, or with a chair who did not vote for
 *   or against, is not adopted;
 * - qualified majority: for ≥ ceil(ratio × base), the base being the suffrages exprimés or
 *   the voices in office;
 * - compte administratif (L1612-12): adopted unless a majority votes against (a tie adopts).
 */
export function computeVote(
  motion: Motion,
  lines: readonly SeatLine[],
  context: {
    readonly rules: RuleSet;
    readonly members: ReadonlyMap<string, Member>;
    readonly chair: string;
    /** Voices a member casts for this motion, in person or through a proxy. */
    readonly voicesOf: (id: string) => number;
    /** Voices of the voting seats in office (base of a majority "of members in office"). */
    readonly inOfficeVoices: number;
  },
): VoteOutcome {
  const record = motion.vote ?? {};
  const ballot = motion.ballot ?? "show_of_hands";
  const voters = lines.filter((l) => l.voting).reduce((sum, l) => sum + l.voices, 0);
  const byMember = record.by_member ? countByMember(record.by_member, context.voicesOf, context.members) : undefined;
  // A vote recorded name by name is counted from the names; counts written beside it are
  // checked against them by a rule, never mixed in.
  const votesFor = record.unanimous ? voters : (byMember?.for ?? record.for ?? 0);
  const against = record.unanimous ? 0 : (byMember?.against ?? record.against ?? 0);
  const abstentions = record.unanimous ? 0 : (byMember?.abstentions ?? record.abstentions ?? 0);
  const blank = record.blank ?? 0;
  const nul = record.invalid ?? 0;
  const expressed = votesFor + against;
  const presidentVote = record.by_member?.[context.chair] ?? record.president;
  const steps: Step[] = [
    { key: "vote.voters", values: { voters } },
    { key: "vote.expressed", values: { for: votesFor, against, abstentions, blank, null: nul, expressed }, source: context.rules.majoritySource },
  ];

  let kind: VoteOutcome["majority"]["kind"] = "absolute";
  let needed = Math.floor(expressed / 2) + 1;
  let ratio: string | undefined;
  let of: "expressed" | "in_office" | undefined;
  let source = context.rules.majoritySource;
  let adopted: boolean;
  let decidedBy: VoteOutcome["decidedBy"];
  const tie = expressed > 0 && votesFor === against;

  if (motion.kind === "compte_administratif") {
    kind = "compte_administratif";
    source = "CGCT L1612-12";
    needed = Math.floor(expressed / 2) + 1; // voices against needed to reject
    adopted = !(against > votesFor);
    if (tie) decidedBy = "compte_administratif_tie";
    steps.push({ key: adopted ? "vote.ca_adopted" : "vote.ca_rejected", values: { for: votesFor, against, needed, expressed }, source });
  } else if (typeof motion.majority === "object") {
    kind = "qualified";
    ratio = motion.majority.ratio;
    of = motion.majority.of;
    source = motion.majority.article ?? source;
    const base = of === "expressed" ? expressed : context.inOfficeVoices;
    const [num, den] = parseFraction(ratio);
    needed = Math.ceil((base * num) / den);
    adopted = expressed > 0 && votesFor >= needed && votesFor > against;
    steps.push({ key: `vote.qualified.${of}.${adopted ? "adopted" : "rejected"}`, values: { for: votesFor, ratio, base, needed }, source });
  } else if (expressed === 0) {
    adopted = false;
    steps.push({ key: "vote.nothing_expressed", values: {} });
  } else if (tie) {
    const chair = context.members.get(context.chair);
    const chairName = chair ? `${chair.civility} ${chair.first_name} ${chair.last_name}` : context.chair;
    if (ballot === "secret") {
      adopted = false;
      steps.push({ key: "vote.tie_secret", values: { for: votesFor, against }, source });
    } else if (!context.rules.castingVote) {
      adopted = false;
      steps.push({ key: "vote.tie_no_casting_vote", values: { for: votesFor, against }, source: "statuts" });
    } else if (presidentVote === "for" || presidentVote === "against") {
      adopted = presidentVote === "for";
      decidedBy = "casting_vote";
      steps.push({ key: `vote.tie_casting_${presidentVote}`, values: { for: votesFor, against, chair: chairName }, source });
    } else {
      adopted = false;
      steps.push({ key: "vote.tie_chair_did_not_vote", values: { for: votesFor, against, chair: chairName }, source });
    }
  } else {
    adopted = votesFor > against;
    steps.push({ key: adopted ? "vote.adopted" : "vote.rejected", values: { for: votesFor, against, needed, expressed }, source });
  }

  return {
    ballot,
    for: votesFor,
    against,
    abstentions,
    blank,
    null: nul,
    expressed,
    voters,
    unanimous: expressed > 0 && against === 0 && abstentions === 0 && blank === 0 && nul === 0 && votesFor === voters,
    majority: { kind, needed, ratio, of, source },
    tie,
    decidedBy,
    presidentVote,
    names: byMember?.names,
    adopted,
    steps,
  };
}
