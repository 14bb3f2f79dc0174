// Issue 11, item 6: the page layout, read back from PDFs real Chromium prints. A one-decision
// extract whose text allows it fits on one page; a table longer than a page repeats its header.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Session } from "../../src/model/session.js";
import { pdfPages } from "../support/pdf-pages.js";
import { runCli } from "../support/run-cli.js";
import { session } from "../support/session-builder.js";

/** Builds the extracts of `s` with the CLI and reads each PDF back, page by page. */
async function printExtracts(s: Session): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), "delib-layout-"));
  writeFileSync(join(dir, `${s.session.date}.yaml`), JSON.stringify(s));
  const run = await runCli(["build", `${s.session.date}.yaml`, "--out", "out", "--documents", "extract"], { cwd: dir });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return Promise.all(s.motions.map((m) => pdfPages(readFileSync(join(dir, "out", `${m.number}.pdf`)))));
}

describe("the layout of printed documents", () => {
  it("fits a one-decision extract of a small council on one page", async () => {
    const s = session()
      .members(11)
      .proxy("m10", "m2")
      .excused("m11")
      .vote(
        { for: 10, against: 0 },
        {
          title: "Tarifs de la location de la salle des fêtes",
          rapporteur: "m2",
          visas: ["Vu le Code général des collectivités territoriales,"],
          considerations: ["Considérant qu'il convient de réviser les tarifs fixés en 2019,"],
          decisions: [{ verb: "DÉCIDE", articles: ["De fixer le tarif de location de la salle des fêtes à 150 € par week-end à compter du 1er avril 2024."] }],
        },
      )
      .build();
    const [pages] = await printExtracts(s);
    expect(pages!.length).toBe(1);
    // With everything an extract carries since 2022.
    const text = pages![0]!.replace(/\s+/g, " ");
    for (const part of ["Après en avoir délibéré", "Pour extrait conforme", "Caractère exécutoire", "Voies et délais de recours"]) expect(text).toContain(part);
  }, 60_000);

  it("repeats the attendance table's header on each page the table runs over", async () => {
    const s = session().members(70).vote({ for: 70, against: 0 }).build();
    const [pages] = await printExtracts(s);
    expect(pages!.length).toBeGreaterThanOrEqual(2);
    const withRows = pages!.filter((p) => /M\. Jean M\d+/.test(p));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const page of withRows) expect(page).toMatch(/Membre\s+Présents\s+Absents\s+Excusés\s+Votant\s+Pouvoir à/);
  }, 60_000);
});
