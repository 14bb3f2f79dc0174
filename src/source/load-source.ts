import { readFile } from "node:fs/promises";
import { diagnostic, type Result, type SourceFile } from "../diagnostics/diagnostic.js";

/** Reads a session file from disk; a missing or unreadable file is the user's input problem. */
export async function loadSource(path: string): Promise<Result<SourceFile>> {
  try {
    const text = await readFile(path, "utf8");
    // A byte-order mark would shift every column by one; editors hide it, so do we.
    return { value: { path, text: text.replace(/^\uFEFF/, "") }, diagnostics: [] };
  } catch (error) {
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
}
