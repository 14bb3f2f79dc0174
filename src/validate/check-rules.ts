import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ParsedSource } from "../source/parse-yaml.js";
import type { Outcome } from "../tally/outcome.js";
import { ruleContext, type Rule } from "./rule.js";
import { attendanceChangesAreConsistent } from "./rules/attendance-changes-are-consistent.js";
import { compteAdministratifIsRegular } from "./rules/compte-administratif-is-regular.js";
import { convocationDelayIsRespected } from "./rules/convocation-delay-is-respected.js";
import { datesAreInOrder } from "./rules/dates-are-in-order.js";
import { declaredFiguresMatch } from "./rules/declared-figures-match.js";
import { electionBallotIsSecret } from "./rules/election-ballot-is-secret.js";
import { electionCandidatesAreMembers } from "./rules/election-candidates-are-members.js";
import { electionCandidatesHoldOneSeat } from "./rules/election-candidates-hold-one-seat.js";
import { electionChairIsTheEldest } from "./rules/election-chair-is-the-eldest.js";
import { electionFiguresAddUp } from "./rules/election-figures-add-up.js";
import { electionIdsAreKnown } from "./rules/election-ids-are-known.js";
import { electionIsRegular } from "./rules/election-is-regular.js";
import { electionListsAreRegular } from "./rules/election-lists-are-regular.js";
import { electionRuleApplies } from "./rules/election-rule-applies.js";
import { electionShapeFitsTheKind } from "./rules/election-shape-fits-the-kind.js";
import { everyMemberHasAttendance } from "./rules/every-member-has-attendance.js";
import { everyMemberHoldsASeat } from "./rules/every-member-holds-a-seat.js";
import { exclusionsApplyToThisBody } from "./rules/exclusions-apply-to-this-body.js";
import { matiereIsKnown } from "./rules/matiere-is-known.js";
import { memberIdsAreUnique } from "./rules/member-ids-are-unique.js";
import { numberSuitsActes } from "./rules/number-suits-actes.js";
import { itemsAreOnTheAgenda } from "./rules/items-are-on-the-agenda.js";
import { officersArePresent } from "./rules/officers-are-present.js";
import { onlyMembersInOfficeSit } from "./rules/only-members-in-office-sit.js";
import { replacementsTakeTheSeat } from "./rules/replacements-take-the-seat.js";
import { seatsAreAccountedFor } from "./rules/seats-are-accounted-for.js";
import { placeIsGiven } from "./rules/place-is-given.js";
import { proxiesAreRegular } from "./rules/proxies-are-regular.js";
import { proxiesNameAnotherMember } from "./rules/proxies-name-another-member.js";
import { referencesAreKnown } from "./rules/references-are-known.js";
import { secondConvocationIsRegular } from "./rules/second-convocation-is-regular.js";
import { suppleantsAreRegular } from "./rules/suppleants-are-regular.js";
import { voteIsRecorded } from "./rules/vote-is-recorded.js";
import { voteIsNeeded } from "./rules/vote-is-needed.js";
import { ballotIsRegular } from "./rules/ballot-is-regular.js";
import { votingCollegesExist } from "./rules/voting-colleges-exist.js";
import { votesAgreeWithAttendance } from "./rules/votes-agree-with-attendance.js";
import { votesAddUpToVoters } from "./rules/votes-add-up-to-voters.js";
import { publicBallotNamesTheVoters } from "./rules/public-ballot-names-the-voters.js";
import { unvotedItemsArePlaced } from "./rules/unvoted-items-are-placed.js";
import { textsHoldNoImages } from "./rules/texts-hold-no-images.js";
import { unknownFactsAreTranscribed } from "./rules/unknown-facts-are-transcribed.js";
import { unknownFactsLeaveChecksUndone } from "./rules/unknown-facts-leave-checks-undone.js";

/** Rules on the file's structure: ids, references, one status per member, one way to record a vote. */
export const structureRules: readonly Rule[] = [
  memberIdsAreUnique,
  referencesAreKnown,
  everyMemberHasAttendance,
  everyMemberHoldsASeat,
  replacementsTakeTheSeat,
  proxiesNameAnotherMember,
  datesAreInOrder,
  placeIsGiven,
  unknownFactsAreTranscribed,
  voteIsRecorded,
  electionRuleApplies,
  electionIdsAreKnown,
  electionShapeFitsTheKind,
  votingCollegesExist,
  unvotedItemsArePlaced,
];

/** Rules on what the count found: proxies, officers, quorum conditions, votes against voters. */
export const countRules: readonly Rule[] = [
  onlyMembersInOfficeSit,
  seatsAreAccountedFor,
  suppleantsAreRegular,
  attendanceChangesAreConsistent,
  proxiesAreRegular,
  officersArePresent,
  secondConvocationIsRegular,
  convocationDelayIsRespected,
  unknownFactsLeaveChecksUndone,
  itemsAreOnTheAgenda,
  exclusionsApplyToThisBody,
  compteAdministratifIsRegular,
  voteIsNeeded,
  ballotIsRegular,
  votesAgreeWithAttendance,
  votesAddUpToVoters,
  publicBallotNamesTheVoters,
  electionIsRegular,
  electionFiguresAddUp,
  electionListsAreRegular,
  electionCandidatesHoldOneSeat,
  electionCandidatesAreMembers,
  electionChairIsTheEldest,
  electionBallotIsSecret,
  declaredFiguresMatch,
  // The act's @CTES data: checked once the structure is sound, never blocking the count rules.
  matiereIsKnown,
  numberSuitsActes,
  // What the texts hold: an image is never printed (render/markdown.ts).
  textsHoldNoImages,
];

/**
 * Runs the legal and consistency rules over a schema-valid session and its count. The count
 * rules run only when the structure is sound: a misspelt id or a missing status would
 * otherwise echo as wrong totals, and the clerk would chase the echoes. `asRecorded` reads the
 * file as a transcribed record whatever it says (`delib audit`), so hints fit that reading.
 */
export function checkRules(source: ParsedSource, outcome: Outcome, asRecorded = false): Diagnostic[] {
  const context = ruleContext(source, outcome, asRecorded);
  const structural = structureRules.flatMap((rule) => rule(context));
  if (hasErrors(structural)) return structural;
  return [...structural, ...countRules.flatMap((rule) => rule(context))];
}
