// Issue 11, done when: the example commune sitting after the 2022 reform (examples/
// aubencourt-sur-noirieu/), built as a clerk builds it in a register repository of its own, and
// read back page by page from the PDFs real Chromium prints: the procès-verbal holds the full
// text of every deliberation and every point without a vote, in order, with the attendance
// changes; each extract carries every mention, and the letterhead, certification place and
// recourse of delib.config.yaml; no page carries the technical footer, and `delib verify` still
// answers on the built PDF.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import type { Session } from "../../src/model/session.js";
import { pdfPageCount, pdfPages, splitNames } from "../support/pdf-pages.js";
import { normalize } from "../support/reference.js";
import { repoRoot, runCli } from "../support/run-cli.js";

const exampleDir = join(repoRoot, "examples/aubencourt-sur-noirieu");
const sessionFile = "2023-04-07.yaml";
const session = load(readFileSync(join(exampleDir, sessionFile), "utf8"), { schema: CORE_SCHEMA }) as Session;
const minutesName = "proces-verbal-2023-04-07";

/** Text as a reader compares it: one space between words, plain apostrophes. */
const plain = (text: string) => normalize(text).replace(/\u2019/g, "'");
/** Markdown's own marks, gone once rendered. */
const unmarked = (text: string) => plain(text.replace(/\*\*|__|^- /gm, ""));

describe("the example commune sitting after the 2022 reform, printed by real Chromium", () => {
  let repo: string;
  const printed = new Map<string, string[]>();
  /** A document's text, its running header and page counter left out (they stand between pages). */
  const text = (name: string) =>
    plain(
      printed
        .get(name)!
        .map((page) => page.split("\n").filter((l) => l.trim() !== "").slice(1, -1).join("\n"))
        .join("\n"),
    );

  beforeAll(async () => {
    // A register repository of its own: its configuration, the sitting, one commit.
    repo = mkdtempSync(join(tmpdir(), "delib-commune-2022-"));
    cpSync(exampleDir, join(repo, "seances"), { recursive: true });
    const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: "pipe" });
    git("init", "-q");
    git("-c", "user.name=Secrétariat", "-c", "user.email=mairie@example.invalid", "add", ".");
    git("-c", "user.name=Secrétariat", "-c", "user.email=mairie@example.invalid", "commit", "-q", "-m", "Séance du 7 avril 2023");
    const run = await runCli(["build", `seances/${sessionFile}`, "--out", "out"], { cwd: repo });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    for (const name of [...session.motions.map((m) => m.number), minutesName, "liste-des-deliberations-2023-04-07"]) {
      const bytes = readFileSync(join(repo, "out", `${name}.pdf`));
      const pages = await pdfPages(bytes);
      expect(pages.length).toBe(await pdfPageCount(bytes));
      printed.set(name, pages);
    }
  }, 120_000);

  it("prints, in the procès-verbal, every point in the order of the sitting, each deliberation in full", () => {
    const pv = text(minutesName);
    const body = pv.slice(pv.indexOf("Déroulement de la séance"));
    // What must appear, in this order: each item's text and decisions, each deliberation's
    // heading, preamble, visas, considérants, decisions and result.
    const expected: string[] = [];
    const items = session.items ?? [];
    const itemTexts = (where: (i: NonNullable<Session["items"]>[number]) => boolean) =>
      items.filter(where).flatMap((i) => [i.title, ...(i.text ? [unmarked(i.text)] : []), ...(i.decisions ?? []).flatMap((d) => [d.number ?? "", plain(d.object)])]);
    for (const m of session.motions) {
      expected.push(...itemTexts((i) => i.before === m.number));
      expected.push(`Délibération ${m.number} – ${plain(m.title)}`);
      if (m.preamble) expected.push(...m.preamble.split(/\n\s*\n/).map(unmarked));
      expected.push(...(m.visas ?? []).map(unmarked), ...(m.considerations ?? []).map(unmarked));
      for (const d of m.decisions) expected.push(d.verb, ...d.articles.map(unmarked));
      expected.push("Adoptée");
      expected.push(...itemTexts((i) => i.after === m.number));
    }
    expected.push(...itemTexts((i) => i.before === undefined && i.after === undefined));
    let at = 0;
    for (const piece of expected.filter((p) => p !== "")) {
      const found = body.indexOf(piece, at);
      expect(found, `« ${piece.slice(0, 80)} » after position ${at}`).toBeGreaterThan(-1);
      at = found + piece.length;
    }
  });

  it("records the attendance changes where they happened, and the names of a public ballot", () => {
    const pv = text(minutesName);
    const first = pv.indexOf("Délibération 2023-01 –");
    expect(pv.indexOf("Madame Nathalie VASSEUR rejoint la séance.")).toBeGreaterThan(first);
    expect(pv.indexOf("Madame Amandine BOURGEOIS rejoint la séance.")).toBeGreaterThan(first);
    expect(pv).toContain("Monsieur Jean-Claude DELVILLE s'est retiré");
    expect(pv).toContain("Scrutin public à la demande de");
    expect(pv).toMatch(/A voté contre : M\. Didier MAILLARD\./);
    expect(pv).toMatch(/S'est abstenu : M\. Pascal DEVAUX\./);
  });

  it("is a draft: « Projet » drawn on every page, said under the title, and out of the text a reader copies", () => {
    const pages = printed.get(minutesName)!;
    expect(plain(pages[0]!)).toContain("Projet de procès-verbal, soumis au conseil municipal pour être arrêté");
    // The mark is drawn: no page's text holds the word as a stray line.
    for (const page of pages) expect(page).not.toMatch(/P\s*R\s*O\s*J\s*E\s*T/);
  });

  it("puts on every extract the formulas, the certification, the exécutoire block and the recourse", () => {
    for (const m of session.motions) {
      const t = text(m.number);
      expect(t, m.number).toContain("Après en avoir délibéré,");
      expect(t, m.number).toContain("Fait et délibéré en séance les jour, mois et an que dessus.");
      expect(t, m.number).toContain("Pour extrait conforme, à Aubencourt-sur-Noirieu, le 8 avril 2023,");
      expect(t, m.number).toContain("Voies et délais de recours");
      expect(t, m.number).toContain("devant le Tribunal administratif d'Amiens (14 rue Lemerchier, CS 81114, 80011 Amiens Cedex 01) dans un délai de deux mois");
      expect(t, m.number).toContain("Télérecours citoyens");
      if (m.rapporteur) expect(t, m.number).toContain(", rapporteur,");
      else expect(t, m.number).not.toContain("rapporteur");
    }
    expect(text("2023-01")).toContain(
      "Certifié exécutoire compte tenu de la transmission en préfecture le 12 avril 2023 (accusé de réception n° 002-210209999-20230412-2023_01-DE) et de la publication le 13 avril 2023.",
    );
    expect(text("2023-02")).toContain("Transmise au représentant de l'État le : 12 avril 2023");
    expect(text("2023-02")).toMatch(/Publiée le : …+/);
    expect(text("2023-03")).toMatch(/Transmise au représentant de l'État le : …+ Accusé de réception @CTES n° : …+ Publiée le : …+/);
  });

  it("ticks the maire « Retirés » on the compte administratif", () => {
    const lines = printed.get("2023-02")![0]!.split("\n");
    const header = lines.find((l) => l.includes("Membre") && l.includes("Retirés"))!;
    // The maire's row, its note wrapped over the lines before the next member's.
    const start = lines.findIndex((l) => /^\s*M\. Jean-Claude DELVILLE/.test(l));
    const end = lines.findIndex((l, i) => i > start && /^\s*(M\.|Mme) /.test(l));
    const tick = lines.slice(start, end).find((l) => l.includes("X"))!;
    // The X sits under « Retirés », not under « Absents ».
    expect(Math.abs(tick.indexOf("X") - header.indexOf("Retirés"))).toBeLessThan(6);
    expect(plain(lines.join("\n"))).toMatch(/Total 11 0 2 1 13/);
  });

  it("prints the letterhead of delib.config.yaml at the top of every document's first page", () => {
    for (const [name, pages] of printed) {
      const top = plain(pages[0]!.split("\n").slice(0, 14).join("\n"));
      for (const line of ["République française", "Département de l'Aisne", "Arrondissement de Vervins", "COMMUNE D'AUBENCOURT-SUR-NOIRIEU", "1 place de l'Église", "Tél. : 03 23 00 00 00"]) {
        expect(top, `${name}: ${line}`).toContain(line);
      }
    }
  });

  it("says where it comes from on the last page only, and `delib verify` still answers on the PDF", async () => {
    for (const [name, pages] of printed) {
      pages.forEach((page, i) => expect(/Source : seances\/2023-04-07\.yaml/.test(plain(page)), `${name} page ${i + 1}`).toBe(i === pages.length - 1));
    }
    const run = await runCli(["verify", "out/2023-02.pdf"], { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2023-02");
  });

  it("gives the same bytes when built again", async () => {
    expect((await runCli(["build", `seances/${sessionFile}`, "--out", "again"], { cwd: repo })).code).toBe(0);
    for (const name of readdirSync(join(repo, "out"))) {
      expect(readFileSync(join(repo, "again", name)).equals(readFileSync(join(repo, "out", name))), name).toBe(true);
    }
  }, 60_000);

  it("fits each extract on at most two pages, never splits a name across lines, and sets its apostrophes", () => {
    for (const m of session.motions) expect(printed.get(m.number)!.length, m.number).toBeLessThanOrEqual(2);
    expect(splitNames(printed, session.members)).toEqual([]);
    const all = [...printed.values()].flat().join("\n");
    expect(all).toContain("d’Aubencourt-sur-Noirieu");
    expect(all).not.toMatch(/\p{L}'\p{L}/u);
  });
});
