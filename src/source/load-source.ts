import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { diagnostic, type Result, type SourceFile } from "../diagnostics/diagnostic.js";

/** Reads a session file from disk; a missing or unreadable file is the user's input problem. */
export async function loadSource(path: string): Promise<Result<SourceFile>> {
  try {
    return sourceOf(path, await readFile(path, "utf8"));
  } catch (error) {
    return unreadable(path, error);
  }
}

/**
 * The same, reading synchronously: for the checking threads, which read thousands of small
 * files one after the other (an asynchronous read left them idle more than half the time).
 */
export function loadSourceSync(path: string): Result<SourceFile> {
  try {
    return sourceOf(path, readFileSync(path, "utf8"));
  } catch (error) {
    return unreadable(path, error);
  }
}

function sourceOf(path: string, text: string): Result<SourceFile> {
  // A byte-order mark would shift every column by one; editors hide it, so do we.
  return { value: { path, text: text.replace(/^\uFEFF/, "") }, diagnostics: [] };
}

function unreadable(path: string, error: unknown): Result<SourceFile> {
  const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "cannot be read";
  return {
    value: undefined,
    diagnostics: [
      diagnostic({
        code: "DLB1001",
        message: `file \`${path}\`: ${reason}`,
        hints: ["check the path; a session file is usually seances/AAAA-MM-JJ.yaml"],
      }),
    ],
  };
}
