// `delib init [DIR]`: a new register repository, ready to validate and build.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { bodyKinds } from "../check.js";
import { diagnostic } from "../diagnostics/diagnostic.js";
import { msg } from "../diagnostics/message.js";
import { writeOutputs } from "../documents.js";
import { scaffold } from "../init/scaffold.js";
import type { BodyKind } from "../model/session.js";
import type { CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import { UsageError } from "./usage-error.js";

export interface InitOptions {
  name?: string;
  kind?: string;
  assembly?: string;
  date?: string;
  /** What the register's package.json installs (a version, a git URL, a tarball path); default: how this delib was installed. */
  delib?: string;
}

/**
 * What a register's package.json must ask npm for to get this very delib: the published
 * version when it came from the registry; the tarball, folder or git URL it was installed from
 * otherwise (read from the installing project's node_modules/.package-lock.json); this copy's
 * folder when it runs from a clone.
 */
export function installedDependency(packageRoot: string, version: string): string {
  const parts = packageRoot.split(/[\\/]node_modules[\\/]/);
  if (parts.length < 2) return `file:${packageRoot}`;
  const project = parts.slice(0, -1).join(`${sep}node_modules${sep}`);
  try {
    const lock = JSON.parse(readFileSync(join(project, "node_modules", ".package-lock.json"), "utf8")) as { packages?: Record<string, { resolved?: string }> };
    const resolved = lock.packages?.["node_modules/delib"]?.resolved;
    if (resolved?.startsWith("file:")) return `file:${resolve(project, resolved.slice("file:".length))}`;
    if (resolved && /^(git\+|git:|github:|https:\/\/github\.com\/)/.test(resolved)) return resolved;
  } catch {
    // No lock (npx's own cache, an older npm): the registry's version is the best guess.
  }
  return `^${version}`;
}

/** A `--delib` value as package.json takes it: a version as a range, a path as `file:`, a URL as it is. */
function dependencyFrom(spec: string, cwd: string): string {
  if (/^\d+\.\d+\.\d+/.test(spec)) return `^${spec}`;
  if (/^(file:|git\+|git:|github:|https?:)/.test(spec)) return spec;
  return `file:${resolve(cwd, spec)}`;
}

/** The options init needs, asked on a terminal when not given, or refused when there is none to ask. */
async function completeOptions(options: InitOptions, context: CliContext): Promise<Required<Pick<InitOptions, "name" | "kind" | "assembly">>> {
  const { ask } = context.io;
  let { name, kind, assembly } = options;
  if (name === undefined) {
    if (!ask) throw new UsageError(msg("cli.usage.init.name"));
    name = (await ask(`${context.t("cli.init.ask.name")} `)).trim();
    if (name === "") throw new UsageError(msg("cli.usage.init.name"));
    if (options.kind === undefined) kind = (await ask(`${context.t("cli.init.ask.kind", { kinds: bodyKinds().join(", "), default: "commune" })} `)).trim() || undefined;
    if (options.assembly === undefined) assembly = (await ask(`${context.t("cli.init.ask.assembly", { default: "conseil municipal" })} `)).trim() || undefined;
  }
  return { name, kind: kind ?? "commune", assembly: assembly ?? "conseil municipal" };
}

/** Writes the scaffold into `dir`; refuses to overwrite any file. */
export async function init(dir: string, given: InitOptions, context: CliContext): Promise<number> {
  const options = { ...given, ...(await completeOptions(given, context)) };
  const kinds = bodyKinds();
  if (!kinds.includes(options.kind)) throw new UsageError(msg("cli.usage.init.kind", { kind: options.kind, kinds: kinds.join(", ") }));
  // The first sitting defaults to today: the one place delib reads the clock, to write a date the clerk then edits.
  const date = options.date ?? context.io.now().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(msg("cli.usage.init.date", { date }));
  const packageRoot = fileURLToPath(new URL("../../", import.meta.url)).replace(/[\\/]$/, "");
  const { version } = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string };
  const dependency = options.delib !== undefined ? dependencyFrom(options.delib, context.io.cwd) : installedDependency(packageRoot, version);
  const files = scaffold({ name: options.name, kind: options.kind as BodyKind, assembly: options.assembly, date, dependency, language: context.tr.language });
  const target = resolve(context.io.cwd, dir);
  const existing = files.filter((f) => existsSync(join(target, f.path)));
  if (existing.length > 0) {
    const list = existing.map((f) => join(dir, f.path)).join(", ");
    const problem = diagnostic({
      code: "DLB5010",
      message: msg("DLB5010", { files: list, count: existing.length }),
      hints: [msg("DLB5010.hint")],
    });
    context.io.stderr(await context.format([problem], 0));
    return ExitCode.InvalidInput;
  }
  // All or nothing, as every output of delib: a failure leaves no half-made repository.
  const problems = await writeOutputs(target, files.map((f) => ({ name: f.path, contents: f.contents, executable: f.executable })));
  if (problems.length > 0) {
    context.io.stderr(await context.format(problems, 0));
    return ExitCode.Environment;
  }
  for (const file of files) context.wrote(join(dir, file.path));
  if (!context.quiet) context.io.stdout(`\n${context.t("cli.init.next")}\n${context.t("cli.init.hooks")}\n`);
  return ExitCode.Ok;
}
