// An installation of delib built from the current source, for the few tests that spawn the real
// binary. It is what `npm run build` makes (tsc, the precompiled validators and templates, the
// bundle, its code cache), built into a folder of its own with the repository's scripts; the
// repository's dist/ is never read or written, so a stale or half-built dist/ cannot be tested
// by mistake and a build running beside the tests cannot disturb them.
//
// Built on first use, not before every run: a run of in-process tests only never waits for it.
// Kept in node_modules/.cache/delib-installation/<digest of the inputs>/, so a run after an edit
// rebuilds (13 to 25 s on two cores, tsc most of it) and a run without one reuses it. The digest
// is taken once when the run starts (installation-setup.ts, a globalSetup); a lock folder lets
// one test process build while the others wait.
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import { inputDigest } from "./installation-digest.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const cacheRoot = join(repoRoot, "node_modules/.cache/delib-installation");

/** What the installation links to in the repository, read at run time: the package's own files, its packages, and the example the code cache is recorded on. */
const linked = ["package.json", "node_modules", "schemas", "templates", "law", "locales", "examples"];
/** How long the build may take (tsc alone takes 7 to 25 s on two cores). */
export const BUILD_TIMEOUT = 300_000;

let pending: Promise<string> | undefined;

/** The root of an installation built from the current source (bin/delib.js, dist/, linked data). */
export function installation(): Promise<string> {
  pending ??= Promise.resolve().then(ensureBuilt);
  return pending;
}

async function ensureBuilt(): Promise<string> {
  const digest = inject("installationDigest") ?? inputDigest();
  const root = join(cacheRoot, digest);
  const ready = join(root, ".ready");
  // A failure is remembered for this run only (its temporary folder, see temp-root.ts): the
  // other test processes report it at once instead of building again.
  const failed = join(tmpdir(), `delib-installation-${digest}.failed`);
  mkdirSync(cacheRoot, { recursive: true });
  const lock = join(cacheRoot, `${digest}.lock`);
  const deadline = Date.now() + BUILD_TIMEOUT;
  for (;;) {
    if (existsSync(ready)) return used(root);
    if (existsSync(failed)) throw new Error(readFileSync(failed, "utf8"));
    if (takeLock(lock)) break;
    if (Date.now() > deadline) throw new Error(`timed out waiting for another test process to build ${root}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  try {
    if (existsSync(ready)) return root;
    const problem = await build(root);
    if (problem) {
      writeFileSync(failed, problem);
      throw new Error(problem);
    }
    prune(digest);
    return used(root);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Marks `root` as in use now, so that prune() leaves it. */
function used(root: string): string {
  const now = new Date();
  utimesSync(root, now, now);
  return root;
}

/** Takes the lock folder, or one left by a process that is gone. */
function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    writeFileSync(join(lock, "pid"), String(process.pid));
    return true;
  } catch {
    // Held: by a live process, wait; by one that died while building, take it over. (Just
    // taken, its pid may not be written yet; just released, it may be gone: wait either way.)
    let pid = 0;
    try {
      pid = Number(readFileSync(join(lock, "pid"), "utf8"));
    } catch {
      return false;
    }
    if (pid > 0 && !alive(pid)) rmSync(lock, { recursive: true, force: true });
    return false;
  }
}

/** Whether a process of that number is running. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Builds into a scratch folder renamed to `root` once complete; returns the problem, if any. */
async function build(root: string): Promise<string | undefined> {
  const started = Date.now();
  const scratch = `${root}.${process.pid}.partial`;
  rmSync(scratch, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(scratch, "bin"), { recursive: true });
  // Copied, not linked: Node runs a linked main script from its real path, next to the repository's dist/.
  copyFileSync(join(repoRoot, "bin/delib.js"), join(scratch, "bin/delib.js"));
  for (const entry of linked) symlinkSync(join(repoRoot, entry), join(scratch, entry));
  // The steps of `npm run build`, each in the installation but tsc, which writes there from here.
  const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
  const steps: [string, string[], string][] = [
    ["tsc", [tsc, "-p", "tsconfig.build.json", "--outDir", join(scratch, "dist")], repoRoot],
    ...["build-validators", "build-templates", "bundle", "build-code-cache"].map((s): [string, string[], string] => [s, [join(repoRoot, `scripts/${s}.mjs`)], scratch]),
  ];
  for (const [name, args, cwd] of steps) {
    const run = await node(args, cwd);
    // tsc exits 2 when it found type errors but wrote every file: the tests run the code, as
    // vitest runs the source without checking types (that is `npm run typecheck`).
    if (run.code !== 0 && !(name === "tsc" && run.code === 2)) {
      rmSync(scratch, { recursive: true, force: true });
      return `building delib from the source for the tests that spawn it failed at ${name} (exit ${run.code}):\n${run.output}`;
    }
  }
  writeFileSync(join(scratch, ".ready"), `built in ${Date.now() - started} ms\n`);
  renameSync(scratch, root);
  return undefined;
}

/** Runs a Node script without blocking this test process (vitest talks to it meanwhile). */
function node(args: readonly string[], cwd: string): Promise<{ code: string | number; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (output += text));
    child.stderr.setEncoding("utf8").on("data", (text: string) => (output += text));
    const timer = setTimeout(() => child.kill("SIGKILL"), BUILD_TIMEOUT);
    child.once("error", (error) => done({ code: error.message, output }));
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      done({ code: code ?? `killed by ${signal}`, output });
    });
  });
}

/**
 * Removes the installations of earlier sources once unused for an hour (another test run may
 * still be using one), and the scratch folders of builds that were killed.
 */
function prune(keep: string): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const entry of readdirSync(cacheRoot)) {
    if (entry.startsWith(keep) || entry.endsWith(".lock")) continue;
    const path = join(cacheRoot, entry);
    if (statSync(path).mtimeMs < hourAgo) rmSync(path, { recursive: true, force: true });
  }
}
