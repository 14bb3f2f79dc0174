// Starts Chromium ourselves, before puppeteer-core is even loaded: the browser takes some
// 400 ms to come up, and loading puppeteer-core and checking the input can happen meanwhile.
// puppeteer then connects over the same DevTools pipe its own launcher would have used.
// Only Node's built-in modules here (and message.ts, which imports nothing), so the CLI can
// start the browser at once.
//
// Platforms: on Linux and macOS the browser gets a process group of its own, killed at once
// with its renderers (`kill(-pid)`); Windows has no process groups nor negative pids, so there
// the process tree is ended with `taskkill /T /F`, as puppeteer does. Ctrl-Break (SIGBREAK) is
// watched on Windows beside SIGINT, SIGTERM and SIGHUP. The profile lives in a folder of
// delib's in os.tmpdir() (%TEMP% on Windows), which is also Chromium's TMPDIR where it can be.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readlinkSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import type { ConnectionTransport } from "puppeteer-core";
import { msg, type Message } from "../diagnostics/message.js";
import { chromiumArgs } from "./chromium-args.js";

export { chromiumArgs } from "./chromium-args.js";

/**
 * How long the browser may take to answer on its DevTools pipe, by default, in seconds: a cold
 * start on a busy two-core machine takes about a second, so ten leave room and still give up a
 * browser that hangs soon enough (issue 13). `--browser-timeout` and DELIB_BROWSER_TIMEOUT
 * change it.
 */
export const DEFAULT_START_TIMEOUT_S = 10;

/**
 * The most a message from the browser may grow to, in bytes, before delib stops reading it: the
 * PDF comes in chunks (IO.read), so no real message comes near; a browser that writes without
 * ever ending a message would otherwise fill the memory.
 */
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

/** A Chromium process started by `launchChromium`, not yet (or no longer) driven. */
export interface ChromiumProcess {
  readonly executablePath: string;
  /** The temporary profile directory (in delib's folder for the browser), removed by `kill`. */
  readonly userDataDir: string;
  /** The DevTools pipe, for `puppeteer.connect({ transport })`. */
  readonly transport: ConnectionTransport;
  /** Rejects with a LaunchFailure if the process cannot start or ends while still needed. */
  readonly failed: Promise<never>;
  /** Stops the whole process group (tree) at once and removes the profile; safe to call twice. */
  kill(): Promise<void>;
}

/**
 * What went wrong with the browser process: it could not be spawned, its profile could not be
 * made in the temporary folder, it ended, or it wrote something other than the DevTools
 * protocol on its pipe.
 */
export type FailureKind = "spawn" | "profile" | "ended" | "garbage";

/** Why the browser did not come up or went away (a message for the reader), with the last lines it wrote on stderr. */
export class LaunchFailure extends Error {
  constructor(
    readonly reason: Message,
    readonly output: readonly string[],
    readonly kind: FailureKind = "spawn",
    /** How it ended, without the words of a launch ("it ended (SIGKILL)"), for one that ended mid-run. */
    readonly how?: Message,
    /** The start of what came on the pipe, for garbage. */
    readonly sample?: string,
  ) {
    super(`failed to launch the browser process (${reason.id}${reason.values ? ` ${JSON.stringify(reason.values)}` : ""})`);
    this.name = "LaunchFailure";
  }
}

const live = new Set<Launched>();

/**
 * Spawns headless Chromium with a fresh temporary profile and a DevTools pipe on fds 3 and 4.
 * Returns at once: the process starts while the caller goes on. Throws a LaunchFailure when
 * the profile directory cannot be made or the process cannot be spawned at all.
 */
export function launchChromium(executablePath: string): ChromiumProcess {
  let folder: string | undefined;
  try {
    folder = mkdtempSync(path.join(os.tmpdir(), "delib-"));
    mkdirSync(path.join(folder, "profile"));
  } catch (error) {
    // A temporary folder that is missing, not a folder, read-only or full (ENOENT, ENOTDIR,
    // EACCES, EROFS, ENOSPC): no browser can run without a profile.
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
    throw new LaunchFailure(msg("browser.launch.failed", { error: describe(error) }), [], "profile");
  }
  try {
    return new Launched(executablePath, folder);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error instanceof LaunchFailure ? error : new LaunchFailure(msg("browser.launch.failed", { error: describe(error) }), []);
  }
}

/** The longest path of a Unix socket, in bytes (sun_path holds 108, with its final zero). */
const SOCKET_PATH_MAX = 107;

/**
 * The temporary folder Chromium is given: delib's own folder for it, so that whatever a killed
 * browser leaves behind (its single-instance socket, the `.org.chromium.Chromium.XXXXXX` files
 * it writes while printing) goes with it. Undefined when the socket's path would then be too
 * long for a Unix socket (Chromium aborts): the browser keeps the system's temporary folder,
 * and only its socket folder is known to remove. Windows keeps no socket, and is left as is.
 */
function browserTmpdir(folder: string): string | undefined {
  if (process.platform === "win32") return undefined;
  const socket = path.join(folder, "org.chromium.Chromium.XXXXXX", "SingletonSocket");
  return Buffer.byteLength(socket) <= SOCKET_PATH_MAX ? folder : undefined;
}

class Launched implements ChromiumProcess {
  readonly transport: ConnectionTransport;
  readonly failed: Promise<never>;
  readonly #child: ChildProcess;
  readonly #stderr: string[] = [];
  #killed: Promise<void> | undefined;

  readonly userDataDir: string;
  readonly #tmpdir: string | undefined;

  constructor(
    readonly executablePath: string,
    /** delib's temporary folder for this browser: the profile in it, and Chromium's TMPDIR when it can be. */
    readonly folder: string,
  ) {
    this.userDataDir = path.join(folder, "profile");
    this.#tmpdir = browserTmpdir(folder);
    const child = spawn(executablePath, chromiumArgs(this.userDataDir), {
      // Its own process group, so that `kill` ends the renderers with it.
      detached: process.platform !== "win32",
      env: this.#tmpdir === undefined ? process.env : { ...process.env, TMPDIR: this.#tmpdir },
      stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"],
    });
    this.#child = child;
    let fail!: (error: LaunchFailure) => void;
    this.failed = new Promise<never>((_, reject) => (fail = reject));
    // Nobody may be listening when the browser ends normally at `kill`.
    this.failed.catch(() => undefined);
    // Attached at once: a spawn that fails (no such file, too many open files) says so on the
    // next turn, and an error nobody listens to would end delib.
    child.once("error", (error) => fail(new LaunchFailure(msg("browser.launch.failed", { error: describe(error) }), this.output())));
    const [, , stderr, toBrowser, fromBrowser] = child.stdio as [unknown, unknown, Readable | null, Writable | null, Readable | null];
    if (!stderr || !toBrowser || !fromBrowser) {
      this.killNow();
      throw new LaunchFailure(msg("browser.launch.no_pipes"), []);
    }
    // Garbage on the pipe: the browser is not one delib can drive; it is stopped, as one that ended.
    this.transport = new PipeTransport(toBrowser, fromBrowser, (sample) => {
      fail(new LaunchFailure(msg("browser.pipe.garbage", { sample }), this.output(), "garbage", undefined, sample));
      this.killNow();
    });
    // Keep the browser's last words for the diagnostic; reading also keeps its stderr flowing.
    stderr.setEncoding("utf8");
    stderr.on("data", (text: string) => {
      this.#stderr.push(...text.split("\n"));
      if (this.#stderr.length > 40) this.#stderr.splice(0, this.#stderr.length - 40);
    });
    child.once("exit", (code, signal) => {
      // stderr may still hold the last lines: wait for it to end before quoting them.
      // The code as text: a Windows exit code (3221225477) is not a quantity to group in thousands.
      const reason = signal !== null ? msg("browser.launch.ended_signal", { signal }) : msg("browser.launch.ended_code", { code: String(code) });
      const how = signal !== null ? msg("browser.ended.signal", { signal }) : msg("browser.ended.code", { code: String(code) });
      const quote = () => fail(new LaunchFailure(reason, this.output(), "ended", how));
      if (stderr.readableEnded || stderr.destroyed) quote();
      else stderr.once("close", quote);
    });
    live.add(this);
    if (live.size === 1) watchSignals();
  }

  kill(): Promise<void> {
    this.#killed ??= (async () => {
      const child = this.#child;
      const exited = child.pid === undefined || child.exitCode !== null || child.signalCode !== null ? undefined : new Promise((done) => child.once("exit", done));
      this.killNow();
      // The kernel takes some 40 ms to tear Chromium down: remove the profile meanwhile (a
      // killed process writes nothing more, though a file it was writing may still appear
      // under rm's feet, hence the retries), then reap the process. Until both are done, a
      // signal still finds the browser in `live` and finishes the work.
      await Promise.all([...this.leftovers().map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }).catch(() => undefined)), exited]);
      live.delete(this);
      if (live.size === 0) unwatchSignals();
    })();
    return this.#killed;
  }

  /**
   * Kills the browser and its renderers, without waiting for them to end: also used on exit and
   * on signals. On Linux and macOS, SIGKILL to the process group; on Windows, which has no
   * process groups, `taskkill /T /F` on the process tree (synchronous, so that it still runs
   * from an exit handler), the process alone if taskkill fails.
   */
  killNow(): void {
    const child = this.#child;
    if (child.pid === undefined) return;
    if (process.platform !== "win32") {
      killGroup(child.pid);
      return;
    }
    // An ended process's id may already be another program's.
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      execFileSync("taskkill", ["/pid", String(child.pid), "/T", "/F"], { stdio: "ignore", windowsHide: true });
    } catch {
      child.kill("SIGKILL");
    }
  }

  /** What a killed browser leaves on disk: delib's folder for it, and its socket folder when that lies outside. */
  leftovers(): string[] {
    return [this.folder, ...(this.#tmpdir === undefined ? singletonFolder(this.userDataDir) : [])];
  }

  /**
   * The last non-empty lines the browser wrote on stderr, without the complaints every headless
   * Chromium makes in a container (no D-Bus, no crash reporter), which would hide its last words.
   */
  output(): string[] {
    return this.#stderr.map((line) => line.trim()).filter((line) => line !== "" && !/ERROR:(dbus\/|third_party\/crashpad\/)/.test(line));
  }
}

/**
 * Chromium's DevTools pipe (`--remote-debugging-pipe`): JSON messages ended by a NUL byte, read
 * on fd 4 and written on fd 3. puppeteer-core has one too, but keeps it internal.
 *
 * What is not a DevTools message (not JSON, or JSON puppeteer cannot take) would make puppeteer
 * throw where nobody can catch it (an uncaught SyntaxError ended delib, issue 13): here
 * `garbage` is told once, with the start of what came, and the pipe is given up, which fails
 * every call still waiting.
 */
class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  readonly #toBrowser: Writable;
  readonly #garbage: (sample: string) => void;
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #closed = false;
  #ended = false;

  constructor(toBrowser: Writable, fromBrowser: Readable, garbage: (sample: string) => void) {
    this.#toBrowser = toBrowser;
    this.#garbage = garbage;
    fromBrowser.on("data", (chunk: Buffer) => this.#receive(chunk));
    fromBrowser.on("close", () => this.#end());
    // An error on the pipe means the browser went away: the process's `failed` says so.
    fromBrowser.on("error", () => undefined);
    toBrowser.on("error", () => undefined);
  }

  send(message: string): void {
    if (this.#closed) return;
    this.#toBrowser.write(message);
    this.#toBrowser.write("\0");
  }

  close(): void {
    this.#closed = true;
  }

  /** Tells puppeteer once that the pipe is gone. */
  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.onclose?.();
  }

  /** Something that is not the protocol came: said once, and the pipe is given up. */
  #refuse(text: string): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#pending = [];
    this.#garbage(sampleOf(text));
    this.#end();
  }

  /**
   * Hands one message to puppeteer, on a later turn as its own transports do. Its handler is
   * async: what it cannot take (not JSON, not an object, not shaped as a DevTools message) ends
   * in a rejection, which is caught here, rather than an unhandled one that would end delib.
   */
  #deliver(message: string): void {
    setImmediate(() => {
      if (this.#closed) return;
      try {
        const handled: unknown = this.onmessage?.(message);
        if (handled instanceof Promise) handled.catch(() => this.#refuse(message));
      } catch {
        this.#refuse(message);
      }
    });
  }

  #receive(chunk: Buffer): void {
    if (this.#closed) return;
    let end = chunk.indexOf(0);
    if (end < 0) {
      this.#pending.push(chunk);
      this.#pendingBytes += chunk.length;
      if (this.#pendingBytes > MAX_MESSAGE_BYTES) this.#refuse(Buffer.concat(this.#pending.slice(0, 1)).toString("utf8"));
      return;
    }
    let start = 0;
    let head: Buffer = Buffer.concat([...this.#pending, chunk.subarray(0, end)]);
    this.#pending = [];
    this.#pendingBytes = 0;
    while (end >= 0) {
      this.#deliver(head.toString("utf8"));
      if (this.#closed) return;
      start = end + 1;
      end = chunk.indexOf(0, start);
      head = chunk.subarray(start, end < 0 ? undefined : end);
    }
    if (start < chunk.length) {
      this.#pending.push(chunk.subarray(start));
      this.#pendingBytes = chunk.length - start;
    }
  }
}

/** The start of what came on the pipe, on one line, for the reader to recognise it. */
function sampleOf(text: string): string {
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

/** SIGKILL to the process group led by `pid`: renderers may outlive a browser process that crashed. */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

// The browser must not outlive delib: not on a normal exit, not on Ctrl-C or a kill. Windows
// also sends SIGBREAK (Ctrl-Break) and SIGHUP (console closed); it never sends SIGTERM, which
// is listened to there harmlessly.
const signals: readonly NodeJS.Signals[] = process.platform === "win32" ? ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"] : ["SIGINT", "SIGTERM", "SIGHUP"];

function onExit(): void {
  for (const browser of live) {
    browser.killNow();
    for (const dir of browser.leftovers()) {
      try {
        // The killed processes may still be finishing a write: retry, as `kill` does.
        rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
      } catch {
        // Leave it in the temporary folder rather than fail the exit.
      }
    }
  }
}

/**
 * The folder holding Chromium's single-instance socket (`org.chromium.Chromium.XXXXXX` in the
 * temporary folder), which the profile's `SingletonSocket` link points into. Chromium removes it
 * when it shuts down; a killed one leaves it, so delib removes it with the profile. Named only
 * when the link has the expected shape. Only needed when Chromium could not be given delib's
 * folder as its TMPDIR (see browserTmpdir).
 */
function singletonFolder(userDataDir: string): string[] {
  // Chromium on Windows keeps no socket: a mutex and a window stand for it.
  if (process.platform === "win32") return [];
  let target: string;
  try {
    target = readlinkSync(path.join(userDataDir, "SingletonSocket"));
  } catch {
    return [];
  }
  const folder = path.dirname(target);
  const ok = path.isAbsolute(target) && path.basename(target) === "SingletonSocket" && /^(org\.chromium\.Chromium|\.com\.google\.Chrome|\.com\.microsoft\.Edge)\.\w+$/.test(path.basename(folder));
  return ok ? [folder] : [];
}

/**
 * Signals a command answers itself, closing its browser on its way out: `build --watch` ends on
 * Ctrl-C with the code of its last build, through the host's `interrupted` (cli/context.ts).
 * The browser is still killed on any exit.
 */
const answered = new Set<NodeJS.Signals>();

/** Leaves `which` to the caller, which closes its browsers itself; returns a function that takes them back. */
export function answerSignals(which: readonly NodeJS.Signals[]): () => void {
  const added = which.filter((signal) => !answered.has(signal));
  for (const signal of added) answered.add(signal);
  return () => {
    for (const signal of added) answered.delete(signal);
  };
}

function onSignal(signal: NodeJS.Signals): void {
  if (answered.has(signal)) return;
  onExit();
  process.exit(128 + (os.constants.signals[signal] ?? 0));
}

function watchSignals(): void {
  process.on("exit", onExit);
  for (const signal of signals) process.on(signal, onSignal);
}

function unwatchSignals(): void {
  process.off("exit", onExit);
  for (const signal of signals) process.off(signal, onSignal);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
