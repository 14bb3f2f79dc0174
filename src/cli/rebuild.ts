// The builds of `delib build --watch`: one browser for as long as the watch runs, and at each
// save only the documents whose content changed are printed and written.
//
// Each build checks the files (the one checking path, checkSessions), renders every document
// again and compares each with what was last written for it, kept in memory; a document whose
// content changed is printed, and its files written, each atomically as writeOutputs writes.
// The extracts of the motions whose text changed are rendered, printed and written first, with
// the machine to themselves: that is the document the clerk is looking at. Every error of the
// input (the checks, the templates' and images' configuration, two documents under one name) is
// known before they are written, and then nothing is written. The other documents are rendered
// next, the procès-verbal first (the longest to print); a template that fails only on one of
// them is reported then, and leaves that document's files as they were.
//
// A document is compared without its provenance line (the source's hash and version, which every
// save changes on every document): one whose only change is that line is not printed again, and
// its files keep the line of the version they were printed from, still true of what they say.
// `delib build` prints every document with the current line.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { checkSessions } from "../check.js";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { listOf, msg, type Message } from "../diagnostics/message.js";
import {
  documentKinds,
  fileNamesClash,
  PrintFailed,
  plannedDocuments,
  prepareTemplates,
  printConcurrency,
  printDocuments,
  renderDocument,
  startPrinter,
  writeOutputs,
  type DocumentFinish,
  type DocumentKind,
  type OutputFile,
  type Printer,
  type PrinterTimeouts,
  type RenderedDocument,
} from "../documents.js";
import { provenanceOfAsync } from "../provenance/provenance.js";
import { finishFor } from "../provenance/archival.js";
import { documentFormats, type BuildOptions } from "./build-command.js";
import { browserTimeouts } from "./browser-timeout.js";
import { stopwatch, type CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import type { ReportFormat } from "./report.js";
import { parseList } from "./usage-error.js";

/** What a watch builds, its command line read once. */
export interface RebuildOptions {
  readonly out: string;
  readonly formats: readonly (typeof documentFormats)[number][];
  readonly kinds: readonly DocumentKind[];
  readonly emit: readonly "json"[];
  readonly template?: string;
  readonly chromium?: string;
  /** How long the browser may take to start and to print each document. */
  readonly timeouts?: PrinterTimeouts;
  /** `--pdfa [LEVEL]` / `--no-pdfa`, as `build` reads it. */
  readonly pdfa?: string | boolean;
  readonly report?: ReportFormat;
}

/**
 * `build`'s options, read as `build` reads them (with `env`'s DELIB_BROWSER_TIMEOUT and
 * DELIB_PRINT_TIMEOUT); a wrong value is a usage error, before anything is watched.
 */
export function rebuildOptions(options: BuildOptions, env: Readonly<Record<string, string | undefined>> = {}): RebuildOptions {
  return {
    out: options.out,
    formats: parseList(options.format, documentFormats, "--format"),
    kinds: parseList(options.documents, documentKinds, "--documents"),
    emit: options.emit === undefined ? [] : parseList(options.emit, ["json"] as const, "--emit"),
    template: options.template,
    chromium: options.chromium,
    timeouts: browserTimeouts(options.browserTimeout, env),
    pdfa: options.pdfa,
    report: options.report,
  };
}

/** A watch's builds, sharing one browser and the memory of what was written. */
export interface Rebuilder {
  /**
   * Builds what changed; returns the exit code. `seen` is when the change was seen
   * (`performance.now()`): the time the build reports is counted from it.
   */
  run(seen?: number): Promise<number>;
  /** Closes the browser, if one was started. */
  close(): Promise<void>;
}

/** Up to this many documents are named in the line a build ends with; more are counted. */
const NAMED = 6;

type Started = Printer | { problem: Diagnostic };

/**
 * What a document is compared by: its HTML and metadata, without its provenance (the line of
 * the page, and the source's path, hash and commit in the metadata).
 */
export function contentKey(document: RenderedDocument): string {
  const line = (document.data as { page?: { provenance?: unknown } }).page?.provenance;
  let html = document.html;
  if (typeof line === "string" && line !== "") {
    // As the templates print it: escaped as Handlebars escapes (or raw, in a template's {{{ }}}).
    for (const form of new Set([escapeLikeHandlebars(line), line])) html = html.split(form).join("");
  }
  const { DelibSource: _source, DelibSourceHash: _hash, DelibCommit: _commit, ...custom } = document.meta.custom;
  return `${JSON.stringify({ ...document.meta, custom })}\n${html}`;
}

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;", "`": "&#x60;", "=": "&#x3D;" };
function escapeLikeHandlebars(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => escapes[c]!);
}

/** The line a build ends with (`watch`) or a preview's update (`preview`): the documents, named when few, counted when many. */
export function changedMessage(what: "watch" | "preview", names: readonly string[], values: { ms: number; version?: number }): Message {
  const named = names.length <= NAMED;
  const all = { ...values, count: names.length, ...(named ? { documents: listOf(names) } : {}) };
  if (what === "watch") return named ? msg("cli.watch.written", all) : msg("cli.watch.written.many", all);
  return named ? msg("cli.preview.changed", all) : msg("cli.preview.changed.many", all);
}

/** Runs at most `limit` tasks at once, in the order they were queued; the limit may change as they run. */
function queue(initial: number) {
  let limit = initial;
  let active = 0;
  const waiting: (() => void)[] = [];
  const pump = () => {
    while (active < limit && waiting.length > 0) {
      active++;
      waiting.shift()!();
    }
  };
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      await new Promise<void>((go) => {
        waiting.push(go);
        pump();
      });
      try {
        return await task();
      } finally {
        active--;
        pump();
      }
    },
    set limit(value: number) {
      limit = value;
      pump();
    },
  };
}

/** Lets the event loop run: the browser's answers come in while the documents are rendered. */
const breathe = () => new Promise<void>((go) => setImmediate(go));

/** One document to render: how, and its place among the documents as `delib build` lists them. */
interface Job {
  /** Its register's templates and its kind: a template that fails fails for every document of its kind. */
  readonly template: string;
  readonly render: () => ReturnType<typeof renderDocument>;
  /** How its PDF is finished (its date, PDF/A), as `build` finishes it. */
  readonly finish: () => Promise<DocumentFinish>;
  readonly order: number;
}

/** A document whose content changed: its files to write, and its PDF being printed. */
interface Change {
  readonly document: RenderedDocument;
  readonly order: number;
  readonly key: string;
  /** The names of its files that are out of date (or missing). */
  readonly stale: readonly string[];
  readonly pdf: Promise<OutputFile[] | undefined> | undefined;
}

/** The builds of `files` into `options.out`, for `build --watch`. */
export function rebuilder(files: readonly string[], options: RebuildOptions, context: CliContext): Rebuilder {
  const { io } = context;
  const out = resolve(io.cwd, options.out);
  /** The content key of each file written, by file name. */
  const written = new Map<string, string>();
  /** Each motion's text at the last build, by file and place: a motion that changed is rendered first. */
  const motions = new Map<string, string>();
  const print = queue(printConcurrency);
  let printer: Promise<Started> | undefined;
  /** A build got as far as rendering: the next one can tell which motions changed. */
  let built = false;
  /** The last build had errors in its input: the next one without says it is fixed. */
  let hadErrors = false;

  const report = async (found: readonly Diagnostic[], fileCount: number) => {
    if (found.length > 0) io.stderr(await context.format(found, fileCount, options.report));
  };

  /** The browser, started on first need and kept; one that would not start is tried again at the next build. */
  const browser = (): Promise<Started> => {
    printer ??= startPrinter({ flag: options.chromium, env: io.env, timeouts: options.timeouts }).then((started) => {
      if ("problem" in started) printer = undefined;
      else {
        context.detail(msg("cli.verbose.browser", { path: started.executablePath }));
      }
      return started;
    });
    return printer;
  };

  const run = async (seen: number = performance.now()): Promise<number> => {
    const took = () => Math.round(performance.now() - seen);
    // Launching Chromium is the slowest step: at the first build it comes up while the input is checked.
    const started = options.formats.includes("pdf") ? browser() : undefined;
    const provenances = new Map(files.map((file) => [file, provenanceOfAsync(resolve(io.cwd, file), file).catch(() => undefined)]));
    let elapsed = stopwatch();
    const checked = await checkSessions(files, { cwd: io.cwd });
    context.detail(msg("cli.verbose.checked", { files: checked.fileCount, ms: elapsed() }));
    const diagnostics: Diagnostic[] = [...checked.diagnostics];
    const fileCount = checked.files.length;
    /** What was written by this build, in the order `delib build` lists the documents. */
    const done: { order: number; name: string; files: string[] }[] = [];
    const ending = (message: Message) => {
      for (const { files } of done) for (const name of files) context.wrote(`${options.out}/${name}`);
      context.status(message);
    };
    const writtenLine = () => {
      done.sort((a, b) => a.order - b.order);
      return done.length > 0 ? changedMessage("watch", done.map((d) => d.name), { ms: took() }) : msg("cli.watch.unchanged", { ms: took() });
    };
    const failed = async () => {
      hadErrors = true;
      await report(diagnostics, fileCount);
      // Errors found before anything was written (the input's, always) leave every file as it was.
      ending(done.length > 0 ? writtenLine() : msg("cli.watch.kept", { ms: took() }));
      return ExitCode.InvalidInput;
    };
    if (!checked.ok) return failed();

    // What to render, and in which order: first the extracts of the motions whose text changed
    // since the last build; then the procès-verbal (the longest to print), the list, the rest.
    elapsed = stopwatch();
    const preparedFor = new Map<string, ReturnType<typeof prepareTemplates>>();
    const edited: Job[] = [];
    const documentsOfSitting: Job[] = [];
    const others: Job[] = [];
    const names: string[] = [];
    let order = 0;
    for (const file of checked.files) {
      const register = file.config.path ?? "";
      if (!preparedFor.has(register)) preparedFor.set(register, prepareTemplates(file.config, options.template, io.cwd));
      const prepared = preparedFor.get(register)!;
      if (!prepared.value || !file.outcome) continue;
      const provenance = await (provenances.get(file.path) ?? provenanceOfAsync(resolve(io.cwd, file.path), file.path).catch(() => undefined));
      const renderOptions = { ...prepared.value, provenance, links: file.links };
      const outcome = file.outcome;
      // Asked once per file and build, and only when a PDF is printed (git is slow to start).
      let finished: Promise<DocumentFinish> | undefined;
      const finish = () => (finished ??= finishFor(file, { cwd: io.cwd, env: io.env, option: options.pdfa, source: provenance?.source }));
      for (const { name, which } of plannedDocuments(outcome, options.kinds)) {
        names.push(name);
        const job: Job = { template: `${register}\0${which.kind}`, render: () => renderDocument(outcome, which, renderOptions), finish, order: order++ };
        if (which.kind !== "extract") {
          documentsOfSitting.push(job);
          continue;
        }
        const key = `${file.path}\0${which.index}`;
        const text = JSON.stringify(outcome.motions[which.index]!.motion);
        (built && motions.get(key) !== text ? edited : others).push(job);
        motions.set(key, text);
      }
    }
    built = true;
    for (const prepared of preparedFor.values()) diagnostics.push(...prepared.diagnostics);
    // Two documents to be written under one name: known from the names alone, before any is written.
    diagnostics.push(...fileNamesClash(names, checked.files));

    const failedTemplates = new Set<string>();
    let rendered = 0;
    /** Renders `jobs`, one print at a time beside; starts printing each document whose content changed. */
    const render = async (jobs: readonly Job[]): Promise<Change[]> => {
      const changes: Change[] = [];
      print.limit = 1;
      for (const job of jobs) {
        if (failedTemplates.has(job.template)) continue;
        const result = job.render();
        diagnostics.push(...result.diagnostics);
        if (!result.value) {
          failedTemplates.add(job.template);
          continue;
        }
        for (const document of result.value) {
          rendered++;
          const key = contentKey(document);
          const fileNames = [
            ...(options.formats.includes("html") ? [`${document.name}.html`] : []),
            ...(options.emit.includes("json") ? [`${document.name}.json`] : []),
            ...(started ? [`${document.name}.pdf`] : []),
          ];
          const stale = fileNames.filter((name) => written.get(name) !== key || !existsSync(join(out, name)));
          if (stale.length === 0) continue;
          const pdf =
            started && stale.includes(`${document.name}.pdf`)
              ? print.run(async () => {
                  const printer = await started;
                  if ("problem" in printer) return undefined;
                  const finish = await job.finish();
                  return printDocuments(printer, [document], io.env, undefined, () => finish);
                })
              : undefined;
          // A print started for a build that turns out to have errors is not waited for.
          pdf?.catch(() => undefined);
          changes.push({ document, order: job.order, key, stale, pdf });
        }
        // The browser's answers come in between two documents.
        if (changes.some((c) => c.pdf)) await breathe();
      }
      print.limit = printConcurrency;
      return changes;
    };

    const problems: Diagnostic[] = [];
    let printFailure: unknown;
    /** Writes each document's files as soon as its PDF is printed, each file atomically. */
    const write = (changes: readonly Change[]) =>
      Promise.all(
        changes.map(async ({ document, order, key, stale, pdf }) => {
          const outputs: OutputFile[] = [];
          if (stale.includes(`${document.name}.html`)) outputs.push({ name: `${document.name}.html`, contents: document.html });
          if (stale.includes(`${document.name}.json`)) outputs.push({ name: `${document.name}.json`, contents: `${JSON.stringify(document.data, null, 2)}\n` });
          try {
            outputs.push(...((await pdf) ?? []));
          } catch (error) {
            printFailure ??= error;
          }
          if (outputs.length === 0) return;
          const failure = await writeOutputs(out, outputs);
          if (failure.length > 0) return void problems.push(...failure);
          for (const file of outputs) written.set(file.name, key);
          done.push({ order, name: document.name, files: outputs.map((f) => f.name) });
        }),
      ).then(() => {
        if (printFailure === undefined) return;
        // The browser failed while printing (it crashed, hung, or was killed): the next build starts another.
        const broken = printer;
        printer = undefined;
        void broken?.then((s) => ("close" in s ? s.close() : undefined)).catch(() => undefined);
        // Said once, however many documents it failed; the HTML was written all the same.
        if (!(printFailure instanceof PrintFailed)) throw printFailure;
        if (!problems.includes(printFailure.problem)) problems.push(printFailure.problem);
        printFailure = undefined;
      });

    // The documents being edited: checked, rendered and written first, with the machine to themselves.
    const first = await render(edited);
    if (hasErrors(diagnostics)) return failed();
    await write(first);
    // Then the others. A template that fails only on one of them is said now: that document is
    // not written, and the ones above, sound, were.
    const rest = await render([...documentsOfSitting, ...others]);
    context.detail(msg("cli.verbose.rendered", { documents: rendered, ms: elapsed() }));
    if (hasErrors(diagnostics)) return failed();
    await report(diagnostics, fileCount);
    const fixed = hadErrors;
    hadErrors = false;
    elapsed = stopwatch();
    await write(rest);
    context.detail(msg("cli.verbose.written", { files: done.reduce((n, d) => n + d.files.length, 0), ms: elapsed() }));
    if (fixed) context.status(msg("cli.watch.fixed"));
    ending(writtenLine());
    const environment = [...problems];
    const browserProblem = started ? await started : undefined;
    if (browserProblem && "problem" in browserProblem) environment.push(browserProblem.problem);
    if (environment.length > 0) {
      await report(environment, fileCount);
      return ExitCode.Environment;
    }
    return ExitCode.Ok;
  };

  return {
    run,
    async close() {
      const started = await printer;
      if (started && "close" in started) await started.close();
    },
  };
}
