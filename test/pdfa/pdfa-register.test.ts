// The year's register as an archival PDF (issue 14): `delib register --pdfa` finishes the PDF the
// register assembles with the same objects `build --pdfa` adds (ISO 19005-2, 19005-3 for 3b).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/run-cli.js";
import { annotations, embeddedFiles, info, load, metadataStream, outputIntents, pdfDateInstant, pdfFonts, qpdfCheck, uncompressedText, xmpProperties } from "./pdfa-checks.js";

const TIMEOUT = 180_000;
const COMMITTED = "2024-02-03T04:05:06Z";
let repo: string;
let pdf: Uint8Array;

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), "delib-pdfa-register-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_DATE: COMMITTED, GIT_COMMITTER_DATE: COMMITTED } });
  mkdirSync(join(repo, "registre"));
  for (const file of ["2023-04-07.yaml", "delib.config.yaml"]) copyFileSync(join(repoRoot, "examples/aubencourt-sur-noirieu", file), join(repo, "registre", file));
  git("init", "-q", "-b", "main");
  git("add", ".");
  git("-c", "user.name=Secrétariat", "-c", "user.email=mairie@example.fr", "commit", "-q", "-m", "Séance");
  const run = await runCli(["register", "--year", "2023", "--pdfa", "3b", "--out", "registre-2023.pdf"], { cwd: join(repo, "registre"), env: { SOURCE_DATE_EPOCH: undefined } });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  pdf = new Uint8Array(readFileSync(join(repo, "registre/registre-2023.pdf")));
}, TIMEOUT);

describe("delib register --pdfa 3b", { timeout: TIMEOUT }, () => {
  it("6.1: qpdf --check finds nothing wrong", () => {
    const check = qpdfCheck(pdf);
    expect(check.code, check.output).toBe(0);
    expect(check.output).not.toMatch(/WARNING/i);
  });

  it("6.6.4, 6.6.2.3.1: XMP identifies PDF/A-3b and says what the information dictionary says", async () => {
    const doc = await load(pdf);
    const xmp = xmpProperties(metadataStream(doc)!.bytes.toString("utf8"));
    const dict = info(doc);
    expect(xmp["pdfaid:part"]).toBe("3");
    expect(xmp["pdfaid:conformance"]).toBe("B");
    expect(xmp["dc:title"]).toBe(dict.Title);
    expect(xmp["dc:creator"]).toBe(dict.Author);
    expect(Date.parse(xmp["xmp:CreateDate"]!)).toBe(pdfDateInstant(dict.CreationDate!));
    // The register is dated when its latest sitting's source last changed: its commit.
    expect(pdfDateInstant(dict.CreationDate!)).toBe(Date.parse(COMMITTED));
  });

  it("6.2.3: an sRGB output intent", async () => {
    expect(outputIntents(await load(pdf)).map((i) => i.subtype)).toEqual(["GTS_PDFA1"]);
  });

  it("19005-3 6.8: carries every sitting's session file and the configuration", async () => {
    const files = embeddedFiles(await load(pdf));
    expect(files.map((f) => f.name)).toEqual(["2023-04-07.yaml", "delib.config.yaml"]);
    expect(files[0]!.bytes.equals(readFileSync(join(repo, "registre/2023-04-07.yaml")))).toBe(true);
    expect(files.every((f) => f.inAF && f.relationship === "Source")).toBe(true);
  });

  it("6.2.11.4.1: pdffonts lists every font as embedded", () => {
    expect(pdfFonts(pdf).filter((f) => !f.embedded)).toEqual([]);
  });

  it("6.1.3, 6.3.2, 6.5: a trailer /ID, no encryption, every annotation printable, no JavaScript or actions", async () => {
    const doc = await load(pdf);
    expect(doc.context.trailerInfo.ID).toBeDefined();
    expect(doc.context.trailerInfo.Encrypt).toBeUndefined();
    for (const annotation of annotations(doc)) expect(annotation.flags! & (4 | 1 | 2 | 32 | 256)).toBe(4);
    expect(uncompressedText(pdf)).not.toMatch(/\/(JavaScript|JS|AA|Launch)\b/);
  });

  it("gives the same bytes twice", async () => {
    const run = await runCli(["register", "--year", "2023", "--pdfa", "3b", "--out", "again.pdf"], { cwd: join(repo, "registre"), env: { SOURCE_DATE_EPOCH: undefined } });
    expect(run.code).toBe(0);
    expect(readFileSync(join(repo, "registre/again.pdf")).equals(Buffer.from(pdf))).toBe(true);
  });
});
