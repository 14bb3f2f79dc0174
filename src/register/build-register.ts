// A year's register, from its checked sittings to one PDF: each sitting's extracts, as
// `delib build` prints them, then its closing sheet (CGCT R2121-9); at the end the tables by
// date and by subject, with the page where each deliberation starts.
import { pdfDocumentDate } from "../output/document-date.js";
import { hasErrors, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import { prepareTemplates, renderDocuments } from "../documents.js";
import { loadCatalogue } from "../render/catalogue.js";
import { dateInFrench } from "../render/french-dates.js";
import { TemplateError, templateDiagnostic } from "../render/templates.js";
import { assemblyWords } from "../render/words.js";
import { assembleRegister, readPrinted, type OutlineItem } from "./assemble-register.js";
import { UnexpectedPdf } from "./chromium-pdf.js";
import { bodyOf, pageName, registerHtml, stylesheetOf, type RegisterJob } from "./register-html.js";
import { loadRegisterTemplates, type RegisterKind, type RegisterTemplates } from "./register-templates.js";
import type { Sitting } from "./register-sittings.js";
import { closingView, datesTableView, runningHeader, subjectsTableView, tableEntries, type RegisterIdentity } from "./register-views.js";

/** How to build a register: whose it is, its date, and a printer of large jobs (one browser for the whole register). */
export interface RegisterOptions {
  readonly identity: RegisterIdentity;
  /** The document's date: the latest sitting's, or SOURCE_DATE_EPOCH. */
  readonly date: Date;
  /** Prints one job (Printer.printLarge): `documents` is how many documents it holds, for its time limit. */
  readonly print: (job: { readonly html: string; readonly title: string; readonly documents: number }) => Promise<Uint8Array>;
  /** Told where the build is, for a progress line on a terminal. */
  readonly progress?: (step: RegisterStep) => void;
}

/** Where a register's build is: rendering the sittings, printing its body (pages unknown until printed), its tables, or joining them. */
export type RegisterStep =
  | { readonly step: "render"; readonly done: number; readonly total: number }
  | { readonly step: "print"; readonly documents: number }
  | { readonly step: "tables" }
  | { readonly step: "join"; readonly pages: number };

/** A part of the register before printing. */
interface HtmlPart {
  readonly body: string;
  readonly title: string;
  readonly page: string;
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

/** How many times the tables are printed again when their length changed with their page numbers (never, with the built-in template). */
const MAX_TABLE_PASSES = 3;

const partId = (i: number) => `delib-part-${i}`;
const tableId = (i: number) => `delib-table-${i}`;
const blankId = "delib-blank";

/**
 * Prints the register of `sittings` (at least one) to one PDF; template problems are
 * diagnostics. The body (extracts and closing sheets) is one print job, the tables another
 * (assemble-register.ts says why).
 */
export async function buildRegister(sittings: readonly Sitting[], options: RegisterOptions): Promise<Result<BuiltRegister>> {
  const t = loadCatalogue("fr");
  const { identity } = options;
  const diagnostics: Diagnostic[] = [];
  const cache = new Map<string, Result<RegisterTemplates>>();
  const preparedFor = new Map<Sitting["config"], ReturnType<typeof prepareTemplates>>();
  const body: HtmlPart[] = [];
  const outline: OutlineItem[] = [];
  /** Index in `body` of each deliberation's extract, by number. */
  const extractPart = new Map<string, number>();
  /** The running header of each page name. */
  const running = new Map<string, string>();
  let css: string | undefined;
  let tables: { templates: RegisterTemplates; assets: Record<string, string | null> } | undefined;

  const title = t.t("register.title", { year: identity.year });
  const words = { page: t.t("page.number"), of: t.t("page.of") };
  const tablesPage = () => pageName(sittings.length);
  const tableRunning = () => new Map([[tablesPage(), runningHeader(identity, t)]]);
  /** The tables, with the page where each deliberation starts (the templates of the register's first sitting). */
  const renderTables = (startOf: ReadonlyMap<string, number>): HtmlPart[] | undefined => {
    const entries = tableEntries(sittings, startOf, t);
    const rendered: HtmlPart[] = [];
    for (const view of [datesTableView(sittings, entries, identity, t), subjectsTableView(sittings, entries, identity, t)]) {
      const html = renderPage(tables!.templates, "register-table", { doc: view, assets: tables!.assets }, diagnostics);
      if (html === undefined) return undefined;
      rendered.push({ body: bodyOf(html), title: view.title, page: tablesPage(), kind: "table" });
    }
    return rendered;
  };
  const job = (parts: readonly HtmlPart[], id: (i: number) => string, more: Partial<RegisterJob>): RegisterJob => ({
    title,
    language: t.language,
    css: css!,
    parts: parts.map((p, i) => ({ id: id(i), page: p.page, body: p.body })),
    running: parts[0]?.kind === "table" ? tableRunning() : running,
    words,
    ...more,
  });
  const printTables = async (parts: HtmlPart[], more: Partial<RegisterJob>) => {
    options.progress?.({ step: "tables" });
    return { parts, printed: readPrinted(await options.print({ html: registerHtml(job(parts, tableId, more)), title, documents: parts.length })) };
  };
  /** A page number as wide as the register's (the register prints about four pages a deliberation). */
  const placeholder = Number("9".repeat(String(10 * (sittings.length + sittings.reduce((n, s) => n + s.motions.length, 0))).length));
  let firstTables: ReturnType<typeof printTables> | undefined;

  for (const [index, sitting] of sittings.entries()) {
    options.progress?.({ step: "render", done: index, total: sittings.length });
    // No --template for the register: the configuration's templates, relative to itself; read
    // once per configuration (its stylesheet carries the fonts: 120 KB a time, for 365 sittings).
    const known = preparedFor.has(sitting.config);
    if (!known) preparedFor.set(sitting.config, prepareTemplates(sitting.config, undefined, "."));
    const prepared = preparedFor.get(sitting.config)!;
    if (!known) diagnostics.push(...prepared.diagnostics);
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

    const page = pageName(running.size);
    running.set(page, runningHeader(identity, t, sitting.date));
    const byNumber = new Map(rendered.value.map((d) => [d.name, d]));
    const children: OutlineItem[] = [];
    for (const { motion } of sitting.motions) {
      const extract = byNumber.get(motion.number)!;
      extractPart.set(motion.number, body.length);
      children.push({ title: extract.meta.title, destination: partId(body.length), children: [] });
      // Only the body: the register's one stylesheet is the template set's, taken from a
      // closing sheet below; the extract's own @page margin boxes would contradict the register's.
      body.push({ body: bodyOf(extract.html), title: extract.meta.title, page, kind: "extract", number: motion.number });
    }
    const closing = closingView(sitting, identity, t);
    const html = renderPage(templates.value, "register-closing", { doc: closing, assets }, diagnostics);
    if (html === undefined) continue;
    css ??= stylesheetOf(html);
    children.push({ title: t.t("register.outline.closing"), destination: partId(body.length), children: [] });
    outline.push({ title: t.t("register.outline.sitting", { date: dateInFrench(sitting.date, t) }), destination: children[0]!.destination, children });
    body.push({ body: bodyOf(html), title: closing.title, page, kind: "closing" });
    if (firstTables === undefined && !hasErrors(diagnostics)) {
      // Printed once while the rest is rendered (the browser works beside Node): a template
      // problem in the tables stops the build before the browser works on the body, and their
      // length (K) is known, for the body's counter(pages). Their page numbers do not change
      // their length with the built-in template (a right-aligned column that does not wrap), so
      // numbers as wide as the register's are enough here.
      const tableParts = renderTables(new Map(sittings.flatMap((s) => s.motions.map(({ motion }) => [motion.number, placeholder] as const))));
      if (tableParts === undefined) return { value: undefined, diagnostics };
      firstTables = printTables(tableParts, {});
      firstTables.catch(() => undefined);
    }
    // Node renders while the browser prints the tables: let it answer the browser.
    if (firstTables !== undefined) await new Promise((resolve) => setImmediate(resolve));
  }
  if (hasErrors(diagnostics) || !tables || css === undefined || firstTables === undefined) return { value: undefined, diagnostics };
  let tablePages = (await firstTables).printed.pages.length;

  for (let pass = 1; ; pass++) {
    options.progress?.({ step: "print", documents: body.length });
    const html = registerHtml(job(body, partId, { blank: { pages: tablePages, id: blankId } }));
    const printed = readPrinted(await options.print({ html, title, documents: body.length }));
    const bodyPages = (printed.starts.get(blankId) ?? 0) - 1;
    if (bodyPages < body.length || printed.pages.length !== bodyPages + tablePages) throw new UnexpectedPdf(`the body has ${printed.pages.length} pages, its blank pages start at ${bodyPages + 1}`);
    const starts = body.map((_, i) => printed.starts.get(partId(i)) ?? 0);
    const tablesDone = await printTables(renderTables(new Map([...extractPart].map(([number, part]) => [number, starts[part]!])))!, { total: bodyPages + tablePages, firstPage: bodyPages + 1 });
    if (tablesDone.printed.pages.length !== tablePages) {
      // The true page numbers made the tables longer or shorter: the body's total is wrong.
      if (pass >= MAX_TABLE_PASSES) throw new UnexpectedPdf("the register's tables do not settle on a length");
      tablePages = tablesDone.printed.pages.length;
      continue;
    }
    options.progress?.({ step: "join", pages: bodyPages + tablePages });
    const tableStarts = tablesDone.parts.map((_, i) => bodyPages + (tablesDone.printed.starts.get(tableId(i)) ?? 0));
    tablesDone.parts.forEach((part, i) => outline.push({ title: part.title, destination: tableId(i), children: [] }));
    const pdf = assembleRegister(printed, tablesDone.printed, {
      bodyPages,
      outline,
      meta: {
        title,
        author: identity.body,
        subject: t.t("register.subject", { ofAssembly: assemblyWords(sittings[0]!.outcome.session, t).of, year: identity.year }),
        language: t.language,
        date: options.date,
      },
    });
    const all = [...body, ...tablesDone.parts];
    const firstPages = [...starts, ...tableStarts];
    const total = bodyPages + tablePages;
    const layout = all.map((part, i) => ({
      kind: part.kind,
      title: part.title,
      ...(part.number === undefined ? {} : { number: part.number }),
      firstPage: firstPages[i]!,
      pages: (firstPages[i + 1] ?? total + 1) - firstPages[i]!,
    }));
    return { value: { pdf, layout }, diagnostics };
  }
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

/** The register's date: SOURCE_DATE_EPOCH when set, else the day of its latest sitting. */
export function registerDate(sittings: readonly Sitting[], env: Readonly<Record<string, string | undefined>>): Date {
  return pdfDocumentDate(sittings.map((s) => s.date).reduce((a, b) => (a > b ? a : b)), env);
}
