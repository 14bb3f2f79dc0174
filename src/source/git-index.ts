// The files of a git repository as they are staged: what a commit will hold, which is what the
// pre-commit hook must check (`delib validate --staged`), whatever the working tree holds beside.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

/** The YAML files of the index, by absolute path, and which of them the commit changes. */
export interface StagedTree {
  /** The repository's root folder. */
  readonly root: string;
  /** Every YAML file of the index (stage 0), absolute path → bytes as staged. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** The files the commit adds, changes, copies or renames, absolute (YAML or not). */
  readonly changed: readonly string[];
}

function git(cwd: string, args: readonly string[], input?: string): Buffer {
  return execFileSync("git", args, { cwd, input, maxBuffer: 1024 * 1024 * 1024, stdio: ["pipe", "pipe", "pipe"] });
}

/** The staged tree of the repository `cwd` is in; undefined outside a git repository. */
export function stagedTree(cwd: string): StagedTree | undefined {
  let root: string;
  try {
    root = git(cwd, ["rev-parse", "--show-toplevel"]).toString("utf8").trim();
  } catch {
    return undefined;
  }
  // `-z`: paths as they are, accents and spaces included, never quoted.
  const entries = git(root, ["ls-files", "--stage", "-z"])
    .toString("utf8")
    .split("\0")
    .flatMap((line) => {
      const match = /^\d+ ([0-9a-f]+) 0\t(.+)$/s.exec(line);
      return match && /\.ya?ml$/i.test(match[2]!) ? [{ object: match[1]!, path: match[2]! }] : [];
    });
  const files = new Map<string, Uint8Array>();
  if (entries.length > 0) {
    // One process for every blob: `<object> blob <size>\n<bytes>\n` each, in the order asked.
    const out = git(root, ["cat-file", "--batch"], `${entries.map((e) => e.object).join("\n")}\n`);
    let at = 0;
    for (const entry of entries) {
      const headerEnd = out.indexOf(0x0a, at);
      const header = out.subarray(at, headerEnd).toString("latin1").split(" ");
      const size = Number(header[2]);
      files.set(join(root, entry.path), out.subarray(headerEnd + 1, headerEnd + 1 + size));
      at = headerEnd + 1 + size + 1;
    }
  }
  const changed = git(root, ["diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z"])
    .toString("utf8")
    .split("\0")
    .filter((p) => p !== "")
    .map((p) => join(root, p));
  return { root, files, changed };
}
