// Rules across session files: over a whole register, or over the files checked together.
import type { Irregularity, Text } from "../../diagnostics/diagnostic.js";
import type { DataPath } from "../../model/session.js";
import type { Law } from "../../law/law.js";
import type { SessionSummary } from "./session-summary.js";

/** A finding before it is located: in which file, at which data path. */
export interface SetFinding {
  readonly severity: "error" | "warning";
  readonly code: string;
  readonly message: Text;
  readonly hints: readonly Text[];
  /** A session file and a path in it; or the configuration file when undefined. */
  readonly file: string | undefined;
  readonly at: DataPath;
  /** Other places: in a session file, or in the register's configuration (`file: undefined`). */
  readonly related: readonly { readonly file: string | undefined; readonly at: DataPath; readonly message: Text }[];
  /** An irregular fact of the sitting (see Diagnostic.irregularity): a finding for `delib audit`. */
  readonly irregularity?: Irregularity;
}

/** What the rules across files read of a register's configuration (delib.config.yaml). */
export interface RegisterSettings {
  /** The configuration file; undefined for files outside any register. */
  readonly path: string | undefined;
  readonly body: { readonly name: string } | undefined;
  readonly numbering: { readonly pattern: string } | undefined;
  /** Dated events of the members' terms of office. */
  readonly roster: readonly RosterEvent[];
}

export interface RosterEvent {
  readonly member: string;
  readonly event: "installed" | "resigned" | "died" | "ended";
  readonly date: string;
}

/**
 * The files checked together under one configuration: a register (config.path set), or the
 * files given outside any register (noConfig), which still must not share a number.
 */
export interface FileSet {
  readonly config: RegisterSettings;
  /** Every schema-valid session of the set, in the order given. */
  readonly sessions: readonly SessionSummary[];
  readonly law: Law;
}

/** A rule over a set of files: its name states the invariant it checks. */
export type SetRule = (set: FileSet) => SetFinding[];
