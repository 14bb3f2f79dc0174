import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { listOf, msg, type Message } from "../../diagnostics/message.js";
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
        // Why the member cannot cast it, one of the variants of DLB3021.
        let why: string;
        let hint: Message;
        if (ntp.has(id)) {
          if (choice === "not_voting") continue;
          why = "not_taking_part";
          hint = msg("DLB3021.hint.not_taking_part");
        } else {
          if (allowed.has(id)) continue;
          const state = p.members.get(id);
          // « Ne prend pas part au vote » is what an interested or withdrawn member must do (L2131-11).
          if (choice === "not_voting" && (state?.interested || state?.withdrawn || state?.excluded)) continue;
          why = state?.interested
            ? "interested"
            : state?.withdrawn
              ? "withdrawn"
              : state?.status === "represented"
                ? "represented"
                : state?.left
                  ? "left"
                  : state?.status === "absent" || state?.status === "excused"
                    ? state.status
                    : "no_seat";
          hint = transcribed ? msg("DLB3021.hint.transcribed") : msg("DLB3021.hint");
        }
        found.push(
          diagnostic({
            code: "DLB3021",
            message: msg("DLB3021", { name: nameOf(members, id), number: motion.number, why }),
            span: locate(["motions", m, "vote", "by_member", id], "key"),
            hints: [hint],
            irregularity: {
              article: "CGCT L2121-20",
              consequence: msg("DLB3021.consequence", { name: nameOf(members, id) }),
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
              message: msg("DLB3022", { number: motion.number, written, key, counted }),
              span: at(key),
              hints: [transcribed ? msg("DLB3022.hint.transcribed") : msg("DLB3022.hint")],
              irregularity: {
                article: outcome.rules.body.ballot_request.source,
                consequence: msg("DLB3022.consequence", { counted, key, written }),
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
            message: msg("DLB3026", { names: listOf(titulaires.map((id) => nameOf(members, id))), count: titulaires.length, number: motion.number }),
            span: at("by_member"),
            hints: [msg("DLB3026.hint")],
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
            message: msg("DLB3024", { number: motion.number, votesFor: vote.for, votesAgainst: vote.against }),
            span: at(),
            hints: [msg("DLB3024.hint", { chair: nameOf(members, chair) })],
          }),
        );
      } else if (vote.presidentVote === "abstention" || vote.presidentVote === "not_voting") {
        found.push(
          diagnostic({
            severity: "warning",
            code: "DLB3027",
            message: msg("DLB3027", { number: motion.number, chairVote: vote.presidentVote }),
            span: record.by_member?.[chair] !== undefined ? locate(["motions", m, "vote", "by_member", chair]) : at("president"),
            hints: [msg("DLB3027.hint")],
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
