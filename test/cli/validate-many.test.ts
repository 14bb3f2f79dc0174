// `delib validate` over a register: globs, many files spread over threads, the same report
// whether checked in threads or in the main thread. In-process runs check in the main thread
// (see run-cli.ts); the threads are those of the built binary, which loads its worker from
// dist/bundle/check-worker.js.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT } from "../support/installation.js";
import { repoRoot, runCli, spawnCli } from "../support/run-cli.js";

const fixtures = join(repoRoot, "test/fixtures/invalid");

describe("delib validate over many files", () => {
  let dir: string;
  beforeAll(() => {
    // 240 files: every example and every invalid fixture, repeated in numbered folders.
    dir = mkdtempSync(join(tmpdir(), "delib-many-"));
    const sources = [
      ...readdirSync(fixtures).map((f) => join(fixtures, f)),
      ...readdirSync(join(repoRoot, "examples"), { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".yaml"))
        .map((f) => join(repoRoot, "examples", f)),
    ];
    let n = 0;
    while (n < 240) {
      for (const source of sources) {
        if (n >= 240) break;
        const folder = join(dir, "seances", String(Math.floor(n / 50)));
        mkdirSync(folder, { recursive: true });
        copyFileSync(source, join(folder, `${String(n).padStart(3, "0")}-${source.split("/").pop()}`));
        n++;
      }
    }
  });

  it("expands a quoted glob and reports the same diagnostics from threads as from the main thread", { timeout: BUILD_TIMEOUT }, async () => {
    // 240 files: above the threshold, the binary spreads them over threads (DELIB_THREADS unset).
    const threaded = await spawnCli(["validate", "seances/**/*.yaml", "--format", "json"], { cwd: dir, env: { DELIB_THREADS: undefined } });
    const inline = await runCli(["validate", "seances/**/*.yaml", "--format", "json"], { cwd: dir, env: { DELIB_THREADS: "1" } });
    expect(threaded.code).toBe(1);
    expect(inline.code).toBe(1);
    const report = JSON.parse(threaded.stdout) as { file: string; code: string }[];
    expect(new Set(report.map((d) => d.file)).size).toBeGreaterThan(100);
    expect(threaded.stdout).toBe(inline.stdout);
  });

  it("prints one line per problem with --format short, and a summary with the human format", async () => {
    const short = await runCli(["validate", "seances/**/*.yaml", "--format", "short"], { cwd: dir });
    const lines = short.stdout.trim().split("\n");
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) expect(line).toMatch(/^seances\/\d\/\d{3}-[\w.-]+\.yaml:\d+:\d+: (error|warning) DLB\d{4}: /);
    const human = await runCli(["validate", "seances/**/*.yaml"], { cwd: dir });
    expect(human.stdout).toMatch(/\nFound \d+ errors and \d+ warnings in 240 files\.\n$/);
  });

  it("exits 0 on a clean register, and 1 when a glob matches nothing", async () => {
    const clean = mkdtempSync(join(tmpdir(), "delib-clean-"));
    // Three sittings, each deliberation numbered once: a number used twice is an error even
    // outside a register (DLB3008).
    const example = readFileSync(join(repoRoot, "examples/nord-pas-de-calais-numerique/2021-05-18.yaml"), "utf8");
    expect(example.split('number: "2021-06"')).toHaveLength(2);
    for (let i = 0; i < 3; i++) writeFileSync(join(clean, `s${i}.yaml`), example.replace('number: "2021-06"', `number: "2021-0${6 + i}"`));
    expect(await runCli(["validate", "*.yaml"], { cwd: clean })).toMatchObject({ code: 0, stdout: "No problems found in 3 files.\n" });
    const none = await runCli(["validate", "seances/*.yml"], { cwd: clean });
    expect(none.code).toBe(1);
    expect(none.stdout).toContain("error DLB1013: no file matches `seances/*.yml`");
  });
});
