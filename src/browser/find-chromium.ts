// Where the Chrome or Chromium that prints the PDF comes from. Pure: the environment, PATH and
// the file check are all passed in, so the order can be tested without touching the disk.
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";

/** Environment variables read, in this order, after the `--chromium` flag. */
export const CHROMIUM_ENV_VARS = ["DELIB_CHROMIUM", "PUPPETEER_EXECUTABLE_PATH", "CHROME_PATH"] as const;

/** Executable names looked up on PATH, in this order, when nothing was configured. */
export const CHROMIUM_NAMES = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"] as const;

export interface FindChromiumOptions {
  /** Value of `--chromium PATH`, when given. */
  readonly flag?: string;
  /** The process environment (`process.env` in the CLI); PATH is read from it too. */
  readonly env: Record<string, string | undefined>;
  /** Whether a path is an executable file; defaults to a real file-system check. */
  readonly isExecutable?: (path: string) => boolean;
}

export type FindChromiumResult = { path: string; source: string } | { tried: string[] };

/**
 * Finds the browser that prints the PDF, in this order:
 *
 * 1. the `--chromium PATH` flag: when given and wrong, the search stops there, because the user
 *    asked for that browser and printing with another one would hide the mistake;
 * 2. the environment variables DELIB_CHROMIUM, PUPPETEER_EXECUTABLE_PATH, CHROME_PATH: one that is
 *    set but wrong is recorded in `tried` and skipped (they are often inherited, not chosen);
 * 3. the names chromium, chromium-browser, google-chrome-stable, google-chrome on PATH, each name
 *    searched through every PATH directory before the next name.
 *
 * A flag or variable holding a bare name (no `/`) is looked up on PATH like a shell command.
 * Returns the executable and where it came from, or everything that was tried.
 */
export function findChromium(options: FindChromiumOptions): FindChromiumResult {
  const { env } = options;
  const isExecutable = options.isExecutable ?? isExecutableFile;
  const pathDirs = (env.PATH ?? "").split(path.delimiter).filter((dir) => dir !== "");
  const resolve = (value: string): string | undefined =>
    hasDirectory(value) ? (isExecutable(value) ? value : undefined) : searchPath(value, pathDirs, isExecutable);

  if (options.flag !== undefined) {
    const found = resolve(options.flag);
    if (found !== undefined) return { path: found, source: "--chromium" };
    return { tried: [`--chromium ${options.flag} (${notFoundReason(options.flag)})`] };
  }

  const tried: string[] = [];
  for (const name of CHROMIUM_ENV_VARS) {
    const value = env[name];
    if (value === undefined || value === "") continue;
    const found = resolve(value);
    if (found !== undefined) return { path: found, source: name };
    tried.push(`${name}=${value} (${notFoundReason(value)})`);
  }

  for (const name of CHROMIUM_NAMES) {
    const found = searchPath(name, pathDirs, isExecutable);
    if (found !== undefined) return { path: found, source: `${name} on PATH` };
  }
  tried.push(
    pathDirs.length === 0
      ? `${CHROMIUM_NAMES.join(", ")} on PATH (PATH is empty)`
      : `${CHROMIUM_NAMES.join(", ")} on PATH (none found)`,
  );
  return { tried };
}

/** The DLB4001 diagnostic for a PDF asked for when no browser could be found. */
export function browserNotFound(tried: readonly string[]): Diagnostic {
  return diagnostic({
    code: "DLB4001",
    message: "no Chromium or Chrome browser found to print the PDF",
    hints: [
      `tried: ${tried.join("; ")}`,
      "install one: sudo apt-get install chromium (Debian/Ubuntu), or point DELIB_CHROMIUM at a Chrome or Chromium executable",
      "the HTML was still written; only the PDF is missing",
    ],
  });
}

function hasDirectory(value: string): boolean {
  return value.includes("/") || value.includes(path.sep);
}

function notFoundReason(value: string): string {
  return hasDirectory(value) ? "not an executable file" : "not found on PATH";
}

function searchPath(
  name: string,
  dirs: readonly string[],
  isExecutable: (path: string) => boolean,
): string | undefined {
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** A regular file (or a link to one) that we may execute. */
function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
