// `delib sign` on PDFs printed by real Chromium, with certificates made by the test, each
// signature checked by poppler's `pdfsig` (issue 14, part 4). pdfsig's lines read:
// "Signature Validation: Signature is Valid." (the CMS digest over /ByteRange and the signature
// itself) and "Total document signed" (the byte range runs to the file's end). The certificates
// are self-signed: "Certificate Validation: Certificate issuer isn't Trusted." is expected and
// not checked.
import { createHash } from "node:crypto";
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import forge from "node-forge";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { checkSeal } from "../../src/browser/pdf-seal.js";
import { readSignatures } from "../../src/provenance/pdf-signatures.js";
import { runCli } from "../support/run-cli.js";
import { pdfsig, pvName, signingFixture, type SigningFixture } from "./fixture.js";

const { asn1 } = forge;

describe("delib sign", () => {
  let f: SigningFixture;
  let printed: Buffer;
  let extract: string;
  const env = (password: string) => ({ env: { DELIB_P12_PASSWORD: password } });

  beforeAll(async () => {
    f = await signingFixture();
    printed = readFileSync(join(f.root, pvName));
    extract = `out/${readdirSync(join(f.root, "out")).find((n) => n.endsWith(".pdf") && !n.startsWith("proces-verbal"))!}`;
  }, 120_000);

  /** A copy of the printed PV under `name`, to sign without touching the others' tests. */
  function copyPv(name: string, from = join(f.root, pvName)): string {
    copyFileSync(from, join(f.root, "out", name));
    return `out/${name}`;
  }

  const sign = (file: string, p12: string, password: string, ...more: string[]) => runCli(["sign", file, "--p12", p12, ...more], { cwd: f.root, ...env(password) });

  it("signs the procès-verbal twice, président then secrétaire, each a valid PAdES signature pdfsig accepts", async () => {
    const pv = copyPv("pv-two.pdf");
    const first = await sign(pv, f.president.p12, f.president.password);
    expect(first.stderr).toBe("");
    expect(first.stdout).toBe(`signed: ${pv} (Hélène Marchand, président de séance)\n`);
    expect(first.code).toBe(0);
    const once = readFileSync(join(f.root, pv));
    // An incremental update: the printed bytes are untouched, so delib's seal of them still holds.
    expect(once.subarray(0, printed.length).equals(printed)).toBe(true);
    const [only, ...none] = pdfsig(join(f.root, pv));
    expect(none).toEqual([]);
    expect(only).toContain("Signer Certificate Common Name: Hélène Marchand");
    expect(only).toContain("Signature Type: ETSI.CAdES.detached");
    expect(only).toContain("Total document signed");
    expect(only).toContain("Signature Validation: Signature is Valid.");

    const second = await sign(pv, f.secretary.p12, f.secretary.password);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(`signed: ${pv} (Paul Durand, secrétaire de séance)\n`);
    const twice = readFileSync(join(f.root, pv));
    expect(twice.subarray(0, once.length).equals(once)).toBe(true);
    const blocks = pdfsig(join(f.root, pv));
    expect(blocks).toHaveLength(2);
    for (const block of blocks) expect(block).toContain("Signature Validation: Signature is Valid.");
    expect(blocks[0]).toContain("Common Name: Hélène Marchand");
    expect(blocks[1]).toContain("Common Name: Paul Durand");
    // The président's signature covers the document as it was then; the secrétaire's, all of it.
    expect(blocks[0]).toContain("Not total document signed");
    expect(blocks[1]).toContain("Total document signed");
    const lastRange = /Signed Ranges: \[0 - \d+\], \[\d+ - (\d+)\]/.exec(blocks[1]!)!;
    expect(Number(lastRange[1])).toBe(twice.length);

    // The role and the name, in /Reason and /Name, read back by delib.
    expect(readSignatures(twice).map((s) => [s.signer, s.reason, s.problem])).toEqual([
      ["Hélène Marchand", "Président de séance", undefined],
      ["Paul Durand", "Secrétaire de séance", undefined],
    ]);
    const verify = await runCli(["verify", pv], { cwd: f.root });
    expect(verify.stderr).toBe("");
    expect(verify.stdout).toMatch(/signature 1: Hélène Marchand \(Président de séance\), \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: valid\n/);
    expect(verify.stdout).toMatch(/signature 2: Paul Durand \(Secrétaire de séance\), .*: valid\n/);
    expect(verify.code).toBe(0);

    // A third signature is refused, and the file is left as it was.
    const third = await sign(pv, f.president.p12, f.president.password);
    expect(third.code).toBe(1);
    expect(third.stderr).toContain("error DLB4066");
    expect(third.stderr).toContain("already carries 2 signatures");
    expect(readFileSync(join(f.root, pv)).equals(twice)).toBe(true);
  }, 60_000);

  it("writes a CMS with the content type, the message digest and the signing certificate (v2), and no CMS signing time", async () => {
    const pv = copyPv("pv-cms.pdf");
    expect((await sign(pv, f.president.p12, f.president.password)).code).toBe(0);
    const signed = readFileSync(join(f.root, pv));
    const [, b, c] = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(signed.toString("latin1"))!.slice(1).map(Number) as [number, number, number];
    const cms = asn1.fromDer(forge.util.createBuffer(Buffer.from(signed.toString("latin1").slice(b + 1, c - 1), "hex").toString("binary")), { parseAllBytes: false } as never);
    const signedData = ((cms.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    const signerInfo = (signedData[signedData.length - 1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    const attributes = (signerInfo[3]!.value as forge.asn1.Asn1[]).map((a) => [asn1.derToOid((a.value as forge.asn1.Asn1[])[0]!.value as string), a] as const);
    expect(attributes.map(([oid]) => oid).sort()).toEqual(["1.2.840.113549.1.9.16.2.47", "1.2.840.113549.1.9.3", "1.2.840.113549.1.9.4"].sort());
    // ESSCertIDv2's certHash: the SHA-256 of the signing certificate.
    const v2 = attributes.find(([oid]) => oid === "1.2.840.113549.1.9.16.2.47")![1];
    const certHash = ((((((v2.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[])[0]!.value) as string;
    const certificateDer = Buffer.from(asn1.toDer(forge.pki.certificateToAsn1(f.president.certificate)).getBytes(), "binary");
    expect(Buffer.from(certHash, "binary").toString("hex")).toBe(createHash("sha256").update(certificateDer).digest("hex"));
    // The signing time is the dictionary's /M (PAdES B-B).
    expect(signed.toString("latin1")).toMatch(/\/M \(D:\d{14}\+00'00'\)/);
    // The widget is invisible and printable (PDF/A): /F 132 and an empty rectangle; the form says "signed".
    expect(signed.toString("latin1")).toMatch(/\/Subtype \/Widget \/FT \/Sig .*\/F 132 \/Rect \[0 0 0 0\]/);
    expect(signed.toString("latin1")).toMatch(/\/SigFlags 3/);
    // The seal still holds for the bytes printed.
    expect(checkSeal(signed)).toMatchObject({ state: "broken", printedLength: printed.length });
  }, 30_000);

  it("refuses the secrétaire's signature before the président's, and the président's twice", async () => {
    const pv = copyPv("pv-order.pdf");
    const early = await sign(pv, f.secretary.p12, f.secretary.password, "--as", "secretary");
    expect(early.code).toBe(1);
    expect(early.stderr).toContain("error DLB4065");
    expect(readFileSync(join(f.root, pv)).equals(printed)).toBe(true);
    expect((await sign(pv, f.president.p12, f.president.password, "--as", "president")).code).toBe(0);
    const again = await sign(pv, f.president.p12, f.president.password, "--as", "president");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("error DLB4066");
    expect(again.stderr).toContain("the président de séance has already signed");
  }, 30_000);

  it("signs an extract once, without a role, and refuses `--as` on it", async () => {
    const refused = await sign(extract, f.president.p12, f.president.password, "--as", "president");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("error DLB4068");
    const out = "out/extract-signed.pdf";
    const signed = await sign(extract, f.president.p12, f.president.password, "--out", out);
    expect(signed.code).toBe(0);
    expect(signed.stdout).toBe(`signed: ${out} (Hélène Marchand)\n`);
    const [block] = pdfsig(join(f.root, out));
    expect(block).toContain("Signature Validation: Signature is Valid.");
    expect(block).toContain("Total document signed");
    expect(readSignatures(readFileSync(join(f.root, out)))[0]!.reason).toBeUndefined();
  }, 30_000);

  it("says plainly when the password is wrong, or the file is no certificate, without a stack trace", async () => {
    const wrong = await sign(pvName, f.president.p12, "pas le bon");
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("error DLB4060");
    expect(wrong.stderr).toContain("the password is wrong, or the file is damaged");
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
    writeFileSync(join(f.keys, "not.p12"), "not a certificate");
    const damaged = await sign(pvName, join(f.keys, "not.p12"), "x");
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toContain("error DLB4060");
    const missing = await sign(pvName, join(f.keys, "absent.p12"), "x");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("error DLB1001");
    // The hint speaks of the certificate, not of a session file (it said « seances/AAAA-MM-JJ.yaml »).
    expect(missing.stderr).toContain("check the path of the certificate: the .p12 or .pfx file");
    const noPdf = await sign("out/absent.pdf", f.president.p12, f.president.password);
    expect(noPdf.code).toBe(1);
    expect(noPdf.stderr).toContain("check the path of the PDF: `delib build` writes the documents in out/");
    expect(readFileSync(join(f.root, pvName)).equals(printed)).toBe(true);
  }, 30_000);

  it("takes no password on the command line, and says to set DELIB_P12_PASSWORD when there is no terminal", async () => {
    const inArgv = await runCli(["sign", pvName, "--p12", f.president.p12, "--password", f.president.password], { cwd: f.root });
    expect(inArgv.code).toBe(2);
    expect(inArgv.stderr).toContain("--password");
    const none = await runCli(["sign", pvName, "--p12", f.president.p12], { cwd: f.root, env: { DELIB_P12_PASSWORD: undefined } });
    expect(none.code).toBe(3);
    expect(none.stderr).toContain("error DLB4061");
    expect(none.stderr).toContain("set DELIB_P12_PASSWORD");
    expect(readFileSync(join(f.root, pvName)).equals(printed)).toBe(true);
  }, 30_000);

  it("refuses a certificate that has expired or is not valid yet", async () => {
    const day = 24 * 3600 * 1000;
    const expired = f.issue("Ancien Maire", { from: new Date(Date.now() - 400 * day), to: new Date(Date.now() - day) });
    const run = await sign(pvName, expired.p12, expired.password);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error DLB4062");
    expect(run.stderr).toMatch(/the certificate of Ancien Maire expired on \d{4}-\d\d-\d\d/);
    const future = f.issue("Futur Maire", { from: new Date(Date.now() + 10 * day), to: new Date(Date.now() + 400 * day) });
    expect((await sign(pvName, future.p12, future.password)).stderr).toContain("is valid only from");
  }, 30_000);

  it("refuses a PDF delib did not print unless --force, and a PDF changed since printing", async () => {
    const other = await PDFDocument.create();
    other.addPage();
    writeFileSync(join(f.root, "out/other.pdf"), await other.save({ useObjectStreams: false }));
    const refused = await sign("out/other.pdf", f.president.p12, f.president.password);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("error DLB4063");
    const forced = await sign("out/other.pdf", f.president.p12, f.president.password, "--force");
    expect(forced.code).toBe(0);
    expect(pdfsig(join(f.root, "out/other.pdf"))[0]).toContain("Signature Validation: Signature is Valid.");

    const changed = Buffer.from(printed);
    const at = Math.floor(printed.length / 3);
    changed[at] = changed[at]! ^ 0x01;
    writeFileSync(join(f.root, "out/changed.pdf"), changed);
    const run = await sign("out/changed.pdf", f.president.p12, f.president.password);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error DLB4064");

    writeFileSync(join(f.root, "out/not.pdf"), "not a PDF at all");
    const notPdf = await sign("out/not.pdf", f.president.p12, f.president.password, "--force");
    expect(notPdf.code).toBe(1);
    expect(notPdf.stderr).toContain("error DLB4067");
  }, 30_000);
});
