// Merges the separately printed parts of a register into one PDF, and numbers its pages.
//
// Why parts and stamping rather than one big HTML document: a register's tables give the page
// where each deliberation starts, a cross-reference Chromium cannot compute (no
// target-counter() in print). Printed one by one, each part's page count is exact (pdf-lib
// counts it), so the start pages follow by addition; and each extract stays the very document
// `delib build` prints, only with its own margin boxes silenced. The continuous « Page N / M »
// and the register's running header are then drawn on every page here, with a standard font
// (pdf-lib embeds it without fontkit, and a standard font needs no file).
import { createHash } from "node:crypto";
import { ParseSpeeds, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFString, rgb, StandardFonts, type PDFFont, type PDFRef } from "pdf-lib";
import { pdfString } from "../render/pdf-string.js";

/** A part of the register as printed: its PDF, and the running header of its pages. */
export interface RegisterPart {
  readonly bytes: Uint8Array;
  readonly document: PDFDocument;
  readonly running: string;
}

/** A bookmark: its title, the part it opens on, and bookmarks below it. */
export interface OutlineItem {
  readonly title: string;
  readonly part: number;
  readonly children: readonly OutlineItem[];
}

/** What the register's document information says, and the words of its page counter. */
export interface RegisterMeta {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly language: string;
  /** Written as CreationDate and ModDate: the latest sitting, or SOURCE_DATE_EPOCH; never the clock. */
  readonly date: Date;
  /** « Page 3 / 12 » */
  readonly pageLabel: (page: number, pages: number) => string;
}

/** Reads a printed part (to count its pages, then to copy them). */
export function loadPart(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/** The first page (1-based) of each part in the merged register. */
export function startPages(pageCounts: readonly number[]): number[] {
  let next = 1;
  return pageCounts.map((count) => {
    const start = next;
    next += count;
    return start;
  });
}

// Where the stamps go: the margin boxes of templates/default/style.css (@page margins 20 mm
// top, 18 mm bottom, 20 mm sides; header text 3 mm above the text block, counter 3 mm below).
const mm = 72 / 25.4;
const stamp = { size: 8, minSize: 6, side: 20 * mm, headerBaseline: 17 * mm - 2, footerBaseline: 15 * mm - 6.5, color: rgb(0x44 / 255, 0x44 / 255, 0x44 / 255) };

/**
 * The merged register: every part's pages in order, each stamped with its running header and
 * « Page N / M », bookmarks, delib's metadata. Reproducible: no clock, pdf-lib's own metadata
 * off, no object streams, and a /ID that is a hash of the parts and of what was stamped.
 */
export async function assembleRegister(parts: readonly RegisterPart[], outline: readonly OutlineItem[], meta: RegisterMeta): Promise<Uint8Array> {
  const register = await PDFDocument.create({ updateMetadata: false });
  const font = await register.embedFont(StandardFonts.TimesRoman);
  const total = parts.reduce((sum, p) => sum + p.document.getPageCount(), 0);
  const starts = startPages(parts.map((p) => p.document.getPageCount()));
  const hash = createHash("sha256");
  let number = 0;
  for (const part of parts) {
    hash.update(part.bytes).update(part.running);
    const pages = await register.copyPages(part.document, part.document.getPageIndices());
    for (const page of pages) {
      register.addPage(page);
      number++;
      const { width, height } = page.getSize();
      const room = width - 2 * stamp.side;
      const header = fitted(part.running, font, room);
      page.drawText(header.text, { x: stamp.side, y: height - stamp.headerBaseline, size: header.size, font, color: stamp.color });
      const footer = fitted(meta.pageLabel(number, total), font, room);
      const footerWidth = font.widthOfTextAtSize(footer.text, footer.size);
      page.drawText(footer.text, { x: width - stamp.side - footerWidth, y: stamp.footerBaseline, size: footer.size, font, color: stamp.color });
    }
  }
  addOutline(register, outline, starts);

  register.setCreator("delib");
  register.setProducer("delib");
  register.setCreationDate(meta.date);
  register.setModificationDate(meta.date);
  // Every string through the one escape (render/pdf-string.ts): pdf-lib's setLanguage, for one, escapes nothing.
  const info = register.context.lookup(register.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of("Title"), textString(meta.title));
  info.set(PDFName.of("Author"), textString(meta.author));
  info.set(PDFName.of("Subject"), textString(meta.subject));
  register.catalog.getOrCreateViewerPreferences().setDisplayDocTitle(true);
  register.catalog.set(PDFName.of("Lang"), textString(meta.language));
  const { pageLabel: _label, ...described } = meta;
  hash.update(JSON.stringify({ ...described, outline, total }));
  const id = hash.digest("hex").slice(0, 32);
  register.context.trailerInfo.ID = register.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  return register.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}

/**
 * `text` as the standard font can draw it (WinAnsi: French letters, « », — are in), shrunk
 * down to 6 pt to fit `room`, then cut with « … » if still too long.
 */
function fitted(text: string, font: PDFFont, room: number): { text: string; size: number } {
  const drawable = new Set(font.getCharacterSet());
  let safe = "";
  for (const char of text.normalize("NFC")) {
    if (drawable.has(char.codePointAt(0)!)) safe += char;
    else if (/\s/.test(char)) safe += " ";
    else {
      const base = char.normalize("NFD").replace(/\p{M}/gu, "");
      safe += [...base].every((c) => drawable.has(c.codePointAt(0)!)) && base !== "" ? base : "?";
    }
  }
  let size = stamp.size;
  while (size > stamp.minSize && font.widthOfTextAtSize(safe, size) > room) size -= 0.5;
  while (safe.length > 1 && font.widthOfTextAtSize(safe, size) > room) safe = `${safe.slice(0, -2)}…`;
  return { text: safe, size };
}

/** A PDF text string as `pdfString` writes it, for pdf-lib to copy as it is. */
function textString(text: string): PDFString | PDFHexString {
  const token = pdfString(text);
  return token.startsWith("(") ? PDFString.of(token.slice(1, -1)) : PDFHexString.of(token.slice(1, -1));
}

/** Bookmarks (ISO 32000-1 12.3.3): top-level items open, each opening its part's first page. */
function addOutline(register: PDFDocument, items: readonly OutlineItem[], starts: readonly number[]): void {
  if (items.length === 0) return;
  const { context } = register;
  const pageRefs = register.getPages().map((p) => p.ref);
  const rootRef = context.nextRef();
  const level = (list: readonly OutlineItem[], parent: PDFRef, open: boolean): { first: PDFRef; last: PDFRef; visible: number } => {
    const refs = list.map(() => context.nextRef());
    let visible = list.length;
    list.forEach((item, i) => {
      const entries: Record<string, unknown> = {
        Title: textString(item.title),
        Parent: parent,
        Dest: [pageRefs[starts[item.part]! - 1]!, PDFName.of("XYZ"), PDFNull, PDFNull, PDFNull],
      };
      if (i > 0) entries.Prev = refs[i - 1];
      if (i < list.length - 1) entries.Next = refs[i + 1];
      if (item.children.length > 0) {
        const below = level(item.children, refs[i]!, false);
        entries.First = below.first;
        entries.Last = below.last;
        // A negative count: the item starts closed (its children are not counted as visible).
        entries.Count = PDFNumber.of(open ? below.visible : -below.visible);
        if (open) visible += below.visible;
      }
      context.assign(refs[i]!, context.obj(entries as never));
    });
    return { first: refs[0]!, last: refs[refs.length - 1]!, visible };
  };
  const top = level(items, rootRef, true);
  context.assign(rootRef, context.obj({ Type: "Outlines", First: top.first, Last: top.last, Count: PDFNumber.of(top.visible) }));
  register.catalog.set(PDFName.of("Outlines"), rootRef);
  register.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}
