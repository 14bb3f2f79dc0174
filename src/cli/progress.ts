// One line of progress on a terminal, rewritten in place, for the builds that take more than a
// few seconds (`delib register`, `delib build` of many documents): what is being done and for
// how long. Nothing when stderr is not a terminal (a CI log, a pipe) or under --quiet, and
// nothing before `delayMs`: a quick build stays silent.
import type { MessageValue } from "../diagnostics/message.js";
import type { CliContext } from "./context.js";

/** The progress line of a command. */
export interface Progress {
  /** What is being done now (a catalogue id and its values). */
  step(id: string, values?: Readonly<Record<string, MessageValue>>): void;
  /** Clears the line, for what the command writes next. */
  stop(): void;
}

const silent: Progress = { step: () => undefined, stop: () => undefined };

/** How long a build runs before its progress is shown, by default. */
export const PROGRESS_DELAY_MS = 2000;

/**
 * A progress line on the context's stderr when it is a terminal and not --quiet; else one that
 * says nothing. The line is redrawn each second with the time elapsed, so that a long step
 * (the browser printing a thousand pages in one job) still shows it is alive.
 */
export function startProgress(context: CliContext, delayMs = PROGRESS_DELAY_MS): Progress {
  const { io } = context;
  if (!io.stderrIsTty || context.quiet) return silent;
  const started = Date.now();
  let current: { id: string; values?: Readonly<Record<string, MessageValue>> } | undefined;
  let shown = false;
  const draw = () => {
    const elapsed = Date.now() - started;
    if (current === undefined || elapsed < delayMs) return;
    const step = context.t(current.id, current.values);
    // \r and "erase to the end of the line": the line is rewritten, never added to.
    io.stderr(`\r\x1b[K${context.t("progress.elapsed", { step, seconds: Math.floor(elapsed / 1000) })}`);
    shown = true;
  };
  const timer = setInterval(draw, 1000);
  timer.unref();
  return {
    step(id, values) {
      current = { id, values };
      draw();
    },
    stop() {
      clearInterval(timer);
      if (shown) io.stderr("\r\x1b[K");
      shown = false;
      current = undefined;
    },
  };
}
