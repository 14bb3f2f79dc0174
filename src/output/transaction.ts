// A write to the output folder is a transaction (issue 13): every file of a run is first written
// into a private folder inside the output folder, `.delib-tx-<pid>-XXXXXX` (fs.mkdtemp: created
// exclusively, an unpredictable name, mode 0700), then a commit record is written and flushed,
// then the files are renamed into place and the folder is removed. A run killed outright (SIGKILL,
// a power cut) leaves the folder behind; the next write to that output folder finishes it first:
// forward when the commit record is there, back to the earlier files otherwise. A reader of the
// folder finds, at the latest after the next run, the old set of documents or the new one.
//
// The folder holds only these names, all short (a file's own name never appears in it):
//   owner.json   written first: the folder is delib's, and which process writes it
//   new-<i>      the contents of the i-th file
//   old-<i>      the file it replaces (a hard link, else a copy), to go back on a failed rename
//   commit.json  the list of files, renamed from commit.tmp once flushed: the point of no return
//   abort        a rename failed: the transaction goes back to the old files
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { msg } from "../diagnostics/message.js";

/**
 * The start of a transaction's folder name, with the number of the process writing it (so that
 * even a folder just made, still empty, is known to be in use); fs.mkdtemp adds six random
 * characters.
 */
export const folderPrefix = (pid: number) => `.delib-tx-${pid}-`;
const folderName = /^\.delib-tx-(\d{1,10})-[A-Za-z0-9]{6}$/;
/** Names the process writing a transaction: written first, it marks the folder as delib's. */
export const ownerFile = "owner.json";
/** The list of files of a committed transaction: once it exists, the transaction goes forward. */
export const commitFile = "commit.json";
const commitDraft = "commit.tmp";
const abortFile = "abort";
const ownNames = /^(owner\.json|commit\.json|commit\.tmp|abort|(new|old)-\d+)$/;
/** A transaction of another machine (a shared folder) is left alone this long: it may be running. */
const OTHER_HOST_GRACE_MS = 60 * 60 * 1000;

/** Who writes a transaction: recovery leaves alone the transactions of a process still running. */
export interface Owner {
  readonly delib: "transaction";
  readonly pid: number;
  readonly host: string;
}

/** One file of a committed transaction: its name in the output folder, and whether it replaces one. */
export interface JournalEntry {
  readonly name: string;
  readonly backup: boolean;
}

/** The name of the i-th file's contents, and of the file it replaces, inside the transaction's folder. */
export const stagedName = (index: number) => `new-${index}`;
export const backupName = (index: number) => `old-${index}`;

/** This process, as a transaction's owner. */
export function currentOwner(): Owner {
  return { delib: "transaction", pid: process.pid, host: hostname() };
}

/** A folder on the way to a destination is a symbolic link: delib does not write through it. */
export class LinkInTheWay extends Error {
  constructor(readonly path: string) {
    super(`${path} is a symbolic link`);
  }
}

/**
 * The path of `name` inside `dir`, its folders made (each one made is added to `made`). A folder
 * on the way that is a symbolic link is refused: the output folder itself is the user's to
 * choose, what lies inside it is delib's.
 */
export function destination(dir: string, name: string, made: string[] = []): string {
  const parts = name.split("/");
  let folder = dir;
  for (const part of parts.slice(0, -1)) {
    folder = join(folder, part);
    const stat = lstatSync(folder, { throwIfNoEntry: false });
    if (stat === undefined) {
      mkdirSync(folder);
      made.push(folder);
    } else if (stat.isSymbolicLink()) throw new LinkInTheWay(folder);
  }
  return join(dir, name);
}

/**
 * Commits a fully staged transaction and applies it: the list of files is flushed to disk under
 * its final name (from then on the transaction goes forward, whatever happens), the files are
 * renamed into place, and the folder is removed. Synchronous, so no signal handler runs halfway.
 * When a rename fails, the files already renamed are put back as they were, and the error thrown.
 */
export function commitAndApply(stage: string, dir: string, entries: readonly JournalEntry[]): void {
  const draft = join(stage, commitDraft);
  writeDurably(draft, `${JSON.stringify({ files: entries })}\n`);
  renameSync(draft, join(stage, commitFile));
  syncFolder(stage);
  try {
    rollForward(stage, dir, entries);
  } catch (error) {
    try {
      writeDurably(join(stage, abortFile), "");
      rollBack(stage, dir, entries);
    } catch {
      // Left as it is: the next write to this folder finishes it.
      throw error;
    }
    removeQuietly(stage);
    throw error;
  }
  syncFolder(dir);
  removeQuietly(stage);
}

/**
 * Finishes the transactions that runs killed outright left in `dir`, before anything else is
 * written there: forward when committed, back when a rename had failed, discarded otherwise.
 * Only folders delib made are touched: the name `.delib-tx-<pid>-XXXXXX`, a real folder (not a link)
 * holding `owner.json` and nothing but the names delib writes there; an empty one is removed.
 * The transactions of a process still running are left to it; those of this very process are
 * left only while `inProgress` says it is still writing them (their folder's name).
 */
export function recoverTransactions(dir: string, inProgress: (name: string) => boolean): Diagnostic[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const problems: Diagnostic[] = [];
  for (const name of names) {
    const pid = folderName.exec(name)?.[1];
    if (pid === undefined) continue;
    const stage = join(dir, name);
    try {
      const stat = lstatSync(stage);
      if (!stat.isDirectory()) continue;
      const inside = readdirSync(stage);
      if (inside.length > 0 && (!inside.includes(ownerFile) || !inside.every((n) => ownNames.test(n)))) continue;
      if (running(stage, Number(pid), inProgress(name))) continue;
      // Empty: made, then killed before its first file; nothing to finish.
      if (inside.length === 0) rmdirSync(stage);
      else finish(stage, dir, inside);
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      problems.push(
        diagnostic({
          code: "DLB4020",
          message: msg("DLB4020", { dir, reason: error instanceof LinkInTheWay ? error.message : (err.code ?? err.message) }),
          hints: [msg("DLB4020.hint")],
        }),
      );
    }
  }
  return problems;
}

/** Finishes the transaction in `stage`, given the names it holds. */
function finish(stage: string, dir: string, inside: readonly string[]): void {
  if (inside.includes(commitFile)) {
    const entries = readJournal(stage);
    // A list that is not delib's (edited by hand): left alone rather than followed.
    if (entries === undefined) return;
    if (inside.includes(abortFile)) rollBack(stage, dir, entries);
    else rollForward(stage, dir, entries);
  }
  // Not committed: no file was renamed yet, the earlier ones are all in place.
  rmSync(stage, { recursive: true, force: true });
}

/** Renames into place every staged file still in the folder (those already renamed are gone). */
function rollForward(stage: string, dir: string, entries: readonly JournalEntry[]): void {
  for (const [index, entry] of entries.entries()) {
    const staged = join(stage, stagedName(index));
    if (lstatSync(staged, { throwIfNoEntry: false }) === undefined) continue;
    renameSync(staged, destination(dir, entry.name));
  }
}

/** Puts back every file replaced, and removes every file added where there was none. */
function rollBack(stage: string, dir: string, entries: readonly JournalEntry[]): void {
  for (const [index, entry] of entries.entries()) {
    const backup = join(stage, backupName(index));
    const final = destination(dir, entry.name);
    if (lstatSync(backup, { throwIfNoEntry: false }) !== undefined) renameSync(backup, final);
    else if (!entry.backup && lstatSync(join(stage, stagedName(index)), { throwIfNoEntry: false }) === undefined) rmSync(final, { force: true });
  }
}

/** The committed list of files, or undefined when it is not one delib wrote. */
function readJournal(stage: string): JournalEntry[] | undefined {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(join(stage, commitFile), "utf8"));
  } catch {
    return undefined;
  }
  const files = (data as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) return undefined;
  const entries = files.filter((f): f is JournalEntry => typeof f?.name === "string" && typeof f?.backup === "boolean" && safeName(f.name));
  return entries.length === files.length ? entries : undefined;
}

/** A name that stays inside the output folder: relative, no `..`, no empty part. */
function safeName(name: string): boolean {
  return !name.includes("\\") && !name.includes("\0") && name.split("/").every((part) => part !== "" && part !== "." && part !== "..") && !/^[A-Za-z]:/.test(name);
}

/**
 * Whether process `pid`, named in the folder's name, may still be writing `stage` (`ours`: this
 * process is). A process of another machine (a shared folder) is given an hour.
 */
function running(stage: string, pid: number, ours: boolean): boolean {
  let owner: Partial<Owner> | undefined;
  try {
    owner = JSON.parse(readFileSync(join(stage, ownerFile), "utf8")) as Partial<Owner>;
  } catch {
    // Not named yet, or killed while naming it: this machine's, as far as can be told.
  }
  if (owner?.host !== undefined && owner.host !== hostname()) return Date.now() - statSync(join(stage, ownerFile)).mtimeMs < OTHER_HOST_GRACE_MS;
  if (pid === process.pid) return ours;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user has that number now; ESRCH: none has.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Writes `contents` to a new file (never through an existing name) and flushes it to disk. */
export function writeDurably(path: string, contents: string): void {
  const fd = openSync(path, "wx");
  try {
    writeFileSync(fd, contents);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries to disk, where the system allows it (Windows opens no folder). */
export function syncFolder(path: string): void {
  try {
    const fd = openSync(path, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Only durability against a power cut is lost, not the order of the steps.
  }
}

/** Removes `path` and what it holds, never failing: a folder left behind is finished by the next run. */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true, maxRetries: 3, retryDelay: 20 });
  } catch {
    // Left for the next run's recovery.
  }
}

/** Removes the folders a transaction made, deepest first, if they are empty; never fails. */
export function removeFoldersMade(made: readonly string[]): void {
  for (const folder of [...made].reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty (someone wrote there meanwhile) or already gone.
    }
  }
}
