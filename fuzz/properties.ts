// What must hold for every input, whatever its bytes: the run of `delib validate`, `delib
// explain` and `delib build --format html` on it, in-process through the same entry points the
// commands call (check.ts, documents.ts, the report formats), in the order the commands call
// them. A failure is:
// - internal: anything thrown (the CLI would end with exit 4 and "please report");
// - disagreement: validate finds no error, and explain or build then fails (THE property:
//   validate clean ⇒ explain and build succeed);
// - unlocated: a diagnostic about the file without a file, line and column, or with a span
//   outside the file;
// - line-ends: the same file with its line breaks written LF gets its diagnostics at other
//   lines or columns (a file saved with CR or CRLF line ends must be located alike);
// - slow: over the time limit (the worker is stopped at twice the limit: see run.ts).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { checkSessions, type CheckedSet } from "../src/check.js";
import type { Diagnostic, Span } from "../src/diagnostics/diagnostic.js";
import { spanRange } from "../src/diagnostics/line-index.js";
import { translator } from "../src/diagnostics/translator.js";
import { documentNamesClash, explainSession, prepareTemplates, renderDocuments, writeOutputs, type RenderedDocument } from "../src/documents.js";
import { formatReport } from "../src/cli/report.js";
import type { Config } from "../src/config/load-config.js";
import type { Seed } from "./seeds.js";

export type FailureKind = "internal" | "disagreement" | "unlocated" | "line-ends" | "slow" | "crash";
export type Stage = "validate" | "report" | "explain" | "build" | "write" | "worker";

/** One property broken by one input. */
export interface Failure {
  readonly kind: FailureKind;
  readonly stage: Stage;
  /** The diagnostic's code, or the error's class. */
  readonly code: string;
  /** One line saying what happened. */
  readonly message: string;
  readonly stack?: string;
}

/** What one input gave. */
export interface Verdict {
  readonly failures: readonly Failure[];
  /** validate found no error. */
  readonly clean: boolean;
  /** The codes of validate's diagnostics. */
  readonly codes: readonly string[];
  readonly ms: number;
}

/** A register to check an input in: a scratch folder holding the seed's configuration and other sittings. */
export interface Register {
  readonly dir: string;
  /** The input's file name in it (the seed's). */
  readonly file: string;
}

/** Copies the register of `seed` (from `root`) into a new folder under `scratch`. */
export function prepareRegister(root: string, seed: Pick<Seed, "path" | "register">, scratch: string): Register {
  const dir = join(scratch, seed.path.replace(/[^a-zA-Z0-9.-]+/g, "_"));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // No seed's configuration names a templates folder or images: the files themselves suffice.
  for (const other of seed.register) cpSync(join(root, other), join(dir, basename(other)));
  return { dir, file: basename(seed.path) };
}

/** The options of a check. */
export interface CheckOptions {
  /** Over this many milliseconds an input is slow. */
  readonly timeLimit: number;
}

/** Runs validate, explain and build on `bytes` as the file of `register`, and says which properties break. */
export async function checkInput(bytes: Uint8Array, register: Register, options: CheckOptions): Promise<Verdict> {
  const started = performance.now();
  const cpuStarted = threadCpuMs();
  const failures: Failure[] = [];
  const path = join(register.dir, register.file);
  writeFileSync(path, bytes);

  const validated = await validate(register, failures);
  if (validated) {
    located(validated.diagnostics, "validate", failures);
    report(validated, failures);
    await lineEndsAlike(bytes, register, validated, failures);
    // The file as given again (lineEndsAlike wrote its LF copy over it).
    writeFileSync(path, bytes);
    if (validated.ok) {
      explain(validated, failures);
      await build(validated, register, failures);
    }
  }
  const ms = performance.now() - started;
  // The thread's own processor time where the system tells it: on a busy machine the clock
  // says more about the other processes than about delib.
  const cpu = cpuStarted === undefined ? undefined : threadCpuMs()! - cpuStarted;
  const spent = cpu ?? ms;
  if (spent > options.timeLimit) {
    failures.push({ kind: "slow", stage: "worker", code: "time", message: `took ${Math.round(spent)} ms${cpu === undefined ? "" : ` of processor time (${Math.round(ms)} ms by the clock)`}, over the limit of ${options.timeLimit} ms` });
  }
  return { failures, clean: validated?.ok ?? false, codes: validated?.diagnostics.map((d) => d.code) ?? [], ms };
}

/** `delib validate`: the checks of the file and across the files of its register. */
async function validate(register: Register, failures: Failure[]): Promise<CheckedSet | undefined> {
  try {
    return await checkSessions([register.file], { cwd: register.dir, threads: 1 });
  } catch (error) {
    failures.push(thrown("internal", "validate", error));
    return undefined;
  }
}

/** The report in every format and both languages, as the CLI prints it. */
function report(checked: CheckedSet, failures: Failure[]): void {
  for (const language of ["fr", "en"] as const) {
    for (const format of ["human", "json", "short", "github"] as const) {
      try {
        formatReport(checked.diagnostics, format, { fileCount: checked.fileCount, tr: translator(language) });
      } catch (error) {
        failures.push(thrown("internal", "report", error));
        return;
      }
    }
  }
}

/** `delib explain`, in both languages. */
function explain(checked: CheckedSet, failures: Failure[]): void {
  for (const file of checked.files) {
    if (!file.outcome) {
      failures.push({ kind: "disagreement", stage: "explain", code: "no-outcome", message: "validate found no error, yet the file has no count to explain" });
      return;
    }
    for (const language of ["fr", "en"]) {
      try {
        explainSession(file.outcome, language);
      } catch (error) {
        failures.push(thrown("disagreement", "explain", error));
        return;
      }
    }
  }
}

/** `delib build --format html --emit json` into a folder of the register, removed after. */
async function build(checked: CheckedSet, register: Register, failures: Failure[]): Promise<void> {
  const problems: Diagnostic[] = [];
  const documents: RenderedDocument[] = [];
  try {
    for (const file of checked.files) {
      if (!file.outcome) return; // said by explain
      const prepared = preparedTemplates(file.config, register.dir);
      problems.push(...prepared.diagnostics);
      if (!prepared.value) continue;
      const rendered = renderDocuments(file.outcome, { ...prepared.value, links: file.links });
      problems.push(...rendered.diagnostics);
      documents.push(...(rendered.value ?? []));
    }
    problems.push(...documentNamesClash(documents, checked.files));
    for (const d of documents) JSON.stringify(d.data);
  } catch (error) {
    failures.push(thrown("disagreement", "build", error));
    return;
  }
  located(problems, "build", failures);
  for (const d of problems.filter((p) => p.severity === "error")) {
    failures.push({ kind: "disagreement", stage: "build", code: d.code, message: `validate found no error, build says ${d.code}: ${english(d)}` });
  }
  if (problems.some((p) => p.severity === "error")) return;
  const out = join(register.dir, "out");
  try {
    const written = await writeOutputs(out, [
      ...documents.map((d) => ({ name: `${d.name}.html`, contents: d.html })),
      ...documents.map((d) => ({ name: `${d.name}.json`, contents: `${JSON.stringify(d.data, null, 2)}\n` })),
    ]);
    for (const d of written) failures.push({ kind: "disagreement", stage: "write", code: d.code, message: `validate found no error, writing the documents says ${d.code}: ${english(d)}` });
  } catch (error) {
    failures.push(thrown("disagreement", "write", error));
  } finally {
    // Emptied now and then, not after each build: removing files costs more than writing them.
    if (++builds % 100 === 0) rmSync(out, { recursive: true, force: true });
  }
}
let builds = 0;

const prepared = new Map<string, ReturnType<typeof prepareTemplates>>();
/**
 * The templates of a register, prepared once per configuration as `delib build` prepares them
 * once per run (from the source they are compiled, which costs more than the rest of a build).
 */
function preparedTemplates(config: Config, cwd: string): ReturnType<typeof prepareTemplates> {
  const key = `${config.path ?? ""}\0${cwd}`;
  let found = prepared.get(key);
  if (!found) prepared.set(key, (found = prepareTemplates(config, undefined, cwd)));
  return found;
}

/**
 * A JavaScript error turned into a diagnostic is still an error inside delib: what it says
 * depends on the thread's stack or on a bug, not on the file.
 */
const leakedError = /maximum call stack size exceeded|cannot read propert|is not a function|is not iterable|invalid array length|invalid string length|out of memory/i;

/**
 * What is wrong with where `diagnostics` point: every diagnostic about a file has a span inside
 * that file (file, line, column; only environment problems, DLB4xxx, may have none), and none
 * is a JavaScript error in disguise.
 */
export function locationFailures(diagnostics: readonly Diagnostic[], stage: Stage): Failure[] {
  const failures: Failure[] = [];
  located(diagnostics, stage, failures);
  return failures;
}

function located(diagnostics: readonly Diagnostic[], stage: Stage, failures: Failure[]): void {
  const bad = (span: Span | undefined) => !span || !span.file.path || !(span.start >= 0 && span.start <= span.end && span.end <= span.file.text.length);
  for (const d of diagnostics) {
    if (leakedError.test(english(d))) failures.push({ kind: "internal", stage, code: d.code, message: `${d.code} says a JavaScript error: ${english(d)}` });
    if (d.code.startsWith("DLB4") && !d.span) continue;
    const wrong = bad(d.span) ? "main" : d.related.some((r) => bad(r.span)) ? "related" : undefined;
    if (wrong) {
      const where = d.span ? `span ${d.span.start}..${d.span.end} of ${d.span.file.text.length}` : "no span";
      failures.push({ kind: "unlocated", stage, code: d.code, message: `${d.code} has ${wrong === "related" ? "a related note with " : ""}${where}: ${english(d)}` });
    }
  }
}

/** The same text with LF line ends gets the same diagnostics at the same lines and columns. */
async function lineEndsAlike(bytes: Uint8Array, register: Register, checked: CheckedSet, failures: Failure[]): Promise<void> {
  if (!bytes.includes(0x0d) || isUtf16(bytes)) return;
  const lf = Buffer.from(Buffer.from(bytes).toString("latin1").replace(/\r\n?/g, "\n"), "latin1");
  writeFileSync(join(register.dir, register.file), lf);
  let other: CheckedSet;
  try {
    other = await checkSessions([register.file], { cwd: register.dir, threads: 1 });
  } catch (error) {
    failures.push(thrown("internal", "validate", error));
    return;
  }
  const places = (set: CheckedSet) => set.diagnostics.map((d) => (d.span ? `${d.code}@${at(d.span)}` : d.code)).sort().join(" ");
  const [mine, theirs] = [places(checked), places(other)];
  if (mine !== theirs) {
    failures.push({ kind: "line-ends", stage: "validate", code: checked.diagnostics[0]?.code ?? "none", message: `with CR line ends: ${mine.slice(0, 200)}; with LF: ${theirs.slice(0, 200)}` });
  }
}

/** The processor time of the calling thread so far, in milliseconds (Linux: /proc/thread-self/stat); undefined elsewhere. */
function threadCpuMs(): number | undefined {
  try {
    // After the command's closing parenthesis come the state (field 3) and the rest: utime and
    // stime (fields 14 and 15) in ticks of 10 ms.
    const fields = readFileSync("/proc/thread-self/stat", "latin1").slice(statEnd).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
let statEnd = 0;
try {
  statEnd = readFileSync("/proc/thread-self/stat", "latin1").lastIndexOf(")") + 2;
} catch {
  // not Linux: the clock is used
}

const at = (span: Span) => {
  const r = spanRange(span);
  return `${r.line}:${r.column}`;
};
const isUtf16 = (b: Uint8Array) => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
const english = (d: Diagnostic) => {
  try {
    return translator("en").text(d.message).split("\n")[0]!.slice(0, 200);
  } catch {
    return d.code;
  }
};

/** A failure for an error thrown at `stage`: its class, message, and stack. */
function thrown(kind: FailureKind, stage: Stage, error: unknown): Failure {
  const e = error instanceof Error ? error : new Error(String(error));
  // The end of a long message says why (« …/: Regular expression too large »).
  const line = e.message.split("\n")[0]!;
  const short = line.length > 300 ? `${line.slice(0, 200)} … ${line.slice(-80)}` : line;
  return { kind, stage, code: e.name, message: `${e.name}: ${short}`, stack: e.stack };
}

/**
 * What makes two failures the same defect: kind, stage, code, and for a thrown error its
 * message without figures or quoted values and the first frame of delib's own source.
 */
export function failureClass(f: Failure): string {
  const frame = f.stack
    ?.split("\n")
    .slice(1)
    .find((l) => /\bsrc\//.test(l))
    ?.replace(/^.*?(src\/[^:)]+).*$/, "$1");
  // « SyntaxError: Invalid regular expression: /…huge…/ » and « RangeError: expected a valid date, got "0000-03-26" »: the words before the values.
  const words = f.message.split(/: |, got /).slice(0, 2).join(": ");
  const message = f.stack ? words.replace(/`[^`]*`|"[^"]*"|'[^']*'|\/.*\//g, "…").replace(/\d+/g, "N").slice(0, 80) : "";
  return [f.kind, f.stage, f.code, message, frame].filter(Boolean).join(" | ");
}
