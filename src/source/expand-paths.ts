// The files a command is given: paths as they are, folders and globs (quoted, for CI) expanded here.
import { statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { globSync } from "tinyglobby";
import { diagnostic, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";

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
    if (!globChars.test(arg)) {
      // A folder stands for the session files under it, as `folder/**/*.yaml` would.
      if (isFolder(resolve(cwd, arg))) files.push(...globSync(join(arg, "**/*.yaml").split("\\").join("/"), { cwd, onlyFiles: true, expandDirectories: false, absolute: isAbsolute(arg), ignore: ["**/node_modules/**", "**/delib.config.yaml"] }).sort());
      else files.push(arg);
      continue;
    }
    // An absolute pattern gives absolute paths, a relative one paths relative to `cwd`.
    const matches = globSync(arg, { cwd, onlyFiles: true, expandDirectories: false, absolute: isAbsolute(arg) }).sort();
    if (matches.length === 0) {
      diagnostics.push(
        diagnostic({
          code: "DLB1013",
          message: `no file matches \`${arg}\``,
          hints: ["check the pattern and the folder it is run from; `**` matches any depth of folders"],
        }),
      );
    }
    files.push(...matches);
  }
  return { value: [...new Set(files)], diagnostics };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
