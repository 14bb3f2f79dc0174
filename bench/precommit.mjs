// The pre-commit hook's speed on a register of 500 sittings with one file staged (issue 12: under
// 1 s, warm). The register is made as a clerk makes one: `delib init`, then 499 more sittings
// made from the first, spread over twenty years (25 a year, one deliberation each, numbered in
// date order within each year by the register's own pattern); a git repository holding them all,
// committed once (hook bypassed for that setup only). Then one sitting is changed and staged, and
// the hook init wrote (.githooks/pre-commit) runs as git runs it: from the repository's root, its
// `./node_modules/.bin/delib validate --staged --cache --format short`.
//
// Which delib: by default the repository's own build, linked as the register's dependency
// (node_modules/delib → this repository, node_modules/.bin/delib → its bin/delib.js), so
// `npm run build` must have run. With `--tarball FILE`, the packed tarball installed in the
// register with `npm install`, as a clerk gets it.
//
// Measured, each the median of several runs after one warm-up, against Node's start (`node -e 0`):
//   - cold: no result cache (removed before each run), every sitting of the index read and checked;
//   - warm, the staged sitting edited again since the last commit attempt (its bytes are new,
//     the 499 others come from the cache): the case of the target;
//   - warm, nothing changed since the last run (every result from the cache);
//   - the same hook without `--cache`, for reference;
//   - a refused commit (a number the register already has), warm: the hook still checks the
//     numbering across the whole register, and says so (exit 1, DLB3008).
//
//   npm run build && node bench/precommit.mjs            prints the table, writes bench/results/precommit.json
//   node bench/precommit.mjs --runs 5 --sittings 500     runs per measure (default 7), register size
//   node bench/precommit.mjs --tarball delib-0.1.0.tgz   the packed tarball instead of the build
//   node bench/precommit.mjs --check                     exits 1 when the warm hook takes 1 s or more
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const runs = Number(option("--runs", "7"));
const count = Number(option("--sittings", "500"));
const tarball = option("--tarball", undefined);
const check = args.includes("--check");
const keep = args.includes("--keep");
const TARGET_MS = 1000;
const PER_YEAR = 25;
const FIRST_YEAR = 2005;

const delibBin = join(root, "bin/delib.js");
if (!tarball && !existsSync(join(root, "dist/bundle/delib.cjs"))) {
  process.stderr.write("delib is not built: run `npm run build` first (or give --tarball FILE)\n");
  process.exit(4);
}

const work = mkdtempSync(join(tmpdir(), "delib-bench-precommit-"));
if (!keep) process.on("exit", () => rmSync(work, { recursive: true, force: true }));
const register = join(work, "registre");
const env = { ...process.env, NO_COLOR: "1" };

/** Runs a command; throws with its output when it fails (unless its exit code is in `ok`). */
function sh(command, argv, { cwd = register, ok = [0], input } = {}) {
  const result = spawnSync(command, argv, { cwd, env, encoding: "utf8", input, maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (!ok.includes(result.status)) throw new Error(`${command} ${argv.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

const day = (date, days) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
/** A number of the register's pattern (`{year}-{seq:02}` and the like). */
const numbered = (pattern, year, seq) => pattern.replace("{year}", String(year)).replace(/\{seq(?::0(\d))?\}/, (_, width) => String(seq).padStart(Number(width ?? 0), "0"));
/** `text` with `pattern` replaced; throws when it is not there, so no sitting is silently a copy. */
function replaced(text, pattern, replacement) {
  if (!pattern.test(text)) throw new Error(`${pattern} is not in the sitting init wrote`);
  return text.replace(pattern, replacement);
}

// --- The register -------------------------------------------------------------------------------
process.stderr.write(`register of ${count} sittings in ${register}\n`);
const firstDate = `${FIRST_YEAR}-01-13`;
const init = tarball ? undefined : sh(process.execPath, [delibBin, "init", register, "--name", "Commune de Saint-Amand-sur-Ornain", "--date", firstDate, "--delib", root], { cwd: work });
if (tarball) {
  // The packaged init, from the tarball installed in a scratch folder, as the register test does.
  const installed = join(work, "installed");
  mkdirSync(installed);
  writeFileSync(join(installed, "package.json"), '{ "name": "delib-installed", "private": true }\n');
  sh("npm", ["install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", resolve(tarball)], { cwd: installed });
  sh(process.execPath, [join(installed, "node_modules/delib/bin/delib.js"), "init", register, "--name", "Commune de Saint-Amand-sur-Ornain", "--date", firstDate, "--delib", resolve(tarball)], { cwd: work });
}
void init;
const pattern = /^numbering:\n {2}pattern: "([^"]+)"$/m.exec(readFileSync(join(register, "delib.config.yaml"), "utf8"))?.[1];
if (!pattern) throw new Error("delib.config.yaml has no numbering pattern");
const first = readFileSync(join(register, `seances/${firstDate}.yaml`), "utf8");

/** Sitting `i` (0 is init's): the `k`-th of its year, a fortnight after the one before. */
function sittingOf(i) {
  const year = FIRST_YEAR + Math.floor(i / PER_YEAR);
  const k = i % PER_YEAR;
  const date = day(`${year}-01-13`, 14 * k);
  return { date, year, seq: k + 1, file: `seances/${date}.yaml` };
}
const files = [];
for (let i = 0; i < count; i++) {
  const s = sittingOf(i);
  files.push(s.file);
  if (i === 0) continue;
  let text = replaced(first, new RegExp(`^( {2}date: )${firstDate}$`, "m"), `$1${s.date}`);
  text = replaced(text, /^( {2}convened_on: )\d{4}-\d{2}-\d{2}$/m, `$1${day(s.date, -7)}`);
  text = replaced(text, new RegExp(`^( {2}- number: )"${numbered(pattern, FIRST_YEAR, 1)}"$`, "m"), `$1"${numbered(pattern, s.year, s.seq)}"`);
  // A proxy every other sitting: one for four sittings in a row would be a warning (CGCT L2121-20).
  if (i % 2 === 1) text = replaced(text, /^( {2}moreau: ).*$/m, "$1present");
  writeFileSync(join(register, s.file), text);
}

if (tarball) {
  sh("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"]);
} else {
  mkdirSync(join(register, "node_modules/.bin"), { recursive: true });
  symlinkSync(root, join(register, "node_modules/delib"), "dir");
  symlinkSync("../delib/bin/delib.js", join(register, "node_modules/.bin/delib"));
}
const hook = join(register, ".githooks/pre-commit");
// What the hook runs, as it says it: `exec $delib …`, $delib being ./node_modules/.bin/delib when it is there (it is here).
const hookText = readFileSync(hook, "utf8");
const hookCommand = (/^exec (.*)$/m.exec(hookText)?.[1] ?? "?").replace("$delib", /^delib=(\S+)$/m.exec(hookText)?.[1] ?? "$delib");

sh("git", ["init", "-q", "-b", "main"]);
for (const [key, value] of [["core.hooksPath", ".githooks"], ["user.name", "Banc d'essai"], ["user.email", "bench@example.org"], ["commit.gpgsign", "false"]]) sh("git", ["config", key, value]);
sh("git", ["add", "-A"]);
sh("git", ["commit", "-q", "--no-verify", "-m", `Registre : ${count} séances`]);

// The register as generated is right: the whole of it validates (working tree, every file).
const whole = sh("./node_modules/.bin/delib", ["validate", "--format", "short"], { ok: [0, 1] });
if (whole.status !== 0) throw new Error(`the generated register does not validate:\n${whole.stdout.slice(0, 4000)}`);

// --- Timing -------------------------------------------------------------------------------------
const cacheFile = join(register, "node_modules/.cache/delib/results.json");
const edited = files[Math.floor(count / 2)];
const editedText = readFileSync(join(register, edited), "utf8");
let edits = 0;
/** The sitting edited again (another place each time) and staged: bytes the cache has not seen. */
function editAndStage() {
  edits += 1;
  writeFileSync(join(register, edited), replaced(editedText, /^( {2}place: ).*$/m, `$1à la salle des fêtes (modification ${edits})`));
  sh("git", ["add", edited]);
}

/** One timed run of `argv` in the register, as git runs the hook: from the repository's root. */
function once(label, command, argv, ok = [0]) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, argv, { cwd: register, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!ok.includes(result.status)) throw new Error(`${label} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return { ms, result };
}

/** Median of `runs` runs after one warm-up; `before` runs untimed before each. */
function measure(label, command, argv, { before = () => {}, ok = [0] } = {}) {
  before();
  once(label, command, argv, ok);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    before();
    samples.push(once(label, command, argv, ok).ms);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  process.stderr.write(`  ${label}: ${median.toFixed(0)} ms (median of ${runs}; ${samples.map((s) => s.toFixed(0)).join(", ")})\n`);
  return { median, samples };
}

const delibLocal = "./node_modules/.bin/delib";
process.stderr.write(`floor\n`);
const nodeStart = measure("node -e 0", process.execPath, ["-e", "0"]);

process.stderr.write(`the hook (${hookCommand}), ${edited} staged\n`);
editAndStage();
const cold = measure("cold: no cache", hook, [], { before: () => rmSync(cacheFile, { force: true }) });
const warmEdited = measure("warm: the staged sitting edited again", hook, [], { before: editAndStage });
const warmSame = measure("warm: nothing changed since the last run", hook, []);
const noCache = measure("without --cache", delibLocal, ["validate", "--staged", "--format", "short"]);

// A number the register has already (the edited sitting's own, given to the next one): refused.
const next = files[Math.floor(count / 2) + 1];
const nextText = readFileSync(join(register, next), "utf8");
const taken = /^ {2}- number: "([^"]+)"$/m.exec(editedText)[1];
writeFileSync(join(register, next), replaced(nextText, /^( {2}- number: )"[^"]+"$/m, `$1"${taken}"`));
sh("git", ["add", next]);
const refused = once("refused", hook, [], [1]);
if (!/DLB3008/.test(refused.result.stdout + refused.result.stderr)) throw new Error(`the hook refused the duplicate number without DLB3008:\n${refused.result.stdout}${refused.result.stderr}`);
const refusedWarm = measure("warm: refused (a number the register has)", hook, [], { ok: [1] });
writeFileSync(join(register, next), nextText);
sh("git", ["add", next]);

const rows = [
  { measure: "cold (no cache)", ...cold, target: undefined },
  { measure: "warm, staged sitting edited", ...warmEdited, target: TARGET_MS },
  { measure: "warm, nothing changed", ...warmSame, target: TARGET_MS },
  { measure: "without --cache", ...noCache, target: undefined },
  { measure: "warm, refused (DLB3008)", ...refusedWarm, target: TARGET_MS },
].map((r) => ({ ...r, ratio: r.median / nodeStart.median, met: r.target === undefined ? undefined : r.median < r.target }));

const line = (cells) => cells.map((c, i) => String(c).padEnd([30, 10, 12, 10, 5][i])).join(" ");
const delibFrom = tarball ? `the tarball ${resolve(tarball)}, npm-installed in the register` : `this repository's build, linked (node_modules/delib → ${root})`;
console.log(`\npre-commit hook, ${count} sittings, one staged; delib: ${delibFrom}`);
console.log(`hook: ${hookCommand}; node ${process.version}; node start ${nodeStart.median.toFixed(0)} ms\n`);
console.log(line(["measure", "time", "× node start", "target", "met"]));
for (const r of rows) console.log(line([r.measure, `${r.median.toFixed(0)} ms`, r.ratio.toFixed(1), r.target === undefined ? "—" : `< ${r.target} ms`, r.met === undefined ? "—" : r.met ? "yes" : "NO"]));
mkdirSync(join(root, "bench/results"), { recursive: true });
writeFileSync(
  join(root, "bench/results/precommit.json"),
  `${JSON.stringify({ node: process.version, sittings: count, runs, delib: tarball ? { tarball: resolve(tarball) } : { linked: root }, hook: hookCommand, floors: { nodeStart: nodeStart.median }, rows }, null, 2)}\n`,
);
if (keep) process.stderr.write(`kept: ${register}\n`);
if (check && rows.some((r) => r.met === false)) process.exitCode = 1;
