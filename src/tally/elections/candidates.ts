import { memberName } from "../../model/member-name.js";
import type { Election, Member } from "../../model/session.js";
import type { Candidate, ElectionList } from "../outcome.js";

/**
 * The candidates an election may name, by id: the members, and the persons of its `people`
 * (a member's id wins: validate/rules/election-ids-are-known.ts reports a person who takes a
 * member's id). An id known to neither stands as itself, so a count with a misspelt id stays
 * total (the same rule reports it).
 */
export function candidateResolver(election: Election, members: ReadonlyMap<string, Member>): (id: string) => Candidate {
  const people = new Map((election.people ?? []).map((person) => [person.id, person] as const));
  const cache = new Map<string, Candidate>();
  return (id) => {
    const known = cache.get(id);
    if (known) return known;
    const member = members.get(id);
    const person = people.get(id);
    const candidate: Candidate = member
      ? { id, civility: member.civility, first_name: member.first_name, last_name: member.last_name, birth_date: member.birth_date, member: true }
      : person
        ? { id, civility: person.civility, first_name: person.first_name, last_name: person.last_name, birth_date: person.birth_date, member: false }
        : { id, civility: "M.", first_name: "", last_name: `\`${id}\``, birth_date: undefined, member: false };
    cache.set(id, candidate);
    return candidate;
  };
}

/** The election's lists, their candidates and named suppléants resolved, in the file's order. */
export function electionLists(election: Election, candidate: (id: string) => Candidate): ElectionList[] {
  return (election.lists ?? []).map((list) => ({
    id: list.id,
    name: list.name,
    candidates: list.candidates.map(candidate),
    substitutes: (list.substitutes ?? []).map(candidate),
  }));
}

/** How a step names a candidate: « M. Jean DUPONT », or the id of an unknown one. */
export function candidateName(candidate: Candidate): string {
  return candidate.first_name === "" ? candidate.last_name : memberName(candidate);
}

/** How a step names a list: its name as printed, else its id as the file writes it (`a`). */
export function listName(list: ElectionList): string {
  return list.name ?? `\`${list.id}\``;
}
