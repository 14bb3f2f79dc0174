// A signed PDF/A stays PDF/A (issue 14, part 4): the signatures are incremental updates that
// keep the catalog's XMP metadata and output intent, add an invisible widget that PDF/A accepts
// (ISO 19005-2 6.3.2: the Print flag; 6.3.3: a zero-size rectangle needs no appearance), keep the
// trailer's /ID (6.1.3), and leave the structure sound (qpdf --check). The structural checks are
// those of test/pdfa/pdfa-checks.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { annotations, load, metadataStream, outputIntents, qpdfCheck, xmpProperties } from "../pdfa/pdfa-checks.js";
import { runCli } from "../support/run-cli.js";
import { pdfsig, signingFixture, type SigningFixture } from "./fixture.js";

describe("a signed PDF/A document", () => {
  let f: SigningFixture;

  beforeAll(async () => {
    f = await signingFixture();
  }, 120_000);

  for (const level of ["2b", "3b"] as const) {
    it(`keeps a PDF/A-${level} procès-verbal PDF/A through both signatures, and verify takes it as identical`, async () => {
      const out = `out-${level}`;
      const built = await runCli(["build", "seances/2023-12-12.yaml", "--documents", "minutes", "--format", "pdf", "--pdfa", level, "--out", out], { cwd: f.root });
      expect(built.code).toBe(0);
      const pv = `${out}/proces-verbal-2023-12-12.pdf`;
      for (const who of [f.president, f.secretary]) {
        const run = await runCli(["sign", pv, "--p12", who.p12], { cwd: f.root, env: { DELIB_P12_PASSWORD: who.password } });
        expect(run.stderr).toBe("");
        expect(run.code).toBe(0);
      }
      const signed = readFileSync(join(f.root, pv));
      const blocks = pdfsig(join(f.root, pv));
      expect(blocks).toHaveLength(2);
      for (const block of blocks) expect(block).toContain("Signature Validation: Signature is Valid.");
      expect(blocks[1]).toContain("Total document signed");

      expect(qpdfCheck(signed).code).toBe(0);
      const doc = await load(signed);
      const xmp = xmpProperties(metadataStream(doc)!.bytes.toString("utf8"));
      expect(xmp["pdfaid:part"]).toBe(level[0]);
      expect(xmp["pdfaid:conformance"]).toBe("B");
      expect(outputIntents(doc).map((i) => i.subtype)).toEqual(["GTS_PDFA1"]);
      // Every annotation printable, none hidden (6.3.2); the widgets are the two signatures.
      const annots = annotations(doc);
      // Print (4) set; Invisible (1), Hidden (2), NoView (32) and ToggleNoView (256) not.
      for (const a of annots) expect((a.flags ?? 0) & (4 | 1 | 2 | 32 | 256), `${a.subtype} flags ${a.flags}`).toBe(4);
      expect(annots.filter((a) => a.subtype === "Widget")).toHaveLength(2);
      const text = signed.toString("latin1");
      expect(text.match(/\/Rect \[0 0 0 0\]/g)).toHaveLength(2);
      // The last trailer keeps the /ID, and nothing follows the last %%EOF (6.1.3).
      expect(text.slice(text.lastIndexOf("trailer"))).toMatch(/\/ID \[/);
      expect(text.endsWith("%%EOF")).toBe(true);

      const verify = await runCli(["verify", pv], { cwd: f.root });
      expect(verify.stderr).toBe("");
      expect(verify.code).toBe(0);
    }, 90_000);
  }
});
