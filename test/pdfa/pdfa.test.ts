// Archival PDFs (issue 14): `delib build --pdfa` and `--pdfa 3b` print PDF/A-2b and PDF/A-3b
// documents, checked here clause by clause against ISO 19005-2 (and 19005-3 for the embedded
// files) with qpdf, poppler and pdf-lib: real Chromium, a real git repository. veraPDF, the
// reference validator, is not run: it needs Java packages from a registry this project cannot
// reach (see the README).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument, PDFName } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type BrowserSession } from "../../src/browser/browser.js";
import { archivePdf } from "../../src/browser/pdf-archival.js";
import { renderPdf } from "../../src/browser/render-pdf.js";
import { BROWSER_TIMEOUT, chromiumForTests } from "../browser/pdf-tools.js";
import { repoRoot, runCli } from "../support/run-cli.js";
import {
  annotations,
  embeddedFiles,
  iccHeader,
  info,
  load,
  metadataStream,
  outputIntents,
  pdfDateInstant,
  pdfFonts,
  qpdfCheck,
  uncompressedText,
  xmpProperties,
} from "./pdfa-checks.js";

const TIMEOUT = 180_000;
const COMMITTED = "2024-02-03T04:05:06Z";
const example = join(repoRoot, "examples/aubencourt-sur-noirieu");
const session = "registre/2023-04-07.yaml";

let repo: string;
/** The PDFs of each build, by file name. */
const built: Record<"2b" | "3b", Map<string, Uint8Array>> = { "2b": new Map(), "3b": new Map() };

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_DATE: COMMITTED, GIT_COMMITTER_DATE: COMMITTED } }).trim();
}

function pdfsIn(dir: string): Map<string, Uint8Array> {
  return new Map(readdirSync(dir).filter((f) => f.endsWith(".pdf")).sort().map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))]));
}

/** A register of one sitting, committed at COMMITTED. */
function makeRepository(): string {
  const root = mkdtempSync(join(tmpdir(), "delib-pdfa-repo-"));
  mkdirSync(join(root, "registre"));
  copyFileSync(join(example, "2023-04-07.yaml"), join(root, session));
  copyFileSync(join(example, "delib.config.yaml"), join(root, "registre/delib.config.yaml"));
  git(root, "init", "-q", "-b", "main");
  git(root, "-c", "user.name=Secrétariat", "-c", "user.email=mairie@example.fr", "add", ".");
  git(root, "-c", "user.name=Secrétariat", "-c", "user.email=mairie@example.fr", "commit", "-q", "-m", "Séance du 7 avril 2023");
  return root;
}

async function build(cwd: string, out: string, ...options: string[]): Promise<Map<string, Uint8Array>> {
  const run = await runCli(["build", session, "--format", "pdf", "--out", out, ...options], { cwd, env: { SOURCE_DATE_EPOCH: undefined } });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return pdfsIn(join(cwd, out));
}

beforeAll(async () => {
  repo = makeRepository();
  built["2b"] = await build(repo, "out-2b", "--pdfa");
  built["3b"] = await build(repo, "out-3b", "--pdfa", "3b");
}, TIMEOUT);

/** Every archival PDF built, with its expected part (2 or 3). */
function everyPdf(): { name: string; part: number; pdf: Uint8Array }[] {
  return [...built["2b"]].map(([name, pdf]) => ({ name: `2b/${name}`, part: 2, pdf })).concat([...built["3b"]].map(([name, pdf]) => ({ name: `3b/${name}`, part: 3, pdf })));
}

describe("delib build --pdfa: ISO 19005-2 structure", { timeout: TIMEOUT }, () => {
  it("prints every document (extracts, procès-verbal, list) in both levels", () => {
    expect([...built["2b"].keys()]).toEqual([...built["3b"].keys()]);
    expect(built["2b"].size).toBeGreaterThanOrEqual(3);
  });

  it("6.1 file structure: qpdf --check finds nothing wrong", () => {
    for (const { name, pdf } of everyPdf()) {
      const check = qpdfCheck(pdf);
      expect(check.code, `${name}: ${check.output}`).toBe(0);
      expect(check.output, name).toContain("No syntax or stream encoding errors");
      expect(check.output, name).not.toMatch(/WARNING/i);
    }
  });

  it("6.1.2 file header: %PDF-1.n then a comment of four bytes above 127", () => {
    for (const { name, pdf } of everyPdf()) {
      expect(Buffer.from(pdf.subarray(0, 8)).toString("latin1"), name).toMatch(/^%PDF-1\.\d/);
      const second = Buffer.from(pdf.subarray(0, 32)).toString("latin1").split(/\r?\n/)[1]!;
      expect(second[0], name).toBe("%");
      expect([...second.slice(1, 5)].every((c) => c.charCodeAt(0) > 127), name).toBe(true);
    }
  });

  it("6.1.3 file trailer: an /ID, no /Encrypt, nothing after the last %%EOF but an end of line", async () => {
    for (const { name, pdf } of everyPdf()) {
      const doc = await load(pdf);
      expect(doc.context.trailerInfo.ID, name).toBeDefined();
      expect(doc.context.trailerInfo.Encrypt, name).toBeUndefined();
      expect(Buffer.from(pdf.subarray(pdf.length - 6)).toString("latin1"), name).toBe("%%EOF\n");
    }
  });

  it("6.2.11.4.1 fonts: pdffonts lists every font as embedded", () => {
    for (const { name, pdf } of everyPdf()) {
      const fonts = pdfFonts(pdf);
      expect(fonts.length, name).toBeGreaterThan(0);
      expect(fonts.filter((f) => !f.embedded), name).toEqual([]);
    }
  });

  it("6.2.3 output intent: one GTS_PDFA1 intent whose profile is an sRGB monitor or printer profile", async () => {
    for (const { name, pdf } of everyPdf()) {
      const intents = outputIntents(await load(pdf));
      expect(intents.length, name).toBe(1);
      const [intent] = intents;
      expect(intent!.subtype, name).toBe("GTS_PDFA1");
      expect(intent!.components, name).toBe(3);
      const header = iccHeader(intent!.profile!);
      expect(header.signature, name).toBe("acsp");
      expect(["mntr", "prtr"], name).toContain(header.deviceClass);
      expect(header.colourSpace, name).toBe("RGB ");
      expect(header.size, name).toBe(intent!.profile!.length);
      // ISO 19005-2 accepts profiles up to ICC.1:2004-10 (version 4).
      expect(header.version, name).toBeLessThanOrEqual(4);
    }
  });

  it("6.5.1 and 6.5.2 actions: no JavaScript, no additional actions, no launch", () => {
    for (const { name, pdf } of everyPdf()) {
      const text = uncompressedText(pdf);
      expect(text, name).not.toMatch(/\/(JavaScript|JS|AA|Launch)\b/);
    }
  });

  it("6.6.2.1 metadata: an unfiltered XMP stream in the catalog, without bytes or encoding in its header", async () => {
    for (const { name, pdf } of everyPdf()) {
      const stream = metadataStream(await load(pdf));
      expect(stream, name).toBeDefined();
      expect(stream!.dict.get(PDFName.of("Filter")), name).toBeUndefined();
      expect(String(stream!.dict.get(PDFName.of("Type"))), name).toBe("/Metadata");
      expect(String(stream!.dict.get(PDFName.of("Subtype"))), name).toBe("/XML");
      const xmp = stream!.bytes.toString("utf8");
      const header = /<\?xpacket begin=[^>]*\?>/.exec(xmp)![0];
      expect(header, name).not.toMatch(/\b(bytes|encoding)=/);
      expect(xmp, name).toMatch(/<\?xpacket end="[rw]"\?>\s*$/);
    }
  });

  it("6.6.4 identification: pdfaid:part is 2 (3 with --pdfa 3b) and pdfaid:conformance B", async () => {
    for (const { name, part, pdf } of everyPdf()) {
      const xmp = xmpProperties(metadataStream(await load(pdf))!.bytes.toString("utf8"));
      expect(xmp["pdfaid:part"], name).toBe(String(part));
      expect(xmp["pdfaid:conformance"], name).toBe("B");
    }
  });

  it("6.6.2.3.1 and ISO 19005-1 6.7.3: the information dictionary and the XMP say the same", async () => {
    for (const { name, pdf } of everyPdf()) {
      const doc = await load(pdf);
      const dict = info(doc);
      const xmp = xmpProperties(metadataStream(doc)!.bytes.toString("utf8"));
      expect(xmp["dc:title"], name).toBe(dict.Title);
      expect(xmp["dc:creator"], name).toBe(dict.Author);
      expect(xmp["dc:description"], name).toBe(dict.Subject);
      expect(xmp["pdf:Producer"], name).toBe(dict.Producer);
      expect(xmp["xmp:CreatorTool"], name).toBe(dict.Creator);
      expect(Date.parse(xmp["xmp:CreateDate"]!), name).toBe(pdfDateInstant(dict.CreationDate!));
      expect(Date.parse(xmp["xmp:ModifyDate"]!), name).toBe(pdfDateInstant(dict.ModDate!));
      // Every XMP date carries its time zone (ISO 8601 as XMP writes it).
      for (const key of ["xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"]) expect(xmp[key], `${name} ${key}`).toMatch(/(Z|[+-]\d{2}:\d{2})$/);
      // Only the predefined schemas: nothing that would need an extension schema.
      expect(Object.keys(xmp).every((key) => /^(pdfaid|dc|xmp|pdf):/.test(key)), name).toBe(true);
    }
  });

  it("keeps the catalog's /Lang and its tagged structure", async () => {
    for (const { name, pdf } of everyPdf()) {
      const doc = await load(pdf);
      expect(String(doc.catalog.get(PDFName.of("Lang"))), name).toBe("(fr)");
      expect(doc.catalog.get(PDFName.of("StructTreeRoot")), name).toBeDefined();
    }
  });

  it("a PDF/A-2b document carries no file (6.8 allows only PDF/A files there)", async () => {
    for (const [name, pdf] of built["2b"]) expect(embeddedFiles(await load(pdf)), name).toEqual([]);
  });
});

describe("delib build --pdfa 3b: the session file inside (ISO 19005-3 6.8)", { timeout: TIMEOUT }, () => {
  it("carries the session file, byte for byte, and its configuration, each an associated file of the document", async () => {
    const sessionBytes = readFileSync(join(repo, session));
    for (const [name, pdf] of built["3b"]) {
      const files = embeddedFiles(await load(pdf));
      expect(files.map((f) => f.name), name).toEqual([session, "registre/delib.config.yaml"]);
      expect(files[0]!.bytes.equals(sessionBytes), name).toBe(true);
      expect(files[1]!.bytes.equals(readFileSync(join(repo, "registre/delib.config.yaml"))), name).toBe(true);
      for (const file of files) {
        expect(file.inAF, `${name} ${file.name}: listed in the catalog's /AF`).toBe(true);
        expect(file.relationship, name).toBe("Source");
        expect(file.mime, name).toBe("application/yaml");
        expect(file.size, name).toBe(file.bytes.length);
        expect(file.checksum?.length, name).toBe(32);
        // The embedded file's date is when the file last changed: here, its commit.
        expect(pdfDateInstant(file.modDate!), name).toBe(Date.parse(COMMITTED));
      }
    }
  });

  it("lets `delib verify` check the PDF alone, outside any repository", async () => {
    const alone = mkdtempSync(join(tmpdir(), "delib-pdfa-alone-"));
    const pdf = built["3b"].get("2023-01.pdf")!;
    writeFileSync(join(alone, "2023-01.pdf"), pdf);
    const run = await runCli(["verify", "2023-01.pdf"], { cwd: alone });
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("the session file the PDF carries (PDF/A-3b): gives this document");
    expect(run.code).toBe(0);
    // A PDF/A-2b document carries nothing: outside a repository, its source cannot be checked.
    writeFileSync(join(alone, "2b.pdf"), built["2b"].get("2023-01.pdf")!);
    const without = await runCli(["verify", "2b.pdf"], { cwd: alone });
    expect(without.stderr).toContain("DLB4010");
    expect(without.code).toBe(3);
  });

  it("keeps the seal: `delib verify` in the repository finds the document identical to its source", async () => {
    const run = await runCli(["verify", "out-3b/2023-01.pdf"], { cwd: repo });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("gives the same bytes twice", async () => {
    const again = await build(repo, "out-3b-again", "--pdfa", "3b");
    for (const [name, pdf] of built["3b"]) expect(Buffer.from(again.get(name)!).equals(Buffer.from(pdf)), name).toBe(true);
  });
});

describe("asking for archival PDFs", { timeout: TIMEOUT }, () => {
  const isArchival = async (pdfs: Map<string, Uint8Array>) => [...new Set(await Promise.all([...pdfs.values()].map(async (pdf) => metadataStream(await load(pdf)) !== undefined)))];

  it("`pdf: archival:` in delib.config.yaml makes it the default; --no-pdfa prints ordinary PDFs", async () => {
    const configured = makeRepository();
    writeFileSync(join(configured, "registre/delib.config.yaml"), `${readFileSync(join(configured, "registre/delib.config.yaml"), "utf8")}\npdf:\n  archival: pdfa-3b\n`);
    const archival = await build(configured, "out", "--documents", "list");
    expect(await isArchival(archival)).toEqual([true]);
    expect(embeddedFiles(await load([...archival.values()][0]!)).map((f) => f.name)).toEqual([session, "registre/delib.config.yaml"]);
    expect(await isArchival(await build(configured, "out-plain", "--documents", "list", "--no-pdfa"))).toEqual([false]);
  });

  it("refuses a level that is not one, before anything is printed (exit 2)", async () => {
    const run = await runCli(["build", session, "--out", "out-refused", "--pdfa", "1a"], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("`--pdfa 1a` is not an archival level");
    expect(existsSync(join(repo, "out-refused"))).toBe(false);
  });
});

describe("the creation date of every PDF: when its source last changed", { timeout: TIMEOUT }, () => {
  const creation = async (pdfs: Map<string, Uint8Array>) => {
    const dates = await Promise.all([...pdfs.values()].map(async (pdf) => info(await load(pdf))));
    return new Set(dates.flatMap((d) => [d.CreationDate, d.ModDate]).map((d) => new Date(pdfDateInstant(d!)).toISOString()));
  };

  it("is the date of the file's last commit when it is committed and unchanged (not the sitting's midnight)", async () => {
    expect(await creation(built["2b"])).toEqual(new Set([new Date(COMMITTED).toISOString()]));
    const plain = await build(repo, "out-plain", "--documents", "list");
    expect(await creation(plain)).toEqual(new Set([new Date(COMMITTED).toISOString()]));
  });

  it("is SOURCE_DATE_EPOCH when it is set", async () => {
    const run = await runCli(["build", session, "--format", "pdf", "--documents", "list", "--out", "out-epoch"], { cwd: repo, env: { SOURCE_DATE_EPOCH: "1700000000" } });
    expect(run.code).toBe(0);
    expect(await creation(pdfsIn(join(repo, "out-epoch")))).toEqual(new Set(["2023-11-14T22:13:20.000Z"]));
  });

  it("is the file's modification time when it differs from its last commit", async () => {
    const changed = makeRepository();
    writeFileSync(join(changed, session), `${readFileSync(join(changed, session), "utf8")}\n# relu\n`);
    const mtime = new Date("2025-06-07T08:09:10Z");
    utimesSync(join(changed, session), mtime, mtime);
    const pdfs = await build(changed, "out", "--documents", "list");
    expect(await creation(pdfs)).toEqual(new Set([mtime.toISOString()]));
  });
});

describe("a page with links and transparency (ISO 19005-2 6.3.2, 6.2.10)", { timeout: BROWSER_TIMEOUT }, () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await openBrowser(chromiumForTests());
  }, BROWSER_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
  }, BROWSER_TIMEOUT);

  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>t</title></head>
<body><p>Voir <a href="https://www.legifrance.gouv.fr/">Légifrance</a> et <a href="#annexe">l’annexe</a>.</p>
<p style="opacity: .5">texte à demi transparent</p><h2 id="annexe">Annexe</h2></body></html>`;
  const meta = { title: "Délibération", author: "Commune", subject: "Extrait", language: "fr-FR", date: new Date("2024-03-12T10:00:00Z") };

  it("an annotation without flags gets the print flag (a PDF assembled by pdf-lib, as the register is)", async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const page = doc.addPage();
    const link = doc.context.register(doc.context.obj({ Type: "Annot", Subtype: "Link", Rect: [10, 10, 50, 20], Border: [0, 0, 0] }));
    page.node.set(PDFName.of("Annots"), doc.context.obj([link]));
    const plain = await doc.save({ useObjectStreams: false });
    expect(annotations(await load(plain))).toEqual([{ subtype: "Link", flags: undefined }]);
    const archived = archivePdf(plain, { level: "pdfa-2b" });
    expect(annotations(await load(archived))).toEqual([{ subtype: "Link", flags: 4 }]);
    expect(qpdfCheck(archived).code).toBe(0);
  });

  it("every annotation of an archival PDF is printable, none hidden", async () => {
    const pdf = await renderPdf(browser, html, { ...meta, archival: { level: "pdfa-2b" } });
    const links = annotations(await load(pdf));
    expect(links.length).toBe(2);
    for (const link of links) {
      expect(link.flags! & 4).toBe(4); // Print
      expect(link.flags! & (1 | 2 | 32 | 256)).toBe(0); // Invisible, Hidden, NoView, ToggleNoView
    }
    expect(qpdfCheck(pdf).code).toBe(0);
  });

  it("6.2.10: Chromium's transparency groups (no /CS) stand on the sRGB output intent", async () => {
    const pdf = await renderPdf(browser, html, { ...meta, archival: { level: "pdfa-2b" } });
    const text = uncompressedText(pdf);
    const groups = [...text.matchAll(/\/Group <<([^>]*)>>/g)].map((m) => m[1]!);
    // The half-transparent paragraph is a transparency group: PDF/A-2 allows it...
    expect(groups.some((g) => /\/S \/Transparency/.test(g))).toBe(true);
    // ...its blending space, when named, device RGB or ICC-based, as the output intent is RGB (6.2.4.3)...
    for (const group of groups) expect(/\/CS\s+(\/(?!DeviceRGB\b)\w+)/.exec(group), group).toBeNull();
    // ...and without a /CS of its own it takes the output intent's (clause 6.2.10, test 2).
    expect(outputIntents(await load(pdf)).map((i) => i.subtype)).toEqual(["GTS_PDFA1"]);
  });
});
