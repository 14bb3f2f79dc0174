// The fuzzing threads: each runs one task at a time; a thread that overruns the hard time limit
// is stopped and replaced, and one that dies (out of memory, a stack that no catch could
// reach) is replaced too. Either is reported as the input's failure.
import { Worker } from "node:worker_threads";
import type { Failure } from "./properties.js";
import type { Reply, Task, WorkerSetup } from "./protocol.js";

/** A task's answer: the thread's reply, or how the thread ended while on it. */
export type Outcome = { readonly reply: Reply } | { readonly died: Failure };

interface Slot {
  worker: Worker;
  /** Warmed up (worker.ts): its tasks are timed from now on. */
  ready: boolean;
  busy?: { task: Task; resolve: (outcome: Outcome) => void; timer: NodeJS.Timeout };
}

/**
 * The threads get about the stack `delib` has in its main thread, where `build` and `explain`
 * check (V8's default there is 984 KB; a worker's is 4 MB): what overflows the stack of a
 * command should overflow here too. Not exactly the same depth (frames differ between cold and
 * optimized code): an answer that depends on the stack is caught anyway, as a diagnostic that
 * says "maximum call stack size exceeded" (properties.ts). FUZZ_STACK_MB overrides it.
 */
const mainThreadStackMb = Number(process.env.FUZZ_STACK_MB ?? 0.9);

export class Pool {
  private readonly slots: Slot[] = [];
  private readonly waiting: { task: Task; resolve: (outcome: Outcome) => void }[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly setup: WorkerSetup,
    size: number,
    /** Milliseconds after which a task's thread is stopped. */
    private readonly hardLimit: number,
  ) {
    for (let i = 0; i < size; i++) this.slots.push({ worker: this.spawn(), ready: false });
  }

  /** Runs a task on the next free thread. */
  run(task: { type: "index"; index: number } | { type: "bytes"; bytes: Uint8Array; seedPath: string }): Promise<Outcome> {
    return new Promise((resolve) => {
      this.waiting.push({ task: { ...task, id: this.nextId++ } as Task, resolve });
      this.dispatch();
    });
  }

  /** Stops every thread. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<void>((done) => {
            slot.worker.once("exit", () => done());
            slot.worker.postMessage("stop");
            setTimeout(() => void slot.worker.terminate().then(() => done()), 2_000).unref();
          }),
      ),
    );
  }

  private spawn(): Worker {
    const worker = new Worker(this.file, {
      workerData: this.setup,
      resourceLimits: { stackSizeMb: mainThreadStackMb, maxOldGenerationSizeMb: 1_536 },
      // Stacks name delib's source files and lines, not the bundle's (set before the bundle loads).
      execArgv: [...process.execArgv, "--enable-source-maps"],
    });
    worker.on("message", (reply: Reply | "ready") => {
      const slot = this.slots.find((s) => s.worker === worker);
      if (slot && reply === "ready") {
        slot.ready = true;
        this.dispatch();
        return;
      }
      if (!slot?.busy || reply === "ready" || slot.busy.task.id !== reply.id) return;
      const { resolve, timer } = slot.busy;
      clearTimeout(timer);
      slot.busy = undefined;
      resolve({ reply });
      this.dispatch();
    });
    worker.on("error", (error) => this.replace(worker, { kind: "crash", stage: "worker", code: (error as NodeJS.ErrnoException).code ?? error.name, message: `the thread died: ${error.message}`, stack: error.stack }));
    worker.on("exit", (code) => {
      if (!this.closed) this.replace(worker, { kind: "crash", stage: "worker", code: `exit ${code}`, message: `the thread ended with code ${code}` });
    });
    return worker;
  }

  /** Replaces the thread `worker`, answering its task with `failure`. */
  private replace(worker: Worker, failure: Failure): void {
    const slot = this.slots.find((s) => s.worker === worker);
    if (!slot || this.closed) return;
    slot.worker = this.spawn();
    slot.ready = false;
    void worker.terminate();
    const busy = slot.busy;
    slot.busy = undefined;
    if (busy) {
      clearTimeout(busy.timer);
      busy.resolve({ died: failure });
    }
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.busy || this.waiting.length === 0) continue;
      const { task, resolve } = this.waiting.shift()!;
      const timer = setTimeout(
        () => this.replace(slot.worker, { kind: "slow", stage: "worker", code: "timeout", message: `stopped after ${this.hardLimit} ms` }),
        this.hardLimit,
      );
      slot.busy = { task, resolve, timer };
      slot.worker.postMessage(task);
    }
  }
}
