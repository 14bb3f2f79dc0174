// One headless browser per run, pages borrowed and given back (marp-cli src/browser/browser.ts).
// puppeteer-core is imported lazily inside openBrowser so that HTML-only runs never load it;
// only types come from it at the top level, and type imports are erased at compile time.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";

export type { Page } from "puppeteer-core";

/** A running browser; the CLI closes it in its top-level `finally`. */
export interface BrowserSession {
  /** The executable that was launched. */
  readonly executablePath: string;
  /** The temporary profile directory, removed by `close`. */
  readonly userDataDir: string;
  /** Lends a page to `fn` and takes it back afterwards, even when `fn` throws. */
  withPage<T>(fn: (page: Page) => Promise<T>): Promise<T>;
  /** Closes the browser and removes its profile; safe to call more than once. */
  close(): Promise<void>;
}

/** Thrown by `openBrowser` when the browser does not start; see `browserLaunchFailed`. */
export class BrowserLaunchError extends Error {
  constructor(
    readonly executablePath: string,
    override readonly cause: unknown,
  ) {
    super(`could not start ${executablePath}: ${firstLine(describe(cause))}`);
    this.name = "BrowserLaunchError";
  }
}

/** Pages kept for reuse; a run prints few documents, so a couple is plenty. */
const MAX_IDLE_PAGES = 2;

/**
 * Switches that keep the browser quiet, offline and reproducible. Chromium runs as root in CI
 * containers, hence --no-sandbox. The host resolver maps every name (IP literals included) to
 * "not found": request interception alone does not see `<link rel=preconnect>` or
 * `<link rel=prefetch>`, which would otherwise still open connections.
 */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-extensions",
  "--disable-default-apps",
  "--mute-audio",
  "--font-render-hinting=none",
  // Docker gives /dev/shm 64 MB, too little for Chromium's shared memory.
  "--disable-dev-shm-usage",
  "--host-resolver-rules=MAP * ~NOTFOUND",
];

/** Starts headless Chromium with a fresh temporary profile; throws BrowserLaunchError. */
export async function openBrowser(executablePath: string): Promise<BrowserSession> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), "delib-chromium-"));
  let browser: Browser;
  try {
    const { default: puppeteer } = await import("puppeteer-core");
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`],
      // The CLI closes the browser in its `finally`; on Ctrl-C or a kill during printing,
      // puppeteer's own handlers end Chromium too, so none is left running.
      handleSIGINT: true,
      handleSIGTERM: true,
      handleSIGHUP: true,
    });
  } catch (error) {
    await removeDir(userDataDir);
    throw new BrowserLaunchError(executablePath, error);
  }
  const session = new PooledSession(browser, executablePath, userDataDir);
  // Open the first page now: a new page costs about 100 ms, paid while the caller renders.
  await session.warm();
  return session;
}

/** The DLB4002 diagnostic for a browser that was found but would not start. */
export function browserLaunchFailed(executablePath: string, error: unknown): Diagnostic {
  const cause = error instanceof BrowserLaunchError ? error.cause : error;
  const text = describe(cause);
  const output = browserOutput(text);
  return diagnostic({
    code: "DLB4002",
    message: "the browser could not be started to print the PDF",
    hints: [
      `${executablePath}: ${firstLine(text)}`,
      ...(output.length > 0 ? [`the browser said: ${output.join(" / ")}`] : []),
      `check that it is a working Chrome or Chromium (run ${executablePath} --version), or point --chromium or DELIB_CHROMIUM at another one`,
      "the HTML was still written; only the PDF is missing",
    ],
  });
}

class PooledSession implements BrowserSession {
  readonly #browser: Browser;
  readonly #idle: Page[] = [];
  #closed: Promise<void> | undefined;

  constructor(
    browser: Browser,
    readonly executablePath: string,
    readonly userDataDir: string,
  ) {
    this.#browser = browser;
  }

  /** Opens a page ahead of need and keeps it idle for the first `withPage`. */
  async warm(): Promise<void> {
    if (this.#idle.length === 0) this.#idle.push(await this.#browser.newPage());
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
      const child = this.#browser.process();
      const exited = child && child.exitCode === null && child.signalCode === null ? new Promise((done) => child.once("exit", done)) : undefined;
      await this.#browser.disconnect().catch(() => undefined);
      if (child && exited) {
        child.kill("SIGKILL");
        await exited;
      } else if (!child) {
        await this.#browser.close().catch(() => undefined);
      }
      await removeDir(this.userDataDir);
    })();
    return this.#closed;
  }
}

async function removeDir(dir: string): Promise<void> {
  // Chromium may still be flushing the profile for a moment after exit.
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0]!.trim().replace(/\s+/g, " ");
}

/** The browser's own stderr lines from a puppeteer launch error, without puppeteer's boilerplate. */
function browserOutput(text: string): string[] {
  const start = text.indexOf("\nstderr:");
  if (start < 0) return [];
  return text
    .slice(start + "\nstderr:".length)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("TROUBLESHOOTING"))
    .slice(0, 3);
}
