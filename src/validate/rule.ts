import type { Diagnostic, Span } from "../diagnostics/diagnostic.js";
import type { DataPath, Member, Session } from "../model/session.js";
import { locate, type ParsedSource } from "../source/parse-yaml.js";

/** What a rule sees: the schema-valid session and where each value came from. */
export interface RuleContext {
  readonly session: Session;
  readonly members: ReadonlyMap<string, Member>;
  /** The span of the value at `path` (or of its key). */
  locate(path: DataPath, at?: "value" | "key"): Span;
}

/** A legal or consistency rule: its name states the invariant it checks. */
export type Rule = (context: RuleContext) => Diagnostic[];

/** Builds a rule context over a parsed file. */
export function ruleContext(source: ParsedSource, session: Session, members: ReadonlyMap<string, Member>): RuleContext {
  return { session, members, locate: (path, at) => locate(source, path, at) };
}

/** « M. Charles BAREGE », as a clerk names a member in a message. */
export function memberName(member: Member): string {
  return `${member.civility} ${member.first_name} ${member.last_name}`;
}
