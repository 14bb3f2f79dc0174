// The one place a register's configuration is found and read: each delib.config.yaml once per
// run, whichever command asks and however many session files sit under it.
import { existsSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { StagedTree } from "../source/git-index.js";
import { findConfig, loadConfigBytes, loadConfigSync, noConfig, type Config } from "./load-config.js";

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

  /**
   * With `staged` (`delib validate --staged`), the configurations inside the repository are
   * those of git's index, as the commit will hold them, not the working tree's.
   */
  constructor(
    private readonly cwd: string,
    private readonly staged?: StagedTree,
  ) {}

  /** Whether the file at `path` exists: in the index when it is inside the staged repository, on disk otherwise. */
  private readonly exists = (path: string): boolean => {
    if (!this.staged || !this.inRepository(path)) return existsSync(path);
    return this.staged.files.has(path);
  };

  private inRepository(path: string): boolean {
    const inside = relative(this.staged!.root, path);
    return !inside.startsWith("..") && !isAbsolute(inside);
  }

  /** The path of the delib.config.yaml governing `dir` (itself or the nearest above), if any. */
  pathAbove(dir: string): string | undefined {
    const absolute = resolve(this.cwd, dir);
    if (!this.folders.has(absolute)) this.folders.set(absolute, findConfig(absolute, this.exists));
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
      const bytes = this.staged && this.inRepository(absolute) ? this.staged.files.get(absolute) : undefined;
      const read = bytes ? loadConfigBytes(bytes, absolute, this.cwd) : loadConfigSync(absolute, this.cwd);
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
