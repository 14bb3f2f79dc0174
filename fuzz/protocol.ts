// What the fuzzing threads and the run that drives them say to each other.
import type { Verdict } from "./properties.js";

/** What each thread is started with. */
export interface WorkerSetup {
  /** The repository's root: the seeds, the schema, the source. */
  readonly root: string;
  /** The run's seed. */
  readonly seed: number;
  /** Where the thread makes its scratch folder. */
  readonly scratch: string;
  /** Milliseconds over which an input is slow. */
  readonly timeLimit: number;
}

/** Check input `index` of the run, or the bytes given as a file of the seed's register. */
export type Task =
  | { readonly id: number; readonly type: "index"; readonly index: number }
  | { readonly id: number; readonly type: "bytes"; readonly bytes: Uint8Array; readonly seedPath: string };

/** What a thread found for a task. */
export interface Reply {
  readonly id: number;
  readonly seedPath: string;
  /** The mutations that made the input (for an index). */
  readonly steps: readonly string[];
  readonly verdict: Verdict;
  /** The input's bytes, when it failed or was given. */
  readonly bytes?: Uint8Array;
}
