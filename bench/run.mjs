// delib's speed, as ratios against floors measured in the same run on the same machine:
//   - Node's start (`node -e 0`);
//   - the Chromium floor: puppeteer-core launching Chromium, printing one small A4 page to
//     PDF and closing (bench/floor-chromium.mjs), and the cost of each further page printed
//     on a reused page.
// Targets (issue 4): HTML only within 2.5 × Node's start; one extract, whole process, within
// 1.15 × the Chromium floor; a session of 40 motions (40 extracts, the procès-verbal, the
// list) within 1.2 × (floor + 42 × the reused-page cost). Issue 5: validating 10,000 session
// files the size of the reference example under 5 s, and faster than ajv-cli on the same files
// (ajv-cli checks the schema only; delib the schema and the legal rules). Issue 10: `delib audit`
// over examples/ and the real transcribed sittings of test/fixtures/records/ (its register,
// its anomalies, its correct records) in under 2 s, and within 1.2 × `delib validate` of the
// same files, which reads and checks them the same way without reporting findings. Issue 13:
// validate's cost per motion at 100, 1,000 and 10,000 motions, largest within 2 × the smallest
// (bench/limits.mjs). Issue 14: a year's register of 365 sittings (about 1,480 pages) within 1.2 ×
// the time and 1.3 × the bytes of the same pages printed by puppeteer-core alone as one job, and
// Node's peak memory under 300 MB (bench/register.mjs).
// Issue 11 re-based the 40-motion target. Its floor, launch + 42 × one small page, was set when
// the procès-verbal was 10 pages and an extract 1 or 2; L2121-15 now puts every deliberation in
// full in the procès-verbal (50 pages for this session) and the extracts carry their legal
// mentions (3 pages), about 170 pages printed where the floor counts 42. A floor that does not
// grow with the pages measures the law, not delib. The target is now against the same 42 HTML
// documents delib rendered, printed by puppeteer-core alone (bench/floor-documents.mjs: launch,
// two pages at once, tagged, outline, close): delib's whole run (check, tally, render, print,
// write) within 1.0 × printing them alone. The issue-4 row stays, shown without a target.
//
//   npm run bench                 prints the table, writes bench/results/latest.json
//   npm run bench -- --check      also exits 1 when a target is missed
//   npm run bench -- --runs 3     fewer runs (default: 9 for fast commands, 5 for PDFs)
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateRegister } from "./generate-register.mjs";
import { generateSession } from "./generate-session.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const check = args.includes("--check");
const runsArg = args.indexOf("--runs");
const fastRuns = runsArg >= 0 ? Number(args[runsArg + 1]) : 9;
const slowRuns = runsArg >= 0 ? Number(args[runsArg + 1]) : 5;

const chromium = ["DELIB_CHROMIUM", "PUPPETEER_EXECUTABLE_PATH", "CHROME_PATH"].map((v) => process.env[v]).find(Boolean) ?? "/usr/bin/chromium";
const delib = join(root, "bin/delib.js");
const example = join(root, "examples/nord-pas-de-calais-numerique/2021-05-18.yaml");
const work = mkdtempSync(join(tmpdir(), "delib-bench-"));
// The sessions and the 10,000-file register made for the run go with it, however it ends.
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
const session40 = join(work, "session-40.yaml");
writeFileSync(session40, generateSession(40));

/** Median wall time of `runs` runs of a command, in ms, after one warm-up run; `ok` lists the exit codes that are not failures. */
function time(label, argv, runs, ok = [0]) {
  const once = () => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, argv, { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 256 * 1024 * 1024 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (!ok.includes(result.status)) throw new Error(`${label} failed (${result.status}): ${result.stderr}`);
    return ms;
  };
  once();
  const samples = Array.from({ length: runs }, once).sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  process.stderr.write(`  ${label}: ${median.toFixed(0)} ms (median of ${runs})\n`);
  return median;
}

process.stderr.write(`floors (chromium: ${chromium})\n`);
const nodeStart = time("node -e 0", ["-e", "0"], fastRuns);
const chromiumFloor = time("chromium, 1 page", [join(root, "bench/floor-chromium.mjs"), chromium, "1"], slowRuns);
const chromium11 = time("chromium, 11 pages on a reused page", [join(root, "bench/floor-chromium.mjs"), chromium, "11"], slowRuns);
const reusedPage = (chromium11 - chromiumFloor) / 10;

process.stderr.write("delib\n");
const out = (name) => join(work, name);
const env = ["--chromium", chromium];
const html = time("HTML only, the example session", [delib, "build", example, "--format", "html", "--out", out("html")], fastRuns);
const validate = time("validate, the example session", [delib, "validate", example], fastRuns);
const oneExtract = time("one extract, PDF", [delib, "build", example, "--documents", "extract", "--format", "pdf", "--out", out("one"), ...env], slowRuns);
const forty = time("40 motions: 40 extracts, minutes, list, PDF", [delib, "build", session40, "--format", "pdf", "--out", out("forty"), ...env], Math.max(3, Math.ceil(slowRuns / 2)));
// The same 42 documents printed by puppeteer-core alone: a floor that grows with the pages printed.
time("40 motions, HTML for the floor below", [delib, "build", session40, "--format", "html", "--out", out("forty-html")], 1);
const fortyPrinted = time("chromium, the same 42 documents printed alone", [join(root, "bench/floor-documents.mjs"), chromium, out("forty-html")], Math.max(3, Math.ceil(slowRuns / 2)));

process.stderr.write("audit of real records\n");
const records = ["examples/**/*.yaml", "test/fixtures/records/**/*.yaml"];
// Exit 1 is the answer, not a failure, when the records hold findings.
const auditRecords = time("delib audit, examples and the register of real records", [delib, "audit", ...records, "--format", "json"], fastRuns, [0, 1]);
const validateRecords = time("delib validate, the same files", [delib, "validate", ...records, "--format", "json"], fastRuns, [0, 1]);

process.stderr.write("validation at scale (10,000 files)\n");
const register = join(work, "register");
generateRegister(register, 10_000);
const scaleRuns = Math.max(1, Math.min(3, slowRuns));
const validate10k = time("delib validate, 10,000 files", [delib, "validate", join(register, "**/*.yaml"), "--format", "short"], scaleRuns);
const ajvCli = join(root, "node_modules/ajv-cli/dist/index.js");
const ajv10k = time(
  "ajv-cli validate, the same files",
  [ajvCli, "validate", "--spec=draft2020", "-c", "ajv-formats", "-s", join(root, "schemas/session.schema.json"), "-d", join(register, "**/*.yaml"), "--all-errors"],
  scaleRuns,
);

process.stderr.write("issue 12: watch and pre-commit hook (their own scripts)\n");
/** Runs a bench script of its own and gives the rows of its JSON result. */
function script(name, file, scriptArgs) {
  const result = spawnSync(process.execPath, [join(root, "bench", name), ...scriptArgs], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (result.status !== 0 && result.status !== 1) throw new Error(`bench/${name} failed (${result.status})`);
  return JSON.parse(readFileSync(join(root, "bench/results", file), "utf8"));
}
const watched = script("watch.mjs", "watch.json", ["--runs", String(Math.max(5, slowRuns))]);
const hook = script("precommit.mjs", "precommit.json", ["--runs", String(Math.max(5, slowRuns))]);
const warmHook = hook.rows.find((r) => r.measure === "warm, staged sitting edited");

process.stderr.write("issue 13: validate cost per motion, 100 to 10,000 motions (its own script)\n");
const limits = script("limits.mjs", "limits.json", ["--runs", String(Math.max(3, Math.ceil(slowRuns / 2)))]);
const perMotion = limits.rows.map((r) => r.perMotion);

process.stderr.write("issue 14: a year's register, 365 sittings (its own script)\n");
const yearRegister = script("register.mjs", "register.json", ["--runs", String(Math.max(1, Math.min(3, Math.ceil(slowRuns / 2))))]);

const rows = [
  { measure: "HTML only (example session)", ms: html, floor: nodeStart, floorName: "node start", target: 2.5 },
  { measure: "validate (example session)", ms: validate, floor: nodeStart, floorName: "node start", target: undefined },
  { measure: "one extract, whole process", ms: oneExtract, floor: chromiumFloor, floorName: "chromium floor", target: 1.15 },
  { measure: "40 motions (42 PDFs)", ms: forty, floor: fortyPrinted, floorName: "puppeteer-core, same 42 HTML", target: 1 },
  // Informative since issue 11: the issue-4 floor, which does not grow with the pages printed.
  { measure: "40 motions, issue-4 floor", ms: forty, floor: chromiumFloor + 42 * reusedPage, floorName: "floor + 42 × small page", target: undefined },
  { measure: "validate 10,000 files", ms: validate10k, floor: ajv10k, floorName: "ajv-cli, same files", target: 1 },
  { measure: "audit, real records", ms: auditRecords, floor: validateRecords, floorName: "validate, same files", target: 1.2 },
  ...watched.rows.map((r) => ({ measure: "watch: save to its PDF", ms: r.ms, floor: r.floor, floorName: r.floorName, target: r.target })),
  { measure: "pre-commit hook, 500 sittings", ms: warmHook.median, floor: hook.floors.nodeStart, floorName: "node start (target: under 1 s)", target: undefined },
  // Issue 13: validate's cost per motion stays within 2 × from 100 to 10,000 motions.
  { measure: "validate, per motion (largest)", ms: Math.max(...perMotion), floor: Math.min(...perMotion), floorName: "smallest, 100 to 10,000 motions", target: 2 },
  // Issue 14: the register of 365 sittings against the same pages printed as one job (time, then bytes in the "time" column).
  ...yearRegister.rows.map((r) => ({ measure: r.measure, ms: r.ms, floor: r.floor, floorName: r.floorName, target: r.target, ...(r.unit ? { unit: r.unit } : {}) })),
].map((r) => ({ ...r, ratio: r.ms / r.floor, met: r.target === undefined ? undefined : r.ms / r.floor <= r.target }));
const underFive = validate10k < 5000;

const line = (cells) => cells.map((c, i) => String(c).padEnd([30, 10, 40, 7, 7, 4][i])).join(" ");
console.log(`\nfloors: node start ${nodeStart.toFixed(0)} ms; chromium floor ${chromiumFloor.toFixed(0)} ms; reused page ${reusedPage.toFixed(1)} ms\n`);
console.log(line(["measure", "time", "against", "ratio", "target", "met"]));
for (const r of rows) {
  const shown = (value) => (r.unit === "bytes" ? `${(value / 1e6).toFixed(1)} MB` : `${value.toFixed(0)} ms`);
  console.log(line([r.measure, shown(r.ms), `${r.floorName} (${shown(r.floor)})`, r.ratio.toFixed(2), r.target ?? "—", r.met === undefined ? "—" : r.met ? "yes" : "NO"]));
}
const auditUnderTwo = auditRecords < 2000;
const hookUnderOne = warmHook.median < 1000;
const registerMemory = yearRegister.peakMb < 300;
console.log(`\nvalidate 10,000 files: ${(validate10k / 1000).toFixed(2)} s (target: under 5 s: ${underFive ? "yes" : "NO"})`);
console.log(`audit, real records: ${(auditRecords / 1000).toFixed(2)} s (target: under 2 s: ${auditUnderTwo ? "yes" : "NO"})`);
console.log(`pre-commit hook, 500 sittings, one staged, warm cache: ${(warmHook.median / 1000).toFixed(2)} s (target: under 1 s: ${hookUnderOne ? "yes" : "NO"}); cold ${(hook.rows[0].median / 1000).toFixed(2)} s`);
console.log(`register, 365 sittings (${yearRegister.pages} pages): Node's peak memory ${yearRegister.peakMb.toFixed(0)} MB (target: under 300 MB: ${registerMemory ? "yes" : "NO"}); ${(yearRegister.bytes / 1e6).toFixed(1)} MB`);
mkdirSync(join(root, "bench/results"), { recursive: true });
writeFileSync(
  join(root, "bench/results/latest.json"),
  `${JSON.stringify({ node: process.version, chromium, floors: { nodeStart, chromiumFloor, reusedPage }, rows }, null, 2)}\n`,
);
if (check && (rows.some((r) => r.met === false) || !underFive || !auditUnderTwo || !hookUnderOne || !registerMemory)) process.exitCode = 1;
