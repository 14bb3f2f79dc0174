// Provenance and `delib verify`, in real git repositories made in temporary folders, on PDFs
// printed by real Chromium and then tampered with as a forger or a PDF editor would (issue 13).
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync, inflateSync } from "node:zlib";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { checkSeal, sealPdf } from "../../src/browser/pdf-seal.js";
import { readPrintedRecord } from "../../src/provenance/verify.js";
import { repoRoot, runCli } from "../support/run-cli.js";

const example = join(repoRoot, "examples/nord-pas-de-calais-numerique/2021-05-18.yaml");

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_DATE: "2021-05-20T10:00:00Z", GIT_COMMITTER_DATE: "2021-05-20T10:00:00Z" } }).trim();
}

function newRepository(): string {
  const root = mkdtempSync(join(tmpdir(), "delib-git-"));
  git(root, "init", "-q", "-b", "main");
  git(root, "config", "user.email", "greffe@example.org");
  git(root, "config", "user.name", "Greffe");
  mkdirSync(join(root, "seances"));
  copyFileSync(example, join(root, "seances/2021-05-18.yaml"));
  git(root, "add", ".");
  git(root, "commit", "-q", "-m", "Séance du 18 mai 2021");
  return root;
}

/** A copy of a repository, to change its source without touching the others' tests. */
function copyOf(root: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), "delib-copy-")), "repo");
  cpSync(root, copy, { recursive: true });
  return copy;
}

const pdfText = (file: string) => execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });

/** Where the data of a PDF's stream objects lie (start and length), in file order. */
function streams(pdf: Buffer): { number: number; start: number; length: number; dict: string }[] {
  const text = pdf.toString("latin1");
  return [...text.matchAll(/(?:^|\n)(\d+) 0 obj\s*<<([^>]*?)>>\s*stream\r?\n/g)].map((m) => ({
    number: Number(m[1]),
    start: m.index! + m[0].length,
    length: Number(/\/Length (\d+)/.exec(m[2]!)![1]),
    dict: m[2]!,
  }));
}

/** The first page's content stream (Chromium writes the pages' contents first). */
function firstContent(pdf: Buffer) {
  return streams(pdf).find((s) => !s.dict.includes("/Length1") && inflateSync(pdf.subarray(s.start, s.start + s.length)).includes("BT"))!;
}

/**
 * Edits the printed text in place, as a forger with a hex editor would: one glyph of page 1
 * becomes another, the stream compressed again and padded to its length (no offset moves).
 */
function editText(pdf: Buffer): Buffer {
  const stream = firstContent(pdf);
  const content = inflateSync(pdf.subarray(stream.start, stream.start + stream.length)).toString("latin1");
  const edited = Buffer.from(content.replace(/<([0-9A-F]{4})> Tj/, (_m, glyph: string) => `<${glyph === "0014" ? "0015" : "0014"}> Tj`), "latin1");
  const packed = [9, 6, 1].map((level) => deflateSync(edited, { level })).find((b) => b.length <= stream.length)!;
  const out = Buffer.from(pdf);
  out.fill(0x20, stream.start, stream.start + stream.length);
  packed.copy(out, stream.start);
  return out;
}

/** Corrupts the middle of page 1's content stream in place. */
function corruptStream(pdf: Buffer): Buffer {
  const stream = firstContent(pdf);
  const out = Buffer.from(pdf);
  const middle = stream.start + Math.floor(stream.length / 2);
  for (let i = middle; i < middle + 16; i++) out[i] = out[i]! ^ 0xff;
  return out;
}

/** delib's information dictionary, as printed (the object and its body). */
function infoOf(pdf: Buffer): { number: number; body: string } {
  const text = pdf.toString("latin1");
  const number = Number([...text.matchAll(/\/Info (\d+) 0 R/g)].pop()![1]);
  const body = new RegExp(`\\n${number} 0 obj\\n(<<[\\s\\S]*?>>)\\nendobj`).exec(text)![1]!;
  return { number, body };
}

/** Appends an incremental update (ISO 32000-1 7.5.6) that (re)defines `objects`, as a PDF editor saves. */
function appendUpdate(pdf: Buffer, objects: { number: number; body: string }[], info?: number): Buffer {
  const text = pdf.toString("latin1");
  const trailer = [...text.matchAll(/trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)/g)].pop()!;
  const size = Number(/\/Size (\d+)/.exec(trailer[1]!)![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer[1]!)![1];
  const infoRef = info ?? Number(/\/Info (\d+) 0 R/.exec(trailer[1]!)![1]);
  let update = "";
  const xref: string[] = [];
  for (const object of objects) {
    xref.push(`${object.number} 1\n${String(text.length + update.length).padStart(10, "0")} 00000 n \n`);
    update += `${object.number} 0 obj\n${object.body}\nendobj\n`;
  }
  const at = text.length + update.length;
  update += `xref\n0 1\n0000000000 65535 f \n${xref.join("")}trailer\n<</Size ${Math.max(size, ...objects.map((o) => o.number + 1))}\n/Root ${root}\n/Info ${infoRef} 0 R\n/Prev ${trailer[2]}>>\nstartxref\n${at}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, "latin1")]);
}

/** A title as the PDF writes it (UTF-16BE hex with its byte-order mark). */
const hexTitle = (title: string) => `<FEFF${[...title].map((c) => c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()).join("")}>`;

describe("provenance and delib verify", () => {
  let root: string;
  let pdf: string;
  let printed: Buffer;
  let printedFrom: string;

  beforeAll(async () => {
    root = newRepository();
    printedFrom = git(root, "rev-parse", "HEAD");
    const run = await runCli(["build", "seances/2021-05-18.yaml", "--documents", "extract", "--out", "out"], { cwd: root });
    expect(run.code).toBe(0);
    pdf = join(root, "out/2021-06.pdf");
    printed = readFileSync(pdf);
    mkdirSync(join(root, "tampered"));
  });

  /** Writes a tampered copy of the printed PDF and verifies it. */
  async function verifyTampered(name: string, bytes: Buffer) {
    expect(bytes.equals(printed), name).toBe(false);
    writeFileSync(join(root, "tampered", name), bytes);
    return runCli(["verify", `tampered/${name}`], { cwd: root });
  }

  it("prints the source, its commit and its hash in the footer and the metadata", async () => {
    const record = readPrintedRecord(printed);
    expect(record).toMatchObject({ kind: "extract", number: "2021-06", source: "seances/2021-05-18.yaml", commit: printedFrom });
    expect(record.sourceHash).toMatch(/^[0-9a-f]{64}$/);
    const html = readFileSync(join(root, "out/2021-06.html"), "utf8");
    expect(html).toContain(`Source : seances/2021-05-18.yaml, version ${printedFrom.slice(0, 12)} — empreinte ${record.sourceHash!.slice(0, 16)}`);
  });

  it("seals the PDF, and the same source gives the same bytes, found through a glob or a folder", async () => {
    expect(checkSeal(printed)).toEqual({ state: "intact" });
    expect(printed.toString("latin1")).toMatch(/\/DelibSeal \([0-9a-f]{64}\)>>\nendobj\n/);
    for (const [argument, out] of [["seances/*.yaml", "out-glob"], ["seances", "out-folder"]] as const) {
      const run = await runCli(["build", argument, "--documents", "extract", "--out", out], { cwd: root });
      expect(run.code, argument).toBe(0);
      const again = readFileSync(join(root, out, "2021-06.pdf"));
      expect(readPrintedRecord(again), argument).toMatchObject({ source: "seances/2021-05-18.yaml", commit: printedFrom });
      expect(again.equals(printed), `${argument}: byte for byte`).toBe(true);
      expect((await runCli(["verify", `${out}/2021-06.pdf`], { cwd: root })).code, argument).toBe(0);
    }
  });

  it("says an untouched PDF is identical: as printed, and what the source gives", async () => {
    const run = await runCli(["verify", "out/2021-06.pdf"], { cwd: root });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        `out/2021-06.pdf: extract 2021-06, printed from seances/2021-05-18.yaml at ${printedFrom.slice(0, 12)}`,
        "  the PDF itself: as printed (its seal holds)",
        "  source at HEAD: unchanged",
        "  document at HEAD: the same as printed",
        "  working folder: no uncommitted change to the source",
        "verdict: identical: the PDF is as printed, and the source still gives this document (extract 2021-06)",
        "",
      ].join("\n"),
    );
  });

  describe("a PDF changed after printing (exit 10, DLB4014)", () => {
    it("text edited within a page's stream", async () => {
      const bytes = editText(printed);
      writeFileSync(join(root, "tampered/text.pdf"), bytes);
      expect(pdfText(join(root, "tampered/text.pdf"))).not.toBe(pdfText(pdf)); // a reader sees other text
      const run = await verifyTampered("text.pdf", bytes);
      expect(run.code).toBe(10);
      expect(run.stdout).toContain("the PDF itself: CHANGED after printing (its seal no longer holds)");
      expect(run.stdout).toContain("verdict: the PDF was CHANGED after printing");
      expect(run.stderr).toContain("error DLB4014: tampered/text.pdf: this PDF was changed after it was printed: its content no longer matches the seal");
      expect(run.stderr).toContain("do not use this copy as a document of the register");
    });

    it("a stream corrupted", async () => {
      const run = await verifyTampered("corrupt.pdf", corruptStream(printed));
      expect(run.code).toBe(10);
      expect(run.stderr).toContain("error DLB4014: tampered/corrupt.pdf: this PDF was changed after it was printed");
    });

    it("the title changed in place, same length", async () => {
      const title = (await PDFDocument.load(printed, { updateMetadata: false })).getTitle()!;
      const forged = title.replace("Adhésion", "Adhesion");
      const text = printed.toString("latin1");
      const at = text.lastIndexOf(hexTitle(title));
      expect(at).toBeGreaterThan(0);
      const bytes = Buffer.from(text.slice(0, at) + hexTitle(forged) + text.slice(at + hexTitle(title).length), "latin1");
      expect((await PDFDocument.load(bytes, { updateMetadata: false })).getTitle()).toBe(forged);
      const run = await verifyTampered("title-in-place.pdf", bytes);
      expect(run.code).toBe(10);
      expect(run.stderr).toContain("error DLB4014: tampered/title-in-place.pdf: this PDF was changed after it was printed: its content");
    });

    it("the title changed by an incremental update, delib's keys copied along; says what changed and where the original ends", async () => {
      const info = infoOf(printed);
      const size = Number(/\/Size (\d+)/.exec([...printed.toString("latin1").matchAll(/trailer\s*<<([\s\S]*?)>>/g)].pop()![1]!)![1]);
      const body = info.body.replace(/\/Title <[0-9A-F]+>/, `/Title ${hexTitle("Délibération 2021-06 – Retrait des Assembleurs")}`);
      const bytes = appendUpdate(printed, [{ number: size, body }], size);
      expect((await PDFDocument.load(bytes, { updateMetadata: false })).getTitle()).toBe("Délibération 2021-06 – Retrait des Assembleurs");
      expect(readPrintedRecord(bytes)).toEqual(readPrintedRecord(printed)); // the record reads the same
      const run = await verifyTampered("title-update.pdf", bytes);
      expect(run.code).toBe(10);
      expect(run.stderr).toContain(
        `error DLB4014: tampered/title-update.pdf: this PDF was changed after it was printed: an update was added at the end of the file (as a PDF editor saves), which changes its metadata (title); the PDF as printed is still intact in its first ${printed.length} bytes`,
      );
    });

    it("the first page blanked by an incremental update", async () => {
      const content = firstContent(printed);
      const bytes = appendUpdate(printed, [{ number: content.number, body: "<</Length 0>>\nstream\n\nendstream" }]);
      writeFileSync(join(root, "tampered/blank-update.pdf"), bytes);
      const pages = pdfText(join(root, "tampered/blank-update.pdf")).split("\f");
      expect(pages[0]!.trim()).toBe(""); // a reader sees a blank first page
      expect(pages[1]!.trim()).not.toBe("");
      const run = await verifyTampered("blank-update.pdf", bytes);
      expect(run.code).toBe(10);
      expect(run.stderr).toContain("which changes page 1; the PDF as printed is still intact");
    });

    it("the first page blanked by a PDF library that writes the file anew (pdf-lib), metadata kept", async () => {
      const document = await PDFDocument.load(printed, { updateMetadata: false });
      const { width, height } = document.getPage(0).getSize();
      document.removePage(0);
      document.insertPage(0, [width, height]);
      const bytes = Buffer.from(await document.save({ useObjectStreams: false, updateFieldAppearances: false }));
      expect(readPrintedRecord(bytes)).toEqual(readPrintedRecord(printed));
      const run = await verifyTampered("blank-rewritten.pdf", bytes);
      expect(run.code).toBe(10);
      expect(run.stderr).toContain("error DLB4014: tampered/blank-rewritten.pdf: this PDF was changed after it was printed: its content");
    });

    it("with qpdf: the file rewritten, pages and metadata kept", async () => {
      const out = join(root, "tampered/qpdf.pdf");
      execFileSync("qpdf", ["--object-streams=disable", pdf, out]);
      const run = await runCli(["verify", "tampered/qpdf.pdf"], { cwd: root });
      expect(run.code).toBe(10);
      expect(run.stderr).toContain("error DLB4014");
    });

    it("even outside a repository: the PDF itself is checked", async () => {
      const plain = mkdtempSync(join(tmpdir(), "delib-nogit-"));
      writeFileSync(join(plain, "2021-06.pdf"), corruptStream(printed));
      const run = await runCli(["verify", "2021-06.pdf"], { cwd: plain });
      expect(run.code).toBe(10);
      expect(run.stderr).toContain("error DLB4014");
    });
  });

  describe("nothing to compare with (exit 13)", () => {
    it("a PDF whose seal was taken away (DLB4015)", async () => {
      const bytes = Buffer.from(printed.toString("latin1").replace("/DelibSeal (", "/DelibSeaX ("), "latin1");
      const run = await verifyTampered("unsealed.pdf", bytes);
      expect(run.code).toBe(13);
      expect(run.stdout).toContain("the PDF itself: not sealed, cannot be checked");
      expect(run.stdout).toContain("verdict: cannot be verified: this PDF carries no seal");
      expect(run.stderr).toContain("error DLB4015: tampered/unsealed.pdf: this PDF carries no seal");
    });

    it("a PDF with no record of its source (DLB4012)", async () => {
      writeFileSync(join(root, "tampered/scan.pdf"), "%PDF-1.4\n1 0 obj << /Title (Scan) >> endobj\n%%EOF\n");
      const run = await runCli(["verify", "tampered/scan.pdf"], { cwd: root });
      expect(run.code).toBe(13);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/^error DLB4012: tampered\/scan\.pdf: this PDF was not printed by delib/m);
    });

    it("a source that is nowhere in the repository, at a commit it does not have (DLB4018)", async () => {
      const other = mkdtempSync(join(tmpdir(), "delib-other-"));
      git(other, "init", "-q", "-b", "main");
      git(other, "-c", "user.email=a@b", "-c", "user.name=A", "commit", "-q", "--allow-empty", "-m", "vide");
      copyFileSync(pdf, join(other, "2021-06.pdf"));
      const run = await runCli(["verify", "2021-06.pdf"], { cwd: other });
      expect(run.code).toBe(13);
      expect(run.stdout).toContain("the PDF itself: as printed (its seal holds)");
      expect(run.stderr).toContain(`error DLB4018: 2021-06.pdf: the source of this PDF cannot be found: it was printed from seances/2021-05-18.yaml at commit ${printedFrom.slice(0, 12)}`);
    });
  });

  it("takes a forged record for words: its commit never becomes an option of git", async () => {
    // Resealed after the forgery: the seal is no signature, and verify must still be safe.
    const forged = printed
      .toString("latin1")
      .replace(`/DelibCommit (${printedFrom})`, `/DelibCommit (${"--output=pwned".padEnd(40, "x")})`)
      .replace(/\/DelibSeal \([0-9a-f]{64}\)/, `/DelibSeal (${"0".repeat(64)})`);
    const bytes = Buffer.from(sealPdf(forged), "latin1");
    expect(checkSeal(bytes)).toEqual({ state: "intact" });
    const run = await verifyTampered("forged-commit.pdf", bytes);
    expect(readdirSync(root).filter((name) => name.startsWith("pwned"))).toEqual([]); // git log --output=… would write it
    expect(run.code).toBe(0); // the source at HEAD still gives the document
    expect(run.stderr).toContain("warning DLB4019: tampered/forged-commit.pdf: the commit this PDF was printed from, --output=pwn, is not in this repository");
  });

  describe("a source changed since printing", () => {
    const file = (repo: string) => join(repo, "seances/2021-05-18.yaml");

    it("by a commit: exit 11, and names the commit (DLB4016)", async () => {
      const repo = copyOf(root);
      changeVote(repo);
      git(repo, "commit", "-q", "-am", "Corriger le vote de la délibération 2021-06");
      const changed = git(repo, "rev-parse", "HEAD");
      const run = await runCli(["verify", "out/2021-06.pdf"], { cwd: repo });
      expect(run.code).toBe(11);
      expect(run.stdout).toContain("the PDF itself: as printed (its seal holds)");
      expect(run.stdout).toContain("source at HEAD: changed since it was printed");
      expect(run.stdout).toContain("document at HEAD: DIFFERENT from what was printed");
      expect(run.stdout).toContain("working folder: no uncommitted change to the source");
      expect(run.stdout).toContain(`${changed.slice(0, 12)}  2021-05-20  Corriger le vote de la délibération 2021-06`);
      expect(run.stdout).toContain("verdict: the source has changed since printing (committed changes)");
      expect(run.stderr).toContain("error DLB4016: out/2021-06.pdf: the register’s source has changed since printing: seances/2021-05-18.yaml as committed at HEAD gives a different document (extract 2021-06)");

      const byNumber = await runCli(["verify", "2021-06"], { cwd: repo });
      expect(byNumber.code).toBe(0);
      expect(byNumber.stdout).toContain("2021-06: in seances/2021-05-18.yaml");
      expect(byNumber.stdout).toContain("changed after it was adopted, by:");
      expect(byNumber.stdout).toContain(changed.slice(0, 12));
    });

    it("finds a deliberation by its number in a folder whose name has accents (git quotes such names in its lines)", async () => {
      const repo = copyOf(root);
      git(repo, "mv", "seances", "séances");
      git(repo, "commit", "-q", "-m", "Renommer le dossier des séances");
      const byNumber = await runCli(["verify", "2021-06"], { cwd: repo });
      expect(byNumber.stdout).toContain("2021-06: in séances/2021-05-18.yaml");
    });

    it("by a change not committed: exit 12, says it is in the working folder (DLB4017)", async () => {
      const repo = copyOf(root);
      changeVote(repo);
      const run = await runCli(["verify", "out/2021-06.pdf"], { cwd: repo });
      expect(run.code).toBe(12);
      expect(run.stdout).toContain("source at HEAD: unchanged");
      expect(run.stdout).toContain("document at HEAD: the same as printed");
      expect(run.stdout).toContain("working folder: uncommitted changes to the source: the document is DIFFERENT");
      expect(run.stdout).toContain("verdict: the source has changed since printing (changes not committed, in the working folder)");
      expect(run.stderr).toContain("error DLB4017: out/2021-06.pdf: the source has changes not yet committed: seances/2021-05-18.yaml in the working folder gives a different document (extract 2021-06)");
      expect(run.stderr).toContain("hint: commit the change (`git commit seances/2021-05-18.yaml`) and print again, or undo it (`git restore seances/2021-05-18.yaml`)");
    });

    it("by a commit that removes the file: exit 11 (DLB4016)", async () => {
      const repo = copyOf(root);
      git(repo, "rm", "-q", "seances/2021-05-18.yaml");
      git(repo, "commit", "-q", "-m", "Retirer la séance");
      const run = await runCli(["verify", "out/2021-06.pdf"], { cwd: repo });
      expect(run.code).toBe(11);
      expect(run.stdout).toContain("the source file no longer exists at HEAD");
      expect(run.stderr).toContain("error DLB4016: out/2021-06.pdf: the register’s source has changed since printing: seances/2021-05-18.yaml is no longer in the register at HEAD");
    });

    it("printed before its changes were committed: exit 12 until they are, then identical with a warning (DLB4019)", async () => {
      const repo = copyOf(root);
      changeVote(repo);
      expect((await runCli(["build", "seances/2021-05-18.yaml", "--documents", "extract", "--out", "out-wip"], { cwd: repo })).code).toBe(0);
      const before = await runCli(["verify", "out-wip/2021-06.pdf"], { cwd: repo });
      expect(before.code).toBe(12);
      expect(before.stdout).toContain("document at HEAD: DIFFERENT from what was printed");
      expect(before.stdout).toContain("working folder: uncommitted changes to the source, the document is the same");
      expect(before.stderr).toContain("error DLB4017: out-wip/2021-06.pdf: printed from changes that are not committed: seances/2021-05-18.yaml in the working folder gives this document (extract 2021-06), the register at HEAD does not");

      git(repo, "commit", "-q", "-am", "Corriger le vote de la délibération 2021-06");
      const later = git(repo, "rev-parse", "HEAD");
      const after = await runCli(["verify", "out-wip/2021-06.pdf"], { cwd: repo });
      expect(after.code).toBe(0);
      expect(after.stdout).not.toContain("commits that changed"); // the commit that holds what was printed is no change since
      expect(after.stderr).toContain(
        `warning DLB4019: out-wip/2021-06.pdf: this PDF was printed from changes to seances/2021-05-18.yaml that were not committed at the time; they were committed later, in ${later.slice(0, 12)}`,
      );
    });

    it("by a change that does not touch the document: identical, and says so", async () => {
      const repo = copyOf(root);
      writeFileSync(file(repo), readFileSync(file(repo), "utf8").replace("# Comité syndical of 18 May 2021", "# Comité syndical du 18 mai 2021"));
      const run = await runCli(["verify", "out/2021-06.pdf"], { cwd: repo });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("working folder: uncommitted changes to the source, the document is the same");
    });
  });

  it("ignores a commit that touches the file but not the deliberation", async () => {
    const repo = newRepository();
    const file = join(repo, "seances/2021-05-18.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("# Comité syndical of 18 May 2021", "# Comité syndical du 18 mai 2021"));
    git(repo, "commit", "-q", "-am", "Commentaire");
    const run = await runCli(["verify", "2021-06"], { cwd: repo });
    expect(run.stdout).toContain("unchanged since it was adopted into the register");
  });

  it("degrades to a clear message outside git, and warns in a shallow clone", async () => {
    const plain = mkdtempSync(join(tmpdir(), "delib-nogit-"));
    copyFileSync(pdf, join(plain, "2021-06.pdf"));
    const outside = await runCli(["verify", "2021-06.pdf"], { cwd: plain });
    expect(outside.code).toBe(3);
    expect(outside.stdout).toContain("the PDF itself: as printed (its seal holds)");
    expect(outside.stderr).toContain("error DLB4010: this folder is not in a git repository");

    const repo = copyOf(root);
    changeVote(repo);
    git(repo, "commit", "-q", "-am", "Corriger");
    const shallow = join(mkdtempSync(join(tmpdir(), "delib-shallow-")), "clone");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo}`, shallow]);
    copyFileSync(pdf, join(shallow, "2021-06.pdf"));
    const run = await runCli(["verify", "2021-06.pdf"], { cwd: shallow });
    expect(run.stderr).toContain("warning DLB4011: this is a shallow clone");
    expect(run.stdout).toContain("source at HEAD: changed since it was printed");
  });
});

/** Changes the vote of deliberation 2021-06 in the working folder of `repo`. */
function changeVote(repo: string): void {
  const file = join(repo, "seances/2021-05-18.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("      for: 2\n      against: 0\n      abstentions: 0", "      for: 1\n      against: 0\n      abstentions: 1"));
}
