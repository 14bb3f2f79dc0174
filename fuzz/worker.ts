// A fuzzing thread: generates the inputs it is given by index (or takes their bytes, for the
// minimizer and the corpus) and checks them (properties.ts). Each thread has its own scratch
// folder, with one register per seed.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parentPort, threadId, workerData } from "node:worker_threads";
import { generate } from "./mutate.js";
import { checkInput, prepareRegister, type Register } from "./properties.js";
import { buildDictionary, loadSeeds } from "./seeds.js";
import type { Reply, Task, WorkerSetup } from "./protocol.js";

const setup = workerData as WorkerSetup;
const seeds = loadSeeds(setup.root);
const dictionary = buildDictionary(setup.root, seeds);
const scratch = join(setup.scratch, `thread-${threadId}`);
mkdirSync(scratch, { recursive: true });
const registers = new Map<string, Register>();

const registerOf = (path: string): Register => {
  let register = registers.get(path);
  if (!register) {
    const seed = seeds.find((s) => s.path === path);
    register = prepareRegister(setup.root, seed ?? { path, register: [] }, scratch);
    registers.set(path, register);
  }
  return register;
};

// The first check compiles the schema and the templates (from the source, a few seconds): done
// before any input is timed, then the run is told the thread is ready.
const warm = seeds.find((s) => s.path.startsWith("examples/")) ?? seeds[0]!;
await checkInput(warm.bytes, registerOf(warm.path), { timeLimit: Number.POSITIVE_INFINITY });
parentPort!.postMessage("ready");

parentPort!.on("message", async (task: Task | "stop") => {
  if (task === "stop") {
    rmSync(scratch, { recursive: true, force: true });
    parentPort!.close();
    return;
  }
  const input = task.type === "index" ? generate(setup.seed, task.index, seeds, dictionary) : undefined;
  const seedPath = input?.seed.path ?? (task.type === "bytes" ? task.seedPath : "");
  const bytes = input?.bytes ?? (task.type === "bytes" ? task.bytes : new Uint8Array());
  const verdict = await checkInput(bytes, registerOf(seedPath), { timeLimit: setup.timeLimit });
  const reply: Reply = {
    id: task.id,
    seedPath,
    steps: input?.steps ?? [],
    verdict,
    // The bytes go back only when they are needed: a failure to save.
    ...(verdict.failures.length > 0 || task.type === "bytes" ? { bytes } : {}),
  };
  parentPort!.postMessage(reply);
});
