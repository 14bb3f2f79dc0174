// The one checking path. Every command — validate, explain, build, preview, register, export,
// verify — checks its files here, so the same files get the same diagnostics, in the same
// order, whatever the command. One call per stage: load, parse, schema, count, the rules of
// each file; then the rules across the files of each register (numbering, proxies over
// sittings, roster, body), each once.
import { availableParallelism } from "node:os";
import { readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { globSync } from "tinyglobby";
import { ConfigCache } from "./config/config-cache.js";
import { configFileName, type Config } from "./config/load-config.js";
import type { ResultCache } from "./check-cache.js";
import { checkBytes, checkFile, checkText, withSummary, type FileOptions, type FileResult, type SummarizedResult } from "./check-file.js";
import { fromWire, toWire } from "./check-threads.js";
import { hasErrors, type Diagnostic } from "./diagnostics/diagnostic.js";
import { loadLaw } from "./law/load-law.js";
import { expandPaths } from "./source/expand-paths.js";
import type { StagedTree } from "./source/git-index.js";
import { loadSourceSync } from "./source/load-source.js";
import { locate, parseYaml, type ParsedSource } from "./source/parse-yaml.js";
import { actLinks, noLinks, type ActLinks } from "./validate/set-rules/act-links.js";
import { checkSet } from "./validate/set-rules/check-set.js";
import type { SessionSummary } from "./validate/set-rules/session-summary.js";
import type { SetFinding } from "./validate/set-rules/set-rule.js";

export { checkFile, checkText, tallySession, type FileResult } from "./check-file.js";
export { openResultCache, type ResultCache } from "./check-cache.js";
export { stagedTree, type StagedTree } from "./source/git-index.js";

/** One checked file: its result, its register's configuration, and every finding located in it. */
export interface CheckedFile extends FileResult {
  readonly config: Config;
  /**
   * The links between the acts of the files checked with this one (its whole register, the
   * other sittings read as context included): what its extracts say of the later acts that
   * withdraw, replace or correct them (`RenderOptions.links`).
   */
  readonly links: ActLinks;
}

/** What checking a set of files gives. */
export interface CheckedSet {
  readonly files: readonly CheckedFile[];
  /** Every diagnostic, in report order: the arguments, the configurations, then file by file. */
  readonly diagnostics: readonly Diagnostic[];
  /** No error anywhere. */
  readonly ok: boolean;
  /** The configurations read, each once. */
  readonly configs: ConfigCache;
  /** How many files were given (globs expanded), configurations included. */
  readonly fileCount: number;
}

export interface CheckOptions {
  /** The folder relative paths and globs are read from. */
  readonly cwd: string;
  /**
   * Checking threads for many files (`delib validate` over a register). The files' sessions
   * and counts stay in the threads, so a command that needs them checks in one thread.
   */
  readonly threads?: number | "auto";
  /** Texts to check instead of reading the files (e.g. a file at a commit, for verify). */
  readonly texts?: ReadonlyMap<string, string>;
  /** Read every file as a transcribed record: irregular facts are findings (`delib audit`). */
  readonly asRecorded?: boolean;
  /** A cache shared with the caller, to read each configuration once over several checks. */
  readonly configs?: ConfigCache;
  /**
   * The files as staged in git (`delib validate --staged`): a file of the index is read from
   * it, not from the disk, and the other sittings of a register are those of the index.
   */
  readonly staged?: StagedTree;
  /**
   * Results kept from earlier runs, by the bytes of each file (`delib validate --cache`). Only
   * for commands that need no file's session or count, as with threads.
   */
  readonly cache?: ResultCache;
  /** The bytes of standard input, checked as the file `-` names on the command line (shown as `<stdin>`). */
  readonly stdin?: Uint8Array;
}

/** How standard input is named in diagnostics and documents. */
export const stdinPath = "<stdin>";

/** With "auto", below this many files the checking threads cost more than they save. */
const threadThreshold = 200;

/**
 * Checks the session files named by `args` (paths or quoted globs; a delib.config.yaml among
 * them is checked as a configuration) and the rules across the files of each register.
 */
export async function checkSessions(args: readonly string[], options: CheckOptions): Promise<CheckedSet> {
  const { cwd } = options;
  const configs = options.configs ?? new ConfigCache(cwd, options.staged);
  // `-` is standard input, read by the CLI (`options.stdin`), never a file's name.
  const fromStdin = options.stdin !== undefined && args.includes("-");
  const expanded = expandPaths(args.filter((a) => !(fromStdin && a === "-")), cwd);
  const given = [...(fromStdin ? [stdinPath] : []), ...(expanded.value ?? [])];
  for (const path of given.filter((f) => basename(f) === configFileName)) configs.load(path);
  const paths = given.filter((f) => basename(f) !== configFileName);

  const configOf = paths.map((path) => configs.forFile(path).config);
  const results = await checkEach(paths, options, configs);

  // The rules across files run over each whole register: a file given alone is checked among
  // the other sittings of its register (read here, their own problems not reported), so that
  // its numbering, its proxies over sittings and the rest mean the same whatever is given.
  // Only their summaries and locations are used: they are read to the schema, not counted.
  const context = await checkEach(registerContext(paths, configOf, cwd, options.staged), { ...options, texts: undefined }, configs, true);
  const law = loadLaw();
  const groups = new Map<string, { config: Config; sessions: SessionSummary[] }>();
  const addTo = (config: Config, summary: SessionSummary | undefined) => {
    if (!summary) return;
    const key = config.path ?? "";
    const group = groups.get(key) ?? { config, sessions: [] };
    group.sessions.push(summary);
    groups.set(key, group);
  };
  results.forEach(({ summary }, i) => addTo(configOf[i]!, summary));
  context.forEach(({ result, summary }) => addTo(configs.forFile(result.path).config, summary));
  const reported = new Set(paths);
  const findings = [...groups.values()].flatMap((group) => checkSet({ ...group, law })).filter((f) => f.file === undefined || reported.has(f.file));
  const located = locateFindings(findings, [...results, ...context], cwd, (file) => configs.forFile(file).config);

  const linksOf = new Map([...groups].map(([key, group]) => [key, actLinks(group.sessions, group.config.path !== undefined)]));
  const files: CheckedFile[] = results.map(({ result }, i) => ({
    ...result,
    config: configOf[i]!,
    links: linksOf.get(configOf[i]!.path ?? "") ?? noLinks,
    diagnostics: [...result.diagnostics, ...(located.get(result.path) ?? [])],
  }));
  const diagnostics = [
    ...expanded.diagnostics,
    ...configs.all().flatMap((c) => c.diagnostics),
    ...(located.get(undefined) ?? []),
    ...files.flatMap((f) => f.diagnostics),
  ];
  options.cache?.save();
  return { files, diagnostics, ok: !hasErrors(diagnostics), configs, fileCount: given.length };
}

/** Checks each file alone, in threads when asked and worth it; from the cache when it has the file's result. */
async function checkEach(paths: readonly string[], options: CheckOptions, configs: ConfigCache, summaryOnly = false): Promise<SummarizedResult[]> {
  // What each file reads of its register's configuration: the assembly's seats, the limits.
  const read = paths.map((path) => {
    const { config } = configs.forFile(path);
    return { asRecorded: options.asRecorded, seats: config.body?.seats, summaryOnly, limits: config.limits };
  });
  const { cache } = options;
  if (!cache) return checkUncached(paths, read, options);
  const results = new Array<SummarizedResult>(paths.length);
  const missed: { index: number; key: string | undefined; bytes: Uint8Array | undefined }[] = [];
  paths.forEach((path, i) => {
    const bytes = bytesOf(path, options);
    const key = bytes === undefined ? undefined : cache.key(path, bytes, read[i]!);
    const found = key === undefined ? undefined : cache.get(key);
    if (found) results[i] = fromWire(found);
    else missed.push({ index: i, key, bytes });
  });
  const checked = await checkUncached(missed.map((m) => paths[m.index]!), missed.map((m) => read[m.index]!), options, missed.map((m) => m.bytes));
  checked.forEach((result, k) => {
    const { index, key } = missed[k]!;
    results[index] = result;
    if (key !== undefined) cache.set(key, toWire(result));
  });
  return results;
}

/** The bytes of `path` as this check reads them (given text, staged, or on disk); undefined when unreadable. */
function bytesOf(path: string, options: CheckOptions): Uint8Array | undefined {
  if (path === stdinPath && options.stdin) return options.stdin;
  const text = options.texts?.get(path);
  if (text !== undefined) return Buffer.from(text, "utf8");
  const staged = options.staged?.files.get(resolve(options.cwd, path));
  if (staged) return staged;
  try {
    return readFileSync(resolve(options.cwd, path));
  } catch {
    return undefined;
  }
}

/** Checks each file alone: in threads when asked and worth it, else here, from the bytes given or read (`bytes`: already in hand, by index). */
async function checkUncached(paths: readonly string[], read: readonly FileOptions[], options: CheckOptions, bytes: readonly (Uint8Array | undefined)[] = []): Promise<SummarizedResult[]> {
  const { cwd } = options;
  const threads = options.threads === "auto" ? (paths.length >= threadThreshold ? Math.min(availableParallelism(), 8) : 1) : (options.threads ?? 1);
  if (threads > 1 && !options.texts && !options.staged && !options.stdin) return (await import("./check-threads.js")).checkInThreads(paths, cwd, threads, read);
  return paths.map((path, i) => {
    const text = options.texts?.get(path);
    if (text !== undefined) return withSummary(checkText({ path, text }, read[i]));
    const given = bytes[i] ?? (path === stdinPath ? options.stdin : options.staged?.files.get(resolve(cwd, path)));
    return withSummary(given ? checkBytes(path, given, read[i]) : checkFile(path, cwd, read[i]));
  });
}

/** The other session files of the registers that `paths` belong to, relative to `cwd` (those of the index when checking what is staged). */
function registerContext(paths: readonly string[], configOf: readonly Config[], cwd: string, staged?: StagedTree): string[] {
  const given = new Set(paths.map((p) => resolve(cwd, p)));
  const roots = new Set(configOf.flatMap((c) => (c.path ? [dirname(c.path)] : [])));
  const others: string[] = [];
  for (const root of [...roots].sort()) {
    const files = staged ? stagedSessionFilesUnder(root, staged) : sessionFilesUnder(root);
    for (const file of files) if (!given.has(file)) others.push(relative(cwd, file) || file);
  }
  return others;
}

/** The session files of the index under a register's root folder, absolute and sorted, as sessionFilesUnder finds them on disk. */
function stagedSessionFilesUnder(root: string, staged: StagedTree): string[] {
  return [...staged.files.keys()]
    .filter((file) => {
      const inside = relative(root, file);
      return !inside.startsWith("..") && !isAbsolute(inside) && isSessionPath(inside);
    })
    .sort();
}

/**
 * A path, relative to a register's root, that sessionFilesUnder would find: `.yaml`, not the
 * configuration, outside node_modules and outside dot folders and dot files (as tinyglobby, which
 * skips them: .github/, .pre-commit-config.yaml).
 */
function isSessionPath(inside: string): boolean {
  const parts = inside.split(sep);
  return /\.yaml$/.test(inside) && basename(inside) !== configFileName && !parts.includes("node_modules") && !parts.some((part) => part.startsWith("."));
}

/**
 * The files a commit changes that a register reads (`delib validate --staged`): the
 * configurations, and the session files as `delib validate` finds them on disk — never the
 * CI workflow (.github/workflows/*.yml) or another tool's YAML file in a dot folder.
 */
export function changedRegisterFiles(staged: StagedTree): string[] {
  const changed = staged.changed.filter((file) => staged.files.has(file) && (basename(file) === configFileName || isSessionPath(relative(staged.root, file))));
  // A changed configuration (its numbering pattern, its seats, its roster) may make any sitting
  // of its register wrong: all of them are checked again under it (from the cache when unchanged).
  const again = changed.filter((file) => basename(file) === configFileName).flatMap((config) => stagedSessionFilesUnder(dirname(config), staged));
  return [...new Set([...changed, ...again])];
}

/** The session files under a register's root folder, absolute and sorted. */
function sessionFilesUnder(root: string): string[] {
  return globSync("**/*.yaml", { cwd: root, onlyFiles: true, expandDirectories: false, ignore: ["**/node_modules/**", `**/${configFileName}`] })
    .sort()
    .map((file) => join(root, file));
}

/** The findings across files, located in their files (undefined: in no session file). */
function locateFindings(
  findings: readonly SetFinding[],
  results: readonly SummarizedResult[],
  cwd: string,
  configOf: (file: string) => Config,
): Map<string | undefined, Diagnostic[]> {
  const parsed = new Map<string, ParsedSource | undefined>(results.map(({ result }) => [result.path, result.parsed]));
  const sourceOf = (file: string): ParsedSource | undefined => {
    // Results from the checking threads carry no parsed file: parse it again, once.
    if (parsed.get(file) === undefined) {
      const text = results.find((r) => r.result.path === file)?.result.source;
      const { limits } = configOf(file);
      const loaded = text ? { value: text } : loadSourceSync(file, cwd, limits);
      parsed.set(file, loaded.value ? parseYaml(loaded.value, limits).value : undefined);
    }
    return parsed.get(file);
  };
  const spanOf = (file: string | undefined, at: SetFinding["at"], finding?: SetFinding) => {
    if (file === undefined) {
      // In the configuration of the finding's register.
      const config = finding?.file === undefined ? undefined : configOf(finding.file);
      return config?.source ? locate(config.source, at) : undefined;
    }
    const source = sourceOf(file);
    return source ? locate(source, at) : undefined;
  };
  const byFile = new Map<string | undefined, Diagnostic[]>();
  for (const f of findings) {
    const d: Diagnostic = {
      severity: f.severity,
      code: f.code,
      message: f.message,
      hints: f.hints,
      span: spanOf(f.file, f.at),
      related: f.related.flatMap((r) => {
        const span = spanOf(r.file, r.at, f);
        return span ? [{ span, message: r.message }] : [];
      }),
      ...(f.irregularity ? { irregularity: f.irregularity } : {}),
    };
    byFile.set(f.file, [...(byFile.get(f.file) ?? []), d]);
  }
  return byFile;
}

/**
 * Every session file of the register `cwd` belongs to (under the folder of the nearest
 * delib.config.yaml), relative to `cwd` and sorted; undefined outside a register.
 */
export function registerSessionFiles(cwd: string, configs: ConfigCache = new ConfigCache(cwd)): { root: string; files: string[] } | undefined {
  const root = registerRoot(cwd, configs);
  if (root === undefined) return undefined;
  return { root, files: sessionFilesUnder(root).map((file) => relative(cwd, file) || file) };
}

/** The folder of the nearest delib.config.yaml in `cwd` or above: the register's root; undefined outside a register. */
export function registerRoot(cwd: string, configs: ConfigCache = new ConfigCache(cwd)): string | undefined {
  const config = configs.pathAbove(cwd);
  return config === undefined ? undefined : dirname(config);
}

/**
 * What checking and building `files` reads besides them: the configuration governing each and
 * its templates folder (absolute paths), for `build --watch` and `preview` to watch.
 */
export function inputsOf(files: readonly string[], cwd: string, configs: ConfigCache = new ConfigCache(cwd)): { files: string[]; folders: string[] } {
  const read = new Set(files.map((f) => resolve(cwd, f)));
  const folders = new Set<string>();
  for (const file of files) {
    const { config } = configs.forFile(file);
    if (config.path) read.add(config.path);
    if (config.templatesDir) folders.add(config.templatesDir);
  }
  return { files: [...read], folders: [...folders] };
}

/** The kinds of body delib knows, from law/bodies.yaml. */
export function bodyKinds(): string[] {
  return Object.keys(loadLaw().bodies);
}
