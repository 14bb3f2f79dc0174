// The procès-verbal of a sitting where people come and go (issue 10, item 6), printed by real
// Chromium and read back with poppler: each person is listed once, where they were through the
// whole sitting, and each item says who arrived, left, withdrew or took no part in its vote.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump } from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalize } from "../support/reference.js";
import { BUILD_TIMEOUT } from "../support/installation.js";
import { runCli } from "../support/run-cli.js";

const people = [
  { id: "martin", civility: "M.", first_name: "Paul", last_name: "MARTIN" },
  { id: "bernard", civility: "Mme", first_name: "Anne", last_name: "BERNARD" },
  { id: "thomas", civility: "M.", first_name: "Luc", last_name: "THOMAS" },
  { id: "petit", civility: "Mme", first_name: "Julie", last_name: "PETIT" },
  { id: "robert", civility: "M.", first_name: "Marc", last_name: "ROBERT" },
  { id: "richard", civility: "Mme", first_name: "Sophie", last_name: "RICHARD" },
  { id: "durand", civility: "M.", first_name: "Henri", last_name: "DURAND" },
  { id: "dubois", civility: "Mme", first_name: "Claire", last_name: "DUBOIS" },
  { id: "moreau", civility: "M.", first_name: "Jean", last_name: "MOREAU" },
];

const motion = (n: number, extra: object = {}) => ({
  number: `2024-1${n}`,
  title: `Objet du point ${n}`,
  decisions: [{ verb: "DÉCIDE", articles: [`De statuer sur le point ${n}.`] }],
  vote: { unanimous: true },
  ...extra,
});

// Mme PETIT arrives at item 2 (her proxy to M. THOMAS lapses); M. ROBERT leaves at item 3;
// M. MARTIN, the maire, withdraws from item 2's vote; Mme RICHARD takes no part in item 3's;
// M. MOREAU, present at the opening, resigns with effect from item 3.
const sitting = {
  format: 1,
  body: { name: "Commune de Vauclair", name_in_text: "de la commune de Vauclair", kind: "commune", assembly: "conseil municipal" },
  session: {
    date: "2024-05-14",
    time: "19:00",
    place: "à la mairie",
    convened_on: "2024-05-07",
    president: "bernard",
    secretaries: ["thomas"],
    signatory: { member: "bernard", capacity: "La Maire" },
  },
  members: people,
  attendance: {
    martin: "present",
    bernard: "present",
    thomas: "present",
    petit: { represented_by: "thomas" },
    robert: "present",
    richard: "present",
    durand: "excused",
    dubois: "absent",
    moreau: "present",
  },
  motions: [
    motion(1),
    motion(2, { arrivals: ["petit"], withdrawn: ["martin"] }),
    motion(3, { departures: ["robert"], not_taking_part: ["richard"], resignations: ["moreau"] }),
  ],
};

function pagesOf(pdf: string): string[] {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }),
  );
}

/** The document's text without running headers and page counters, white space collapsed. */
function bodyText(pages: readonly string[]): string {
  return normalize(pages.map((p) => p.split("\n").filter((l) => l.trim() !== "").slice(1, -1).join("\n")).join("\n"));
}

describe("the procès-verbal of a sitting with an arrival, a departure, a withdrawal and a resignation", () => {
  let dir: string;
  let text: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "delib-minutes-attendance-"));
    const file = join(dir, "2024-05-14.yaml");
    writeFileSync(file, dump(sitting));
    const run = await runCli(["build", file, "--out", join(dir, "out"), "--documents", "minutes"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    text = bodyText(pagesOf(join(dir, "out", "proces-verbal-2024-05-14.pdf")));
  }, BUILD_TIMEOUT);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The attendance lists, from « Présents » to the secretary. */
  const lists = () => text.slice(text.indexOf("Présents :"), text.indexOf("Secrétaire de séance :"));

  it("lists each person once, where they were, with the item at which they came, left or resigned", () => {
    expect(lists()).toBe(
      [
        "Présents : M. Paul MARTIN, Mme Anne BERNARD, M. Luc THOMAS, Mme Julie PETIT (arrivée au point 2, pouvoir à M. Luc THOMAS auparavant),",
        "M. Marc ROBERT (a quitté la séance au point 3), Mme Sophie RICHARD et M. Jean MOREAU (démissionnaire à compter du point 3)",
        "Excusés : M. Henri DURAND Absents : Mme Claire DUBOIS ",
      ].join(" "),
    );
    // Once each as an entry (a note may name the holder of a proxy).
    const entries = lists().replace(/\([^)]*\)/g, "");
    for (const person of people) {
      const name = `${person.civility} ${person.first_name} ${person.last_name}`;
      expect(entries.split(name).length - 1, name).toBe(1);
    }
    // No one is represented for the whole sitting: Mme PETIT's proxy is in her own entry.
    expect(lists()).not.toContain("Représentés");
  });

  it("says in each item's block who arrived, left, withdrew or did not vote", () => {
    const block = (n: number) => text.slice(text.indexOf(`Délibération 2024-1${n} – `), n < 3 ? text.indexOf(`Délibération 2024-1${n + 1} – `) : undefined);
    expect(block(1)).not.toMatch(/séance\.|pas part/);
    expect(block(2)).toContain("Madame Julie PETIT rejoint la séance.");
    expect(block(2)).toContain("Le pouvoir donné par Madame Julie PETIT à Monsieur Luc THOMAS prend fin.");
    expect(block(2)).toContain("Monsieur Paul MARTIN s'est retiré et n'a pas pris part au vote.");
    expect(block(3)).toContain("Monsieur Marc ROBERT quitte la séance.");
    expect(block(3)).toContain("Madame Sophie RICHARD ne prend pas part au vote.");
    expect(block(3)).toContain("La démission de Monsieur Jean MOREAU a pris effet.");
  });
});
