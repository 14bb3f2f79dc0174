// A year's register, from its checked sittings to one PDF: each sitting's extracts, as
// `delib build` prints them, then its closing sheet (CGCT R2121-9); at the end the tables by
// date and by subject, with the page where each deliberation starts.
import { pdfDocumentDate } from "../output/document-date.js";
import { hasErrors, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import type { PrintJob } from "../browser/print-pdfs.js";
import { prepareTemplates, renderDocuments } from "../documents.js";
import { loadCatalogue } from "../render/catalogue.js";
import { dateInFrench } from "../render/french-dates.js";
import { TemplateError, templateDiagnostic } from "../render/templates.js";
import { assemblyWords } from "../render/words.js";
import { assembleRegister, loadPart, startPages, type OutlineItem, type RegisterPart } from "./assemble-register.js";
import { loadRegisterTemplates, type RegisterKind, type RegisterTemplates } from "./register-templates.js";
import type { Sitting } from "./register-sittings.js";
import { closingView, datesTableView, runningHeader, subjectsTableView, tableEntries, type RegisterIdentity } from "./register-views.js";

/** How to build a register: whose it is, its date, and a printer (one browser for every part). */
export interface RegisterOptions {
  readonly identity: RegisterIdentity;
  /** The document's date: the latest sitting's, or SOURCE_DATE_EPOCH. */
  readonly date: Date;
  readonly print: (jobs: readonly PrintJob[]) => Promise<Uint8Array[]>;
}

/** A part of the register before printing. */
interface HtmlPart {
  readonly html: string;
  readonly title: string;
  readonly running: string;
  readonly kind: LaidOutPart["kind"];
  readonly number?: string;
}

/** Where a part of the register went: its first page (1-based) and how many pages it took. */
export interface LaidOutPart {
  readonly kind: "extract" | "closing" | "table";
  readonly title: string;
  /** The deliberation's number, for an extract. */
  readonly number?: string;
  readonly firstPage: number;
  readonly pages: number;
}

/** The printed register, and where each of its parts starts. */
export interface BuiltRegister {
  readonly pdf: Uint8Array;
  readonly layout: readonly LaidOutPart[];
}

/**
 * Every margin box off: the extract keeps its template and stylesheet, but its own running
 * header and « Page 1 / 2 » would contradict the register's, stamped over every page.
 */
const silentMargins = `<style>@page { ${[
  "top-left-corner", "top-left", "top-center", "top-right", "top-right-corner",
  "bottom-left-corner", "bottom-left", "bottom-center", "bottom-right", "bottom-right-corner",
  "left-top", "left-middle", "left-bottom", "right-top", "right-middle", "right-bottom",
].map((box) => `@${box} { content: none; }`).join(" ")} }</style>`;

/** An extract's HTML with its own page margins silenced (the last rule wins). */
export function withoutPageMargins(html: string): string {
  const at = html.lastIndexOf("</head>");
  return at < 0 ? `${html}\n${silentMargins}` : `${html.slice(0, at)}${silentMargins}\n${html.slice(at)}`;
}

/** Prints the register of `sittings` (at least one) to one PDF; template problems are diagnostics. */
export async function buildRegister(sittings: readonly Sitting[], options: RegisterOptions): Promise<Result<BuiltRegister>> {
  const t = loadCatalogue("fr");
  const { identity } = options;
  const diagnostics: Diagnostic[] = [];
  const cache = new Map<string, Result<RegisterTemplates>>();
  const body: HtmlPart[] = [];
  const outline: OutlineItem[] = [];
  /** Index in `body` of each deliberation's extract, by number. */
  const extractPart = new Map<string, number>();
  let tables: { templates: RegisterTemplates; assets: Record<string, string | null> } | undefined;

  for (const sitting of sittings) {
    // No --template for the register: the configuration's templates, relative to itself.
    const prepared = prepareTemplates(sitting.config, undefined, ".");
    diagnostics.push(...prepared.diagnostics);
    if (!prepared.value) continue;
    const rendered = renderDocuments(sitting.outcome, { kinds: ["extract"], ...prepared.value, links: sitting.links });
    diagnostics.push(...rendered.diagnostics);
    const key = prepared.value.templates.dirs.join("\n");
    if (!cache.has(key)) cache.set(key, loadRegisterTemplates(prepared.value.templates.dirs));
    const templates = cache.get(key)!;
    diagnostics.push(...templates.diagnostics);
    if (!rendered.value || !templates.value) continue;
    const assets = { logo: null, signature: null, ...prepared.value.assets };
    tables ??= { templates: templates.value, assets };

    const running = runningHeader(identity, t, sitting.date);
    const byNumber = new Map(rendered.value.map((d) => [d.name, d]));
    const children: OutlineItem[] = [];
    for (const { motion } of sitting.motions) {
      const extract = byNumber.get(motion.number)!;
      extractPart.set(motion.number, body.length);
      children.push({ title: extract.meta.title, part: body.length, children: [] });
      body.push({ html: withoutPageMargins(extract.html), title: extract.meta.title, running, kind: "extract", number: motion.number });
    }
    const closing = closingView(sitting, identity, t);
    const html = renderPage(templates.value, "register-closing", { doc: closing, assets }, diagnostics);
    if (html === undefined) continue;
    children.push({ title: t.t("register.outline.closing"), part: body.length, children: [] });
    outline.push({ title: t.t("register.outline.sitting", { date: dateInFrench(sitting.date, t) }), part: children[0]!.part, children });
    body.push({ html, title: closing.title, running, kind: "closing" });
  }
  if (hasErrors(diagnostics) || !tables) return { value: undefined, diagnostics };
  const { templates: tableTemplates, assets: tableAssets } = tables;
  const tableRunning = runningHeader(identity, t);
  const renderTables = (startOf: ReadonlyMap<string, number>): HtmlPart[] | undefined => {
    const entries = tableEntries(sittings, startOf, t);
    const rendered: HtmlPart[] = [];
    for (const view of [datesTableView(sittings, entries, identity, t), subjectsTableView(sittings, entries, identity, t)]) {
      const html = renderPage(tableTemplates, "register-table", { doc: view, assets: tableAssets }, diagnostics);
      if (html === undefined) return undefined;
      rendered.push({ html, title: view.title, running: tableRunning, kind: "table" });
    }
    return rendered;
  };
  // Once before printing, so that a template problem in the tables stops the build before
  // the browser works for nothing.
  if (!renderTables(new Map([...extractPart.keys()].map((number) => [number, 0])))) return { value: undefined, diagnostics };

  const printed = await printParts(body, options);
  // The tables come last, so the pages before them do not depend on how long they are: one
  // pass gives every start page (were they first, their length would have to be iterated).
  const starts = startPages(printed.map((p) => p.document.getPageCount()));
  const tableParts = renderTables(new Map([...extractPart].map(([number, part]) => [number, starts[part]!])))!;
  tableParts.forEach((part, i) => outline.push({ title: part.title, part: body.length + i, children: [] }));
  const parts = [...printed, ...(await printParts(tableParts, options))];

  const pdf = await assembleRegister(parts, outline, {
    title: t.t("register.title", { year: identity.year }),
    author: identity.body,
    subject: t.t("register.subject", { ofAssembly: assemblyWords(sittings[0]!.outcome.session, t).of, year: identity.year }),
    language: t.language,
    date: options.date,
    pageLabel: (page, pages) => `${t.t("page.number")}${page}${t.t("page.of")}${pages}`,
  });
  const all = [...body, ...tableParts];
  const firstPages = startPages(parts.map((p) => p.document.getPageCount()));
  const layout = all.map((part, i) => ({
    kind: part.kind,
    title: part.title,
    ...(part.number === undefined ? {} : { number: part.number }),
    firstPage: firstPages[i]!,
    pages: parts[i]!.document.getPageCount(),
  }));
  return { value: { pdf, layout }, diagnostics };
}

function renderPage(templates: RegisterTemplates, kind: RegisterKind, data: object, diagnostics: Diagnostic[]): string | undefined {
  try {
    return templates.render(kind, data);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    diagnostics.push(templateDiagnostic(error));
    return undefined;
  }
}

async function printParts(parts: readonly HtmlPart[], options: RegisterOptions): Promise<RegisterPart[]> {
  const meta = { author: options.identity.body, subject: "", language: loadCatalogue("fr").language, date: options.date };
  // Each part's own metadata is dropped in the merge; it only has to be deterministic.
  const pdfs = await options.print(parts.map((p) => ({ html: p.html, meta: { ...meta, title: p.title } })));
  return Promise.all(pdfs.map(async (bytes, i) => ({ bytes, document: await loadPart(bytes), running: parts[i]!.running })));
}

/** The register's date: SOURCE_DATE_EPOCH when set, else the day of its latest sitting. */
export function registerDate(sittings: readonly Sitting[], env: Readonly<Record<string, string | undefined>>): Date {
  return pdfDocumentDate(sittings.map((s) => s.date).reduce((a, b) => (a > b ? a : b)), env);
}
