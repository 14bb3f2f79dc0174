// `delib verify FILE.pdf` or `delib verify NUMBER`: is the printed document still what the
// register's source says, and what changed a deliberation after it was adopted.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { msg } from "../diagnostics/message.js";
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
        message: msg("DLB4010"),
        hints: [msg("DLB4010.hint")],
      }),
    ]);
    return ExitCode.Environment;
  }
  const warnings: Diagnostic[] = repo.shallow
    ? [
        diagnostic({
          severity: "warning",
          code: "DLB4011",
          message: msg("DLB4011"),
          hints: [msg("DLB4011.hint")],
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
    const kind = record.kind ?? "";
    const what = record.number ? msg("cli.verify.what.numbered", { kind, number: record.number }) : msg("cli.verify.what", { kind });
    const line = (text: string) => io.stdout(`${text}\n`);
    line(
      record.commit
        ? context.t("cli.verify.printed", { target, what, source: record.source ?? "?", commit: record.commit.slice(0, 12) })
        : context.t("cli.verify.printed.uncommitted", { target, what, source: record.source ?? "?" }),
    );
    line(`  ${verdict.sourceAtHead ? context.t("cli.verify.source_at_head", { changed: verdict.sourceUnchanged ? "no" : "yes" }) : context.t("cli.verify.source_gone")}`);
    if (verdict.documentUnchanged !== undefined) {
      line(`  ${context.t("cli.verify.document_at_head", { same: verdict.documentUnchanged ? "yes" : "no" })}`);
    } else if (verdict.sourceAtHead) {
      line(`  ${context.t("cli.verify.document_gone")}`);
    }
    if (verdict.changes.length > 0) {
      io.stdout(`  ${context.t("cli.verify.changed_since_printed", { number: record.number ?? target })}\n${listChanges(verdict.changes)}`);
    }
    return verdict.documentUnchanged === true ? ExitCode.Ok : ExitCode.InvalidInput;
  }
  if (warnings.length > 0) await report(warnings);
  const file = findDeliberation(repo.root, target);
  if (!file) {
    await report([
      diagnostic({
        code: "DLB4013",
        message: msg("DLB4013", { number: target }),
        hints: [msg("DLB4013.hint")],
      }),
    ]);
    return ExitCode.InvalidInput;
  }
  const changes = changesOf(repo.root, file, target, undefined);
  io.stdout(`${context.t("cli.verify.found_in", { target, file })}\n`);
  io.stdout(changes.length === 0 ? `  ${context.t("cli.verify.unchanged_since_adopted")}\n` : `  ${context.t("cli.verify.changed_since_adopted")}\n${listChanges(changes)}`);
  return ExitCode.Ok;
}
