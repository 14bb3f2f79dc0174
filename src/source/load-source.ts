import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { diagnostic, type Diagnostic, type Result, type SourceFile } from "../diagnostics/diagnostic.js";

/**
 * Reads a session file from disk; a missing or unreadable file is the user's input problem.
 * `path` is kept as given, for the diagnostics; a relative one is read from `cwd`. Synchronous:
 * the checking threads read thousands of small files one after the other (an asynchronous read
 * left them idle more than half the time).
 */
export function loadSourceSync(path: string, cwd = "."): Result<SourceFile> {
  try {
    return sourceOf(path, readFileSync(resolve(cwd, path), "utf8"));
  } catch (error) {
    return unreadable(path, error);
  }
}

function sourceOf(path: string, text: string): Result<SourceFile> {
  // A byte-order mark would shift every column by one; editors hide it, so do we.
  return { value: { path, text: text.replace(/^\uFEFF/, "") }, diagnostics: [] };
}

function unreadable(path: string, error: unknown): Result<SourceFile> {
  return { value: undefined, diagnostics: [unreadableFile(path, error)] };
}

/** A file that was named but cannot be read (missing, a folder, no permission). */
export function unreadableFile(path: string, error: unknown): Diagnostic {
  const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "cannot be read";
  return diagnostic({
    code: "DLB1001",
    message: `file \`${path}\`: ${reason}`,
    hints: ["check the path; a session file is usually seances/AAAA-MM-JJ.yaml"],
  });
}
