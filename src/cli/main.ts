// The command line: parses arguments, wires the pipeline's stages, prints, and returns an exit code.
import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { checkFile, explainSession, prepareTemplates, renderDocuments, type Checked } from "../compile.js";
import { documentKinds } from "../render/templates.js";
import { diagnostic, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { RenderedDocument } from "../render/render-html.js";
import { writeOutputs, type OutputFile } from "../output/write-outputs.js";
import { ExitCode } from "./exit-codes.js";
import { formatReport, reportFormats, type ReportFormat } from "./report.js";

const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

/** Where the CLI writes; tests pass their own. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Record<string, string | undefined>;
  readonly stderrIsTty: boolean;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stderrIsTty: process.stderr.isTTY === true,
};

const documentFormats = ["html", "pdf"] as const;
type DocumentFormat = (typeof documentFormats)[number];

const helpExamples = `
Examples:
  $ delib validate seance.yaml                 check a session file, write nothing
  $ delib build seance.yaml                    write out/<number>.html and out/<number>.pdf
  $ delib build seance.yaml --format html      HTML only (no browser needed)
  $ delib build seances/*.yaml --out registre  several sessions at once
  $ delib explain seance.yaml                  how each figure was counted, rule by rule

Exit codes: 0 ok, 1 invalid input, 2 usage, 3 environment (no browser, cannot write), 4 internal error.
`;

/** Runs the CLI with `argv` (as process.argv) and returns the exit code. Never throws. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let exitCode: number = ExitCode.Ok;
  const color = io.stderrIsTty && io.env.NO_COLOR === undefined && io.env.FORCE_COLOR !== "0";
  const program = new Command()
    .name("delib")
    .description("Compile a sitting's YAML file into checked, computed official documents (extracts of the register).")
    .version(packageJson.version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .addHelpText("after", helpExamples)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run `delib --help` for the commands)");

  program
    .command("validate")
    .description("check session files against the schema and the legal rules, without rendering anything")
    .argument("<files...>", "session files (YAML)")
    .addOption(new Option("--format <format>", "report format").choices(reportFormats).default("human"))
    .action(async (files: string[], options: { format: ReportFormat }) => {
      exitCode = await validate(files, options.format, io, color);
    });

  program
    .command("explain")
    .description("show, motion by motion, how attendance, quorum and votes were counted, with the rule and article applied")
    .argument("<files...>", "session files (YAML)")
    .action(async (files: string[]) => {
      exitCode = await explain(files, io, color);
    });

  program
    .command("build")
    .description("check session files and write one extract of the register per deliberation")
    .argument("<files...>", "session files (YAML)")
    .option("-o, --out <dir>", "output directory", "out")
    .option("--format <formats>", "comma-separated output formats: html, pdf", "html,pdf")
    .option("--documents <kinds>", "comma-separated documents: extract (one per deliberation), minutes (procès-verbal), list (list of deliberations)", "extract,minutes,list")
    .option("--template <dir>", "a directory whose templates, partials, stylesheet and images override the built-in ones (default: `templates:` of delib.config.yaml)")
    .option("--emit <what>", "also write the data each template receives: json")
    .option("--chromium <path>", "Chromium or Chrome executable to print PDFs")
    .action(async (files: string[], options: BuildOptions) => {
      exitCode = await build(files, options, io, color);
    });

  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`error: ${error.message}\n`);
      return ExitCode.Usage;
    }
    io.stderr(
      `internal error: ${(error as Error)?.stack ?? String(error)}\n` +
        "This is a bug in delib, not in your file. Please report it with the command and the file that caused it.\n",
    );
    return ExitCode.Internal;
  }
}

class UsageError extends Error {}

async function checkAll(files: readonly string[]): Promise<Checked[]> {
  return Promise.all(files.map((file) => checkFile(file)));
}

async function validate(files: readonly string[], format: ReportFormat, io: Io, color: boolean): Promise<number> {
  const checked = await checkAll(files);
  const diagnostics = checked.flatMap((c) => c.diagnostics);
  // The report is what `validate` produces: it goes to stdout, for CI logs and tools.
  io.stdout(formatReport(diagnostics, format, { color, fileCount: files.length }));
  return hasErrors(diagnostics) ? ExitCode.InvalidInput : ExitCode.Ok;
}

async function explain(files: readonly string[], io: Io, color: boolean): Promise<number> {
  const checked = await checkAll(files);
  const diagnostics = checked.flatMap((c) => c.diagnostics);
  if (diagnostics.length > 0) io.stderr(formatReport(diagnostics, "human", { color, fileCount: files.length }));
  if (hasErrors(diagnostics)) return ExitCode.InvalidInput;
  const texts = checked.map((c) => explainSession(c.outcome!));
  io.stdout(texts.join("\n"));
  return ExitCode.Ok;
}

/** A comma-separated list of allowed words, e.g. `--format html,pdf`. */
function parseList<T extends string>(value: string, allowed: readonly T[], option: string): T[] {
  const words = value.split(",").map((f) => f.trim()).filter((f) => f !== "");
  for (const w of words) {
    if (!(allowed as readonly string[]).includes(w)) {
      throw new UsageError(`unknown value \`${w}\` in ${option}; use ${allowed.join(", ")} (comma-separated)`);
    }
  }
  if (words.length === 0) throw new UsageError(`${option} needs at least one of ${allowed.join(", ")}`);
  return [...new Set(words)] as T[];
}

interface BuildOptions {
  out: string;
  format: string;
  documents: string;
  template?: string;
  emit?: string;
  chromium?: string;
}

async function build(files: readonly string[], options: BuildOptions, io: Io, color: boolean): Promise<number> {
  const formats = parseList(options.format, documentFormats, "--format");
  const kinds = parseList(options.documents, documentKinds, "--documents");
  const emit = options.emit === undefined ? [] : parseList(options.emit, ["json"] as const, "--emit");
  const checked = await checkAll(files);
  const diagnostics: Diagnostic[] = checked.flatMap((c) => c.diagnostics);
  const report = (found: readonly Diagnostic[]) => {
    if (found.length > 0) io.stderr(formatReport(found, "human", { color, fileCount: files.length }));
  };
  if (hasErrors(diagnostics)) {
    report(diagnostics);
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
    report(diagnostics);
    return ExitCode.InvalidInput;
  }
  const clash = duplicateNames(documents);
  if (clash) {
    report([...diagnostics, clash]);
    return ExitCode.InvalidInput;
  }
  report(diagnostics); // warnings only

  const outputs: OutputFile[] = formats.includes("html")
    ? documents.map((d) => ({ name: `${d.name}.html`, contents: d.html }))
    : [];
  if (emit.includes("json")) {
    outputs.push(...documents.map((d) => ({ name: `${d.name}.json`, contents: `${JSON.stringify(d.data, null, 2)}\n` })));
  }
  let environmentProblem: Diagnostic | undefined;
  if (formats.includes("pdf")) {
    const printed = await printPdfs(documents, options.chromium, io.env);
    if ("problem" in printed) environmentProblem = printed.problem;
    else outputs.push(...printed.files);
  }
  const writeProblems = await writeOutputs(options.out, outputs);
  if (writeProblems.length > 0) {
    report(writeProblems);
    return ExitCode.Environment;
  }
  for (const file of outputs) io.stdout(`wrote ${options.out}/${file.name}\n`);
  if (environmentProblem) {
    report([environmentProblem]);
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

async function printPdfs(
  documents: readonly RenderedDocument[],
  flag: string | undefined,
  env: Record<string, string | undefined>,
): Promise<{ files: OutputFile[] } | { problem: Diagnostic }> {
  // The browser stage is loaded only when a PDF is asked for.
  const { findChromium, browserNotFound } = await import("../browser/find-chromium.js");
  const found = findChromium({ flag, env });
  if ("tried" in found) return { problem: browserNotFound(found.tried) };
  const { openBrowser, browserLaunchFailed } = await import("../browser/browser.js");
  const { renderPdf } = await import("../browser/render-pdf.js");
  let browser;
  try {
    browser = await openBrowser(found.path);
  } catch (error) {
    return { problem: browserLaunchFailed(found.path, error) };
  }
  try {
    const session = browser;
    const files = await Promise.all(
      documents.map(async (d) => ({
        name: `${d.name}.pdf`,
        contents: await renderPdf(session, d.html, {
          title: d.meta.title,
          author: d.meta.author,
          subject: d.meta.subject,
          language: d.meta.language,
          date: documentDate(d.meta.date, env),
        }),
      })),
    );
    return { files };
  } finally {
    await browser.close();
  }
}
