// What every command receives: the host it runs on (working folder, environment, streams,
// clock, a way to be stopped) and how to report diagnostics. The binary passes the real
// process; tests pass their own host and run the very same `main` in-process.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Painter } from "../diagnostics/format-human.js";
import type { Message, MessageValue } from "../diagnostics/message.js";
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
}

export interface CliContext {
  readonly io: Host;
  /** The reader's language: every sentence the CLI prints goes through it. */
  readonly tr: Translator;
  /** The text of the message `id`, in the reader's language (shorthand for `tr.t`). */
  t(id: string, values?: Readonly<Record<string, MessageValue>>): string;
  /** The text of `message` in the reader's language. */
  text(message: Message | string): string;
  /** Diagnostics as text in `format` (human by default), coloured for a terminal. */
  format(diagnostics: readonly Diagnostic[], fileCount: number, format?: ReportFormat): Promise<string>;
}

/** A context over `host` speaking `tr`'s language: colour when stderr is a terminal and NO_COLOR is not set. */
export function cliContext(host: Host, tr: Translator): CliContext {
  const color = host.stderrIsTty && host.env.NO_COLOR === undefined && host.env.FORCE_COLOR !== "0";
  let painter: Promise<Painter | undefined> | undefined;
  return {
    io: host,
    tr,
    t: (id, values) => tr.t(id, values),
    text: (message) => tr.text(message),
    async format(diagnostics, fileCount, format = "human") {
      painter ??= terminalPainter(color && format === "human");
      return formatReport(diagnostics, format, { painter: await painter, fileCount, tr });
    },
  };
}

/** The real process as a host: its folder, environment, streams and signals. */
export function processHost(): Host {
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
