import type { ElectionVariant } from "../../law/law.js";
import type { Election, Session } from "../../model/session.js";
import { electionRule, type NoElectionRule, type RuleSet } from "../rule-set.js";

/** The rule an election is counted under, and why the file's own kind could not give one. */
export interface RuleOfElection {
  /** The kind the file names (`nomination` when it names none). */
  readonly kind: string;
  /** The rule applied: the kind's, or, when it has none for this sitting, a stand-in (see `problem`). */
  readonly rule: ElectionVariant | undefined;
  /** Why the kind gives no rule for this sitting (a rule of validate/ reports it); undefined when it does. */
  readonly problem: NoElectionRule | undefined;
  /** The seats this ballot fills: the law's, else the file's `seats`, else 1. */
  readonly seats: number;
}

/** The default kind of an election that names none (CGCT L2121-21, any nomination). */
export const DEFAULT_ELECTION_KIND = "nomination";

/**
 * The rule of an election for a sitting (`electionRule`), following `one_seat` (CGCT L2122-7-2:
 * a single adjoint is elected as the maire). When the kind has no rule for the sitting, the
 * count goes on under the kind's first rule, or the default kind's, so it stays total; the
 * problem is reported by validate/rules/election-rule-applies.ts and nothing is printed.
 */
export function ruleOfElection(election: Election, rules: RuleSet, session: Session): RuleOfElection {
  const kind = election.kind ?? DEFAULT_ELECTION_KIND;
  const population = typeof session.body.population === "number" ? session.body.population : undefined;
  const date = session.session.date;
  const chosen = electionRule(rules, kind, population, date);
  let rule = "rule" in chosen ? chosen.rule : undefined;
  const problem = "problem" in chosen ? chosen.problem : undefined;
  const seatsOf = (variant: ElectionVariant | undefined) => variant?.seats ?? election.seats ?? 1;
  if (rule?.one_seat && seatsOf(rule) === 1) {
    const instead = electionRule(rules, rule.one_seat.as_kind, population, date);
    if ("rule" in instead) rule = instead.rule;
  }
  if (rule === undefined) {
    const own = Object.hasOwn(rules.elections, kind) ? rules.elections[kind]?.variants[0] : undefined;
    rule = own ?? (Object.hasOwn(rules.elections, DEFAULT_ELECTION_KIND) ? rules.elections[DEFAULT_ELECTION_KIND]?.variants[0] : undefined);
  }
  return { kind, rule, problem, seats: seatsOf(rule) };
}

/**
 * The file must say how many seats a list ballot fills when the law does not fix them: without
 * `seats`, one seat is assumed, and a list ballot for one seat is counted as the kind's
 * `one_seat` says (the adjoints: as the maire, on names).
 */
export function seatsAreNeeded(election: Election, chosen: RuleOfElection): boolean {
  if (election.seats !== undefined || election.lists === undefined || chosen.rule === undefined) return false;
  return chosen.rule.seats === undefined || chosen.rule.candidacy === "individual";
}
