import { memberName } from "../model/member-name.js";
import type { Member, MemberVote, Motion } from "../model/session.js";
import { absoluteOfExpressed } from "./majority/absolute-of-expressed.js";
import type { CastingVoteContext } from "./majority/casting-vote.js";
import { compteAdministratif } from "./majority/compte-administratif.js";
import type { Decision, VoteCount } from "./majority/decision.js";
import { qualifiedOfMembersInOffice } from "./majority/of-members-in-office.js";
import { qualifiedOfExpressed } from "./majority/qualified.js";
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
 * The vote on one motion: suffrages exprimés are for + against (abstentions, blank and null
 * ballots and members not taking part are not expressed); then the majority that applies
 * decides, each a rule of its own in majority/: the compte administratif's (L1612-12), a
 * qualified majority of the suffrages exprimés or of the members in office, else the
 * absolute majority of the suffrages exprimés with the casting vote on a tie.
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
  const { rules } = context;
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
  const count: VoteCount = { for: votesFor, against, expressed, tie: expressed > 0 && votesFor === against };

  const decision = chooseMajority(motion, count, context.inOfficeVoices, rules, () => {
    const chair = context.members.get(context.chair);
    return {
      ballot,
      castingVote: rules.castingVote,
      castingVoteSource: rules.castingVoteSource,
      majoritySource: rules.majoritySource,
      presidentVote,
      chairName: chair ? memberName(chair) : context.chair,
    };
  });
  const steps: Step[] = [
    { key: "vote.voters", values: { voters } },
    { key: "vote.expressed", values: { for: votesFor, against, abstentions, blank, null: nul, expressed }, source: rules.majoritySource },
    ...decision.steps,
  ];

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
    majority: decision.majority,
    tie: count.tie,
    decidedBy: decision.decidedBy,
    presidentVote,
    names: byMember?.names,
    adopted: decision.adopted,
    inOfficeVoices: context.inOfficeVoices,
    steps,
  };
}

/** Which majority rule decides this motion; the rules themselves are in majority/. */
export function chooseMajority(motion: Motion, count: VoteCount, inOfficeVoices: number, rules: RuleSet, tie: () => CastingVoteContext): Decision {
  const majorities = rules.majorities;
  if (motion.kind === "compte_administratif") return compteAdministratif(count, majorities.compte_administratif);
  if (typeof motion.majority === "object") {
    const { ratio, of } = motion.majority;
    const source = motion.majority.article ?? rules.majoritySource;
    return of === "in_office"
      ? qualifiedOfMembersInOffice(count, ratio, inOfficeVoices, majorities.qualified, source)
      : qualifiedOfExpressed(count, ratio, majorities.qualified, source);
  }
  return absoluteOfExpressed(count, majorities.absolute_of_expressed, rules.majoritySource, tie());
}
