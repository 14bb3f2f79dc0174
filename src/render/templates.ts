// Template sets: the built-in one, shadowed file by file by a body's own directory.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type HandlebarsModule from "handlebars";
import { requireCached } from "../source/cached-require.js";
import { diagnostic, type Diagnostic, type Result, type SourceFile } from "../diagnostics/diagnostic.js";
import { msg, type Message } from "../diagnostics/message.js";
import { translator } from "../diagnostics/translator.js";
import { AssetError, dataUri, inlineCssUrls } from "./assets.js";
import { closeBidiDeep } from "./close-bidi.js";
import { cssString } from "./css-string.js";

/** The built-in templates, by name (templates/<name>/ in the package). */
export const builtInTemplatesDir = fileURLToPath(new URL("../../templates/", import.meta.url));

/** The documents of a sitting: each motion's extract, the procès-verbal, the list, and each election's record. */
export const documentKinds = ["extract", "minutes", "list", "election"] as const;
export type DocumentKind = (typeof documentKinds)[number];
/** The documents rendered when none are named: all of them (an election's record only where the sitting holds an election). */
export const defaultDocumentKinds: readonly DocumentKind[] = documentKinds;

/**
 * A template failed while rendering: where, in which template file. The message is
 * Handlebars' own (shown as it is), unless `problem` says it in delib's words.
 */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly file: SourceFile,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly problem?: Message,
  ) {
    super(message);
  }
}

/** A compiled template set: one template per document kind, partials, and an embedded stylesheet. */
export interface TemplateSet {
  readonly name: string;
  /** Directories searched, the body's own first. */
  readonly dirs: readonly string[];
  /** Renders a document (`<kind>.hbs`); throws TemplateError with the template's file and line. */
  render(kind: string, data: object): string;
}

type HandlebarsEnv = typeof HandlebarsModule;
type TemplateSpec = Parameters<HandlebarsEnv["template"]>[0];

const require = createRequire(import.meta.url);

/** The built-in set precompiled by scripts/build-templates.mjs, when this is a build. */
function precompiledSet(name: string): { documents: Record<string, TemplateSpec>; partials: Record<string, TemplateSpec> } | undefined {
  const url = new URL(`../render/generated/templates-${name}.cjs`, import.meta.url);
  return existsSync(url) ? (requireCached(fileURLToPath(url)) as { documents: Record<string, TemplateSpec>; partials: Record<string, TemplateSpec> }) : undefined;
}

/** Where a template set comes from: a built-in name, and optionally a body's own directory. */
export interface TemplateOptions {
  readonly name?: string;
  readonly userDir?: string;
  /** The documents to load (`<kind>.hbs`): a sitting's by default; the register's pages too. */
  readonly documents?: readonly string[];
  /** The folder paths in problems are shown from (the command's working folder). */
  readonly cwd?: string;
}

function fileAt(dirs: readonly string[], relativePath: string): string | undefined {
  return dirs.map((d) => join(d, relativePath)).find((p) => existsSync(p));
}

/** The span of a line (1-based) and column (0-based) in a template file. */
function templateSpan(file: SourceFile, line: number | undefined, column: number | undefined) {
  if (line === undefined) return { file, start: 0, end: Math.min(1, file.text.length) };
  const lines = file.text.split("\n");
  const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + (column ?? 0);
  return { file, start, end: Math.min(start + 1, file.text.length) };
}

/** A template problem as a diagnostic (DLB5xxx: templates and configuration). */
export function templateDiagnostic(error: TemplateError): Diagnostic {
  const notDefined = /^"([^"]+)" not defined/.exec(error.message);
  return diagnostic({
    code: notDefined ? "DLB5002" : "DLB5001",
    message: notDefined ? msg("DLB5002", { field: notDefined[1]! }) : msg("DLB5001", { problem: error.problem ?? error.message.split("\n")[0]! }),
    span: templateSpan(error.file, error.line, error.column),
    hints: [notDefined ? msg("DLB5002.hint") : msg("DLB5001.hint")],
  });
}

/**
 * Loads a template set: `<kind>.hbs`, `partials/*.hbs`, `style.css`, each taken from the
 * body's directory when it has one, else from the built-in set. An isolated Handlebars
 * environment with strict compilation, so a misspelt field fails the build instead of
 * printing nothing; errors name the template file and line.
 */
export function loadTemplateSet(options: TemplateOptions = {}): Result<TemplateSet> {
  const name = options.name ?? "default";
  const builtIn = join(builtInTemplatesDir, name);
  const dirs = [...(options.userDir ? [options.userDir] : []), builtIn];
  const precompiled = precompiledSet(name);
  const userHbs = options.userDir !== undefined && hasTemplates(options.userDir);
  // Precompiled built-in templates need only Handlebars' runtime; anything else, the compiler.
  const handlebars: HandlebarsEnv = (
    precompiled && !userHbs ? require("handlebars/runtime") : require("handlebars")
  ).create() as HandlebarsEnv;
  const diagnostics: Diagnostic[] = [];

  const compile = (path: string, spec: TemplateSpec | undefined) => {
    // The template's text is read at once when compiling, else only to locate an error.
    let text: string | undefined = spec ? undefined : readFileSync(path, "utf8");
    const file = (): SourceFile => ({ path: displayPath(path, options.cwd), text: (text ??= readFileSync(path, "utf8")) });
    let compiled: HandlebarsTemplateDelegate;
    try {
      compiled = spec ? handlebars.template(spec) : handlebars.compile(text!, { strict: true });
    } catch (error) {
      const e = error as { message: string; lineNumber?: number; column?: number };
      diagnostics.push(templateDiagnostic(new TemplateError(e.message, file(), e.lineNumber, e.column)));
      return undefined;
    }
    // Run once per call; a strict-mode failure is tagged with this file unless an inner partial already was.
    return (context: unknown, runtimeOptions?: Handlebars.RuntimeOptions): string => {
      try {
        return compiled(context, runtimeOptions);
      } catch (error) {
        if (error instanceof TemplateError) throw error;
        if (error instanceof AssetError) {
          const problem = msg("template.asset", { reference: error.reference, reason: error.reason });
          throw new TemplateError(translator("en").text(problem), file(), undefined, undefined, problem);
        }
        const e = error as { message: string; lineNumber?: number; column?: number };
        throw new TemplateError(e.message, file(), e.lineNumber, e.column);
      }
    };
  };

  const partialNames = new Set(dirs.flatMap((d) => (existsSync(join(d, "partials")) ? readdirSync(join(d, "partials")) : [])));
  // A file from the built-in set uses its precompiled form; a body's own file is compiled.
  const specFor = (path: string, table: Record<string, TemplateSpec> | undefined, key: string) =>
    path.startsWith(builtIn) ? table?.[key] : undefined;
  for (const file of [...partialNames].filter((f) => f.endsWith(".hbs")).sort()) {
    const path = fileAt(dirs, join("partials", file))!;
    const partial = compile(path, specFor(path, precompiled?.partials, file.slice(0, -4)));
    if (partial) handlebars.registerPartial(file.slice(0, -4), partial as unknown as HandlebarsModule.Template);
  }

  handlebars.registerHelper("asset", (reference: unknown) => {
    const path = fileAt(dirs, String(reference));
    return new handlebars.SafeString(dataUri(path ?? String(reference), dirs[0]!));
  });
  // A CSS string literal nothing can leave (css-string.ts).
  handlebars.registerHelper("cssString", (value: unknown) => new handlebars.SafeString(cssString(String(value))));

  let css = "";
  const cssPath = fileAt(dirs, "style.css");
  try {
    if (cssPath) css = inlineCssUrls(readFileSync(cssPath, "utf8"), cssPath);
  } catch (error) {
    diagnostics.push(assetDiagnostic(error, cssPath!, options.cwd));
  }

  const documents = new Map<string, ReturnType<typeof compile>>();
  for (const kind of options.documents ?? documentKinds) {
    const path = fileAt(dirs, `${kind}.hbs`);
    if (path) documents.set(kind, compile(path, specFor(path, precompiled?.documents, kind)));
  }
  if (diagnostics.length > 0) return { value: undefined, diagnostics };
  return {
    value: {
      name,
      dirs,
      render(kind, data) {
        const template = documents.get(kind);
        if (template === undefined) throw new Error(`template set ${name} has no ${kind}.hbs`);
        // Handlebars escapes each value for HTML; its direction controls are closed too.
        return template!({ ...closeBidiDeep(data), css });
      },
    },
    diagnostics,
  };
}

/** Whether a body's directory holds any template of its own (else only CSS and images). */
function hasTemplates(dir: string): boolean {
  const hbs = (d: string) => existsSync(d) && readdirSync(d).some((f) => f.endsWith(".hbs"));
  return hbs(dir) || hbs(join(dir, "partials"));
}

/** A file in a template set as a clerk would look for it. */
function displayPath(path: string, cwd: string | undefined): string {
  if (cwd === undefined) return path;
  const fromHere = relative(cwd, path);
  return fromHere.startsWith("..") ? path : fromHere;
}

function assetDiagnostic(error: unknown, cssPath: string, cwd: string | undefined): Diagnostic {
  const stylesheet = displayPath(cssPath, cwd);
  return diagnostic({
    code: "DLB5003",
    // The stylesheet itself unreadable is told in the system's words.
    message:
      error instanceof AssetError
        ? msg("DLB5003", { stylesheet, reference: error.reference, reason: error.reason })
        : msg("DLB5003.unreadable", { stylesheet, reason: String((error as Error).message) }),
    hints: [msg("DLB5003.hint", { folder: displayPath(dirname(cssPath), cwd) || "." })],
  });
}
