// Browsers that fail, fail cleanly (issue 13, part 5): a browser that exits at once, hangs at
// start, talks garbage on its DevTools pipe, dies, talks garbage or hangs after the first
// document is printed, or cannot use its temporary folder. Each run is the real binary
// (exit code, stderr and process tree are a process's), with the fakes of
// test/browser/fake-browsers.ts given to --chromium, and ends in exit 3 with a diagnostic
// saying what happened, within a bounded time, without a stack trace, with the HTML written and
// no process of the browser left.
import { randomUUID } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { exitsAtOnce, hangsAtStart, leftAfter, spoiltAfterFirstPrint, talksGarbage, withTmpdir } from "../browser/fake-browsers.js";
import { BUILD_TIMEOUT, installation } from "../support/installation.js";
import { repoRoot, runCli, spawnCli, startCli, waitFor, type CliRun } from "../support/run-cli.js";

const session = join(repoRoot, "examples/saint-julien-de-verac/2024-03-26.yaml");
/** The documents of that sitting: its extracts, the procès-verbal and the list. */
let htmlCount: number;

/** A line of a JavaScript stack trace. */
const STACK = /^\s+at .+[(:]\d+/m;

let root: string;
beforeAll(async () => {
  await installation();
  root = mkdtempSync(join(tmpdir(), "delib-broken-browser-"));
  const run = await runCli(["build", session, "--format", "html", "--out", join(root, "html-only")]);
  expect(run.code).toBe(0);
  htmlCount = readdirSync(join(root, "html-only")).filter((f) => f.endsWith(".html")).length;
  expect(htmlCount).toBeGreaterThan(2);
}, BUILD_TIMEOUT);

interface Outcome extends CliRun {
  /** How long delib ran, in seconds. */
  readonly seconds: number;
  /** The files written to out/. */
  readonly written: string[];
  /** What is left in the private TMPDIR the run was given. */
  readonly tmpLeft: string[];
  /** Processes of the run still alive after it ended. */
  readonly processesLeft: { pid: number; command: string }[];
}

/** Runs `delib <command> <session> --chromium <browser> ...args` in a scratch folder of its own. */
async function runWith(browser: (dir: string) => string, args: readonly string[] = [], env: Record<string, string> = {}, command = ["build"]): Promise<Outcome> {
  const dir = mkdtempSync(join(root, "run-"));
  // Short: Chromium's single-instance socket lives in it, and a Unix socket's path is at most 107 bytes.
  const tmp = mkdtempSync(join(tmpdir(), "t-"));
  const input = join(dir, "seance.yaml");
  copyFileSync(session, input);
  // Every process of this run inherits the marker: the browser, its renderers, the fakes' children.
  const marker = `DELIB_BROKEN_BROWSER_RUN=${randomUUID()}`;
  const [name, value] = marker.split("=") as [string, string];
  const started = performance.now();
  const run = await spawnCli([...command, input, "--chromium", browser(dir), "--out", join(dir, "out"), ...args], {
    cwd: dir,
    env: { TMPDIR: tmp, [name]: value, ...env },
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    ...run,
    seconds,
    written: existsSync(join(dir, "out")) ? readdirSync(join(dir, "out")).sort() : [],
    tmpLeft: readdirSync(tmp),
    processesLeft: await leftAfter(marker),
  };
}

/** What every clean failure shares: exit 3, the code, no stack trace, the HTML written, nothing left running or in TMPDIR. */
function expectCleanFailure(run: Outcome, code: string, seconds: number): void {
  const shown = `exit ${run.code} after ${run.seconds.toFixed(1)} s\n--- stderr:\n${run.stderr}`;
  expect(run.stderr, shown).toContain(`error ${code}:`);
  expect(run.stderr, shown).not.toMatch(STACK);
  expect(run.stderr, shown).not.toContain("please report");
  expect(run.code, shown).toBe(3);
  expect(run.seconds, shown).toBeLessThan(seconds);
  expect(run.written.filter((f) => f.endsWith(".html")), shown).toHaveLength(htmlCount);
  expect(run.stderr, shown).toContain("the HTML was still written; only the PDF is missing");
  expect(run.processesLeft, shown).toEqual([]);
  expect(run.tmpLeft, shown).toEqual([]);
}

describe("a browser that fails at start", { timeout: 60_000 }, () => {
  it("exits at once: DLB4002 with its own words", async () => {
    const run = await runWith(exitsAtOnce);
    expectCleanFailure(run, "DLB4002", 10);
    expect(run.stderr).toContain("Missing X server or $DISPLAY");
  });

  it("hangs: given up after 10 s by default (DLB4004), its children killed", async () => {
    const run = await runWith(hangsAtStart);
    expectCleanFailure(run, "DLB4004", 14);
    expect(run.seconds).toBeGreaterThan(9);
    expect(run.stderr).toContain("did not answer within 10 s");
    expect(run.stderr).toContain("--browser-timeout");
  });

  it("hangs: given up after --browser-timeout seconds", async () => {
    const run = await runWith(hangsAtStart, ["--browser-timeout", "2"]);
    expectCleanFailure(run, "DLB4004", 6);
    expect(run.stderr).toContain("did not answer within 2 s");
  });

  it("hangs: given up after DELIB_BROWSER_TIMEOUT seconds", async () => {
    const run = await runWith(hangsAtStart, [], { DELIB_BROWSER_TIMEOUT: "1.5" });
    expectCleanFailure(run, "DLB4004", 5);
    expect(run.stderr).toContain("did not answer within 1.5 s");
  });

  it("talks garbage on its DevTools pipe: DLB4005, not a SyntaxError", async () => {
    const run = await runWith(talksGarbage);
    expectCleanFailure(run, "DLB4005", 10);
    expect(run.stderr).toContain("this is not JSON");
    expect(run.stderr).not.toContain("SyntaxError");
  });

  it("talks JSON that is no DevTools message: DLB4005", async () => {
    const run = await runWith((dir) => talksGarbage(dir, "null"));
    expectCleanFailure(run, "DLB4005", 10);
  });

  it("cannot make its profile in a TMPDIR that is a file: DLB4008 naming the folder", async () => {
    const notAFolder = join(root, "tmpdir-is-a-file");
    writeFileSync(notAFolder, "");
    const run = await runWith(exitsAtOnce, [], { TMPDIR: notAFolder });
    const shown = run.stderr;
    expect(run.code, shown).toBe(3);
    expect(shown).toContain("error DLB4008:");
    expect(shown).toContain(notAFolder);
    expect(shown).toContain("TMPDIR");
    expect(shown).not.toMatch(STACK);
    expect(run.written.filter((f) => f.endsWith(".html"))).toHaveLength(htmlCount);
    expect(run.processesLeft).toEqual([]);
  });
});

describe("a browser that fails after the first document is printed", { timeout: 90_000 }, () => {
  it("dies (a crash, the out-of-memory killer): DLB4006", async () => {
    const run = await runWith((dir) => spoiltAfterFirstPrint(dir, "kill"));
    expectCleanFailure(run, "DLB4006", 30);
    expect(run.written.filter((f) => f.endsWith(".pdf"))).toEqual([]);
  });

  it("talks garbage: DLB4005", async () => {
    const run = await runWith((dir) => spoiltAfterFirstPrint(dir, "garbage"));
    expectCleanFailure(run, "DLB4005", 30);
    expect(run.stderr).not.toContain("SyntaxError");
  });

  it("hangs: the document is given up after DELIB_PRINT_TIMEOUT seconds (DLB4007)", async () => {
    const run = await runWith((dir) => spoiltAfterFirstPrint(dir, "hang"), [], { DELIB_PRINT_TIMEOUT: "3" });
    expectCleanFailure(run, "DLB4007", 30);
    expect(run.stderr).toContain("3 s");
  });

  it("cannot use its temporary folder (full, read-only): DLB4006, saying to check TMPDIR", async () => {
    const notAFolder = join(root, "chromium-tmpdir-is-a-file");
    writeFileSync(notAFolder, "");
    const run = await runWith((dir) => withTmpdir(dir, notAFolder));
    expect(run.stderr).toMatch(/error DLB400[2456]:/);
    expect(run.stderr).toContain("TMPDIR");
    expect(run.stderr).not.toMatch(STACK);
    expect(run.code).toBe(3);
    expect(run.processesLeft).toEqual([]);
  });

  it("dies while `register` prints: DLB4006, nothing written", async () => {
    const run = await runWith((dir) => spoiltAfterFirstPrint(dir, "kill"), ["--year", "2024"], {}, ["register"]);
    const shown = run.stderr;
    expect(shown).toContain("error DLB4006:");
    expect(shown).not.toMatch(STACK);
    expect(run.code, shown).toBe(3);
    expect(run.written).toEqual([]);
    expect(run.processesLeft).toEqual([]);
  });
});

describe("build --watch with a browser that dies", { timeout: 90_000 }, () => {
  it("reports DLB4006 and goes on watching, ending with exit 3", async () => {
    const dir = mkdtempSync(join(root, "watch-"));
    const input = join(dir, "seance.yaml");
    copyFileSync(session, input);
    const fake = spoiltAfterFirstPrint(dir, "kill");
    const cli = startCli(["build", input, "--watch", "--chromium", fake, "--out", join(dir, "out")], { cwd: dir });
    await waitFor("the first build to end", () => /watching /.test(cli.stderr()), { run: cli, deadline: 60_000 });
    const run = await cli.stop();
    expect(run.stderr).toContain("error DLB4006:");
    expect(run.stderr).not.toMatch(STACK);
    expect(run.stderr).not.toContain("internal error");
    expect(run.code).toBe(3);
    expect(readdirSync(join(dir, "out")).filter((f) => f.endsWith(".html"))).toHaveLength(htmlCount);
  });
});

describe("--browser-timeout", () => {
  it("is listed by the help of build and register", async () => {
    for (const command of ["build", "register"]) {
      const run = await runCli([command, "--help"]);
      expect(run.stdout).toContain("--browser-timeout <seconds>");
    }
  });

  for (const value of ["0", "-1", "ten", "100000"]) {
    it(`refuses ${value} as a usage error`, async () => {
      const run = await runCli(["build", session, "--browser-timeout", value, "--out", join(root, "never")]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`error: --browser-timeout ${value}: give a number of seconds, more than 0 and at most 3600\n`);
      expect(existsSync(join(root, "never"))).toBe(false);
    });
  }

  it("refuses a wrong DELIB_BROWSER_TIMEOUT as a usage error", async () => {
    const run = await runCli(["build", session, "--out", join(root, "never")], { env: { DELIB_BROWSER_TIMEOUT: "soon" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("error: DELIB_BROWSER_TIMEOUT soon: give a number of seconds, more than 0 and at most 3600\n");
  });
});
