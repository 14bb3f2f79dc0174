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
  /**
   * Other changes: "catalog" (the document catalog but its form, which holds what a viewer does
   * on opening, the names, the XMP metadata…), "form" (the form but its signature fields), and,
   * with `signatureUpdates`, "object N" for each object an update wrote that a signature does not.
   */
  readonly other: readonly string[];
}

export interface PdfChangesOptions {
  /**
   * Signature widgets in a page's /Annots are not a change: a signature (ISO 32000-1 12.7.4.5)
   * adds one to its page, and it shows nothing when its rectangle is empty, as delib's are.
   */
  readonly ignoreSignatureWidgets?: boolean;
  /**
   * The object numbers each update after the first revision defines (one list per update): the
   * revisions are signatures, each update may hold only what `delib sign` writes (sign-pdf.ts):
   * the signature dictionary, its invisible widget, the page or its /Annots, the form or its
   * /Fields, the catalog. Implies `ignoreSignatureWidgets`.
   */
  readonly signatureUpdates?: readonly (readonly number[])[];
}

/** The changes between `printed` and `now`, or undefined when either cannot be read (never throws). */
export async function pdfChanges(printed: Uint8Array, now: Uint8Array, options: PdfChangesOptions = {}): Promise<PdfChanges | undefined> {
  // A file too broken or too deep to walk: the seal has said what matters already.
  return compareAlong([printed, now], options).then((changes) => changes?.[0], () => undefined);
}

/**
 * The changes from each revision of a PDF to the next (`revisions` oldest first: the file as
 * printed, then as each signature left it), each revision read once; undefined when one cannot
 * be read (never throws).
 */
export async function pdfChangesAlong(revisions: readonly Uint8Array[], options: PdfChangesOptions = {}): Promise<PdfChanges[] | undefined> {
  return compareAlong(revisions, options).catch(() => undefined);
}

async function compareAlong(revisions: readonly Uint8Array[], options: PdfChangesOptions): Promise<PdfChanges[] | undefined> {
  // Loaded only here: a verify without an appended update never needs it.
  const lib = await import("pdf-lib");
  type Doc = PDFDocument;
  type Obj = PDFObject | undefined;

  const load = async (bytes: Uint8Array): Promise<Doc | undefined> => {
    try {
      return await lib.PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false, parseSpeed: lib.ParseSpeeds.Fastest });
    } catch {
      return undefined;
    }
  };
  const docs: Doc[] = [];
  for (const bytes of revisions) {
    const doc = await load(bytes);
    if (!doc) return undefined;
    docs.push(doc);
  }

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

  const ignoreWidgets = options.ignoreSignatureWidgets === true || options.signatureUpdates !== undefined;
  const N = lib.PDFName.of;
  const only = (dict: import("pdf-lib").PDFDict, keys: readonly string[]) => [...dict.keys()].every((key) => keys.includes(key.decodeText()));
  /**
   * A signature widget that shows nothing, as sign-pdf.ts writes it: an empty rectangle, no
   * appearance, no action; any other widget (a /Rect over the page, an /AP) is a change.
   */
  const isSignatureWidget = (value: unknown): boolean => {
    if (!(value instanceof lib.PDFDict) || value.get(N("FT")) !== N("Sig") || value.get(N("Subtype")) !== N("Widget")) return false;
    if (!only(value, ["Type", "Subtype", "FT", "T", "V", "F", "Rect", "P"])) return false;
    const rect = value.get(N("Rect"));
    return rect instanceof lib.PDFArray && rect.size() === 4 && rect.asArray().every((n) => n instanceof lib.PDFNumber && n.asNumber() === 0);
  };
  const isSignatureDictionary = (value: unknown): boolean =>
    value instanceof lib.PDFDict && value.get(N("Type")) === N("Sig") && only(value, ["Type", "Filter", "SubFilter", "ByteRange", "Contents", "M", "Name", "Reason"]);

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
          // The form's flags say it is signed: a signature sets them.
          if (key.asString() === "/SigFlags" && ignoreWidgets) continue;
          if ((key.asString() === "/Annots" || key.asString() === "/Fields") && ignoreWidgets) {
            const annotations = doc.context.lookup(entry);
            const kept = annotations instanceof lib.PDFArray ? annotations.asArray().filter((a) => !isSignatureWidget(doc.context.lookup(a))) : [];
            if (kept.length === 0 && annotations instanceof lib.PDFArray) continue;
            into.update(key.asString());
            if (annotations instanceof lib.PDFArray) {
              into.update("[");
              for (const annotation of kept) visit(annotation, into);
              into.update("]");
            } else visit(entry, into);
            continue;
          }
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
  /** The catalog but its form (/OpenAction, /AA, /Names, /Metadata… and the pages), then the form. */
  const catalogOf = (doc: Doc) => {
    const catalog = doc.catalog.clone(doc.context);
    catalog.delete(N("AcroForm"));
    const form = doc.catalog.lookup(N("AcroForm"));
    return { catalog: fingerprint(doc, catalog), form: fingerprint(doc, form instanceof lib.PDFDict ? form : doc.context.obj({})) };
  };
  /** The objects an update may write for a signature: the catalog, pages, their /Annots, the form, its /Fields. */
  const signatureObjects = (doc: Doc): Set<number> => {
    const numbers = new Set<number>();
    const add = (ref: unknown) => ref instanceof lib.PDFRef && numbers.add(ref.objectNumber);
    add(doc.context.trailerInfo.Root);
    for (const page of doc.getPages()) {
      add(page.ref);
      add(page.node.get(N("Annots")));
    }
    const formRef = doc.catalog.get(N("AcroForm"));
    add(formRef);
    const form = doc.catalog.lookup(N("AcroForm"));
    if (form instanceof lib.PDFDict) add(form.get(N("Fields")));
    return numbers;
  };
  const unexpected = (doc: Doc, numbers: readonly number[]): string[] => {
    const allowed = signatureObjects(doc);
    return numbers.filter((n) => {
      if (allowed.has(n)) return false;
      const value = doc.context.lookup(lib.PDFRef.of(n));
      return !isSignatureWidget(value) && !isSignatureDictionary(value);
    }).map((n) => `object ${n}`);
  };
  const summaries = docs.map((doc) => ({ info: info(doc), pages: pagesOf(doc), ...catalogOf(doc) }));
  return summaries.slice(1).map((after, i) => {
    const before = summaries[i]!;
    const [a, b] = [before.info, after.info];
    const metadata = [...new Set([...a.keys(), ...b.keys()])].filter((key) => key !== "DelibSeal" && a.get(key) !== b.get(key)).sort();
    const pages: number[] = [];
    for (let p = 0; p < Math.min(before.pages.length, after.pages.length); p++) if (before.pages[p] !== after.pages[p]) pages.push(p + 1);
    const other = [...(before.catalog !== after.catalog ? ["catalog"] : []), ...(before.form !== after.form ? ["form"] : [])];
    const written = options.signatureUpdates?.[i];
    if (written) other.push(...unexpected(docs[i + 1]!, written));
    return { metadata, pages, pageCount: { printed: before.pages.length, now: after.pages.length }, other };
  });
}
