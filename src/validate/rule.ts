import { memberName } from "../model/member-name.js";
import type { Diagnostic, Span } from "../diagnostics/diagnostic.js";
import type { DataPath, Election, Member, Session } from "../model/session.js";
import { locate, type ParsedSource } from "../source/parse-yaml.js";
import type { ElectionOutcome, MotionOutcome, Outcome } from "../tally/outcome.js";
import type { MotionPresence } from "../tally/presence.js";

/** What a rule sees: the schema-valid session, its computed count, and where each value came from. */
export interface RuleContext {
  readonly session: Session;
  readonly members: ReadonlyMap<string, Member>;
  /** The count, computed once: rules check the same figures the documents print. */
  readonly outcome: Outcome;
  /** Who is there for each motion. */
  readonly presence: readonly MotionPresence[];
  /**
   * Whether the file is read as a transcribed record, adopted and signed as it is: it says
   * `record: transcribed`, or `delib audit` reads every file so. Its irregular facts are then
   * findings, and a hint must not tell the clerk to change the record.
   */
  readonly transcribed: boolean;
  /** The span of the value at `path` (or of its key). */
  locate(path: DataPath, at?: "value" | "key"): Span;
}

/** A legal or consistency rule: its name states the invariant it checks. */
export type Rule = (context: RuleContext) => Diagnostic[];

/**
 * Builds a rule context over a parsed file and its count; `asRecorded` reads the file as a
 * transcribed record whatever it says (`delib audit`).
 */
export function ruleContext(source: ParsedSource, outcome: Outcome, asRecorded = false): RuleContext {
  return {
    session: outcome.session,
    members: outcome.members,
    outcome,
    presence: outcome.presence,
    transcribed: outcome.session.record === "transcribed" || asRecorded,
    locate: (path, at) => locate(source, path, at),
  };
}

export { memberName };

/** A member's name, or their id in backquotes when the id is unknown. */
export function nameOf(members: ReadonlyMap<string, Member>, id: string): string {
  const member = members.get(id);
  return member ? memberName(member) : `\`${id}\``;
}


/** One election of a sitting as the checks see it: counted, with the file's block and where it is. */
export interface CountedElection {
  readonly result: MotionOutcome;
  readonly election: ElectionOutcome;
  /** The file's `election` block. */
  readonly input: Election;
  readonly number: string;
  /** The path of the block in the file. */
  readonly base: DataPath;
}

/** Every election of the sitting that was counted (a motion of kind `election` with its block). */
export function countedElections(outcome: Outcome): CountedElection[] {
  return outcome.motions.flatMap((result) =>
    result.election && result.motion.election
      ? [{ result, election: result.election, input: result.motion.election, number: result.motion.number, base: ["motions", result.index, "election"] as DataPath }]
      : [],
  );
}
