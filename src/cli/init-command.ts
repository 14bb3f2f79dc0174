// `delib init [DIR]`: a new register repository, ready to validate and build.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { bodyKinds } from "../check.js";
import { diagnostic } from "../diagnostics/diagnostic.js";
import { writeOutputs } from "../documents.js";
import { scaffold } from "../init/scaffold.js";
import type { BodyKind } from "../model/session.js";
import type { CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import { UsageError } from "./usage-error.js";

export interface InitOptions {
  name: string;
  kind: string;
  assembly: string;
  date?: string;
}

/** Writes the scaffold into `dir`; refuses to overwrite any file. */
export async function init(dir: string, options: InitOptions, context: CliContext): Promise<number> {
  const kinds = bodyKinds();
  if (!kinds.includes(options.kind)) throw new UsageError(`unknown --kind \`${options.kind}\`; use ${kinds.join(", ")}`);
  // The first sitting defaults to today: the one place delib reads the clock, to write a date the clerk then edits.
  const date = options.date ?? context.io.now().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date must be YYYY-MM-DD, not \`${date}\``);
  const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  const files = scaffold({ name: options.name, kind: options.kind as BodyKind, assembly: options.assembly, date, version });
  const target = resolve(context.io.cwd, dir);
  const existing = files.filter((f) => existsSync(join(target, f.path)));
  if (existing.length > 0) {
    const list = existing.map((f) => join(dir, f.path)).join(", ");
    const problem = diagnostic({
      code: "DLB5010",
      message: `${list} already exist${existing.length === 1 ? "s" : ""}; delib init writes nothing over a file`,
      hints: ["run delib init in a new folder"],
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
  for (const file of files) context.io.stdout(`wrote ${join(dir, file.path)}\n`);
  context.io.stdout(
    "\nNext: npm install, then edit the session in seances/, run `npx delib validate 'seances/**/*.yaml'` and `npx delib build seances/*.yaml`.\n" +
      "To check every commit: git config core.hooksPath .githooks\n",
  );
  return ExitCode.Ok;
}
