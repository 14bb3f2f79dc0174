import { checkFile } from "../compile.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { explainSession } from "../documents.js";
import type { CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";

/** `delib explain`: the working behind every figure, on stdout; problems on stderr. */
export async function explain(files: readonly string[], context: CliContext): Promise<number> {
  const checked = await Promise.all(files.map((file) => checkFile(file)));
  const diagnostics = checked.flatMap((c) => c.diagnostics);
  if (diagnostics.length > 0) context.io.stderr(await context.format(diagnostics, files.length));
  if (hasErrors(diagnostics)) return ExitCode.InvalidInput;
  context.io.stdout(checked.map((c) => explainSession(c.outcome!)).join("\n"));
  return ExitCode.Ok;
}
