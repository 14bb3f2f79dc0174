// A build killed while it writes (issue 13): the real binary writing 200 files over the 200 of
// an earlier build, stopped at several points by SIGINT, SIGTERM, SIGHUP (which it catches) and
// SIGKILL (which no process can). The points are found by watching the output folder, not by a
// hook in delib: the moment the write starts, some time into it, and the moment it commits.
// After a caught signal the folder holds exactly the earlier set; after SIGKILL, once the next
// delib run has written to the folder, exactly the earlier set or exactly the new one. Never a
// mix, never a temporary file.
import { watch, type FSWatcher } from "node:fs";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { constants, tmpdir } from "node:os";
import { join } from "node:path";
import jsYaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT, installation } from "../support/installation.js";
import { spawnCli, spawnCliRunning } from "../support/run-cli.js";
import { session } from "../support/session-builder.js";

const MOTIONS = 100;
const DEADLINE = 30_000;
const root = mkdtempSync(join(tmpdir(), "delib-interrupted-"));
type Files = Record<string, string>;
let before: Files;
let after: Files;

/** A sitting of MOTIONS motions whose titles say `version`: every document differs between two versions. */
function sitting(version: string): string {
  const builder = session().members(5);
  for (let i = 0; i < MOTIONS; i++) builder.vote({ for: 5, against: 0 }, { title: `Objet ${i}, version ${version} : ${"texte ".repeat(40)}` });
  const file = join(root, `${version}.yaml`);
  writeFileSync(file, jsYaml.dump(builder.build(), { schema: jsYaml.CORE_SCHEMA }));
  return file;
}

const build = (file: string, out: string) => ["build", file, "--format", "html", "--documents", "extract", "--emit", "json", "--out", out];

/** Every entry of `dir`, hidden ones and folders included, with its bytes. */
function snapshot(dir: string): Files {
  const files: Files = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    files[name] = lstatSync(path).isDirectory() ? "<folder>" : readFileSync(path, "latin1");
  }
  return files;
}

/** A fresh output folder holding the earlier build's documents. */
function earlierBuild(): string {
  const out = mkdtempSync(join(root, "out-"));
  for (const [name, text] of Object.entries(before)) writeFileSync(join(out, name), text, "latin1");
  return out;
}

/** Resolves when something appears in `dir` that `known` does not list, with its name. */
function firstNew(dir: string, known: Files): { appeared: Promise<string>; close: () => void } {
  let watcher: FSWatcher | undefined;
  const appeared = new Promise<string>((found) => {
    watcher = watch(dir, (_, name) => {
      if (name !== null && !(name in known) && existsSync(join(dir, name))) found(name);
    });
  });
  return { appeared, close: () => watcher?.close() };
}

/** Resolves when an entry that `wanted` accepts appears in `dir`, or `dir` is gone (the moment passed). */
function appearance(dir: string, wanted: (name: string) => boolean): { appeared: Promise<void>; close: () => void } {
  let watcher: FSWatcher | undefined;
  const appeared = new Promise<void>((found) => {
    try {
      watcher = watch(dir, (_, entry) => {
        if (!existsSync(dir) || (entry !== null && wanted(entry) && existsSync(join(dir, entry)))) found();
      });
      if (readdirSync(dir).some(wanted)) found();
    } catch {
      found();
    }
  });
  return { appeared, close: () => watcher?.close() };
}

function bounded<T>(what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`timed out waiting for ${what}`)), DEADLINE))),
  ]).finally(() => clearTimeout(timer));
}

type Point = "start" | "into the write" | "commit";

/** How many times a build is tried again when the whole write ended before the signal came. */
const TRIES = 5;

/**
 * Builds the new version over the earlier build, sends `signal` at `point`; gives the output
 * folder and how the process ended. The points are seen from outside, so on a busy machine the
 * signal can come after delib committed and renamed everything (the new set complete, no
 * transaction left): that build tested nothing and is tried again, up to TRIES times. Any
 * other outcome, a mix above all, is returned for the test to judge.
 */
async function interrupt(signal: NodeJS.Signals, point: Point) {
  for (let attempt = 1; ; attempt++) {
    const result = await interruptOnce(signal, point);
    const tooLate = point !== "commit" && JSON.stringify(snapshot(result.out)) === JSON.stringify(after);
    if (!tooLate) return result;
    if (attempt === TRIES) throw new Error(`${TRIES} builds in a row wrote everything before ${signal} came at « ${point} »`);
  }
}

async function interruptOnce(signal: NodeJS.Signals, point: Point) {
  const out = earlierBuild();
  const started = firstNew(out, before);
  const run = await spawnCliRunning(build(join(root, "new.yaml"), out));
  try {
    const name = await bounded("the write to start", started.appeared);
    // Into the write: the first new document is being written in the transaction's folder.
    const seen = point === "into the write" ? (entry: string) => entry.startsWith("new-") : point === "commit" ? (entry: string) => entry === "commit.json" : undefined;
    if (seen !== undefined) {
      const reached = appearance(join(out, name), seen);
      await bounded(`the write to reach « ${point} »`, reached.appeared).finally(reached.close);
    }
    run.child.kill(signal);
    const ended = await bounded("the end of the process", run.exited);
    return { out, ended, stderr: run.output.stderr };
  } finally {
    started.close();
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill("SIGKILL");
  }
}

/** Runs delib once more on `out`, writing a document of another kind (the list): it finishes what was left. */
async function nextRun(out: string): Promise<Files> {
  const run = await spawnCli(["build", join(root, "old.yaml"), "--format", "html", "--documents", "list", "--out", out]);
  expect(run.code).toBe(0);
  const files = snapshot(out);
  const list = Object.keys(files).filter((name) => name.startsWith("liste-des-deliberations-"));
  expect(list).toHaveLength(1);
  delete files[list[0]!];
  return files;
}

beforeAll(async () => {
  await installation();
  sitting("old");
  sitting("new");
  const reference = join(root, "reference");
  for (const [version, out] of [["old", join(reference, "old")], ["new", join(reference, "new")]] as const) {
    mkdirSync(out, { recursive: true });
    const run = await spawnCli(build(join(root, `${version}.yaml`), out));
    expect(run.code).toBe(0);
  }
  before = snapshot(join(reference, "old"));
  after = snapshot(join(reference, "new"));
  expect(Object.keys(before)).toHaveLength(2 * MOTIONS);
  expect(Object.keys(after)).toEqual(Object.keys(before));
  for (const name of Object.keys(before)) expect(after[name], name).not.toBe(before[name]);
}, BUILD_TIMEOUT);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a build stopped by a signal while it writes", () => {
  it.each([
    ["SIGINT", "start"],
    ["SIGTERM", "into the write"],
    ["SIGHUP", "start"],
    ["SIGINT", "into the write"],
  ] as const)("%s at %s: ends as the signal ends it, the earlier documents exactly as they were, nothing else", async (signal, point) => {
    const { out, ended, stderr } = await interrupt(signal, point);
    expect(ended.signal === signal || ended.code === 128 + constants.signals[signal], `ended with ${JSON.stringify(ended)}\n${stderr}`).toBe(true);
    expect(stderr).not.toMatch(/internal error|at .*\.cjs/);
    expect(snapshot(out)).toEqual(before);
  });
});

describe("a build killed outright (SIGKILL) while it writes", () => {
  it.each(["start", "into the write"] as const)("at %s: after the next run, exactly the earlier documents", async (point) => {
    const { out } = await interrupt("SIGKILL", point);
    expect(await nextRun(out)).toEqual(before);
  });

  it("at its commit: after the next run, exactly the new documents", async () => {
    const { out } = await interrupt("SIGKILL", "commit");
    expect(await nextRun(out)).toEqual(after);
  });

  it("at several moments: after the next run, exactly one set or the other", async () => {
    // The moments spread over the time a whole build takes here, so some fall in the write.
    const started = Date.now();
    expect((await spawnCli(build(join(root, "new.yaml"), earlierBuild()))).code).toBe(0);
    const whole = Date.now() - started;
    const seen = new Set<string>();
    for (const fraction of [0.55, 0.7, 0.8, 0.9, 1.0]) {
      const out = earlierBuild();
      const run = await spawnCliRunning(build(join(root, "new.yaml"), out));
      await new Promise((r) => setTimeout(r, fraction * whole));
      run.child.kill("SIGKILL");
      await bounded("the end of the process", run.exited);
      const files = await nextRun(out);
      const which = JSON.stringify(files) === JSON.stringify(before) ? "earlier" : JSON.stringify(files) === JSON.stringify(after) ? "new" : "a mix";
      seen.add(which);
      expect(which, `killed after ${Math.round(fraction * whole)} ms of ${whole}`).not.toBe("a mix");
    }
  });
});
