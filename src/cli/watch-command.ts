// `delib build --watch`: build, then build again whenever an input changes, until Ctrl-C.
import { msg } from "../diagnostics/message.js";
import { build, type BuildOptions } from "./build-command.js";
import { ExitCode } from "./exit-codes.js";
import { stopwatch, type CliContext } from "./context.js";
import { untilInterrupted, watchInputs } from "./watch-files.js";

/** Returns the exit code of the last build. */
export async function watch(files: readonly string[], options: BuildOptions, context: CliContext): Promise<number> {
  const attempt = async (): Promise<number> => {
    const elapsed = stopwatch();
    try {
      return await build(files, options, context);
    } catch (error) {
      // A bug in one build must not stop the watch: say so, and go on watching.
      context.io.stderr(`${context.t("cli.internal_error", { detail: (error as Error)?.stack ?? String(error) })}\n${context.t("cli.internal_error.watch")}\n`);
      return ExitCode.Internal;
    } finally {
      context.detail(msg("cli.verbose.built", { ms: elapsed() }));
    }
  };
  let code = 0;
  let running: Promise<void> = Promise.resolve();
  // Watch first, then build: an edit made during the first build is not missed.
  const stop = await watchInputs(files, context.io.cwd, options.template, () => {
    // One build at a time; a change during a build triggers one more after it.
    running = running.then(async () => {
      context.status(msg("cli.watch.change"));
      code = await attempt();
    });
  });
  running = running.then(async () => {
    code = await attempt();
  });
  await running;
  context.status(msg("cli.watch.watching", { files: files.join(", ") }));
  await untilInterrupted(context.io.interrupted);
  stop();
  await running;
  return code;
}
