// Prints rendered HTML to PDF: inert (no script), offline (no request leaves), reproducible
// (the same HTML and metadata give the same bytes).
import { createHash } from "node:crypto";
import type { HTTPRequest, Page } from "puppeteer-core";
import { PageFailure, type BrowserSession } from "./browser.js";
import { pdfString } from "../render/pdf-string.js";
import { SEAL_PLACEHOLDER, sealPdf } from "./pdf-seal.js";
import { appendedUpdate, archivalCatalog, archivalUpdate, documentInfo, pdfDate, type Archival, type PdfObject } from "./pdf-archival.js";

/** What the PDF's document information says about itself. */
export interface PdfMetadata {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords?: readonly string[];
  /** BCP 47 tag for the catalog /Lang, e.g. "fr-FR" (screen readers and PDF/UA need it). */
  readonly language: string;
  /** Written as both CreationDate and ModDate; from the session or SOURCE_DATE_EPOCH, never the clock. */
  readonly date: Date;
  /** Further keys of the information dictionary (delib's provenance), e.g. { DelibSource: "..." }. */
  readonly custom?: Readonly<Record<string, string>>;
  /** Print as PDF/A-2b or PDF/A-3b (pdf-archival.ts); absent, a plain PDF. */
  readonly archival?: Archival;
}

/**
 * Prints `html` on a page borrowed from `browser` and returns reproducible PDF bytes. Whatever
 * goes wrong in the browser is thrown as a PageFailure; no time limit of the library's own
 * applies (the printer gives each document its own, print-pdfs.ts).
 */
export async function renderPdf(browser: BrowserSession, html: string, meta: PdfMetadata): Promise<Uint8Array> {
  const printed = await browser.withPage(async (page) => {
    await makeInert(page);
    await page.setContent(html, { waitUntil: "load", timeout: 0 });
    return page.pdf({
      timeout: 0,
      // The template's CSS @page owns the paper size and margins.
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: false,
    });
  }).catch((error: unknown) => {
    throw new PageFailure(error);
  });
  return normalisePdf(printed, meta);
}

const inertPages = new WeakSet<Page>();

/**
 * Turns scripts off and refuses every request but `data:` URLs, before any content is set.
 * Both settings stay on the page, which may be reused: the listener is added once.
 */
export async function makeInert(page: Page): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  if (!inertPages.has(page)) {
    page.on("request", refuseNetwork);
    // The page is only ever printed: laying it out for the screen first would be wasted work.
    await page.emulateMediaType("print");
    inertPages.add(page);
  }
}

/**
 * Second line of defence: the browser's host resolver already fails every name (see
 * browser.ts). `data:` URLs never reach the network and Chromium does not pause them for
 * interception (puppeteer ignores continue/abort on them); the rule is stated for the reader.
 */
function refuseNetwork(request: HTTPRequest): void {
  if (request.isInterceptResolutionHandled()) return;
  if (request.url().startsWith("data:")) {
    void request.continue();
  } else {
    void request.abort("blockedbyclient");
  }
}

// Every string of the information dictionary and /Lang goes through the one escape (render/pdf-string.ts).
export { pdfString };

/**
 * Makes Chromium's PDF reproducible and gives it delib's metadata, without re-writing it:
 *
 * 1. In place, byte for byte the same length: the print time Chromium stamps as CreationDate
 *    and ModDate becomes the document's date; the tagged-structure IDs, which Chromium numbers
 *    after DOM nodes counted across every page a renderer printed (`node00000022`), are
 *    renumbered 1, 2, 3... in their order, so a document's bytes do not depend on what was
 *    printed before it.
 * 2. Appended, as an incremental update (ISO 32000-1 7.5.6): a new document information
 *    dictionary (title, author, subject, keywords, Creator and Producer "delib", the dates),
 *    the catalog again when its /Lang must change, a cross-reference section, and a trailer
 *    whose /ID is a hash of the content. With `meta.archival`, the same update carries what
 *    makes the document PDF/A (pdf-archival.ts), so the seal, computed last, covers it.
 *
 * Pure and fast (no PDF library parses the file: pdf-lib did the same in ~300 ms a document).
 */
export function normalisePdf(bytes: Uint8Array, meta: PdfMetadata): Uint8Array {
  let text = Buffer.from(bytes).toString("latin1");
  const date = pdfDate(meta.date);
  text = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}[+-]\d{2}'\d{2}'\)/g, (_m, key: string) => `/${key} (${date})`);
  // Chromium's IDs follow DOM node numbers, whose order even within one document varies with
  // timing; the order of the objects does not. Name the elements 1, 2, 3... in the order
  // their objects appear (the ID name tree comes after them), then sort the name tree's
  // entries and limits again: each keeps its length, so no offset moves.
  const ids = [...new Set(text.match(/\(node\d{8}\)/g) ?? [])];
  const renumbered = new Map(ids.map((id, i) => [id, `(node${String(i + 1).padStart(8, "0")})`]));
  text = text.replace(/\(node\d{8}\)/g, (id) => renumbered.get(id)!);
  // A name-tree node: its entries sorted by name, and its limits (when it has some) the first
  // and last of them.
  text = text.replace(
    /(\/Limits \[\(node\d{8}\) \(node\d{8}\)\]\s*)?\/Names \[((?:\(node\d{8}\) \d+ \d+ R ?)+)\]/g,
    (_all, limits: string | undefined, pairs: string) => {
      const entries = [...pairs.matchAll(/(\(node\d{8}\)) (\d+ \d+ R)/g)].map((m) => [m[1]!, m[2]!] as const);
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const separator = limits ? limits.slice(limits.indexOf("]") + 1) : "";
      const head = limits ? `/Limits [${entries[0]![0]} ${entries[entries.length - 1]![0]}]${separator}` : "";
      return `${head}/Names [${entries.map(([name, ref]) => `${name} ${ref}`).join(" ")}]`;
    },
  );

  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(text);
  if (!trailer) throw new Error("unexpected PDF from the browser: no classic trailer");
  const size = Number(/\/Size (\d+)/.exec(trailer[1]!)![1]);
  const root = Number(/\/Root (\d+) 0 R/.exec(trailer[1]!)![1]);
  const previous = Number(trailer[2]);
  const digest = createHash("sha256")
    .update(text, "latin1")
    .update(JSON.stringify(meta, (_key, value: unknown) => (value instanceof Uint8Array ? createHash("sha256").update(value).digest("hex") : value)))
    .digest("hex")
    .slice(0, 32);

  const objects: PdfObject[] = [];
  const info = [
    `/Title ${pdfString(meta.title)}`,
    `/Author ${pdfString(meta.author)}`,
    `/Subject ${pdfString(meta.subject)}`,
    ...(meta.keywords && meta.keywords.length > 0 ? [`/Keywords ${pdfString(meta.keywords.join(" "))}`] : []),
    "/Creator (delib)",
    "/Producer (delib)",
    `/CreationDate (${date})`,
    `/ModDate (${date})`,
    ...Object.entries(meta.custom ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => `/${key.replace(/[^A-Za-z0-9]/g, "")} ${pdfString(value)}`),
    // Last, filled in once the file is whole: see pdf-seal.ts.
    SEAL_PLACEHOLDER,
  ];
  objects.push({ number: size, body: `<<${info.join("\n")}>>` });
  const catalog = new RegExp(`(?:^|\\n)${root} 0 obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(text);
  const lang = pdfString(meta.language);
  let next = size + 1;
  if (meta.archival) {
    if (!catalog) throw new Error("unexpected PDF from the browser: no catalog");
    const archival = archivalUpdate(text, catalog[1]!, documentInfo(meta), meta.language, meta.archival, next);
    const entries = catalog[1]!.replace(/\/Lang\s*(\([^)]*\)|<[^>]*>)/, "").trim();
    objects.push(...archival.objects, { number: root, body: `<<${archivalCatalog(entries, archival)}\n/Lang ${lang}>>` });
    next = archival.next;
  } else if (catalog && !catalog[1]!.includes(`/Lang ${lang}`)) {
    const entries = catalog[1]!.replace(/\/Lang\s*(\([^)]*\)|<[^>]*>)/, "").trim();
    objects.push({ number: root, body: `<<${entries}\n/Lang ${lang}>>` });
  }

  const update = appendedUpdate(text, objects, `/Size ${next}\n/Root ${root} 0 R\n/Info ${size} 0 R\n/Prev ${previous}\n/ID [ <${digest}> <${digest}> ]`);
  return new Uint8Array(Buffer.from(sealPdf(text + update), "latin1"));
}
