// Prints rendered HTML to PDF: inert (no script), offline (no request leaves), reproducible
// (the same HTML and metadata give the same bytes).
import { createHash } from "node:crypto";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFString } from "pdf-lib";
import type { HTTPRequest, Page } from "puppeteer-core";
import type { BrowserSession } from "./browser.js";

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
}

/** Prints `html` on a page borrowed from `browser` and returns reproducible PDF bytes. */
export async function renderPdf(browser: BrowserSession, html: string, meta: PdfMetadata): Promise<Uint8Array> {
  const printed = await browser.withPage(async (page) => {
    await makeInert(page);
    await page.setContent(html, { waitUntil: "load" });
    return page.pdf({
      // The template's CSS @page owns the paper size and margins.
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: false,
    });
  });
  return normalisePdf(printed, meta);
}

const inertPages = new WeakSet<Page>();

/**
 * Turns scripts off and refuses every request but `data:` URLs, before any content is set.
 * Both settings stay on the page, which may be reused: the listener is added once.
 */
async function makeInert(page: Page): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  if (!inertPages.has(page)) {
    page.on("request", refuseNetwork);
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

/**
 * Chromium names each tagged-structure element after its DOM node (`/ID (node00000022)`), and
 * node numbers run on across every page a renderer has printed: the same document printed
 * after another gets other names. Renumber them 1, 2, 3... in their own order, everywhere they
 * appear (the elements, the cells' `/Headers`, the ID name tree and its `/Limits`), so a
 * document's bytes do not depend on what was printed before. The order is kept, so the name
 * tree stays sorted.
 */
function renumberStructureIds(doc: PDFDocument): void {
  const isNodeId = (value: unknown): value is PDFString => value instanceof PDFString && /^node\d+$/.test(value.asString());
  const found = new Set<string>();
  const visit = (value: unknown, replace: (s: PDFString) => PDFString | undefined): void => {
    if (value instanceof PDFDict) {
      for (const [key, entry] of value.entries()) {
        if (isNodeId(entry)) {
          const renamed = replace(entry);
          if (renamed) value.set(key, renamed);
        } else visit(entry, replace);
      }
    } else if (value instanceof PDFArray) {
      value.asArray().forEach((entry, i) => {
        if (isNodeId(entry)) {
          const renamed = replace(entry);
          if (renamed) value.set(i, renamed);
        } else visit(entry, replace);
      });
    }
  };
  const objects = doc.context.enumerateIndirectObjects().map(([, object]) => object);
  for (const object of objects) {
    visit(object, (s) => {
      found.add(s.asString());
      return undefined;
    });
  }
  const order = [...found].sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
  const names = new Map(order.map((old, i) => [old, `node${String(i + 1).padStart(8, "0")}`]));
  for (const object of objects) visit(object, (s) => PDFString.of(names.get(s.asString())!));
}

/**
 * Replaces what Chromium stamps on every print (CreationDate and ModDate of now, Creator = the
 * user agent with its version, Producer = "Skia/PDF mNNN", Title from <title>) with fixed values,
 * and gives the file a trailer /ID derived from its content, so rebuilding gives the same bytes.
 */
export async function normalisePdf(bytes: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  doc.setTitle(meta.title);
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  if (meta.keywords !== undefined && meta.keywords.length > 0) doc.setKeywords([...meta.keywords]);
  doc.setCreator("delib");
  doc.setProducer("delib");
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  doc.setLanguage(meta.language);
  renumberStructureIds(doc);

  // The file identifier is a hash of the file written without one: stable for the same input,
  // different for different documents, as ISO 32000-1 14.4 intends.
  doc.context.trailerInfo.ID = undefined;
  const withoutId = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  const digest = createHash("sha256").update(withoutId).digest("hex").slice(0, 32);
  const id = PDFHexString.of(digest);
  const ids = PDFArray.withContext(doc.context);
  ids.push(id);
  ids.push(id);
  doc.context.trailerInfo.ID = ids;
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}
