// What an update appended to a printed PDF changed: the PDF as printed is still whole at the
// start of the file (pdf-seal.ts finds where it ends), so both are read with the same library
// and compared, page by page and key by key of the document information.
import { createHash, type Hash } from "node:crypto";
import type { PDFDocument, PDFObject } from "pdf-lib";

/** What differs between the PDF as printed and as it is now. */
export interface PdfChanges {
  /** Keys of the document information whose value changed, was added or removed (Title, ...). */
  readonly metadata: readonly string[];
  /** Pages (from 1) whose content, resources or annotations differ, among those both have. */
  readonly pages: readonly number[];
  readonly pageCount: { readonly printed: number; readonly now: number };
}

/** The changes between `printed` and `now`, or undefined when either cannot be read (never throws). */
export async function pdfChanges(printed: Uint8Array, now: Uint8Array): Promise<PdfChanges | undefined> {
  // A file too broken or too deep to walk: the seal has said what matters already.
  return compare(printed, now).catch(() => undefined);
}

async function compare(printed: Uint8Array, now: Uint8Array): Promise<PdfChanges | undefined> {
  // Loaded only here: a verify without an appended update never needs it.
  const lib = await import("pdf-lib");
  type Doc = PDFDocument;
  type Obj = PDFObject | undefined;

  const load = async (bytes: Uint8Array): Promise<Doc | undefined> => {
    try {
      return await lib.PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
    } catch {
      return undefined;
    }
  };
  const [before, after] = await Promise.all([load(printed), load(now)]);
  if (!before || !after) return undefined;

  const info = (doc: Doc): Map<string, string> => {
    const dict = doc.context.lookup(doc.context.trailerInfo.Info);
    const entries = new Map<string, string>();
    if (!(dict instanceof lib.PDFDict)) return entries;
    for (const [key, value] of dict.entries()) {
      const resolved = value instanceof lib.PDFRef ? doc.context.lookup(value) : value;
      const text = resolved instanceof lib.PDFString || resolved instanceof lib.PDFHexString ? resolved.decodeText() : String(resolved);
      entries.set(key.decodeText(), text);
    }
    return entries;
  };
  const [a, b] = [info(before), info(after)];
  const metadata = [...new Set([...a.keys(), ...b.keys()])].filter((key) => key !== "DelibSeal" && a.get(key) !== b.get(key)).sort();

  /** A page's fingerprint: everything it refers to but its place in the page tree. */
  const fingerprint = (doc: Doc, page: Obj): string => {
    const hash = createHash("sha256");
    const seen = new Set<Obj>();
    const visit = (object: Obj, into: Hash): void => {
      const value = object instanceof lib.PDFRef ? doc.context.lookup(object) : object;
      if (value === undefined || seen.has(value)) {
        into.update(value === undefined ? "undefined;" : "seen;");
        return;
      }
      if (value instanceof lib.PDFDict || value instanceof lib.PDFArray || value instanceof lib.PDFRawStream) seen.add(value);
      if (value instanceof lib.PDFRawStream) {
        visit(value.dict, into);
        into.update("stream:").update(value.contents).update(";");
      } else if (value instanceof lib.PDFDict) {
        into.update("<<");
        for (const [key, entry] of [...value.entries()].sort(([x], [y]) => (x.asString() < y.asString() ? -1 : 1))) {
          if (key.asString() === "/Parent") continue;
          into.update(key.asString());
          visit(entry, into);
        }
        into.update(">>");
      } else if (value instanceof lib.PDFArray) {
        into.update("[");
        for (const entry of value.asArray()) visit(entry, into);
        into.update("]");
      } else {
        into.update(`${value.toString()};`);
      }
    };
    visit(page, hash);
    return hash.digest("hex");
  };
  const pagesOf = (doc: Doc) => doc.getPages().map((page) => fingerprint(doc, page.node));
  const [first, second] = [pagesOf(before), pagesOf(after)];
  const pages: number[] = [];
  for (let i = 0; i < Math.min(first.length, second.length); i++) if (first[i] !== second[i]) pages.push(i + 1);
  return { metadata, pages, pageCount: { printed: first.length, now: second.length } };
}
