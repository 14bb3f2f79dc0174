// `delib build --watch`: build, then build again whenever an input changes, until Ctrl-C. One
// browser for the whole watch; each build prints and writes only the documents whose content
// changed (rebuild.ts).
import { msg } from "../diagnostics/message.js";
import { answerSignals } from "../documents.js";
import type { BuildOptions } from "./build-command.js";
import { ExitCode } from "./exit-codes.js";
import type { CliContext } from "./context.js";
import { rebuilder, rebuildOptions } from "./rebuild.js";
import { refuseUndatable } from "./source-date.js";
import { untilInterrupted, watchInputs } from "./watch-files.js";

/** Returns the exit code of the last build. */
export async function watch(files: readonly string[], options: BuildOptions, context: CliContext): Promise<number> {
  // A wrong --format or --documents is a usage error, said once, before anything is watched.
  const rebuilding = rebuildOptions(options, context.io.env);
  if (rebuilding.formats.includes("pdf")) {
    const refused = await refuseUndatable(context, options.report);
    if (refused !== undefined) return refused;
  }
  const builds = rebuilder(files, rebuilding, context);
  const attempt = async (seen?: number): Promise<number> => {
    try {
      return await builds.run(seen);
    } catch (error) {
      // A bug in one build must not stop the watch: say so, and go on watching.
      context.io.stderr(`${context.t("cli.internal_error", { detail: (error as Error)?.stack ?? String(error) })}\n${context.t("cli.internal_error.watch")}\n`);
      return ExitCode.Internal;
    }
  };
  let code = 0;
  let running: Promise<void> = Promise.resolve();
  let stop: (() => void) | undefined;
  try {
    // Watch first, then build: an edit made during the first build is not missed.
    stop = await watchInputs(files, context.io.cwd, options.template, (seen) => {
      // One build at a time; a change during a build triggers one more after it.
      running = running.then(async () => {
        context.status(msg("cli.watch.change"));
        code = await attempt(seen);
      });
    });
    running = running.then(async () => {
      code = await attempt();
    });
    await running;
    context.status(msg("cli.watch.watching", { files: files.join(", ") }));
    // From now on Ctrl-C ends the watch, through the host, with the code of its last build: the
    // browser's own handler, which ends the process at once, leaves it to the watch.
    const interrupted = context.io.interrupted;
    const giveBack = answerSignals(["SIGINT", "SIGTERM"]);
    try {
      await untilInterrupted(interrupted);
      stop();
      stop = undefined;
      await running;
    } finally {
      giveBack();
    }
    return code;
  } finally {
    stop?.();
    // The browser stays open for the whole watch, and goes with it.
    await builds.close();
  }
}
