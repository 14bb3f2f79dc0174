import type { Session } from "../model/session.js";
import type { MotionOutcome, Outcome } from "./outcome.js";
import { computeQuorum } from "./quorum.js";
import { countSeats, membersById, seatLines } from "./seat-lines.js";
import { computeVote } from "./votes.js";

/**
 * Computes attendance, quorum and votes for every motion of a validated session.
 * Pure and total: no clock, no files; an unmet quorum or a rejected motion is a result.
 */
export function tally(session: Session): Outcome {
  const members = membersById(session);
  const motions = session.motions.map((motion): MotionOutcome => {
    const lines = seatLines(session, members);
    const totals = countSeats(lines);
    const quorum = computeQuorum(session, totals);
    const { adopted, ...vote } = computeVote(motion.vote, totals);
    const result = !quorum.met ? "no_quorum" : adopted ? "adopted" : "rejected";
    return { motion, attendance: { lines, totals }, quorum, vote, result };
  });
  return { session, members, motions };
}
