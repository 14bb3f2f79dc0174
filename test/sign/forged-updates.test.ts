// Updates that a forger signs with a certificate of their own and that must not pass for
// "signature only" (issue 14 review): a signature widget drawing over the page, a catalog given
// an action on opening, an object written twice with the cross-reference pointing at the copy
// delib did not read, a signature whose unsigned gap is more than its /Contents. Each is a real
// signature (@signpdf/signpdf with delib's PAdES signer) over a real printed procès-verbal;
// `delib verify` must say the PDF changed (DLB4071, exit 10). And a /ByteRange written as text
// (a title) is no signature.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SignPdf } from "@signpdf/signpdf";
import { PDFDocument, PDFName, PDFRef } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { VerifyExitCode } from "../../src/cli/exit-codes.js";
import { openP12, PadesSigner, signCms, type SigningIdentity } from "../../src/provenance/cms-signer.js";
import { readSignatures, signedState } from "../../src/provenance/pdf-signatures.js";
import { runCli } from "../support/run-cli.js";
import { pvName, signingFixture, type SigningFixture } from "./fixture.js";

const PLACEHOLDER = "/ByteRange [0 /********** /********** /**********]";

interface Printed {
  readonly bytes: Buffer;
  readonly size: number;
  readonly prev: number;
  readonly root: PDFRef;
  readonly page: PDFRef;
  readonly pageDict: string;
  readonly catalogDict: string;
  readonly trailerRest: string;
}

async function printedFacts(bytes: Buffer): Promise<Printed> {
  const text = bytes.toString("latin1");
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(text.slice(text.lastIndexOf("trailer")))!;
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const root = doc.context.trailerInfo.Root as PDFRef;
  const page = doc.getPage(0);
  const info = /\/Info\s+(\d+\s+\d+\s+R)/.exec(trailer[1]!)?.[1];
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer[1]!)?.[1];
  return {
    bytes,
    size: Number(/\/Size\s+(\d+)/.exec(trailer[1]!)![1]),
    prev: Number(trailer[2]),
    root,
    page: page.ref,
    pageDict: page.node.toString(),
    catalogDict: doc.catalog.toString(),
    trailerRest: `${info ? `/Info ${info}\n` : ""}${id ? `/ID ${id}\n` : ""}`,
  };
}

/** The signature dictionary and the widget a signature update holds (numbers `sig` and `sig + 1`). */
function signatureObjects(sig: number, widget: string): [number, string][] {
  return [
    [sig, `<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached\n${PLACEHOLDER}\n/Contents <${"0".repeat(8192 * 2)}>\n/M (D:20240101120000+00'00')\n/Name (Forger)\n>>`],
    [sig + 1, widget],
  ];
}

/**
 * Appends an update of `objects` (in that order) with a cross-reference section pointing at
 * `xrefAt(number, offsets)` (the first offset of each object by default), then signs it.
 */
async function signedUpdate(p: Printed, objects: [number, string][], identity: SigningIdentity, size: number, xrefAt?: (number: number, offsets: number[]) => number): Promise<Buffer> {
  const text = p.bytes.toString("latin1");
  let update = text.endsWith("\n") ? "" : "\n";
  const offsets = new Map<number, number[]>();
  for (const [number, body] of objects) {
    offsets.set(number, [...(offsets.get(number) ?? []), text.length + update.length]);
    update += `${number} 0 obj\n${body}\nendobj\n`;
  }
  const xref = text.length + update.length;
  update += "xref\n0 1\n0000000000 65535 f \n";
  for (const number of [...offsets.keys()].sort((a, b) => a - b)) {
    const at = xrefAt ? xrefAt(number, offsets.get(number)!) : offsets.get(number)![0]!;
    update += `${number} 1\n${String(at).padStart(10, "0")} 00000 n \n`;
  }
  update += `trailer\n<</Size ${size}\n/Root ${p.root.toString()}\n${p.trailerRest}/Prev ${p.prev}>>\nstartxref\n${xref}\n%%EOF\n`;
  const prepared = Buffer.concat([p.bytes, Buffer.from(update, "latin1")]);
  return Buffer.from(await new SignPdf().sign(prepared, new PadesSigner(identity)));
}

const withAnnots = (dict: string, ref: string) => dict.replace(/>>\s*$/, `/Annots [${ref}]>>`);
const withEntry = (dict: string, entry: string) => dict.replace(/>>\s*$/, `${entry}>>`);

describe("delib verify refuses forged signature updates", () => {
  let f: SigningFixture;
  let p: Printed;
  let identity: SigningIdentity;

  beforeAll(async () => {
    f = await signingFixture();
    p = await printedFacts(readFileSync(join(f.root, pvName)));
    const opened = openP12(readFileSync(f.president.p12), f.president.password);
    if ("problem" in opened) throw new Error(opened.problem);
    identity = opened;
  }, 120_000);

  async function verify(name: string, bytes: Buffer) {
    writeFileSync(join(f.root, "out", name), bytes);
    return runCli(["verify", `out/${name}`], { cwd: f.root });
  }

  const invisible = (sig: number, p: Printed) => `<</Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /V ${sig} 0 R /F 132 /Rect [0 0 0 0] /P ${p.page.toString()}>>`;

  it("takes a well-formed signature update, written as sign-pdf writes it, as signed (the control)", async () => {
    const sig = p.size;
    const form = sig + 2;
    const objects: [number, string][] = [
      ...signatureObjects(sig, invisible(sig, p)),
      [p.page.objectNumber, withAnnots(p.pageDict, `${sig + 1} 0 R`)],
      [form, `<</Fields [${sig + 1} 0 R] /SigFlags 3>>`],
      [p.root.objectNumber, withEntry(p.catalogDict, `/AcroForm ${form} 0 R`)],
    ];
    const signed = await signedUpdate(p, objects, identity, sig + 3);
    expect((await signedState(signed)).state).toBe("signed");
    const run = await verify("control.pdf", signed);
    expect(run.stdout).toContain("verdict: identical");
  }, 30_000);

  it("reports a signature widget with a full-page rectangle and an appearance drawing over the page", async () => {
    const sig = p.size;
    const form = sig + 2;
    const ap = sig + 3;
    const drawing = "0 0 1 rg 0 0 612 792 re f";
    const objects: [number, string][] = [
      ...signatureObjects(sig, `<</Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /V ${sig} 0 R /F 4 /Rect [0 0 612 792] /AP <</N ${ap} 0 R>> /P ${p.page.toString()}>>`),
      [p.page.objectNumber, withAnnots(p.pageDict, `${sig + 1} 0 R`)],
      [form, `<</Fields [${sig + 1} 0 R] /SigFlags 3>>`],
      [p.root.objectNumber, withEntry(p.catalogDict, `/AcroForm ${form} 0 R`)],
      [ap, `<</Type /XObject /Subtype /Form /BBox [0 0 612 792] /Length ${drawing.length}>>\nstream\n${drawing}\nendstream`],
    ];
    const run = await verify("drawn.pdf", await signedUpdate(p, objects, identity, sig + 4));
    expect(run.stderr).toContain("error DLB4071");
    expect(run.stdout).not.toContain("verdict: identical");
    expect(run.code).toBe(VerifyExitCode.PdfChanged);
  }, 30_000);

  it("reports a catalog given an action on opening", async () => {
    const sig = p.size;
    const form = sig + 2;
    const objects: [number, string][] = [
      ...signatureObjects(sig, invisible(sig, p)),
      [p.page.objectNumber, withAnnots(p.pageDict, `${sig + 1} 0 R`)],
      [form, `<</Fields [${sig + 1} 0 R] /SigFlags 3>>`],
      [p.root.objectNumber, withEntry(p.catalogDict, `/AcroForm ${form} 0 R /OpenAction <</S /URI /URI (https://example.org/)>>`)],
    ];
    const run = await verify("open-action.pdf", await signedUpdate(p, objects, identity, sig + 3));
    expect(run.stderr).toContain("error DLB4071");
    expect(run.code).toBe(VerifyExitCode.PdfChanged);
  }, 30_000);

  it("reports an object written twice, the cross-reference pointing at the copy a reader of the file in order skips", async () => {
    const sig = p.size;
    const form = sig + 2;
    const objects: [number, string][] = [
      ...signatureObjects(sig, invisible(sig, p)),
      [p.page.objectNumber, withAnnots(p.pageDict, `${sig + 1} 0 R`)],
      [form, `<</Fields [${sig + 1} 0 R] /SigFlags 3>>`],
      // The catalog a viewer reads (through the cross-reference): with an action on opening.
      [p.root.objectNumber, withEntry(p.catalogDict, `/AcroForm ${form} 0 R /OpenAction <</S /URI /URI (https://example.org/)>>`)],
      // The one a parser taking the last definition reads: as it should be.
      [p.root.objectNumber, withEntry(p.catalogDict, `/AcroForm ${form} 0 R`)],
    ];
    const run = await verify("twice.pdf", await signedUpdate(p, objects, identity, sig + 3, (_n, offsets) => offsets[0]!));
    expect(run.stderr).toContain("error DLB4071");
    expect(run.code).toBe(VerifyExitCode.PdfChanged);
  }, 30_000);

  it("reports a signature whose unsigned gap holds more than its /Contents (a /Name left unsigned)", async () => {
    const sig = p.size;
    const form = sig + 2;
    const text = p.bytes.toString("latin1");
    const objects: [number, string][] = [
      [sig, `<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached\n/ByteRange [0 0000000000 0000000000 0000000000]\n/Contents <${"0".repeat(8192 * 2)}>\n/Name <466f72676572>\n/M (D:20240101120000+00'00')>>`],
      [sig + 1, invisible(sig, p)],
      [p.page.objectNumber, withAnnots(p.pageDict, `${sig + 1} 0 R`)],
      [form, `<</Fields [${sig + 1} 0 R] /SigFlags 3>>`],
      [p.root.objectNumber, withEntry(p.catalogDict, `/AcroForm ${form} 0 R`)],
    ];
    let update = text.endsWith("\n") ? "" : "\n";
    const offsets: [number, number][] = [];
    for (const [number, body] of objects) {
      offsets.push([number, text.length + update.length]);
      update += `${number} 0 obj\n${body}\nendobj\n`;
    }
    const xref = text.length + update.length;
    update += "xref\n0 1\n0000000000 65535 f \n";
    for (const [number, at] of offsets.sort(([a], [b]) => a - b)) update += `${number} 1\n${String(at).padStart(10, "0")} 00000 n \n`;
    update += `trailer\n<</Size ${sig + 3}\n/Root ${p.root.toString()}\n${p.trailerRest}/Prev ${p.prev}>>\nstartxref\n${xref}\n%%EOF\n`;
    const whole = Buffer.concat([p.bytes, Buffer.from(update, "latin1")]);
    const all = whole.toString("latin1");
    // The gap: from the /Contents string to the end of the /Name after it.
    const b = all.indexOf("/Contents <", text.length) + "/Contents ".length;
    const c = all.indexOf("<466f72676572>", b) + "<466f72676572>".length;
    const range = `[0 ${String(b).padStart(10, "0")} ${String(c).padStart(10, "0")} ${String(whole.length - c).padStart(10, "0")}]`;
    whole.write(range, all.indexOf("[0 0000000000", text.length), "latin1");
    const cms = signCms(Buffer.concat([whole.subarray(0, b), whole.subarray(c)]), identity).toString("hex");
    whole.write(cms, b + 1, "latin1");
    expect(readSignatures(whole).map((s) => s.problem)).toEqual(["byte-range"]);
    const run = await verify("gap.pdf", whole);
    expect(run.stdout).not.toContain("verdict: identical");
    expect(run.code).toBe(VerifyExitCode.PdfChanged);
  }, 30_000);

  it("does not take a /ByteRange in a document's text (its title, its XMP) for a signature", async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.addPage();
    doc.setTitle("Délibération /ByteRange [0 1 2 3]");
    const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:title>/ByteRange [0 1 2 3]</dc:title></x:xmpmeta>`;
    const metadata = doc.context.stream(xmp, { Type: "Metadata", Subtype: "XML" });
    doc.catalog.set(PDFName.of("Metadata"), doc.context.register(metadata));
    const bytes = await doc.save({ useObjectStreams: false });
    expect(Buffer.from(bytes).toString("latin1")).toContain("/ByteRange [0 1 2 3]");
    expect(readSignatures(bytes)).toEqual([]);
    expect((await signedState(bytes)).state).not.toBe("invalid");
  });
});
