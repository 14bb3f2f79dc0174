// delib.config.yaml: found upward from a session file; its paths resolve against itself.
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { Diagnostic, Result } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../diagnostics/diagnostic.js";
import { defaultLimits, MEGABYTE, type Limits } from "../source/limits.js";
import { decodeSource, loadSourceSync } from "../source/load-source.js";
import { parseYaml } from "../source/parse-yaml.js";
import { validateAgainst } from "../validate/validate-schema.js";

export const configFileName = "delib.config.yaml";

/** The configuration as the schema guarantees it (schemas/config.schema.json). */
export interface ConfigBody {
  name: string;
  kind: import("../model/session.js").BodyKind;
  assembly: string;
  siren?: string;
  siret?: string;
  departement?: string;
  population?: number;
  /** The assembly's seats (« effectif légal »), for every session that does not give its own. */
  seats?: number;
}

export interface RosterEvent {
  member: string;
  event: "installed" | "resigned" | "died" | "ended";
  date: string;
}

/** The letterhead printed above the body's name (`identity:`). */
export interface Identity {
  republic?: boolean;
  departement?: string;
  arrondissement?: string;
  seat?: string;
  address?: string[];
  phone?: string;
  email?: string;
  website?: string;
  siret?: boolean;
  logo?: string;
}

/** How a body's documents read: letterhead, certification, recourse, attendance words. */
export interface DocumentSettings {
  readonly identity?: Identity;
  readonly siret?: string;
  readonly certification?: { place?: string; date?: "next_day" | "sitting_day" };
  readonly recourse?: { print?: boolean; court?: string; address?: string; telerecours?: boolean };
  readonly attendance?: { represented?: "excused" | "absent"; labels?: Partial<Record<"present" | "absent" | "excused" | "withdrawn" | "voting" | "proxy", string>> };
}

export interface ConfigFile {
  format: 1;
  identity?: Identity;
  certification?: DocumentSettings["certification"];
  recourse?: DocumentSettings["recourse"];
  attendance?: DocumentSettings["attendance"];
  body?: ConfigBody;
  numbering?: { pattern: string };
  roster?: RosterEvent[];
  templates?: string;
  assets?: Record<string, string>;
  /** Limits raised (or lowered) for this register's session files (src/source/limits.ts). */
  limits?: { file_size_mb?: number; motions?: number; members?: number; text_length?: number; nesting_depth?: number };
}

/** A loaded configuration, with its paths made absolute. */
export interface Config {
  /** The file it came from; undefined when there is none. */
  readonly path: string | undefined;
  /** The folder it sits in: the register's root. */
  readonly root: string | undefined;
  readonly templatesDir: string | undefined;
  readonly assets: Readonly<Record<string, string>>;
  readonly body: ConfigBody | undefined;
  readonly numbering: { pattern: string } | undefined;
  readonly roster: readonly RosterEvent[];
  /** What the documents print from the configuration (letterhead, mentions, vocabulary). */
  readonly documents: DocumentSettings;
  /** The parsed file, to locate a finding in it. */
  readonly source: import("../source/parse-yaml.js").ParsedSource | undefined;
  /** The limits its session files are read within: delib's defaults, with what `limits:` raises. */
  readonly limits: Limits;
}

export const noConfig: Config = {
  path: undefined,
  root: undefined,
  templatesDir: undefined,
  assets: {},
  body: undefined,
  numbering: undefined,
  roster: [],
  documents: {},
  source: undefined,
  limits: defaultLimits,
};

/** The limits a configuration's `limits:` block sets, over delib's defaults. */
export function limitsOf(given: ConfigFile["limits"]): Limits {
  if (!given) return defaultLimits;
  return {
    fileSize: given.file_size_mb === undefined ? defaultLimits.fileSize : given.file_size_mb * MEGABYTE,
    motions: given.motions ?? defaultLimits.motions,
    members: given.members ?? defaultLimits.members,
    textLength: given.text_length ?? defaultLimits.textLength,
    depth: given.nesting_depth ?? defaultLimits.depth,
  };
}

/** The nearest delib.config.yaml in `dir` or a folder above it (`exists`: on disk, or in git's index). */
export function findConfig(dir: string, exists: (path: string) => boolean = existsSync): string | undefined {
  let current = resolve(dir);
  for (;;) {
    const candidate = join(current, configFileName);
    if (exists(candidate)) return candidate;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * `path` as diagnostics show it: relative to the working folder `cwd` when it is inside it,
 * else absolute.
 */
export function shownPath(path: string, cwd: string): string {
  const absolute = resolve(cwd, path);
  const inside = relative(resolve(cwd), absolute);
  return inside !== "" && !inside.startsWith("..") && !isAbsolute(inside) ? inside : absolute;
}

/**
 * Reads and checks a configuration file (synchronously: the checking path reads a few small
 * files, once each). With `cwd`, its diagnostics name the file relative to that folder when it
 * is inside it; `Config.path` stays absolute.
 */
export function loadConfigSync(path: string, cwd?: string): Result<Config> {
  const loaded = cwd === undefined ? loadSourceSync(path) : loadSourceSync(shownPath(path, cwd), cwd);
  return loaded.value ? configOf(loaded.value, cwd === undefined ? path : resolve(cwd, path)) : { value: undefined, diagnostics: loaded.diagnostics };
}

/** The same as loadConfigSync, from the file's bytes (as staged in git, for `delib validate --staged`). */
export function loadConfigBytes(bytes: Uint8Array, path: string, cwd?: string): Result<Config> {
  const loaded = decodeSource(cwd === undefined ? path : shownPath(path, cwd), bytes);
  return loaded.value ? configOf(loaded.value, cwd === undefined ? path : resolve(cwd, path)) : { value: undefined, diagnostics: loaded.diagnostics };
}

/** The configuration in `text`, read from the file at `path`. */
function configOf(text: SourceFile, path: string): Result<Config> {
  const parsed = parseYaml(text);
  if (!parsed.value) return { value: undefined, diagnostics: parsed.diagnostics };
  const checked = validateAgainst<ConfigFile>(parsed.value, "config");
  const diagnostics: Diagnostic[] = [...parsed.diagnostics, ...checked.diagnostics];
  if (!checked.value) return { value: undefined, diagnostics };
  const base = dirname(resolve(path));
  const file = checked.value;
  return {
    value: {
      path,
      root: base,
      templatesDir: file.templates ? resolve(base, file.templates) : undefined,
      // `identity.logo` is the letterhead's image, as `assets.logo` is.
      assets: Object.fromEntries(
        Object.entries({ ...(file.identity?.logo ? { logo: file.identity.logo } : {}), ...file.assets }).map(([name, p]) => [name, resolve(base, p)]),
      ),
      body: file.body,
      numbering: file.numbering,
      roster: file.roster ?? [],
      documents: { identity: file.identity, siret: file.body?.siret, certification: file.certification, recourse: file.recourse, attendance: file.attendance },
      source: parsed.value,
      limits: limitsOf(file.limits),
    },
    diagnostics,
  };
}
