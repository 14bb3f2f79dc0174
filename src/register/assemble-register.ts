// Joins the register's two print jobs into one PDF: the body (every sitting's extracts and
// closing sheets) and the tables, appended to the body as an incremental update
// (ISO 32000-1 7.5.6), so the body's bytes — nearly all of the file — are never re-written.
//
// Why one large job and an update rather than printing each part and merging (issue 14):
// merged with pdf-lib, 365 separately printed sittings took 70 s and 705 MB, and the fonts were
// embedded again for every part (about 20 KB a page). Printed as one job, Chromium embeds each
// font once and prints the running header (a CSS named page per sitting, with its own
// @top-left box) and the continuous « Page N / M » (counter(page), counter(pages)) itself, in
// the template's embedded font — a standard font pdf-lib stamped would be refused by PDF/A.
// What Chromium cannot print is a cross-reference: the table's « page where each deliberation
// starts » (no target-counter() in print). So the tables are a second, small job: printed once
// first to learn how many pages they take (K), the body is printed with K blank pages at its end
// (so counter(pages) counts the tables' pages too), the start of each part is read from the
// body's named destinations (an empty link to each part makes Chromium write one), then the
// tables are printed with the true pages, numbered from the body's last page on
// (`@page :first { counter-increment }`), and appended here in place of the blank pages.
import { createHash } from "node:crypto";
import { Buffer } from "node:buffer";
import { pdfString } from "../render/pdf-string.js";
import { namedDestinations, objectDict, objectExtent, pageObjects, readChromiumPdf, refOf, treeEntries, treeNodes, UnexpectedPdf, type ChromiumPdf } from "./chromium-pdf.js";

/** A bookmark: its title, the named destination (a part's id) it opens, and bookmarks below it. */
export interface OutlineItem {
  readonly title: string;
  readonly destination: string;
  readonly children: readonly OutlineItem[];
}

/** What the register's document information says. */
export interface RegisterMeta {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly language: string;
  /** Written as CreationDate and ModDate: the latest sitting, or SOURCE_DATE_EPOCH; never the clock. */
  readonly date: Date;
}

/** The body as printed: its file, its pages, and where each named part starts (1-based). */
export interface PrintedBody {
  readonly pdf: ChromiumPdf;
  readonly pages: readonly number[];
  readonly starts: ReadonlyMap<string, number>;
}

/** Reads the printed body (or tables): its pages and the first page of each named destination. */
export function readPrinted(bytes: Uint8Array): PrintedBody {
  const pdf = readChromiumPdf(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const pages = pageObjects(pdf);
  const index = new Map(pages.map((page, i) => [page, i + 1]));
  const starts = new Map([...namedDestinations(pdf)].map(([name, page]) => [name, index.get(page) ?? 0]));
  return { pdf, pages, starts };
}

/** A PDF date, D:YYYYMMDDHHmmSS+00'00', always in UTC. */
function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+00'00'`;
}

/**
 * A name tree node (text) with its names sorted and its limits the first and last of them,
 * each entry keeping its length, so that the text keeps its length (as render-pdf.ts does).
 */
function sortNameTreeNode(text: string): string {
  return text.replace(/(\/Limits \[\(node\d{8}\) \(node\d{8}\)\]\s*)?\/Names \[((?:\(node\d{8}\) \d+ \d+ R ?)+)\]/g, (_all, limits: string | undefined, pairs: string) => {
    const entries = [...pairs.matchAll(/(\(node\d{8}\)) (\d+ \d+ R)/g)].map((m) => [m[1]!, m[2]!] as const);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const separator = limits ? limits.slice(limits.indexOf("]") + 1) : "";
    const head = limits ? `/Limits [${entries[0]![0]} ${entries[entries.length - 1]![0]}]${separator}` : "";
    return `${head}/Names [${entries.map(([name, ref]) => `${name} ${ref}`).join(" ")}]`;
  });
}

/**
 * Makes the body's bytes reproducible, in place and byte for byte the same length: the print
 * time becomes the register's date, and the tagged-structure IDs are numbered 1, 2, 3...
 * (normaliseIds). Returns how many IDs there are.
 */
function normaliseBody(body: PrintedBody, date: Date): number {
  const { pdf } = body;
  const { bytes } = pdf;
  if (pdf.info !== undefined) {
    const { start, end } = objectExtent(pdf, pdf.info);
    const text = bytes.toString("latin1", start, end).replace(/\(D:\d{14}[+-]\d{2}'\d{2}'\)/g, `(${pdfDate(date)})`);
    if (text.length !== end - start) throw new UnexpectedPdf("a date of another length");
    bytes.write(text, start, "latin1");
  }
  return normaliseIds(pdf, 0);
}

/**
 * Renumbers, in place and byte for byte the same length, the tagged-structure IDs of a PDF
 * Chromium printed — which it numbers after DOM nodes, in an order that varies with timing —
 * `after` + 1, `after` + 2... in the order they appear outside the ID tree (whose entries are
 * sorted by the old names, so their order is the timing's), then sorts the ID tree again
 * (render-pdf.ts does the same for a document). The body's IDs start at 1, the tables' after
 * the body's. Returns how many IDs there are.
 */
function normaliseIds(pdf: ChromiumPdf, after: number): number {
  const { bytes } = pdf;
  const idTree = structRoot(pdf) === undefined ? undefined : refOf(objectDict(pdf, structRoot(pdf)!), "IDTree");
  const treeExtents = idTree === undefined ? [] : treeNodes(pdf, idTree).map((node) => objectExtent(pdf, node)).sort((x, y) => x.start - y.start);
  /** Whether byte `at` lies in a node of the ID tree (a binary search: a register has thousands of IDs). */
  const inTree = (at: number): boolean => {
    let low = 0;
    let high = treeExtents.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const { start, end } = treeExtents[mid]!;
      if (at < start) high = mid - 1;
      else if (at >= end) low = mid + 1;
      else return true;
    }
    return false;
  };
  const found: number[] = [];
  for (let at = bytes.indexOf("(node", 0, "latin1"); at >= 0; at = bytes.indexOf("(node", at + 1, "latin1")) {
    if (/^\(node\d{8}\)$/.test(bytes.toString("latin1", at, at + 14))) found.push(at);
  }
  const renumbered = new Map<string, string>();
  for (const at of found) {
    const id = bytes.toString("latin1", at, at + 14);
    if (!inTree(at) && !renumbered.has(id)) renumbered.set(id, `(node${String(after + renumbered.size + 1).padStart(8, "0")})`);
  }
  for (const at of found) {
    const to = renumbered.get(bytes.toString("latin1", at, at + 14));
    // An ID only the ID tree names, no element carrying it: not what Chromium writes.
    if (to === undefined) throw new UnexpectedPdf(`an ID tree entry ${bytes.toString("latin1", at, at + 14)} no element carries`);
    bytes.write(to, at, "latin1");
  }
  // The ID tree's entries were sorted by the old names: sorted again, in place.
  for (const { start, end } of treeExtents) bytes.write(sortNameTreeNode(bytes.toString("latin1", start, end)), start, "latin1");
  return renumbered.size;
}

function structRoot(pdf: ChromiumPdf): number | undefined {
  return refOf(objectDict(pdf, pdf.root), "StructTreeRoot");
}

/** The value of a struct tree root's /K as a list of tokens (one reference, or an array's). */
function kidsOf(dict: string): string[] {
  const array = /\/K\s*\[([^\]]*)\]/.exec(dict);
  if (array) return [...array[1]!.matchAll(/\d+ 0 R/g)].map((m) => m[0]);
  const one = /\/K\s+(\d+ 0 R)/.exec(dict);
  return one ? [one[1]!] : [];
}

/** What the joined register is made of. */
export interface RegisterPlan {
  /** How many of the body's pages are the register's (the rest are the blank pages for the tables). */
  readonly bodyPages: number;
  readonly outline: readonly OutlineItem[];
  readonly meta: RegisterMeta;
}

/**
 * The register: the body's bytes (made reproducible in place) followed by one update holding
 * the tables' objects (renumbered after the body's), a flat page tree of the body's pages then
 * the tables' (the blank pages left out), the structure trees joined, bookmarks and delib's
 * metadata. Reproducible: no clock, and a /ID that is a hash of the content.
 */
export function assembleRegister(body: PrintedBody, tables: PrintedBody, plan: RegisterPlan): Uint8Array {
  const ids = normaliseBody(body, plan.meta.date);
  // The tables' IDs as the body's: numbered in a fixed order, after the body's, so that neither
  // they nor the joined ID tree's order depend on how Chromium numbered them.
  normaliseIds(tables.pdf, ids);
  const b = body.pdf;
  const t = tables.pdf;
  const bodyCatalog = objectDict(b, b.root);
  const tablesCatalog = objectDict(t, t.root);
  const pagesRoot = refOf(bodyCatalog, "Pages")!;
  const bodyStruct = structRoot(b);
  const tablesStruct = structRoot(t);
  const bodyStructDict = bodyStruct === undefined ? "" : objectDict(b, bodyStruct);
  const tablesStructDict = tablesStruct === undefined ? "" : objectDict(t, tablesStruct);
  const structShift = Number(/\/ParentTreeNextKey (\d+)/.exec(bodyStructDict)?.[1] ?? 0);

  // The tables' objects that the update writes anew (catalog, information, page tree, structure
  // root and its trees) are left out; what referred to them refers to the body's.
  const skipped = new Map<number, number | undefined>([[t.root, b.root]]);
  if (t.info !== undefined) skipped.set(t.info, undefined);
  for (const node of pageTreeNodes(t)) skipped.set(node, pagesRoot);
  if (tablesStruct !== undefined) {
    skipped.set(tablesStruct, bodyStruct);
    for (const key of ["ParentTree", "IDTree"]) {
      const tree = refOf(tablesStructDict, key);
      if (tree !== undefined) for (const node of treeNodes(t, tree)) skipped.set(node, undefined);
    }
  }
  const base = b.size - 1;
  const renumber = (n: number): number => (skipped.has(n) ? (skipped.get(n) ?? n + base) : n + base);
  /** A dictionary of the tables' file in the joined numbering (its IDs already are: normaliseIds). */
  const moved = (dict: string): string =>
    dict
      .replace(/(\d+) 0 R\b/g, (_m, n: string) => `${renumber(Number(n))} 0 R`)
      .replace(/\/(StructParents?) (\d+)/g, (_m, key: string, n: string) => `/${key} ${Number(n) + structShift}`);

  const out: Buffer[] = [];
  let length = b.bytes.length;
  const offsets = new Map<number, number>();
  const push = (chunk: Buffer) => {
    out.push(chunk);
    length += chunk.length;
  };
  const write = (number: number, body: string) => {
    offsets.set(number, length);
    push(Buffer.from(`${number} 0 obj\n${body}\nendobj\n`, "latin1"));
  };
  if (b.bytes[b.bytes.length - 1] !== 0x0a) push(Buffer.from("\n", "latin1"));

  // The tables' own objects, renumbered; a stream's bytes are copied as they are.
  const tablePages = new Set(tables.pages);
  for (const number of [...t.offsets.keys()].sort((x, y) => x - y)) {
    if (number === 0 || skipped.has(number)) continue;
    const { start, end } = objectExtent(t, number);
    const whole = t.bytes.subarray(start, end);
    const bodyStart = whole.toString("latin1", 0, Math.min(whole.length, 64)).indexOf("obj") + 3;
    const stream = streamStart(whole);
    const dict = whole.toString("latin1", bodyStart, stream?.dictEnd ?? whole.length - "endobj".length).trim();
    let rewritten = moved(dict);
    if (tablePages.has(number)) rewritten = rewritten.replace(/\/Parent \d+ 0 R/, `/Parent ${pagesRoot} 0 R`);
    offsets.set(number + base, length);
    if (stream === undefined) {
      push(Buffer.from(`${number + base} 0 obj\n${rewritten}\nendobj\n`, "latin1"));
    } else {
      // The stream's bytes and its `endstream` as they are.
      push(Buffer.from(`${number + base} 0 obj\n${rewritten} stream\n`, "latin1"));
      push(whole.subarray(stream.data, whole.length - "endobj".length));
      push(Buffer.from("endobj\n", "latin1"));
    }
  }

  // One flat page tree: every page under the root, the body's blank pages left out.
  const kept = body.pages.slice(0, plan.bodyPages);
  for (const page of kept) write(page, objectDict(b, page).replace(/\/Parent \d+ 0 R/, `/Parent ${pagesRoot} 0 R`));
  const allPages = [...kept, ...tables.pages.map((p) => p + base)];
  write(pagesRoot, `<</Type /Pages\n/Count ${allPages.length}\n/Kids [${allPages.map((p) => `${p} 0 R`).join(" ")}]>>`);

  let next = b.size + t.size - 1;
  const newObject = () => next++;
  // One structure tree: both documents' elements under the body's root; the tables' parent
  // keys after the body's, their IDs after the body's.
  if (bodyStruct !== undefined) {
    const kids = [...kidsOf(bodyStructDict), ...kidsOf(tablesStructDict).map((k) => moved(k))];
    const entries = [`/Type /StructTreeRoot`, `/K [${kids.join(" ")}]`];
    const bodyParents = refOf(bodyStructDict, "ParentTree");
    const tablesParents = refOf(tablesStructDict, "ParentTree");
    const nums = [
      ...(bodyParents === undefined ? [] : treeEntries(b, bodyParents, "Nums")),
      ...(tablesParents === undefined ? [] : treeEntries(t, tablesParents, "Nums").map(({ key, value }) => ({ key: String(Number(key) + structShift), value: moved(value) }))),
    ].sort((x, y) => Number(x.key) - Number(y.key));
    const parentTree = bodyParents ?? newObject();
    write(parentTree, `<</Type /ParentTree\n/Nums [${nums.map(({ key, value }) => `${key} ${value}`).join(" ")}]>>`);
    const tablesNext = Number(/\/ParentTreeNextKey (\d+)/.exec(tablesStructDict)?.[1] ?? 0);
    entries.push(`/ParentTree ${parentTree} 0 R`, `/ParentTreeNextKey ${structShift + tablesNext}`);
    const bodyIds = refOf(bodyStructDict, "IDTree");
    const tablesIds = refOf(tablesStructDict, "IDTree");
    const names = [
      ...(bodyIds === undefined ? [] : treeEntries(b, bodyIds, "Names")),
      ...(tablesIds === undefined ? [] : treeEntries(t, tablesIds, "Names").map(({ key, value }) => ({ key: moved(key), value: moved(value) }))),
    ].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    if (names.length > 0) {
      const idTree = bodyIds ?? newObject();
      write(idTree, `<</Names [${names.map(({ key, value }) => `${key} ${value}`).join(" ")}]>>`);
      entries.push(`/IDTree ${idTree} 0 R`);
    }
    const roleMap = /\/RoleMap\s*(<<[^>]*>>|\d+ 0 R)/.exec(bodyStructDict);
    if (roleMap) entries.push(`/RoleMap ${roleMap[1]}`);
    write(bodyStruct, `<<${entries.join("\n")}>>`);
  }

  const pageOf = (page: number) => allPages[page - 1]!;
  const startOf = new Map([...body.starts].filter(([, page]) => page <= plan.bodyPages));
  for (const [name, page] of tables.starts) startOf.set(name, page + plan.bodyPages);
  const outline = writeOutline(plan.outline, (name) => {
    const page = startOf.get(name);
    if (page === undefined) throw new UnexpectedPdf(`no destination ${name}`);
    return pageOf(page);
  }, newObject, write);

  const { meta } = plan;
  const date = pdfDate(meta.date);
  const info = newObject();
  write(info, `<</Title ${pdfString(meta.title)}\n/Author ${pdfString(meta.author)}\n/Subject ${pdfString(meta.subject)}\n/Creator (delib)\n/Producer (delib)\n/CreationDate (${date})\n/ModDate (${date})>>`);
  const catalog = bodyCatalog
    .replace(/^<<|>>$/g, "")
    .replace(/\/Lang\s*(\([^)]*\)|<[^>]*>)/, "")
    .replace(/\/ViewerPreferences\s*<<[^>]*>>/, "")
    .replace(/\/(Outlines|ViewerPreferences)\s+\d+ 0 R/g, "")
    .replace(/\/PageMode\s*\/\w+/, "")
    .trim();
  const extra = [`/Lang ${pdfString(meta.language)}`, "/ViewerPreferences <</DisplayDocTitle true>>"];
  if (outline !== undefined) extra.push(`/Outlines ${outline} 0 R`, "/PageMode /UseOutlines");
  write(b.root, `<<${catalog}\n${extra.join("\n")}>>`);
  void tablesCatalog;

  const hash = createHash("sha256").update(b.bytes);
  for (const chunk of out) hash.update(chunk);
  const id = hash.update(JSON.stringify(plan)).digest("hex").slice(0, 32);
  const xrefAt = length;
  let xref = "xref\n0 1\n0000000000 65535 f \n";
  for (const number of [...offsets.keys()].sort((x, y) => x - y)) xref += `${number} 1\n${String(offsets.get(number)).padStart(10, "0")} 00000 n \n`;
  xref += `trailer\n<</Size ${next}\n/Root ${b.root} 0 R\n/Info ${info} 0 R\n/Prev ${b.xrefAt}\n/ID [<${id}> <${id}>]>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  push(Buffer.from(xref, "latin1"));
  // Written after the body in its own buffer when the printer left room there (print-stream.ts):
  // a register of 30 MB is then never copied.
  const { buffer, byteOffset } = b.bytes;
  if (byteOffset + length > buffer.byteLength) return Buffer.concat([b.bytes, ...out]);
  const whole = Buffer.from(buffer, byteOffset, length);
  let at = b.bytes.length;
  for (const chunk of out) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}

/** Where an object's dictionary ends and its stream's bytes start, if it has a stream (`<<...>> stream`). */
function streamStart(whole: Buffer): { dictEnd: number; data: number } | undefined {
  const keyword = />>\s*stream\r?\n/.exec(whole.toString("latin1", 0, Math.min(whole.length, 64 * 1024)));
  return keyword ? { dictEnd: keyword.index + 2, data: keyword.index + keyword[0].length } : undefined;
}

/** The page tree's inner nodes of a PDF. */
function pageTreeNodes(pdf: ChromiumPdf): number[] {
  const nodes: number[] = [];
  const walk = (number: number): void => {
    const dict = objectDict(pdf, number);
    if (!/\/Type\s*\/Pages\b/.test(dict)) return;
    nodes.push(number);
    for (const kid of [.../\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1]?.matchAll(/(\d+) 0 R/g) ?? []]) walk(Number(kid[1]));
  };
  walk(refOf(objectDict(pdf, pdf.root), "Pages")!);
  return nodes;
}

/** Bookmarks (ISO 32000-1 12.3.3): top-level items open, each opening its part's first page; returns the outline's root. */
function writeOutline(
  items: readonly OutlineItem[],
  pageOf: (destination: string) => number,
  newObject: () => number,
  write: (number: number, body: string) => void,
): number | undefined {
  if (items.length === 0) return undefined;
  const root = newObject();
  const level = (list: readonly OutlineItem[], parent: number, open: boolean): { first: number; last: number; visible: number } => {
    const refs = list.map(() => newObject());
    let visible = list.length;
    list.forEach((item, i) => {
      const entries = [`/Title ${pdfString(item.title)}`, `/Parent ${parent} 0 R`, `/Dest [${pageOf(item.destination)} 0 R /XYZ null null null]`];
      if (i > 0) entries.push(`/Prev ${refs[i - 1]} 0 R`);
      if (i < list.length - 1) entries.push(`/Next ${refs[i + 1]} 0 R`);
      if (item.children.length > 0) {
        const below = level(item.children, refs[i]!, false);
        // A negative count: the item starts closed (its children are not counted as visible).
        entries.push(`/First ${below.first} 0 R`, `/Last ${below.last} 0 R`, `/Count ${open ? below.visible : -below.visible}`);
        if (open) visible += below.visible;
      }
      write(refs[i]!, `<<${entries.join("\n")}>>`);
    });
    return { first: refs[0]!, last: refs[refs.length - 1]!, visible };
  };
  const top = level(items, root, true);
  write(root, `<</Type /Outlines\n/First ${top.first} 0 R\n/Last ${top.last} 0 R\n/Count ${top.visible}>>`);
  return root;
}
