import { chmod, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { msg } from "../diagnostics/message.js";

/** A file to write: its name inside the output directory and its bytes. */
export interface OutputFile {
  /** Its name inside the directory; may hold sub-folders (`.githooks/pre-commit`). */
  readonly name: string;
  readonly contents: string | Uint8Array;
  /** A script to run (a git hook): made executable. */
  readonly executable?: boolean;
}

/**
 * Writes every file, or none: each goes first to a temporary file in the same directory,
 * and only when all are written are they renamed into place (a rename is atomic), so a
 * failure never leaves a half-written document or destroys the previous build's.
 */
export async function writeOutputs(dir: string, files: readonly OutputFile[]): Promise<Diagnostic[]> {
  const staged: { temp: string; final: string }[] = [];
  try {
    await mkdir(dir, { recursive: true });
    for (const [index, file] of files.entries()) {
      const final = join(dir, file.name);
      const temp = join(dirname(final), `.${file.name.split("/").pop()}.${process.pid}.${index}.tmp`);
      staged.push({ temp, final });
      await mkdir(dirname(final), { recursive: true });
      await writeFile(temp, file.contents);
      if (file.executable) await chmod(temp, 0o755);
    }
    for (const { temp, final } of staged) await rename(temp, final);
    return [];
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    const err = error as NodeJS.ErrnoException & { dest?: string };
    // A file open in another program (a PDF in a reader) cannot be replaced on Windows.
    const busy = err.code === "EBUSY" || (process.platform === "win32" && err.code === "EPERM");
    return [
      diagnostic({
        code: "DLB4003",
        // The system's reason (EACCES, ENOTDIR…) as it gives it.
        // A failed rename names the temporary file first: the file the clerk knows is its destination.
        message: msg("DLB4003", { path: err.dest ?? err.path ?? dir, reason: err.code ?? err.message }),
        hints: [msg("DLB4003.hint"), ...(busy ? [msg("DLB4003.hint.busy")] : [])],
      }),
    ];
  }
}
