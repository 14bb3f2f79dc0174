import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { MotionOutcome, Outcome, VoteOutcome } from "../../tally/outcome.js";
import { notTakingPart, wouldAdopt } from "../../tally/figures.js";
import { nameOf, type RuleContext } from "../rule.js";

/**
 * Who may vote on a motion, by member id: the titulaire of each voting seat (in person, or
 * represented through a proxy that is used) and the suppléant sitting in a titulaire's place.
 */
function mayVote(outcome: MotionOutcome): Set<string> {
  const ids = new Set<string>();
  for (const line of outcome.attendance.lines) {
    if (!line.voting) continue;
    ids.add(line.member.id);
    ids.add(line.sitting.id);
  }
  return ids;
}

/**
 * A vote recorded member by member names only members who could vote (a member who takes no
 * part, `not_taking_part`, may be listed only as `not_voting`), agrees with the counts when
 * both are given, and accounts for everyone who could vote. A tie on a public ballot is
 * decided by the chair's own vote, which must then be recorded (CGCT L2121-20). That the counts
 * add up to the voters is votes-add-up-to-voters. A vote recorded for a member who could not
 * cast it (DLB3021), and printed counts the names contradict (DLB3022), are irregular facts:
 * delib counts the vote from the names of those who could vote.
 */
export function votesAgreeWithAttendance({ members, outcome, presence, locate, transcribed }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const result of outcome.motions) {
    const m = result.index;
    const motion = result.motion;
    const vote = result.vote;
    const record = motion.vote;
    if (!vote || !record) continue;
    const p = presence[m]!;
    const at = (...path: string[]) => locate(["motions", m, "vote", ...path]);
    const allowed = mayVote(result);
    const ntp = notTakingPart(motion);
    if (record.by_member) {
      for (const [id, choice] of Object.entries(record.by_member)) {
        if (!members.has(id)) continue;
        // « Ne prend pas part au vote », recorded beside the names: the member casts no vote.
        let why: string;
        let hint: string;
        if (ntp.has(id)) {
          if (choice === "not_voting") continue;
          why = "is recorded as not taking part in it";
          hint = "write `not_voting` for this member, or take them out of `not_taking_part`";
        } else {
          if (allowed.has(id)) continue;
          const state = p.members.get(id);
          // « Ne prend pas part au vote » is what an interested or withdrawn member must do (L2131-11).
          if (choice === "not_voting" && (state?.interested || state?.withdrawn || state?.excluded)) continue;
          why = state?.interested
            ? "is interested in the motion (CGCT L2131-11)"
            : state?.withdrawn
              ? "withdrew for this motion"
              : state?.status === "represented"
                ? "is represented by a proxy that cannot be used for this motion"
                : state?.left
                  ? "left the sitting before this motion"
                  : state?.status === "absent" || state?.status === "excused"
                    ? `is recorded as ${state.status}`
                    : "holds no seat with the right to vote";
          hint = transcribed
            ? "the record is transcribed as printed: the line stays as given, the vote is not counted, and it is listed as a finding"
            : "remove this line, or correct the attendance";
        }
        found.push(
          diagnostic({
            code: "DLB3021",
            message: `${nameOf(members, id)} has a vote recorded on ${motion.number} but ${why}`,
            span: locate(["motions", m, "vote", "by_member", id], "key"),
            hints: [hint],
            irregularity: {
              article: "CGCT L2121-20",
              consequence: `the vote of ${nameOf(members, id)} is not counted`,
              // Counted, the vote would carry the member's voices (a weighted seat carries several).
              couldChangeOutcome: wouldTurn(vote, outcome, choice, recordedVoices(result, id)),
            },
          }),
        );
      }
      for (const key of ["for", "against", "abstentions"] as const) {
        const written = record[key];
        if (written === undefined) continue;
        const counted = key === "for" ? countBy(record.by_member, "for", result) : key === "against" ? countBy(record.by_member, "against", result) : countBy(record.by_member, "abstention", result);
        if (written !== counted) {
          found.push(
            diagnostic({
              code: "DLB3022",
              message: `the vote on ${motion.number} counts ${written} ${key}, but the members' votes add up to ${counted}`,
              span: at(key),
              hints: [
                transcribed
                  ? "the record is transcribed as printed: delib counts the vote from the members' names, and lists it as a finding"
                  : "correct the count or the members' votes; delib can count them itself if you remove the count",
              ],
              irregularity: {
                article: outcome.rules.body.ballot_request.source,
                consequence: `delib counts the vote from the members' names (${counted} ${key}), not from the ${written} printed`,
                couldChangeOutcome: printedCouldTurn(vote, outcome, record),
              },
            }),
          );
        }
      }
      const byMember = record.by_member;
      // Members who take no part, and the principals whose proxy they hold, cast no vote.
      const uncovered = result.attendance.lines.filter(
        (l) =>
          l.voting &&
          !ntp.has(l.member.id) &&
          !ntp.has(l.sitting.id) &&
          !(l.proxyHolder !== undefined && ntp.has(l.proxyHolder.id)) &&
          !Object.hasOwn(byMember, l.member.id) &&
          !Object.hasOwn(byMember, l.sitting.id),
      );
      const titulaires = [...new Set(uncovered.map((l) => l.sitting.id))];
      if (titulaires.length > 0) {
        found.push(
          diagnostic({
            severity: "warning",
            code: "DLB3026",
            message: `${titulaires.map((id) => nameOf(members, id)).join(", ")} could vote on ${motion.number} but ${titulaires.length === 1 ? "has" : "have"} no recorded vote; counted as not voting`,
            span: at("by_member"),
            hints: ["add their vote, or `not_voting` if they did not take part"],
          }),
        );
      }
    }
    const chair = result.chair.id;
    if (vote.tie && vote.ballot !== "secret" && outcome.rules.castingVote && motion.kind !== "compte_administratif") {
      if (vote.presidentVote === undefined) {
        found.push(
          diagnostic({
            code: "DLB3024",
            message: `the vote on ${motion.number} is tied ${vote.for} to ${vote.against}: the chair's own vote decides, but it is not recorded`,
            span: at(),
            hints: [`add \`president: for\` (or \`against\`, \`abstention\`, \`not_voting\`) under \`vote\`: how ${nameOf(members, chair)} voted (CGCT L2121-20)`],
          }),
        );
      } else if (vote.presidentVote === "abstention" || vote.presidentVote === "not_voting") {
        found.push(
          diagnostic({
            severity: "warning",
            code: "DLB3027",
            message: `the vote on ${motion.number} is tied and the chair ${vote.presidentVote === "abstention" ? "abstained" : "did not vote"}: the motion is not adopted`,
            span: record.by_member?.[chair] !== undefined ? locate(["motions", m, "vote", "by_member", chair]) : at("president"),
            hints: ["with no casting vote to decide, delib treats the tie as no majority (no text settles this case)"],
          }),
        );
      }
    }
  }
  return found;
}

function countBy(byMember: Record<string, string>, choice: string, result: MotionOutcome): number {
  const voices = (id: string) => {
    const titulaire = result.attendance.lines.find((l) => l.sitting.id === id || l.member.id === id)?.member.id ?? id;
    return result.attendance.lines.filter((l) => l.member.id === titulaire && l.voting).reduce((s, l) => s + l.voices, 0);
  };
  return Object.entries(byMember).filter(([, c]) => c === choice).reduce((sum, [id]) => sum + voices(id), 0);
}

/**
 * The voices a vote recorded for `id` carries when counted: those of the seats `id` holds or
 * sits in with the right to vote, whether or not they may vote on this motion; one when `id`
 * holds no such seat.
 */
function recordedVoices(result: MotionOutcome, id: string): number {
  const voices = result.attendance.lines
    .filter((l) => (l.member.id === id || l.sitting.id === id) && l.hasVote)
    .reduce((s, l) => s + l.seatVoices, 0);
  return voices > 0 ? voices : 1;
}

/** Whether a vote of `voices` for `choice`, counted, would turn the result (or tie it). */
function wouldTurn(vote: VoteOutcome, outcome: Outcome, choice: string, voices: number): boolean {
  if (choice !== "for" && choice !== "against") return false;
  const adopted = wouldAdopt(vote, vote.for + (choice === "for" ? voices : 0), vote.against + (choice === "against" ? voices : 0), outcome);
  return adopted === undefined || adopted !== vote.adopted;
}

/** Whether the counts as printed, where they differ from the names, would give another result. */
function printedCouldTurn(vote: VoteOutcome, outcome: Outcome, record: { readonly for?: number; readonly against?: number }): boolean {
  const [votesFor, against] = [record.for ?? vote.for, record.against ?? vote.against];
  // Abstentions are not suffrages exprimés: printed wrong alone, they decide nothing.
  if (votesFor === vote.for && against === vote.against) return false;
  const adopted = wouldAdopt(vote, votesFor, against, outcome);
  return adopted === undefined || adopted !== vote.adopted;
}
