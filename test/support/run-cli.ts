// Runs delib from the tests. Most tests call `main(argv, host)` in-process, the very function the
// binary runs, on the source: `npx vitest` after an edit tests the edit, no build needed. A few
// tests must see a real process (exit codes, streams, signals, the launcher's code cache, the
// checking threads): `spawnCli` runs bin/delib.js of an installation built from the current
// source by the test run itself (test/support/installation.ts), never the repository's dist/.
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main, type Host } from "../../src/cli/main.js";
import { installation } from "./installation.js";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  /** The working folder the command runs in (the repository by default). */
  readonly cwd?: string;
  /** Changes to the environment: a value replaces the variable, `undefined` removes it. */
  readonly env?: Record<string, string | undefined>;
  /** The host's clock (the real one by default). */
  readonly now?: Date;
  /** What standard input holds (none by default: `-` is then a file's name). */
  readonly stdin?: string | Uint8Array;
  /** Answers to the questions asked on a terminal, in order (none: standard input is no terminal). */
  readonly answers?: readonly string[];
}

/**
 * The environment a test's delib sees: the test process's own, without colour, with `changes`.
 * In-process runs also check in the main thread (DELIB_THREADS=1): from the source, a checking
 * thread would have to load a .ts module, which Node cannot; spawnCli tests the threads.
 */
function environment(changes: Record<string, string | undefined> = {}, inProcess: boolean): Record<string, string> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", ...(inProcess ? { DELIB_THREADS: "1" } : {}), ...changes };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return env as Record<string, string>;
}

/** A host over strings: what the command writes is gathered, nothing reaches the terminal. */
export function testHost(options: CliOptions & { readonly interrupted?: AbortSignal } = {}): { host: Host; stdout: () => string; stderr: () => string } {
  let stdout = "";
  let stderr = "";
  const host: Host = {
    cwd: options.cwd ?? repoRoot,
    env: environment(options.env, true),
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stderrIsTty: false,
    now: () => (options.now ? new Date(options.now) : new Date()),
    interrupted: options.interrupted ?? new AbortController().signal,
    ...(options.stdin !== undefined ? { readStdin: async () => (typeof options.stdin === "string" ? Buffer.from(options.stdin, "utf8") : options.stdin!) } : {}),
    ...(options.answers !== undefined ? { ask: ((answers) => async () => answers.shift() ?? "")([...options.answers]) } : {}),
  };
  return { host, stdout: () => stdout, stderr: () => stderr };
}

/** Runs `delib ...args` in-process, as the binary would in `cwd` (the repository by default). */
export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const { host, stdout, stderr } = testHost(options);
  const code = await main(["node", "delib", ...args], host);
  return { code, stdout: stdout(), stderr: stderr() };
}

/** A command that runs until stopped (`build --watch`, `preview`), started in-process. */
export interface StartedCli {
  /** What it has written so far. */
  stdout(): string;
  stderr(): string;
  /** Asks it to stop, as Ctrl-C does, and waits for its end. */
  stop(): Promise<CliRun>;
  /** Resolves when it has ended. */
  readonly done: Promise<CliRun>;
}

/** Starts `delib ...args` in-process; `stop()` aborts the host's `interrupted` signal. */
export function startCli(args: readonly string[], options: CliOptions = {}): StartedCli {
  const controller = new AbortController();
  const { host, stdout, stderr } = testHost({ ...options, interrupted: controller.signal });
  const done = main(["node", "delib", ...args], host).then((code) => ({ code, stdout: stdout(), stderr: stderr() }));
  return {
    stdout,
    stderr,
    stop() {
      controller.abort();
      return done;
    },
    done,
  };
}

/** The launcher of the installation built for this run (see installation.ts). */
export async function delibBin(): Promise<string> {
  return join(await installation(), "bin/delib.js");
}

/**
 * Runs `delib ...args` as a real process: bin/delib.js over the bundle built from the current
 * source, with its code cache. For what only a process shows; everything else uses runCli.
 */
export async function spawnCli(args: readonly string[], options: Omit<CliOptions, "now"> = {}): Promise<CliRun> {
  const bin = await delibBin();
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: environment(options.env, false),
    encoding: "utf8",
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A real delib process left running, for the tests that signal it. */
export async function spawnCliRunning(args: readonly string[], options: Omit<CliOptions, "now"> = {}) {
  const bin = await delibBin();
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: environment(options.env, false),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = { stdout: "", stderr: "" };
  child.stdout.setEncoding("utf8").on("data", (text: string) => (output.stdout += text));
  child.stderr.setEncoding("utf8").on("data", (text: string) => (output.stderr += text));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once("exit", (code, signal) => done({ code, signal })));
  return { child, output, exited };
}

/**
 * Polls `probe` until it gives something other than undefined or false, or fails after
 * `deadline` ms naming what it waited for and, when given, what the command wrote.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, options: { run?: StartedCli; deadline: number }): Promise<T> {
  const deadline = Date.now() + options.deadline;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      const output = options.run ? `\n--- stdout:\n${options.run.stdout()}\n--- stderr:\n${options.run.stderr()}` : "";
      throw new Error(`timed out after ${options.deadline / 1000} s waiting for ${what}${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
