// The pipeline's rendering half: from a checked session's outcome to the documents, through
// the templates (built-in, or a body's own) and the catalogue of labels.
import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { findConfig, loadConfig, noConfig } from "./config/load-config.js";
import { diagnostic, hasErrors, type Diagnostic, type Result } from "./diagnostics/diagnostic.js";
import { dataUri } from "./render/assets.js";
import { loadCatalogue } from "./render/catalogue.js";
import { explainText } from "./render/explain-text.js";
import { renderHtml, type RenderedDocument } from "./render/render-html.js";
import { loadTemplateSet, type DocumentKind, type TemplateSet } from "./render/templates.js";
import type { Outcome } from "./tally/outcome.js";

export type { RenderedDocument } from "./render/render-html.js";

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
  /** Where the session file comes from, printed at the foot of every page. */
  readonly provenance?: import("./model/provenance.js").Provenance;
}

/** Renders the documents of a checked session (every extract, the procès-verbal, the list). */
export function renderDocuments(outcome: Outcome, options: RenderOptions = {}): Result<RenderedDocument[]> {
  const templates = options.templates ?? builtInTemplates();
  return renderHtml(outcome, templates, loadCatalogue("fr"), options.kinds, { logo: null, signature: null, ...options.assets }, options.provenance);
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
