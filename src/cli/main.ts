// The command line: parses arguments and hands each command its files and options. The
// commands live in their own modules, loaded when called, so `delib validate` never loads
// the renderer and only `build` with PDF loads the browser.
import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { resolveLanguage } from "../diagnostics/language.js";
import { translator } from "../diagnostics/translator.js";
import { cliContext, processHost, type Host } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import { reportFormats, type ReportFormat } from "./report.js";
import { UsageError } from "./usage-error.js";

export type { Host } from "./context.js";

const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};


const helpExamples = `
Examples:
  $ delib validate seance.yaml                 check a session file, write nothing
  $ delib validate 'seances/**/*.yaml' --format github
                                               check every session, annotations for CI
  $ delib build seance.yaml                    write the extracts, procès-verbal and list to out/
  $ delib build seance.yaml --format html      HTML only (no browser needed)
  $ delib build seance.yaml --documents extract --out registre
  $ delib build seance.yaml --watch            rebuild whenever the file changes
  $ delib preview seance.yaml                  see the documents in a browser, reloaded on change
  $ delib explain seance.yaml                  how each figure was counted, rule by rule
  $ delib verify out/2021-06.pdf               is the printed PDF still what the source says?
  $ delib audit 'seances/**/*.yaml'            every irregularity of transcribed records, and whether it mattered
  $ delib build seance.yaml --report json      problems as JSON on stderr (build, explain, register, export, verify)
  $ delib register --year 2021                 the year's register as one PDF
  $ delib export --scdl 'seances/**/*.yaml' -o deliberations.csv
                                               open data (SCDL « Délibérations »)
  $ delib schema > session.schema.json         the format, for an editor
  $ delib init registre --name "Commune de Saint-Amand-sur-Ornain"
                                               a new register repository

Exit codes: 0 ok, 1 invalid input, 2 usage, 3 environment (no browser, cannot write), 4 internal error.
`;

/**
 * `--lang fr|en` as given anywhere on the command line: read before commander parses, since
 * the help commander prints is already in the reader's language.
 */
export function langFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") return undefined;
    if (arg === "--lang") return argv[i + 1];
    if (arg.startsWith("--lang=")) return arg.slice("--lang=".length);
  }
  return undefined;
}

/** `--report FORMAT`: how a command other than validate reports problems on stderr. */
function reportOption(): Option {
  return new Option("--report <format>", "how problems are reported on stderr (as `delib validate --format`)").choices(reportFormats).default("human");
}

/**
 * Runs the CLI with `argv` (as process.argv) on `host` and returns the exit code. Never throws.
 * The binary passes the real process; tests call it in-process with a host of their own.
 */
export async function main(argv: readonly string[], host: Host = processHost()): Promise<number> {
  const io = host;
  let exitCode: number = ExitCode.Ok;
  const tr = translator(resolveLanguage({ flag: langFlag(argv), env: io.env }));
  const context = cliContext(io, tr);
  const program = new Command()
    .name("delib")
    .description("Compile a sitting's YAML file into checked, computed official documents: extracts of the register, procès-verbal, list of deliberations.")
    .version(packageJson.version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .addHelpText("after", helpExamples)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run `delib --help` for the commands)");

  program
    .command("validate")
    .description("check session files against the schema and the legal rules, without rendering anything")
    .argument("<files...>", "session files (YAML), folders, or quoted globs")
    .addOption(new Option("--format <format>", "report format").choices(reportFormats).default("human"))
    .action(async (files: string[], options: { format: ReportFormat }) => {
      const { validate } = await import("./validate-command.js");
      exitCode = await validate(files, options, context);
    });

  program
    .command("explain")
    .description("show, motion by motion, how attendance, quorum and votes were counted, with the rule and article applied")
    .argument("<files...>", "session files (YAML), folders, or quoted globs")
    .addOption(reportOption())
    .action(async (files: string[], options: { report?: ReportFormat }) => {
      const { explain } = await import("./explain-command.js");
      exitCode = await explain(files, options, context);
    });

  program
    .command("build")
    .description("check session files and write their documents: one extract per deliberation, the procès-verbal, the list of deliberations")
    .argument("<files...>", "session files (YAML), folders, or quoted globs")
    .option("-o, --out <dir>", "output directory", "out")
    .option("--format <formats>", "comma-separated output formats: html, pdf", "html,pdf")
    .option("--documents <kinds>", "comma-separated documents: extract (one per deliberation), minutes (procès-verbal), list (list of deliberations)", "extract,minutes,list")
    .option("--template <dir>", "a directory whose templates, partials, stylesheet and images override the built-in ones (default: `templates:` of delib.config.yaml)")
    .option("--emit <what>", "also write the data each template receives: json")
    .option("--chromium <path>", "Chromium or Chrome executable to print PDFs")
    .option("--watch", "rebuild whenever a session file, the configuration or a template changes")
    .addOption(reportOption())
    .action(async (files: string[], options: import("./build-command.js").BuildOptions & { watch?: boolean }) => {
      if (options.watch) {
        const { watch } = await import("./watch-command.js");
        exitCode = await watch(files, options, context);
      } else {
        const { build } = await import("./build-command.js");
        exitCode = await build(files, options, context);
      }
    });

  program
    .command("preview")
    .description("serve the HTML documents of a session on localhost, reloaded when the file changes")
    .argument("<file>", "session file (YAML)")
    .option("--port <port>", "port on 127.0.0.1 (0: any free port)", "4173")
    .option("--template <dir>", "a directory of templates overriding the built-in ones")
    .action(async (file: string, options: { port: string; template?: string }) => {
      const { preview } = await import("./preview-command.js");
      exitCode = await preview(file, options, context);
    });

  program
    .command("register")
    .description("compile a year's register as one PDF: the deliberations in date order, a closing sheet per sitting, tables by date and by subject")
    .argument("[files...]", "session files or globs (default: every session file of the register)")
    .requiredOption("--year <year>", "the year, e.g. 2021")
    .option("-o, --out <file>", "the PDF to write (default: out/registre-YEAR.pdf)")
    .option("--chromium <path>", "Chromium or Chrome executable to print PDFs")
    .addOption(reportOption())
    .action(async (files: string[], options: import("./register-command.js").RegisterCommandOptions) => {
      const { registerCommand } = await import("./register-command.js");
      exitCode = await registerCommand(files, options, context);
    });

  program
    .command("export")
    .description("export the deliberations as open data: the SCDL « Délibérations » CSV")
    .argument("<files...>", "session files or globs")
    .option("--scdl", "the SCDL « Délibérations » format (schema.data.gouv.fr); required, the only format so far")
    .option("-o, --out <file>", "the CSV file to write (default: standard output)")
    .addOption(reportOption())
    .action(async (files: string[], options: import("./export-command.js").ExportOptions) => {
      const { exportCommand } = await import("./export-command.js");
      exitCode = await exportCommand(files, options, context);
    });

  program
    .command("audit")
    .description("read transcribed records (a register, or files) and report every finding: figures the law contradicts, irregular proxies, members missing or counted wrongly, each with its article and whether it could have changed an outcome")
    .argument("[files...]", "session files or globs (default: every session file of the register)")
    .addOption(new Option("--format <format>", "report format").choices(["human", "json"]).default("human"))
    .action(async (files: string[], options: import("./audit-command.js").AuditOptions) => {
      const { audit } = await import("./audit-command.js");
      exitCode = await audit(files, options, context);
    });

  program
    .command("verify")
    .description("check a printed PDF against the register's source at HEAD, or list the commits that changed a deliberation")
    .argument("<pdf-or-number>", "a PDF printed by delib, or a deliberation number")
    .addOption(reportOption())
    .action(async (target: string, options: { report?: ReportFormat }) => {
      const { verify } = await import("./verify-command.js");
      exitCode = await verify(target, options, context);
    });

  program
    .command("init")
    .description("create a register repository: delib.config.yaml, a first session, a CI workflow, a pre-commit hook")
    .argument("[dir]", "the folder to create it in", ".")
    .requiredOption("--name <name>", "the body's official name, e.g. \"Commune de Saint-Amand-sur-Ornain\"")
    .option("--kind <kind>", "commune, departement, region, commission_permanente, epci, syndicat_communes, smf, smo or custom", "commune")
    .option("--assembly <assembly>", "the assembly, e.g. \"conseil municipal\"", "conseil municipal")
    .option("--date <date>", "the first sitting's date, YYYY-MM-DD (default: today)")
    .action(async (dir: string, options: import("./init-command.js").InitOptions) => {
      const { init } = await import("./init-command.js");
      exitCode = await init(dir, options, context);
    });

  program
    .command("schema")
    .description("print the JSON Schema of the session file (or of delib.config.yaml)")
    .argument("[which]", "session or config", "session")
    .action(async (which: string) => {
      if (which !== "session" && which !== "config") throw new UsageError(`unknown schema \`${which}\`; use session or config`);
      io.stdout(readFileSync(new URL(`../../schemas/${which}.schema.json`, import.meta.url), "utf8"));
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
