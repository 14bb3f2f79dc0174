// A fuzzing run: inputs `start`, `start + 1`, ... of a seed, checked in threads until the count
// or the time budget is reached; every failure grouped by class (properties.ts failureClass),
// the first inputs of each class saved, and, when asked, each class's first input minimized and
// added to the regression corpus (test/fixtures/fuzz/), which test/fuzz/corpus.test.ts replays.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { bundleWorker } from "./bundle.js";
import { minimize } from "./minimize.js";
import { generate } from "./mutate.js";
import { Pool, type Outcome } from "./pool.js";
import { failureClass, type Failure } from "./properties.js";
import { buildDictionary, loadSeeds } from "./seeds.js";

export interface FuzzOptions {
  /** The repository's root. */
  readonly root: string;
  readonly seed: number;
  /** The first input's index. */
  readonly start?: number;
  /** How many inputs at most. */
  readonly count: number;
  /** Seconds after which no new input is started. */
  readonly time?: number;
  readonly workers: number;
  /** Milliseconds over which an input is slow. */
  readonly timeLimit: number;
  /** Milliseconds by the clock after which an input's thread is stopped (default: four times the time limit, at least a minute: the clock also counts the other processes of a busy machine). An input is given a second chance before it is called a failure. */
  readonly hardLimit?: number;
  /** Where failing inputs are saved (none when undefined). */
  readonly out?: string;
  /** Minimize each class's first input and add it to this corpus folder. */
  readonly corpus?: string;
  /** Lines of progress and of the summary. */
  readonly log?: (line: string) => void;
  /** Where the threads make their scratch folders (default: the system's temporary folder). */
  readonly scratch?: string;
  /** Aborted: no new input is started, and the run ends with its summary (Ctrl-C). */
  readonly signal?: AbortSignal;
}

/** One class of failure and its first input. */
export interface FailureClass {
  readonly name: string;
  count: number;
  readonly first: { readonly index: number; readonly seedPath: string; readonly steps: readonly string[]; readonly failure: Failure; readonly bytes: Uint8Array };
  /** The corpus file it was added as. */
  corpusFile?: string;
}

export interface FuzzSummary {
  readonly ran: number;
  /** How many inputs validate found clean (and were then explained and built). */
  readonly clean: number;
  readonly seconds: number;
  readonly classes: readonly FailureClass[];
  /** The slowest input's milliseconds and index. */
  readonly slowest: { readonly ms: number; readonly index: number };
}

const hardLimit = (options: Pick<FuzzOptions, "timeLimit" | "hardLimit">) => options.hardLimit ?? Math.max(4 * options.timeLimit, 60_000);

/** The command that checks input `index` of the run seeded `seed` again. */
export const reproduce = (seed: number, index: number) => `npm run fuzz -- --seed ${seed} --index ${index}`;

/** Runs the fuzzer. */
export async function fuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const log = options.log ?? (() => undefined);
  const start = options.start ?? 0;
  const seeds = loadSeeds(options.root);
  const dictionary = buildDictionary(options.root, seeds);
  const scratch = mkdtempSync(join(options.scratch ?? tmpdir(), "delib-fuzz-"));
  const bundled = await bundleWorker(options.root);
  const pool = new Pool(bundled.file, { root: options.root, seed: options.seed, scratch, timeLimit: options.timeLimit }, options.workers, hardLimit(options));
  const classes = new Map<string, FailureClass>();
  const began = performance.now();
  const elapsed = () => (performance.now() - began) / 1000;
  let ran = 0;
  let clean = 0;
  let slowest = { ms: 0, index: start };
  let lastLog = 0;

  const record = (index: number, outcome: Outcome) => {
    ran++;
    // A thread that died took its input with it: it is made again here, from the seed and index.
    const made = "reply" in outcome ? undefined : generate(options.seed, index, seeds, dictionary);
    const seedPath = "reply" in outcome ? outcome.reply.seedPath : made!.seed.path;
    const input = { steps: "reply" in outcome ? outcome.reply.steps : made!.steps, bytes: "reply" in outcome ? outcome.reply.bytes : made!.bytes };
    const failures = "reply" in outcome ? outcome.reply.verdict.failures : [outcome.died];
    if (options.count === 1) log(`input ${index}: ${seedPath}: ${input.steps.join("; ")}`);
    if ("reply" in outcome) {
      if (outcome.reply.verdict.clean) clean++;
      if (outcome.reply.verdict.ms > slowest.ms) slowest = { ms: outcome.reply.verdict.ms, index };
    }
    for (const failure of failures) {
      const name = failureClass(failure);
      const known = classes.get(name);
      const bytes = input.bytes ?? new Uint8Array();
      if (known) known.count++;
      else {
        classes.set(name, { name, count: 1, first: { index, seedPath, steps: input.steps, failure, bytes } });
        log(`new failure #${classes.size} at input ${index}: ${name}\n  ${failure.message}\n  reproduce: ${reproduce(options.seed, index)}`);
      }
      const cls = classes.get(name)!;
      if (options.out && cls.count <= 3) saveFailing(options.out, options.seed, index, seedPath, input.steps, failure, bytes);
    }
    if (elapsed() - lastLog >= 10) {
      lastLog = elapsed();
      log(`${ran} inputs in ${Math.round(elapsed())} s (${(ran / elapsed()).toFixed(1)}/s), ${clean} clean, ${classes.size} failure classes`);
    }
  };

  try {
    let next = start;
    const end = start + options.count;
    const inFlight = new Set<Promise<void>>();
    while (next < end && !(options.time !== undefined && elapsed() >= options.time) && !options.signal?.aborted) {
      const index = next++;
      const job: Promise<void> = pool.run({ type: "index", index }).then(async (outcome) => {
        // A thread stopped by the clock may have been starved by other processes: once more.
        const again = "died" in outcome && outcome.died.code === "timeout" ? await pool.run({ type: "index", index }) : outcome;
        record(index, again);
        inFlight.delete(job);
      });
      inFlight.add(job);
      if (inFlight.size >= options.workers * 2) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (options.corpus) await addToCorpus(options, pool, classes, log);
  } finally {
    await pool.close();
    rmSync(scratch, { recursive: true, force: true });
    bundled.remove();
  }
  const seconds = elapsed();
  log(`${ran} inputs (${start}..${start + ran - 1}) in ${seconds.toFixed(1)} s: ${(ran / seconds).toFixed(1)} inputs/s with ${options.workers} threads; ${clean} clean (${((100 * clean) / Math.max(ran, 1)).toFixed(1)}%); slowest ${Math.round(slowest.ms)} ms (input ${slowest.index})`);
  log(classes.size === 0 ? "no failure" : `${classes.size} failure classes:`);
  for (const cls of classes.values()) {
    log(`- ${cls.count}× ${cls.name}\n    ${cls.first.failure.message}\n    first: ${reproduce(options.seed, cls.first.index)} (${cls.first.seedPath}: ${cls.first.steps.join("; ")})${cls.corpusFile ? `\n    corpus: ${cls.corpusFile}` : ""}`);
  }
  return { ran, clean, seconds, classes: [...classes.values()], slowest };
}

/** Saves a failing input and what it broke under `out`. */
function saveFailing(out: string, seed: number, index: number, seedPath: string, steps: readonly string[], failure: Failure, bytes: Uint8Array): void {
  mkdirSync(out, { recursive: true });
  const base = join(out, `seed${seed}-input${index}`);
  writeFileSync(`${base}.yaml`, bytes);
  writeFileSync(`${base}.txt`, `${reproduce(seed, index)}\nseed file: ${seedPath}\nsteps: ${steps.join("; ")}\nclass: ${failureClass(failure)}\n${failure.message}\n${failure.stack ?? ""}\n`);
}

/** The class names of the corpus files already in `dir`. */
function corpusClasses(dir: string): Set<string> {
  const names = new Set<string>();
  for (const file of safeList(dir)) {
    const header = readCorpusHeader(readFileSync(join(dir, file)));
    if (header.class) names.add(header.class);
  }
  return names;
}

const safeList = (dir: string) => {
  try {
    return readdirSync(dir).filter((f) => f.endsWith(".yaml"));
  } catch {
    return [];
  }
};

/** What the header comment of a corpus file says. */
export interface CorpusHeader {
  readonly seedFile?: string;
  readonly class?: string;
}

/** Reads the `# key: value` lines at the head of a corpus file (after a byte-order mark). */
export function readCorpusHeader(bytes: Uint8Array): CorpusHeader {
  const text = Buffer.from(bytes).toString("latin1").replace(/^\xef\xbb\xbf/, "");
  const header: Record<string, string> = {};
  for (const line of text.split(/\r\n|\r|\n/)) {
    const m = /^# fuzz (seed file|class): (.*)$/.exec(line);
    if (m) header[m[1] === "seed file" ? "seedFile" : "class"] = m[2]!;
    else if (!line.startsWith("#")) break;
  }
  return header;
}

/** Minimizes the first input of each class not yet in the corpus and writes it there, with a header saying where it comes from. */
async function addToCorpus(options: FuzzOptions, pool: Pool, classes: Map<string, FailureClass>, log: (line: string) => void): Promise<void> {
  const dir = options.corpus!;
  const present = corpusClasses(dir);
  mkdirSync(dir, { recursive: true });
  for (const cls of classes.values()) {
    if (present.has(cls.name) || cls.first.failure.kind === "slow" || cls.first.failure.kind === "crash") continue;
    const { seedPath } = cls.first;
    const fails = async (bytes: Uint8Array) => {
      const outcome = await pool.run({ type: "bytes", bytes, seedPath });
      return "reply" in outcome && outcome.reply.verdict.failures.some((f) => failureClass(f) === cls.name);
    };
    const small = await minimize(cls.first.bytes, fails);
    const withHeader = headed(small, [
      `found by \`${reproduce(options.seed, cls.first.index)}\` on ${new Date().toISOString().slice(0, 10)}, minimized from ${cls.first.bytes.length} to ${small.length} bytes`,
      `seed file: ${seedPath}`,
      `class: ${cls.name}`,
      `failed: ${cls.first.failure.message.replace(/[\r\n\u2028\u2029\u0085]/g, " ").slice(0, 300)}`,
    ]);
    // The header must not change what the input does (a byte-order mark, CR line ends): checked.
    const bytes = (await fails(withHeader)) ? withHeader : small;
    const name = `${[cls.first.failure.kind, cls.first.failure.stage, cls.first.failure.code].join("-").toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${createHash("sha256").update(cls.name).digest("hex").slice(0, 6)}.yaml`;
    writeFileSync(join(dir, name), bytes);
    cls.corpusFile = relative(options.root, join(dir, name));
    log(`added ${cls.corpusFile} (${small.length} bytes)${bytes === small ? ", without its header, which changed what it does" : ""}`);
  }
}

/** `bytes` with `lines` as `# fuzz …` comments first, in the file's own line ends, after its byte-order mark if any. */
function headed(bytes: Uint8Array, lines: readonly string[]): Uint8Array {
  const text = Buffer.from(bytes).toString("latin1");
  const bom = text.startsWith("\xef\xbb\xbf") ? "\xef\xbb\xbf" : "";
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? "\n";
  const header = lines.map((l) => `# fuzz ${l}${eol}`).join("");
  return new Uint8Array(Buffer.concat([Buffer.from(bom, "latin1"), Buffer.from(header, "utf8"), Buffer.from(text.slice(bom.length), "latin1")]));
}

/** Checks `files` (corpus files, each checked in the register of the seed its header names); returns how many failed. */
export async function replay(options: Omit<FuzzOptions, "count" | "corpus">, files: readonly string[]): Promise<number> {
  const log = options.log ?? (() => undefined);
  const scratch = mkdtempSync(join(options.scratch ?? tmpdir(), "delib-fuzz-"));
  const bundled = await bundleWorker(options.root);
  const pool = new Pool(bundled.file, { root: options.root, seed: options.seed, scratch, timeLimit: options.timeLimit }, options.workers, hardLimit(options));
  let failed = 0;
  try {
    await Promise.all(
      files.map(async (file) => {
        const bytes = new Uint8Array(readFileSync(file));
        const outcome = await pool.run({ type: "bytes", bytes, seedPath: readCorpusHeader(bytes).seedFile ?? "replayed.yaml" });
        const failures = "reply" in outcome ? outcome.reply.verdict.failures : [outcome.died];
        if (failures.length > 0) failed++;
        const codes = "reply" in outcome ? ` (${outcome.reply.verdict.clean ? "clean" : outcome.reply.verdict.codes.join(" ")})` : "";
        log(`${relative(options.root, file)}${codes}: ${failures.length === 0 ? "holds" : failures.map((f) => `\n  ${failureClass(f)}\n    ${f.message}`).join("")}`);
      }),
    );
  } finally {
    await pool.close();
    rmSync(scratch, { recursive: true, force: true });
    bundled.remove();
  }
  log(`${files.length - failed} of ${files.length} files hold`);
  return failed;
}
