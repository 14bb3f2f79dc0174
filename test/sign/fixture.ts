// What the signing tests start from: a register in a real git repository made in a temporary
// folder, its procès-verbal and an extract printed by real Chromium, and certificates issued
// on the spot (certificates.ts).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot, runCli } from "../support/run-cli.js";
import { testAuthority, type TestIdentity } from "./certificates.js";

export const example = join(repoRoot, "examples/marcilly-sur-aubrette/2023-12-12.yaml");
export const pvName = "out/proces-verbal-2023-12-12.pdf";

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_DATE: "2023-12-20T10:00:00Z", GIT_COMMITTER_DATE: "2023-12-20T10:00:00Z" } }).trim();
}

export interface SigningFixture {
  readonly root: string;
  readonly keys: string;
  readonly president: TestIdentity;
  readonly secretary: TestIdentity;
  readonly issue: ReturnType<typeof testAuthority>["issue"];
}

/** A register with its documents printed in `out/`, and the président's and secrétaire's certificates. */
export async function signingFixture(): Promise<SigningFixture> {
  const root = mkdtempSync(join(tmpdir(), "delib-sign-"));
  git(root, "init", "-q", "-b", "main");
  git(root, "config", "user.email", "greffe@example.org");
  git(root, "config", "user.name", "Greffe");
  mkdirSync(join(root, "seances"));
  copyFileSync(example, join(root, "seances/2023-12-12.yaml"));
  git(root, "add", ".");
  git(root, "commit", "-q", "-m", "Séance du 12 décembre 2023");
  const run = await runCli(["build", "seances/2023-12-12.yaml", "--documents", "minutes,extract", "--format", "pdf", "--out", "out"], { cwd: root });
  if (run.code !== 0) throw new Error(`build failed: ${run.stderr}`);
  // The keys stay outside the repository, as a clerk's would.
  const keys = mkdtempSync(join(tmpdir(), "delib-keys-"));
  const authority = testAuthority(keys);
  return { root, keys, president: authority.issue("Hélène Marchand"), secretary: authority.issue("Paul Durand"), issue: authority.issue };
}

/** What `pdfsig` (poppler) says of each signature of a PDF: its block of lines. */
export function pdfsig(file: string): string[] {
  // pdfsig exits 0 when it lists signatures (an untrusted issuer is reported, not an exit code).
  const out = execFileSync("pdfsig", [file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return out.split(/^Signature #\d+:\n/m).slice(1);
}
