// Where a document comes from: the session file, the commit that last changed it, and a hash
// of its content. Printed in every document's footer and stored in the PDF's metadata, so
// `delib verify` can say later whether the register's source still says the same.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { Provenance } from "../model/provenance.js";
import { contentHash } from "../source/content-hash.js";
import { runGit } from "../source/git-run.js";

export type { Provenance } from "../model/provenance.js";
export { contentHash } from "../source/content-hash.js";

/** Runs git in `cwd`; undefined when git is missing or the folder is not in a repository. */
export function git(cwd: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync("git", [...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

/** Runs git without waiting for it: several can run at once, beside other work. */
async function gitAsync(cwd: string, args: readonly string[]): Promise<string | undefined> {
  return (await runGit(cwd, args))?.trim();
}

/** The folder holding `.git` at or above `dir`, found without starting git. */
function repositoryRoot(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, ".git"))) return current;
    if (dirname(current) === current) return undefined;
  }
}

/**
 * The provenance of a session file, its two git questions asked at once. The build starts it
 * while it checks the file: git's start-up would otherwise add to every build.
 */
export async function provenanceOfAsync(absolute: string, path: string = absolute): Promise<Provenance> {
  const hash = contentHash(readFileSync(absolute));
  const root = repositoryRoot(dirname(absolute));
  if (!root) return { source: path, commit: undefined, modified: false, hash };
  const source = relative(root, absolute).split("\\").join("/");
  const [commit, status] = await Promise.all([
    gitAsync(root, ["log", "-1", "--format=%H", "--", source]),
    gitAsync(root, ["status", "--porcelain", "--", source]),
  ]);
  if (commit === undefined && status === undefined) return { source: path, commit: undefined, modified: false, hash }; // not a repository git knows
  return { source, commit: commit || undefined, modified: (status ?? "") !== "", hash };
}
