import type { Election, Member, Session } from "../model/session.js";
import { candidateName, candidateResolver, electionLists, listName } from "./elections/candidates.js";
import { countMajorityBallot, type BallotInput } from "./elections/majority-ballot.js";
import { allocateSeats } from "./elections/proportional.js";
import { countProportionalBallot } from "./elections/proportional-ballot.js";
import { ruleOfElection } from "./elections/rule-of-election.js";
import type { BallotOutcome, Candidate, ElectionOutcome, Step } from "./outcome.js";
import type { RuleSet } from "./rule-set.js";

/**
 * An election under the rule of its kind (law/elections.yaml, chosen by `ruleOfElection`): the
 * titulaires by a majority ballot (on names or on lists) or by proportional representation,
 * then the suppléants as the rule says. Pure and total: a file the rules reject is still
 * counted, so that the rules can say what is wrong; `steps` are the working `delib explain`
 * prints. `voters`: the voices that could be cast; `inOffice`: the members in office (the base
 * of a round's floor, Code électoral L288).
 */
export function computeElection(election: Election, members: ReadonlyMap<string, Member>, voters: number, rules: RuleSet, session: Session, inOffice = voters): ElectionOutcome {
  const chosen = ruleOfElection(election, rules, session);
  const rule = chosen.rule;
  if (rule === undefined) throw new Error("law/elections.yaml gives no rule for the default kind of election");
  const candidate = candidateResolver(election, members);
  const lists = electionLists(election, candidate);
  const input: BallotInput = { rule, seats: chosen.seats, rounds: election.rounds, lists, candidate, inOffice, date: session.session.date };
  const steps: Step[] = [{ key: "election.rule", values: { seats: chosen.seats }, source: rule.source }];
  const titulaires = countBallot(input);
  steps.push(...titulaires.steps);
  const substitutes = countSubstitutes(election, input, titulaires.outcome, steps);
  return {
    ...titulaires.outcome,
    kind: chosen.kind,
    rule,
    post: election.post,
    substitutes,
    ruleProblem: chosen.problem,
    inOffice,
    voters,
    steps,
  };
}

/** One ballot counted as the rule says: at the majority, or shared at proportional representation. */
function countBallot(input: BallotInput): { outcome: BallotOutcome; steps: Step[] } {
  const { rule } = input;
  if (rule.candidacy === "list" && rule.allocation !== "majority") return countProportionalBallot(input, rule.allocation);
  return countMajorityBallot(input);
}

/**
 * The suppléants (Code électoral L288, L289; CGCT L1411-5): by a ballot of their own, by a
 * second sharing of the same votes between the candidates after each list's last titulaire, or
 * those each list names, as many as it has titulaires elected.
 */
function countSubstitutes(election: Election, input: BallotInput, titulaires: BallotOutcome, steps: Step[]): BallotOutcome | undefined {
  const how = input.rule.substitutes;
  if (how === undefined) return undefined;
  const source = how.source;
  const wonBy = (listId: string): number => {
    if (titulaires.allocation) return titulaires.allocation.lists.find((l) => l.list.id === listId)?.seats ?? 0;
    return titulaires.rounds.some((r) => r.electedList?.id === listId) ? titulaires.elected.length : 0;
  };
  if (how.how === "separate_ballot") {
    const own = election.substitutes;
    if (own?.rounds === undefined) return undefined;
    steps.push({ key: "election.substitutes.separate", values: { seats: own.seats }, source });
    // A délégué already elected takes no suppléant's seat: « l'élection des délégués et celle des
    // suppléants se déroulent séparément » (Code électoral L288), for seats of their own.
    const ballot = countBallot({ ...input, seats: own.seats, rounds: own.rounds, excluded: titulaires.elected });
    steps.push(...ballot.steps);
    return ballot.outcome;
  }
  if (how.how === "same_list_after") {
    const seats = election.substitutes?.seats;
    if (seats === undefined || input.rule.candidacy !== "list") return undefined;
    steps.push({ key: "election.substitutes.same_list", values: { seats }, source });
    if (titulaires.allocation) {
      const method = titulaires.allocation.method;
      const entries = titulaires.allocation.lists.map((l) => ({ list: l.list, votes: l.votes, candidates: l.list.candidates.slice(l.seats) }));
      const allocated = allocateSeats(method, seats, entries, input.rule.tie, input.date);
      steps.push(...allocated.steps);
      const elected = allocated.allocation.steps.flatMap((s) => (s.candidate ? [s.candidate] : []));
      return { seats, rounds: [], allocation: allocated.allocation, elected, complete: elected.length >= seats };
    }
    const winner = titulaires.rounds.find((r) => r.electedList)?.electedList;
    const elected = winner ? winner.candidates.slice(wonBy(winner.id), wonBy(winner.id) + seats) : [];
    if (winner) steps.push({ key: "election.substitutes.list", values: { list: listName(winner), names: names(elected) } });
    return { seats, rounds: [], allocation: undefined, elected, complete: elected.length >= seats };
  }
  // named_on_list: each list's suppléants, as many as its titulaires elected.
  const elected: Candidate[] = [];
  let complete = true;
  steps.push({ key: "election.substitutes.named", values: {}, source });
  for (const list of input.lists) {
    const won = wonBy(list.id);
    if (won === 0) continue;
    const named = list.substitutes.slice(0, won);
    elected.push(...named);
    if (named.length < won) complete = false;
    steps.push({ key: named.length < won ? "election.substitutes.list_short" : "election.substitutes.list", values: { list: listName(list), names: names(named), seats: won, named: named.length } });
  }
  return { seats: election.substitutes?.seats ?? titulaires.elected.length, rounds: [], allocation: undefined, elected, complete };
}

function names(candidates: readonly Candidate[]): string {
  return candidates.map(candidateName).join(", ");
}
