import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import type { DataPath } from "../../model/session.js";
import { ruleOfElection, seatsAreNeeded } from "../../tally/elections/rule-of-election.js";
import type { RuleContext } from "../rule.js";

/** What the clerk may write, as YAML (the same in every language). */
const examples: Readonly<Record<string, string>> = {
  individual: "`candidates: { dupont: 12, martin: 7 }`",
  list: "`lists: { a: 15, b: 8 }`",
  same_list_after: "`substitutes: { seats: 3 }`",
  separate_ballot: "`substitutes: { seats: 3, rounds: [ … ] }`",
};

/**
 * An election is written as its kind is held: a ballot on names gives each round's
 * `candidates`, a list ballot its `lists` and each round's `lists`; the suppléants are given
 * where the kind elects them (a ballot of their own, their number, or each list's named
 * suppléants), and only there.
 */
export function electionShapeFitsTheKind({ session, outcome, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  session.motions.forEach((motion, m) => {
    const election = motion.election;
    if (!election) return;
    const chosen = ruleOfElection(election, outcome.rules, session);
    const { rule, problem, kind } = chosen;
    // Without a rule, or without the seats that choose it, electionRuleApplies speaks.
    if (!rule || problem || seatsAreNeeded(election, chosen)) return;
    const base: DataPath = ["motions", m, "election"];
    const number = motion.number;
    const shape = (variant: string, path: DataPath, at: "value" | "key" = "key", hint = `DLB3106.hint.${rule.candidacy}`) =>
      found.push(diagnostic({ code: "DLB3106", message: msg(`DLB3106.${variant}`, { kind, number }), span: locate(path, at), hints: [msg(hint, { source: rule.source, example: examples[rule.candidacy] ?? "" })] }));
    if (rule.candidacy === "list") {
      if (!election.lists) shape("no_lists", base);
      election.rounds.forEach((round, r) => {
        if (round.candidates) shape("candidates_in_list_ballot", [...base, "rounds", r, "candidates"]);
        else if (!round.lists) shape("no_list_votes", [...base, "rounds", r], "value");
      });
    } else {
      if (election.lists) shape("lists_in_name_ballot", [...base, "lists"]);
      election.rounds.forEach((round, r) => {
        if (round.lists) shape("lists_in_name_round", [...base, "rounds", r, "lists"]);
        else if (!round.candidates) shape("no_candidate_votes", [...base, "rounds", r], "value");
      });
    }
    const how = rule.substitutes?.how;
    const source = rule.substitutes?.source ?? rule.source;
    const missing = (variant: string, path: DataPath) =>
      found.push(diagnostic({ code: "DLB3114", message: msg(`DLB3114.${variant}`, { kind, number }), span: locate(path, "key"), hints: [msg(`DLB3114.hint.${variant}`, { source, example: examples[variant] ?? "" })] }));
    const extra = (variant: string, path: DataPath) =>
      found.push(diagnostic({ severity: "warning", code: "DLB3115", message: msg(`DLB3115.${variant}`, { kind, number }), span: locate(path, "key"), hints: [msg("DLB3115.hint")] }));
    if (how === "separate_ballot" && !election.substitutes?.rounds) missing("separate_ballot", election.substitutes ? [...base, "substitutes"] : base);
    if (how === "same_list_after" && !election.substitutes) missing("same_list_after", base);
    // Where lists may be incomplete (CGCT D1411-4), a list may name no suppléant: its seats of
    // suppléant stay empty (election-lists-are-regular.ts warns when it takes seats).
    if (how === "named_on_list" && !rule.incomplete_lists?.allowed) {
      election.lists?.forEach((list, l) => {
        if (!list.substitutes) missing("named_on_list", [...base, "lists", l]);
      });
    }
    if (how === undefined && election.substitutes) extra("none", [...base, "substitutes"]);
    if (how !== undefined && how !== "separate_ballot" && election.substitutes?.rounds) extra("rounds", [...base, "substitutes", "rounds"]);
    if (how !== "named_on_list") {
      election.lists?.forEach((list, l) => {
        if (list.substitutes) extra("named", [...base, "lists", l, "substitutes"]);
      });
    }
  });
  return found;
}
