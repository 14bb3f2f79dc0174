// Checking one session file alone: load, parse YAML, the schema, the count, the rules of the
// file. The same function runs in the main thread and in the checking threads; the rules
// across files come after, in check.ts.
import { asFindings, hasErrors, type Diagnostic, type SourceFile } from "./diagnostics/diagnostic.js";
import { loadLaw } from "./law/load-law.js";
import type { Session } from "./model/session.js";
import { defaultLimits, tooLarge, type Limits } from "./source/limits.js";
import { decodeSource, loadSourceSync } from "./source/load-source.js";
import { parseYaml, type ParsedSource } from "./source/parse-yaml.js";
import type { Outcome } from "./tally/outcome.js";
import { tally } from "./tally/tally.js";
import { checkRules } from "./validate/check-rules.js";
import { summarize, type SessionSummary } from "./validate/set-rules/session-summary.js";
import { validateSchema } from "./validate/validate-schema.js";

/** What checking one file alone gives (the rules across files come after). */
export interface FileResult {
  readonly path: string;
  readonly source: SourceFile | undefined;
  readonly parsed: ParsedSource | undefined;
  /** The session, once the file is schema-valid. */
  readonly session: Session | undefined;
  /** The count, when the file has no error of its own. */
  readonly outcome: Outcome | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** A file's result and, when it is schema-valid, what the rules across files need of it. */
export interface SummarizedResult {
  readonly result: FileResult;
  readonly summary: SessionSummary | undefined;
}

/** Adds the summary the rules across files read. */
export function withSummary(result: FileResult): SummarizedResult {
  return { result, summary: result.session ? summarize(result.path, result.session) : undefined };
}

/** How to read a file: `asRecorded` reads every file as a transcribed record (`delib audit`). */
export interface FileOptions {
  readonly asRecorded?: boolean;
  /** The assembly's seats from the register's configuration, for a session that gives none. */
  readonly seats?: number;
  /**
   * Stop once the file is schema-valid, without the count and the rules of the file: what the
   * other sittings of a register, read only as context for the rules across files, need.
   */
  readonly summaryOnly?: boolean;
  /** The limits from the register's configuration (`limits:`); delib's defaults otherwise. */
  readonly limits?: Limits;
}

/** Reads and checks one session file alone (relative paths from `cwd`). */
export function checkFile(path: string, cwd: string, options: FileOptions = {}): FileResult {
  const loaded = loadSourceSync(path, cwd, options.limits);
  return loaded.value ? checkText(loaded.value, options) : unread(path, loaded.diagnostics);
}

/** Checks one file's bytes already in hand (staged in git, standard input, read for a cache key). */
export function checkBytes(path: string, bytes: Uint8Array, options: FileOptions = {}): FileResult {
  const limits = options.limits ?? defaultLimits;
  if (bytes.length > limits.fileSize) return unread(path, [tooLarge(path, bytes.length, limits)]);
  const decoded = decodeSource(path, bytes);
  return decoded.value ? checkText(decoded.value, options) : unread(path, decoded.diagnostics);
}

/** The result of a file that could not be read or decoded: only why. */
function unread(path: string, diagnostics: readonly Diagnostic[]): FileResult {
  return { path, source: undefined, parsed: undefined, session: undefined, outcome: undefined, diagnostics };
}

/** Checks one session text alone: YAML, schema, the count, then the rules of the file. Pure. */
export function checkText(source: SourceFile, options: FileOptions = {}): FileResult {
  const none = { path: source.path, source, session: undefined, outcome: undefined };
  const limits = options.limits ?? defaultLimits;
  // A text given as it is (a file at a commit) is held to the size its file would be.
  const size = source.text.length > limits.fileSize / 3 ? Buffer.byteLength(source.text) : 0;
  if (size > limits.fileSize) return unread(source.path, [tooLarge(source.path, size, limits)]);
  const parsed = parseYaml(source, limits);
  if (!parsed.value) return { ...none, parsed: undefined, diagnostics: parsed.diagnostics };
  const validated = validateSchema(parsed.value);
  const diagnostics = [...parsed.diagnostics, ...validated.diagnostics];
  if (!validated.value) return { ...none, parsed: parsed.value, diagnostics };
  // The count runs on any schema-valid session; the rules then check the very figures it
  // computed, and the outcome is handed on only when they find no error.
  // The register's `body.seats` stands for a session's own when it gives none.
  const session = options.seats !== undefined && validated.value.body.seats === undefined
    ? { ...validated.value, body: { ...validated.value.body, seats: options.seats } }
    : validated.value;
  if (options.summaryOnly) return { ...none, parsed: parsed.value, session, diagnostics };
  const outcome = tallySession(session);
  const transcribed = session.record === "transcribed" || options.asRecorded === true;
  const ruled = checkRules(parsed.value, outcome, transcribed);
  // A transcribed record was adopted as it is: its irregular facts are findings, not errors.
  diagnostics.push(...(transcribed ? asFindings(ruled) : ruled));
  return { ...none, parsed: parsed.value, session, outcome: hasErrors(diagnostics) ? undefined : outcome, diagnostics };
}

/** Counts a session under the law delib ships (law/*.yaml). */
export function tallySession(session: Session): Outcome {
  return tally(session, loadLaw());
}

