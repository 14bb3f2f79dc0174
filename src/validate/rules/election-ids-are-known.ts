import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { msg } from "../../diagnostics/message.js";
import { suggest } from "../../diagnostics/suggest.js";
import type { DataPath, ElectionRound } from "../../model/session.js";
import type { RuleContext } from "../rule.js";

/**
 * Every id an election uses names someone or something the file lists: a candidate, an
 * assessor or a list's name is a member or a person of the election's `people`; a round's list
 * is one of its `lists`, and no two lists share an id; a person does not take a member's id
 * (or another person's).
 */
export function electionIdsAreKnown({ session, members, locate }: RuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  session.motions.forEach((motion, m) => {
    const election = motion.election;
    if (!election) return;
    const base: DataPath = ["motions", m, "election"];
    const seen = new Set<string>();
    election.people?.forEach((person, p) => {
      if (members.has(person.id) || seen.has(person.id)) {
        found.push(
          diagnostic({
            code: "DLB3105",
            message: msg(members.has(person.id) ? "DLB3105" : "DLB3105.twice", { id: person.id, number: motion.number }),
            span: locate([...base, "people", p, "id"]),
            hints: [msg("DLB3105.hint", { id: person.id })],
          }),
        );
      }
      seen.add(person.id);
    });
    const known = [...members.keys(), ...seen];
    const person = (id: string, path: DataPath, at: "value" | "key" = "value", role: "candidate" | "assessor" = "candidate") => {
      if (members.has(id) || seen.has(id)) return;
      const guess = suggest(id, known);
      found.push(
        diagnostic({
          code: "DLB3103",
          message: guess ? msg("DLB3103.guess", { id, guess, number: motion.number, role }) : msg("DLB3103", { id, number: motion.number, role }),
          span: locate(path, at),
          hints: [guess ? msg("DLB3103.hint.guess", { guess }) : msg("DLB3103.hint", { id })],
        }),
      );
    };
    const listIds = (election.lists ?? []).map((l) => l.id);
    // Two lists with one id: a round's votes for it would be counted for both.
    listIds.forEach((id, l) => {
      if (listIds.indexOf(id) === l) return;
      found.push(
        diagnostic({
          code: "DLB3119",
          message: msg("DLB3119", { id, number: motion.number }),
          span: locate([...base, "lists", l, "id"]),
          hints: [msg("DLB3119.hint")],
        }),
      );
    });
    const rounds = (rounds: readonly ElectionRound[] | undefined, path: DataPath) =>
      rounds?.forEach((round, r) => {
        for (const id of Object.keys(round.candidates ?? {})) person(id, [...path, r, "candidates", id], "key");
        for (const id of Object.keys(round.lists ?? {})) {
          if (listIds.includes(id)) continue;
          const guess = suggest(id, listIds);
          found.push(
            diagnostic({
              code: "DLB3104",
              message: guess ? msg("DLB3104.guess", { id, guess, number: motion.number }) : msg("DLB3104", { id, number: motion.number }),
              span: locate([...path, r, "lists", id], "key"),
              hints: [guess ? msg("DLB3103.hint.guess", { guess }) : msg("DLB3104.hint", { id })],
            }),
          );
        }
      });
    rounds(election.rounds, [...base, "rounds"]);
    rounds(election.substitutes?.rounds, [...base, "substitutes", "rounds"]);
    election.lists?.forEach((list, l) => {
      list.candidates.forEach((id, i) => person(id, [...base, "lists", l, "candidates", i]));
      list.substitutes?.forEach((id, i) => person(id, [...base, "lists", l, "substitutes", i]));
    });
    election.bureau?.assessors?.forEach((id, i) => person(id, [...base, "bureau", "assessors", i], "value", "assessor"));
  });
  return found;
}
