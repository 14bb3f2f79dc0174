// `delib publish [FILES...] [--out DIR]`: the register as a static website, from the repository
// alone. Every file is checked, every page and document rendered and printed, before anything
// is written; then the whole site is written as one transaction.
import { resolve } from "node:path";
import { checkSessions, registerSessionFiles } from "../check.js";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { msg } from "../diagnostics/message.js";
import { PrintFailed, startPrinter, writeOutputs, type Printer } from "../documents.js";
import { scdlCsv, scdlRows } from "../export/scdl.js";
import { provenanceOfAsync } from "../provenance/provenance.js";
import { finishFor } from "../provenance/archival.js";
import { startProgress } from "./progress.js";
import { buildSite } from "../publish/build-site.js";
import { committedDates } from "../publish/online-dates.js";
import { browserTimeouts } from "./browser-timeout.js";
import { stopwatch, type CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import type { ReportFormat } from "./report.js";
import { refuseUndatable } from "./source-date.js";
import { UsageError } from "./usage-error.js";

export interface PublishCommandOptions {
  /** The folder the site is written to (`site` by default). */
  out: string;
  chromium?: string;
  /** `--browser-timeout SECONDS`: how long the browser may take to start. */
  browserTimeout?: string;
  report?: ReportFormat;
}

type Started = Printer | { problem: Diagnostic };

/** How many session files git is asked about at once. */
const GIT_WIDTH = 8;

/** `work` on every item, at most `width` at a time; the results in the items' order. */
async function eachAtMost<T, R>(width: number, items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

/** Publishes the register of `args` (by default every session file of the register) as a website in `options.out`; returns the exit code. */
export async function publishCommand(args: readonly string[], options: PublishCommandOptions, context: CliContext): Promise<number> {
  const { io } = context;
  const timeouts = browserTimeouts(options.browserTimeout, io.env);
  const refused = await refuseUndatable(context, options.report);
  if (refused !== undefined) return refused;
  let files = args;
  if (files.length === 0) {
    const register = registerSessionFiles(io.cwd);
    if (!register) throw new UsageError(msg("cli.usage.publish.files", { folder: io.cwd }));
    files = register.files;
  }
  // Launching Chromium is the slowest step: start it now, while the input is checked.
  const printer: Promise<Started> = startPrinter({ flag: options.chromium, env: io.env, timeouts });
  try {
    return await publishWith(files, options, context, printer);
  } finally {
    const started = await printer;
    if ("close" in started) await started.close();
  }
}

async function publishWith(files: readonly string[], options: PublishCommandOptions, context: CliContext, printer: Promise<Started>): Promise<number> {
  const { io } = context;
  let elapsed = stopwatch();
  const checked = await checkSessions(files, { cwd: io.cwd });
  context.detail(msg("cli.verbose.checked", { files: checked.fileCount, ms: elapsed() }));
  const diagnostics: Diagnostic[] = [...checked.diagnostics];
  const report = async () => {
    if (diagnostics.length > 0) io.stderr(await context.format(diagnostics, checked.fileCount, options.report));
  };
  if (!checked.ok) {
    await report();
    return ExitCode.InvalidInput;
  }
  const sessions = checked.files.filter((c) => c.outcome !== undefined);
  // Git is asked, for each file, where it comes from and since when each act is online; a few
  // files at a time (a year of a large body is hundreds of files).
  const fromGit = await eachAtMost(GIT_WIDTH, sessions, async (c) => {
    const absolute = resolve(io.cwd, c.path);
    const [provenance, committed] = await Promise.all([
      provenanceOfAsync(absolute, c.path).catch(() => undefined),
      committedDates(absolute, c.outcome!.session.session.date, c.outcome!.motions.map((m) => m.motion.number)),
    ]);
    // Dated and, when the configuration asks, archival, as `delib build` prints the same documents.
    const finish = await finishFor(c, { cwd: io.cwd, env: io.env, source: provenance?.source });
    return { path: c.path, provenance, committed, finish };
  });
  const finishes = new Map(fromGit.map((g) => [g.path, g.finish] as const));
  const provenance = fromGit.map((g) => [g.path, g.provenance] as const);
  const committed = fromGit.map((g) => [g.path, g.committed] as const);

  const started = await printer;
  if ("problem" in started) {
    diagnostics.push(started.problem);
    await report();
    return ExitCode.Environment;
  }
  context.detail(msg("cli.verbose.browser", { path: started.executablePath }));
  // A line rewritten on a terminal once printing has taken a few seconds, as for `build`.
  const shown = startProgress(context);
  elapsed = stopwatch();
  let site: Awaited<ReturnType<typeof buildSite>>;
  try {
    site = await buildSite(sessions, {
      language: context.tr.language,
      cwd: io.cwd,
      env: io.env,
      provenance: new Map(provenance),
      committed: new Map(committed),
      // The SCDL table of `delib export --scdl`, made by the export (features share through the CLI).
      openData: (files) => {
        const rows = scdlRows(files.map((c) => ({ outcome: c.outcome!, source: c.parsed!, config: c.config })));
        return rows.value ? { value: scdlCsv(rows.value), diagnostics: rows.diagnostics } : { value: undefined, diagnostics: rows.diagnostics };
      },
      printer: started,
      finish: (file) => finishes.get(file.path),
      onPrinted: (done, total) => shown.step("cli.publish.printing", { done, total }),
    });
    shown.stop();
  } catch (error) {
    // The browser died, hung or talked garbage while printing: nothing is written.
    if (!(error instanceof PrintFailed)) throw error;
    shown.stop();
    diagnostics.push(error.problem);
    await report();
    return ExitCode.Environment;
  }
  diagnostics.push(...site.diagnostics);
  context.detail(msg("cli.verbose.printed", { documents: site.value?.filter((f) => f.name.endsWith(".pdf")).length ?? 0, ms: elapsed() }));
  if (!site.value || hasErrors(diagnostics)) {
    await report();
    return ExitCode.InvalidInput;
  }
  const out = resolve(io.cwd, options.out);
  elapsed = stopwatch();
  diagnostics.push(...(await writeOutputs(out, site.value)));
  await report();
  if (hasErrors(diagnostics)) return ExitCode.Environment;
  context.detail(msg("cli.verbose.written", { files: site.value.length, ms: elapsed() }));
  context.wrote(`${options.out.replace(/[\\/]+$/, "")}/`);
  return ExitCode.Ok;
}
