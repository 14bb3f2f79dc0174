// `delib build`: check, render, print, write: in that order, and nothing written unless all
// of it succeeded (a missing browser still lets the HTML through).
import { checkFile } from "../compile.js";
import { diagnostic, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { prepareTemplates, renderDocuments, type RenderedDocument } from "../documents.js";
import { writeOutputs, type OutputFile } from "../output/write-outputs.js";
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

export async function build(files: readonly string[], options: BuildOptions, context: CliContext): Promise<number> {
  const { io } = context;
  const formats = parseList(options.format, documentFormats, "--format");
  const kinds = parseList(options.documents, documentKinds, "--documents");
  const emit = options.emit === undefined ? [] : parseList(options.emit, ["json"] as const, "--emit");
  const checked = await Promise.all(files.map((file) => checkFile(file)));
  const diagnostics: Diagnostic[] = checked.flatMap((c) => c.diagnostics);
  const report = async (found: readonly Diagnostic[]) => {
    if (found.length > 0) io.stderr(await context.format(found, files.length));
  };
  if (hasErrors(diagnostics)) {
    await report(diagnostics);
    return ExitCode.InvalidInput;
  }
  const documents: RenderedDocument[] = [];
  for (const c of checked) {
    const prepared = await prepareTemplates(c.path, options.template);
    diagnostics.push(...prepared.diagnostics);
    if (!prepared.value) continue;
    const rendered = renderDocuments(c.outcome!, { kinds, ...prepared.value });
    diagnostics.push(...rendered.diagnostics);
    documents.push(...(rendered.value ?? []));
  }
  if (hasErrors(diagnostics)) {
    await report(diagnostics);
    return ExitCode.InvalidInput;
  }
  const clash = duplicateNames(documents);
  if (clash) {
    await report([...diagnostics, clash]);
    return ExitCode.InvalidInput;
  }
  await report(diagnostics); // warnings only

  const outputs: OutputFile[] = formats.includes("html")
    ? documents.map((d) => ({ name: `${d.name}.html`, contents: d.html }))
    : [];
  if (emit.includes("json")) {
    outputs.push(...documents.map((d) => ({ name: `${d.name}.json`, contents: `${JSON.stringify(d.data, null, 2)}\n` })));
  }
  let environmentProblem: Diagnostic | undefined;
  if (formats.includes("pdf")) {
    const printed = await printDocuments(documents, options.chromium, context);
    if ("problem" in printed) environmentProblem = printed.problem;
    else outputs.push(...printed.files);
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

/** The date printed in PDF metadata: SOURCE_DATE_EPOCH when set, else the sitting's day. */
function documentDate(day: string, env: Record<string, string | undefined>): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${day}T00:00:00Z`);
}

/** Prints the documents, with a progress line on a terminal when there are many. */
async function printDocuments(
  documents: readonly RenderedDocument[],
  flag: string | undefined,
  context: CliContext,
): Promise<{ files: OutputFile[] } | { problem: Diagnostic }> {
  const { io } = context;
  // The browser stage is loaded only when a PDF is asked for.
  const { printPdfs } = await import("../browser/print-pdfs.js");
  const progress = io.stderrIsTty && documents.length > 3;
  const printed = await printPdfs(
    documents.map((d) => ({
      html: d.html,
      meta: { title: d.meta.title, author: d.meta.author, subject: d.meta.subject, language: d.meta.language, date: documentDate(d.meta.date, io.env) },
    })),
    {
      flag,
      env: io.env,
      onPrinted: progress ? (done, total) => io.stderr(`\rprinting PDFs: ${done}/${total}${done === total ? "\n" : ""}`) : undefined,
    },
  );
  if ("problem" in printed) return printed;
  return { files: printed.pdfs.map((contents, i) => ({ name: `${documents[i]!.name}.pdf`, contents })) };
}
