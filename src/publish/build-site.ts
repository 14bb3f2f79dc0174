// `delib publish`'s work, from the checked register to the files of its static website: every
// sitting's documents rendered with the register's templates and printed to PDF as `delib build`
// prints them, the pages (index by year and sitting, a page per sitting and per deliberation,
// search), the Atom feed, the search index, the stylesheet, fonts and the one script. The site
// uses relative links only (it works opened from disk and under any sub-path of a host) and the
// layout of src/model/site-layout.ts. Nothing here reads the clock: the same register gives the
// same bytes.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CheckedFile } from "../check.js";
import { siteSettings } from "../config/site-settings.js";
import { diagnostic, hasErrors, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import { msg } from "../diagnostics/message.js";
import { translator, type Language } from "../diagnostics/translator.js";
import { fileNamesClash, plannedDocuments, prepareTemplates, printDocuments, renderDocuments, type DocumentFinish, type OutputFile, type Printer, type RenderedDocument } from "../documents.js";
import { compareSittings } from "../model/deliberation-number.js";
import type { Provenance } from "../model/provenance.js";
import { actPagePath, actPdfPath, relativeHref, siteFiles, sittingPagePath } from "../model/site-layout.js";
import type { ExtractView } from "../render/extract-view.js";
import { builtInTemplatesDir, loadTemplateSet, TemplateError, templateDiagnostic, type TemplateSet } from "../render/templates.js";
import { locate } from "../source/parse-yaml.js";
import { atomFeed } from "./atom-feed.js";
import { actView, indexView, searchEntries, searchView, siteDate, sittingView, type OnlineDate, type SiteModel, type SiteSitting } from "./site-views.js";

/** The site's page templates (templates/site/<kind>.hbs). */
export const sitePageKinds = ["index", "sitting", "act", "search"] as const;

/** The font files the stylesheet names (@fontsource/source-serif-4, SIL Open Font License). */
const fontFiles = ["source-serif-4-latin-400-normal.woff2", "source-serif-4-latin-400-italic.woff2", "source-serif-4-latin-700-normal.woff2"] as const;

/** What the site is made from, besides the checked files. */
export interface PublishOptions {
  /** The language of the site's own words (the acts stay French). */
  readonly language: Language;
  /** The working folder, for the templates' paths in problems. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where each session file comes from (git), printed on its documents, by `CheckedFile.path`. */
  readonly provenance: ReadonlyMap<string, Provenance | undefined>;
  /** The day each act was first committed (online-dates.ts), by `CheckedFile.path`, then number. */
  readonly committed: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Makes the open-data file (the SCDL table of `delib export --scdl`, its DELIB_URL filled). */
  readonly openData: (files: readonly CheckedFile[]) => Result<string>;
  readonly printer: Printer;
  /** How the PDFs of each file are finished (their date, PDF/A), as `delib build` finishes them. */
  readonly finish?: (file: CheckedFile) => DocumentFinish | undefined;
  readonly onPrinted?: (done: number, total: number) => void;
}

/** The site's files, or the diagnostics that stop it (warnings ride along). */
export async function buildSite(files: readonly CheckedFile[], options: PublishOptions): Promise<Result<OutputFile[]>> {
  const diagnostics: Diagnostic[] = [];
  const ordered = [...files].sort((a, b) =>
    compareSittings(
      { date: a.outcome!.session.session.date, time: a.outcome!.session.session.time, path: a.path },
      { date: b.outcome!.session.session.date, time: b.outcome!.session.session.time, path: b.path },
    ),
  );
  diagnostics.push(...fileNamesClash(ordered.flatMap((f) => plannedDocuments(f.outcome!).map((d) => d.name)), ordered));
  if (hasErrors(diagnostics)) return { value: undefined, diagnostics };

  // Each sitting's documents, as `delib build` renders them, with the register's templates.
  const documents: RenderedDocument[] = [];
  const finishes = new Map<RenderedDocument, DocumentFinish | undefined>();
  const sittings: SiteSitting[] = [];
  const prepared = new Map<string, ReturnType<typeof prepareTemplates>>();
  for (const file of ordered) {
    const key = file.config.path ?? "";
    if (!prepared.has(key)) {
      const made = prepareTemplates(file.config, undefined, options.cwd);
      diagnostics.push(...made.diagnostics);
      prepared.set(key, made);
    }
    const templates = prepared.get(key)!.value;
    if (!templates) continue;
    const rendered = renderDocuments(file.outcome!, { ...templates, provenance: options.provenance.get(file.path), links: file.links });
    diagnostics.push(...rendered.diagnostics);
    if (!rendered.value) continue;
    documents.push(...rendered.value);
    const finish = options.finish?.(file);
    for (const d of rendered.value) finishes.set(d, finish);
    const extracts = new Map(rendered.value.filter((d) => d.kind === "extract").map((d) => [(d.data as ExtractView).number, d.data as ExtractView]));
    sittings.push({ outcome: file.outcome!, links: file.links, extracts, online: onlineDates(file, options.committed.get(file.path), diagnostics) });
  }
  if (hasErrors(diagnostics)) return { value: undefined, diagnostics };

  const scdl = siteOpenData(ordered, options.openData, diagnostics);
  const t = translator(options.language).t;
  const bodies = [...new Set(ordered.map((f) => f.config.body?.name ?? f.outcome!.session.body.name))];
  const site: SiteModel = {
    language: options.language,
    title: bodies.length === 1 ? t("publish.site.title", { body: bodies[0]! }) : t("publish.site.title.many"),
    bodies: bodies.length,
    sittings,
    scdl: scdl !== undefined,
  };
  const pages = renderPages(site, options.cwd, diagnostics);
  if (!pages) return { value: undefined, diagnostics };

  // Pages first, so that a template problem stops the site before the browser works for nothing.
  const pdfs = await printDocuments(options.printer, documents, options.env, options.onPrinted, (d) => finishes.get(d));
  const baseUrls = new Set(ordered.map((f) => siteSettings(f.config).base_url));
  const feed = atomFeed({
    title: t("publish.feed.title", { site: site.title }),
    author: bodies.join(", "),
    language: options.language,
    // One address for every file published, or the links stay relative.
    baseUrl: baseUrls.size === 1 ? [...baseUrls][0] : undefined,
    self: siteFiles.feed,
    home: siteFiles.index,
    entries: sittings.flatMap((s) =>
      s.outcome.motions.map((m) => ({
        body: s.outcome.session.body.name,
        number: m.motion.number,
        title: t("publish.feed.entry", { number: m.motion.number, title: m.motion.title }),
        sitting: s.outcome.session.session.date,
        updated: s.online.get(m.motion.number)?.date ?? s.outcome.session.session.date,
        summary: t("publish.feed.summary", { date: siteDate(s.outcome.session.session.date, options.language), result: m.result }),
        page: actPagePath(m.motion.number),
        pdf: actPdfPath(m.motion.number),
      })),
    ),
  });
  return {
    value: [
      ...pages,
      ...pdfs.map((f) => ({ name: `pdf/${f.name}`, contents: f.contents })),
      { name: siteFiles.feed, contents: feed },
      ...(scdl === undefined ? [] : [{ name: siteFiles.scdl, contents: scdl }]),
      ...assets(site),
    ],
    diagnostics,
  };
}

/**
 * The open-data file the site carries, its DELIB_URL pointing at each act's PDF on the site. When
 * the register does not give what the table needs, the site is published without it (DLB6020):
 * the acts' publication does not wait for open data. Without `site.base_url`, DELIB_URL stays
 * empty and the feed's links relative (DLB6022).
 */
function siteOpenData(files: readonly CheckedFile[], make: PublishOptions["openData"], diagnostics: Diagnostic[]): string | undefined {
  if (!files.some((f) => siteSettings(f.config).base_url !== undefined)) {
    const config = files.find((f) => f.config.source)?.config;
    diagnostics.push(
      diagnostic({
        code: "DLB6022",
        severity: "warning",
        message: msg("DLB6022"),
        span: config?.source ? locate(config.source, ["format"], "key") : undefined,
        hints: [msg("DLB6022.hint", { yaml: "site: { base_url: https://mairie-exemple.github.io/registre/ }" })],
      }),
    );
  }
  const made = make(files);
  if (!made.value || hasErrors(made.diagnostics)) {
    diagnostics.push(diagnostic({ code: "DLB6020", severity: "warning", message: msg("DLB6020"), hints: [msg("DLB6020.hint")] }));
    return undefined;
  }
  diagnostics.push(...made.diagnostics);
  return made.value;
}

/**
 * The « mis en ligne le » date of each act of a file: `publication.online_on` when written, else
 * the day git first holds it (online-dates.ts). An act with neither is told once per file.
 */
function onlineDates(file: CheckedFile, committed: ReadonlyMap<string, string> | undefined, diagnostics: Diagnostic[]): Map<string, OnlineDate> {
  const dates = new Map<string, OnlineDate>();
  const undated: string[] = [];
  for (const m of file.outcome!.motions) {
    const written = m.motion.publication?.online_on;
    const fromGit = committed?.get(m.motion.number);
    if (written !== undefined) dates.set(m.motion.number, { date: written, from: "file" });
    else if (fromGit !== undefined) dates.set(m.motion.number, { date: fromGit, from: "git" });
    else undated.push(m.motion.number);
  }
  if (undated.length > 0) {
    diagnostics.push(
      diagnostic({
        code: "DLB6021",
        severity: "warning",
        message: msg("DLB6021", { count: undated.length, numbers: undated.join(", ") }),
        span: file.parsed ? locate(file.parsed, ["motions"], "key") : undefined,
        hints: [msg("DLB6021.hint", { yaml: "publication: { online_on: 2024-04-15 }" })],
      }),
    );
  }
  return dates;
}

/** Every page of the site, or undefined when a template fails (its diagnostic added). */
function renderPages(site: SiteModel, cwd: string, diagnostics: Diagnostic[]): OutputFile[] | undefined {
  const set = loadTemplateSet({ name: "site", documents: sitePageKinds, cwd });
  diagnostics.push(...set.diagnostics);
  if (!set.value) return undefined;
  const templates: TemplateSet = set.value;
  const onSite = new Set(site.sittings.flatMap((s) => s.outcome.motions.map((m) => `${s.outcome.session.session.date}\n${m.motion.number}`)));
  const jobs: { name: string; kind: (typeof sitePageKinds)[number]; doc: object }[] = [
    { name: siteFiles.index, kind: "index", doc: indexView(site) },
    { name: siteFiles.search, kind: "search", doc: searchView(site) },
    ...site.sittings.flatMap((s) => [
      { name: sittingPagePath(s.outcome.session.session.date), kind: "sitting" as const, doc: sittingView(site, s) },
      ...s.outcome.motions.map((m) => ({
        name: actPagePath(m.motion.number),
        kind: "act" as const,
        doc: actView(site, s, m, (number, date) => onSite.has(`${date}\n${number}`)),
      })),
    ]),
  ];
  const pages: OutputFile[] = [];
  for (const job of jobs) {
    try {
      pages.push({ name: job.name, contents: templates.render(job.kind, { doc: job.doc }) });
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      diagnostics.push(templateDiagnostic(error));
      return undefined;
    }
  }
  return pages;
}

const require = createRequire(import.meta.url);

/** The stylesheet, the search script and its index, and the fonts. */
function assets(site: SiteModel): OutputFile[] {
  const dir = join(builtInTemplatesDir, "site");
  const fonts = join(require.resolve("@fontsource/source-serif-4/package.json"), "..", "files");
  // The search index as a script (a page opened from disk cannot fetch a JSON file).
  const index = searchEntries(site).map((e) => ({ n: e.number, t: e.title, d: e.day, h: relativeHref(siteFiles.search, e.path) }));
  return [
    { name: siteFiles.css, contents: readFileSync(join(dir, "site.css")) },
    { name: siteFiles.script, contents: readFileSync(join(dir, "recherche.js")) },
    { name: siteFiles.searchIndex, contents: `// delib: the acts the search page filters (number, title, date, page).\nglobalThis.delibActs = ${JSON.stringify(index, null, 1)};\n` },
    ...fontFiles.map((font) => ({ name: `${siteFiles.fonts}/${font}`, contents: readFileSync(join(fonts, font)) })),
  ];
}
