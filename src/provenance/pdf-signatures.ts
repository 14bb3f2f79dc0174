// The signatures of a PDF (ISO 32000-1 12.8, PAdES): each signature dictionary's /ByteRange
// names the bytes it signs (the whole file as it was when signed, but the /Contents that hold the
// CMS signature). Each is checked here: the CMS message digest against those bytes, and the CMS
// signature over its signed attributes against the certificate it carries. Whether the
// certificate is trusted (a chain to a known authority) is not asked: that is the reader's
// trust store, not the document.
import { createHash, verify as verifySignature, X509Certificate } from "node:crypto";
import forge from "node-forge";
import { checkSeal, type SealCheck } from "../browser/pdf-seal.js";
import { pdfChangesAlong } from "./pdf-changes.js";
import { lastStartxref, objectAt, updateObjects, xrefChain } from "./pdf-xref.js";

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

/** One signature of a PDF, as read and checked. */
export interface SignatureCheck {
  /** The signer: the common name of the signing certificate (or the /Name when unreadable). */
  readonly signer: string | undefined;
  /** The /Reason of the signature dictionary (delib writes the role there). */
  readonly reason: string | undefined;
  /** The /M of the signature dictionary, as an ISO date-time, when readable. */
  readonly date: string | undefined;
  readonly subFilter: string | undefined;
  /** Where the revision it signs ends: the file's length when it was signed. */
  readonly end: number;
  /** Where the signature dictionary begins (inside the update that added it). */
  readonly at: number;
  /** Why it does not hold, or undefined when it does. */
  readonly problem: "byte-range" | "unreadable" | "digest" | "signature" | undefined;
}

function pdfText(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (raw.startsWith("<")) {
    const bytes = Buffer.from(raw.slice(1, -1).replace(/\s/g, ""), "hex");
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString("utf16le");
    return bytes.toString("latin1");
  }
  const body = raw.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_m, c: string) =>
    /^[0-7]+$/.test(c) ? String.fromCharCode(parseInt(c, 8)) : ({ n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" } as Record<string, string>)[c] ?? c,
  );
  const bytes = Buffer.from(body, "latin1");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString("utf16le");
  return body;
}

/** A PDF date (D:YYYYMMDDHHmmSS+HH'mm') as an ISO date-time. */
function pdfDate(raw: string | undefined): string | undefined {
  const m = raw && /D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(raw);
  if (!m) return undefined;
  const zone = !m[7] || m[7] === "Z" ? "Z" : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, "").slice(3, 5)}`;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().replace(/\.000Z$/, "Z");
}

const DIGESTS: Record<string, string> = {
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
  "1.3.14.3.2.26": "sha1",
};

/** The signer's common name from a certificate subject ("CN=…\nO=…"). */
function cnOf(subject: string): string | undefined {
  return subject.split("\n").find((line) => line.startsWith("CN="))?.slice(3);
}

/** Checks a CMS SignedData (DER) against the bytes it signs: the problem, and the signer. */
function checkCms(cms: Buffer, signed: Buffer): { problem: SignatureCheck["problem"]; signer: string | undefined } {
  let signedData: Asn1[];
  try {
    const contentInfo = asn1.fromDer(forge.util.createBuffer(cms.toString("binary")), { parseAllBytes: false, strict: false } as never);
    signedData = ((contentInfo.value as Asn1[])[1]!.value as Asn1[])[0]!.value as Asn1[];
  } catch {
    return { problem: "unreadable", signer: undefined };
  }
  const tagged = (n: number) => signedData.find((node) => node.tagClass === asn1.Class.CONTEXT_SPECIFIC && node.type === n);
  const certificates = ((tagged(0)?.value as Asn1[] | undefined) ?? []).flatMap((node) => {
    try {
      return [new X509Certificate(Buffer.from(asn1.toDer(node).getBytes(), "binary"))];
    } catch {
      return [];
    }
  });
  const signerInfo = ((signedData[signedData.length - 1]!.value as Asn1[])[0]?.value ?? []) as Asn1[];
  try {
    const sid = signerInfo[1]!.value as Asn1[];
    const serial = Buffer.from(sid[1]!.value as string, "binary").toString("hex").replace(/^0+/, "").toUpperCase();
    const certificate = certificates.find((c) => c.serialNumber.replace(/^0+/, "").toUpperCase() === serial) ?? certificates[0];
    const signer = certificate ? cnOf(certificate.subject) : undefined;
    const digestName = DIGESTS[asn1.derToOid(((signerInfo[2]!.value as Asn1[])[0]!.value as string))];
    const attributes = signerInfo[3]!;
    if (!digestName || !certificate || attributes.tagClass !== asn1.Class.CONTEXT_SPECIFIC) return { problem: "unreadable", signer };
    const messageDigest = (attributes.value as Asn1[]).find((a) => asn1.derToOid((a.value as Asn1[])[0]!.value as string) === "1.2.840.113549.1.9.4");
    const expected = messageDigest ? ((((messageDigest.value as Asn1[])[1]!.value as Asn1[])[0]!.value) as string) : undefined;
    if (expected === undefined || createHash(digestName).update(signed).digest("binary") !== expected) return { problem: "digest", signer };
    // The signature is over the attributes as a SET OF (RFC 5652 5.4), not as [0] IMPLICIT.
    const set = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, attributes.value as Asn1[]);
    const signature = Buffer.from(signerInfo[5]!.value as string, "binary");
    const ok = verifySignature(digestName, Buffer.from(asn1.toDer(set).getBytes(), "binary"), certificate.publicKey, signature);
    return { problem: ok ? undefined : "signature", signer };
  } catch {
    return { problem: "unreadable", signer: undefined };
  }
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/;

/**
 * The signature dictionaries of a PDF: the objects `N G obj <</Type /Sig …>>` its cross-reference
 * sections point at, with a /ByteRange. A /ByteRange anywhere else (a title, the XMP metadata of
 * a PDF/A) is text, not a signature.
 */
function signatureDictionaries(text: string): { bodyStart: number; dict: string }[] {
  const found = new Map<number, { bodyStart: number; dict: string }>();
  for (const section of xrefChain(text)) {
    for (const [number, offset] of section.offsets) {
      if (found.has(offset)) continue;
      const object = objectAt(text, offset, number);
      if (!object) continue;
      const dict = text.slice(object.bodyStart, object.bodyEnd);
      if (/^\s*<</.test(dict) && /\/Type\s*\/Sig(?![^\s/<>[\]()])/.test(dict) && BYTE_RANGE.test(dict)) found.set(offset, { bodyStart: object.bodyStart, dict });
    }
  }
  return [...found.values()];
}

/** Every signature of a PDF, in the order of the file (the first signed first). */
export function readSignatures(pdf: Uint8Array): SignatureCheck[] {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const text = bytes.toString("latin1");
  const found: SignatureCheck[] = [];
  for (const { bodyStart, dict } of signatureDictionaries(text)) {
    const m = BYTE_RANGE.exec(dict)!;
    const [a, b, c, d] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const at = bodyStart + m.index;
    const key = (name: string) => new RegExp(`/${name}\\s*(\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f\\s]*>|/[^\\s/<>\\[\\]()]+)`).exec(dict.replace(/\/Contents\s*<[0-9A-Fa-f\s]*>/, ""))?.[1];
    const base = { reason: pdfText(key("Reason")), date: pdfDate(pdfText(key("M"))), subFilter: key("SubFilter")?.slice(1), end: c + d, at };
    // The unsigned gap is exactly this dictionary's /Contents hex string, nothing more.
    const contents = /\/Contents\s*</.exec(dict);
    const contentsAt = contents ? bodyStart + contents.index + contents[0].length - 1 : -1;
    const wellFormed = a === 0 && b < c && c + d <= bytes.length && b === contentsAt && /^<[0-9A-Fa-f]*>$/.test(text.slice(b, c)) && at < c + d;
    if (!wellFormed) {
      found.push({ ...base, signer: pdfText(key("Name")), problem: "byte-range" });
      continue;
    }
    const cms = Buffer.from(text.slice(b + 1, c - 1), "hex");
    const { problem, signer } = checkCms(cms, Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]));
    found.push({ ...base, signer: signer ?? pdfText(key("Name")), problem });
  }
  return found.sort((x, y) => x.end - y.end);
}

/** What a PDF's seal and signatures say together. */
export interface SignedState {
  readonly seal: SealCheck;
  readonly signatures: readonly SignatureCheck[];
  /**
   * How the bytes stand: as printed; as printed then signed (each update after printing adds a
   * signature and nothing else, the last signature covers the file to its end); changed after
   * the last signature (`appended`: bytes after it; `between`: an update that is not only a
   * signature); a signature that does not hold; or no seal to tell.
   */
  readonly state: "printed" | "signed" | "unsealed" | "changed" | "appended" | "between" | "invalid";
}

/** The seal and the signatures of a PDF, and whether the signatures are all that changed since printing. */
export async function signedState(pdf: Uint8Array): Promise<SignedState> {
  const seal = checkSeal(pdf);
  const signatures = readSignatures(pdf);
  const state = await stateOf(pdf, seal, signatures);
  return { seal, signatures, state };
}

async function stateOf(pdf: Uint8Array, seal: SealCheck, signatures: readonly SignatureCheck[]): Promise<SignedState["state"]> {
  if (signatures.some((s) => s.problem !== undefined)) return "invalid";
  if (seal.state === "absent") return signatures.length > 0 && signatures[signatures.length - 1]!.end !== pdf.length ? "appended" : "unsealed";
  if (seal.state === "intact") return signatures.length === 0 ? "printed" : "changed";
  if (seal.printedLength === undefined || signatures.length === 0) return "changed";
  // Each revision from the print on: printed → first signature → second signature …
  const ends = [seal.printedLength, ...signatures.map((s) => s.end)];
  // Each signature in an update of its own, after the print and after the signature before it.
  if (signatures.some((s, i) => s.end <= ends[i]! || s.at < ends[i]!)) return "between";
  // Each update well formed, as a viewer reads it: its objects once each, where its
  // cross-reference section says, chained to the revision before (ISO 32000-1 7.5.6).
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const updates: number[][] = [];
  for (let i = 1; i < ends.length; i++) {
    const previous = lastStartxref(text, ends[i - 1]!);
    const objects = previous === undefined ? undefined : updateObjects(text, ends[i - 1]!, ends[i]!, previous);
    if (!objects) return "between";
    updates.push(objects);
  }
  // And each update changes nothing but adding its signature.
  const changes = await pdfChangesAlong(ends.map((end) => pdf.subarray(0, end)), { signatureUpdates: updates });
  if (!changes || changes.some((c) => c.metadata.length > 0 || c.pages.length > 0 || c.pageCount.printed !== c.pageCount.now || c.other.length > 0)) return "between";
  return ends[ends.length - 1] === pdf.length ? "signed" : "appended";
}
