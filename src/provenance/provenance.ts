// Where a document comes from: the session file, the commit that last changed it, and a hash
// of its content. Printed in every document's footer and stored in the PDF's metadata, so
// `delib verify` can say later whether the register's source still says the same.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";

export interface Provenance {
  /** The file's path from the repository's root (or as given, outside a repository). */
  readonly source: string;
  /** The last commit that changed the file; undefined outside git or before its first commit. */
  readonly commit: string | undefined;
  /** The file differs from that commit (uncommitted changes). */
  readonly modified: boolean;
  /** sha256 of the file's bytes, in hex. */
  readonly hash: string;
}

/** Runs git in `cwd`; undefined when git is missing or the folder is not in a repository. */
export function git(cwd: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync("git", [...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

/** sha256 of bytes, hex. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The provenance of a session file, read from disk and from git. */
export function provenanceOf(path: string): Provenance {
  const absolute = resolve(path);
  const dir = dirname(absolute);
  const hash = contentHash(readFileSync(absolute));
  const root = git(dir, ["rev-parse", "--show-toplevel"]);
  if (!root) return { source: path, commit: undefined, modified: false, hash };
  const source = relative(root, absolute).split("\\").join("/");
  const commit = git(root, ["log", "-1", "--format=%H", "--", source]) || undefined;
  const status = git(root, ["status", "--porcelain", "--", source]) ?? "";
  return { source, commit, modified: status !== "", hash };
}
