import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import { ruleOfElection, seatsAreNeeded } from "../../tally/elections/rule-of-election.js";
import type { RuleContext } from "../rule.js";

/**
 * Each election has a rule in law/elections.yaml for this sitting: its kind is held by this kind
 * of body, the body's population is given when the rule depends on it (the adjoints, the
 * délégués sénatoriaux…), a rule is in force on the sitting's date, and `seats` agrees with the
 * seats the law fixes (the maire: 1), or is given for a list ballot whose seats the law leaves
 * to the assembly, or the seats the law gives by the council's size (`seats_by_council`, the
 * délégués sénatoriaux: Code électoral L284). Without a rule delib cannot say who is elected.
 */
export function electionRuleApplies({ session, outcome, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  session.motions.forEach((motion, m) => {
    const election = motion.election;
    if (!election) return;
    const chosen = ruleOfElection(election, outcome.rules, session);
    const kind = chosen.kind;
    const kindSpan = locate(["motions", m, "election", ...(election.kind !== undefined ? ["kind"] : [])], election.kind !== undefined ? "value" : "key");
    const body = session.body.kind;
    if (chosen.problem === "not_for_body") {
      const bodies = outcome.rules.elections[kind]?.bodies ?? [];
      found.push(diagnostic({ code: "DLB3100", message: msg("DLB3100", { kind, body, number: motion.number }), span: kindSpan, hints: [msg("DLB3100.hint", { bodies: bodies.map((b) => `\`${b}\``).join(", ") })] }));
    } else if (chosen.problem === "population_needed") {
      found.push(diagnostic({ code: "DLB3101", message: msg("DLB3101", { kind, number: motion.number }), span: kindSpan, hints: [msg("DLB3101.hint")] }));
    } else if (chosen.problem !== undefined) {
      found.push(
        diagnostic({
          code: "DLB3102",
          message: msg("DLB3102", { kind, number: motion.number, date: session.session.date, population: session.body.population ?? "—" }),
          span: kindSpan,
          hints: [msg("DLB3102.hint")],
        }),
      );
    }
    if (chosen.problem === undefined && seatsAreNeeded(election, chosen)) {
      found.push(diagnostic({ code: "DLB3107", message: msg("DLB3107.missing", { kind, number: motion.number }), span: locate(["motions", m, "election"], "key"), hints: [msg("DLB3107.hint.missing")] }));
    }
    const fixed = chosen.problem === undefined ? chosen.rule?.seats : undefined;
    if (fixed !== undefined && election.seats !== undefined && election.seats !== fixed) {
      found.push(
        diagnostic({
          code: "DLB3107",
          message: msg("DLB3107", { kind, number: motion.number, seats: election.seats, fixed }),
          span: locate(["motions", m, "election", "seats"]),
          hints: [msg("DLB3107.hint", { fixed, source: chosen.rule!.source })],
        }),
      );
    }
    // The délégués sénatoriaux by the council's legal size (Code électoral L284).
    const byCouncil = chosen.problem === undefined ? chosen.rule?.seats_by_council : undefined;
    const council = session.body.seats;
    const row = council === undefined ? undefined : byCouncil?.table.find((r) => r.council.includes(council));
    const given = election.seats ?? 1;
    if (byCouncil && row && given !== row.seats) {
      found.push(
        diagnostic({
          code: "DLB3124",
          message: msg("DLB3124", { number: motion.number, council: council!, seats: given, law: row.seats, source: byCouncil.source }),
          span: locate(["motions", m, "election", ...(election.seats !== undefined ? ["seats"] : [])], election.seats !== undefined ? "value" : "key"),
          hints: [msg("DLB3124.hint", { law: row.seats })],
          irregularity: { article: byCouncil.source, consequence: msg("DLB3124.consequence"), couldChangeOutcome: undefined },
        }),
      );
    }
  });
  return found;
}
