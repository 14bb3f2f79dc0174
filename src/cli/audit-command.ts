// `delib audit [FILES...]`: the contrôle a préfecture or an auditor does by hand. Every file is
// read as a transcribed record (what was printed and signed), checked as every command checks
// it, and every finding is reported with its article, its consequence and whether it could
// have changed an outcome. Exit 0 when there is no finding, 1 when there is one (or when a file
// has a mistake that keeps it from being audited).
import { checkSessions, registerSessionFiles } from "../check.js";
import { formatAuditJson, formatAuditTable, splitFindings } from "../diagnostics/format-findings.js";
import { msg } from "../diagnostics/message.js";
import type { CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import { UsageError } from "./usage-error.js";

export interface AuditOptions {
  format: "human" | "json";
}

/** Audits `args` (files or globs; by default every session file of the register). */
export async function audit(args: readonly string[], options: AuditOptions, context: CliContext): Promise<number> {
  const { io } = context;
  let files = args;
  if (files.length === 0) {
    const register = registerSessionFiles(io.cwd);
    if (!register) throw new UsageError(msg("cli.usage.audit.no_register", { folder: io.cwd }));
    files = register.files;
  }
  const env = io.env.DELIB_THREADS ? Number(io.env.DELIB_THREADS) : "auto";
  const checked = await checkSessions(files, { cwd: io.cwd, asRecorded: true, threads: env });
  const { findings, problems } = splitFindings(checked.diagnostics);
  if (options.format === "json") {
    io.stdout(formatAuditJson(checked.diagnostics, checked.fileCount, context.tr));
  } else {
    // Mistakes in the files go to stderr, as every command reports them; the findings are the report.
    if (problems.length > 0) io.stderr(await context.format(problems, checked.fileCount));
    io.stdout(formatAuditTable(checked.diagnostics, checked.fileCount, context.tr));
  }
  return findings.length === 0 && problems.length === 0 ? ExitCode.Ok : ExitCode.InvalidInput;
}
