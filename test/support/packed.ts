// delib as a user gets it: the tarball `npm pack` makes from the current source, and an empty
// folder where it is installed with `npm install --omit=dev` (no dev dependency, no build step).
//
// The tarball is packed from a copy of the repository's files (tracked, and new ones not
// ignored), so the repository's own dist/ is never read or written; `npm pack` runs the
// `prepare` script there, as it does for a maintainer. Packed once per input digest, kept in
// node_modules/.cache/delib-tarball/, a lock folder letting one test process pack while the
// others wait. The install takes its packages from npm's cache when it has them (`npm ci`
// filled it), from the registry otherwise.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { inputDigest } from "./installation-digest.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const cacheRoot = join(repoRoot, "node_modules/.cache/delib-tarball");
/** Packing builds delib (tsc, bundle, code cache); installing fetches its dependencies. */
export const PACK_TIMEOUT = 600_000;

/** A command's exit code and output. */
export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `command` without blocking the test process (vitest talks to it meanwhile). */
export function run(command: string, args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined>; timeout?: number }): Promise<Run> {
  return new Promise((done, fail) => {
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", ...options.env };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
    const child = spawn(command, args, { cwd: options.cwd, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (t: string) => (stdout += t));
    child.stderr.setEncoding("utf8").on("data", (t: string) => (stderr += t));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeout ?? PACK_TIMEOUT);
    child.on("error", fail);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

let pending: Promise<string> | undefined;

/** The path of the tarball packed from the current source. */
export function packedTarball(): Promise<string> {
  pending ??= pack();
  return pending;
}

async function pack(): Promise<string> {
  const dir = join(cacheRoot, inputDigest());
  mkdirSync(cacheRoot, { recursive: true });
  const lock = `${dir}.lock`;
  const deadline = Date.now() + PACK_TIMEOUT;
  for (;;) {
    const found = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith(".tgz")) : undefined;
    if (found) return join(dir, found);
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`timed out waiting for another test process to pack delib in ${dir}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const copy = mkdtempSync(join(tmpdir(), "delib-pack-"));
  try {
    const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repoRoot, encoding: "utf8" });
    if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
    for (const file of listed.stdout.split("\0").filter((f) => f !== "" && existsSync(join(repoRoot, f)))) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      copyFileSync(join(repoRoot, file), join(copy, file));
    }
    symlinkSync(join(repoRoot, "node_modules"), join(copy, "node_modules"));
    const partial = `${dir}.${process.pid}.partial`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    const packed = await run("npm", ["pack", "--pack-destination", partial], { cwd: copy });
    if (packed.code !== 0) throw new Error(`npm pack failed (exit ${packed.code}):\n${packed.stdout}\n${packed.stderr}`);
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(join(partial, "packed-from"), `${repoRoot}\n`);
    // Renamed whole: a reader never sees a folder without its tarball.
    renameSync(partial, dir);
    const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
    if (!tarball) throw new Error(`npm pack wrote no tarball:\n${packed.stdout}`);
    return join(dir, tarball);
  } finally {
    rmSync(copy, { recursive: true, force: true });
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Installs `tarball` in `folder` (which has a package.json) as a user does: no dev dependency, no build. */
export function installTarball(folder: string, tarball: string): Promise<Run> {
  return run("npm", ["install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", tarball], { cwd: folder });
}
