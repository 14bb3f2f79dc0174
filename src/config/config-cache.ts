// The one place a register's configuration is found and read: each delib.config.yaml once per
// run, whichever command asks and however many session files sit under it.
import { dirname, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { findConfig, loadConfigSync, noConfig, type Config } from "./load-config.js";

/** A configuration as read: the config (noConfig when absent or unreadable) and its problems. */
export interface LoadedConfig {
  readonly config: Config;
  /** The file's own problems; reported once per run, however many files it governs. */
  readonly diagnostics: readonly Diagnostic[];
}

const none: LoadedConfig = { config: noConfig, diagnostics: [] };

/** Finds and reads configurations, each folder and each file once. */
export class ConfigCache {
  private readonly folders = new Map<string, string | undefined>();
  private readonly files = new Map<string, LoadedConfig>();

  constructor(private readonly cwd: string) {}

  /** The path of the delib.config.yaml governing `dir` (itself or the nearest above), if any. */
  pathAbove(dir: string): string | undefined {
    const absolute = resolve(this.cwd, dir);
    if (!this.folders.has(absolute)) this.folders.set(absolute, findConfig(absolute));
    return this.folders.get(absolute);
  }

  /** The configuration governing the session file at `path` (relative to the cwd, or absolute). */
  forFile(path: string): LoadedConfig {
    const found = this.pathAbove(dirname(resolve(this.cwd, path)));
    return found === undefined ? none : this.load(found);
  }

  /** Reads the configuration file at `path` (once). */
  load(path: string): LoadedConfig {
    const absolute = resolve(this.cwd, path);
    let loaded = this.files.get(absolute);
    if (!loaded) {
      const read = loadConfigSync(absolute, this.cwd);
      loaded = { config: read.value ?? { ...noConfig, path: absolute }, diagnostics: read.diagnostics };
      this.files.set(absolute, loaded);
    }
    return loaded;
  }

  /** Every configuration read so far, in the order first read. */
  all(): LoadedConfig[] {
    return [...this.files.values()];
  }
}
