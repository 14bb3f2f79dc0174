// Preloaded into a delib process by the benchmark (`node --import ./bench/node-peak-memory.mjs
// bin/delib.js ...`): at exit, writes the process's own peak resident memory, in kilobytes, to
// the file named by DELIB_BENCH_PEAK_FILE. process.resourceUsage().maxRSS is getrusage(RUSAGE_SELF):
// this Node process only. `/usr/bin/time -f %M` would not do: it reports the largest of the
// process and of the children it waited for, and Chromium (far larger) is one of them.
import { writeFileSync } from "node:fs";

const file = process.env.DELIB_BENCH_PEAK_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
