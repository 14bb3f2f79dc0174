import { checkSessions } from "../check.js";
import { explainSession } from "../documents.js";
import type { CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import type { ReportFormat } from "./report.js";

/** `delib explain`: the working behind every figure, on stdout; problems on stderr. */
export async function explain(files: readonly string[], options: { report?: ReportFormat }, context: CliContext): Promise<number> {
  const stdin = files.includes("-") && context.io.readStdin ? await context.io.readStdin() : undefined;
  const checked = await checkSessions(files, { cwd: context.io.cwd, stdin });
  if (checked.diagnostics.length > 0) context.io.stderr(await context.format(checked.diagnostics, checked.fileCount, options.report));
  if (!checked.ok) return ExitCode.InvalidInput;
  context.io.stdout(checked.files.map((c) => explainSession(c.outcome!, context.tr.language)).join("\n"));
  return ExitCode.Ok;
}
