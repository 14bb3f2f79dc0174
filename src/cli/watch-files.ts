// Watches what a build reads: the session files, the configuration found above them, and the
// templates directory; calls back once per burst of changes.
import { existsSync, watch, type FSWatcher } from "node:fs";
import { dirname, resolve } from "node:path";
import { inputsOf } from "../check.js";

/** Starts watching what a build of `files` (relative to `cwd`) reads; returns a function that stops. */
export async function watchInputs(files: readonly string[], cwd: string, templateDir: string | undefined, onChange: () => void): Promise<() => void> {
  const inputs = inputsOf(files, cwd);
  const paths = new Set(inputs.files);
  const dirs = new Set(inputs.folders);
  if (templateDir) dirs.add(resolve(cwd, templateDir));
  let timer: NodeJS.Timeout | undefined;
  // Editors save in bursts (write, rename, chmod): wait for the burst to end.
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, 120);
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
