// Archival PDFs (issue 14): what a PDF printed by Chromium lacks to be PDF/A-2b or PDF/A-3b
// (ISO 19005-2, ISO 19005-3), added as objects of an incremental update (ISO 32000-1 7.5.6),
// so that nothing Chromium wrote moves and delib's seal (pdf-seal.ts) still covers every byte:
//
// - an XMP metadata stream in the catalog, with the pdfaid part and conformance, and the same
//   title, author, subject, keywords, tools and dates as the information dictionary (19005-2
//   6.6.2.1, 6.6.3);
// - an output intent GTS_PDFA1 with an sRGB ICC profile (6.2.3), which makes the DeviceRGB
//   colours and the transparency groups Chromium writes (without /CS) allowed (6.2.4.3, 6.2.10);
// - the print flag on every annotation that lacks it (6.3.2): Chromium sets it on its links,
//   a PDF assembled elsewhere may not;
// - for PDF/A-3b, the session file (and its configuration) embedded as associated files with
//   the relationship /Source (19005-3 6.8), so that the PDF carries what it was printed from.
//
// Chromium embeds every font, writes no JavaScript, no actions, no encryption, and the trailer
// /ID is written by render-pdf.ts: test/pdfa/ checks each of these on real prints.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { pdfString } from "../render/pdf-string.js";

/** The archival levels delib writes. */
export const archivalLevels = ["pdfa-2b", "pdfa-3b"] as const;
export type ArchivalLevel = (typeof archivalLevels)[number];

/** A file carried inside a PDF/A-3 document. */
export interface Attachment {
  /** The file's name, as a reader's "attachments" panel shows it. */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Its MIME type, e.g. "application/yaml". */
  readonly mime: string;
  /** What it is, in a sentence. */
  readonly description: string;
  /** When it was last changed (written as the embedded file's ModDate). */
  readonly modified: Date;
}

/** How to make a PDF archival: the level and, for PDF/A-3b, the files it carries. */
export interface Archival {
  readonly level: ArchivalLevel;
  readonly attachments?: readonly Attachment[];
}

/** What the information dictionary says, which the XMP metadata must say too (ISO 19005-2 6.6.3). */
export interface DocumentInfo {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: string | undefined;
  readonly creator: string;
  readonly producer: string;
  /** The PDF dates as written (D:YYYYMMDDHHmmSS+HH'mm'), when there are. */
  readonly creationDate: string | undefined;
  readonly modDate: string | undefined;
}

/** A PDF object written by the update: its number and its text (latin1, one byte a character). */
export interface PdfObject {
  readonly number: number;
  readonly body: string;
}

/** The sRGB profile of the output intent (templates/default/icc/README.md says where it comes from). */
const ICC_PATH = new URL("../../templates/default/icc/sRGB.icc", import.meta.url);
let icc: Buffer | undefined;
function iccProfile(): Buffer {
  icc ??= readFileSync(ICC_PATH);
  return icc;
}

/** The output condition the profile describes (ICC registry name of sRGB). */
const OUTPUT_CONDITION = "sRGB IEC61966-2.1";

/** A PDF date (D:YYYYMMDDHHmmSS+HH'mm') as an XMP date (YYYY-MM-DDTHH:mm:ss+HH:mm), the same instant. */
export function xmpDate(pdfDate: string): string {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:(Z)|([+-])(\d{2})'(\d{2})'?)?$/.exec(pdfDate);
  if (!m) throw new Error(`not a PDF date: ${pdfDate}`);
  const zone = m[8] ? `${m[8]}${m[9]}:${m[10]}` : "Z";
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`;
}

/** A PDF date, D:YYYYMMDDHHmmSS+00'00', always in UTC. */
export function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+00'00'`;
}

/** The text of a PDF string token, `( … )` or `< … >` (ISO 32000-1 7.3.4, 7.9.2.2). */
export function decodePdfString(token: string): string {
  let bytes: number[] = [];
  if (token.startsWith("<")) {
    const hex = token.slice(1, -1).replace(/\s/g, "");
    for (let i = 0; i < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2).padEnd(2, "0"), 16));
  } else {
    const body = token.slice(1, -1);
    const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
    for (let i = 0; i < body.length; i++) {
      const c = body[i]!;
      if (c !== "\\") {
        bytes.push(c.charCodeAt(0) & 0xff);
        continue;
      }
      const next = body[++i];
      if (next === undefined) break;
      if (next in escapes) bytes.push(escapes[next]!);
      else if (/[0-7]/.test(next)) {
        const octal = /^[0-7]{1,3}/.exec(body.slice(i))![0];
        bytes.push(parseInt(octal, 8) & 0xff);
        i += octal.length - 1;
      } else if (next === "\r" || next === "\n") {
        if (next === "\r" && body[i + 1] === "\n") i++;
      } else bytes.push(next.charCodeAt(0) & 0xff);
    }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    bytes = bytes.slice(2);
    let text = "";
    for (let i = 0; i + 1 < bytes.length; i += 2) text += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return text;
  }
  // PDFDocEncoding agrees with Latin-1 on every character delib writes this way (printable ASCII).
  return String.fromCharCode(...bytes);
}

/** A PDF text string as a reader gets it back: what the XMP must repeat, byte for character. */
function asWritten(text: string): string {
  return decodePdfString(pdfString(text));
}

function xml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

/**
 * The XMP packet (ISO 16684-1) of an archival document: the PDF/A identification (ISO 19005-2
 * 6.6.4) and every entry of the information dictionary in its XMP equivalent (6.6.3, table 1 of
 * ISO 19005-1 6.7.3): Title → dc:title, Author → dc:creator, Subject → dc:description, Keywords →
 * pdf:Keywords, Creator → xmp:CreatorTool, Producer → pdf:Producer, CreationDate →
 * xmp:CreateDate, ModDate → xmp:ModifyDate. Only predefined schemas: no extension schema is
 * needed (6.6.2.3). No `bytes` or `encoding` attribute in the packet header (6.6.2.1).
 */
export function xmpPacket(info: DocumentInfo, level: ArchivalLevel, language: string | undefined): string {
  const part = level === "pdfa-3b" ? 3 : 2;
  const lines = [
    `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>`,
    `<x:xmpmeta xmlns:x="adobe:ns:meta/">`,
    ` <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`,
    `  <rdf:Description rdf:about=""`,
    `    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"`,
    `    xmlns:dc="http://purl.org/dc/elements/1.1/"`,
    `    xmlns:xmp="http://ns.adobe.com/xap/1.0/"`,
    `    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">`,
    `   <pdfaid:part>${part}</pdfaid:part>`,
    `   <pdfaid:conformance>B</pdfaid:conformance>`,
    `   <dc:format>application/pdf</dc:format>`,
    `   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.title)}</rdf:li></rdf:Alt></dc:title>`,
    `   <dc:creator><rdf:Seq><rdf:li>${xml(info.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.subject)}</rdf:li></rdf:Alt></dc:description>`,
    ...(language ? [`   <dc:language><rdf:Bag><rdf:li>${xml(language)}</rdf:li></rdf:Bag></dc:language>`] : []),
    ...(info.keywords !== undefined ? [`   <pdf:Keywords>${xml(info.keywords)}</pdf:Keywords>`] : []),
    `   <pdf:Producer>${xml(info.producer)}</pdf:Producer>`,
    `   <xmp:CreatorTool>${xml(info.creator)}</xmp:CreatorTool>`,
    ...(info.creationDate ? [`   <xmp:CreateDate>${xmpDate(info.creationDate)}</xmp:CreateDate>`] : []),
    ...(info.modDate ? [`   <xmp:ModifyDate>${xmpDate(info.modDate)}</xmp:ModifyDate>`, `   <xmp:MetadataDate>${xmpDate(info.modDate)}</xmp:MetadataDate>`] : []),
    `  </rdf:Description>`,
    ` </rdf:RDF>`,
    `</x:xmpmeta>`,
    `<?xpacket end="r"?>`,
  ];
  return `${lines.join("\n")}\n`;
}

/** A stream object's text: its dictionary entries, /Length, and the bytes (as latin1). */
function stream(entries: string, data: Buffer): string {
  // ISO 19005-2 6.1.7.1: `stream` followed by an end of line, `endstream` preceded by one.
  return `<<${entries}\n/Length ${data.length}>>\nstream\n${data.toString("latin1")}\nendstream`;
}

/** A name token for any text: characters outside the regular ones as #xx (ISO 32000-1 7.3.5). */
function nameToken(text: string): string {
  return `/${[...Buffer.from(text, "utf8")].map((b) => (b > 0x20 && b < 0x7f && !"#()<>[]{}/%".includes(String.fromCharCode(b)) ? String.fromCharCode(b) : `#${b.toString(16).padStart(2, "0").toUpperCase()}`)).join("")}`;
}

/** What the update changes in the catalog and adds beside it. */
export interface ArchivalUpdate {
  /** New and replaced objects (numbers from `firstFree` up, and the annotations' own). */
  readonly objects: PdfObject[];
  /** Entries the catalog gains (it loses any earlier entries of the same keys). */
  readonly catalog: string[];
  /** The next free object number after those used. */
  readonly next: number;
}

/** The keys `archivalUpdate` sets in the catalog. */
const CATALOG_KEYS = ["Metadata", "OutputIntents", "AF", "Version"];

/**
 * The objects that make the PDF `text` (latin1, classic cross-reference table, as Chromium and
 * pdf-lib without object streams write it) archival at `archival.level`, numbered from
 * `firstFree`; `info` is what its information dictionary says, `catalogBody` its catalog's
 * entries. Pure: the same input gives the same objects.
 */
export function archivalUpdate(text: string, catalogBody: string, info: DocumentInfo, language: string | undefined, archival: Archival, firstFree: number): ArchivalUpdate {
  if (/\/Type\s*\/ObjStm\b/.test(text)) throw new Error("archival PDFs: object streams are not supported");
  let next = firstFree;
  const objects: PdfObject[] = [];
  const catalog: string[] = [];

  // 6.6.2.1: the metadata stream is not filtered, so that any tool can read it.
  const metadata = next++;
  objects.push({ number: metadata, body: stream("/Type /Metadata\n/Subtype /XML", Buffer.from(xmpPacket(info, archival.level, language), "utf8")) });
  catalog.push(`/Metadata ${metadata} 0 R`);

  // 6.2.3: one PDF/A output intent, its profile an RGB monitor profile (/N 3).
  const profile = next++;
  const intent = next++;
  objects.push({ number: profile, body: stream("/N 3\n/Filter /FlateDecode", deflateSync(iccProfile(), { level: 9 })) });
  objects.push({
    number: intent,
    body: `<</Type /OutputIntent\n/S /GTS_PDFA1\n/OutputConditionIdentifier ${pdfString(OUTPUT_CONDITION)}\n/Info ${pdfString(OUTPUT_CONDITION)}\n/RegistryName (http://www.color.org)\n/DestOutputProfile ${profile} 0 R>>`,
  });
  catalog.push(`/OutputIntents [${intent} 0 R]`);
  // ISO 19005-2 is based on PDF 1.7 (ISO 32000-1); Chromium's header says 1.4.
  catalog.push("/Version /1.7");

  // 6.3.2: every annotation printable (F bit 3 set; Hidden, Invisible, NoView clear).
  for (const found of annotationObjects(text)) {
    const flags = /\/F\s+(\d+)/.exec(found.body);
    const wanted = flags ? (Number(flags[1]) | 4) & ~(1 | 2 | 32) : 4;
    if (flags && Number(flags[1]) === wanted) continue;
    const fixed = flags ? found.body.replace(/\/F\s+\d+/, `/F ${wanted}`) : `/F 4\n${found.body}`;
    objects.push({ number: found.number, body: `<<${fixed}>>` });
  }

  // ISO 19005-3 6.8: each embedded file with its MIME type, its date, and its relationship to
  // the document; all of them listed in the catalog's /AF and in the EmbeddedFiles name tree.
  const attachments = archival.level === "pdfa-3b" ? (archival.attachments ?? []) : [];
  if (attachments.length > 0) {
    const specs: { name: string; ref: number }[] = [];
    for (const file of attachments) {
      const data = Buffer.from(file.bytes);
      const embedded = next++;
      const spec = next++;
      const checksum = createHash("md5").update(data).digest("hex").toUpperCase();
      objects.push({
        number: embedded,
        body: stream(
          `/Type /EmbeddedFile\n/Subtype ${nameToken(file.mime)}\n/Params <</Size ${data.length}\n/ModDate (${pdfDate(file.modified)})\n/CheckSum <${checksum}>>>\n/Filter /FlateDecode`,
          deflateSync(data, { level: 9 }),
        ),
      });
      // /F in bytes a reader of PDF 1.4 can show; /UF the name in Unicode (ISO 32000-1 7.11.3).
      const plain = file.name.normalize("NFD").replace(/\p{M}/gu, "").replace(/[^\x20-\x7e]/g, "_");
      objects.push({
        number: spec,
        body: `<</Type /Filespec\n/F ${pdfString(plain)}\n/UF ${pdfString(file.name)}\n/Desc ${pdfString(file.description)}\n/AFRelationship /Source\n/EF <</F ${embedded} 0 R\n/UF ${embedded} 0 R>>>>`,
      });
      specs.push({ name: file.name, ref: spec });
    }
    catalog.push(`/AF [${specs.map((s) => `${s.ref} 0 R`).join(" ")}]`);
    // A name tree's keys are sorted as bytes (ISO 32000-1 7.9.6).
    const keys = specs.map((s) => ({ token: pdfString(s.name), ref: s.ref })).sort((a, b) => Buffer.compare(Buffer.from(decodeKey(a.token), "latin1"), Buffer.from(decodeKey(b.token), "latin1")));
    const tree = `/EmbeddedFiles <</Names [${keys.map((k) => `${k.token} ${k.ref} 0 R`).join(" ")}]>>`;
    const names = /\/Names\s*(?:(\d+) 0 R|<<)/.exec(catalogBody);
    if (!names) catalog.push(`/Names <<${tree}>>`);
    else if (names[1] !== undefined) {
      const own = new RegExp(`(?:^|\\n)${names[1]} 0 obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(text);
      if (!own || own[1]!.includes("/EmbeddedFiles")) throw new Error("archival PDFs: unexpected name dictionary");
      objects.push({ number: Number(names[1]), body: `<<${tree}\n${own[1]}>>` });
    } else {
      throw new Error("archival PDFs: unexpected name dictionary");
    }
  }
  return { objects, catalog, next };
}

/**
 * The annotation dictionaries of `text` that are objects of their own (Chromium and pdf-lib
 * write them so), each with its number and its entries; the last definition of each wins.
 */
export function annotationObjects(text: string): { number: number; body: string }[] {
  const found = new Map<number, string>();
  for (const hit of text.matchAll(/\/Type\s*\/Annot\b/g)) {
    const before = text.slice(Math.max(0, hit.index - 20_000), hit.index);
    const header = [...before.matchAll(/(?:^|[\r\n])(\d+) 0 obj\s*<</g)].pop();
    const end = text.indexOf("endobj", hit.index);
    if (!header || end < 0) continue;
    const start = hit.index - before.length + header.index + header[0].length;
    const rest = text.slice(start, end).trimEnd();
    // A dictionary object, not a stream that happens to hold the words.
    if (!rest.endsWith(">>") || /\bstream[\r\n]/.test(rest) || /\bendobj\b/.test(text.slice(start, hit.index))) continue;
    found.set(Number(header[1]), rest.slice(0, -2));
  }
  return [...found].map(([number, body]) => ({ number, body }));
}

/** The bytes a PDF string token stands for, for sorting keys. */
function decodeKey(token: string): string {
  const text = decodePdfString(token);
  return token.startsWith("<") ? `\u00fe\u00ff${[...text].map((c) => String.fromCharCode(c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff)).join("")}` : text;
}

/** The catalog's entries without those `archivalUpdate` sets, then its own. */
export function archivalCatalog(entries: string, update: ArchivalUpdate): string {
  let kept = entries;
  for (const key of CATALOG_KEYS) kept = kept.replace(new RegExp(`/${key}\\s*(\\d+ \\d+ R|\\[[^\\]]*\\]|/\\S+)`), "");
  return `${kept.trim()}\n${update.catalog.join("\n")}`;
}

/** The information dictionary's values, as delib writes them, for the XMP. */
export function documentInfo(meta: { title: string; author: string; subject: string; keywords?: readonly string[]; date: Date }): DocumentInfo {
  const date = pdfDate(meta.date);
  return {
    title: asWritten(meta.title),
    author: asWritten(meta.author),
    subject: asWritten(meta.subject),
    keywords: meta.keywords && meta.keywords.length > 0 ? asWritten(meta.keywords.join(" ")) : undefined,
    creator: "delib",
    producer: "delib",
    creationDate: date,
    modDate: date,
  };
}

/**
 * Makes a finished PDF archival, by an incremental update: for a PDF delib did not print
 * through render-pdf.ts (the year's register, which pdf-lib assembles). Its information
 * dictionary is read, not rewritten, so what the XMP says is what it says; the language is the
 * catalog's /Lang.
 */
export function archivePdf(bytes: Uint8Array, archival: Archival): Uint8Array {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  // The last trailer: the file may end with updates of its own, each with its trailer.
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(text.slice(text.lastIndexOf("trailer")));
  if (!trailer) throw new Error("archival PDFs: no classic trailer");
  const size = Number(/\/Size (\d+)/.exec(trailer[1]!)![1]);
  const root = Number(/\/Root (\d+) 0 R/.exec(trailer[1]!)![1]);
  const infoRef = /\/Info (\d+) 0 R/.exec(trailer[1]!);
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer[1]!);
  const objectBody = (number: number): string => {
    // The last definition wins (an earlier update's).
    const all = [...text.matchAll(new RegExp(`(?:^|\\n)${number} 0 obj\\s*<<([\\s\\S]*?)>>\\s*endobj`, "g"))];
    const found = all[all.length - 1];
    if (!found) throw new Error(`archival PDFs: no object ${number}`);
    return found[1]!;
  };
  const infoBody = infoRef ? objectBody(Number(infoRef[1])) : "";
  const value = (key: string): string | undefined => {
    const found = new RegExp(`/${key}\\s*(\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f\\s]*>)`).exec(infoBody);
    return found ? decodePdfString(found[1]!) : undefined;
  };
  const catalogBody = objectBody(root);
  const lang = /\/Lang\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/.exec(catalogBody);
  const info: DocumentInfo = {
    title: value("Title") ?? "",
    author: value("Author") ?? "",
    subject: value("Subject") ?? "",
    keywords: value("Keywords"),
    creator: value("Creator") ?? "",
    producer: value("Producer") ?? "",
    creationDate: value("CreationDate"),
    modDate: value("ModDate"),
  };
  const update = archivalUpdate(text, catalogBody, info, lang ? decodePdfString(lang[1]!) : undefined, archival, size);
  const objects = [...update.objects, { number: root, body: `<<${archivalCatalog(catalogBody, update)}>>` }];
  const digest = createHash("sha256").update(text, "latin1").digest("hex").slice(0, 32);
  const ids = id ? id[1]! : `[<${digest}> <${digest}>]`;
  return new Uint8Array(Buffer.from(text + appendedUpdate(text, objects, `/Size ${update.next}\n/Root ${root} 0 R${infoRef ? `\n/Info ${infoRef[1]} 0 R` : ""}\n/Prev ${trailer[2]}\n/ID ${ids}`), "latin1"));
}

/**
 * An incremental update (ISO 32000-1 7.5.6) writing `objects` after `text`: the objects, a
 * cross-reference section with one subsection per object, the trailer with `trailerEntries`.
 */
export function appendedUpdate(text: string, objects: readonly PdfObject[], trailerEntries: string): string {
  let update = text.endsWith("\n") ? "" : "\n";
  const offsets = new Map<number, number>();
  for (const object of objects) {
    offsets.set(object.number, text.length + update.length);
    update += `${object.number} 0 obj\n${object.body}\nendobj\n`;
  }
  const xrefAt = text.length + update.length;
  update += "xref\n0 1\n0000000000 65535 f \n";
  for (const number of [...offsets.keys()].sort((a, b) => a - b)) {
    update += `${number} 1\n${String(offsets.get(number)).padStart(10, "0")} 00000 n \n`;
  }
  update += `trailer\n<<${trailerEntries}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return update;
}
