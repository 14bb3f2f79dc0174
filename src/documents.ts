// The pipeline's rendering half, the CLI's one door to it: from a checked session's outcome to
// the documents (through the templates, built-in or a body's own, and the catalogue of
// labels), printed by the browser and written to disk.
import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Archival } from "./browser/pdf-archival.js";
import { printConcurrency, startPrinter, type Printer, type PrintJob } from "./browser/print-pdfs.js";
import type { CheckedFile } from "./check.js";
import { shownPath, type Config, type DocumentSettings } from "./config/load-config.js";
import { diagnostic, hasErrors, type Diagnostic, type Result } from "./diagnostics/diagnostic.js";
import { msg } from "./diagnostics/message.js";
import { numberKey } from "./model/deliberation-number.js";
import { electionRecordFileName, extractFileName, listFileName, minutesFileName } from "./model/document-names.js";
import type { Provenance } from "./model/provenance.js";
import { pdfDocumentDate, sourceDateEpochProblem } from "./output/document-date.js";
import { writeOutputs, type OutputFile } from "./output/write-outputs.js";
import { AssetError, dataUri } from "./render/assets.js";
import { loadCatalogue } from "./render/catalogue.js";
import { explainText } from "./render/explain-text.js";
import { hasElectionRecord, renderHtml, type RenderedDocument } from "./render/render-html.js";
import { defaultDocumentKinds, loadTemplateSet, type DocumentKind, type TemplateSet } from "./render/templates.js";
import { locate } from "./source/parse-yaml.js";
import type { Outcome } from "./tally/outcome.js";
import type { ActLinks } from "./validate/set-rules/act-links.js";

export type { RenderedDocument } from "./render/render-html.js";
export { documentKinds, type DocumentKind } from "./render/templates.js";
export { startPrinter, writeOutputs, pdfDocumentDate, sourceDateEpochProblem, type Printer, type PrintJob, type OutputFile };
/** How many documents a printer prints at once (`build --watch` queues its own prints by it). */
export { printConcurrency };
export { answerSignals } from "./browser/launch-chromium.js";
export { PrintFailed, type PrinterTimeouts } from "./browser/print-pdfs.js";

/**
 * The working behind every figure of a checked session, as text, in the reader's `language`
 * (locales/<language>.json, `explain.*`); the documents themselves are always French.
 */
export function explainSession(outcome: Outcome, language = "fr"): string {
  return explainText(outcome, loadCatalogue(language));
}

/** How to render: which documents, with which templates, and the configured images. */
export interface RenderOptions {
  readonly kinds?: readonly DocumentKind[];
  readonly templates?: TemplateSet;
  /** Images by name (`logo`, `signature`), as data: URIs. */
  readonly assets?: Readonly<Record<string, string>>;
  /** Where the session file comes from, printed on the document. */
  readonly provenance?: Provenance;
  /**
   * The links between the acts of the session's register (`CheckedFile.links`), so that an
   * extract names the later acts that withdraw, replace or correct it; without, only those of
   * its own sitting.
   */
  readonly links?: ActLinks;
  /** What delib.config.yaml says the documents print (`Config.documents`). */
  readonly settings?: DocumentSettings;
}

/** Renders the documents of a checked session (every extract, the procès-verbal, the list). */
export function renderDocuments(outcome: Outcome, options: RenderOptions = {}): Result<RenderedDocument[]> {
  const templates = options.templates ?? builtInTemplates();
  return renderHtml(outcome, templates, loadCatalogue("fr"), {
    kinds: options.kinds,
    assets: { logo: null, signature: null, ...options.assets },
    provenance: options.provenance,
    links: options.links,
    settings: options.settings,
  });
}

/**
 * One document of a sitting: the extract or the election record of its motion at `index` (in
 * the file's order), the procès-verbal, or the list.
 */
export type OneDocument = { readonly kind: "extract" | "election"; readonly index: number } | { readonly kind: "minutes" | "list" };

/**
 * The documents `renderDocuments(outcome, { kinds })` renders, in its order, each with the file
 * name (without extension) it will have: known before anything is rendered.
 */
export function plannedDocuments(outcome: Outcome, kinds: readonly DocumentKind[] = defaultDocumentKinds): { name: string; which: OneDocument }[] {
  const date = outcome.session.session.date;
  return [
    ...(kinds.includes("extract") ? outcome.motions.map((m, index) => ({ name: extractFileName(m.motion.number), which: { kind: "extract", index } as const })) : []),
    ...(kinds.includes("minutes") ? [{ name: minutesFileName(date), which: { kind: "minutes" } as const }] : []),
    ...(kinds.includes("list") ? [{ name: listFileName(date), which: { kind: "list" } as const }] : []),
    ...(kinds.includes("election")
      ? outcome.motions.flatMap((m, index) => (hasElectionRecord(m) ? [{ name: electionRecordFileName(m.motion.number), which: { kind: "election", index } as const }] : []))
      : []),
  ];
}

/**
 * One document of `renderDocuments(outcome, options)`, rendered alone: the same HTML, data and
 * metadata as when every document is rendered together (an extract reads its own motion and the
 * sitting, never the other motions' counts; test/cli/watch-render.test.ts holds it to that).
 * `build --watch` renders the document being edited first and prints it while it renders the rest.
 */
export function renderDocument(outcome: Outcome, which: OneDocument, options: Omit<RenderOptions, "kinds"> = {}): Result<RenderedDocument[]> {
  const only = which.kind === "extract" || which.kind === "election" ? { ...outcome, motions: outcome.motions.slice(which.index, which.index + 1) } : outcome;
  return renderDocuments(only, { ...options, kinds: [which.kind] });
}

let builtIn: TemplateSet | undefined;
function builtInTemplates(): TemplateSet {
  builtIn ??= loadTemplateSet().value!;
  return builtIn;
}

/**
 * The templates, images and document settings of a register: `--template DIR` when given
 * (relative to `cwd`), else `templates:` of its configuration; the built-in templates fill in
 * the rest.
 */
export function prepareTemplates(
  config: Config,
  templateDir: string | undefined,
  cwd: string,
): Result<{ templates: TemplateSet; assets: Record<string, string>; settings: DocumentSettings }> {
  const userDir = templateDir ? resolve(cwd, templateDir) : config.templatesDir;
  // Paths as the clerk reads them: relative to the working folder when inside it.
  const shown = (path: string) => shownPath(path, cwd);
  if (userDir !== undefined && !isDirectory(userDir)) {
    return {
      value: undefined,
      diagnostics: [
        diagnostic({
          code: "DLB5004",
          message: msg("DLB5004", { path: shown(userDir) }),
          hints: [templateDir || !config.path ? msg("DLB5004.hint.option") : msg("DLB5004.hint.config", { config: shown(config.path) })],
        }),
      ],
    };
  }
  const set = loadTemplateSet({ userDir, cwd });
  if (!set.value) return { value: undefined, diagnostics: set.diagnostics };
  const assets: Record<string, string> = {};
  const diagnostics: Diagnostic[] = [];
  for (const [name, path] of Object.entries(config.assets)) {
    try {
      assets[name] = dataUri(path, dirname(path));
    } catch (error) {
      diagnostics.push(
        diagnostic({
          code: "DLB5005",
          message: msg("DLB5005", { name, path: shown(path), reason: error instanceof AssetError ? error.reason : String((error as Error).message) }),
          hints: config.path ? [msg("DLB5005.hint", { config: shown(config.path) })] : [],
        }),
      );
    }
  }
  if (hasErrors(diagnostics)) return { value: undefined, diagnostics };
  return { value: { templates: set.value, assets, settings: config.documents }, diagnostics };
}

/**
 * How a printed document is finished (issue 14): the date it says it was made (when its source
 * last changed: provenance/archival.ts `finishFor`), and its archival level. Absent, the
 * sitting's day or SOURCE_DATE_EPOCH, and a plain PDF.
 */
export interface DocumentFinish {
  readonly date?: Date;
  readonly archival?: Archival;
}

/**
 * Prints documents to PDF, each finished by `finish` (its date and archival level), else dated
 * per SOURCE_DATE_EPOCH or its sitting; files in the documents' order.
 */
export async function printDocuments(
  printer: Printer,
  documents: readonly RenderedDocument[],
  env: Readonly<Record<string, string | undefined>>,
  onPrinted?: (done: number, total: number) => void,
  finish?: (document: RenderedDocument) => DocumentFinish | undefined,
): Promise<OutputFile[]> {
  const pdfs = await printer.print(
    documents.map((d) => {
      const how = finish?.(d);
      const date = how?.date ?? pdfDocumentDate(d.meta.date, env);
      return { html: d.html, meta: { ...d.meta, date, ...(how?.archival ? { archival: how.archival } : {}) } };
    }),
    onPrinted,
  );
  return pdfs.map((contents, i) => ({ name: `${documents[i]!.name}.pdf`, contents }));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Two documents built into one folder under the same file name. Within a register, or among
 * the files of one body, the checks across files already refuse it (DLB3008, DLB3015); what
 * is left are the files of different bodies or registers built together. File names compared
 * as Windows and macOS compare them, case aside.
 */
export function documentNamesClash(documents: readonly RenderedDocument[], files: readonly CheckedFile[]): Diagnostic[] {
  return fileNamesClash(documents.map((d) => d.name), files);
}

/** `documentNamesClash` over the documents' names alone (`plannedDocuments`), before they are rendered. */
export function fileNamesClash(names: readonly string[], files: readonly CheckedFile[]): Diagnostic[] {
  const seen = new Set<string>();
  for (const name of names) {
    const key = numberKey(name);
    if (!seen.has(key)) {
      seen.add(key);
      continue;
    }
    // Where each document that would have this name comes from: a motion's number, or the date
    // of a sitting (its procès-verbal and its list are named after it).
    const numbered = files.flatMap((f) => {
      if (!f.parsed || !f.session) return [];
      const parsed = f.parsed;
      const date = f.session.session.date;
      const fromDate = [minutesFileName(date), listFileName(date)].some((n) => numberKey(n) === key) ? [locate(parsed, ["session", "date"])] : [];
      const fromNumbers = f.session.motions.flatMap((m, i) =>
        numberKey(m.number) === key || numberKey(extractFileName(m.number)) === key || numberKey(electionRecordFileName(m.number)) === key
          ? [locate(parsed, ["motions", i, "number"])]
          : [],
      );
      return [...fromNumbers, ...fromDate];
    });
    return [
      diagnostic({
        code: "DLB3019",
        message: msg("DLB3019", { name }),
        hints: [msg("DLB3019.hint")],
        span: numbered[numbered.length - 1],
        related: numbered.slice(0, -1).map((span) => ({ span, message: msg("DLB3019.related") })),
      }),
    ];
  }
  return [];
}
