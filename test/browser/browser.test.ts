import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BrowserLaunchError,
  browserLaunchFailed,
  openBrowser,
  type BrowserSession,
  type Page,
} from "../../src/browser/browser.js";
import { chromiumArgs } from "../../src/browser/launch-chromium.js";
import { en, french } from "../support/english.js";
import { BUILD_TIMEOUT, installation } from "../support/installation.js";
import { BROWSER_TIMEOUT, chromiumForTests } from "./pdf-tools.js";

describe("openBrowser", { timeout: BROWSER_TIMEOUT }, () => {
  let browser: BrowserSession;

  beforeAll(async () => {
    browser = await openBrowser(chromiumForTests());
  }, BROWSER_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  }, BROWSER_TIMEOUT);

  it("runs in a fresh temporary profile, in a folder of delib's", async () => {
    expect(path.dirname(path.dirname(browser.userDataDir))).toBe(path.resolve(os.tmpdir()));
    expect(path.basename(path.dirname(browser.userDataDir))).toMatch(/^delib-/);
    expect(existsSync(browser.userDataDir)).toBe(true);
  });

  it("lends the same page again once it is given back", async () => {
    const first = await browser.withPage(async (page) => page);
    const second = await browser.withPage(async (page) => page);
    expect(second).toBe(first);
    expect(first.isClosed()).toBe(false);
  });

  it("lends different pages to work running at the same time", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstPage: Page | undefined;
    const first = browser.withPage(async (page) => {
      firstPage = page;
      await held;
    });
    const secondPage = await browser.withPage(async (page) => page);
    release();
    await first;
    expect(firstPage).toBeDefined();
    expect(secondPage).not.toBe(firstPage);
  });

  it("has no omnibox popup burning processor time beside the printing", async () => {
    const urls = await browser.withPage(async (page) => {
      const cdp = await page.browser().target().createCDPSession();
      try {
        const { targetInfos } = await cdp.send("Target.getTargets");
        return targetInfos.map((t) => t.url);
      } finally {
        await cdp.detach();
      }
    });
    expect(urls).toContain("about:blank");
    expect(urls.filter((url) => url.startsWith("chrome://omnibox-popup"))).toEqual([]);
  });

  it("closes a page whose work failed instead of lending it again", async () => {
    let failed: Page | undefined;
    await expect(
      browser.withPage(async (page) => {
        failed = page;
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(failed?.isClosed()).toBe(true);
    const next = await browser.withPage(async (page) => page);
    expect(next).not.toBe(failed);
  });
});

describe("closing", { timeout: BROWSER_TIMEOUT }, () => {
  it("leaves nothing in the temporary folder, Chromium's own files included", async () => {
    // A private TMPDIR: killed, Chromium would leave its single-instance socket folder there.
    const privateTmp = await mkdtemp(path.join(os.tmpdir(), "delib-tmpdir-"));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = privateTmp;
    try {
      const browser = await openBrowser(chromiumForTests());
      expect(path.dirname(path.dirname(browser.userDataDir))).toBe(privateTmp);
      await browser.withPage(async (page) => page.setContent("<p>x</p>"));
      // Chromium's own temporary files go to delib's folder for it, removed with the profile even
      // when the browser was killed: its single-instance socket is there.
      const socket = await readlink(path.join(browser.userDataDir, "SingletonSocket"));
      expect(path.dirname(path.dirname(socket))).toBe(path.dirname(browser.userDataDir));
      await browser.close();
      expect(await readdir(privateTmp)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      await rm(privateTmp, { recursive: true, force: true });
    }
  });

  it("removes the profile, can be called twice, and refuses further work", async () => {
    const browser = await openBrowser(chromiumForTests());
    await browser.withPage(async (page) => page.setContent("<p>x</p>"));
    await browser.close();
    await browser.close();
    expect(existsSync(browser.userDataDir)).toBe(false);
    await expect(browser.withPage(async () => 1)).rejects.toThrow("closed");
  });
});

describe("a browser that will not start", { timeout: BROWSER_TIMEOUT }, () => {
  let dir: string;
  let fake: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "delib-fake-browser-"));
    fake = path.join(dir, "chromium");
    await writeFile(fake, "#!/bin/sh\necho 'Missing X server or $DISPLAY' >&2\nexit 1\n");
    await chmod(fake, 0o755);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("throws a BrowserLaunchError that becomes DLB4002 with the browser's own words", async () => {
    // A private TMPDIR, so browsers launched by other test files cannot blur the leak check.
    const privateTmp = path.join(dir, "tmp");
    await mkdir(privateTmp);
    const savedTmpdir = process.env.TMPDIR;
    process.env.TMPDIR = privateTmp;
    let error: unknown;
    try {
      error = await openBrowser(fake).then(
        () => undefined,
        (e: unknown) => e,
      );
    } finally {
      if (savedTmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmpdir;
    }
    expect(error).toBeInstanceOf(BrowserLaunchError);
    expect((error as BrowserLaunchError).executablePath).toBe(fake);

    const d = browserLaunchFailed(fake, error);
    expect(d.code).toBe("DLB4002");
    expect(d.severity).toBe("error");
    expect(d.span).toBeUndefined();
    expect(en(d.message)).toBe("the browser could not be started to print the PDF");
    const hints = d.hints.map(en);
    expect(hints[0]).toMatch(new RegExp(`^${escape(fake)}: failed to launch the browser process: it ended \\(code 1\\)$`));
    expect(hints).toContain("the browser said: Missing X server or $DISPLAY");
    expect(hints.join("\n")).not.toContain("TROUBLESHOOTING");
    expect(hints.at(-1)).toBe("the HTML was still written; only the PDF is missing");
    // src/cli/register-command.ts leaves this hint out by its id.
    expect(d.hints.at(-1)).toEqual({ id: "browser.html_written" });
    expect(french.text(d.message)).toBe("le navigateur n’a pas pu être lancé pour imprimer le PDF");
    expect(french.text(d.hints[0]!)).toBe(`${fake} : le processus du navigateur n’a pas pu être lancé : il s’est arrêté (code 1)`);
    expect(french.text(d.hints[1]!)).toBe("le navigateur a écrit : Missing X server or $DISPLAY");

    // The temporary profile made for the failed launch is gone again.
    expect(await readdir(privateTmp)).toEqual([]);
  });

  it("reports a path that does not exist", async () => {
    const missing = path.join(dir, "no-such-chrome");
    const error = await openBrowser(missing).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BrowserLaunchError);
    const d = browserLaunchFailed(missing, error);
    expect(d.code).toBe("DLB4002");
    expect(en(d.hints[0]!)).toBe(`${missing}: failed to launch the browser process: spawn ${missing} ENOENT`);
  });

  it("accepts any thrown value, quoted as it is", () => {
    const d = browserLaunchFailed("/usr/bin/chromium", "spawn EACCES");
    expect(en(d.hints[0]!)).toBe("/usr/bin/chromium: spawn EACCES");
    expect(french.text(d.hints[0]!)).toBe("/usr/bin/chromium : spawn EACCES");
  });

  it("says how to check the browser on each platform", () => {
    expect(en(browserLaunchFailed("/usr/bin/chromium", "x", "linux").hints[1]!)).toBe(
      "check that it is a working Chrome or Chromium (run /usr/bin/chromium --version), or point --chromium or DELIB_CHROMIUM at another one",
    );
    const edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
    expect(en(browserLaunchFailed(edge, "x", "win32").hints[1]!)).toBe(
      `check that ${edge} is a working Edge, Chrome or Chromium (open it once), or point --chromium or DELIB_CHROMIUM at another one`,
    );
  });
});

describe("the browser's switches", () => {
  it("hold everything puppeteer-core itself would pass, with a single --disable-features", async () => {
    const { default: puppeteer } = await import("puppeteer-core");
    const ours = chromiumArgs("/tmp/profile");
    const theirs = puppeteer.defaultArgs({ headless: true, userDataDir: "/tmp/profile", args: [] });
    const features = (args: readonly string[]) => args.filter((a) => a.startsWith("--disable-features="));
    expect(features(ours)).toHaveLength(1);
    const disabled = new Set(features(ours)[0]!.slice("--disable-features=".length).split(","));
    for (const arg of theirs) {
      if (arg.startsWith("--disable-features=")) {
        for (const feature of arg.slice("--disable-features=".length).split(",")) expect(disabled, feature).toContain(feature);
      } else {
        expect(ours).toContain(arg);
      }
    }
    expect(ours).toContain("--export-tagged-pdf");
    expect(ours).toContain("--generate-pdf-document-outline");
  });
});

describe("a signal during printing", { timeout: BROWSER_TIMEOUT }, () => {
  // A real process is needed to receive a real signal; Node runs JavaScript, so it loads the
  // modules compiled from the current source for this run (test/support/installation.ts).
  let browserModule: string;
  beforeAll(async () => {
    browserModule = path.join(await installation(), "dist/browser/browser.js");
  }, BUILD_TIMEOUT);

  for (const [signal, code] of [
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const) {
    it(`${signal} ends the browser, removes its profile and exits with ${code}`, async () => {
      // A child Node process opens the browser, says where it is, then waits to be killed.
      const script = `
        import { openBrowser } from ${JSON.stringify(browserModule)};
        const browser = await openBrowser(${JSON.stringify(chromiumForTests())});
        await browser.withPage(async () => {
          process.stdout.write(JSON.stringify({ profile: browser.userDataDir }) + "\\n");
          await new Promise(() => {});
        });`;
      const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
      const line = await new Promise<string>((resolve) => child.stdout.once("data", (data: Buffer) => resolve(data.toString())));
      const { profile } = JSON.parse(line) as { profile: string };
      expect(existsSync(profile)).toBe(true);
      const chromiumPids = await processesUsing(profile);
      expect(chromiumPids.length).toBeGreaterThan(0);
      const exit = new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
      child.kill(signal);
      expect(await exit).toBe(code);
      expect(existsSync(profile)).toBe(false);
      // Killed processes take a moment to die, and may wait to be reaped (state Z, a corpse).
      const deadline = Date.now() + 5000;
      while ((await running(chromiumPids)).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await running(chromiumPids)).toEqual([]);
    });
  }
});

describe("loading puppeteer", () => {
  it("happens only inside openBrowser, so HTML-only runs never load it", async () => {
    const dir = path.resolve(import.meta.dirname, "../../src");
    const offenders: string[] = [];
    for (const entry of await readdir(dir, { recursive: true })) {
      if (!entry.endsWith(".ts")) continue;
      const source = await readFile(path.join(dir, entry), "utf8");
      // Type-only imports are erased; any other static import would load puppeteer at start-up.
      const staticImports = source.match(/^\s*(import|export)\s+(?!type\b)[^;]*from\s+["']puppeteer(-core)?["']/gm);
      if (staticImports) offenders.push(`${entry}: ${staticImports.join(" | ")}`);
      if (/import\(\s*["']puppeteer(-core)?["']\s*\)/.test(source) && entry !== path.join("browser", "browser.ts")) {
        offenders.push(`${entry}: dynamic import outside src/browser/browser.ts`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

/** The processes whose command line names `profile` (Chromium and its helpers). */
async function processesUsing(profile: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    if (cmdline.includes(profile)) pids.push(Number(entry));
  }
  return pids;
}

/** Those of `pids` still running: neither gone nor a zombie waiting to be reaped. */
async function running(pids: readonly number[]): Promise<number[]> {
  const alive: number[] = [];
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => undefined);
    if (stat !== undefined && stat.split(") ")[1]?.[0] !== "Z") alive.push(pid);
  }
  return alive;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
