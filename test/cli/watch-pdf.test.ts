// `delib build --watch` with PDFs, as a clerk runs it: the CLI's `main` in-process, real Chromium,
// a real session file edited on disk. One browser for the whole watch, and after a one-word
// change in one deliberation only the documents that print that deliberation are printed and
// written again (its extract and the procès-verbal, which holds every deliberation in full).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pdfText } from "../browser/pdf-tools.js";
import { alive, BUILD_TIMEOUT, installation } from "../support/installation.js";
import { repoRoot, spawnCliRunning, startCli, type CliRun, type StartedCli, waitFor as waitForProbe } from "../support/run-cli.js";

// Every browser the watch starts and closes, counted: startPrinter is the one way to Chromium.
const browsers = vi.hoisted(() => ({ started: 0, closed: 0 }));
vi.mock("../../src/documents.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/documents.js")>();
  return {
    ...original,
    startPrinter: async (...args: Parameters<typeof original.startPrinter>) => {
      browsers.started++;
      const started = await original.startPrinter(...args);
      if (!("close" in started)) return started;
      return {
        executablePath: started.executablePath,
        print: started.print.bind(started),
        close: () => {
          browsers.closed++;
          return started.close();
        },
      };
    },
  };
});

const example = join(repoRoot, "examples/saint-julien-de-verac/2024-03-26.yaml");
const names = ["2024-08", "2024-09", "2024-10", "2024-11", "proces-verbal-2024-03-26", "liste-des-deliberations-2024-03-26"];
const minutes = "proces-verbal-2024-03-26";
const DEADLINE = 60_000;

let dir: string;
const running: StartedCli[] = [];

/** Polls `probe` until it holds, or fails after the deadline with what the run wrote. */
function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, run: StartedCli): Promise<T> {
  return waitForProbe(what, probe, { run, deadline: DEADLINE });
}

async function stop(run: StartedCli): Promise<CliRun> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`the run did not end\n${run.stderr()}`)), DEADLINE)));
  try {
    return await Promise.race([run.stop(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The files of a folder with their bytes and modification time. */
const snapshot = (folder: string) => new Map(readdirSync(folder).map((f) => [f, { bytes: readFileSync(join(folder, f)), mtime: statSync(join(folder, f)).mtimeMs }]));
/** The files whose bytes or modification time changed between two snapshots. */
const touched = (before: ReturnType<typeof snapshot>, after: ReturnType<typeof snapshot>) =>
  [...after].filter(([f, a]) => !before.get(f)?.bytes.equals(a.bytes) || before.get(f)!.mtime !== a.mtime).map(([f]) => f).sort();
const count = (text: string, part: string) => text.split(part).length - 1;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "delib-watch-pdf-"));
  browsers.started = 0;
  browsers.closed = 0;
});

afterEach(async () => {
  for (const run of running.splice(0)) await stop(run);
  rmSync(dir, { recursive: true, force: true });
});

describe("delib build --watch, with PDFs", () => {
  it("keeps one browser for every build, and prints again only the documents a one-word change touches", { timeout: 240_000 }, async () => {
    const session = join(dir, "seance.yaml");
    const out = join(dir, "out");
    copyFileSync(example, session);
    const original = readFileSync(session, "utf8");
    const watch = startCli(["build", session, "--watch", "--out", out], { cwd: dir });
    running.push(watch);
    await waitFor("the first build", () => watch.stderr().includes("watching "), watch);
    expect(watch.stderr()).not.toContain("error");
    expect(readdirSync(out).sort()).toEqual(names.flatMap((n) => [`${n}.html`, `${n}.pdf`]).sort());
    expect(browsers.started).toBe(1);
    let builds = 1;
    /** Saves `text` and waits for the build it starts to end; returns what that build printed on stderr. */
    const save = async (text: string, what: string) => {
      const from = watch.stderr().length;
      writeFileSync(session, text);
      builds++;
      await waitFor(what, () => / written: | changed \(|nothing written/.test(watch.stderr().slice(from)) && watch.stderr().slice(from), watch);
      return watch.stderr().slice(from);
    };

    // One word of the preamble of 2024-09: its extract and the procès-verbal, not the list (titles only).
    let before = snapshot(out);
    const oneWord = original.replace("Jules-Ferry, construit en 1974", "Jules-Ferry, bâti en 1974");
    expect(oneWord).not.toBe(original);
    let report = await save(oneWord, "the build after a one-word change");
    expect(report).toMatch(new RegExp(`^change seen: building again\\ndocuments written: 2024-09 and ${minutes} \\(\\d[\\d,]* ms\\)\\n$`));
    expect(touched(before, snapshot(out))).toEqual(["2024-09.html", "2024-09.pdf", `${minutes}.html`, `${minutes}.pdf`]);
    expect(await pdfText(readFileSync(join(out, "2024-09.pdf")))).toContain("bâti en 1974");
    expect(await pdfText(readFileSync(join(out, `${minutes}.pdf`)))).toContain("bâti en 1974");

    // A word of another motion's title: its extract, the procès-verbal and the list.
    before = snapshot(out);
    const twoWords = oneWord.replace("Les Ouches", "Les Ouchettes");
    expect(twoWords).not.toBe(oneWord);
    report = await save(twoWords, "the build after a second change");
    expect(report).toMatch(/documents written: 2024-10, proces-verbal-2024-03-26 and liste-des-deliberations-2024-03-26 \(\d[\d,]* ms\)\n$/);
    expect(touched(before, snapshot(out))).toEqual(
      ["2024-10", minutes, "liste-des-deliberations-2024-03-26"].flatMap((n) => [`${n}.html`, `${n}.pdf`]).sort(),
    );

    // An error: nothing written. Its fix, back to the last good text: fixed, and nothing to print.
    before = snapshot(out);
    report = await save(twoWords.replace("  convened_on: 2024-03-19\n", "  convened_onn: 2024-03-19\n"), "the build with an error");
    expect(report).toContain("DLB2002");
    expect(report).toMatch(/nothing written: the documents of the last good build are kept \(\d[\d,]* ms\)\n$/);
    report = await save(twoWords, "the build after the fix");
    expect(report).toMatch(/^change seen: building again\nfixed: no errors left\nno document changed \(\d[\d,]* ms\)\n$/);
    expect(touched(before, snapshot(out))).toEqual([]);

    // A fix that changes a word too: fixed, and that document printed.
    report = await save(twoWords.replace("  convened_on: 2024-03-19\n", "  convened_onn: 2024-03-19\n"), "a second error");
    expect(report).toContain("DLB2002");
    report = await save(twoWords.replace("Jules-Ferry, bâti en 1974", "Jules-Ferry, édifié en 1974"), "the second fix");
    expect(report).toMatch(new RegExp(`^change seen: building again\\nfixed: no errors left\\ndocuments written: 2024-09 and ${minutes} \\(\\d[\\d,]* ms\\)\\n$`));
    expect(count(watch.stderr(), "change seen")).toBe(builds - 1);

    // One browser for all these builds, closed when the watch ends.
    expect(browsers.started).toBe(1);
    expect(browsers.closed).toBe(0);
    const ended = await stop(watch);
    expect(ended.code).toBe(0);
    expect(browsers.closed).toBe(1);
  });
});

/** The processes whose parent is `pid`, with their command names (Linux and macOS: `ps`). */
function childrenOf(pid: number): { pid: number; command: string }[] {
  return execFileSync("ps", ["-A", "-o", "pid=,ppid=,comm="], { encoding: "utf8" })
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && Number(m[2]) === pid)
    .map((m) => ({ pid: Number(m[1]), command: m[3]! }));
}

describe.skipIf(process.platform === "win32")("delib build --watch with PDFs, as a process", () => {
  it("ends on SIGINT with the code of its last build, and its browser with it", { timeout: BUILD_TIMEOUT + 120_000 }, async () => {
    await installation();
    const session = join(dir, "seance.yaml");
    copyFileSync(example, session);
    const original = readFileSync(session, "utf8");
    const watch = await spawnCliRunning(["build", session, "--watch", "--documents", "extract", "--out", join(dir, "out")], { cwd: dir });
    const pid = watch.child.pid!;
    try {
      const probe = { stdout: () => watch.output.stdout, stderr: () => watch.output.stderr } as StartedCli;
      await waitFor("the first build", () => watch.output.stderr.includes("watching "), probe);
      const browser = childrenOf(pid);
      expect(browser.length, "the browser, a child of delib").toBeGreaterThan(0);
      writeFileSync(session, original.replace("Jules-Ferry, construit en 1974", "Jules-Ferry, bâti en 1974"));
      await waitFor("the second build", () => /document written: 2024-09/.test(watch.output.stderr), probe);
      // The browser is the same one.
      expect(childrenOf(pid).map((c) => c.pid)).toEqual(browser.map((c) => c.pid));

      watch.child.kill("SIGINT");
      const ended = await Promise.race([watch.exited, new Promise((r) => setTimeout(() => r("still running"), DEADLINE))]);
      expect(ended).toEqual({ code: 0, signal: null });
      expect(watch.output.stderr).not.toContain("internal error");
      await waitFor("the browser to end", () => browser.every((c) => !alive(c.pid)), probe);
    } finally {
      if (watch.child.exitCode === null && watch.child.signalCode === null) watch.child.kill("SIGKILL");
    }
  });
});
