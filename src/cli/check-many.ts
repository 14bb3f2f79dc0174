// Checks many session files, spread over worker threads when there are enough to pay for them.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { checkFileSync, type Checked } from "../compile.js";
import type { Diagnostic, SourceFile } from "../diagnostics/diagnostic.js";
import { summarize, type SessionSummary } from "../repository/summary.js";

/** A diagnostic as it crosses a thread: offsets instead of file objects. */
export interface WireDiagnostic {
  readonly severity: Diagnostic["severity"];
  readonly code: string;
  readonly message: string;
  readonly hints: readonly string[];
  readonly span?: { start: number; end: number };
  readonly related: readonly { start: number; end: number; message: string }[];
}

/** What a worker sends back for one file: its text only when a diagnostic quotes it. */
export interface WireResult {
  readonly path: string;
  readonly text: string | undefined;
  readonly diagnostics: readonly WireDiagnostic[];
  /** For the register-wide checks, when the file checked without error. */
  readonly summary: SessionSummary | undefined;
}

/** One file's findings, and what the register-wide checks need of it. */
export interface FileCheck {
  readonly diagnostics: Diagnostic[];
  readonly summary: SessionSummary | undefined;
}

/** Below this many files the threads cost more than they save. */
const threshold = 200;

/** Strips a checked file down to what the report needs. */
export function toWire(checked: Checked): WireResult {
  const text = checked.diagnostics.some((d) => d.span) ? checked.source?.text : undefined;
  return {
    path: checked.path,
    text,
    summary: summarize(checked),
    diagnostics: checked.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      hints: d.hints,
      span: d.span ? { start: d.span.start, end: d.span.end } : undefined,
      related: d.related.map((r) => ({ start: r.span.start, end: r.span.end, message: r.message })),
    })),
  };
}

/** The diagnostics of a result, with their spans on the file again. */
export function fromWire(result: WireResult): Diagnostic[] {
  const file: SourceFile = { path: result.path, text: result.text ?? "" };
  return result.diagnostics.map((d) => ({
    severity: d.severity,
    code: d.code,
    message: d.message,
    hints: d.hints,
    span: d.span ? { file, ...d.span } : undefined,
    related: d.related.map((r) => ({ span: { file, start: r.start, end: r.end }, message: r.message })),
  }));
}

/**
 * The diagnostics of every file, in the order given. With many files and several cores, the
 * files are cut into one slice per core and checked in worker threads; each thread compiles
 * nothing (the validators are precompiled) and sends back only what the report needs. The
 * diagnostics are the same either way (test/cli/validate-many.test.ts).
 */
export async function checkMany(files: readonly string[], options: { threads?: number } = {}): Promise<FileCheck[]> {
  const threads = options.threads ?? (files.length >= threshold ? Math.min(availableParallelism(), 8) : 1);
  if (threads <= 1) {
    return files.map((file) => {
      const checked = checkFileSync(file);
      return { diagnostics: [...checked.diagnostics], summary: summarize(checked) };
    });
  }
  const size = Math.ceil(files.length / threads);
  const slices = Array.from({ length: threads }, (_, i) => files.slice(i * size, (i + 1) * size)).filter((s) => s.length > 0);
  const done = await Promise.all(slices.map((slice) => inWorker(slice)));
  return done.flat().map((result) => ({ diagnostics: fromWire(result), summary: result.summary }));
}

function inWorker(files: readonly string[]): Promise<WireResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./check-worker.js", import.meta.url), { workerData: { files } });
    worker.once("message", (results: WireResult[]) => resolve(results));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`a checking thread stopped with code ${code}`));
    });
  });
}
