// Where the Chrome, Chromium or Edge that prints the PDF comes from. Pure: the environment,
// the platform and the file check are all passed in, so the order can be tested for Windows,
// macOS and Linux on any machine, without touching the disk. Paths are built with node:path's
// win32 or posix functions according to the platform passed in, never the host's.
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { listOf, msg, type Message } from "../diagnostics/message.js";

/** Environment variables read, in this order, after the `--chromium` flag. */
export const CHROMIUM_ENV_VARS = ["DELIB_CHROMIUM", "PUPPETEER_EXECUTABLE_PATH", "CHROME_PATH"] as const;

/** Executable names looked up on PATH, in this order, after the install places. */
export const CHROMIUM_NAMES = [
  "chromium",
  "chromium-browser",
  "google-chrome-stable",
  "google-chrome",
  "microsoft-edge-stable",
  "microsoft-edge",
] as const;

/** On Windows, also the names the browsers' own executables have (chrome.exe, msedge.exe). */
export const WINDOWS_NAMES = [...CHROMIUM_NAMES, "chrome", "msedge"] as const;

/** The extensions an executable may have on Windows when PATHEXT does not say. */
const DEFAULT_PATHEXT = ".COM;.EXE;.BAT;.CMD";

/**
 * The extensions Node can start without a shell: PATHEXT's .BAT and .CMD are left out, since
 * spawn() refuses them (a browser is never one anyway).
 */
const SPAWNABLE_EXTENSIONS = new Set([".com", ".exe"]);

export interface FindChromiumOptions {
  /** Value of `--chromium PATH`, when given. */
  readonly flag?: string;
  /**
   * The process environment (`process.env` in the CLI); PATH, PATHEXT, HOME, ProgramFiles,
   * ProgramFiles(x86), ProgramW6432 and LOCALAPPDATA are read from it too. On Windows the
   * names are matched without regard to case, as Windows does.
   */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether a path is an executable file; defaults to a real file-system check. */
  readonly isExecutable?: (path: string) => boolean;
  /** The platform whose install places, PATH syntax and paths apply; defaults to the host's. */
  readonly platform?: NodeJS.Platform;
}

/** Where the browser was found: the flag, an environment variable, an install place, or PATH. */
export type ChromiumSource = "--chromium" | (typeof CHROMIUM_ENV_VARS)[number] | "install-place" | "PATH";

/** The browser found, or everything that was tried, in order (each a message for the reader). */
export type FindChromiumResult = { path: string; source: ChromiumSource } | { tried: Message[] };

/**
 * Finds the browser that prints the PDF, in this order:
 *
 * 1. the `--chromium PATH` flag: when given and wrong, the search stops there, because the user
 *    asked for that browser and printing with another one would hide the mistake;
 * 2. the environment variables DELIB_CHROMIUM, PUPPETEER_EXECUTABLE_PATH, CHROME_PATH: one that is
 *    set but wrong is recorded in `tried` and skipped (they are often inherited, not chosen);
 * 3. the places where the platform's installers put a browser (`installPlaces`): on Windows,
 *    Microsoft Edge (always installed) then Google Chrome then Chromium; on macOS, Google
 *    Chrome, Chromium and Microsoft Edge in /Applications, then in ~/Applications; none on
 *    Linux and other systems;
 * 4. the names of CHROMIUM_NAMES on PATH (on Windows WINDOWS_NAMES, each tried with the
 *    extensions of PATHEXT), each name searched through every PATH directory before the next.
 *
 * On Linux, step 3 is empty and step 4 is what finds Debian's `chromium` (/usr/bin/chromium):
 * every Linux package of a browser puts its command on PATH, and PATH is the user's to order,
 * so no fixed path overrides it. On Windows and macOS a browser is an application, not a
 * command, and rarely on PATH: the install places come first, and a browser on PATH (a
 * Homebrew or Scoop link, often to the same application) is the last resort.
 *
 * A flag or variable holding a bare name (no directory) is looked up on PATH like a shell
 * command. Returns the executable and where it came from, or everything that was tried.
 */
export function findChromium(options: FindChromiumOptions): FindChromiumResult {
  const platform = options.platform ?? process.platform;
  const env = envReader(options.env, platform);
  const isExecutable = options.isExecutable ?? isExecutableFile;
  const windows = platform === "win32";
  const join = windows ? path.win32.join : path.posix.join;
  const pathDirs = (env("PATH") ?? "")
    .split(windows ? ";" : ":")
    .map((dir) => (windows ? dir.trim().replace(/^"(.*)"$/, "$1") : dir))
    .filter((dir) => dir !== "");
  const extensions = windows ? spawnableExtensions(env("PATHEXT")) : [];
  /** The files a name stands for: on Windows, with each extension unless it has one already. */
  const filesOf = (file: string): string[] => {
    if (!windows) return [file];
    const extension = path.win32.extname(file).toLowerCase();
    return extensions.includes(extension) ? [file] : extensions.map((ext) => file + ext);
  };
  const firstExecutable = (files: readonly string[]) => files.find((file) => isExecutable(file));
  const searchPath = (name: string) => {
    for (const dir of pathDirs) {
      const found = firstExecutable(filesOf(join(dir, name)));
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const hasDirectory = (value: string) => value.includes("/") || (windows && value.includes("\\"));
  const resolve = (value: string) => (hasDirectory(value) ? firstExecutable(filesOf(value)) : searchPath(value));
  const reason = (value: string) => (hasDirectory(value) ? msg("browser.reason.not_executable") : msg("browser.reason.not_on_path"));

  if (options.flag !== undefined) {
    const found = resolve(options.flag);
    if (found !== undefined) return { path: found, source: "--chromium" };
    return { tried: [msg("browser.tried.flag", { value: options.flag, reason: reason(options.flag) })] };
  }

  const tried: Message[] = [];
  for (const name of CHROMIUM_ENV_VARS) {
    const value = env(name);
    if (value === undefined || value === "") continue;
    const found = resolve(value);
    if (found !== undefined) return { path: found, source: name };
    tried.push(msg("browser.tried.variable", { name, value, reason: reason(value) }));
  }

  const places = installPlaces(platform, options.env);
  const installed = firstExecutable(places);
  if (installed !== undefined) return { path: installed, source: "install-place" };
  if (places.length > 0) tried.push(msg("browser.tried.install_places", { places: listOf(places) }));

  const names = windows ? WINDOWS_NAMES : CHROMIUM_NAMES;
  for (const name of names) {
    const found = searchPath(name);
    if (found !== undefined) return { path: found, source: "PATH" };
  }
  const listed = listOf([...names], "disjunction");
  tried.push(pathDirs.length === 0 ? msg("browser.tried.path_empty", { names: listed }) : msg("browser.tried.path", { names: listed }));
  return { tried };
}

/**
 * The executables a platform's installers put a browser at, in the order they are tried:
 *
 * - Windows: Microsoft Edge under %ProgramFiles(x86)%, %ProgramFiles% (and %ProgramW6432%,
 *   the 64-bit folder seen from a 32-bit Node), then Google Chrome under %ProgramFiles%,
 *   %ProgramW6432%, %ProgramFiles(x86)% and %LOCALAPPDATA% (a per-user install), then
 *   Chromium under %LOCALAPPDATA%; a folder whose variable is unset is left out, and a path
 *   given twice (the variables often agree) is tried once;
 * - macOS: Google Chrome, Chromium and Microsoft Edge in /Applications, then the same in
 *   ~/Applications (HOME);
 * - any other system: none (the browser is found on PATH).
 */
export function installPlaces(platform: NodeJS.Platform, environment: Readonly<Record<string, string | undefined>>): string[] {
  const env = envReader(environment, platform);
  if (platform === "win32") {
    const edge = ["Microsoft", "Edge", "Application", "msedge.exe"];
    const chrome = ["Google", "Chrome", "Application", "chrome.exe"];
    const chromium = ["Chromium", "Application", "chrome.exe"];
    const under = (variable: string, parts: readonly string[]): string[] => {
      const base = env(variable);
      return base === undefined || base === "" ? [] : [path.win32.join(base, ...parts)];
    };
    const all = [
      ...under("ProgramFiles(x86)", edge),
      ...under("ProgramFiles", edge),
      ...under("ProgramW6432", edge),
      ...under("ProgramFiles", chrome),
      ...under("ProgramW6432", chrome),
      ...under("ProgramFiles(x86)", chrome),
      ...under("LOCALAPPDATA", chrome),
      ...under("LOCALAPPDATA", chromium),
    ];
    // Windows paths ignore case.
    const seen = new Set<string>();
    return all.filter((place) => !seen.has(place.toLowerCase()) && seen.add(place.toLowerCase()));
  }
  if (platform === "darwin") {
    const apps = [
      "Google Chrome.app/Contents/MacOS/Google Chrome",
      "Chromium.app/Contents/MacOS/Chromium",
      "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ];
    const home = env("HOME");
    return [
      ...apps.map((app) => path.posix.join("/Applications", app)),
      ...(home === undefined || home === "" ? [] : apps.map((app) => path.posix.join(home, "Applications", app))),
    ];
  }
  return [];
}

/**
 * The DLB4001 diagnostic for a PDF asked for when no browser could be found: what was tried,
 * in order, and how to install a browser on `platform`.
 */
export function browserNotFound(tried: readonly Message[], platform: NodeJS.Platform = process.platform): Diagnostic {
  return diagnostic({
    code: "DLB4001",
    message: msg("DLB4001"),
    hints: [
      msg("DLB4001.hint.tried", { tried: triedList(tried) }),
      platform === "win32" ? msg("DLB4001.hint.windows") : platform === "darwin" ? msg("DLB4001.hint.macos") : msg("DLB4001.hint.linux"),
      msg("browser.html_written"),
    ],
  });
}

/** The attempts as one message, separated as the reader's language separates clauses (« ; »). */
function triedList(tried: readonly Message[]): Message | string {
  if (tried.length === 0) return "";
  return tried.slice(0, -1).reduceRight<Message>((rest, first) => msg("browser.tried.more", { first, rest }), tried.at(-1)!);
}

/** Reads a variable; on Windows, whatever the case of its name, as Windows itself does. */
function envReader(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): (name: string) => string | undefined {
  if (platform !== "win32") return (name) => env[name];
  return (name) => {
    if (env[name] !== undefined) return env[name];
    const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
    return key === undefined ? undefined : env[key];
  };
}

/** PATHEXT's extensions, lower case, in order, that spawn() can start. */
function spawnableExtensions(pathext: string | undefined): string[] {
  const listed = (pathext === undefined || pathext.trim() === "" ? DEFAULT_PATHEXT : pathext)
    .split(";")
    .map((ext) => ext.trim().toLowerCase())
    .filter((ext) => SPAWNABLE_EXTENSIONS.has(ext));
  return listed.length > 0 ? [...new Set(listed)] : [".com", ".exe"];
}

/** A regular file (or a link to one) that we may execute (on Windows: that exists). */
function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
