// `delib export --scdl`: the register's deliberations as the SCDL « Délibérations » open-data
// table. Every file is checked, and every row against the schema, before anything is written.
import { basename, dirname, resolve } from "node:path";
import { checkFile } from "../compile.js";
import { findConfig, loadConfig, noConfig, type Config } from "../config/load-config.js";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { scdlCsv, scdlRows, type ScdlSession } from "../export/scdl.js";
import { writeOutputs } from "../output/write-outputs.js";
import { expandPaths } from "../source/expand-paths.js";
import { parseYaml } from "../source/parse-yaml.js";
import type { CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import { UsageError } from "./usage-error.js";

export interface ExportOptions {
  /** The SCDL « Délibérations » CSV (the only format so far). */
  scdl?: boolean;
  /** The file to write; stdout when absent. */
  out?: string;
}

/** Exports the deliberations of `args` (files or globs) as CSV; returns the exit code. */
export async function exportCommand(args: readonly string[], options: ExportOptions, context: CliContext): Promise<number> {
  if (!options.scdl) throw new UsageError("say what to export: --scdl (the SCDL « Délibérations » open-data table, CSV)");
  if (args.length === 0) throw new UsageError("give the session files to export, e.g. `delib export --scdl 'seances/**/*.yaml'`");
  const { io } = context;
  const expanded = expandPaths(args);
  const files = expanded.value ?? [];
  const diagnostics: Diagnostic[] = [...expanded.diagnostics];
  const report = async (): Promise<void> => {
    if (diagnostics.length > 0) io.stderr(await context.format(diagnostics, files.length));
  };

  const checked = await Promise.all(files.map((file) => checkFile(file)));
  diagnostics.push(...checked.flatMap((c) => c.diagnostics));
  if (hasErrors(diagnostics)) {
    await report();
    return ExitCode.InvalidInput;
  }

  // One configuration per register: the nearest delib.config.yaml above each file, read once.
  const configs = new Map<string, Promise<Config | undefined>>();
  const configFor = (path: string): Promise<Config | undefined> => {
    const found = findConfig(dirname(resolve(path)));
    if (!found) return Promise.resolve(noConfig);
    let loading = configs.get(found);
    if (!loading) {
      loading = loadConfig(found).then((loaded) => {
        diagnostics.push(...loaded.diagnostics);
        return loaded.value;
      });
      configs.set(found, loading);
    }
    return loading;
  };
  const sessions: ScdlSession[] = [];
  for (const c of checked) {
    const config = await configFor(c.path);
    // A file without errors was read and parsed: parsing it again only keeps its positions.
    const source = c.source ? parseYaml(c.source).value : undefined;
    if (config && source && c.outcome) sessions.push({ outcome: c.outcome, source, config });
  }
  if (hasErrors(diagnostics)) {
    await report();
    return ExitCode.InvalidInput;
  }

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
  diagnostics.push(...(await writeOutputs(dirname(options.out), [{ name: basename(options.out), contents: csv }])));
  await report();
  if (hasErrors(diagnostics)) return ExitCode.Environment;
  io.stdout(`wrote ${options.out}\n`);
  return ExitCode.Ok;
}
