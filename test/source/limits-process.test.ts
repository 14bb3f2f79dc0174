// The acceptance bounds of issue 13, part 2, on the real binary: a 100 MB file, a million
// motions and 10,000 levels of nesting are each refused with a located diagnostic in under a
// second and under 200 MB of memory. Each runs `delib validate` as a process, with a preloaded
// script that writes the process's peak memory and processor time (resourceUsage()) as it
// exits. The bounds are the issue's, on the processor time the run takes (its work, which a
// machine busy with other tests does not inflate much); its wall time, which such a machine
// does, is held to three times the bound. On a quiet machine a run takes 0.2 to 0.5 s and
// 70 to 100 MB (a Node process alone: ~45 MB, 50 ms).
// The same over-deep file gets the same answer alone (main thread) and among 300 files (threads).
import { spawnSync } from "node:child_process";
import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MEGABYTE } from "../../src/source/limits.js";
import { delibBin, spawnCli } from "../support/run-cli.js";

const example = readFileSync(new URL("../../examples/nord-pas-de-calais-numerique/2021-05-18.yaml", import.meta.url), "utf8");

/** Runs `delib validate file` as a process: its output, wall and processor time (ms), peak memory (MB). */
async function measured(dir: string, file: string): Promise<{ code: number | null; stdout: string; ms: number; cpu: number; mb: number }> {
  const report = join(dir, "usage.json");
  const preload = join(dir, "usage.cjs");
  writeFileSync(preload, `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(report)}, JSON.stringify(process.resourceUsage())));\n`);
  const bin = await delibBin();
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["--require", preload, bin, "validate", file, "--format", "short"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const usage = JSON.parse(readFileSync(report, "utf8")) as NodeJS.ResourceUsage;
  return { code: run.status, stdout: run.stdout + run.stderr, ms, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1000, mb: usage.maxRSS / 1024 };
}

/** The bounds: a second of work, 200 MB; three seconds of wall time on a busy machine. */
function within(run: { ms: number; cpu: number; mb: number }): void {
  expect(run.cpu).toBeLessThan(1000);
  expect(run.ms).toBeLessThan(3000);
  expect(run.mb).toBeLessThan(200);
}

describe("hostile sizes, as a process", () => {
  const dir = mkdtempSync(join(tmpdir(), "delib-limits-process-"));

  it("refuses a 100 MB file at 1:1, without reading it", async () => {
    const fd = openSync(join(dir, "big.yaml"), "w");
    ftruncateSync(fd, 100 * MEGABYTE);
    closeSync(fd);
    const run = await measured(dir, "big.yaml");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("big.yaml:1:1: error DLB1020");
    within(run);
  });

  it("refuses a million motions at the 2,001st", async () => {
    writeFileSync(join(dir, "million.yaml"), `format: 1\nmotions:\n${"  - {}\n".repeat(1_000_000)}`);
    const run = await measured(dir, "million.yaml");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("million.yaml:2003:5: error DLB1022");
    within(run);
  });

  it("refuses 10,000 levels of nesting at the 33rd", async () => {
    writeFileSync(join(dir, "deep.yaml"), `format: 1\nnotes: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`);
    const run = await measured(dir, "deep.yaml");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("deep.yaml:2:39: error DLB1021");
    within(run);
  });

  it("gives an over-deep file the same answer alone and among 300 files in the checking threads", async () => {
    const deep = `format: 1\nnotes:\n${Array.from({ length: 2500 }, (_, i) => `${" ".repeat(i + 2)}k${i}:`).join("\n")} x\n`;
    writeFileSync(join(dir, "deep-0.yaml"), deep);
    for (let i = 1; i < 300; i++) writeFileSync(join(dir, `s-${String(i).padStart(3, "0")}.yaml`), example);
    const alone = await spawnCli(["validate", "deep-0.yaml", "--format", "short"], { cwd: dir });
    const among = await spawnCli(["validate", "deep-0.yaml", "s-*.yaml", "--format", "short"], { cwd: dir, env: { DELIB_THREADS: undefined } });
    const lines = (out: string) => out.split("\n").filter((l) => l.startsWith("deep-0.yaml"));
    expect(lines(alone.stdout + alone.stderr).map((l) => l.split(" — ")[0])).toEqual(["deep-0.yaml:34:34: error DLB1021: lists and blocks are nested more than 32 levels deep here"]);
    expect(lines(among.stdout + among.stderr)).toEqual(lines(alone.stdout + alone.stderr));
  });
});
