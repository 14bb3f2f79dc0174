// The seal normalisePdf puts on every PDF: reproducible, and broken by a change to any byte
// of the file or by anything appended to it (issue 13). Chromium is not needed: a skeleton of
// what it writes is enough for the bytes; verify.test.ts checks real printed PDFs.
import { describe, expect, it } from "vitest";
import { checkSeal } from "../../src/browser/pdf-seal.js";
import { normalisePdf } from "../../src/browser/render-pdf.js";
import { readPrintedRecord } from "../../src/provenance/verify.js";

const skeleton = [
  "%PDF-1.4",
  "1 0 obj\n<</Title (t)\n/CreationDate (D:20261128142959+00'00')\n/ModDate (D:20261128142959+00'00')>>\nendobj",
  "2 0 obj\n<</Length 18>>\nstream\nBT (Pour : 12) Tj ET\nendstream\nendobj",
  "3 0 obj\n<</Type /Catalog\n/Lang (fr)>>\nendobj",
  "xref\n0 4\ntrailer\n<</Size 4\n/Root 3 0 R\n/Info 1 0 R>>\nstartxref\n9\n%%EOF\n",
].join("\n");
const meta = {
  title: "Délibération 2024-018",
  author: "Syndicat",
  subject: "Extrait",
  language: "fr-FR",
  date: new Date("2024-05-18T00:00:00Z"),
  custom: { DelibKind: "extract", DelibNumber: "2024-018", DelibSource: "seances/2024-05-18.yaml", DelibSourceHash: "a".repeat(64), DelibDocument: "b".repeat(64) },
};
const sealed = () => Buffer.from(normalisePdf(new Uint8Array(Buffer.from(skeleton, "latin1")), meta));

describe("the seal of a printed PDF", () => {
  it("is the same for the same input, and holds", () => {
    const pdf = sealed();
    expect(pdf.equals(sealed())).toBe(true);
    expect(checkSeal(pdf)).toEqual({ state: "intact" });
    expect(pdf.toString("latin1")).toMatch(/\/DelibSeal \([0-9a-f]{64}\)>>\nendobj\n/);
  });

  it("keeps delib's record of the source", () => {
    expect(readPrintedRecord(sealed())).toEqual({ kind: "extract", number: "2024-018", source: "seances/2024-05-18.yaml", sourceHash: "a".repeat(64), commit: undefined, document: "b".repeat(64) });
  });

  it("breaks when any one byte of the file changes, its digits included; gone when its key is damaged", () => {
    const pdf = sealed();
    const key = pdf.indexOf("/DelibSeal (");
    const close = key + "/DelibSeal (".length + 64;
    const unbroken: number[] = [];
    for (let i = 0; i < pdf.length; i++) {
      const changed = Buffer.from(pdf);
      changed[i] = changed[i] === 0x30 ? 0x31 : 0x30; // '0' ↔ '1', or anything → '0'
      // The key itself unreadable: no seal (verify then says it cannot check the PDF, never "identical").
      const expected = (i >= key && i < key + "/DelibSeal (".length) || i === close ? "absent" : "broken";
      if (checkSeal(changed).state !== expected) unbroken.push(i);
    }
    expect(unbroken).toEqual([]);
  });

  it("breaks when bytes are appended or cut, and finds the printed file whole inside an update", () => {
    const pdf = sealed();
    expect(checkSeal(Buffer.concat([pdf, Buffer.from("1 0 obj\n<</Title (x)>>\nendobj\n")]))).toEqual({ state: "broken", printedLength: pdf.length });
    expect(checkSeal(pdf.subarray(0, pdf.length - 1))).toEqual({ state: "broken", printedLength: undefined });
    const changedAndAppended = Buffer.concat([pdf, Buffer.from("%%EOF\n")]);
    changedAndAppended[20] = changedAndAppended[20]! ^ 1;
    expect(checkSeal(changedAndAppended)).toEqual({ state: "broken", printedLength: undefined });
  });

  it("is absent from a PDF delib did not seal", () => {
    expect(checkSeal(Buffer.from(skeleton, "latin1"))).toEqual({ state: "absent" });
  });
});
