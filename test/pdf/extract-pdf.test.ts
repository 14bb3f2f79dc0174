import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { missingReferenceLines, normalize } from "../support/reference.js";
import { repoRoot, runCli } from "../support/run-cli.js";

const example = join(repoRoot, "examples/nord-pas-de-calais-numerique/2021-05-18.yaml");

/** The text of each page, as poppler's pdftotext reads it. */
function pagesOf(pdf: string): string[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
  return Array.from({ length: pages }, (_, i) =>
    execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", pdf, "-"], { encoding: "utf8" }),
  );
}

/** A page's text without its running header (first line) and page counter (last line). */
function bodyOfPage(page: string): string {
  const lines = page.split("\n").filter((l) => l.trim() !== "");
  return lines.slice(1, -1).join("\n");
}

describe("the PDF extract of 2021-06, printed by real Chromium", () => {
  let out: string;
  let pages: string[];

  beforeAll(async () => {
    out = join(mkdtempSync(join(tmpdir(), "delib-pdf-")), "out");
    const run = await runCli(["build", example, "--out", out, "--documents", "extract"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    pages = pagesOf(join(out, "2021-06.pdf"));
  });

  it("is an A4 document with its metadata", async () => {
    const info = execFileSync("pdfinfo", [join(out, "2021-06.pdf")], { encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/);
    expect(info).toMatch(/Title:\s+Délibération 2021-06 – Adhésion 2021 aux Assembleurs/);
    expect(info).toMatch(/Author:\s+Syndicat mixte ouvert « Nord-Pas-de-Calais Numérique »/);
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });

  it("holds every line of the reference document", async () => {
    // Per page with -layout: pdftotext's plain mode drops a hyphen that ends a line (vingt-|et-un).
    // The running header and the page counter stand between pages: leave them out.
    expect(missingReferenceLines(pages.map(bodyOfPage).join("\n"))).toEqual([]);
  });

  it("numbers the pages and repeats the body and the number at the top of each", async () => {
    pages.forEach((page, i) => {
      const lines = page.split("\n").filter((l) => l.trim() !== "");
      expect(lines[0]!.trim()).toBe("Syndicat mixte ouvert « Nord-Pas-de-Calais Numérique » — Délibération 2021-06");
      expect(lines[lines.length - 1]!.trim()).toBe(`Page ${i + 1} / ${pages.length}`);
    });
  });

  it("says where it comes from once, at the end of its last page, not at the foot of every page (issue 11)", async () => {
    const withSource = pages.map((page) => /Source : examples\/nord-pas-de-calais-numerique\/2021-05-18\.yaml/.test(page));
    expect(withSource).toEqual(pages.map((_, i) => i === pages.length - 1));
    const last = normalize(pages[pages.length - 1]!);
    expect(last).toMatch(/Source : examples\/nord-pas-de-calais-numerique\/2021-05-18\.yaml, (version|modifiée depuis la version) [0-9a-f]{12} — empreinte [0-9a-f]{16} Page/);
    // The PDF's metadata carries the same, for `delib verify`.
    const info = execFileSync("pdfinfo", ["-custom", join(out, "2021-06.pdf")], { encoding: "utf8" });
    expect(info).toMatch(/DelibSource:\s+examples\/nord-pas-de-calais-numerique\/2021-05-18\.yaml/);
  });

  it("prints the computed totals row and vote figures", async () => {
    const first = pages[0]!;
    expect(first).toMatch(/Total\s+9\s+0\s+12\s+2\s*\n/);
    const all = normalize(pages.join("\n"));
    expect(all).toContain("Voix pour : 2 Voix contre : 0 Abstentions : 0 Suffrages exprimés : 2");
  });

  it("keeps the vote block and the signature together on the last page", async () => {
    const last = normalize(pages[pages.length - 1]!);
    expect(last).toContain("Adoptée par :");
    expect(last).toContain("Fait et délibéré en séance les jour, mois et an que dessus.");
    expect(last).toContain("Pour extrait conforme, le 19 mai 2021,");
    expect(last).toContain("Le Président du Syndicat mixte,");
    expect(last).toContain("Christophe COULON");
  });

  it("gives the same bytes when built again", async () => {
    const again = join(mkdtempSync(join(tmpdir(), "delib-pdf-")), "out");
    expect((await runCli(["build", example, "--out", again])).code).toBe(0);
    expect(readFileSync(join(again, "2021-06.pdf")).equals(readFileSync(join(out, "2021-06.pdf")))).toBe(true);
    expect(readFileSync(join(again, "2021-06.html")).equals(readFileSync(join(out, "2021-06.html")))).toBe(true);
  });
});
