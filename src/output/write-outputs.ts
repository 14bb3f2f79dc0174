import { constants, existsSync } from "node:fs";
import { copyFile, link, lstat, mkdir, mkdtemp, open, readlink, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { msg } from "../diagnostics/message.js";
import { checkNotStopped, inProgress, Interrupted, release, track, type Staging } from "./interrupted-writes.js";
import {
  backupName,
  commitAndApply,
  commitFile,
  currentOwner,
  destination,
  folderPrefix,
  LinkInTheWay,
  ownerFile,
  recoverTransactions,
  removeFoldersMade,
  removeQuietly,
  stagedName,
  type JournalEntry,
} from "./transaction.js";

/** A file to write: its name inside the output directory and its bytes. */
export interface OutputFile {
  /** Its name inside the directory; may hold sub-folders (`.githooks/pre-commit`). */
  readonly name: string;
  readonly contents: string | Uint8Array;
  /** A script to run (a git hook): made executable. */
  readonly executable?: boolean;
}

/** How many files are staged at once. */
const STAGING_WIDTH = 8;

/**
 * Writes every file, or none, as one transaction (see transaction.ts): all are written into a
 * private folder inside `dir`, then committed and renamed into place together. A failure, a
 * signal (Ctrl-C) or a kill never leaves a half-written document, a mix of two builds, or a
 * temporary file, and never destroys the previous build's documents. What an earlier run killed
 * outright left unfinished in `dir` is finished first. Nothing is written through a symbolic
 * link: a link at a destination is replaced, not followed.
 */
export async function writeOutputs(dir: string, files: readonly OutputFile[]): Promise<Diagnostic[]> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    return [cannotWrite(error, dir)];
  }
  const unfinished = recoverTransactions(dir, inProgress);
  if (unfinished.length > 0) return unfinished;

  // Signals are watched before the folder is made: a Ctrl-C as it appears still removes it.
  const staging: Staging = { stage: "", made: [], stopped: false };
  track(staging);
  try {
    staging.stage = await mkdtemp(join(dir, folderPrefix(process.pid)));
    await writeFile(join(staging.stage, ownerFile), `${JSON.stringify(currentOwner())}\n`, { flag: "wx" });
    const entries: JournalEntry[] = [];
    const finals: string[] = [];
    for (const [index, file] of files.entries()) {
      checkNotStopped(staging);
      const final = destination(dir, file.name, staging.made);
      entries.push({ name: file.name, backup: await at(final, keep(final, join(staging.stage, backupName(index)))) });
      finals.push(final);
    }
    await inParallel(files, STAGING_WIDTH, async (file, index) => {
      checkNotStopped(staging);
      await at(finals[index]!, writeNew(join(staging.stage, stagedName(index)), file));
    });
    checkNotStopped(staging);
    // From here on, synchronous to the end: no signal is handled halfway.
    commitAndApply(staging.stage, dir, entries);
    release(staging);
    return [];
  } catch (error) {
    // A committed transaction that could not go back is left for the next run to finish.
    if (staging.stage !== "" && !existsSync(join(staging.stage, commitFile))) removeQuietly(staging.stage);
    removeFoldersMade(staging.made);
    const stopped = staging.stopped || error instanceof Interrupted;
    // Raises the signal again when delib alone was listening to it: the process ends here.
    release(staging);
    if (stopped) return [diagnostic({ code: "DLB4022", message: msg("DLB4022", { dir }), hints: [msg("DLB4022.hint")] })];
    if (error instanceof LinkInTheWay) {
      return [diagnostic({ code: "DLB4021", message: msg("DLB4021", { path: error.path }), hints: [msg("DLB4021.hint")] })];
    }
    return [cannotWrite(error, dir)];
  }
}

/** `work`, whose failure names `final`: the file the clerk knows, not its place in the transaction. */
async function at<T>(final: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw error instanceof Error ? Object.assign(error, { dest: final }) : error;
  }
}

/** DLB4003: the system refused a write; the path named is the one the clerk knows. */
function cannotWrite(error: unknown, path: string): Diagnostic {
  const err = error as NodeJS.ErrnoException & { dest?: string };
  // A file open in another program (a PDF in a reader) cannot be replaced on Windows.
  const busy = err.code === "EBUSY" || (process.platform === "win32" && err.code === "EPERM");
  return diagnostic({
    code: "DLB4003",
    // The system's reason (EACCES, ENOTDIR…) as it gives it. A failed rename names the
    // transaction's file first: the file the clerk knows is its destination.
    message: msg("DLB4003", { path: err.dest ?? err.path ?? path, reason: err.code ?? err.message }),
    hints: [msg("DLB4003.hint"), ...(busy ? [msg("DLB4003.hint.busy")] : [])],
  });
}

/**
 * Keeps the file at `final`, if any, as `backup` inside the transaction's folder, to put it back
 * if a rename fails: a hard link, else (a file system without them) a copy; a symbolic link is
 * kept as a link, never followed. A folder in the way cannot be replaced: EISDIR.
 */
async function keep(final: string, backup: string): Promise<boolean> {
  const stat = await lstat(final).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (stat === undefined) return false;
  if (stat.isDirectory()) throw Object.assign(new Error(`${final} is a folder`), { code: "EISDIR" });
  if (stat.isSymbolicLink()) await symlink(await readlink(final), backup);
  else await link(final, backup).catch(() => copyFile(final, backup, constants.COPYFILE_EXCL));
  return true;
}

/** Writes a file's contents to a new file (O_EXCL: never through an existing name or link), flushed to disk. */
async function writeNew(path: string, file: OutputFile): Promise<void> {
  const handle = await open(path, "wx");
  try {
    await handle.writeFile(file.contents);
    if (file.executable) await handle.chmod(0o755);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/**
 * Runs `work` on every item, `width` at a time; after a failure no item is started, and the
 * first failure is thrown once every item started has ended (nothing runs on in the background).
 */
async function inParallel<T>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        await work(items[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  if (failure !== undefined) throw failure.error;
}
