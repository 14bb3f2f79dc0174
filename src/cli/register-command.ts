// `delib register --year 2021 [FILES...] [--out FILE]`: check every session file, then print
// the year's register (extracts, closing sheets, tables) to one PDF. Nothing is written
// unless the input is sound and the browser printed it all.
import { statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { checkSessions, registerSessionFiles } from "../check.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { msg } from "../diagnostics/message.js";
import { PrintFailed, startPrinter, writeOutputs } from "../documents.js";
import { buildRegister, registerDate } from "../register/build-register.js";
import { sittingsOfYear } from "../register/register-sittings.js";
import { archivalLevel, archiveRegister, latestSourceDate, sourceAttachments, type Archival } from "../provenance/archival.js";
import { browserTimeouts } from "./browser-timeout.js";
import { refuseUndatable } from "./source-date.js";
import { stopwatch, type CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import type { ReportFormat } from "./report.js";
import { startProgress } from "./progress.js";
import { UsageError } from "./usage-error.js";

export interface RegisterCommandOptions {
  year: string;
  out?: string;
  chromium?: string;
  /** `--browser-timeout SECONDS`: how long the browser may take to start. */
  browserTimeout?: string;
  /** `--pdfa [LEVEL]`: an archival register (PDF/A-2b, or 3b); `--no-pdfa`: false. */
  pdfa?: string | boolean;
  report?: ReportFormat;
}

type Started = Awaited<ReturnType<typeof startPrinter>>;

/** Prints the register of `options.year` to `options.out` (default out/registre-YEAR.pdf); returns the exit code. */
export async function registerCommand(args: readonly string[], options: RegisterCommandOptions, context: CliContext): Promise<number> {
  const year = String(options.year ?? "").trim();
  if (!/^\d{4}$/.test(year)) throw new UsageError(msg("cli.usage.register.year", { year: String(options.year ?? "") }));
  if (archivalLevel(options.pdfa, undefined) === "invalid") throw new UsageError(msg("archival.usage.level", { value: String(options.pdfa) }));
  const { cwd } = context.io;
  const timeouts = browserTimeouts(options.browserTimeout, context.io.env);
  const refused = await refuseUndatable(context, options.report);
  if (refused !== undefined) return refused;
  let files = args;
  if (files.length === 0) {
    const register = registerSessionFiles(cwd);
    if (!register) throw new UsageError(msg("cli.usage.register.no_register", { folder: cwd }));
    files = register.files;
  }
  // Launching Chromium is the slowest step: start it now, while the input is checked.
  const printer: Promise<Started> = startPrinter({ flag: options.chromium, env: context.io.env, timeouts });
  try {
    return await registerWith(files, year, outputPath(resolve(cwd, options.out ?? "out/"), options.out, year), options, context, printer);
  } finally {
    const started = await printer;
    if ("close" in started) await started.close();
  }
}

/** The PDF to write: --out FILE, or registre-YEAR.pdf in --out DIR (an existing folder, or one ending in /), or in out/. */
function outputPath(absolute: string, given: string | undefined, year: string): { path: string; shown: string } {
  const name = `registre-${year}.pdf`;
  if (given === undefined || given === "") return { path: join(absolute, name), shown: join("out", name) };
  if (/[\\/]$/.test(given) || isDirectory(absolute)) return { path: join(absolute, name), shown: join(given, name) };
  return { path: absolute, shown: given };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function registerWith(
  files: readonly string[],
  year: string,
  out: { path: string; shown: string },
  options: RegisterCommandOptions,
  context: CliContext,
  printer: Promise<Started>,
): Promise<number> {
  const { io } = context;
  let elapsed = stopwatch();
  const checked = await checkSessions(files, { cwd: io.cwd });
  context.detail(msg("cli.verbose.checked", { files: checked.fileCount, ms: elapsed() }));
  const report = async (found: readonly Diagnostic[]) => {
    if (found.length > 0) io.stderr(await context.format(found, checked.fileCount, options.report));
  };
  const diagnostics: Diagnostic[] = [...checked.diagnostics];
  if (!checked.ok) {
    await report(diagnostics);
    return ExitCode.InvalidInput;
  }
  const sittings = sittingsOfYear(checked.files.map((c) => ({ path: c.path, outcome: c.outcome!, config: c.config, links: c.links })), year);
  if (sittings.length === 0) {
    const none = diagnostic({
      code: "DLB3709",
      message: msg("DLB3709", { year, files: checked.files.length }),
      hints: [msg("DLB3709.hint")],
    });
    await report([...diagnostics, none]);
    return ExitCode.InvalidInput;
  }

  // The browser's diagnostics speak for `delib build`, which still writes the HTML; the register writes nothing.
  const withoutHtml = (problem: Diagnostic): Diagnostic => ({ ...problem, hints: problem.hints.filter((h) => typeof h === "string" || h.id !== "browser.html_written") });
  const started = await printer;
  if ("problem" in started) {
    await report([...diagnostics, withoutHtml(started.problem)]);
    return ExitCode.Environment;
  }
  // The register of a large body takes a minute or more: say what is being done, on a terminal.
  const shown = startProgress(context);
  context.detail(msg("cli.verbose.browser", { path: started.executablePath }));
  elapsed = stopwatch();
  // The register's identity: the body named in its configuration, else in its first sitting.
  const body = sittings[0]!.config.body?.name ?? sittings[0]!.outcome.session.body.name;
  let built: Awaited<ReturnType<typeof buildRegister>>;
  try {
    built = await buildRegister(sittings, {
      identity: { body, year },
      // When its latest sitting's source last changed (issue 14), else that sitting's day.
      date: (await latestSourceDate(sittings.map((s) => resolve(io.cwd, s.path)), io.env)) ?? registerDate(sittings, io.env),
      print: (job) => started.printLarge(job),
      progress: (step) => shown.step(`progress.register.${step.step}`, { ...step }),
    });
  } catch (error) {
    // The browser died, hung or talked garbage while printing: nothing is written.
    if (!(error instanceof PrintFailed)) throw error;
    shown.stop();
    await report([...diagnostics, withoutHtml(error.problem)]);
    return ExitCode.Environment;
  }
  shown.stop();
  diagnostics.push(...built.diagnostics);
  context.detail(msg("cli.verbose.register", { ms: elapsed() }));
  await report(diagnostics);
  if (!built.value) return ExitCode.InvalidInput;

  const archival = await registerArchival(sittings, options.pdfa, io.cwd, io.env);
  const pdf = archival ? archiveRegister(built.value.pdf, archival) : built.value.pdf;
  const writeProblems = await writeOutputs(dirname(out.path), [{ name: basename(out.path), contents: pdf }]);
  if (writeProblems.length > 0) {
    await report(writeProblems);
    return ExitCode.Environment;
  }
  context.wrote(out.shown);
  return ExitCode.Ok;
}

/**
 * How the register is made archival (`--pdfa`, else its configuration's `pdf: archival:`), or
 * undefined: PDF/A-3b carries every sitting's session file and the configuration (issue 14).
 */
async function registerArchival(
  sittings: ReturnType<typeof sittingsOfYear>,
  option: string | boolean | undefined,
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<Archival | undefined> {
  const level = archivalLevel(option, sittings[0]!.config);
  if (level === undefined || level === "invalid") return undefined;
  if (level === "pdfa-2b") return { level };
  const files = new Map<string, Awaited<ReturnType<typeof sourceAttachments>>[number]>();
  for (const sitting of sittings) {
    const attached = await sourceAttachments(resolve(cwd, sitting.path), sitting.path, sitting.config, env, new Date(`${sitting.date}T00:00:00Z`));
    for (const file of attached) if (!files.has(file.name)) files.set(file.name, file);
  }
  return { level, attachments: [...files.values()] };
}
