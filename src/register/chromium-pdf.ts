// Reads the few objects the register needs from a PDF Chromium printed, without parsing the
// rest: Chromium (Skia) writes a classic cross-reference table and no object streams, so an
// object is found by its offset, and a thousand-page register is never turned into objects.
import { Buffer } from "node:buffer";

/** A PDF as Chromium printed it: its bytes, where each object starts, its trailer. */
export interface ChromiumPdf {
  readonly bytes: Buffer;
  /** Byte offset of each object, by number. */
  readonly offsets: ReadonlyMap<number, number>;
  /** Where the cross-reference table starts (the `/Prev` of an update). */
  readonly xrefAt: number;
  readonly size: number;
  readonly root: number;
  readonly info: number | undefined;
}

/** Thrown when the bytes are not the PDF Chromium is known to write: delib's bug, not the user's. */
export class UnexpectedPdf extends Error {
  constructor(what: string) {
    super(`unexpected PDF from the browser: ${what}`);
    this.name = "UnexpectedPdf";
  }
}

/** Indexes a PDF Chromium printed: its cross-reference table and trailer. */
export function readChromiumPdf(bytes: Buffer): ChromiumPdf {
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString("latin1");
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!start) throw new UnexpectedPdf("no startxref");
  const xrefAt = Number(start[1]);
  const trailerAt = bytes.indexOf("trailer", xrefAt, "latin1");
  if (bytes.toString("latin1", xrefAt, xrefAt + 4) !== "xref" || trailerAt < 0) throw new UnexpectedPdf("no classic cross-reference table");
  const offsets = new Map<number, number>();
  let next = 0;
  for (const line of bytes.toString("latin1", xrefAt + 4, trailerAt).split(/\r?\n/)) {
    const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
    if (entry) {
      if (entry[3] === "n") offsets.set(next, Number(entry[1]));
      next++;
      continue;
    }
    const section = /^\s*(\d+) (\d+)\s*$/.exec(line);
    if (section) next = Number(section[1]);
  }
  const trailer = bytes.toString("latin1", trailerAt, bytes.indexOf("startxref", trailerAt, "latin1"));
  const size = /\/Size (\d+)/.exec(trailer);
  const root = /\/Root (\d+) 0 R/.exec(trailer);
  if (!size || !root) throw new UnexpectedPdf("no /Size or /Root in the trailer");
  const info = /\/Info (\d+) 0 R/.exec(trailer);
  return { bytes, offsets, xrefAt, size: Number(size[1]), root: Number(root[1]), info: info ? Number(info[1]) : undefined };
}

/** Where object `number` lies in the file: from `N 0 obj` to just after its `endobj`. */
export function objectExtent(pdf: ChromiumPdf, number: number): { start: number; end: number } {
  const start = pdf.offsets.get(number);
  if (start === undefined) throw new UnexpectedPdf(`no object ${number}`);
  // The next object, or the table, bounds it: a stream's bytes may hold « endobj » by chance.
  const bound = nextOffset(pdf, start);
  const end = pdf.bytes.lastIndexOf("endobj", bound, "latin1");
  if (end < start) throw new UnexpectedPdf(`object ${number} has no endobj`);
  return { start, end: end + "endobj".length };
}

const sortedOffsets = new WeakMap<ChromiumPdf, number[]>();
function nextOffset(pdf: ChromiumPdf, start: number): number {
  let sorted = sortedOffsets.get(pdf);
  if (!sorted) {
    sorted = [...pdf.offsets.values(), pdf.xrefAt].sort((a, b) => a - b);
    sortedOffsets.set(pdf, sorted);
  }
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! <= start) low = mid + 1;
    else high = mid;
  }
  return sorted[low]!;
}

/** The dictionary of object `number` (an object without a stream), as text: what lies between `obj` and `endobj`. */
export function objectDict(pdf: ChromiumPdf, number: number): string {
  const { start, end } = objectExtent(pdf, number);
  const text = pdf.bytes.toString("latin1", start, end - "endobj".length);
  return text.slice(text.indexOf("obj") + 3).trim();
}

/** The number of the object `key` refers to in `dict`, if it does. */
export function refOf(dict: string, key: string): number | undefined {
  const found = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return found ? Number(found[1]) : undefined;
}

/** Every object number `text` refers to, in order. */
export function refsIn(text: string): number[] {
  return [...text.matchAll(/(\d+) 0 R\b/g)].map((m) => Number(m[1]));
}

/** The pages of the document in order: the leaves of its page tree. */
export function pageObjects(pdf: ChromiumPdf): number[] {
  const pagesRoot = refOf(objectDict(pdf, pdf.root), "Pages");
  if (pagesRoot === undefined) throw new UnexpectedPdf("no page tree");
  const pages: number[] = [];
  const walk = (number: number): void => {
    const dict = objectDict(pdf, number);
    if (/\/Type\s*\/Pages\b/.test(dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict);
      for (const kid of refsIn(kids?.[1] ?? "")) walk(kid);
    } else pages.push(number);
  };
  walk(pagesRoot);
  return pages;
}

/** The named destinations (the catalog's /Dests): for each name, the page object it opens. */
export function namedDestinations(pdf: ChromiumPdf): Map<string, number> {
  const dests = refOf(objectDict(pdf, pdf.root), "Dests");
  const found = new Map<string, number>();
  if (dests === undefined) return found;
  for (const m of objectDict(pdf, dests).matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+) 0 R/g)) found.set(m[1]!, Number(m[2]));
  return found;
}

/** The leaves of a number tree (ISO 32000-1 7.9.7) or name tree (7.9.6) from its root: its key and value tokens. */
export function treeEntries(pdf: ChromiumPdf, rootNumber: number, kind: "Nums" | "Names"): { key: string; value: string }[] {
  const entries: { key: string; value: string }[] = [];
  const pair = kind === "Nums" ? /(\d+)\s+(\d+ 0 R|\[[^\]]*\])/g : /(\([^)]*\))\s*(\d+ 0 R)/g;
  const walk = (number: number): void => {
    const dict = objectDict(pdf, number);
    const leaf = new RegExp(`/${kind}\\s*\\[([\\s\\S]*?)\\]\\s*(?:/|>>)`).exec(dict);
    if (leaf) for (const m of `${leaf[1]!} `.matchAll(pair)) entries.push({ key: m[1]!, value: m[2]! });
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict);
    for (const kid of refsIn(kids?.[1] ?? "")) walk(kid);
  };
  walk(rootNumber);
  return entries;
}

/** The nodes of a name or number tree, root first. */
export function treeNodes(pdf: ChromiumPdf, rootNumber: number): number[] {
  const nodes: number[] = [];
  const walk = (number: number): void => {
    nodes.push(number);
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(objectDict(pdf, number));
    for (const kid of refsIn(kids?.[1] ?? "")) walk(kid);
  };
  walk(rootNumber);
  return nodes;
}
