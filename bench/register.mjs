// Issue 14, part 5: a year's register at the scale of a large body — 365 sittings the size of
// the reference example (bench/generate-register.mjs), about 1,480 pages — against its floor,
// measured in the same run: the same pages printed by puppeteer-core alone as one job
// (bench/floor-register.mjs). Three targets: delib's whole run (check, render, print, join,
// write) within 1.2 × the floor's time; Node's peak memory under 300 MB (the delib process's
// own maxRSS, bench/node-peak-memory.mjs); the file within 1.3 × the floor's PDF.
//
//   npm run build && node bench/register.mjs [--runs N] [--sittings N]
// writes bench/results/register.json. The runs of delib and of the floor alternate, so that a
// machine busy with something else slows both alike.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateRegister } from "./generate-register.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const runs = option("--runs", 3);
const count = option("--sittings", 365);
const chromium = ["DELIB_CHROMIUM", "PUPPETEER_EXECUTABLE_PATH", "CHROME_PATH"].map((v) => process.env[v]).find(Boolean) ?? "/usr/bin/chromium";
const work = mkdtempSync(join(tmpdir(), "delib-bench-register-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

const seances = join(work, "seances");
generateRegister(seances, count);
const files = join(seances, "**/*.yaml");
// generate-register.mjs dates its first 365 files in 2000.
const year = "2000";

/** The register's print jobs as delib renders them, joined into one HTML document: the body, then the tables in place of its blank pages. */
async function oneJobHtml() {
  const { checkSessions } = await import(join(root, "dist/check.js"));
  const { sittingsOfYear } = await import(join(root, "dist/register/register-sittings.js"));
  const { buildRegister, registerDate } = await import(join(root, "dist/register/build-register.js"));
  const { startPrinter } = await import(join(root, "dist/documents.js"));
  const checked = await checkSessions([files], { cwd: work });
  const sittings = sittingsOfYear(checked.files.map((c) => ({ path: c.path, outcome: c.outcome, config: c.config, links: c.links })), year);
  const printer = await startPrinter({ flag: chromium, env: process.env });
  if ("problem" in printer) throw new Error("no browser");
  const jobs = [];
  try {
    const built = await buildRegister(sittings, { identity: { body: "bench", year }, date: registerDate(sittings, {}), print: (job) => (jobs.push(job.html), printer.printLarge(job)) });
    if (!built.value) throw new Error("the register did not build");
  } finally {
    await printer.close();
  }
  // The last two jobs: the body (with blank pages where the tables go) and the tables.
  const [body, tables] = jobs.slice(-2);
  const sections = (html) => html.match(/<section class="delib-part[\s\S]*?<\/section>(?=\n<section|\n\n?<\/body>|\n<div class="delib-blank")/g) ?? [];
  const tableRules = /@page delib-running-\d+ \{[^\n]*\n\.delib-running-\d+ \{[^\n]*\}/.exec(tables)[0];
  return body
    .replace(/<div class="delib-blank"[^\n]*<\/div>\n?/g, "")
    .replace("</style>\n</head>", `${tableRules}\n</style>\n</head>`)
    .replace("\n</body>", `\n${sections(tables).join("\n")}\n</body>`);
}

process.stderr.write(`register of ${count} sittings (chromium: ${chromium})\n`);
const floorHtml = join(work, "register.html");
writeFileSync(floorHtml, await oneJobHtml());

function run(argv, env = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, argv, { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env }, maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${argv.join(" ")} failed (${result.status}): ${result.stderr}`);
  return ms;
}

const delibPdf = join(work, "registre.pdf");
const floorPdf = join(work, "floor.pdf");
const peakFile = join(work, "peak");
const samples = { delib: [], floor: [], peakKb: [] };
for (let i = 0; i < runs; i++) {
  rmSync(delibPdf, { force: true });
  samples.delib.push(
    run(["--import", join(root, "bench/node-peak-memory.mjs"), join(root, "bin/delib.js"), "register", "--year", year, files, "--out", delibPdf, "--chromium", chromium], { DELIB_BENCH_PEAK_FILE: peakFile }),
  );
  samples.peakKb.push(Number(readFileSync(peakFile, "utf8")));
  samples.floor.push(run([join(root, "bench/floor-register.mjs"), chromium, floorHtml, floorPdf]));
  process.stderr.write(`  run ${i + 1}: delib ${samples.delib[i].toFixed(0)} ms, floor ${samples.floor[i].toFixed(0)} ms, node peak ${(samples.peakKb[i] / 1024).toFixed(0)} MB\n`);
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const pages = (pdf) => Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)?.[1] ?? NaN);
const result = {
  sittings: count,
  pages: pages(delibPdf),
  floorPages: pages(floorPdf),
  ms: median(samples.delib),
  floorMs: median(samples.floor),
  peakMb: Math.max(...samples.peakKb) / 1024,
  bytes: statSync(delibPdf).size,
  floorBytes: statSync(floorPdf).size,
  samples,
};
const rows = [
  { measure: `register, ${count} sittings: time`, ms: result.ms, floor: result.floorMs, floorName: "puppeteer-core, same pages, one job", target: 1.2 },
  { measure: `register, ${count} sittings: size`, ms: result.bytes, floor: result.floorBytes, floorName: "bytes of the same pages, one job", target: 1.3, unit: "bytes" },
].map((r) => ({ ...r, ratio: r.ms / r.floor, met: r.ms / r.floor <= r.target }));
const memoryMet = result.peakMb < 300;
console.log(`register of ${count} sittings, ${result.pages} pages (floor: ${result.floorPages})`);
console.log(`  time: ${(result.ms / 1000).toFixed(1)} s against ${(result.floorMs / 1000).toFixed(1)} s: ${rows[0].ratio.toFixed(2)} (target 1.2: ${rows[0].met ? "yes" : "NO"})`);
console.log(`  size: ${(result.bytes / 1e6).toFixed(1)} MB against ${(result.floorBytes / 1e6).toFixed(1)} MB: ${rows[1].ratio.toFixed(2)} (target 1.3: ${rows[1].met ? "yes" : "NO"}); ${(result.bytes / result.pages / 1024).toFixed(1)} KB a page`);
console.log(`  Node's peak memory: ${result.peakMb.toFixed(0)} MB (target: under 300 MB: ${memoryMet ? "yes" : "NO"})`);
mkdirSync(join(root, "bench/results"), { recursive: true });
writeFileSync(join(root, "bench/results/register.json"), `${JSON.stringify({ ...result, memoryMet, rows }, null, 2)}\n`);
process.exitCode = rows.every((r) => r.met) && memoryMet ? 0 : 1;
