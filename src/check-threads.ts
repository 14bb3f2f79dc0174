// The checking of many files, spread over worker threads: what `delib validate` over a
// register of thousands of files uses. Each thread checks a slice with the same function as
// the main thread (check.ts) and sends back only what the report and the rules across files
// need; the diagnostics are the same either way (test/cli/validate-many.test.ts).
import { Worker } from "node:worker_threads";
import type { FileOptions, SummarizedResult } from "./check-file.js";
import type { Diagnostic, SourceFile, Text } from "./diagnostics/diagnostic.js";
import type { SessionSummary } from "./validate/set-rules/session-summary.js";

/** A diagnostic as it crosses a thread: offsets instead of file objects. */
export interface WireDiagnostic {
  readonly severity: Diagnostic["severity"];
  readonly code: string;
  readonly message: Text;
  readonly hints: readonly Text[];
  readonly span?: { start: number; end: number };
  readonly related: readonly { start: number; end: number; message: Text }[];
  readonly irregularity?: Diagnostic["irregularity"];
}

/** What a thread sends back for one file: its text only when a diagnostic quotes it. */
export interface WireResult {
  readonly path: string;
  readonly text: string | undefined;
  readonly diagnostics: readonly WireDiagnostic[];
  readonly summary: SessionSummary | undefined;
}

/** Strips a checked file down to what the report and the rules across files need. */
export function toWire({ result, summary }: SummarizedResult): WireResult {
  const text = result.diagnostics.some((d) => d.span) ? result.source?.text : undefined;
  return {
    path: result.path,
    text,
    summary,
    diagnostics: result.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      hints: d.hints,
      span: d.span ? { start: d.span.start, end: d.span.end } : undefined,
      related: d.related.map((r) => ({ start: r.span.start, end: r.span.end, message: r.message })),
      ...(d.irregularity ? { irregularity: d.irregularity } : {}),
    })),
  };
}

/** A thread's result as the main thread's: spans on the file again; no session or count. */
export function fromWire(wire: WireResult): SummarizedResult {
  const file: SourceFile = { path: wire.path, text: wire.text ?? "" };
  const diagnostics: Diagnostic[] = wire.diagnostics.map((d) => ({
    severity: d.severity,
    code: d.code,
    message: d.message,
    hints: d.hints,
    span: d.span ? { file, ...d.span } : undefined,
    related: d.related.map((r) => ({ span: { file, start: r.start, end: r.end }, message: r.message })),
    ...(d.irregularity ? { irregularity: d.irregularity } : {}),
  }));
  const source = wire.text === undefined ? undefined : file;
  return { result: { path: wire.path, source, parsed: undefined, session: undefined, outcome: undefined, diagnostics }, summary: wire.summary };
}

/** Checks `paths` in `threads` threads, one slice each, and gives the results in order. */
export async function checkInThreads(paths: readonly string[], cwd: string, threads: number, read: readonly FileOptions[]): Promise<SummarizedResult[]> {
  const size = Math.ceil(paths.length / threads);
  const slices = Array.from({ length: threads }, (_, i) => paths.slice(i * size, (i + 1) * size)).filter((s) => s.length > 0);
  const reads = Array.from({ length: threads }, (_, i) => read.slice(i * size, (i + 1) * size));
  const done = await Promise.all(slices.map((slice, i) => inWorker(slice, cwd, reads[i]!)));
  return done.flat().map(fromWire);
}

function inWorker(files: readonly string[], cwd: string, read: readonly FileOptions[]): Promise<WireResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./check-worker.js", import.meta.url), { workerData: { files, cwd, read } });
    worker.once("message", (results: WireResult[]) => resolve(results));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`a checking thread stopped with code ${code}`));
    });
  });
}
