// The pipeline, one call per stage: load, parse, validate, check rules, tally, render.
// I/O happens only at the ends (loadSource here, PDF printing and writing in the CLI).
import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { findConfig, loadConfig, noConfig } from "./config/load-config.js";
import { diagnostic, hasErrors, type Diagnostic, type Result, type SourceFile } from "./diagnostics/diagnostic.js";
import { dataUri } from "./render/assets.js";
import type { Session } from "./model/session.js";
import { loadCatalogue } from "./render/catalogue.js";
import { explainText } from "./render/explain-text.js";
import { renderHtml, type RenderedDocument } from "./render/render-html.js";
import { loadTemplateSet, type DocumentKind, type TemplateSet } from "./render/templates.js";
import { loadSource } from "./source/load-source.js";
import { parseYaml } from "./source/parse-yaml.js";
import { loadLaw } from "./law/load-law.js";
import type { Outcome } from "./tally/outcome.js";
import { presenceByMotion } from "./tally/presence.js";
import { tally } from "./tally/tally.js";
import { checkRules } from "./validate/check-rules.js";
import { validateSchema } from "./validate/validate-schema.js";

/** What checking one session file gives: the outcome when the file is valid, and every finding. */
export interface Checked {
  readonly path: string;
  readonly source: SourceFile | undefined;
  readonly outcome: Outcome | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Checks one session text: YAML, schema, legal rules, then the count. Pure. */
export function checkText(source: SourceFile): Checked {
  const parsed = parseYaml(source);
  if (!parsed.value) return { path: source.path, source, outcome: undefined, diagnostics: parsed.diagnostics };
  const validated = validateSchema(parsed.value);
  const diagnostics = [...parsed.diagnostics, ...validated.diagnostics];
  if (!validated.value) return { path: source.path, source, outcome: undefined, diagnostics };
  // The count runs on any schema-valid session; the rules then check the very figures it
  // computed, and the outcome is handed on only when they find no error.
  const outcome = tallySession(validated.value);
  diagnostics.push(...checkRules(parsed.value, outcome, presenceByMotion(outcome.session, outcome.rules)));
  if (hasErrors(diagnostics)) return { path: source.path, source, outcome: undefined, diagnostics };
  return { path: source.path, source, outcome, diagnostics };
}

/** Counts a session under the law delib ships (law/*.yaml). */
export function tallySession(session: Session): Outcome {
  return tally(session, loadLaw());
}

/** Reads and checks one session file. */
export async function checkFile(path: string): Promise<Checked> {
  const loaded = await loadSource(path);
  if (!loaded.value) return { path, source: undefined, outcome: undefined, diagnostics: loaded.diagnostics };
  return checkText(loaded.value);
}

/** The working behind every figure of a checked session, as text. */
export function explainSession(outcome: Outcome): string {
  return explainText(outcome, loadCatalogue("fr"));
}

/** How to render: which documents, with which templates, and the configured images. */
export interface RenderOptions {
  readonly kinds?: readonly DocumentKind[];
  readonly templates?: TemplateSet;
  /** Images by name (`logo`, `signature`), as data: URIs. */
  readonly assets?: Readonly<Record<string, string>>;
}

/** Renders the documents of a checked session (every extract, the procès-verbal, the list). */
export function renderDocuments(outcome: Outcome, options: RenderOptions = {}): Result<RenderedDocument[]> {
  const templates = options.templates ?? builtInTemplates();
  return renderHtml(outcome, templates, loadCatalogue("fr"), options.kinds, { logo: null, signature: null, ...options.assets });
}

let builtIn: TemplateSet | undefined;
function builtInTemplates(): TemplateSet {
  builtIn ??= loadTemplateSet().value!;
  return builtIn;
}

/**
 * The templates and images for a session file: `--template DIR` when given, else the
 * delib.config.yaml found upward from the file; the built-in templates fill in the rest.
 */
export async function prepareTemplates(sessionPath: string, templateDir: string | undefined): Promise<Result<{ templates: TemplateSet; assets: Record<string, string> }>> {
  const configPath = findConfig(dirname(resolve(sessionPath)));
  const loaded = configPath ? await loadConfig(configPath) : { value: noConfig, diagnostics: [] };
  if (!loaded.value) return { value: undefined, diagnostics: loaded.diagnostics };
  const config = loaded.value;
  const userDir = templateDir ? resolve(templateDir) : config.templatesDir;
  if (userDir !== undefined && !isDirectory(userDir)) {
    return {
      value: undefined,
      diagnostics: [
        diagnostic({
          code: "DLB5004",
          message: `the templates directory \`${userDir}\` does not exist`,
          hints: [templateDir ? "check the path given to --template" : `check \`templates:\` in ${config.path}; it is relative to that file`],
        }),
      ],
    };
  }
  const set = loadTemplateSet({ userDir });
  if (!set.value) return { value: undefined, diagnostics: set.diagnostics };
  const assets: Record<string, string> = {};
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  for (const [name, path] of Object.entries(config.assets)) {
    try {
      assets[name] = dataUri(path, dirname(path));
    } catch (error) {
      diagnostics.push(
        diagnostic({
          code: "DLB5005",
          message: `the image \`${name}\` (${path}): ${(error as Error).message}`,
          hints: [`paths under \`assets:\` in ${config.path} are relative to that file`],
        }),
      );
    }
  }
  if (hasErrors(diagnostics)) return { value: undefined, diagnostics };
  return { value: { templates: set.value, assets }, diagnostics };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
