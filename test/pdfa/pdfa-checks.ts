// Structural checks of an archival PDF against ISO 19005-2 (PDF/A-2) and ISO 19005-3 (PDF/A-3),
// each named by its clause, with the tools a developer and CI have (qpdf, poppler's pdffonts)
// and pdf-lib to walk the objects. Not a validator: what veraPDF would check and these do not
// (glyph widths, content stream operators, colour spaces inside content) is left to it.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { XMLParser } from "fast-xml-parser";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, decodePDFRawStream, type PDFObject } from "pdf-lib";

/** Runs `fn` with the PDF written to a file of its own. */
export function withFile<T>(pdf: Uint8Array, fn: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "delib-pdfa-"));
  try {
    const file = join(dir, "document.pdf");
    writeFileSync(file, pdf);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `qpdf --check`: exit code and what it said (6.1: the file structure is sound). */
export function qpdfCheck(pdf: Uint8Array): { code: number | null; output: string } {
  return withFile(pdf, (file) => {
    const run = spawnSync("qpdf", ["--check", file], { encoding: "utf8" });
    return { code: run.status, output: `${run.stdout}${run.stderr}` };
  });
}

/** pdffonts' table: each font's name, type and whether it is embedded. */
export function pdfFonts(pdf: Uint8Array): { name: string; type: string; embedded: boolean }[] {
  const out = withFile(pdf, (file) => execFileSync("pdffonts", [file], { encoding: "utf8" }));
  return out
    .split("\n")
    .slice(2)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      // name, type (may hold spaces), encoding, emb, sub, uni, object, generation
      const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      if (!m) throw new Error(`unexpected pdffonts line: ${line}`);
      return { name: m[1]!, type: m[2]!, embedded: m[4] === "yes" };
    });
}

/** Every object of the file as qpdf writes it uncompressed (for words that must not be there). */
export function uncompressedText(pdf: Uint8Array): string {
  return withFile(pdf, (file) => execFileSync("qpdf", ["--qdf", "--object-streams=disable", file, "-"], { maxBuffer: 256 * 1024 * 1024 }).toString("latin1"));
}

export async function load(pdf: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(pdf, { updateMetadata: false });
}

function resolve(doc: PDFDocument, object: PDFObject | undefined): PDFObject | undefined {
  return object instanceof PDFRef ? doc.context.lookup(object) : object;
}

function text(object: PDFObject | undefined): string | undefined {
  return object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined;
}

/** The information dictionary, its string values decoded. */
export function info(doc: PDFDocument): Record<string, string> {
  const dict = resolve(doc, doc.context.trailerInfo.Info);
  const values: Record<string, string> = {};
  if (dict instanceof PDFDict) for (const [key, value] of dict.entries()) values[key.decodeText()] = text(resolve(doc, value)) ?? String(value);
  return values;
}

/** The catalog's metadata stream: its dictionary and its bytes, as stored. */
export function metadataStream(doc: PDFDocument): { dict: PDFDict; bytes: Buffer } | undefined {
  const stream = resolve(doc, doc.catalog.get(PDFName.of("Metadata")));
  return stream instanceof PDFRawStream ? { dict: stream.dict, bytes: Buffer.from(stream.contents) } : undefined;
}

/** The XMP properties delib writes, read from the packet (namespaces by their usual prefixes). */
export function xmpProperties(xmp: string): Record<string, string> {
  const parsed = new XMLParser({ ignoreAttributes: false, removeNSPrefix: false, parseTagValue: false }).parse(xmp);
  const description = parsed["x:xmpmeta"]["rdf:RDF"]["rdf:Description"];
  const value = (node: unknown): string => {
    if (typeof node === "string") return node;
    if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      for (const container of ["rdf:Alt", "rdf:Seq", "rdf:Bag"]) if (container in record) return value((record[container] as Record<string, unknown>)["rdf:li"]);
      if ("#text" in record) return String(record["#text"]);
    }
    return "";
  };
  const properties: Record<string, string> = {};
  for (const [key, node] of Object.entries(description as Record<string, unknown>)) if (!key.startsWith("@_")) properties[key] = value(node);
  return properties;
}

/** A PDF date (D:YYYYMMDDHHmmSS+HH'mm') as an instant. */
export function pdfDateInstant(date: string): number {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:Z|([+-])(\d{2})'(\d{2})'?)?$/.exec(date);
  if (!m) throw new Error(`not a PDF date: ${date}`);
  const zone = m[7] ? `${m[7]}${m[8]}:${m[9]}` : "Z";
  return Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
}

/** The output intents of the catalog, with their profile's bytes (decoded). */
export function outputIntents(doc: PDFDocument): { subtype: string | undefined; profile: Buffer | undefined; components: number | undefined }[] {
  const array = resolve(doc, doc.catalog.get(PDFName.of("OutputIntents")));
  if (!(array instanceof PDFArray)) return [];
  return array.asArray().map((entry) => {
    const intent = resolve(doc, entry) as PDFDict;
    const subtype = intent.get(PDFName.of("S"));
    const stream = resolve(doc, intent.get(PDFName.of("DestOutputProfile")));
    const profile = stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()) : undefined;
    const n = stream instanceof PDFRawStream ? stream.dict.get(PDFName.of("N")) : undefined;
    return { subtype: subtype instanceof PDFName ? subtype.decodeText() : undefined, profile, components: n instanceof PDFNumber ? n.asNumber() : undefined };
  });
}

/** The fields of an ICC profile's header (ICC.1:2004-10, 7.2) that PDF/A looks at. */
export function iccHeader(profile: Buffer): { size: number; deviceClass: string; colourSpace: string; signature: string; version: number } {
  return {
    size: profile.readUInt32BE(0),
    deviceClass: profile.toString("latin1", 12, 16),
    colourSpace: profile.toString("latin1", 16, 20),
    signature: profile.toString("latin1", 36, 40),
    version: profile[8]!,
  };
}

/** Every annotation of every page, with its subtype and flags. */
export function annotations(doc: PDFDocument): { subtype: string; flags: number | undefined }[] {
  const found: { subtype: string; flags: number | undefined }[] = [];
  for (const page of doc.getPages()) {
    const annots = resolve(doc, page.node.get(PDFName.of("Annots")));
    if (!(annots instanceof PDFArray)) continue;
    for (const entry of annots.asArray()) {
      const annot = resolve(doc, entry) as PDFDict;
      const subtype = annot.get(PDFName.of("Subtype"));
      const flags = annot.get(PDFName.of("F"));
      found.push({ subtype: subtype instanceof PDFName ? subtype.decodeText() : "?", flags: flags instanceof PDFNumber ? flags.asNumber() : undefined });
    }
  }
  return found;
}

/** The embedded files: name, file specification entries, the embedded stream's entries, the bytes. */
export function embeddedFiles(doc: PDFDocument): {
  name: string;
  relationship: string | undefined;
  mime: string | undefined;
  modDate: string | undefined;
  size: number | undefined;
  checksum: string | undefined;
  bytes: Buffer;
  inAF: boolean;
}[] {
  const names = resolve(doc, doc.catalog.get(PDFName.of("Names")));
  const tree = names instanceof PDFDict ? resolve(doc, names.get(PDFName.of("EmbeddedFiles"))) : undefined;
  const list = tree instanceof PDFDict ? resolve(doc, tree.get(PDFName.of("Names"))) : undefined;
  if (!(list instanceof PDFArray)) return [];
  const af = resolve(doc, doc.catalog.get(PDFName.of("AF")));
  const afRefs = af instanceof PDFArray ? af.asArray().map(String) : [];
  const files = [];
  for (let i = 0; i + 1 < list.size(); i += 2) {
    const specRef = list.get(i + 1);
    const spec = resolve(doc, specRef) as PDFDict;
    const ef = resolve(doc, spec.get(PDFName.of("EF"))) as PDFDict;
    const stream = resolve(doc, ef.get(PDFName.of("F"))) as PDFRawStream;
    const params = resolve(doc, stream.dict.get(PDFName.of("Params"))) as PDFDict | undefined;
    const relationship = spec.get(PDFName.of("AFRelationship"));
    const subtype = stream.dict.get(PDFName.of("Subtype"));
    const size = params?.get(PDFName.of("Size"));
    const checksum = params?.get(PDFName.of("CheckSum"));
    files.push({
      name: text(list.get(i)) ?? "",
      relationship: relationship instanceof PDFName ? relationship.decodeText() : undefined,
      mime: subtype instanceof PDFName ? subtype.decodeText() : undefined,
      modDate: text(params?.get(PDFName.of("ModDate"))),
      size: size instanceof PDFNumber ? size.asNumber() : undefined,
      checksum: checksum instanceof PDFHexString ? checksum.asString() : undefined,
      bytes: Buffer.from(stream.dict.get(PDFName.of("Filter")) ? inflateSync(stream.contents) : stream.contents),
      inAF: afRefs.includes(String(specRef)),
    });
  }
  return files;
}
