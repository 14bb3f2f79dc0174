// `delib build`: check, render, print, write, in that order; nothing is written unless the
// input is sound (a missing browser still lets the HTML through).
import { resolve } from "node:path";
import { checkSessions, stdinPath } from "../check.js";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import {
  documentKinds,
  documentNamesClash,
  PrintFailed,
  prepareTemplates,
  printDocuments,
  renderDocuments,
  startPrinter,
  writeOutputs,
  type OutputFile,
  type Printer,
  type RenderedDocument,
} from "../documents.js";
import { msg } from "../diagnostics/message.js";
import { provenanceOfAsync } from "../provenance/provenance.js";
import { archivalLevel, finishFor, sourceFileDate, type Finish } from "../provenance/archival.js";
import { browserTimeouts } from "./browser-timeout.js";
import { refuseUndatable } from "./source-date.js";
import { stopwatch, type CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import { startProgress } from "./progress.js";
import type { ReportFormat } from "./report.js";
import { parseList, UsageError } from "./usage-error.js";

export const documentFormats = ["html", "pdf"] as const;

export interface BuildOptions {
  out: string;
  format: string;
  documents: string;
  template?: string;
  emit?: string;
  chromium?: string;
  /** `--browser-timeout SECONDS`: how long the browser may take to start. */
  browserTimeout?: string;
  /** `--pdfa [LEVEL]`: archival PDFs (PDF/A-2b, or 3b); `--no-pdfa`: false. */
  pdfa?: string | boolean;
  report?: ReportFormat;
}

type Started = Printer | { problem: Diagnostic };

/** Builds the documents of `files` into `options.out`; returns the exit code. */
export async function build(files: readonly string[], options: BuildOptions, context: CliContext): Promise<number> {
  const formats = parseList(options.format, documentFormats, "--format");
  const kinds = parseList(options.documents, documentKinds, "--documents");
  const emit = options.emit === undefined ? [] : parseList(options.emit, ["json"] as const, "--emit");
  const timeouts = browserTimeouts(options.browserTimeout, context.io.env);
  if (archivalLevel(options.pdfa, undefined) === "invalid") throw new UsageError(msg("archival.usage.level", { value: String(options.pdfa) }));
  if (formats.includes("pdf")) {
    const refused = await refuseUndatable(context, options.report);
    if (refused !== undefined) return refused;
  }
  // Launching Chromium is the slowest step: the process is spawned here, before anything is
  // awaited, and comes up while puppeteer-core loads and the input is checked.
  const printer: Promise<Started> | undefined = formats.includes("pdf")
    ? startPrinter({ flag: options.chromium, env: context.io.env, timeouts })
    : undefined;
  try {
    return await buildWith(files, { ...options, formats, kinds, emit }, context, printer);
  } finally {
    const started = await printer;
    if (started && "close" in started) await started.close();
  }
}

async function buildWith(
  files: readonly string[],
  options: Omit<BuildOptions, "emit"> & { formats: string[]; kinds: (typeof documentKinds)[number][]; emit: string[] },
  context: CliContext,
  printer: Promise<Started> | undefined,
): Promise<number> {
  const { io } = context;
  const report = async (found: readonly Diagnostic[], fileCount: number) => {
    if (found.length > 0) io.stderr(await context.format(found, fileCount, options.report));
  };
  // Provenance asks git, which takes a while to start: ask now, beside the checking.
  // `-`: a session read from standard input, which has no file for git to tell the provenance of.
  const stdin = files.includes("-") && io.readStdin ? await io.readStdin() : undefined;
  const provenances = new Map(files.filter((file) => !(stdin && file === "-")).map((file) => [file, provenanceOfAsync(resolve(io.cwd, file), file).catch(() => undefined)]));
  // The PDFs' date asks git too (when each file last changed): also now.
  const dates = new Map(printer ? files.filter((file) => !(stdin && file === "-")).map((file) => [file, sourceFileDate(resolve(io.cwd, file), io.env)]) : []);
  let elapsed = stopwatch();
  const checked = await checkSessions(files, { cwd: io.cwd, stdin });
  context.detail(msg("cli.verbose.checked", { files: checked.fileCount, ms: elapsed() }));
  const diagnostics: Diagnostic[] = [...checked.diagnostics];
  if (!checked.ok) {
    await report(diagnostics, checked.files.length);
    return ExitCode.InvalidInput;
  }
  elapsed = stopwatch();
  const documents: RenderedDocument[] = [];
  /** How each document is finished when printed (its date, PDF/A), by its HTML. */
  const finishes = new Map<string, Finish>();
  // Files of one register share its configuration and templates: prepare them once.
  const preparedFor = new Map<string, ReturnType<typeof prepareTemplates>>();
  for (const c of checked.files) {
    const key = c.config.path ?? "";
    if (!preparedFor.has(key)) preparedFor.set(key, prepareTemplates(c.config, options.template, io.cwd));
    const prepared = preparedFor.get(key)!;
    if (!prepared.value) continue;
    // A file found through a glob or a folder was not among the arguments: ask git for it now.
    const provenance = provenances.get(c.path) ?? (c.path === stdinPath ? undefined : provenanceOfAsync(resolve(io.cwd, c.path), c.path).catch(() => undefined));
    const origin = await provenance;
    const rendered = renderDocuments(c.outcome!, { kinds: options.kinds, ...prepared.value, provenance: origin, links: c.links });
    diagnostics.push(...rendered.diagnostics);
    if (printer && rendered.value) {
      const finish = await finishFor(c, { cwd: io.cwd, env: io.env, option: options.pdfa, source: origin?.source, stdin, date: dates.get(c.path) });
      for (const d of rendered.value) finishes.set(d.html, finish);
    }
    documents.push(...(rendered.value ?? []));
  }
  for (const prepared of preparedFor.values()) diagnostics.push(...prepared.diagnostics);
  diagnostics.push(...documentNamesClash(documents, checked.files));
  context.detail(msg("cli.verbose.rendered", { documents: documents.length, ms: elapsed() }));
  await report(diagnostics, checked.files.length);
  if (hasErrors(diagnostics)) return ExitCode.InvalidInput;

  const outputs: OutputFile[] = options.formats.includes("html")
    ? documents.map((d) => ({ name: `${d.name}.html`, contents: d.html }))
    : [];
  if (options.emit.includes("json")) {
    outputs.push(...documents.map((d) => ({ name: `${d.name}.json`, contents: `${JSON.stringify(d.data, null, 2)}\n` })));
  }
  let environmentProblem: Diagnostic | undefined;
  if (printer) {
    const started = await printer;
    if ("problem" in started) environmentProblem = started.problem;
    else {
      // A line rewritten on a terminal once printing has taken a few seconds (progress.ts).
      const shown = startProgress(context);
      context.detail(msg("cli.verbose.browser", { path: started.executablePath }));
      elapsed = stopwatch();
      try {
        outputs.push(
          ...(await printDocuments(
            started,
            documents,
            io.env,
            (done, total) => shown.step("progress.build.printing", { done, total }),
            (d) => finishes.get(d.html),
          )),
        );
        shown.stop();
        context.detail(msg("cli.verbose.printed", { documents: documents.length, ms: elapsed() }));
      } catch (error) {
        // The browser died, hung or talked garbage while printing: no PDF is written, the rest is.
        if (!(error instanceof PrintFailed)) throw error;
        shown.stop();
        environmentProblem = error.problem;
      }
      // Every PDF is in hand: the browser goes while the files are written.
      void started.close();
    }
  }
  const out = resolve(io.cwd, options.out);
  elapsed = stopwatch();
  const writeProblems = await writeOutputs(out, outputs);
  if (writeProblems.length > 0) {
    await report(writeProblems, checked.files.length);
    return ExitCode.Environment;
  }
  context.detail(msg("cli.verbose.written", { files: outputs.length, ms: elapsed() }));
  for (const file of outputs) context.wrote(`${options.out}/${file.name}`);
  if (environmentProblem) {
    await report([environmentProblem], checked.files.length);
    return ExitCode.Environment;
  }
  return ExitCode.Ok;
}
