// The real binary, in a process of its own: what only a process shows. Its exit status and its
// two streams kept apart, and the signals that stop `build --watch` and `preview`. Everything
// else about the commands is tested in-process (test/support/run-cli.ts); this runs bin/delib.js
// over the bundle built from the current source (test/support/installation.ts).
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT, installation } from "../support/installation.js";
import { repoRoot, spawnCli, spawnCliRunning } from "../support/run-cli.js";

const example = join(repoRoot, "examples/saint-julien-de-verac/2024-03-26.yaml");
const DEADLINE = 20_000;

type Running = Awaited<ReturnType<typeof spawnCliRunning>>;
const children: Running[] = [];
const made: string[] = [];

beforeAll(async () => {
  await installation();
}, BUILD_TIMEOUT);

afterEach(async () => {
  for (const run of children.splice(0)) {
    if (run.child.exitCode === null && run.child.signalCode === null) {
      run.child.kill("SIGKILL");
      await run.exited;
    }
  }
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "delib-process-"));
  made.push(dir);
  return dir;
}

/** Polls until `probe` holds, or fails after the deadline with what the process said. */
async function waitFor(what: string, probe: () => boolean, run: Running): Promise<void> {
  const deadline = Date.now() + DEADLINE;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n--- stdout:\n${run.output.stdout}\n--- stderr:\n${run.output.stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Sends `signal` and waits (bounded) for the process to end. */
async function kill(run: Running, signal: NodeJS.Signals) {
  run.child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`the process did not end within ${DEADLINE / 1000} s of ${signal}\n${run.output.stderr}`)), DEADLINE);
  });
  try {
    return await Promise.race([run.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe("the delib process", () => {
  it("exits with the code of its table, a report on stdout, problems on stderr, each stream alone", async () => {
    const dir = scratch();
    const broken = join(dir, "seance.yaml");
    writeFileSync(broken, readFileSync(example, "utf8").replace("  convened_on: 2024-03-19\n", "  convened_onn: 2024-03-19\n"));

    const { version } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
    expect(await spawnCli(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });

    // validate's report is its output: stdout, exit 1.
    const validate = await spawnCli(["validate", broken]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/seance\.yaml:\d+:\d+ - error DLB2002: unknown field `convened_onn`/);
    expect(validate.stderr).toBe("");

    // build's output is the list of files written: the problems go to stderr, exit 1.
    const build = await spawnCli(["build", broken, "--format", "html", "--out", join(dir, "out")]);
    expect(build).toMatchObject({ code: 1, stdout: "" });
    expect(build.stderr).toContain("error DLB2002");
    expect(existsSync(join(dir, "out"))).toBe(false);

    const usage = await spawnCli(["build", example, "--format", "docx"]);
    expect(usage).toMatchObject({ code: 2, stdout: "" });
    expect(usage.stderr).toMatch(/error/);

    const good = await spawnCli(["build", example, "--format", "html", "--documents", "list", "--out", join(dir, "good")]);
    expect(good).toEqual({ code: 0, stdout: `wrote ${join(dir, "good")}/liste-des-deliberations-2024-03-26.html\n`, stderr: "" });
  });

  it("ends `build --watch` on SIGINT with the exit code of the last build", async () => {
    const dir = scratch();
    const session = join(dir, "seance.yaml");
    const original = readFileSync(example, "utf8");
    writeFileSync(session, original);
    const watch = await spawnCliRunning(["build", session, "--watch", "--format", "html", "--documents", "list", "--out", join(dir, "out")], { cwd: dir });
    children.push(watch);
    await waitFor("the first build", () => watch.output.stderr.includes("watching "), watch);
    expect(watch.output.stdout).toContain("wrote ");

    // The last build failed: exit 1.
    writeFileSync(session, original.replace("  convened_on: 2024-03-19\n", "  convened_onn: 2024-03-19\n"));
    await waitFor("the diagnostic", () => watch.output.stderr.includes("DLB2002"), watch);
    expect(await kill(watch, "SIGINT")).toEqual({ code: 1, signal: null });
    expect(watch.output.stderr).not.toContain("internal error");
  });

  it("ends `preview` on SIGTERM, its server closed", async () => {
    const dir = scratch();
    const session = join(dir, "seance.yaml");
    copyFileSync(example, session);
    const preview = await spawnCliRunning(["preview", session, "--port", "0"], { cwd: dir });
    children.push(preview);
    let base = "";
    await waitFor("the preview address", () => ((base = /^preview: (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(preview.output.stdout)?.[1] ?? ""), base !== ""), preview);
    const page = await fetch(base);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("2024-08");
    expect(await kill(preview, "SIGTERM")).toEqual({ code: 0, signal: null });
    await expect(fetch(base)).rejects.toThrow();
  });
});
