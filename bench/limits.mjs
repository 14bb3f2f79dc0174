// Costs linear in the input up to the limits (issue 13, part 2): the time `delib validate`
// takes per motion for a sitting of 100, 1,000 and 10,000 motions (each a copy of the reference
// example's motion, bench/generate-session.mjs), and the ratio of the largest to the smallest
// per-motion cost (target: at most 2). The floor is measured in the same run: the same sitting
// with one motion, checked the same way; a sitting's per-motion cost is (its time − the floor)
// ÷ (its motions − 1). Measured in-process on the build (dist/check.js, the checking path every
// command runs: read, YAML, limits, schema, count, rules, rules across files), the median of
// several runs after a warm-up, so Node's start and the first compilation are not counted. The
// 10,000-motion sitting is over the default limits: its register raises them in its
// delib.config.yaml, as a body that needs more would.
//
//   npm run build && node bench/limits.mjs      prints the table, writes bench/results/limits.json
//   node bench/limits.mjs --runs 3 --check      fewer runs (default 5); exit 1 when the ratio is over 2
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateSession } from "./generate-session.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const runsArg = args.indexOf("--runs");
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 5;
const { checkSessions } = await import(join(root, "dist/check.js"));

const work = mkdtempSync(join(tmpdir(), "delib-bench-limits-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

/** A register of one sitting of `count` motions, its limits raised to hold it. */
function sitting(count) {
  const dir = join(work, String(count));
  mkdirSync(dir);
  writeFileSync(join(dir, "delib.config.yaml"), "format: 1\nlimits:\n  motions: 20000\n  file_size_mb: 200\n");
  writeFileSync(join(dir, "sitting.yaml"), generateSession(count));
  return dir;
}

/** Median time (ms) of checking the sitting in `dir`, after one warm-up; fails if it is not clean. */
async function time(count) {
  const dir = sitting(count);
  const once = async () => {
    const start = process.hrtime.bigint();
    const checked = await checkSessions(["sitting.yaml"], { cwd: dir, threads: 1 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (!checked.ok) throw new Error(`the sitting of ${count} motions is not clean: ${checked.diagnostics.map((d) => d.code).join(", ")}`);
    return ms;
  };
  await once();
  const samples = [];
  for (let i = 0; i < (count >= 10_000 ? Math.max(1, Math.ceil(runs / 2)) : runs); i++) samples.push(await once());
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  process.stderr.write(`  ${count} motions: ${median.toFixed(1)} ms (median of ${samples.length})\n`);
  return median;
}

process.stderr.write("validate, per motion\n");
const floor = await time(1);
const rows = [];
for (const count of [100, 1_000, 10_000]) {
  const ms = await time(count);
  rows.push({ motions: count, ms, perMotion: (ms - floor) / (count - 1) });
}
const costs = rows.map((r) => r.perMotion);
const ratio = Math.max(...costs) / Math.min(...costs);
console.log(`\nfloor: one motion ${floor.toFixed(1)} ms\n`);
console.log(["motions".padEnd(10), "time".padEnd(12), "per motion"].join(" "));
for (const r of rows) console.log([String(r.motions).padEnd(10), `${r.ms.toFixed(0)} ms`.padEnd(12), `${r.perMotion.toFixed(3)} ms`].join(" "));
console.log(`\nlargest / smallest per-motion cost: ${ratio.toFixed(2)} (target: at most 2: ${ratio <= 2 ? "yes" : "NO"})`);
mkdirSync(join(root, "bench/results"), { recursive: true });
writeFileSync(join(root, "bench/results/limits.json"), `${JSON.stringify({ node: process.version, floor, rows, ratio }, null, 2)}\n`);
if (args.includes("--check") && ratio > 2) process.exitCode = 1;
