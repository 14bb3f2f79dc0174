// The options of `npm run fuzz` (fuzz/fuzz.mjs runs `main`).
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fuzz, replay, reproduce } from "./run.js";

const usage = `npm run fuzz -- [options]

Mutates the examples and the fixtures (bytes, lines, YAML, session structure) and checks, for
each input, that validate, explain and build (HTML) never fail inside, that validate clean
means explain and build succeed, that every diagnostic is located, and that no input takes
longer than the time limit. Exits with 1 when anything failed.

  --seed N         the run's seed (default: drawn, and printed)
  --count N        how many inputs at most (default 10000)
  --start N        the first input's index (default 0)
  --time S         start no new input after S seconds
  --workers N      threads (default: the machine's cores)
  --time-limit MS  over this much processor time an input is slow (default 5000); its
                   thread is stopped after four times that by the clock (at least a minute),
                   and the input tried once more
  --out DIR        where failing inputs are saved (default node_modules/.cache/delib-fuzz/failing)
  --index N        check input N of the seed alone and show everything it broke
  --corpus DIR     minimize the first input of each new failure class into DIR
                   (test/fixtures/fuzz to add them to the regression corpus)
  --replay FILE…   check these files (corpus files) instead of generating inputs`;

/** Runs the fuzzer with the command line's `args`; returns the exit code. */
export async function main(args: readonly string[], root: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      seed: { type: "string" },
      count: { type: "string" },
      start: { type: "string" },
      time: { type: "string" },
      workers: { type: "string" },
      "time-limit": { type: "string" },
      out: { type: "string" },
      index: { type: "string" },
      corpus: { type: "string" },
      replay: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const int = (value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a whole number: ${value}`);
    return n;
  };
  const log = (line: string) => console.error(line);
  const seed = int(values.seed, Math.floor(Math.random() * 2 ** 31));
  const out = resolve(values.out ?? join(root, "node_modules", ".cache", "delib-fuzz", "failing"));
  // Files in memory where the system has such a folder: each input is written, built and removed.
  const scratch = existsSync("/dev/shm") ? "/dev/shm" : undefined;
  const common = { root, seed, scratch, workers: int(values.workers, availableParallelism()), timeLimit: int(values["time-limit"], 5_000), out, log };
  if (values.replay) {
    const failed = await replay({ ...common, workers: Math.min(common.workers, positionals.length || 1) }, positionals.map((f) => resolve(f)));
    return failed > 0 ? 1 : 0;
  }
  if (values.index !== undefined) {
    const index = int(values.index, 0);
    const summary = await fuzz({ ...common, workers: 1, start: index, count: 1, corpus: values.corpus && resolve(values.corpus) });
    for (const cls of summary.classes) log(`\n${cls.name}\n${cls.first.failure.stack ?? cls.first.failure.message}`);
    log(`input saved as ${join(out, `seed${seed}-input${index}.yaml`)} when it failed`);
    return summary.classes.length > 0 ? 1 : 0;
  }
  log(`fuzzing with seed ${seed} (again: npm run fuzz -- --seed ${seed}; one input: ${reproduce(seed, 0).replace(/0$/, "N")})`);
  // Ctrl-C (or a kill) ends the run with its summary, once the inputs under way are checked.
  const stop = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());
  const summary = await fuzz({ ...common, signal: stop.signal, start: int(values.start, 0), count: int(values.count, 10_000), time: values.time === undefined ? undefined : Number(values.time), corpus: values.corpus && resolve(values.corpus) });
  if (summary.classes.length > 0) log(`failing inputs saved under ${out}`);
  return summary.classes.length > 0 ? 1 : 0;
}
