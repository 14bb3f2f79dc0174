// Watches what a build reads: the session files, the configuration found above them, and the
// templates directory; calls back once per burst of changes, with the time the burst began.
import { existsSync, watch, type FSWatcher } from "node:fs";
import { dirname, resolve } from "node:path";
import { inputsOf } from "../check.js";

/**
 * How long the inputs must stay still before a rebuild starts. Editors save in bursts (truncate
 * and write, or write a copy, rename it and set its mode), all within a few milliseconds; a longer
 * wait is added to every rebuild (it was 120 ms, a third of reprinting an extract).
 */
export const QUIET_MS = 20;

/**
 * Starts watching what a build of `files` (relative to `cwd`) reads; returns a function that
 * stops. `onChange` receives `performance.now()` of the burst's first change: what a rebuild's
 * time is counted from.
 */
export async function watchInputs(
  files: readonly string[],
  cwd: string,
  templateDir: string | undefined,
  onChange: (seen: number) => void,
): Promise<() => void> {
  const inputs = inputsOf(files, cwd);
  const paths = new Set(inputs.files);
  const dirs = new Set(inputs.folders);
  if (templateDir) dirs.add(resolve(cwd, templateDir));
  let timer: NodeJS.Timeout | undefined;
  let seen: number | undefined;
  // Editors save in bursts (write, rename, chmod): wait for the burst to end.
  const changed = () => {
    seen ??= performance.now();
    clearTimeout(timer);
    timer = setTimeout(() => {
      const first = seen!;
      seen = undefined;
      onChange(first);
    }, QUIET_MS);
  };
  const watchers: FSWatcher[] = [];
  // Watch each file's folder, not the file: editors that save by renaming replace the inode.
  const folders = new Set([...paths].map((p) => dirname(p)));
  for (const folder of folders) {
    watchers.push(
      watch(folder, (_event, name) => {
        if (name && paths.has(resolve(folder, name.toString()))) changed();
      }),
    );
  }
  for (const dir of dirs) if (existsSync(dir)) watchers.push(watch(dir, { recursive: true }, changed));
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}

/** Resolves when the run is asked to stop (Ctrl-C, SIGTERM, or a test aborting its host). */
export function untilInterrupted(signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    if (signal.aborted) return done();
    signal.addEventListener("abort", () => done(), { once: true });
  });
}
