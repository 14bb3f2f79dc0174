// `delib sign`: a PAdES signature (baseline B-B, ETSI EN 319 142-1) appended to a PDF as an
// incremental update (ISO 32000-1 7.5.6), so the bytes delib printed (and its seal, and any
// earlier signature) stay as they were. The procès-verbal is signed by the président de séance,
// then by the secrétaire de séance (CGCT L2121-15, R2121-9 for the PV); each signature is an
// update of its own. @signpdf/placeholder-pdf-lib cannot be used for the placeholder: pdf-lib
// writes the whole file again, which would break the seal and every earlier signature. The update
// is written here; @signpdf/signpdf fills its /ByteRange and /Contents.
import { readFileSync } from "node:fs";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { msg } from "../diagnostics/message.js";
import { translator } from "../diagnostics/translator.js";
import { commonName, openP12, PadesSigner, signCms, type SigningIdentity } from "./cms-signer.js";
import { unreadableFile } from "../source/load-source.js";
import { signedState, type SignedState } from "./pdf-signatures.js";
import { readPrintedRecord } from "./verify.js";

/** Who signs a procès-verbal, in the order they sign (CGCT L2121-15). */
export const pvRoles = ["president", "secretary"] as const;
export type PvRole = (typeof pvRoles)[number];

export interface SignOptions {
  /** The PDF's name as the clerk gave it, for messages. */
  readonly file: string;
  /** The PKCS#12 file's name as given. */
  readonly p12File: string;
  readonly password: string;
  /** For a procès-verbal: who signs (by default, the next in order). */
  readonly role?: PvRole;
  /** Sign a PDF delib did not print, or changed since it was printed. */
  readonly force?: boolean;
  /** The time of signing (the host's clock): /M, and the certificate must be valid then. */
  readonly now: Date;
}

export interface Signed {
  readonly value: Uint8Array | undefined;
  readonly role: PvRole | undefined;
  readonly signer: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

const BYTE_RANGE_PLACEHOLDER = "/ByteRange [0 /********** /********** /**********]";

/** The role written in /Reason, in the document's language (its /Lang; French by default). */
function reasonFor(role: PvRole, pdf: Uint8Array): string {
  const lang = [...Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1").matchAll(/\/Lang\s*\((\w\w)/g)].pop()?.[1]?.toLowerCase();
  return translator(lang === "en" ? "en" : "fr").t("sign.reason", { role });
}

/** A file to sign or to sign with, or why it cannot be read (`shown` is its name as given). */
export function readInput(path: string, shown: string, what: "pdf" | "certificate"): { bytes: Uint8Array } | { problem: Diagnostic } {
  try {
    return { bytes: readFileSync(path) };
  } catch (error) {
    return { problem: unreadableFile(shown, error, what) };
  }
}

/** Signs `pdf` with the identity in `p12`: the signed PDF, or why not. */
export async function signPdf(pdf: Uint8Array, p12: Uint8Array, options: SignOptions): Promise<Signed> {
  const refuse = (d: Diagnostic): Signed => ({ value: undefined, role: undefined, signer: undefined, diagnostics: [d] });
  const { file, p12File } = options;
  const identity = openP12(p12, options.password);
  if ("problem" in identity) {
    // A wrong password and a damaged file look alike to PKCS#12: both are named.
    const { problem } = identity;
    return refuse(
      diagnostic({
        code: "DLB4060",
        message: msg(problem === "password" ? "DLB4060" : problem === "not-rsa" ? "DLB4060.not_rsa" : "DLB4060.no_key", { file: p12File }),
        hints: [msg(problem === "password" ? "DLB4060.hint" : "DLB4060.hint.key")],
      }),
    );
  }
  const signer = commonName(identity.certificate);
  const { notBefore, notAfter } = identity.certificate.validity;
  if (options.now < notBefore || options.now > notAfter) {
    // A signature made outside its certificate's validity does not validate (eIDAS art. 32 1. (a),
    // RFC 5280 6.1.3): a préfecture or an archive would reject it, so it is refused, not warned.
    const expired = options.now > notAfter;
    return refuse(
      diagnostic({
        code: "DLB4062",
        message: msg(expired ? "DLB4062" : "DLB4062.not_yet", { file: p12File, signer, date: (expired ? notAfter : notBefore).toISOString().slice(0, 10) }),
        hints: [msg("DLB4062.hint")],
      }),
    );
  }

  if (!/^%PDF-/.test(Buffer.from(pdf.subarray(0, 8)).toString("latin1"))) return refuse(diagnostic({ code: "DLB4067", message: msg("DLB4067", { file }), hints: [msg("DLB4067.hint")] }));
  const state = await signedState(pdf);
  // What the PDF says of itself, read in the part printed when signatures follow it.
  const asPrinted = state.seal.state === "broken" && state.seal.printedLength !== undefined ? pdf.subarray(0, state.seal.printedLength) : pdf;
  const record = readPrintedRecord(asPrinted);
  const refusal = stateRefusal(state, file, options.force === true);
  if (refusal) return refuse(refusal);

  let role: PvRole | undefined;
  if (record.kind === "minutes") {
    const count = state.signatures.length;
    const next = pvRoles[count];
    role = options.role ?? next;
    if (next === undefined) return refuse(diagnostic({ code: "DLB4066", message: msg("DLB4066", { file, count }), hints: [msg("DLB4066.hint")] }));
    if (role !== next) {
      return refuse(
        role === "secretary"
          ? diagnostic({ code: "DLB4065", message: msg("DLB4065", { file }), hints: [msg("DLB4065.hint")] })
          : diagnostic({ code: "DLB4066", message: msg("DLB4066.president", { file }), hints: [msg("DLB4066.hint.president")] }),
      );
    }
  } else if (options.role !== undefined) {
    return refuse(diagnostic({ code: "DLB4068", message: msg("DLB4068", { file, role: options.role }), hints: [msg("DLB4068.hint")] }));
  }

  let prepared: Buffer;
  try {
    prepared = await withPlaceholder(pdf, { name: signer, reason: role ? reasonFor(role, pdf) : undefined, date: options.now, bytes: signatureRoom(identity) });
  } catch {
    return refuse(diagnostic({ code: "DLB4067", message: msg("DLB4067", { file }), hints: [msg("DLB4067.hint")] }));
  }
  const { SignPdf } = await import("@signpdf/signpdf");
  const signed = await new SignPdf().sign(prepared, new PadesSigner(identity));
  return { value: new Uint8Array(signed), role, signer, diagnostics: [] };
}

/** Why the PDF must not be signed as it stands (a PDF delib did not print, or changed since). */
function stateRefusal(state: SignedState, file: string, force: boolean): Diagnostic | undefined {
  switch (state.state) {
    case "printed":
    case "signed":
      return undefined;
    case "unsealed":
      // delib signs what it printed: a signature on a document whose origin it cannot check
      // would lend that document the register's authority. `--force` is the clerk's word for it.
      return force ? undefined : diagnostic({ code: "DLB4063", message: msg("DLB4063", { file }), hints: [msg("DLB4063.hint")] });
    default:
      // Changed after printing, or after a signature: signing it would approve the change.
      return force ? undefined : diagnostic({ code: "DLB4064", message: msg(state.state === "invalid" ? "DLB4064.invalid" : "DLB4064", { file }), hints: [msg("DLB4064.hint")] });
  }
}

/**
 * Room for the CMS signature: its size does not depend on the bytes signed (a digest and an RSA
 * signature have fixed lengths), so a signature of nothing measures it; a margin for DER lengths.
 */
function signatureRoom(identity: SigningIdentity): number {
  return signCms(new Uint8Array(0), identity).length + 64;
}

/** A PDF date in UTC: D:YYYYMMDDHHmmSS+00'00'. */
function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+00'00'`;
}

/**
 * The PDF with an incremental update that adds an empty signature: the signature dictionary
 * (ByteRange and Contents to fill), an invisible widget on the first page (/Rect [0 0 0 0], so
 * PDF/A needs no appearance for it, ISO 19005-2 6.3.3; /F 132 = Print and Locked, since PDF/A
 * requires Print, 6.3.2), the form (/SigFlags 3: signed, append only), and a cross-reference
 * section whose /Prev is the last one. Throws when the PDF cannot be read.
 */
async function withPlaceholder(pdf: Uint8Array, signature: { name: string; reason: string | undefined; date: Date; bytes: number }): Promise<Buffer> {
  const lib = await import("pdf-lib");
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  // The last trailer: delib's PDFs (Chromium's, then delib's updates) use classic ones.
  // (searched from the last `trailer`: from the first, a lazy match would span every update).
  const trailer = /^trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(text.slice(text.lastIndexOf("trailer")));
  if (!trailer) throw new Error("no classic trailer at the end of the PDF");
  const size = Number(/\/Size\s+(\d+)/.exec(trailer[1]!)![1]);
  const previous = Number(trailer[2]);
  const info = /\/Info\s+(\d+\s+\d+\s+R)/.exec(trailer[1]!)?.[1];
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer[1]!)?.[1];

  const doc = await lib.PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: false, throwOnInvalidObject: true, parseSpeed: lib.ParseSpeeds.Fastest });
  const context = doc.context;
  const rootRef = context.trailerInfo.Root as import("pdf-lib").PDFRef;
  const catalog = doc.catalog;
  const page = doc.getPage(0);
  const N = lib.PDFName.of;

  let next = size;
  const objects = new Map<number, string>();
  const sigNumber = next++;
  const widgetNumber = next++;
  const fieldCount = (() => {
    const form = catalog.lookup(N("AcroForm"));
    const fields = form instanceof lib.PDFDict ? form.lookup(N("Fields")) : undefined;
    return fields instanceof lib.PDFArray ? fields.size() : 0;
  })();
  const textString = (value: string) => lib.PDFHexString.fromText(value).toString();

  objects.set(
    sigNumber,
    [
      "<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached",
      BYTE_RANGE_PLACEHOLDER,
      `/Contents <${"0".repeat(signature.bytes * 2)}>`,
      `/M (${pdfDate(signature.date)})`,
      `/Name ${textString(signature.name)}`,
      ...(signature.reason ? [`/Reason ${textString(signature.reason)}`] : []),
      ">>",
    ].join("\n"),
  );
  objects.set(widgetNumber, `<</Type /Annot /Subtype /Widget /FT /Sig /T ${textString(`Signature${fieldCount + 1}`)} /V ${sigNumber} 0 R /F 132 /Rect [0 0 0 0] /P ${page.ref.toString()}>>`);

  // The page again, its annotations with the widget (in place when they are an object of their own).
  const annots = page.node.get(N("Annots"));
  const widgetRef = lib.PDFRef.of(widgetNumber);
  if (annots instanceof lib.PDFRef) {
    const array = context.lookup(annots, lib.PDFArray).clone(context);
    array.push(widgetRef);
    objects.set(annots.objectNumber, array.toString());
  } else {
    const pageDict = page.node.clone(context);
    const array = annots instanceof lib.PDFArray ? annots.clone(context) : context.obj([]);
    array.push(widgetRef);
    pageDict.set(N("Annots"), array);
    objects.set(page.ref.objectNumber, pageDict.toString());
  }

  // The form: the widget among its fields, and /SigFlags 3.
  const formEntry = catalog.get(N("AcroForm"));
  const formDict = (formEntry instanceof lib.PDFRef ? context.lookup(formEntry, lib.PDFDict) : formEntry instanceof lib.PDFDict ? formEntry : context.obj({})).clone(context);
  const fieldsEntry = formDict.get(N("Fields"));
  if (fieldsEntry instanceof lib.PDFRef) {
    const fields = context.lookup(fieldsEntry, lib.PDFArray).clone(context);
    fields.push(widgetRef);
    objects.set(fieldsEntry.objectNumber, fields.toString());
  } else {
    const fields = fieldsEntry instanceof lib.PDFArray ? fieldsEntry.clone(context) : context.obj([]);
    fields.push(widgetRef);
    formDict.set(N("Fields"), fields);
  }
  formDict.set(N("SigFlags"), lib.PDFNumber.of(3));
  if (formEntry instanceof lib.PDFRef) {
    objects.set(formEntry.objectNumber, formDict.toString());
  } else {
    const formNumber = next++;
    objects.set(formNumber, formDict.toString());
    const catalogDict = catalog.clone(context);
    catalogDict.set(N("AcroForm"), lib.PDFRef.of(formNumber));
    objects.set(rootRef.objectNumber, catalogDict.toString());
  }

  let update = text.endsWith("\n") ? "" : "\n";
  const offsets = new Map<number, number>();
  for (const [number, body] of objects) {
    offsets.set(number, text.length + update.length);
    update += `${number} 0 obj\n${body}\nendobj\n`;
  }
  const xrefAt = text.length + update.length;
  update += "xref\n0 1\n0000000000 65535 f \n";
  for (const number of [...offsets.keys()].sort((a, b) => a - b)) {
    update += `${number} 1\n${String(offsets.get(number)).padStart(10, "0")} 00000 n \n`;
  }
  update += `trailer\n<</Size ${next}\n/Root ${rootRef.toString()}${info ? `\n/Info ${info}` : ""}\n/Prev ${previous}${id ? `\n/ID ${id}` : ""}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([Buffer.from(pdf), Buffer.from(update, "latin1")]);
}
