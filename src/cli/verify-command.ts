// `delib verify FILE.pdf` or `delib verify NUMBER`: is the printed document still what the
// register's source says, and what changed a deliberation after it was adopted.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { changesOf, findDeliberation, repository, verifyPdf, type ChangeRecord } from "../provenance/verify.js";
import type { CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import type { ReportFormat } from "./report.js";

function listChanges(changes: readonly ChangeRecord[]): string {
  return changes.map((c) => `  ${c.commit.slice(0, 12)}  ${c.date}  ${c.subject}\n`).join("");
}

/** Exit 0 when the document is what the source at HEAD produces; 1 when it is not; 3 without git history. */
export async function verify(target: string, options: { report?: ReportFormat }, context: CliContext): Promise<number> {
  const { io } = context;
  const report = async (found: readonly Diagnostic[]) => io.stderr(await context.format(found, 1, options.report));
  const repo = repository(io.cwd);
  if (!repo) {
    await report([
      diagnostic({
        code: "DLB4010",
        message: "this folder is not in a git repository, so there is no history to verify against",
        hints: ["run delib verify inside the register's repository (a clone, not an exported copy)"],
      }),
    ]);
    return ExitCode.Environment;
  }
  const warnings: Diagnostic[] = repo.shallow
    ? [
        diagnostic({
          severity: "warning",
          code: "DLB4011",
          message: "this is a shallow clone: commits older than its depth are missing, and the list of changes may be incomplete",
          hints: ["git fetch --unshallow (in CI: actions/checkout with fetch-depth: 0)"],
        }),
      ]
    : [];
  const pdf = resolve(io.cwd, target);
  if (target.toLowerCase().endsWith(".pdf") || existsSync(pdf)) {
    const verdict = await verifyPdf(repo.root, pdf, target);
    if ("problem" in verdict) {
      await report([...warnings, verdict.problem]);
      return ExitCode.InvalidInput;
    }
    if (warnings.length > 0) await report(warnings);
    const { record } = verdict;
    const what = `${record.kind ?? "document"}${record.number ? ` ${record.number}` : ""}`;
    io.stdout(`${target}: ${what}, printed from ${record.source}${record.commit ? ` at ${record.commit.slice(0, 12)}` : " (uncommitted)"}\n`);
    io.stdout(
      !verdict.sourceAtHead
        ? `  the source file no longer exists at HEAD\n`
        : `  source at HEAD: ${verdict.sourceUnchanged ? "unchanged" : "changed since it was printed"}\n`,
    );
    if (verdict.documentUnchanged !== undefined) {
      io.stdout(`  document at HEAD: ${verdict.documentUnchanged ? "the same as printed" : "DIFFERENT from what was printed"}\n`);
    } else if (verdict.sourceAtHead) {
      io.stdout("  document at HEAD: the source no longer produces it (it has errors, or the deliberation is gone)\n");
    }
    if (verdict.changes.length > 0) {
      io.stdout(`  commits that changed ${record.number} since it was printed:\n${listChanges(verdict.changes)}`);
    }
    return verdict.documentUnchanged === true ? ExitCode.Ok : ExitCode.InvalidInput;
  }
  if (warnings.length > 0) await report(warnings);
  const file = findDeliberation(repo.root, target);
  if (!file) {
    await report([
      diagnostic({
        code: "DLB4013",
        message: `no session file at HEAD holds deliberation \`${target}\``,
        hints: ["check the number, and that the file is committed"],
      }),
    ]);
    return ExitCode.InvalidInput;
  }
  const changes = changesOf(repo.root, file, target, undefined);
  io.stdout(`${target}: in ${file}\n`);
  io.stdout(changes.length === 0 ? "  unchanged since it was adopted into the register\n" : `  changed after it was adopted, by:\n${listChanges(changes)}`);
  return ExitCode.Ok;
}
