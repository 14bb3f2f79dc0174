import { memberName } from "../../model/member-name.js";
import type { Majorities } from "../../law/law.js";
import type { Member } from "../../model/session.js";
import { threshold } from "../fraction.js";
import type { Step } from "../outcome.js";

/** One round's verdict: who is elected, whether by age, the votes needed, and the working. */
export interface RoundDecision {
  readonly winner: Member | undefined;
  readonly byAge: boolean;
  /** Votes needed in an absolute-majority round; undefined in a relative one. */
  readonly needed: number | undefined;
  readonly step: Step | undefined;
}

/**
 * One round of a nomination (CGCT L2121-21): the absolute majority of suffrages exprimés in the
 * first rounds, the relative majority after them, the eldest of candidates with equal votes.
 * `candidates` come sorted, most votes first; an unknown birth date leaves a tie undecided.
 */
export function electionRound(
  number: number,
  candidates: readonly { readonly member: Member; readonly votes: number }[],
  expressed: number,
  rule: Majorities["election"],
): RoundDecision {
  const top = candidates[0];
  const source = rule.source;
  if (number <= rule.absolute_rounds) {
    const needed = threshold(expressed, rule.fraction, rule.strict);
    const winner = top && top.votes >= needed ? top.member : undefined;
    return {
      winner,
      byAge: false,
      needed,
      step: {
        key: winner ? "election.round_absolute_elected" : "election.round_absolute_none",
        values: { round: number, expressed, needed, votes: top?.votes ?? 0, candidate: top ? memberName(top.member) : "—" },
        source,
      },
    };
  }
  if (!top) return { winner: undefined, byAge: false, needed: undefined, step: undefined };
  const tied = candidates.filter((c) => c.votes === top.votes);
  if (tied.length === 1) {
    return { winner: top.member, byAge: false, needed: undefined, step: { key: "election.round_relative_elected", values: { round: number, votes: top.votes, candidate: memberName(top.member) }, source } };
  }
  if (tied.every((c) => c.member.birth_date !== undefined)) {
    const eldest = [...tied].sort((a, b) => a.member.birth_date!.localeCompare(b.member.birth_date!))[0]!.member;
    return { winner: eldest, byAge: true, needed: undefined, step: { key: "election.round_relative_eldest", values: { round: number, votes: top.votes, candidate: memberName(eldest) }, source } };
  }
  return { winner: undefined, byAge: false, needed: undefined, step: undefined };
}

