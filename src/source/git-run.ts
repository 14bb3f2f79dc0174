// Runs git without waiting for it, for the stages and features that ask it questions (a file's
// last commit, where a session comes from, when an act was first committed): several can run at
// once, beside other work. Paths come back as they are (core.quotePath=false: by default git
// quotes a name with accents, « séances/ » becoming "s\303\251ances/").
import { execFile } from "node:child_process";

/** git's output in `cwd`, untrimmed; undefined when it fails (no git, not a repository, an unknown revision). */
export function runGit(cwd: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((done) => {
    execFile("git", ["-c", "core.quotePath=false", ...args], { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }, (error, stdout) => done(error ? undefined : stdout));
  });
}
