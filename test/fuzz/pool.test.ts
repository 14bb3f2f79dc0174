// The fuzzing threads' pool (fuzz/pool.ts): an input whose thread hangs or dies is reported as
// that input's failure, the thread is replaced, and the run goes on with the next inputs.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { Pool } from "../../fuzz/pool.js";

// A stand-in for fuzz/worker.ts: input 1 hangs, input 2 kills its thread, the others pass.
const worker = `
import { parentPort } from "node:worker_threads";
parentPort.postMessage("ready");
parentPort.on("message", (task) => {
  if (task === "stop") return parentPort.close();
  if (task.index === 1) for (;;);
  if (task.index === 2) process.exit(7);
  parentPort.postMessage({ id: task.id, seedPath: "s.yaml", steps: [], verdict: { failures: [], clean: true, codes: [], ms: 1 } });
});`;

let pool: Pool | undefined;
afterEach(async () => {
  await pool?.close();
});

it("reports a hanging or dying thread as its input's failure and goes on", async () => {
  const dir = mkdtempSync(join(tmpdir(), "delib-fuzz-pool-"));
  const file = join(dir, "worker.mjs");
  writeFileSync(file, worker);
  pool = new Pool(file, { root: dir, seed: 1, scratch: dir, timeLimit: 100 }, 2, 1_000);
  const outcomes = await Promise.all([0, 1, 2, 3, 4].map((index) => pool!.run({ type: "index", index })));
  const said = outcomes.map((o) => ("reply" in o ? "ok" : `${o.died.kind} ${o.died.code}`));
  expect(said).toEqual(["ok", "slow timeout", "crash exit 7", "ok", "ok"]);
});
