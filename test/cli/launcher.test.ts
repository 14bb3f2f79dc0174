// bin/delib.js loads the bundle through V8's code cache. The cache is an optimisation only: a
// missing, truncated or foreign one must change nothing but the time taken, and a tree that was
// never built must say what to run. Each case runs a copy of the installation built from the
// current source for this run (test/support/installation.ts: bin/ and dist/bundle/ copied,
// everything else linked), so that build is never touched.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT, installation } from "../support/installation.js";
import { repoRoot } from "../support/run-cli.js";

const example = join(repoRoot, "examples/nord-pas-de-calais-numerique/2021-05-18.yaml");
const made: string[] = [];
/** The installation built for this run. */
let built: string;

beforeAll(async () => {
  built = await installation();
}, BUILD_TIMEOUT);

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the built installation whose dist/bundle/ can be changed freely. */
function copyOfInstallation(): string {
  const root = mkdtempSync(join(tmpdir(), "delib-launcher-"));
  made.push(root);
  for (const entry of readdirSync(built)) {
    if (entry === "bin" || entry === "dist") continue;
    symlinkSync(join(built, entry), join(root, entry));
  }
  cpSync(join(built, "bin"), join(root, "bin"), { recursive: true });
  mkdirSync(join(root, "dist"));
  for (const entry of readdirSync(join(built, "dist"))) {
    if (entry !== "bundle") symlinkSync(join(built, "dist", entry), join(root, "dist", entry));
  }
  cpSync(join(built, "dist/bundle"), join(root, "dist/bundle"), { recursive: true });
  return root;
}

function run(root: string, args: readonly string[]) {
  const result = spawnSync(process.execPath, [join(root, "bin/delib.js"), ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", DELIB_DEBUG_CODE_CACHE: "1" },
  });
  // The launcher's own line about the cache, apart from what delib says.
  const state = /^code cache: (\w+)\n/.exec(result.stderr)?.[1];
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.replace(/^code cache: \w+\n/, ""), state };
}

const cacheOf = (root: string) => join(root, "dist/bundle/delib.cjs.cache");

describe("the launcher's code cache", () => {
  let reference: ReturnType<typeof run>;

  beforeAll(() => {
    reference = run(built, ["explain", example]);
  });

  it("is written by the build and accepted by V8", () => {
    expect(reference.code).toBe(0);
    expect(reference.state).toBe("accepted");
  });

  for (const [name, state, spoil] of [
    ["missing", "missing", (cache: string) => rmSync(cache)],
    ["made for another script", "stale", (cache: string) => writeFileSync(cache, "not a code cache, not even its digest")],
    // The digest is right, V8's data cut short: V8 refuses it.
    ["truncated", "rejected", (cache: string) => writeFileSync(cache, readFileSync(cache).subarray(0, 50_000))],
  ] as const) {
    it(`changes nothing but the time taken when ${name}`, () => {
      const root = copyOfInstallation();
      spoil(cacheOf(root));
      const again = run(root, ["explain", example]);
      expect(again.state).toBe(state);
      expect({ ...again, state: undefined }).toEqual({ ...reference, state: undefined });
      // A file with errors still gets its report (validate's is its output), located, without
      // a stack trace.
      const broken = join(root, "broken.yaml");
      writeFileSync(broken, readFileSync(example, "utf8").replace(/^(\s*)date: .*$/m, "$1date: 2021-13-45"));
      const failed = run(root, ["validate", broken]);
      expect(failed.code).toBe(1);
      expect(failed.stdout).toMatch(/broken\.yaml:18:9 - error DLB2005/);
      expect(failed.stdout + failed.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it("is not used for a changed script, even one of the same length (V8 compares only lengths)", () => {
    const root = copyOfInstallation();
    const script = join(root, "dist/bundle/delib.cjs");
    const text = readFileSync(script, "utf8");
    // An example of the help: the command line is in the script, its description in the catalogues.
    const said = "delib schema > session.schema.json";
    expect(text.split(said)).toHaveLength(2);
    writeFileSync(script, text.replace(said, said.toUpperCase()));
    const help = run(root, ["--help"]);
    expect(help.state).toBe("stale");
    expect(help.stdout).toContain(said.toUpperCase());
  });
});

describe("an installation that was never built", () => {
  it("says what to run, with the internal-error exit code", () => {
    const root = copyOfInstallation();
    rmSync(join(root, "dist/bundle"), { recursive: true });
    const result = run(root, ["--version"]);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("delib is not built");
    expect(result.stderr).toContain("run `npm ci` or `npm run build`");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
