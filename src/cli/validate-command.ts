import { checkSessions } from "../check.js";
import type { CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import type { ReportFormat } from "./report.js";

/** `delib validate`: the report is what the command produces, so it goes to stdout. */
export async function validate(args: readonly string[], options: { format: ReportFormat }, context: CliContext): Promise<number> {
  const { env, cwd } = context.io;
  // Many files are checked in threads; DELIB_THREADS=1 keeps the main thread (same diagnostics).
  const threads = env.DELIB_THREADS ? Number(env.DELIB_THREADS) : "auto";
  const checked = await checkSessions(args, { cwd, threads });
  context.io.stdout(await context.format(checked.diagnostics, checked.fileCount, options.format));
  return checked.ok ? ExitCode.Ok : ExitCode.InvalidInput;
}
