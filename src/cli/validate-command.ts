import { checkFile } from "../compile.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import type { CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import type { ReportFormat } from "./report.js";

/** `delib validate`: the report is what the command produces, so it goes to stdout. */
export async function validate(files: readonly string[], options: { format: ReportFormat }, context: CliContext): Promise<number> {
  const checked = await Promise.all(files.map((file) => checkFile(file)));
  const diagnostics = checked.flatMap((c) => c.diagnostics);
  context.io.stdout(await context.format(diagnostics, files.length, options.format));
  return hasErrors(diagnostics) ? ExitCode.InvalidInput : ExitCode.Ok;
}
