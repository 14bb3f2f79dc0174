// `delib verify` on signed PDFs: the signatures appended after printing are no change (the PDF
// is as printed, then signed), and a signed PDF changed afterwards is reported as changed
// (exit 10): an update appended after the last signature, a byte altered inside a signed range,
// an update slipped in between printing and signing (issue 14, part 4).
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { VerifyExitCode } from "../../src/cli/exit-codes.js";
import { runCli } from "../support/run-cli.js";
import { pdfsig, pvName, signingFixture, type SigningFixture } from "./fixture.js";

/** Appends an incremental update (ISO 32000-1 7.5.6) giving the document a new title, as a PDF editor saves. */
function retitle(pdf: Buffer, title: string): Buffer {
  const text = pdf.toString("latin1");
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(text.slice(text.lastIndexOf("trailer")))!;
  const size = Number(/\/Size (\d+)/.exec(trailer[1]!)![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer[1]!)![1];
  const start = text.endsWith("\n") ? "" : "\n";
  const at = text.length + start.length;
  let update = `${start}${size} 0 obj\n<</Title (${title})>>\nendobj\n`;
  const xref = text.length + update.length;
  update += `xref\n0 1\n0000000000 65535 f \n${size} 1\n${String(at).padStart(10, "0")} 00000 n \ntrailer\n<</Size ${size + 1}\n/Root ${root}\n/Info ${size} 0 R\n/Prev ${trailer[2]}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, "latin1")]);
}

describe("delib verify on signed PDFs", () => {
  let f: SigningFixture;
  let signed: Buffer;
  let afterFirst: number;

  beforeAll(async () => {
    f = await signingFixture();
    const env = (password: string) => ({ cwd: f.root, env: { DELIB_P12_PASSWORD: password } });
    expect((await runCli(["sign", pvName, "--p12", f.president.p12], env(f.president.password))).code).toBe(0);
    afterFirst = readFileSync(join(f.root, pvName)).length;
    expect((await runCli(["sign", pvName, "--p12", f.secretary.p12], env(f.secretary.password))).code).toBe(0);
    signed = readFileSync(join(f.root, pvName));
  }, 120_000);

  async function verifyCopy(name: string, bytes: Buffer) {
    writeFileSync(join(f.root, "out", name), bytes);
    return runCli(["verify", `out/${name}`], { cwd: f.root });
  }

  it("takes a PV signed twice as the PDF printed, then signed: identical, each signature listed as valid", async () => {
    const run = await runCli(["verify", pvName], { cwd: f.root });
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("the PDF itself: as printed (its seal holds)");
    expect(run.stdout).toMatch(/signature 1: Hélène Marchand \(Président de séance\), .* UTC: valid/);
    expect(run.stdout).toMatch(/signature 2: Paul Durand \(Secrétaire de séance\), .* UTC: valid/);
    expect(run.stdout).toContain("verdict: identical");
    expect(run.code).toBe(VerifyExitCode.Identical);
  }, 30_000);

  it("reports an update appended after the last signature (exit 10)", async () => {
    const run = await verifyCopy("appended.pdf", retitle(signed, "Autre titre"));
    expect(run.stderr).toContain("error DLB4071");
    expect(run.stderr).toMatch(/changed after its last signature \(Paul Durand, \d{4}-/);
    expect(run.stdout).toContain("verdict: the PDF was CHANGED after printing");
    expect(run.code).toBe(VerifyExitCode.PdfChanged);
    // pdfsig agrees: the last signature no longer covers the whole document.
    expect(pdfsig(join(f.root, "out/appended.pdf"))[1]).toContain("Not total document signed");
  }, 30_000);

  it("reports a byte altered inside the secrétaire's signed range (exit 10), as pdfsig does", async () => {
    const altered = Buffer.from(signed);
    // A digit of the secrétaire's /M, inside the update that only the second signature covers.
    const m = signed.toString("latin1").indexOf("/M (D:", afterFirst) + 8;
    altered[m] = altered[m] === 0x30 ? 0x31 : 0x30;
    const run = await verifyCopy("flipped.pdf", altered);
    expect(run.stderr).toContain("error DLB4070");
    expect(run.stderr).toContain("signature 2 (Paul Durand) no longer matches the document");
    expect(run.stderr).not.toContain("signature 1 (");
    expect(run.stdout).toMatch(/signature 1: Hélène Marchand .*: valid\n/);
    expect(run.stdout).toMatch(/signature 2: Paul Durand .*: NOT VALID\n/);
    expect(run.code).toBe(VerifyExitCode.PdfChanged);
    const blocks = pdfsig(join(f.root, "out/flipped.pdf"));
    expect(blocks[0]).toContain("Signature Validation: Signature is Valid.");
    expect(blocks[1]).not.toContain("Signature Validation: Signature is Valid.");
  }, 30_000);

  it("reports a byte altered in the printed part: the seal and both signatures break (exit 10)", async () => {
    const altered = Buffer.from(signed);
    const at = Math.floor(afterFirst / 4);
    altered[at] = altered[at]! ^ 0x01;
    const run = await verifyCopy("printed-part.pdf", altered);
    expect(run.stderr).toContain("error DLB4014");
    expect(run.stderr).toContain("signature 1 (Hélène Marchand) no longer matches the document");
    expect(run.stderr).toContain("signature 2 (Paul Durand) no longer matches the document");
    expect(run.code).toBe(VerifyExitCode.PdfChanged);
  }, 30_000);

  it("reports an update slipped in between printing and the first signature (signed with --force)", async () => {
    const pv = join(f.root, "out/between.pdf");
    copyFileSync(join(f.root, "out/proces-verbal-2023-12-12.pdf"), pv);
    const printed = signed.subarray(0, signed.toString("latin1").indexOf("%%EOF", signed.toString("latin1").indexOf("/DelibSeal")) + 6);
    writeFileSync(pv, retitle(Buffer.from(printed), "Titre changé"));
    const env = { cwd: f.root, env: { DELIB_P12_PASSWORD: f.president.password } };
    expect((await runCli(["sign", "out/between.pdf", "--p12", f.president.p12], env)).stderr).toContain("error DLB4064");
    expect((await runCli(["sign", "out/between.pdf", "--p12", f.president.p12, "--force"], env)).code).toBe(0);
    const run = await runCli(["verify", "out/between.pdf"], { cwd: f.root });
    expect(run.stderr).toContain("error DLB4071");
    expect(run.stderr).toContain("changed between its printing and its signatures");
    expect(run.code).toBe(VerifyExitCode.PdfChanged);
  }, 30_000);
});
