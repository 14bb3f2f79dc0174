import { relative, resolve } from "node:path";
import { basename } from "node:path";
import { changedRegisterFiles, checkSessions, openResultCache, registerRoot, registerSessionFiles, stagedTree } from "../check.js";
import { msg } from "../diagnostics/message.js";
import { stopwatch, type CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import type { ReportFormat } from "./report.js";
import { UsageError } from "./usage-error.js";

export interface ValidateOptions {
  format: ReportFormat;
  /** Check what git would commit: the staged session files, among the register's staged files (the pre-commit hook). */
  staged?: boolean;
  /** Keep each file's result, by its bytes, for the next run (like ESLint's --cache). */
  cache?: boolean;
  /** Where the cache lives (default: node_modules/.cache/delib/results.json under the register, or the working folder). */
  cacheLocation?: string;
}

/** `delib validate`: the report is what the command produces, so it goes to stdout. */
export async function validate(args: readonly string[], options: ValidateOptions, context: CliContext): Promise<number> {
  const { env, cwd } = context.io;
  // Many files are checked in threads; DELIB_THREADS=1 keeps the main thread (same diagnostics).
  const threads = env.DELIB_THREADS ? Number(env.DELIB_THREADS) : "auto";
  const elapsed = stopwatch();
  let files = args;
  const staged = options.staged ? stagedTree(cwd) : undefined;
  if (options.staged) {
    if (!staged) throw new UsageError(msg("cli.usage.validate.not_git", { folder: cwd }));
    if (args.length > 0) throw new UsageError(msg("cli.usage.validate.staged_and_files"));
    // The YAML files the commit changes: its sittings, and the configuration when it changes.
    files = changedRegisterFiles(staged).map((file) => relative(cwd, file) || basename(file));
    if (files.length === 0) {
      context.detail(msg("cli.verbose.nothing_staged"));
      return ExitCode.Ok;
    }
  } else if (files.length === 0) {
    // Inside a register, its files, as `delib register` and `delib audit` read them.
    const register = registerSessionFiles(cwd);
    if (!register) throw new UsageError(msg("cli.usage.validate.no_register", { folder: cwd }));
    files = register.files;
  }
  const cacheFile = options.cache ? resolve(cwd, options.cacheLocation ?? resolve(registerRoot(cwd) ?? cwd, "node_modules/.cache/delib/results.json")) : undefined;
  const cache = cacheFile ? openResultCache(cacheFile) : undefined;
  const stdin = files.includes("-") && context.io.readStdin ? await context.io.readStdin() : undefined;
  const checked = await checkSessions(files, { cwd, threads, staged, cache, stdin });
  context.detail(msg("cli.verbose.checked", { files: checked.fileCount, ms: elapsed() }));
  context.io.stdout(await context.format(checked.diagnostics, checked.fileCount, options.format));
  return checked.ok ? ExitCode.Ok : ExitCode.InvalidInput;
}
