// A register repository as a clerk makes one, from its first commit: `delib init` from the packed
// tarball, `npm install` (the register's package.json asks for that tarball), commits through the
// pre-commit hook init wrote (never bypassed), the CI workflow's own `run:` steps, then build,
// export and register. Real git, real npm, real Chromium; the hook checks what is staged, among
// the register's other staged sittings (numbering across files), and nothing else.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { chromiumForTests } from "../browser/pdf-tools.js";
import { installTarball, PACK_TIMEOUT, packedTarball, run, type Run } from "../support/packed.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const version = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string }).version;
/** A commit runs the hook: one delib process over a few files. */
const COMMIT_TIMEOUT = 120_000;
/** npm install, then Chromium printing every sitting's documents or the year's register. */
const BUILD_TIMEOUT = 600_000;
/** delib in French, as a clerk's machine has it (vitest sets DELIB_LANG=en for every test). */
const french = { DELIB_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: "fr_FR.UTF-8" };

const output = (r: Run) => `${r.stdout}${r.stderr}`;

/** `text` with `pattern` replaced; throws when it is not there, so no sitting is silently a copy. */
function replaced(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`${pattern} is not in the sitting init wrote`);
  return text.replace(pattern, replacement);
}

/** A number of the register's pattern (`{year}-{seq:02}` and the like). */
function numbered(pattern: string, year: number, seq: number): string {
  return pattern.replace("{year}", String(year)).replace(/\{seq(?::0(\d))?\}/, (_, width?: string) => String(seq).padStart(Number(width ?? 0), "0"));
}

describe("a register repository made with `delib init`, from its first commit", () => {
  let tarball: string;
  let register: string;
  /** The sitting `delib init` wrote, the one every other sitting here is made from. */
  let first: string;
  let pattern: string;

  const git = (args: readonly string[], env?: Record<string, string | undefined>) => run("git", args, { cwd: register, env });
  const npx = (args: readonly string[]) => run("npx", ["--no-install", "delib", ...args], { cwd: register });
  const head = async () => (await git(["rev-parse", "--verify", "-q", "HEAD"])).stdout.trim();
  const number = (seq: number) => numbered(pattern, 2024, seq);

  /** Another sitting of the register: the first one on another date, convened a week before, its deliberation numbered `seq`. */
  function sitting(date: string, convened: string, seq: number, changes: (text: string) => string = (t) => t): string {
    let text = replaced(first, /^( {2}date: )2024-01-18$/m, `$1${date}`);
    text = replaced(text, /^( {2}convened_on: )2024-01-11$/m, `$1${convened}`);
    text = replaced(text, new RegExp(`^( {2}- number: )"${number(1)}"$`, "m"), `$1"${number(seq)}"`);
    return changes(text);
  }
  const write = (path: string, text: string) => writeFileSync(join(register, path), text);

  /** `git commit` of what is staged, through the hook; the commit made, if any, and what the hook said. */
  async function commit(message: string, env?: Record<string, string | undefined>): Promise<{ result: Run; before: string; after: string }> {
    const before = await head();
    const result = await git(["commit", "-m", message], env);
    return { result, before, after: await head() };
  }

  beforeAll(async () => {
    tarball = await packedTarball();
    const base = mkdtempSync(join(tmpdir(), "delib-register-repo-"));
    // delib as the clerk gets it, installed from the tarball, runs `init`: the packaged init, not the source's.
    const installed = join(base, "installed");
    mkdirSync(installed);
    writeFileSync(join(installed, "package.json"), `${JSON.stringify({ name: "delib-installed", private: true }, null, 2)}\n`);
    const install = await installTarball(installed, tarball);
    expect(install.code, `npm install failed:\n${output(install)}`).toBe(0);
    const init = await run(process.execPath, [join(installed, "node_modules/delib/bin/delib.js"), "init", "registre", "--name", "Commune de Saint-Amand-sur-Ornain", "--date", "2024-01-18", "--delib", tarball], { cwd: base });
    expect(init.code, output(init)).toBe(0);
    register = join(base, "registre");
    first = readFileSync(join(register, "seances/2024-01-18.yaml"), "utf8");
    pattern = (yaml.load(readFileSync(join(register, "delib.config.yaml"), "utf8")) as { numbering: { pattern: string } }).numbering.pattern;

    for (const args of [
      ["init", "-q", "-b", "main"],
      ["config", "core.hooksPath", ".githooks"],
      ["config", "user.name", "Secrétariat de mairie"],
      ["config", "user.email", "mairie@example.org"],
      ["config", "commit.gpgsign", "false"],
    ]) {
      const done = await git(args);
      expect(done.code, output(done)).toBe(0);
    }
    const npm = await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: register });
    expect(npm.code, `npm install in the register failed:\n${output(npm)}`).toBe(0);
  }, PACK_TIMEOUT);

  it("installs the tarball the register's package.json names, with the hook's delib", () => {
    const manifest = JSON.parse(readFileSync(join(register, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
    expect(manifest.devDependencies.delib).toBe(`file:${tarball}`);
    const lock = JSON.parse(readFileSync(join(register, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string; resolved?: string }> };
    expect(lock.packages["node_modules/delib"]?.version).toBe(version);
    expect(existsSync(join(register, "node_modules/.bin/delib"))).toBe(true);
    expect(readFileSync(join(register, ".githooks/pre-commit"), "utf8")).toContain("validate --staged --cache");
    expect(pattern).toMatch(/\{seq/);
  });

  it("commits everything init wrote, and the lock, through the hook", async () => {
    expect((await git(["add", "-A"])).code).toBe(0);
    const { result, after } = await commit("Registre des délibérations");
    expect(result.code, output(result)).toBe(0);
    expect(after).not.toBe("");
    expect(output(result)).not.toMatch(/DLB\d{4}/);
    expect((await git(["ls-files"])).stdout.split("\n")).toEqual(expect.arrayContaining(["seances/2024-01-18.yaml", "delib.config.yaml", ".github/workflows/delib.yml", ".githooks/pre-commit", "package.json"]));
    // The hook keeps its results for the next commit.
    expect(existsSync(join(register, "node_modules/.cache/delib/results.json"))).toBe(true);
  }, COMMIT_TIMEOUT);

  it("commits a second sitting, staged alone, numbered after the first (numbering across files)", async () => {
    write("seances/2024-02-15.yaml", sitting("2024-02-15", "2024-02-08", 2));
    await git(["add", "seances/2024-02-15.yaml"]);
    const { result, before, after } = await commit("Séance du 15 février 2024");
    expect(result.code, output(result)).toBe(0);
    expect(after).not.toBe(before);
    expect(output(result)).not.toMatch(/DLB\d{4}/);
    expect((await git(["show", "--name-only", "--format=", "HEAD"])).stdout.trim()).toBe("seances/2024-02-15.yaml");
  }, COMMIT_TIMEOUT);

  it("refuses a number that skips, naming the file and the code, in French", async () => {
    write("seances/2024-03-14.yaml", sitting("2024-03-14", "2024-03-07", 5));
    await git(["add", "seances/2024-03-14.yaml"]);
    const { result, before, after } = await commit("Séance du 14 mars 2024", french);
    expect(result.code).not.toBe(0);
    expect(after).toBe(before);
    expect(output(result)).toMatch(/seances\/2024-03-14\.yaml:\d+:\d+: erreur DLB3703/);
    expect(output(result)).toContain(number(5));
  }, COMMIT_TIMEOUT);

  it("refuses a number the register already has, in French", async () => {
    write("seances/2024-03-14.yaml", sitting("2024-03-14", "2024-03-07", 2));
    await git(["add", "seances/2024-03-14.yaml"]);
    const { result, before, after } = await commit("Séance du 14 mars 2024", french);
    expect(result.code).not.toBe(0);
    expect(after).toBe(before);
    expect(output(result)).toMatch(/seances\/2024-03-14\.yaml:\d+:\d+: erreur DLB3008/);
    expect(output(result)).toContain("seances/2024-02-15.yaml");
  }, COMMIT_TIMEOUT);

  it("checks the sitting as staged, among the staged sittings, not as the working tree has them: staged right, broken beside → committed", async () => {
    const good = sitting("2024-03-14", "2024-03-07", 3);
    write("seances/2024-03-14.yaml", good);
    await git(["add", "seances/2024-03-14.yaml"]);
    write("seances/2024-03-14.yaml", sitting("2024-03-14", "2024-03-07", 9));
    // A draft of a later sitting, never staged, reusing a number: not in the commit, not the hook's.
    write("seances/2024-05-16.yaml", sitting("2024-05-16", "2024-05-09", 1));
    const { result, before, after } = await commit("Séance du 14 mars 2024");
    expect(result.code, output(result)).toBe(0);
    expect(after).not.toBe(before);
    expect(output(result)).not.toMatch(/DLB\d{4}/);
    expect((await git(["show", "HEAD:seances/2024-03-14.yaml"])).stdout).toBe(good);
    // The working tree back as committed, for the steps below.
    write("seances/2024-03-14.yaml", good);
    rmSync(join(register, "seances/2024-05-16.yaml"));
    expect((await git(["status", "--porcelain"])).stdout).toBe("");
  }, COMMIT_TIMEOUT);

  it("checks the sitting as staged: staged broken, fixed only in the working tree → refused", async () => {
    // Present this time: a proxy for a fourth sitting in a row would be a warning (L2121-20).
    const present = (t: string) => replaced(t, /^( {2}moreau: ).*$/m, "$1present");
    write("seances/2024-04-11.yaml", sitting("2024-04-11", "2024-04-04", 3, present));
    await git(["add", "seances/2024-04-11.yaml"]);
    const good = sitting("2024-04-11", "2024-04-04", 4, present);
    write("seances/2024-04-11.yaml", good);
    const refused = await commit("Séance du 11 avril 2024");
    expect(refused.result.code).not.toBe(0);
    expect(refused.after).toBe(refused.before);
    expect(output(refused.result)).toMatch(/seances\/2024-04-11\.yaml:\d+:\d+: error DLB3008/);
    // Staged as fixed, it goes in.
    await git(["add", "seances/2024-04-11.yaml"]);
    const { result, before, after } = await commit("Séance du 11 avril 2024");
    expect(result.code, output(result)).toBe(0);
    expect(after).not.toBe(before);
    expect(output(result)).not.toMatch(/DLB\d{4}/);
  }, COMMIT_TIMEOUT);

  it("reads the configuration as staged: an edit of delib.config.yaml left unstaged is not the commit's", async () => {
    const config = readFileSync(join(register, "delib.config.yaml"), "utf8");
    // Another numbering in the working tree only: the sittings staged still follow the committed one.
    write("delib.config.yaml", replaced(config, /^( {2}pattern: ).*$/m, '$1"D{year}-{seq:03}"'));
    const edited = replaced(readFileSync(join(register, "seances/2024-04-11.yaml"), "utf8"), /^( {2}place: ).*$/m, "$1à la salle des fêtes");
    write("seances/2024-04-11.yaml", edited);
    await git(["add", "seances/2024-04-11.yaml"]);
    const { result, before, after } = await commit("Séance du 11 avril 2024 : lieu");
    write("delib.config.yaml", config);
    expect(result.code, output(result)).toBe(0);
    expect(after).not.toBe(before);
    expect(output(result)).not.toMatch(/DLB\d{4}/);
  }, COMMIT_TIMEOUT);

  it("checks every sitting again when the commit changes the configuration: a numbering they no longer follow is refused", async () => {
    const config = readFileSync(join(register, "delib.config.yaml"), "utf8");
    write("delib.config.yaml", replaced(config, /^( {2}pattern: ).*$/m, '$1"D{year}-{seq:03}"'));
    await git(["add", "delib.config.yaml"]);
    const { result, before, after } = await commit("Numérotation");
    expect(result.code).not.toBe(0);
    expect(after).toBe(before);
    for (const date of ["2024-01-18", "2024-02-15", "2024-03-14", "2024-04-11"]) expect(output(result)).toMatch(new RegExp(`seances/${date}\\.yaml:\\d+:\\d+: error DLB3702`));
    write("delib.config.yaml", config);
    await git(["add", "delib.config.yaml"]);
    expect((await git(["status", "--porcelain"])).stdout).toBe("");
  }, COMMIT_TIMEOUT);

  it("commits what the open data export needs, the SIRET and each act's matière, through the hook", async () => {
    // The clerk's to give, as in test/cli/init.test.ts: init knows neither the commune's SIRET nor
    // the @CTES subject of the acts. One commit: the configuration and every sitting at once.
    const config = readFileSync(join(register, "delib.config.yaml"), "utf8");
    write("delib.config.yaml", replaced(config, /^ {2}# siret: "0{14}".*$/m, '  siret: "21550469000012"'));
    const sittings = readdirSync(join(register, "seances")).map((f) => `seances/${f}`);
    expect(sittings).toHaveLength(4);
    for (const file of sittings) write(file, replaced(readFileSync(join(register, file), "utf8"), /^( {4}title: Approbation.*)$/m, '$1\n    matiere: "5.2"'));
    await git(["add", "delib.config.yaml", "seances"]);
    const { result, before, after } = await commit("Données ouvertes : SIRET et matières");
    expect(result.code, output(result)).toBe(0);
    expect(after).not.toBe(before);
    expect(output(result)).not.toMatch(/DLB\d{4}/);
    expect((await git(["show", "--name-only", "--format=", "HEAD"])).stdout.trim().split("\n")).toHaveLength(5);
  }, COMMIT_TIMEOUT);

  it("passes the CI workflow's own steps, in order", async () => {
    const workflow = yaml.load(readFileSync(join(register, ".github/workflows/delib.yml"), "utf8")) as { jobs: Record<string, { steps: { run?: string; uses?: string }[] }> };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((s) => (s.run === undefined ? [] : [s.run])));
    expect(steps).toContain("npm install");
    expect(steps.some((s) => /delib validate/.test(s))).toBe(true);
    // Chromium is on this machine already (the browser tests need it); the workflow's apt-get
    // step, which installs it on GitHub's runner, is skipped, never run with sudo here.
    chromiumForTests();
    for (const step of steps) {
      if (/apt-get/.test(step)) continue;
      // `npm install` as in CI, from npm's cache when it has the packages.
      const command = step === "npm install" ? "npm install --prefer-offline --no-audit --no-fund" : step;
      // As GitHub runs a `run:` step on Linux: bash, stopping at the first failing command.
      const done = await run("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", command], { cwd: register, env: { CI: "true" } });
      expect(done.code, `\`${command}\` failed:\n${output(done)}`).toBe(0);
    }
    if (!steps.some((s) => /delib build/.test(s))) {
      const built = await run("bash", ["-c", "npx --no-install delib build seances/*.yaml --out documents"], { cwd: register });
      expect(built.code, output(built)).toBe(0);
    }
    const documents = readdirSync(join(register, "documents"));
    for (const date of ["2024-01-18", "2024-02-15", "2024-03-14", "2024-04-11"]) expect(documents).toContain(`proces-verbal-${date}.pdf`);
    for (const seq of [1, 2, 3, 4]) expect(documents).toContain(`${number(seq)}.pdf`);
  }, BUILD_TIMEOUT);

  it("exports the register's deliberations as SCDL open data (no files given: the register's)", async () => {
    const exported = await npx(["export", "--scdl", "-o", "deliberations.csv"]);
    expect(exported.code, output(exported)).toBe(0);
    const rows = readFileSync(join(register, "deliberations.csv"), "utf8").trim().split(/\r?\n/);
    expect(rows[0]).toMatch(/^COLL_NOM,COLL_SIRET,DELIB_ID/);
    expect(rows).toHaveLength(5);
    for (const seq of [1, 2, 3, 4]) expect(rows.some((r) => r.includes(`,${number(seq)},`))).toBe(true);
  }, COMMIT_TIMEOUT);

  it("composes the year's register", async () => {
    const composed = await npx(["register", "--year", "2024"]);
    expect(composed.code, output(composed)).toBe(0);
    const pdf = readFileSync(join(register, "out/registre-2024.pdf"));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // The outputs are ignored: the repository holds the sittings, not what is made from them.
    expect((await git(["status", "--porcelain"])).stdout).toBe("?? deliberations.csv\n");
  }, BUILD_TIMEOUT);
});
