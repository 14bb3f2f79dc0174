// One headless browser per run, pages borrowed and given back (marp-cli src/browser/browser.ts).
// puppeteer-core is imported lazily inside openBrowser so that HTML-only runs never load it;
// only types come from it at the top level, and type imports are erased at compile time.
import type { Browser, Page } from "puppeteer-core";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { msg, type Message } from "../diagnostics/message.js";
import { browserAnsweredGarbage, browserDidNotAnswer, profileNotMade, tmpdirHint } from "./browser-failures.js";
import { DEFAULT_START_TIMEOUT_S, launchChromium, LaunchFailure, type ChromiumProcess } from "./launch-chromium.js";

export type { Page } from "puppeteer-core";

/** A running browser; the CLI closes it in its top-level `finally`. */
export interface BrowserSession {
  /** The executable that was launched. */
  readonly executablePath: string;
  /** The temporary profile directory, removed by `close`. */
  readonly userDataDir: string;
  /** Lends a page to `fn` and takes it back afterwards, even when `fn` throws. */
  withPage<T>(fn: (page: Page) => Promise<T>): Promise<T>;
  /**
   * Why the browser process went away, when it did (it ended, or wrote garbage on its pipe):
   * what a failed print is explained by. Waits a moment for it, as a process that dies closes
   * its pipe before its exit is known; undefined if it is still running.
   */
  failure(): Promise<LaunchFailure | undefined>;
  /** Closes the browser and removes its profile; safe to call more than once. */
  close(): Promise<void>;
}

/** How long to wait for the browser. */
export interface BrowserTimeouts {
  /** For it to answer on its pipe once started, in milliseconds (DEFAULT_START_TIMEOUT_S by default). */
  readonly startMs?: number;
}

/** Thrown by `openBrowser` when the browser does not start; see `browserLaunchFailed`. */
export class BrowserLaunchError extends Error {
  constructor(
    readonly executablePath: string,
    override readonly cause: unknown,
    /** The last lines the browser wrote on stderr. */
    readonly output: readonly string[] = [],
  ) {
    super(`could not start ${executablePath}: ${firstLine(describe(cause))}`);
    this.name = "BrowserLaunchError";
  }
}

/** The browser failed the work on a page (closed it, lost the connection, refused a command): see `BrowserSession.failure` for why. */
export class PageFailure extends Error {
  constructor(override readonly cause: unknown) {
    super(`the browser failed while printing: ${firstLine(describe(cause))}`);
    this.name = "PageFailure";
  }

  /** The library's own words, on one line. */
  get detail(): string {
    return firstLine(describe(this.cause));
  }
}

/** The browser did not answer on its pipe in time. */
class LaunchTimeout extends Error {
  constructor(readonly seconds: number) {
    super(`Timed out after ${seconds} s waiting for the browser to start`);
    this.name = "LaunchTimeout";
  }
}

/** Pages kept for reuse; a run prints few documents, so a couple is plenty. */
const MAX_IDLE_PAGES = 2;

/**
 * Starts headless Chromium with a fresh temporary profile and connects to it; throws
 * BrowserLaunchError. The process is spawned before this function first waits, so a caller
 * that does not await at once has the browser starting while it works.
 */
export async function openBrowser(executablePath: string, timeouts: BrowserTimeouts = {}): Promise<BrowserSession> {
  const startMs = timeouts.startMs ?? DEFAULT_START_TIMEOUT_S * 1000;
  let chromium: ChromiumProcess;
  try {
    chromium = launchChromium(executablePath);
  } catch (error) {
    throw new BrowserLaunchError(executablePath, error, error instanceof LaunchFailure ? error.output : []);
  }
  let puppeteer: Awaited<ReturnType<typeof loadPuppeteer>>["default"];
  try {
    puppeteer = (await Promise.race([loadPuppeteer(), chromium.failed])).default;
  } catch (error) {
    await chromium.kill();
    // puppeteer-core missing from the installation is delib's problem, not the browser's.
    if (!(error instanceof LaunchFailure)) throw error;
    throw new BrowserLaunchError(executablePath, error, error.output);
  }
  let browser: Browser;
  let page: Page;
  try {
    const connecting = (async () => {
      const connected = await puppeteer.connect({ transport: chromium.transport });
      // The page Chromium opens at start (about:blank) is the first one lent: opening another
      // would cost about 100 ms.
      // No timeout of its own: the race below bounds the whole start.
      const first = await connected.waitForTarget((target) => target.type() === "page", { timeout: 0 });
      return { connected, first: await first.page() };
    })();
    const timeout = new Promise<never>((_, reject) => {
      const timer = setTimeout(() => reject(new LaunchTimeout(startMs / 1000)), startMs);
      // Never the reason the process stays up.
      timer.unref();
      void connecting.finally(() => clearTimeout(timer)).catch(() => undefined);
    });
    const ready = await Promise.race([connecting, chromium.failed, timeout]);
    browser = ready.connected;
    page = ready.first ?? (await browser.newPage());
  } catch (error) {
    // A browser that dies closes its pipe before its exit is known: say why it died when it did.
    // One that hangs is not waited for any longer.
    const cause = error instanceof LaunchFailure || error instanceof LaunchTimeout ? error : ((await processFailure(chromium)) ?? error);
    await chromium.kill();
    throw new BrowserLaunchError(executablePath, cause, cause instanceof LaunchFailure ? cause.output : []);
  }
  return new PooledSession(browser, chromium, page);
}

function loadPuppeteer() {
  return import("puppeteer-core");
}

/** The process's own failure, if it ends within a second. */
async function processFailure(chromium: ChromiumProcess): Promise<LaunchFailure | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<undefined>((done) => (timer = setTimeout(() => done(undefined), 1000)));
  const failure = await Promise.race([chromium.failed.catch((error: unknown) => (error instanceof LaunchFailure ? error : undefined)), waited]);
  clearTimeout(timer);
  return failure;
}

/**
 * The DLB4002 diagnostic for a browser that was found but would not start: why (delib's words
 * when delib saw it, the library's or system's own otherwise), the browser's last words, and
 * what to check on `platform`.
 */
export function browserLaunchFailed(executablePath: string, error: unknown, platform: NodeJS.Platform = process.platform): Diagnostic {
  const cause = error instanceof BrowserLaunchError ? error.cause : error;
  // Hanging, talking garbage, or no room for a profile: each its own code (browser-failures.ts).
  if (cause instanceof LaunchTimeout) return browserDidNotAnswer(executablePath, cause.seconds, platform);
  if (cause instanceof LaunchFailure && cause.kind === "garbage") return browserAnsweredGarbage(executablePath, cause, "start");
  if (cause instanceof LaunchFailure && cause.kind === "profile") return profileNotMade(cause, platform);
  const reason: Message | string = cause instanceof LaunchFailure ? cause.reason : firstLine(describe(cause));
  const allOutput = error instanceof BrowserLaunchError ? error.output : [];
  const output = allOutput.slice(-3);
  const tmpdir = tmpdirHint(allOutput, platform);
  return diagnostic({
    code: "DLB4002",
    message: msg("DLB4002"),
    hints: [
      msg("DLB4002.hint.cause", { path: executablePath, cause: reason }),
      ...(output.length > 0 ? [msg("DLB4002.hint.output", { output: output.join(" / ") })] : []),
      ...(tmpdir ? [tmpdir] : []),
      // A Windows browser prints nothing for --version: opening it is the check there.
      platform === "win32" ? msg("DLB4002.hint.windows", { path: executablePath }) : msg("DLB4002.hint", { path: executablePath }),
      msg("browser.html_written"),
    ],
  });
}

class PooledSession implements BrowserSession {
  readonly #browser: Browser;
  readonly #chromium: ChromiumProcess;
  readonly #idle: Page[];
  #closed: Promise<void> | undefined;

  constructor(browser: Browser, chromium: ChromiumProcess, firstPage: Page) {
    this.#browser = browser;
    this.#chromium = chromium;
    this.#idle = [firstPage];
  }

  get executablePath(): string {
    return this.#chromium.executablePath;
  }

  get userDataDir(): string {
    return this.#chromium.userDataDir;
  }

  failure(): Promise<LaunchFailure | undefined> {
    return processFailure(this.#chromium);
  }

  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    if (this.#closed !== undefined) throw new Error("the browser session is closed");
    const page = this.#idle.pop() ?? (await this.#browser.newPage());
    let reusable = false;
    try {
      const value = await fn(page);
      reusable = true;
      return value;
    } finally {
      // A page whose work failed may be mid-navigation: do not lend it again.
      if (reusable && this.#closed === undefined && this.#idle.length < MAX_IDLE_PAGES && !page.isClosed()) {
        this.#idle.push(page);
      } else {
        await page.close().catch(() => undefined);
      }
    }
  }

  close(): Promise<void> {
    this.#closed ??= (async () => {
      this.#idle.length = 0;
      // Every PDF is already in hand and the profile is thrown away: end the process at once
      // rather than asking it to shut down (a graceful close took ~150 ms of every run).
      await this.#browser.disconnect().catch(() => undefined);
      await this.#chromium.kill();
    })();
    return this.#closed;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0]!.trim().replace(/\s+/g, " ");
}
