// `delib build --watch` after a save (issue 12, part 7): the time from saving a one-word change
// in ONE deliberation of the 40-motion session to that deliberation's PDF being rewritten, as a
// ratio against a floor measured in the same run on the same machine: rendering that one document
// with delib's renderer, and printing it once on a page already open in a running Chromium
// (bench/floor-watch.mjs, which says why that is fair). Target: within 1.5 × the floor.
//
// The real binary (`node bin/delib.js`, over dist/: run `npm run build` first) is started once on
// the session; after its first build, each step changes one word of motion 2021-20's preamble,
// saves, and waits for out/2021-20.pdf to be replaced (its bytes change), then for the build to
// end (the procès-verbal, which holds every deliberation, is printed again too) before the next.
//
//   node bench/watch.mjs               prints the row, writes bench/results/watch.json
//   node bench/watch.mjs --runs 5      fewer steps (default 9, after one warm-up step)
//   node bench/watch.mjs --check       also exits 1 when the target is missed
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { textAt } from "./edit-motion.mjs";
import { generateSession } from "./generate-session.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const check = args.includes("--check");
const runsArg = args.indexOf("--runs");
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 9;
const TARGET = 1.5;
const NUMBER = "2021-20";
const [FROM, TO] = ["période de construction", "phase de construction"];

const chromium = ["DELIB_CHROMIUM", "PUPPETEER_EXECUTABLE_PATH", "CHROME_PATH"].map((v) => process.env[v]).find(Boolean) ?? "/usr/bin/chromium";
const delib = join(root, "bin/delib.js");
if (!existsSync(join(root, "dist/bundle/delib.cjs")) || !existsSync(join(root, "dist/documents.js"))) {
  process.stderr.write("delib is not built: run `npm run build` first\n");
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), "delib-bench-watch-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
const session = join(work, "session.yaml");
const out = join(work, "out");
const original = generateSession(40);
writeFileSync(session, original);
const pdf = join(out, `${NUMBER}.pdf`);
const median = (samples) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];

// The floor, alone on the machine: measured before the watch starts and again after it ends, so
// that a change in the machine's load during the run weighs on both sides alike.
const floorSamples = { render: [], print: [] };
function measureFloor() {
  const run = spawnSync(process.execPath, [join(root, "bench/floor-watch.mjs"), chromium, session, NUMBER, FROM, TO, String(runs)], { cwd: root, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`bench/floor-watch.mjs failed (${run.status}): ${run.stderr}`);
  const samples = JSON.parse(run.stdout);
  floorSamples.render.push(...samples.render);
  floorSamples.print.push(...samples.print);
}
process.stderr.write(`floor (chromium: ${chromium})\n`);
measureFloor();

// The watch.
process.stderr.write("delib build --watch\n");
const child = spawn(process.execPath, [delib, "build", session, "--watch", "--out", out, "--chromium", chromium], {
  cwd: work,
  env: { ...process.env, NO_COLOR: "1", DELIB_LANG: "en" },
  stdio: ["ignore", "pipe", "pipe"],
});
let stderr = "";
let stdout = "";
child.stderr.setEncoding("utf8").on("data", (text) => (stderr += text));
child.stdout.setEncoding("utf8").on("data", (text) => (stdout += text));
const exited = new Promise((done) => child.once("exit", (code, signal) => done({ code, signal })));

/** Resolves when `probe` holds, checked on each event of the output folder and every 25 ms; fails after `ms`. */
function until(what, probe, ms = 120_000) {
  return new Promise((done, fail) => {
    let watcher;
    const finish = (error) => {
      clearInterval(timer);
      clearTimeout(limit);
      watcher?.close();
      error ? fail(error) : done(performance.now());
    };
    const test = () => {
      try {
        if (probe()) finish();
      } catch {
        // The file is being replaced: look again at the next event.
      }
    };
    const timer = setInterval(test, 25);
    const limit = setTimeout(() => finish(new Error(`timed out waiting for ${what}\n--- stderr:\n${stderr}`)), ms);
    if (existsSync(out)) watcher = watch(out, test);
    test();
  });
}

const latencies = [];
const builds = [];
let lastLine = "";
try {
  await until("the first build", () => stderr.includes("watching "));
  if (/error/.test(stderr)) throw new Error(`the first build failed:\n${stderr}`);
  for (let step = 0; step <= runs; step++) {
    const before = readFileSync(pdf);
    const ended = stderr.split(" written: ").length;
    const text = textAt(step, original, NUMBER, FROM, TO);
    // A pause, so that the save is a burst of its own.
    await new Promise((r) => setTimeout(r, 300));
    const saved = performance.now();
    writeFileSync(session, text);
    const printed = await until(`${NUMBER}.pdf to be rewritten (step ${step})`, () => statSync(pdf).size > 0 && !readFileSync(pdf).equals(before));
    const done = await until(`the build to end (step ${step})`, () => stderr.split(" written: ").length > ended);
    if (/error/.test(stderr)) throw new Error(`a build failed:\n${stderr}`);
    // The first step warms up (the first build's pages, the code of a rebuild).
    if (step === 0) continue;
    latencies.push(printed - saved);
    builds.push(done - saved);
  }
  lastLine = stderr.trim().split("\n").filter((l) => l.includes(" written: ")).pop();
} finally {
  // Ctrl-C, as a clerk stops it: the watch ends with the code of its last build, its browser with it.
  child.kill("SIGINT");
  const end = await exited;
  if (end.code !== 0) process.stderr.write(`the watch ended with ${JSON.stringify(end)}:\n${stderr}\n`);
}
const ms = median(latencies);
const build = median(builds);
process.stderr.write(`  last build: ${lastLine}\n`);
process.stderr.write(`  save → ${NUMBER}.pdf rewritten: ${ms.toFixed(0)} ms; save → build done (the procès-verbal too): ${build.toFixed(0)} ms (medians of ${runs})\n`);

measureFloor();
const floorParts = { render: median(floorSamples.render), print: median(floorSamples.print) };
const floor = floorParts.render + floorParts.print;
process.stderr.write(
  `floor: render the one extract ${floorParts.render.toFixed(1)} ms + print it on an open page ${floorParts.print.toFixed(0)} ms (medians of ${floorSamples.print.length}, before and after the watch)\n`,
);
const ratio = ms / floor;
const met = ratio <= TARGET;
const row = { measure: "watch: one word, its PDF", ms, floor, floorName: "render 1 + print on open page", target: TARGET, ratio, met };
const cells = (values) => values.map((c, i) => String(c).padEnd([30, 10, 40, 7, 7, 4][i])).join(" ");
console.log(cells(["measure", "time", "against", "ratio", "target", "met"]));
console.log(cells([row.measure, `${ms.toFixed(0)} ms`, `${row.floorName} (${floor.toFixed(0)} ms)`, ratio.toFixed(2), TARGET, met ? "yes" : "NO"]));
mkdirSync(join(root, "bench/results"), { recursive: true });
writeFileSync(
  join(root, "bench/results/watch.json"),
  `${JSON.stringify({ node: process.version, chromium, runs, floor: { ...floorParts, samples: floorSamples }, latencies, builds, wholeBuild: build, rows: [row] }, null, 2)}\n`,
);
if (check && !met) process.exitCode = 1;
