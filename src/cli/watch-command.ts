// `delib build --watch`: build, then build again whenever an input changes, until Ctrl-C.
import { build, type BuildOptions } from "./build-command.js";
import { ExitCode } from "./exit-codes.js";
import type { CliContext } from "./context.js";
import { untilInterrupted, watchInputs } from "./watch-files.js";

/** Returns the exit code of the last build. */
export async function watch(files: readonly string[], options: BuildOptions, context: CliContext): Promise<number> {
  const attempt = async (): Promise<number> => {
    try {
      return await build(files, options, context);
    } catch (error) {
      // A bug in one build must not stop the watch: say so, and go on watching.
      context.io.stderr(`internal error: ${(error as Error)?.stack ?? String(error)}\nThis is a bug in delib; please report it.\n`);
      return ExitCode.Internal;
    }
  };
  let code = 0;
  let running: Promise<void> = Promise.resolve();
  // Watch first, then build: an edit made during the first build is not missed.
  const stop = await watchInputs(files, context.io.cwd, options.template, () => {
    // One build at a time; a change during a build triggers one more after it.
    running = running.then(async () => {
      context.io.stderr("change seen: building again\n");
      code = await attempt();
    });
  });
  running = running.then(async () => {
    code = await attempt();
  });
  await running;
  context.io.stderr(`watching ${files.join(", ")} (Ctrl-C to stop)\n`);
  await untilInterrupted(context.io.interrupted);
  stop();
  await running;
  return code;
}
