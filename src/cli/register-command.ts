// `delib register --year 2021 [FILES...] [--out FILE]`: check every session file, then print
// the year's register (extracts, closing sheets, tables) to one PDF. Nothing is written
// unless the input is sound and the browser printed it all.
import { statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { globSync } from "tinyglobby";
import { startPrinter, type Printer } from "../browser/print-pdfs.js";
import { checkFile } from "../compile.js";
import { configFileName, findConfig, loadConfig } from "../config/load-config.js";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { writeOutputs } from "../output/write-outputs.js";
import { buildRegister, registerDate } from "../register/build-register.js";
import { duplicateNumbers, sittingsOfYear } from "../register/register-sittings.js";
import { summarize } from "../repository/summary.js";
import { expandPaths } from "../source/expand-paths.js";
import type { CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import { registerDiagnostics } from "./register-checks.js";
import { UsageError } from "./usage-error.js";

export interface RegisterCommandOptions {
  year: string;
  out?: string;
  chromium?: string;
}

type Started = Printer | { problem: Diagnostic };

/** Prints the register of `options.year` to `options.out` (default out/registre-YEAR.pdf); returns the exit code. */
export async function registerCommand(args: readonly string[], options: RegisterCommandOptions, context: CliContext): Promise<number> {
  const year = String(options.year ?? "").trim();
  if (!/^\d{4}$/.test(year)) throw new UsageError(`--year needs a year in four figures, e.g. --year 2021 (got \`${options.year ?? ""}\`)`);
  const cwd = process.cwd();
  const files = args.length > 0 ? undefined : registerFiles(cwd);
  // Launching Chromium is the slowest step: start it now, while the input is checked.
  const printer: Promise<Started> = startPrinter({ flag: options.chromium, env: context.io.env });
  try {
    return await registerWith(files ?? args, year, outputPath(options.out, year), args.length > 0, context, printer);
  } finally {
    const started = await printer;
    if ("close" in started) await started.close();
  }
}

/** The diagnostics without repeats (the configuration is read by the register checks and here). */
function distinct(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}|${d.message}|${d.span?.file.path ?? ""}|${d.span?.start ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The PDF to write: --out FILE, or registre-YEAR.pdf in --out DIR (an existing folder, or one ending in /), or in out/. */
function outputPath(out: string | undefined, year: string): string {
  const name = `registre-${year}.pdf`;
  if (out === undefined || out === "") return join("out", name);
  if (/[\\/]$/.test(out) || isDirectory(out)) return join(out, name);
  return out;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Every session file of the register the current folder belongs to (the folder of delib.config.yaml). */
function registerFiles(cwd: string): string[] {
  const config = findConfig(cwd);
  if (!config) {
    throw new UsageError(`no ${configFileName} in ${cwd} or a folder above it: run delib register inside a register, or name the session files`);
  }
  const root = dirname(config);
  return globSync("**/*.yaml", { cwd: root, onlyFiles: true, expandDirectories: false, ignore: ["**/node_modules/**", `**/${configFileName}`] })
    .sort()
    .map((file) => relative(cwd, join(root, file)) || file);
}

async function registerWith(args: readonly string[], year: string, out: string, given: boolean, context: CliContext, printer: Promise<Started>): Promise<number> {
  const { io } = context;
  const expanded = given ? expandPaths(args) : { value: [...args], diagnostics: [] };
  const files = expanded.value ?? [];
  const report = async (found: readonly Diagnostic[]) => {
    if (found.length > 0) io.stderr(await context.format(found, files.length));
  };
  const diagnostics: Diagnostic[] = [...expanded.diagnostics];
  const checked = await Promise.all(files.map((file) => checkFile(file)));
  diagnostics.push(...checked.flatMap((c) => c.diagnostics));
  if (hasErrors(diagnostics)) {
    await report(diagnostics);
    return ExitCode.InvalidInput;
  }
  // Across the files, as `delib validate` checks them: numbers, proxies over sittings, roster, body.
  diagnostics.push(...(await registerDiagnostics(checked.map(summarize))));
  // The register's identity: the body named in delib.config.yaml at its root.
  const configPath = findConfig(files[0] === undefined ? process.cwd() : dirname(resolve(files[0])));
  const config = configPath ? await loadConfig(configPath) : undefined;
  diagnostics.push(...(config?.diagnostics ?? []));
  const unique = distinct(diagnostics);
  diagnostics.splice(0, diagnostics.length, ...unique);
  if (hasErrors(diagnostics)) {
    await report(diagnostics);
    return ExitCode.InvalidInput;
  }
  const sittings = sittingsOfYear(checked.map((c) => ({ path: c.path, outcome: c.outcome! })), year);
  // Files outside any register escape the checks above; two numbers alike would still send
  // the tables to two places.
  diagnostics.push(...duplicateNumbers(sittings));
  if (hasErrors(diagnostics)) {
    await report(diagnostics);
    return ExitCode.InvalidInput;
  }
  if (sittings.length === 0) {
    await report(diagnostics);
    io.stderr(`error: no sitting dated ${year} in the ${files.length} session file${files.length === 1 ? "" : "s"} read; nothing written\n`);
    return ExitCode.InvalidInput;
  }

  const started = await printer;
  if ("problem" in started) {
    // browserNotFound speaks for `delib build`, which still writes the HTML; the register writes nothing.
    const problem = { ...started.problem, hints: started.problem.hints.filter((h) => !h.startsWith("the HTML was still written")) };
    await report([...diagnostics, problem]);
    return ExitCode.Environment;
  }
  const progress = io.stderrIsTty;
  const built = await buildRegister(sittings, {
    identity: { body: config?.value?.body?.name ?? sittings[0]!.outcome.session.body.name, year },
    date: registerDate(sittings, io.env),
    print: (jobs) =>
      started.print(jobs, progress ? (done, total) => io.stderr(`\rprinting the register: ${done}/${total}${done === total ? "\n" : ""}`) : undefined),
  });
  diagnostics.push(...built.diagnostics);
  await report(diagnostics);
  if (!built.value) return ExitCode.InvalidInput;

  const writeProblems = await writeOutputs(dirname(out), [{ name: basename(out), contents: built.value.pdf }]);
  if (writeProblems.length > 0) {
    await report(writeProblems);
    return ExitCode.Environment;
  }
  io.stdout(`wrote ${out}\n`);
  return ExitCode.Ok;
}
