// The date a document says it was made, for its metadata: never the clock.
import { stat } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { msg } from "../diagnostics/message.js";
import { runGit } from "../source/git-run.js";

type Env = Readonly<Record<string, string | undefined>>;

/** The last second a PDF date (D:YYYYMMDDHHmmSS) can write: 9999-12-31 23:59:59 UTC. */
const LAST_SECOND = 253_402_300_799;

/**
 * SOURCE_DATE_EPOCH as a date, when it is set (reproducible-builds.org): whole seconds since
 * 1970-01-01 UTC, up to the year 9999 that a PDF date can hold. Undefined when unset or empty;
 * "invalid" when it is anything else, which `sourceDateEpochProblem` reports.
 */
function sourceDate(env: Env): Date | "invalid" | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return undefined;
  if (!/^\d{1,12}$/.test(epoch) || Number(epoch) > LAST_SECOND) return "invalid";
  return new Date(Number(epoch) * 1000);
}

/**
 * The date a PDF says it was made: SOURCE_DATE_EPOCH when set, else the given day at midnight
 * UTC (the sitting's). Never the clock, so rebuilds give the same bytes. A value
 * `sourceDateEpochProblem` refuses is never used (the commands stop before printing).
 */
export function pdfDocumentDate(day: string, env: Env): Date {
  const date = sourceDate(env);
  return date instanceof Date ? date : new Date(`${day}T00:00:00Z`);
}

/** Runs git in `cwd`, its output trimmed; undefined when it fails (no git, not a repository). */
async function git(cwd: string, args: readonly string[]): Promise<string | undefined> {
  return (await runGit(cwd, args))?.trim();
}

/**
 * The date a document printed from the file `absolute` says it was made (issue 14): when the
 * file last changed, which the same input always gives, never the clock.
 * SOURCE_DATE_EPOCH when set; else the date of the file's last commit, when the file is
 * committed and unchanged since; else its modification time (whole seconds). Undefined when
 * the file cannot be read (the caller falls back on `pdfDocumentDate`).
 */
export async function sourceFileDate(absolute: string, env: Env): Promise<Date | undefined> {
  const epoch = sourceDate(env);
  if (epoch instanceof Date) return epoch;
  let mtime: Date;
  try {
    mtime = new Date(Math.floor((await stat(absolute)).mtimeMs / 1000) * 1000);
  } catch {
    return undefined;
  }
  const [committed, status] = await Promise.all([
    git(dirname(absolute), ["log", "-1", "--format=%ct", "--", basename(absolute)]),
    git(dirname(absolute), ["status", "--porcelain", "--", basename(absolute)]),
  ]);
  if (committed && /^\d+$/.test(committed) && status === "") return new Date(Number(committed) * 1000);
  return mtime;
}

/** The latest of the dates of `files` by `sourceFileDate` (a register's: its latest sitting's source), or undefined when none has one. */
export async function latestSourceDate(files: readonly string[], env: Env): Promise<Date | undefined> {
  const dates = (await Promise.all(files.map((file) => sourceFileDate(file, env)))).filter((d): d is Date => d !== undefined);
  return dates.length === 0 ? undefined : new Date(Math.max(...dates.map((d) => d.getTime())));
}

/**
 * SOURCE_DATE_EPOCH set to what is not a date a PDF can hold: the specification asks a build to
 * stop rather than guess (reproducible-builds.org/specs/source-date-epoch).
 */
export function sourceDateEpochProblem(env: Env): Diagnostic | undefined {
  if (sourceDate(env) !== "invalid") return undefined;
  return diagnostic({
    code: "DLB4030",
    message: msg("DLB4030", { value: env.SOURCE_DATE_EPOCH! }),
    hints: [msg("DLB4030.hint")],
  });
}
