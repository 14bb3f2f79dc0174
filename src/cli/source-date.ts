// SOURCE_DATE_EPOCH, read by every command that prints a PDF: a value that is not a date a PDF
// can carry stops the command before anything is started, printed or written.
import { sourceDateEpochProblem } from "../documents.js";
import type { CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import type { ReportFormat } from "./report.js";

/** Exit 3 with DLB4030 when SOURCE_DATE_EPOCH cannot date a PDF; undefined when it can, or is unset. */
export async function refuseUndatable(context: CliContext, report?: ReportFormat): Promise<number | undefined> {
  const problem = sourceDateEpochProblem(context.io.env);
  if (!problem) return undefined;
  context.io.stderr(await context.format([problem], 0, report));
  return ExitCode.Environment;
}
