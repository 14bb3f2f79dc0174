// `delib init [DIR]`: a new register repository, ready to validate and build.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { scaffold } from "../init/scaffold.js";
import type { BodyKind } from "../model/session.js";
import type { CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import { UsageError } from "./usage-error.js";

const kinds: readonly BodyKind[] = ["commune", "departement", "region", "commission_permanente", "epci", "syndicat_communes", "smf", "smo", "custom"];

export interface InitOptions {
  name: string;
  kind: string;
  assembly: string;
  date?: string;
}

/** Writes the scaffold into `dir`; refuses to overwrite any file. */
export async function init(dir: string, options: InitOptions, context: CliContext): Promise<number> {
  if (!(kinds as readonly string[]).includes(options.kind)) throw new UsageError(`unknown --kind \`${options.kind}\`; use ${kinds.join(", ")}`);
  // The first sitting defaults to today: the one place delib reads the clock, to write a date the clerk then edits.
  const date = options.date ?? context.io.now().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date must be YYYY-MM-DD, not \`${date}\``);
  const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  const files = scaffold({ name: options.name, kind: options.kind as BodyKind, assembly: options.assembly, date, version });
  const existing = files.filter((f) => existsSync(join(dir, f.path)));
  if (existing.length > 0) {
    context.io.stderr(
      `error DLB5010: ${existing.map((f) => join(dir, f.path)).join(", ")} already exist${existing.length === 1 ? "s" : ""}; delib init writes nothing over a file\n` +
        "  hint: run delib init in a new folder\n",
    );
    return ExitCode.InvalidInput;
  }
  try {
    for (const file of files) {
      const path = join(dir, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.contents);
      if (file.executable) chmodSync(path, 0o755);
      context.io.stdout(`wrote ${path}\n`);
    }
  } catch (error) {
    context.io.stderr(`error DLB4003: cannot write in \`${dir}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return ExitCode.Environment;
  }
  context.io.stdout(
    "\nNext: npm install, then edit the session in seances/, run `npx delib validate 'seances/**/*.yaml'` and `npx delib build seances/*.yaml`.\n" +
      "To check every commit: git config core.hooksPath .githooks\n",
  );
  return ExitCode.Ok;
}
