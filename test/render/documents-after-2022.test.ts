// Issue 11: the documents a préfecture and a citizen expect since the 1 July 2022 reform. Each
// mention is driven by data (the session file, delib.config.yaml): these tests change the data
// and read the rendered HTML as a reader would (htmlText), so a mention printed whatever the
// data says, or never printed, fails here.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSessions, tallySession as tally } from "../../src/check.js";
import type { DocumentSettings } from "../../src/config/load-config.js";
import { renderDocuments } from "../../src/documents.js";
import type { Motion, Session } from "../../src/model/session.js";
import { htmlText } from "../support/reference.js";
import { session } from "../support/session-builder.js";

/** The text a reader sees, with typographic apostrophes read as plain ones. */
function text(html: string): string {
  return htmlText(html).replace(/\u2019/g, "'").replace(/[ \t]+/g, " ");
}

function documents(s: Session, settings: DocumentSettings = {}) {
  const rendered = renderDocuments(tally(s), { settings });
  expect(rendered.diagnostics).toEqual([]);
  return rendered.value!;
}

function extractText(s: Session, settings: DocumentSettings = {}): string {
  return text(documents(s, settings).find((d) => d.kind === "extract")!.html);
}

function minutes(s: Session, settings: DocumentSettings = {}) {
  return documents(s, settings).find((d) => d.kind === "minutes")!;
}

const adopted = (extra: Partial<Motion> = {}) => session().members(5).vote({ for: 5, against: 0 }, extra);

describe("the extract's formulas (issue 11, item 2)", () => {
  it("says « Après en avoir délibéré » before the decisions, and « Fait et délibéré » after the vote", () => {
    const t = extractText(adopted().build());
    expect(t.indexOf("Après en avoir délibéré,")).toBeGreaterThan(-1);
    expect(t.indexOf("Après en avoir délibéré,")).toBeLessThan(t.indexOf("DECIDE"));
    expect(t.indexOf("Fait et délibéré en séance les jour, mois et an que dessus.")).toBeGreaterThan(t.indexOf("Voix pour"));
  });

  it("names the rapporteur only when the file names one", () => {
    expect(extractText(adopted().build())).not.toContain("rapporteur");
    expect(extractText(adopted({ rapporteur: "m2" }).build())).toContain("Après avoir entendu Monsieur Jean M2, rapporteur,");
    expect(extractText(adopted({ unnamed_rapporteur: true }).build())).toContain("Après avoir entendu le rapporteur,");
  });

  it("has no « délibéré » formula on a motion that could not be put to the vote", () => {
    const t = extractText(session().members(5).excused("m3", "m4", "m5").vote({ for: 2, against: 0 }).build());
    expect(t).not.toContain("Après en avoir délibéré");
    expect(t).not.toContain("Fait et délibéré");
    expect(t).not.toContain("Voies et délais de recours");
  });

  it("certifies at the commune's seat the day after the sitting, or where and when the configuration says", () => {
    // A commune's own name, from « Commune de Test », when nothing is configured.
    expect(extractText(adopted().build())).toContain("Pour extrait conforme, à Test, le 13 mars 2024,");
    expect(extractText(adopted().build(), { identity: { seat: "Viens" } })).toContain("Pour extrait conforme, à Viens, le 13 mars 2024,");
    expect(extractText(adopted().build(), { certification: { place: "Apt", date: "sitting_day" } })).toContain("Pour extrait conforme, à Apt, le 12 mars 2024,");
    expect(extractText(adopted({ certified_on: "2024-04-06" }).build())).toContain("Pour extrait conforme, à Test, le 6 avril 2024,");
    // A syndicat has no seat delib can guess: the date alone.
    expect(extractText(adopted().kind("smo").build())).toContain("Pour extrait conforme, le 13 mars 2024,");
    // The last day of a month and of a year roll over.
    expect(extractText(adopted().on("2024-12-31").build())).toContain("le 1er janvier 2025,");
  });

  it("prints the voies et délais de recours, with the configured court, or leaves them out when told", () => {
    const generic = extractText(adopted().build());
    expect(generic).toContain("Voies et délais de recours");
    expect(generic).toContain("devant le tribunal administratif territorialement compétent dans un délai de deux mois");
    expect(generic).toContain("Télérecours citoyens");
    const configured = extractText(adopted().build(), { recourse: { court: "Tribunal administratif de Nîmes", address: "16 avenue Feuchères, 30000 Nîmes", telerecours: false } });
    expect(configured).toContain("devant le Tribunal administratif de Nîmes (16 avenue Feuchères, 30000 Nîmes) dans un délai de deux mois");
    expect(configured).not.toContain("Télérecours");
    expect(extractText(adopted().build(), { recourse: { print: false } })).not.toContain("recours");
  });

  it("leaves the exécutoire block blank to fill by hand, fills what is known, and certifies once all is known", () => {
    const blank = extractText(adopted().build());
    expect(blank).toContain("Caractère exécutoire");
    expect(blank).toMatch(/Transmise au représentant de l'État le : …+/);
    expect(blank).toMatch(/Accusé de réception @CTES n° : …+/);
    expect(blank).toMatch(/Publiée le : …+/);
    const partly = extractText(adopted({ publication: { transmitted_on: "2024-03-14", actes_id: "084-218401234-20240314-2024_01-DE" } }).build());
    expect(partly).toContain("Transmise au représentant de l'État le : 14 mars 2024");
    expect(partly).toContain("Accusé de réception @CTES n° : 084-218401234-20240314-2024_01-DE");
    expect(partly).toMatch(/Publiée le : …+/);
    const acknowledged = extractText(adopted({ publication: { transmitted_on: "2024-03-14", actes_id: "084-218401234-20240314-2024_01-DE", acknowledged_on: "2024-03-14" } }).build());
    expect(acknowledged).toContain("Accusé de réception @CTES n° : 084-218401234-20240314-2024_01-DE du 14 mars 2024");
    const done = extractText(adopted({ publication: { transmitted_on: "2024-03-14", actes_id: "084-218401234-20240314-2024_01-DE", published_on: "2024-03-15" } }).build());
    expect(done).toContain(
      "Certifié exécutoire compte tenu de la transmission en préfecture le 14 mars 2024 (accusé de réception n° 084-218401234-20240314-2024_01-DE) et de la publication le 15 mars 2024.",
    );
    expect(done).not.toContain("Caractère exécutoire");
    // A motion rejected is no act to make exécutoire.
    expect(extractText(session().members(5).vote({ for: 1, against: 4 }).build())).not.toContain("Caractère exécutoire");
  });

  it("says « Adoptée » on the extract as on the list: one wording per result", () => {
    const docs = documents(adopted().build());
    expect(text(docs.find((d) => d.kind === "extract")!.html)).toContain("Adoptée par :");
    expect(text(docs.find((d) => d.kind === "list")!.html)).toContain("Adoptée");
    expect(text(docs.find((d) => d.kind === "minutes")!.html)).toContain("Adoptée par :");
    for (const d of docs) expect(text(d.html)).not.toMatch(/Adopté /);
  });
});

describe("the letterhead from delib.config.yaml (issue 11, item 3)", () => {
  const settings: DocumentSettings = {
    identity: {
      departement: "Département de Vaucluse",
      arrondissement: "Arrondissement d'Apt",
      address: ["Place de la Mairie", "84750 Viens"],
      phone: "04 90 75 20 01",
      siret: true,
    },
    siret: "21840147600015",
  };

  it("prints République française, the territory, the address and the SIRET on every document", () => {
    for (const d of documents(adopted().build(), settings)) {
      const t = text(d.html);
      for (const line of ["République française", "Département de Vaucluse", "Arrondissement d'Apt", "Place de la Mairie", "84750 Viens", "Tél. : 04 90 75 20 01", "SIRET : 21840147600015"]) {
        expect(t, `${d.name}: ${line}`).toContain(line);
      }
    }
  });

  it("prints only République française and the body's name without a configuration, and no République when told", () => {
    const t = extractText(adopted().build());
    expect(t).toContain("République française");
    expect(t).not.toContain("SIRET");
    expect(extractText(adopted().build(), { identity: { republic: false } })).not.toContain("République française");
  });

  it("reads identity, certification, recourse and vocabulary from a real delib.config.yaml", async () => {
    const dir = mkdtempSync(join(tmpdir(), "delib-config-2022-"));
    try {
      writeFileSync(
        join(dir, "delib.config.yaml"),
        [
          "format: 1",
          "identity:",
          "  departement: Département de Vaucluse",
          "  seat: Viens",
          "certification: { date: sitting_day }",
          "recourse: { court: Tribunal administratif de Nîmes }",
          "attendance:",
          "  represented: absent",
          "  labels: { excused: Excusés sans pouvoir }",
        ].join("\n"),
      );
      const s = session().members(5).proxy("m5", "m1").vote({ for: 5, against: 0 }).build();
      writeFileSync(join(dir, "2024-03-12.yaml"), JSON.stringify(s));
      const checked = await checkSessions(["2024-03-12.yaml"], { cwd: dir });
      expect(checked.diagnostics).toEqual([]);
      const file = checked.files[0]!;
      const rendered = renderDocuments(file.outcome!, { settings: file.config.documents }).value!;
      const t = text(rendered[0]!.html);
      expect(t).toContain("Département de Vaucluse");
      expect(t).toContain("Pour extrait conforme, à Viens, le 12 mars 2024,");
      expect(t).toContain("devant le Tribunal administratif de Nîmes dans");
      expect(t).toContain("Excusés sans pouvoir");
      expect(text(rendered.find((d) => d.kind === "minutes")!.html)).toMatch(/Absents ayant donné pouvoir\s*M\. Jean M5/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The ticks of each attendance row: the member, then one flag per column header. */
function table(html: string): { headers: string[]; rows: Map<string, string[]>; totals: string[] } {
  const head = /<thead>([\s\S]*?)<\/thead>/.exec(html)![1]!;
  const headers = [...head.matchAll(/<th class="box" scope="col">([^<]*)<\/th>/g)].map((m) => m[1]!);
  const rows = new Map<string, string[]>();
  for (const m of html.matchAll(/<td class="member"><span class="name">([^<]*)<\/span>[^]*?<\/td>((?:\s*<td class="box">.*?<\/td>)+)/g)) {
    const boxes = [...m[2]!.matchAll(/<td class="box">(.*?)<\/td>/g)].map((c) => c[1]!);
    rows.set(m[1]!.replace(/\u00a0/g, " "), headers.filter((_, i) => boxes[i] !== ""));
  }
  const totals = [.../<tr class="totals">([\s\S]*?)<\/tr>/.exec(html)![1]!.matchAll(/<td class="box">(\d+)<\/td>/g)].map((m) => m[1]!);
  return { headers, rows, totals };
}

describe("the vocabulary of the attendance (issue 11, item 5)", () => {
  const withdrawal = () =>
    session()
      .members(5)
      .proxy("m5", "m2")
      .vote({ for: 3, against: 0 }, { withdrawn: ["m1"], chaired_by: "m2", kind: "compte_administratif" })
      .build();

  it("ticks a member who withdrew « Retirés », not « Absents », and counts the column", () => {
    const [extract] = documents(withdrawal());
    const { headers, rows, totals } = table(extract!.html);
    expect(headers).toEqual(["Présents", "Absents", "Excusés", "Retirés", "Votant"]);
    expect(rows.get("M. Jean M1")).toEqual(["Retirés"]);
    expect(rows.get("M. Jean M5")).toEqual(["Excusés", "Votant"]);
    expect(totals).toEqual(["3", "0", "1", "1", "4"]);
  });

  it("shows no « Retirés » column when nobody withdrew", () => {
    const [extract] = documents(adopted().build());
    expect(table(extract!.html).headers).toEqual(["Présents", "Absents", "Excusés", "Votant"]);
  });

  it("ticks a represented member « Absents » when the body says « absent ayant donné pouvoir », with its own headings", () => {
    const settings: DocumentSettings = { attendance: { represented: "absent", labels: { present: "Présent", absent: "Absent", excused: "Excusé", withdrawn: "NPPV", voting: "Votants" } } };
    const rendered = documents(withdrawal(), settings);
    const { headers, rows, totals } = table(rendered[0]!.html);
    expect(headers).toEqual(["Présent", "Absent", "Excusé", "NPPV", "Votants"]);
    expect(rows.get("M. Jean M5")).toEqual(["Absent", "Votants"]);
    expect(totals).toEqual(["3", "1", "0", "1", "4"]);
    const pv = text(rendered.find((d) => d.kind === "minutes")!.html);
    // The list's « : » is the stylesheet's (dt::after): the text has the label, then the names.
    expect(pv).toMatch(/Absents ayant donné pouvoir\s*M\. Jean M5, pouvoir à M\. Jean M2/);
    expect(pv).toMatch(/Excusé\s*néant/);
  });

  it("calls the represented members « Excusés ayant donné pouvoir » in the procès-verbal, as the extract ticks them", () => {
    const pv = text(minutes(withdrawal()).html);
    expect(pv).toMatch(/Excusés ayant donné pouvoir\s*M\. Jean M5, pouvoir à M\. Jean M2/);
    expect(pv).not.toContain("Représentés");
  });

  it("marks a member present who takes no part in the vote", () => {
    const s = session().members(5).vote({ for: 4, against: 0 }, { not_taking_part: ["m3"] }).build();
    expect(extractText(s)).toContain("M. Jean M3 (ne prend pas part au vote)");
  });
});

describe("the procès-verbal (issue 11, item 1)", () => {
  const sitting = () =>
    session()
      .members(5)
      .vote({ for: 5, against: 0 }, { title: "Tarifs de la cantine", visas: ["Vu le code de l'éducation,"], considerations: ["Considérant le coût des repas,"], preamble: "Le prix du repas n'a pas changé depuis 2019." })
      .vote({ for: 5, against: 0 }, { title: "Subvention au comité des fêtes", decisions: [{ verb: "ACCORDE", articles: ["Une subvention de 500 €."] }] })
      .with((s) => {
        s.items = [
          { kind: "questions", title: "Questions diverses", text: "Mme M2 demande où en sont les travaux du préau." },
          { kind: "delegated_decisions", title: "Décisions du maire", before: "2024-01", decisions: [{ number: "D2024-07", date: "2024-02-20", object: "Contrat d'entretien des cloches" }] },
          { kind: "information", title: "Rentrée scolaire", after: "2024-01", rapporteur: "m2", text: "Quatre classes à la rentrée." },
        ];
      })
      .build();

  it("prints every point in the order of the sitting, with the full text of each deliberation", () => {
    const t = text(minutes(sitting()).html);
    const order = [
      "Décisions du maire",
      "D2024-07",
      "Contrat d'entretien des cloches",
      "Délibération 2024-01 – Tarifs de la cantine",
      "Le prix du repas n'a pas changé depuis 2019.",
      "Vu le code de l'éducation,",
      "Considérant le coût des repas,",
      "Après en avoir délibéré,",
      "De décider.",
      "Adoptée par :",
      "Rentrée scolaire",
      "Information, sans vote",
      "Présenté par Monsieur Jean M2",
      "Quatre classes à la rentrée.",
      "Délibération 2024-02 – Subvention au comité des fêtes",
      "ACCORDE",
      "Une subvention de 500 €.",
      "Questions diverses",
      "Mme M2 demande où en sont les travaux du préau.",
    ];
    const body = t.slice(t.indexOf("Déroulement de la séance"));
    let at = 0;
    for (const piece of order) {
      const found = body.indexOf(piece, at);
      expect(found, `« ${piece} » after position ${at}`).toBeGreaterThan(-1);
      at = found + piece.length;
    }
    // The agenda lists the items in the same order.
    const agenda = t.slice(t.indexOf("Ordre du jour"), t.indexOf("Déroulement de la séance"));
    expect(agenda.replace(/\s+/g, " ")).toContain("Décisions du maire 2024-01 – Tarifs de la cantine Rentrée scolaire 2024-02 – Subvention au comité des fêtes Questions diverses");
  });

  it("is a draft, marked on every page, until the sitting that arrêta it is given", () => {
    const draft = minutes(sitting());
    expect(draft.html).toContain('<div class="watermark"');
    expect(text(draft.html)).toContain("Projet de procès-verbal, soumis au conseil municipal pour être arrêté");
    const approved = minutes({ ...sitting(), session: { ...sitting().session, minutes: { approved_on: "2024-04-09" } } });
    expect(approved.html).not.toContain('<div class="watermark"');
    expect(text(approved.html)).not.toContain("Projet de procès-verbal");
    expect(text(approved.html)).toContain("Procès-verbal arrêté lors de la séance du 9 avril 2024.");
  });

  it("has the signature blocks of the president and of the secretary", () => {
    const s = sitting();
    s.session.secretaries = ["m3"];
    const t = text(minutes(s).html);
    expect(t).toContain("Le président de séance,");
    expect(t).toContain("Le secrétaire de séance,");
  });

  it("lists a compte rendu without decisions as such", () => {
    const s = sitting();
    s.items = [{ kind: "delegated_decisions", title: "Décisions du maire" }];
    expect(text(minutes(s).html)).toContain("Aucune décision n'a été prise par délégation depuis la dernière séance.");
  });
});

describe("provenance (issue 11, item 4)", () => {
  it("is a line at the end of the document, not a footer on every page", () => {
    const rendered = renderDocuments(tally(adopted().build()), { provenance: { source: "seances/2024-03-12.yaml", hash: "be2e".repeat(16), commit: undefined, modified: false } }).value!;
    for (const d of rendered) {
      expect(d.html).not.toContain("@bottom-left");
      const line = /<p class="provenance">([^<]*)<\/p>/.exec(d.html);
      expect(line?.[1]).toContain("seances/2024-03-12.yaml");
      // After everything else the document prints.
      expect(d.html.indexOf('<p class="provenance">')).toBeGreaterThan(d.html.lastIndexOf('class="signature'));
      expect(d.meta.custom.DelibSource).toBe("seances/2024-03-12.yaml");
    }
  });
});
