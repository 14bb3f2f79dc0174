// A real git repository in a temporary folder, for the tests that need one (provenance, dates,
// publish): fixed author and dates, so what is printed from it is the same on every run.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** Runs git in `cwd` with a fixed author date and committer date; its output, trimmed. */
export function git(cwd: string, date: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } }).trim();
}

/** A new repository holding `files` (path in the repository → file to copy), committed once on `date`. */
export function repositoryWith(files: Readonly<Record<string, string>>, date: string, message = "Séance"): string {
  const root = mkdtempSync(join(tmpdir(), "delib-git-"));
  git(root, date, "init", "-q", "-b", "main");
  git(root, date, "config", "user.email", "greffe@example.org");
  git(root, date, "config", "user.name", "Greffe");
  for (const [path, from] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    copyFileSync(from, join(root, path));
  }
  git(root, date, "add", ".");
  git(root, date, "commit", "-q", "-m", message);
  return root;
}
