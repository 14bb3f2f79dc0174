// What every command receives: the host it runs on (working folder, environment, streams,
// clock, a way to be stopped) and how to report diagnostics. The binary passes the real
// process; tests pass their own host and run the very same `main` in-process.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Painter } from "../diagnostics/format-human.js";
import { msg, type Message, type MessageValue } from "../diagnostics/message.js";
import type { Translator } from "../diagnostics/translator.js";
import { formatReport, terminalPainter, type ReportFormat } from "./report.js";

/** Everything from outside that the CLI reads or writes, besides files. */
export interface Host {
  /** The working folder: relative paths on the command line are resolved against it. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stderrIsTty: boolean;
  /** Today, for `init`'s first sitting; never used for a document's figures or dates. */
  readonly now: () => Date;
  /**
   * Aborted when the run is asked to stop (Ctrl-C, SIGTERM): `build --watch` and `preview`
   * return then. A test aborts its own controller.
   */
  readonly interrupted: AbortSignal;
  /**
   * Asks a question on the terminal and gives the answer; absent when standard input is not a
   * terminal (a script, CI), where commands take their flags and never wait for an answer.
   */
  readonly ask?: (question: string) => Promise<string>;
  /** All of standard input, for `-` where a file is expected. */
  readonly readStdin?: () => Promise<Uint8Array>;
}

/** How much the CLI says besides the problems: `--quiet` and `--verbose`, set once the command line is read. */
export interface Verbosity {
  /** Only errors: no progress, no list of files written, no warnings, no summary when all is well. */
  quiet: boolean;
  /** Also the time each stage took and the browser used. */
  verbose: boolean;
}

export interface CliContext {
  readonly io: Host;
  /** `--quiet`: only errors are shown. */
  readonly quiet: boolean;
  /** `--verbose`: the time of each stage and the browser used are shown too. */
  readonly verbose: boolean;
  /** The reader's language: every sentence the CLI prints goes through it. */
  readonly tr: Translator;
  /** The text of the message `id`, in the reader's language (shorthand for `tr.t`). */
  t(id: string, values?: Readonly<Record<string, MessageValue>>): string;
  /** The text of `message` in the reader's language. */
  text(message: Message): string;
  /** A file written, on stdout (what `build`, `register`, `export` and `init` produce); not under `--quiet`. */
  wrote(path: string): void;
  /** A line of progress on stderr (watching, building again); not under `--quiet`. */
  status(message: Message): void;
  /** A line on stderr under `--verbose` only (a stage's time, the browser used). */
  detail(message: Message): void;
  /**
   * Diagnostics as text in `format` (human by default), coloured for a terminal. Under
   * `--quiet`, the errors only, and nothing at all when there are none.
   */
  format(diagnostics: readonly Diagnostic[], fileCount: number, format?: ReportFormat): Promise<string>;
}

/**
 * A context over `host` speaking `tr`'s language: colour when stderr is a terminal and NO_COLOR
 * is not set. `verbosity` is read on each use: `main` sets it once commander has read the
 * command line.
 */
export function cliContext(host: Host, tr: Translator, verbosity: Readonly<Verbosity> = { quiet: false, verbose: false }): CliContext {
  const color = host.stderrIsTty && host.env.NO_COLOR === undefined && host.env.FORCE_COLOR !== "0";
  let painter: Promise<Painter | undefined> | undefined;
  return {
    io: host,
    tr,
    get quiet() {
      return verbosity.quiet;
    },
    get verbose() {
      return verbosity.verbose;
    },
    t: (id, values) => tr.t(id, values),
    text: (message) => tr.text(message),
    wrote(path) {
      if (!verbosity.quiet) host.stdout(`${tr.text(msg("cli.wrote", { path }))}\n`);
    },
    status(message) {
      if (!verbosity.quiet) host.stderr(`${tr.text(message)}\n`);
    },
    detail(message) {
      if (verbosity.verbose) host.stderr(`${tr.text(message)}\n`);
    },
    async format(diagnostics, fileCount, format = "human") {
      const shown = verbosity.quiet ? diagnostics.filter((d) => d.severity === "error") : diagnostics;
      if (verbosity.quiet && shown.length === 0 && format === "human") return "";
      painter ??= terminalPainter(color && format === "human");
      return formatReport(shown, format, { painter: await painter, fileCount, tr });
    },
  };
}

/** The real process as a host: its folder, environment, streams and signals. */
export function processHost(): Host {
  // A reader that stops reading (`delib --help | head`) is no error of delib's: end quietly.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  const controller = new AbortController();
  const stop = () => controller.abort();
  // The signal handlers are installed on first use only, by the commands that wait for a
  // signal (watch, preview): the others keep Node's default, and delib's browser handlers.
  let listening = false;
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTty: process.stderr.isTTY === true,
    now: () => new Date(),
    ...(process.stdin.isTTY === true
      ? {
          async ask(question: string) {
            const { createInterface } = await import("node:readline/promises");
            const lines = createInterface({ input: process.stdin, output: process.stderr });
            try {
              return await lines.question(question);
            } finally {
              lines.close();
            }
          },
        }
      : {}),
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    get interrupted() {
      if (!listening) {
        listening = true;
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      }
      return controller.signal;
    },
  };
}

/** A stopwatch for `--verbose`: the milliseconds since it was started, rounded. */
export function stopwatch(): () => number {
  const start = performance.now();
  return () => Math.round(performance.now() - start);
}
