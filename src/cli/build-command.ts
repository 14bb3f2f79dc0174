// `delib build`: check, render, print, write, in that order; nothing is written unless the
// input is sound (a missing browser still lets the HTML through).
import { dirname, resolve } from "node:path";
import { startPrinter, type Printer } from "../browser/print-pdfs.js";
import { pdfDocumentDate } from "../output/document-date.js";
import { checkFile } from "../compile.js";
import { diagnostic, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { prepareTemplates, renderDocuments, type RenderedDocument } from "../documents.js";
import { writeOutputs, type OutputFile } from "../output/write-outputs.js";
import { provenanceOfAsync } from "../provenance/provenance.js";
import { documentKinds } from "../render/templates.js";
import type { CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import { parseList } from "./usage-error.js";

const documentFormats = ["html", "pdf"] as const;

export interface BuildOptions {
  out: string;
  format: string;
  documents: string;
  template?: string;
  emit?: string;
  chromium?: string;
}

type Started = Printer | { problem: Diagnostic };

/** Builds the documents of `files` into `options.out`; returns the exit code. */
export async function build(files: readonly string[], options: BuildOptions, context: CliContext): Promise<number> {
  const formats = parseList(options.format, documentFormats, "--format");
  const kinds = parseList(options.documents, documentKinds, "--documents");
  const emit = options.emit === undefined ? [] : parseList(options.emit, ["json"] as const, "--emit");
  // Launching Chromium is the slowest step: the process is spawned here, before anything is
  // awaited, and comes up while puppeteer-core loads and the input is checked.
  const printer: Promise<Started> | undefined = formats.includes("pdf")
    ? startPrinter({ flag: options.chromium, env: context.io.env })
    : undefined;
  try {
    return await buildWith(files, { ...options, formats, kinds, emit }, context, printer);
  } finally {
    const started = await printer;
    if (started && "close" in started) await started.close();
  }
}

async function buildWith(
  files: readonly string[],
  options: Omit<BuildOptions, "emit"> & { formats: string[]; kinds: (typeof documentKinds)[number][]; emit: string[] },
  context: CliContext,
  printer: Promise<Started> | undefined,
): Promise<number> {
  const { io } = context;
  const report = async (found: readonly Diagnostic[]) => {
    if (found.length > 0) io.stderr(await context.format(found, files.length));
  };
  // Provenance asks git, which takes a while to start: ask now, beside the checking.
  const provenances = new Map(files.map((file) => [file, provenanceOfAsync(file).catch(() => undefined)]));
  const checked = await Promise.all(files.map((file) => checkFile(file)));
  const diagnostics: Diagnostic[] = checked.flatMap((c) => c.diagnostics);
  if (hasErrors(diagnostics)) {
    await report(diagnostics);
    return ExitCode.InvalidInput;
  }
  const documents: RenderedDocument[] = [];
  // Files of one folder share its delib.config.yaml and templates: read and compile them once.
  const preparedFor = new Map<string, ReturnType<typeof prepareTemplates>>();
  for (const c of checked) {
    const folder = dirname(resolve(c.path));
    if (!preparedFor.has(folder)) preparedFor.set(folder, prepareTemplates(c.path, options.template));
    const prepared = await preparedFor.get(folder)!;
    diagnostics.push(...prepared.diagnostics);
    if (!prepared.value) continue;
    const rendered = renderDocuments(c.outcome!, { kinds: options.kinds, ...prepared.value, provenance: await provenances.get(c.path) });
    diagnostics.push(...rendered.diagnostics);
    documents.push(...(rendered.value ?? []));
  }
  const clash = duplicateNames(documents);
  if (clash) diagnostics.push(clash);
  await report(diagnostics);
  if (hasErrors(diagnostics)) return ExitCode.InvalidInput;

  const outputs: OutputFile[] = options.formats.includes("html")
    ? documents.map((d) => ({ name: `${d.name}.html`, contents: d.html }))
    : [];
  if (options.emit.includes("json")) {
    outputs.push(...documents.map((d) => ({ name: `${d.name}.json`, contents: `${JSON.stringify(d.data, null, 2)}\n` })));
  }
  let environmentProblem: Diagnostic | undefined;
  if (printer) {
    const started = await printer;
    if ("problem" in started) environmentProblem = started.problem;
    else {
      outputs.push(...(await printDocuments(started, documents, context)));
      // Every PDF is in hand: the browser goes while the files are written.
      void started.close();
    }
  }
  const writeProblems = await writeOutputs(options.out, outputs);
  if (writeProblems.length > 0) {
    await report(writeProblems);
    return ExitCode.Environment;
  }
  for (const file of outputs) io.stdout(`wrote ${options.out}/${file.name}\n`);
  if (environmentProblem) {
    await report([environmentProblem]);
    return ExitCode.Environment;
  }
  return ExitCode.Ok;
}

/** Two deliberations of the same number would overwrite each other's files. */
function duplicateNames(documents: readonly RenderedDocument[]): Diagnostic | undefined {
  const seen = new Set<string>();
  for (const d of documents) {
    const key = d.name.toLowerCase();
    if (seen.has(key)) {
      return diagnostic({
        code: "DLB3008",
        message: `two deliberations are numbered \`${d.name}\` in the files given`,
        hints: ["deliberation numbers must be unique across the sessions built together"],
      });
    }
    seen.add(key);
  }
  return undefined;
}

/** Prints the documents, with a progress line on a terminal when there are many. */
async function printDocuments(printer: Printer, documents: readonly RenderedDocument[], context: CliContext): Promise<OutputFile[]> {
  const { io } = context;
  const progress = io.stderrIsTty && documents.length > 3;
  const pdfs = await printer.print(
    documents.map((d) => ({
      html: d.html,
      meta: { ...d.meta, date: pdfDocumentDate(d.meta.date, io.env) },
    })),
    progress ? (done, total) => io.stderr(`\rprinting PDFs: ${done}/${total}${done === total ? "\n" : ""}`) : undefined,
  );
  return pdfs.map((contents, i) => ({ name: `${documents[i]!.name}.pdf`, contents }));
}
