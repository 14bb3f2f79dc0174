import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { countSeats, seatLines } from "../../tally/seat-lines.js";
import type { RuleContext } from "../rule.js";

/** No more voices are counted than the present and represented voting seats carry. */
export function votesDoNotExceedVoters({ session, members, locate }: RuleContext): Diagnostic[] {
  const totals = countSeats(seatLines(session, members));
  const found: Diagnostic[] = [];
  session.motions.forEach((motion, m) => {
    const { vote } = motion;
    if (vote.unanimous) {
      if (totals.voices === 0) {
        found.push(
          diagnostic({
            code: "DLB3010",
            message: `the vote on ${motion.number} is unanimous, but no voting seat is present or represented`,
            span: locate(["motions", m, "vote", "unanimous"]),
            hints: ["check the attendance and the seats' right to vote (`votes:`)"],
          }),
        );
      }
      return;
    }
    const cast = (vote.for ?? 0) + (vote.against ?? 0) + (vote.abstentions ?? 0);
    if (cast <= totals.voices) return;
    found.push(
      diagnostic({
        code: "DLB3010",
        message: `the vote on ${motion.number} counts ${cast} voices, but only ${totals.voices} can be cast`,
        span: locate(["motions", m, "vote"]),
        hints: [
          `${totals.voting} voting seat${totals.voting === 1 ? " is" : "s are"} present or represented, carrying ${totals.voices} voice${totals.voices === 1 ? "" : "s"}`,
          "check the counts, the attendance, and the seats' right to vote (`votes:`)",
        ],
      }),
    );
  });
  return found;
}
