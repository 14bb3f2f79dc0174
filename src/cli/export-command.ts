// `delib export --scdl`: the register's deliberations as the SCDL « Délibérations » open-data
// table. Every file is checked, and every row against the schema, before anything is written.
import { basename, dirname, resolve } from "node:path";
import { checkSessions, registerSessionFiles } from "../check.js";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { msg } from "../diagnostics/message.js";
import { writeOutputs } from "../documents.js";
import { scdlCsv, scdlRows, type ScdlSession } from "../export/scdl.js";
import { stopwatch, type CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import type { ReportFormat } from "./report.js";
import { UsageError } from "./usage-error.js";

export interface ExportOptions {
  /** The SCDL « Délibérations » CSV (the only format so far). */
  scdl?: boolean;
  /** The file to write; stdout when absent. */
  out?: string;
  report?: ReportFormat;
}

/** Exports the deliberations of `args` (files or globs; by default every session file of the register) as CSV; returns the exit code. */
export async function exportCommand(args: readonly string[], options: ExportOptions, context: CliContext): Promise<number> {
  if (!options.scdl) throw new UsageError(msg("cli.usage.export.format"));
  const { io } = context;
  let files = args;
  if (files.length === 0) {
    // Inside a register, its files, as `delib register` and `delib audit` read them.
    const register = registerSessionFiles(io.cwd);
    if (!register) throw new UsageError(msg("cli.usage.export.files", { folder: io.cwd }));
    files = register.files;
  }
  const elapsed = stopwatch();
  const checked = await checkSessions(files, { cwd: io.cwd });
  context.detail(msg("cli.verbose.checked", { files: checked.fileCount, ms: elapsed() }));
  const diagnostics: Diagnostic[] = [...checked.diagnostics];
  const report = async (): Promise<void> => {
    if (diagnostics.length > 0) io.stderr(await context.format(diagnostics, checked.fileCount, options.report));
  };
  if (!checked.ok) {
    await report();
    return ExitCode.InvalidInput;
  }
  const sessions: ScdlSession[] = checked.files.map((c) => ({ outcome: c.outcome!, source: c.parsed!, config: c.config }));
  const rows = scdlRows(sessions);
  diagnostics.push(...rows.diagnostics);
  if (!rows.value || hasErrors(diagnostics)) {
    await report();
    return ExitCode.InvalidInput;
  }
  const csv = scdlCsv(rows.value);
  if (options.out === undefined || options.out === "-") {
    await report();
    io.stdout(csv);
    return ExitCode.Ok;
  }
  // Written beside its final name, then renamed: a failure leaves the previous export whole.
  const out = resolve(io.cwd, options.out);
  diagnostics.push(...(await writeOutputs(dirname(out), [{ name: basename(out), contents: csv }])));
  await report();
  if (hasErrors(diagnostics)) return ExitCode.Environment;
  context.wrote(options.out);
  return ExitCode.Ok;
}
