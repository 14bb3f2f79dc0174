// `delib actes`: the @CTES transmission package of each deliberation of a sitting (or of one),
// as a tiers de télétransmission takes it: the sitting is checked, every deliberation is checked
// for transmission, the extracts are printed as `delib build` prints them, and only then are
// the archives written. Then the clerk is told what to record when the préfecture answers.
import { resolve } from "node:path";
import { actesArchive, planActesPackages, type ActesPlan } from "../actes/actes-packages.js";
import { checkSessions } from "../check.js";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { msg } from "../diagnostics/message.js";
import {
  PrintFailed,
  prepareTemplates,
  printDocuments,
  renderDocument,
  startPrinter,
  writeOutputs,
  type OutputFile,
  type Printer,
  type RenderedDocument,
} from "../documents.js";
import { numberKey } from "../model/deliberation-number.js";
import { provenanceOfAsync } from "../provenance/provenance.js";
import { finishFor } from "../provenance/archival.js";
import { browserTimeouts } from "./browser-timeout.js";
import type { CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import type { ReportFormat } from "./report.js";
import { refuseUndatable } from "./source-date.js";
import { UsageError } from "./usage-error.js";

export interface ActesOptions {
  /** The folder the archives are written to. */
  out: string;
  /** Only the deliberation with this number. */
  motion?: string;
  template?: string;
  chromium?: string;
  browserTimeout?: string;
  report?: ReportFormat;
}

type Started = Printer | { problem: Diagnostic };

/** Writes the @CTES packages of `file`'s deliberations into `options.out`; returns the exit code. */
export async function actesCommand(file: string, options: ActesOptions, context: CliContext): Promise<number> {
  const refused = await refuseUndatable(context, options.report);
  if (refused !== undefined) return refused;
  // Chromium comes up while the sitting is checked, as for `delib build`.
  const printer: Promise<Started> = startPrinter({ flag: options.chromium, env: context.io.env, timeouts: browserTimeouts(options.browserTimeout, context.io.env) });
  try {
    return await actesWith(file, options, context, printer);
  } finally {
    const started = await printer;
    if ("close" in started) await started.close();
  }
}

async function actesWith(file: string, options: ActesOptions, context: CliContext, printer: Promise<Started>): Promise<number> {
  const { io } = context;
  const provenance = provenanceOfAsync(resolve(io.cwd, file), file).catch(() => undefined);
  const checked = await checkSessions([file], { cwd: io.cwd });
  const diagnostics: Diagnostic[] = [...checked.diagnostics];
  const report = async () => {
    if (diagnostics.length > 0) io.stderr(await context.format(diagnostics, checked.fileCount, options.report));
  };
  // One sitting: a glob or a folder that names several is a mistake on the command line.
  if (checked.files.length > 1) throw new UsageError(msg("actes.usage.one_file", { file, count: checked.files.length }));
  const sitting = checked.files[0];
  if (!checked.ok || !sitting?.outcome || !sitting.parsed) {
    await report();
    return ExitCode.InvalidInput;
  }
  const outcome = sitting.outcome;
  if (options.motion !== undefined && !outcome.motions.some((m) => numberKey(m.motion.number) === numberKey(options.motion!))) {
    throw new UsageError(msg("actes.usage.no_motion", { number: options.motion, file, numbers: outcome.motions.map((m) => m.motion.number).join(", ") }));
  }
  const planned = planActesPackages({ outcome, source: sitting.parsed, config: sitting.config }, io.env, options.motion);
  diagnostics.push(...planned.diagnostics);
  const prepared = prepareTemplates(sitting.config, options.template, io.cwd);
  diagnostics.push(...prepared.diagnostics);
  const documents: RenderedDocument[] = [];
  const plans: readonly ActesPlan[] = planned.value?.plans ?? [];
  if (planned.value && prepared.value) {
    const shown = await provenance;
    for (const plan of plans) {
      // The act is the extract of the register, exactly as `delib build` prints it.
      const rendered = renderDocument(outcome, { kind: "extract", index: plan.index }, { ...prepared.value, provenance: shown, links: sitting.links });
      diagnostics.push(...rendered.diagnostics);
      documents.push(...(rendered.value ?? []));
    }
  }
  if (hasErrors(diagnostics) || !planned.value) {
    await report();
    return ExitCode.InvalidInput;
  }
  for (const number of planned.value.skipped) context.status(msg("actes.skipped.no_quorum", { number }));
  if (plans.length === 0) {
    await report();
    context.status(msg("actes.nothing"));
    return ExitCode.Ok;
  }
  const started = await printer;
  if ("problem" in started) {
    diagnostics.push(started.problem);
    await report();
    return ExitCode.Environment;
  }
  let pdfs: OutputFile[];
  try {
    // Dated and, when the configuration asks, archival, as `delib build` prints the same extract.
    const finish = await finishFor(sitting, { cwd: io.cwd, env: io.env, source: (await provenance)?.source });
    pdfs = await printDocuments(started, documents, io.env, undefined, () => finish);
  } catch (error) {
    if (!(error instanceof PrintFailed)) throw error;
    diagnostics.push(error.problem);
    await report();
    return ExitCode.Environment;
  }
  const outputs: OutputFile[] = [];
  plans.forEach((plan, i) => {
    const archive = actesArchive(plan, pdfs[i]!.contents as Uint8Array);
    diagnostics.push(...archive.diagnostics);
    if (archive.value) outputs.push({ name: plan.names.archive, contents: archive.value });
  });
  if (hasErrors(diagnostics)) {
    await report();
    return ExitCode.InvalidInput;
  }
  const writeProblems = await writeOutputs(resolve(io.cwd, options.out), outputs);
  diagnostics.push(...writeProblems);
  await report();
  if (writeProblems.length > 0) return ExitCode.Environment;
  for (const output of outputs) context.wrote(`${options.out}/${output.name}`);
  if (!context.quiet) io.stdout(`${recordAdvice(plans, file, context)}\n`);
  return ExitCode.Ok;
}

/**
 * What the clerk records once the préfecture acknowledges receipt: the keys to fill in the
 * sitting file, and for each act the identifier its acknowledgement will carry
 * ({département}-{SIREN}-{date}-{NumeroInterne}-{nature}, as the archive's names spell it).
 */
function recordAdvice(plans: readonly ActesPlan[], file: string, context: CliContext): string {
  const lines = [context.t("actes.record", { file, yaml: 'publication: { transmitted_on: …, actes_id: "…", acknowledged_on: … }' })];
  for (const plan of plans) {
    // The metadata's name without its rank and message type: « 051-215101234-20231212-2023_45-DE ».
    lines.push(context.t("actes.record.act", { number: plan.number, id: plan.names.metadata.replace(/-\d+-\d+_0\.xml$/, "") }));
  }
  return lines.join("\n");
}
