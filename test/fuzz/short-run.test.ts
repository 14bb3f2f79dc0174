// The fuzzer's short run, on every push: a fixed seed, 25 seconds of inputs on two threads
// (package.json `npm run fuzz` runs the long one; README "Fuzzing"). Any failure names the
// command that checks the failing input again.
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { fuzz, reproduce } from "../../fuzz/run.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const seed = 13;

it("finds no failure in 25 seconds of seeded inputs", async () => {
  const lines: string[] = [];
  const summary = await fuzz({ root, seed, count: 1_000_000, time: 25, workers: 2, timeLimit: 10_000, hardLimit: 15_000, log: (line) => lines.push(line) });
  // How much the run checked, for whoever reads the CI log: « 812 inputs (0..811) in 25.0 s… ».
  console.info(lines.find((l) => /^\d+ inputs \(/.test(l)));
  const failures = summary.classes.map((c) => `${c.count}× ${c.name}\n  ${c.first.failure.message}\n  again: ${reproduce(seed, c.first.index)}`);
  expect(failures, lines.join("\n")).toEqual([]);
  // Slower than this, the run checks too little to be worth its minute.
  expect(summary.ran).toBeGreaterThan(100);
}, 58_000);
