// `delib verify FILE.pdf` or `delib verify NUMBER`: is the printed PDF as delib printed it, is
// it still what the register's source says, and what changed a deliberation after it was adopted.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { msg } from "../diagnostics/message.js";
import { changesOf, documentName, findDeliberation, repository, verifyPdf, type ChangeRecord, type Outcome } from "../provenance/verify.js";
import type { CliContext } from "./context.js";
import { ExitCode, VerifyExitCode } from "./exit-codes.js";
import type { ReportFormat } from "./report.js";

function listChanges(changes: readonly ChangeRecord[]): string {
  return changes.map((c) => `  ${c.commit.slice(0, 12)}  ${c.date}  ${c.subject}\n`).join("");
}

/**
 * verify's answers about a PDF, beyond the common table (exit-codes.ts): each outcome its own
 * code, so a CI job can tell them apart (README "delib verify").
 */
export { VerifyExitCode };

const exitOf: Record<Outcome, number> = {
  identical: VerifyExitCode.Identical,
  "pdf-changed": VerifyExitCode.PdfChanged,
  "source-committed": VerifyExitCode.SourceCommitted,
  "source-uncommitted": VerifyExitCode.SourceUncommitted,
  unknown: VerifyExitCode.Unknown,
};

/**
 * `delib verify FILE.pdf`: the outcome's code (VerifyExitCode); 3 outside a repository when
 * the PDF itself is intact. `delib verify NUMBER`: 0, or 1 when no file holds the deliberation.
 */
export async function verify(target: string, options: { report?: ReportFormat }, context: CliContext): Promise<number> {
  const { io } = context;
  const report = async (found: readonly Diagnostic[]) => io.stderr(await context.format(found, 1, options.report));
  const line = (text: string) => io.stdout(`${text}\n`);
  const repo = repository(io.cwd);
  const pdf = resolve(io.cwd, target);
  const isPdf = target.toLowerCase().endsWith(".pdf") || existsSync(pdf);
  const outside = diagnostic({ code: "DLB4010", message: msg("DLB4010"), hints: [msg("DLB4010.hint")] });
  const warnings: Diagnostic[] = repo?.shallow
    ? [
        diagnostic({
          severity: "warning",
          code: "DLB4011",
          message: msg("DLB4011"),
          hints: [msg("DLB4011.hint")],
        }),
      ]
    : [];
  if (isPdf) {
    // Outside a repository the PDF itself can still be checked: only its source cannot.
    const verdict = await verifyPdf(repo?.root, pdf, target);
    if ("problem" in verdict) {
      await report([...warnings, verdict.problem]);
      return ExitCode.InvalidInput;
    }
    const { record } = verdict;
    if (!repo && verdict.outcome !== "pdf-changed" && verdict.seal.state !== "intact") {
      await report([outside]);
      return ExitCode.Environment;
    }
    if (!record.source && verdict.seal.state === "absent") {
      // Not a PDF of delib's: nothing of it to show.
      await report([...warnings, ...verdict.diagnostics]);
      return exitOf[verdict.outcome];
    }
    const what = documentName(record);
    if (record.source) {
      line(
        record.commit
          ? context.t("cli.verify.printed", { target, what, source: record.source, commit: record.commit.slice(0, 12) })
          : context.t("cli.verify.printed.uncommitted", { target, what, source: record.source }),
      );
    }
    line(`  ${context.t("verify.pdf", { state: verdict.seal.state })}`);
    verdict.signatures.forEach((signature, i) => {
      const date = signature.date ? signature.date.replace("T", " ").replace(/Z$/, " UTC") : "?";
      const values = { index: i + 1, signer: signature.signer ?? "?", date, valid: signature.problem === undefined ? "yes" : "no" };
      line(`  ${signature.reason ? context.t("cli.verify.signature.reason", { ...values, reason: signature.reason }) : context.t("cli.verify.signature", values)}`);
    });
    // A PDF/A-3b document checked against the session file it carries (provenance/archival.ts).
    if (verdict.carried) line(`  ${context.t("archival.verify.carried", { same: verdict.carried.document === "same" ? "yes" : "no" })}`);
    if (!repo && verdict.outcome !== "pdf-changed" && verdict.carried === undefined) {
      await report([outside]);
      return ExitCode.Environment;
    }
    const looked = repo !== undefined && verdict.outcome !== "pdf-changed" && (verdict.atCommit.present || verdict.head.present || verdict.working.present);
    if (looked) {
      const { head, working } = verdict;
      line(`  ${head.present ? context.t("cli.verify.source_at_head", { changed: head.sameSource ? "no" : "yes" }) : context.t("cli.verify.source_gone")}`);
      if (head.document === "same" || head.document === "different") line(`  ${context.t("cli.verify.document_at_head", { same: head.document === "same" ? "yes" : "no" })}`);
      else if (head.present) line(`  ${context.t("cli.verify.document_gone")}`);
      const state = !working.modified ? "clean" : !working.present ? "deleted" : working.document ?? "none";
      line(`  ${context.t("verify.working", { state })}`);
      if (verdict.changes.length > 0) {
        io.stdout(`  ${context.t("cli.verify.changed_since_printed", { number: record.number ?? target })}\n${listChanges(verdict.changes)}`);
      }
    }
    const outcome = verdict.seal.state === "absent" ? "unsealed" : verdict.outcome.replace(/-/g, "_");
    line(context.t("verify.outcome", { outcome, what }));
    const found = [...warnings, ...verdict.diagnostics];
    if (found.length > 0) await report(found);
    return exitOf[verdict.outcome];
  }
  if (!repo) {
    await report([outside]);
    return ExitCode.Environment;
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
