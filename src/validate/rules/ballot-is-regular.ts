import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import { threshold } from "../../tally/fraction.js";
import type { RuleContext } from "../rule.js";

/**
 * CGCT L2121-21 (and L3121-15, L4132-14): a public or a secret ballot is held at the request of
 * a share of the members present (`ballot_request` in law/bodies.yaml: a quarter and a third,
 * a sixth for a public ballot in a département or a région), and a nomination by secret ballot
 * unless the assembly decides unanimously otherwise. When the file names who asked, delib
 * checks there were enough. Both are irregular facts of the sitting: the vote is counted as
 * recorded, and how members would have voted under another ballot no record says.
 */
export function ballotIsRegular({ outcome, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const result of outcome.motions) {
    const motion = result.motion;
    const m = result.index;
    const requesters = motion.ballot_requested_by;
    // A nomination is by secret ballot unless the file says otherwise (L2121-21).
    const ballot = motion.ballot ?? (motion.kind === "election" ? "secret" : "show_of_hands");
    if (requesters && ballot !== "show_of_hands") {
      const request = outcome.rules.body.ballot_request;
      const share = ballot === "public" ? request.public : request.secret;
      if (share) {
        const present = result.attendance.totals.present;
        // « At the request of a quarter »: at least that share of the members present.
        const needed = threshold(present, share, false);
        if (requesters.length < needed && !(ballot === "secret" && motion.kind === "election")) {
          found.push(
            diagnostic({
              severity: "warning",
              code: "DLB3070",
              message: msg("DLB3070", { ballot, share, needed, present, asked: requesters.length }),
              span: locate(["motions", m, "ballot_requested_by"], "key"),
              hints: [msg("DLB3070.hint", { source: request.source })],
              irregularity: {
                article: request.source,
                consequence: msg("DLB3070.consequence", { ballot }),
                couldChangeOutcome: undefined,
              },
            }),
          );
        }
      }
    }
    // An election the law holds by secret ballot only is reported by election-ballot-is-secret.ts.
    // Unless the assembly decided unanimously not to vote by secret ballot (CGCT L2121-21).
    const decided = motion.election?.public_by_unanimous_decision === true;
    if (motion.kind === "election" && ballot !== "secret" && result.election?.rule.ballot.rule !== "secret" && !decided) {
      found.push(
        diagnostic({
          severity: "warning",
          code: "DLB3071",
          message: msg("DLB3071", { number: motion.number }),
          span: locate(["motions", m, "kind"]),
          hints: [msg("DLB3071.hint")],
          irregularity: {
            article: outcome.rules.body.ballot_request.source,
            consequence: msg("DLB3071.consequence"),
            couldChangeOutcome: undefined,
          },
        }),
      );
    }
  }
  return found;
}
