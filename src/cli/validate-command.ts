import { basename } from "node:path";
import { configFileName, loadConfig } from "../config/load-config.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { expandPaths } from "../source/expand-paths.js";
import { checkMany } from "./check-many.js";
import { registerDiagnostics } from "./register-checks.js";
import type { CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import type { ReportFormat } from "./report.js";

/** `delib validate`: the report is what the command produces, so it goes to stdout. */
export async function validate(args: readonly string[], options: { format: ReportFormat }, context: CliContext): Promise<number> {
  const expanded = expandPaths(args);
  const files = expanded.value ?? [];
  // DELIB_THREADS=1 checks in the main thread (the diagnostics are the same either way).
  const threads = context.io.env.DELIB_THREADS ? Number(context.io.env.DELIB_THREADS) : undefined;
  // A glob such as '**/*.yaml' takes in the register's configuration: check it as one.
  const configs = files.filter((f) => basename(f) === configFileName);
  const sessions = files.filter((f) => basename(f) !== configFileName);
  const checks = await checkMany(sessions, { threads });
  const diagnostics = [
    ...expanded.diagnostics,
    ...(await Promise.all(configs.map(loadConfig))).flatMap((c) => c.diagnostics),
    ...checks.flatMap((c) => c.diagnostics),
    // Across the files of a register: numbering, proxies over sittings, the roster.
    ...(await registerDiagnostics(checks.map((c) => c.summary))),
  ];
  context.io.stdout(await context.format(diagnostics, files.length, options.format));
  return hasErrors(diagnostics) ? ExitCode.InvalidInput : ExitCode.Ok;
}
