// `delib build --watch`: build, then build again whenever an input changes, until Ctrl-C.
import { build, type BuildOptions } from "./build-command.js";
import type { CliContext } from "./context.js";
import { untilInterrupted, watchInputs } from "./watch-files.js";

/** Returns the exit code of the last build. */
export async function watch(files: readonly string[], options: BuildOptions, context: CliContext): Promise<number> {
  let code = await build(files, options, context);
  context.io.stderr(`watching ${files.join(", ")} (Ctrl-C to stop)\n`);
  let running: Promise<void> = Promise.resolve();
  const stop = await watchInputs(files, options.template, () => {
    // One build at a time; a change during a build triggers one more after it.
    running = running.then(async () => {
      context.io.stderr("change seen: building again\n");
      code = await build(files, options, context);
    });
  });
  await untilInterrupted();
  stop();
  await running;
  return code;
}
