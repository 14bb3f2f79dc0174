// The files a command is given: paths as they are, folders and globs (quoted, for CI) expanded here.
import { statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { globSync } from "tinyglobby";
import { diagnostic, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import { msg } from "../diagnostics/message.js";

const globChars = /[*?[\]{}]/;

/**
 * Expands `seances/**\/*.yaml` into the matching files, sorted so every run sees them in the
 * same order; plain paths are kept as given (a missing one is reported when it is read). A
 * glob that matches nothing is an error: a CI job that validates nothing would pass green.
 */
export function expandPaths(args: readonly string[], cwd: string): Result<string[]> {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const arg of args) {
    // A path that exists is taken as written, even with characters a pattern reads as its own
    // (« séance [reportée].yaml », « CM {archives} »); any other is a pattern if it has them.
    const kind = globChars.test(arg) ? kindOf(resolve(cwd, arg)) : (kindOf(resolve(cwd, arg)) ?? "file");
    if (kind !== undefined) {
      // A folder stands for the session files under it, as `folder/**/*.yaml` would. The folder
      // is where the search starts, not part of the pattern, for the same reason.
      if (kind === "folder") files.push(...sessionFilesIn(arg, cwd));
      else files.push(arg);
      continue;
    }
    // An absolute pattern gives absolute paths, a relative one paths relative to `cwd`.
    const matches = globSync(arg, { cwd, onlyFiles: true, expandDirectories: false, absolute: isAbsolute(arg) }).sort();
    if (matches.length === 0) {
      diagnostics.push(
        diagnostic({
          code: "DLB1013",
          message: msg("DLB1013", { pattern: arg }),
          hints: [msg("DLB1013.hint")],
        }),
      );
    }
    files.push(...matches);
  }
  return { value: [...new Set(files)], diagnostics };
}

/** The session files under `folder`, as `folder` is written (relative to `cwd`, or absolute), sorted. */
function sessionFilesIn(folder: string, cwd: string): string[] {
  const found = globSync("**/*.yaml", { cwd: resolve(cwd, folder), onlyFiles: true, expandDirectories: false, ignore: ["**/node_modules/**", "**/delib.config.yaml"] });
  return found.map((file) => join(folder, file).split("\\").join("/")).sort();
}

/** Whether `path` is a folder, another file, or nothing there. */
function kindOf(path: string): "folder" | "file" | undefined {
  try {
    return statSync(path).isDirectory() ? "folder" : "file";
  } catch {
    return undefined;
  }
}
