// The command line: parses arguments and hands each command its files and options. The
// commands live in their own modules, loaded when called, so `delib validate` never loads
// the renderer and only `build` with PDF loads the browser.
import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { languageOfLocale, resolveLanguage } from "../diagnostics/language.js";
import { listOf, msg, type Message } from "../diagnostics/message.js";
import { languages, translator, type Translator } from "../diagnostics/translator.js";
import { cliContext, processHost, type Host, type Verbosity } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import { commanderProblem, helpAfter, localizeHelp, type Example } from "./help.js";
import { reportFormats, type ReportFormat } from "./report.js";
import { UsageError } from "./usage-error.js";

export type { Host } from "./context.js";

const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

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

/**
 * DELIB_LANG set to a language delib does not speak: a mistake to point out, not to pass over
 * (an unset or empty variable says nothing).
 */
export function unknownLanguage(env: Readonly<Record<string, string | undefined>>): Message | undefined {
  const value = env.DELIB_LANG?.trim();
  if (!value || languageOfLocale(value) !== undefined) return undefined;
  return msg("cli.usage.unknown_language", { value, languages: listOf([...languages], "disjunction") });
}

/** The examples of the root help: command lines as typed, what each does in the reader's language. */
function examples(tr: Translator): Example[] {
  return [
    { command: "delib validate seance.yaml", does: tr.t("help.example.validate") },
    { command: "delib validate 'seances/**/*.yaml' --format github", does: tr.t("help.example.validate_ci") },
    { command: "delib build seance.yaml", does: tr.t("help.example.build") },
    { command: "delib build seance.yaml --format html", does: tr.t("help.example.build_html") },
    { command: "delib build seance.yaml --documents extract --out registre", does: tr.t("help.example.build_extracts") },
    { command: "delib build seance.yaml --watch", does: tr.t("help.example.watch") },
    { command: "delib preview seance.yaml", does: tr.t("help.example.preview") },
    { command: "delib explain seance.yaml", does: tr.t("help.example.explain") },
    { command: "delib verify out/2021-06.pdf", does: tr.t("help.example.verify") },
    { command: "delib sign out/proces-verbal-2021-06-15.pdf --p12 president.p12", does: tr.t("help.example.sign") },
    { command: "delib audit 'seances/**/*.yaml'", does: tr.t("help.example.audit") },
    { command: "delib build seance.yaml --report json", does: tr.t("help.example.report") },
    { command: "delib register --year 2021", does: tr.t("help.example.register") },
    { command: "delib export --scdl 'seances/**/*.yaml' -o deliberations.csv", does: tr.t("help.example.export") },
    { command: "delib actes seances/2024-03-12.yaml --motion 2024-15", does: tr.t("help.example.actes") },
    { command: "delib publish --out site", does: tr.t("help.example.publish") },
    { command: "delib schema > session.schema.json", does: tr.t("help.example.schema") },
    { command: 'delib init registre --name "Commune de Saint-Amand-sur-Ornain"', does: tr.t("help.example.init") },
  ];
}

/** The example of `--lang`: the other language. */
function langExample(tr: Translator): Example {
  const other = languages.find((l) => l !== tr.language) ?? "en";
  return { command: `delib --lang ${other} validate seance.yaml`, does: tr.t("help.example.lang", { language: other }) };
}

/**
 * Runs the CLI with `argv` (as process.argv) on `host` and returns the exit code. Never throws.
 * The binary passes the real process; tests call it in-process with a host of their own.
 */
export async function main(argv: readonly string[], host: Host = processHost()): Promise<number> {
  const io = host;
  let exitCode: number = ExitCode.Ok;
  const tr = translator(resolveLanguage({ flag: langFlag(argv), env: io.env }));
  const verbosity: Verbosity = { quiet: false, verbose: false };
  const context = cliContext(io, tr, verbosity);
  /** A usage error (exit 2); one commander caught is followed by where to find the commands. */
  const usageError = (message: Message, pointToHelp = false) => {
    io.stderr(`${tr.t("cli.error", { message: tr.text(message) })}\n${pointToHelp ? `${tr.t("help.after_error")}\n` : ""}`);
    return ExitCode.Usage;
  };
  const wrongLanguage = unknownLanguage(io.env);
  if (wrongLanguage) return usageError(wrongLanguage);

  // The value placeholders of the help ("<dir>", « <dossier> »), in the reader's language.
  const files = `<${tr.t("help.placeholder.files")}...>`;
  const someFiles = `[${tr.t("help.placeholder.files")}...]`;
  const dir = tr.t("help.placeholder.dir");
  const file = tr.t("help.placeholder.file");
  const path = tr.t("help.placeholder.path");
  /** `--report FORMAT`: how a command other than validate reports problems on stderr. */
  const reportOption = () =>
    new Option(`--report <${tr.t("help.placeholder.format")}>`, tr.t("help.option.report")).choices(reportFormats).default("human");

  const program = new Command().name("delib").description(tr.t("help.program"));
  // Before any subcommand: each copies the help, the output, the exit override and the help option.
  localizeHelp(program, tr);
  program
    .version(packageJson.version, "-V, --version", tr.t("help.option.version"))
    .addOption(new Option("-v").hideHelp())
    .addOption(new Option(`--lang <${tr.t("help.placeholder.lang")}>`, tr.t("help.option.lang")).choices(languages))
    .addOption(new Option("-q, --quiet", tr.t("help.option.quiet")).conflicts("verbose"))
    .addOption(new Option("--verbose", tr.t("help.option.verbose")))
    .helpOption("-h, --help", tr.t("help.option.help"))
    .helpCommand(`help [${tr.t("help.placeholder.command")}]`, tr.t("help.command.help"))
    // A function: the examples are worded only when the help is shown.
    .addHelpText("after", () => helpAfter(tr, [...examples(tr), langExample(tr)]))
    .exitOverride()
    // Commander's own error lines are in English: silenced here, said again by `main` in the reader's language.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .hook("preAction", () => {
      const options = program.opts<{ quiet?: boolean; verbose?: boolean }>();
      verbosity.quiet = options.quiet === true;
      verbosity.verbose = options.verbose === true;
    });
  // `-v`, as many tools read it: the version, as `-V` and `--version`.
  program.on("option:v", () => {
    io.stdout(`${packageJson.version}\n`);
    throw new CommanderError(0, "commander.version", packageJson.version);
  });

  program
    .command("validate")
    .description(tr.t("help.validate"))
    .argument(someFiles, tr.t("help.argument.register_files"))
    .addOption(new Option(`--format <${tr.t("help.placeholder.format")}>`, tr.t("help.option.format")).choices(reportFormats).default("human"))
    .option("--staged", tr.t("help.option.staged"))
    .option("--cache", tr.t("help.option.cache"))
    .option(`--cache-location <${tr.t("help.placeholder.file")}>`, tr.t("help.option.cache_location"))
    .action(async (files: string[], options: import("./validate-command.js").ValidateOptions) => {
      const { validate } = await import("./validate-command.js");
      exitCode = await validate(files, options, context);
    });

  program
    .command("explain")
    .description(tr.t("help.explain"))
    .argument(files, tr.t("help.argument.files"))
    .addOption(reportOption())
    .action(async (files: string[], options: { report?: ReportFormat }) => {
      const { explain } = await import("./explain-command.js");
      exitCode = await explain(files, options, context);
    });

  program
    .command("build")
    .description(tr.t("help.build"))
    .argument(files, tr.t("help.argument.files"))
    .option(`-o, --out <${dir}>`, tr.t("help.option.out"), "out")
    .option(`--format <${tr.t("help.placeholder.formats")}>`, tr.t("help.option.formats"), "html,pdf")
    .option(`--documents <${tr.t("help.placeholder.kinds")}>`, tr.t("help.option.documents"), "extract,minutes,list,election")
    .option(`--template <${dir}>`, tr.t("help.option.template"))
    .option(`--emit <${tr.t("help.placeholder.what")}>`, tr.t("help.option.emit"))
    .option(`--chromium <${path}>`, tr.t("help.option.chromium"))
    .option(`--browser-timeout <${tr.t("help.placeholder.seconds")}>`, tr.t("help.option.browser_timeout"))
    .option(`--pdfa [${tr.t("help.placeholder.level")}]`, tr.t("help.option.pdfa"))
    .option("--no-pdfa", tr.t("help.option.no_pdfa"))
    .option("--watch", tr.t("help.option.watch"))
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
    .description(tr.t("help.preview"))
    .argument(`<${file}>`, tr.t("help.argument.file"))
    .option(`--port <${tr.t("help.placeholder.port")}>`, tr.t("help.option.port"), "4173")
    .option(`--template <${dir}>`, tr.t("help.option.preview_template"))
    .action(async (file: string, options: { port: string; template?: string }) => {
      const { preview } = await import("./preview-command.js");
      exitCode = await preview(file, options, context);
    });

  program
    .command("register")
    .description(tr.t("help.register"))
    .argument(someFiles, tr.t("help.argument.register_files"))
    .requiredOption(`--year <${tr.t("help.placeholder.year")}>`, tr.t("help.option.year"))
    .option(`-o, --out <${file}>`, tr.t("help.option.register_out"))
    .option(`--chromium <${path}>`, tr.t("help.option.chromium"))
    .option(`--browser-timeout <${tr.t("help.placeholder.seconds")}>`, tr.t("help.option.browser_timeout"))
    .option(`--pdfa [${tr.t("help.placeholder.level")}]`, tr.t("help.option.pdfa"))
    .option("--no-pdfa", tr.t("help.option.no_pdfa"))
    .addOption(reportOption())
    .action(async (files: string[], options: import("./register-command.js").RegisterCommandOptions) => {
      const { registerCommand } = await import("./register-command.js");
      exitCode = await registerCommand(files, options, context);
    });

  program
    .command("export")
    .description(tr.t("help.export"))
    .argument(someFiles, tr.t("help.argument.register_files"))
    .option("--scdl", tr.t("help.option.scdl"))
    .option(`-o, --out <${file}>`, tr.t("help.option.export_out"))
    .addOption(reportOption())
    .action(async (files: string[], options: import("./export-command.js").ExportOptions) => {
      const { exportCommand } = await import("./export-command.js");
      exitCode = await exportCommand(files, options, context);
    });

  program
    .command("publish")
    .description(tr.t("help.publish"))
    .argument(someFiles, tr.t("help.argument.register_files"))
    .option(`-o, --out <${dir}>`, tr.t("help.option.publish_out"), "site")
    .option(`--chromium <${path}>`, tr.t("help.option.chromium"))
    .option(`--browser-timeout <${tr.t("help.placeholder.seconds")}>`, tr.t("help.option.browser_timeout"))
    .addOption(reportOption())
    .action(async (files: string[], options: import("./publish-command.js").PublishCommandOptions) => {
      const { publishCommand } = await import("./publish-command.js");
      exitCode = await publishCommand(files, options, context);
    });

  program
    .command("actes")
    .description(tr.t("help.actes"))
    .argument(`<${file}>`, tr.t("help.argument.actes_file"))
    .option(`-o, --out <${dir}>`, tr.t("help.option.actes_out"), "out")
    .option(`--motion <${tr.t("help.placeholder.number")}>`, tr.t("help.option.actes_motion"))
    .option(`--template <${dir}>`, tr.t("help.option.template"))
    .option(`--chromium <${path}>`, tr.t("help.option.chromium"))
    .option(`--browser-timeout <${tr.t("help.placeholder.seconds")}>`, tr.t("help.option.browser_timeout"))
    .addOption(reportOption())
    .action(async (file: string, options: import("./actes-command.js").ActesOptions) => {
      const { actesCommand } = await import("./actes-command.js");
      exitCode = await actesCommand(file, options, context);
    });

  program
    .command("audit")
    .description(tr.t("help.audit"))
    .argument(someFiles, tr.t("help.argument.register_files"))
    .addOption(new Option(`--format <${tr.t("help.placeholder.format")}>`, tr.t("help.option.format")).choices(["human", "json"]).default("human"))
    .action(async (files: string[], options: import("./audit-command.js").AuditOptions) => {
      const { audit } = await import("./audit-command.js");
      exitCode = await audit(files, options, context);
    });

  program
    .command("verify")
    .description(tr.t("help.verify"))
    .argument(`<${tr.t("help.placeholder.pdf_or_number")}>`, tr.t("help.argument.pdf_or_number"))
    .addOption(reportOption())
    .action(async (target: string, options: { report?: ReportFormat }) => {
      const { verify } = await import("./verify-command.js");
      exitCode = await verify(target, options, context);
    });

  program
    .command("sign")
    .description(tr.t("help.sign"))
    .argument(`<${tr.t("help.placeholder.sign_pdf")}>`, tr.t("help.argument.sign_pdf"))
    .option(`--p12 <${file}>`, tr.t("help.option.p12"))
    .option(`-o, --out <${file}>`, tr.t("help.option.sign_out"))
    .option(`--as <${tr.t("help.placeholder.sign_role")}>`, tr.t("help.option.sign_as"))
    .option("--force", tr.t("help.option.sign_force"))
    .addOption(reportOption())
    .action(async (target: string, options: import("./sign-command.js").SignOptions) => {
      const { sign } = await import("./sign-command.js");
      exitCode = await sign(target, options, context);
    });

  program
    .command("init")
    .description(tr.t("help.init"))
    .argument(`[${dir}]`, tr.t("help.argument.dir"), ".")
    .option(`--name <${tr.t("help.placeholder.name")}>`, tr.t("help.option.name"))
    .option(`--kind <${tr.t("help.placeholder.kind")}>`, tr.t("help.option.kind_default"))
    .option(`--assembly <${tr.t("help.placeholder.assembly")}>`, tr.t("help.option.assembly_default"))
    .option(`--date <${tr.t("help.placeholder.date")}>`, tr.t("help.option.date"))
    .option(`--delib <${tr.t("help.placeholder.spec")}>`, tr.t("help.option.delib"))
    .action(async (dir: string, options: import("./init-command.js").InitOptions) => {
      const { init } = await import("./init-command.js");
      exitCode = await init(dir, options, context);
    });

  program
    .command("schema")
    .description(tr.t("help.schema"))
    .argument(`[${tr.t("help.placeholder.schema")}]`, tr.t("help.argument.schema"), "session")
    .action(async (which: string) => {
      if (which !== "session" && which !== "config") throw new UsageError(msg("cli.usage.unknown_schema", { which }));
      // The help an editor shows, in the reader's language (the French one is built from the English and locales/schema/).
      const { schemaJson } = await import("../init/schema-language.js");
      io.stdout(schemaJson(which, context.tr.language));
    });

  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // The help and the version were asked for; help shown for a command line without a command is a usage error.
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") {
        return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
      }
      return usageError(commanderProblem(error), true);
    }
    if (error instanceof UsageError) return usageError(error.text);
    io.stderr(`${tr.t("cli.internal_error", { detail: (error as Error)?.stack ?? String(error) })}\n${tr.t("cli.internal_error.report")}\n`);
    return ExitCode.Internal;
  }
}
