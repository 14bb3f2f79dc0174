// All three kinds of documents of a multi-motion sitting, printed by real Chromium and read back
// page by page with poppler: the procès-verbal and the list must say what the extracts say.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalize } from "../support/reference.js";
import { BUILD_TIMEOUT } from "../support/installation.js";
import { repoRoot, runCli, spawnCli } from "../support/run-cli.js";

interface Member {
  id: string;
  civility: string;
  first_name: string;
  last_name: string;
}
interface SessionFile {
  body: { name: string };
  session: { secretaries: string[] };
  members: Member[];
  attendance: Record<string, string | { represented_by: string }>;
  motions: { number: string; title: string; kind?: string; arrivals?: string[]; departures?: string[] }[];
}

interface Example {
  file: string;
  date: string;
  /** The date as the running header prints it, and in words. */
  dateText: string;
  dateWords: string;
  secretary: { label: string; name: string };
  president: { label: string; name: string };
}

const examples: Example[] = [
  {
    file: "examples/saint-julien-de-verac/2024-03-26.yaml",
    date: "2024-03-26",
    dateText: "26 mars 2024",
    dateWords: "vingt-six mars deux mille vingt-quatre",
    secretary: { label: "La secrétaire de séance,", name: "Sylvie CARON" },
    president: { label: "Le président de séance,", name: "Bernard FAUCHER" },
  },
  {
    // Two elections (secret ballot, several rounds) and a motion lost for want of quorum.
    file: "examples/marcilly-sur-aubrette/2023-12-12.yaml",
    date: "2023-12-12",
    dateText: "12 décembre 2023",
    dateWords: "douze décembre deux mille vingt-trois",
    secretary: { label: "La secrétaire de séance,", name: "Florence FERRAND" },
    president: { label: "La présidente de séance,", name: "Françoise MERCIER" },
  },
];

/** The text of each page, as pdftotext -layout reads it one page at a time. */
function pagesOf(pdf: string): string[] {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }),
  );
}

function nonEmptyLines(page: string): string[] {
  return page.split("\n").filter((l) => l.trim() !== "");
}

/** A page without its running header (first line) and page counter (last line). */
function bodyOfPage(page: string): string {
  return nonEmptyLines(page).slice(1, -1).join("\n");
}

/** The whole document's text, running headers and counters left out, white space collapsed. */
function bodyText(pages: readonly string[]): string {
  return normalize(pages.map(bodyOfPage).join("\n"));
}

const shortName = (m: Member) => `${m.civility} ${m.first_name} ${m.last_name}`;

/** The sentence that gives a motion's result: adopted, rejected, not put to the vote, elected. */
const resultSentence = /(?:Adopté|Rejeté|Non adopté)[^:]*:(?: le quorum[^.]*\.)?|(?:Monsieur|Madame) [^.]*? est élue? [^.]*\./;

function resultOf(text: string): string {
  const found = resultSentence.exec(text);
  if (!found) throw new Error(`no result sentence in « ${text.slice(-400)} »`);
  return found[0];
}

/** The result sentence and every figure of a vote or an election, in the order printed. */
function voteFigures(text: string): string[] {
  const patterns = [
    resultSentence.source,
    // An election: each round's title, its lines a to f, each candidate's votes (election-ballots.ts).
    /(?:Premier|Deuxième|Troisième) tour de scrutin/g.source,
    /(?:Nombre de [^:]+|Majorité absolue) : \d+/g.source,
    /(?:Voix pour|Voix contre|Abstentions|Suffrages exprimés|Bulletins blancs|Bulletins nuls) : \d+/g.source,
    /(?:M\.|Mme) [^:;.\d]+ : \d+/g.source,
  ];
  return [...text.matchAll(new RegExp(patterns.join("|"), "g"))].map((m) => m[0]);
}

/** The decision the list of deliberations should print for an extract's result sentence. */
function listDecision(result: string): string {
  if (result.startsWith("Non adoptée : le quorum")) return "Non adoptée (quorum non atteint)";
  if (result.startsWith("Adopté")) return "Adoptée";
  if (result.startsWith("Rejeté")) return "Rejetée";
  const elected = /^(.+) est (élue?) /.exec(result);
  if (elected) return `${elected[1]} ${elected[2]}`;
  throw new Error(`no list decision known for the result « ${result} »`);
}

/**
 * `needle`'s words appear in `haystack`'s, in order: the cells of a table row wrap side by side,
 * so pdftotext interleaves their lines (and may cut a word after its own hyphen: lieu-|dit).
 */
function wordsInOrder(haystack: string, needle: string): boolean {
  const split = (text: string) => text.split(/\s+|(?<=-)/).filter((w) => w !== "");
  const words = split(haystack);
  let at = 0;
  for (const word of split(needle)) {
    at = words.indexOf(word, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

function decodeEntities(html: string): string {
  return html.replace(/&(#x?[0-9a-f]+|amp|lt|gt|quot);/gi, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"' } as Record<string, string>)[e.toLowerCase()]!;
  });
}

describe.each(examples)("the documents of $file, printed by real Chromium", (example) => {
  const session = load(readFileSync(join(repoRoot, example.file), "utf8")) as SessionFile;
  const body = session.body.name;
  const numbers = session.motions.map((m) => m.number);
  const minutesName = `proces-verbal-${example.date}`;
  const listName = `liste-des-deliberations-${example.date}`;
  // Each election counted (not lost for want of quorum) has its record beside its extract.
  const records = session.motions.filter((m) => m.kind === "election").map((m) => `${m.number}-proces-verbal-election`);
  const names = [...numbers, minutesName, listName];
  const member = (id: string) => session.members.find((m) => m.id === id)!;

  let dir: string;
  let out: string;
  let again: string;
  const pages = new Map<string, string[]>();
  const pagesOfDocument = (name: string) => pages.get(name)!;
  /** An extract's text, from its body up to « Pour extrait conforme ». */
  const extractText = (number: string) => bodyText(pagesOfDocument(number)).split("Pour extrait conforme")[0]!;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "delib-documents-pdf-"));
    out = join(dir, "out");
    again = join(dir, "again");
    const first = await runCli(["build", join(repoRoot, example.file), "--out", out]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    // The second by the real binary, in a process of its own: nothing cached in this one can
    // make the bytes agree, and the bundle (precompiled templates and validators) must print
    // what the source prints.
    const second = await spawnCli(["build", join(repoRoot, example.file), "--out", again]);
    expect(second.stderr).toBe("");
    expect(second.code).toBe(0);
    for (const name of names) pages.set(name, pagesOf(join(out, `${name}.pdf`)));
  }, BUILD_TIMEOUT);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("writes one extract per motion, the procès-verbal and the list, in HTML and PDF", async () => {
    expect(readdirSync(out).sort()).toEqual([...names, ...records].flatMap((n) => [`${n}.html`, `${n}.pdf`]).sort());
  });

  it("gives the same bytes when the built binary, in another process, builds the same file", async () => {
    expect(readdirSync(again).sort()).toEqual(readdirSync(out).sort());
    for (const file of readdirSync(out)) {
      expect(readFileSync(join(again, file)).equals(readFileSync(join(out, file))), file).toBe(true);
    }
  });

  it("puts the running header first and « Page N / M » last on every page of every PDF", async () => {
    const header = (name: string) =>
      name === minutesName
        ? `${body} — Procès-verbal de la séance du ${example.dateText}`
        : name === listName
          ? `${body} — Liste des délibérations de la séance du ${example.dateText}`
          : `${body} — Délibération ${name}`;
    for (const name of names) {
      const document = pagesOfDocument(name);
      const info = execFileSync("pdfinfo", [join(out, `${name}.pdf`)], { encoding: "utf8" });
      expect(Number(/Pages:\s+(\d+)/.exec(info)![1]), name).toBe(document.length);
      expect(info, name).toMatch(/Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/);
      document.forEach((page, i) => {
        const lines = nonEmptyLines(page);
        expect(lines[0]!.trim(), `${name} page ${i + 1}`).toBe(header(name));
        expect(lines[lines.length - 1]!.trim(), `${name} page ${i + 1}`).toBe(`Page ${i + 1} / ${document.length}`);
        // Where it comes from (source, version, hash): once, at the end of the last page (issue 11).
        expect(/Source : .+ — empreinte [0-9a-f]{16}/.test(normalize(page)), `${name} page ${i + 1}`).toBe(i === document.length - 1);
      });
    }
    // A sitting of several motions fills more than one page of procès-verbal.
    expect(pagesOfDocument(minutesName).length).toBeGreaterThanOrEqual(2);
  });

  describe("the procès-verbal", () => {
    const minutes = () => bodyText(pagesOfDocument(minutesName));

    it("opens with its heading and the sitting's date in words", async () => {
      const first = normalize(bodyOfPage(pagesOfDocument(minutesName)[0]!));
      expect(first).toContain("PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL");
      expect(first).toContain(body.toUpperCase());
      // Not yet arrêté at a later sitting (no `minutes.approved_on`): a draft, and it says so.
      expect(first).toContain(
        `PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL Séance du ${example.dateWords} Projet de procès-verbal, soumis au conseil municipal pour être arrêté au commencement de sa prochaine séance (art. L2121-15 du CGCT). Le ${example.dateWords}`,
      );
    });

    it("lists each person once, where they were through the sitting, and the secretary", async () => {
      // Every motion here starts with the opening's attendance (no arrival at the first one).
      expect(session.motions[0]!.arrivals ?? []).toEqual([]);
      const at = (key: "arrivals" | "departures", id: string) => session.motions.findIndex((m) => m[key]?.includes(id));
      const arrived = (id: string) => at("arrivals", id) >= 0;
      const by = (status: string) =>
        Object.entries(session.attendance)
          .filter(([id, s]) => s === status && !(status !== "present" && arrived(id)))
          .map(([id]) => shortName(member(id)));
      const joined = (list: string[]) => (list.length === 1 ? list[0]! : `${list.slice(0, -1).join(", ")} et ${list[list.length - 1]}`);
      // Present: at the opening or from the item they arrived at, with the item they left at.
      const present = session.members
        .filter((m) => session.attendance[m.id] === "present" || arrived(m.id))
        .map((m) => {
          const opening = session.attendance[m.id];
          const notes = [
            ...(arrived(m.id) ? [`arrivé${m.civility === "Mme" ? "e" : ""} au point ${at("arrivals", m.id) + 1}`] : []),
            ...(arrived(m.id) && typeof opening === "object" ? [`pouvoir à ${shortName(member(opening.represented_by))} auparavant`] : []),
            ...(at("departures", m.id) >= 0 ? [`a quitté la séance au point ${at("departures", m.id) + 1}`] : []),
          ];
          return notes.length > 0 ? `${shortName(m)} (${notes.join(", ")})` : shortName(m);
        });
      const represented = Object.entries(session.attendance)
        .filter((e): e is [string, { represented_by: string }] => typeof e[1] === "object" && !arrived(e[0]))
        .map(([id, s]) => `${shortName(member(id))}, pouvoir à ${shortName(member(s.represented_by))}`);
      const first = normalize(bodyOfPage(pagesOfDocument(minutesName)[0]!));
      const expected = [
        `Présents : ${joined(present)}`,
        `Excusés ayant donné pouvoir : ${represented.join(" ; ")}`,
        `Excusés : ${joined(by("excused"))}`,
        `Absents : ${joined(by("absent"))}`,
        `Secrétaire de séance : ${shortName(member(session.session.secretaries[0]!))}`,
        `Membres en exercice : ${session.members.length}`,
      ];
      expect(first).toContain(expected.join(" "));
      // The opening's count is the first extract's totals row.
      const totals = /Total\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/.exec(pagesOfDocument(numbers[0]!).join("\n"));
      expect(Number(totals![1])).toBe(by("present").length);
    });

    it("prints the agenda, then one section per deliberation, in order", async () => {
      const text = minutes();
      const agenda = session.motions.map((m, i) => `${i + 1}. ${m.number} – ${normalize(m.title)}`).join(" ");
      expect(text).toContain(`Ordre du jour ${agenda} Délibérations `);
      let previous = text.indexOf("Délibérations ");
      for (const m of session.motions) {
        const heading = `Délibération ${m.number} – ${normalize(m.title)}`;
        expect(text.split(heading).length - 1, heading).toBe(1);
        expect(text.indexOf(heading), heading).toBeGreaterThan(previous);
        previous = text.indexOf(heading);
      }
    });

    it("gives each deliberation the quorum, the result and the figures of its extract", async () => {
      const text = minutes();
      const starts = session.motions.map((m) => text.indexOf(`Délibération ${m.number} – `));
      session.motions.forEach((m, i) => {
        const section = text.slice(starts[i], starts[i + 1] ?? text.length);
        const extract = extractText(m.number);
        const figures = voteFigures(extract);
        expect(figures.length, m.number).toBeGreaterThan(0);
        expect(voteFigures(section), m.number).toEqual(figures);
        const quorum = /Quorum : .*? : (?:non )?atteint\./;
        expect(quorum.exec(section)?.[0], m.number).toBe(quorum.exec(extract)?.[0]);
      });
      // « Voix pour » in particular, where the motion was put to a vote.
      const voted = session.motions.filter((m) => /Voix pour : \d+/.test(extractText(m.number)));
      expect(voted.length).toBeGreaterThanOrEqual(2);
      for (const m of voted) {
        const section = text.slice(text.indexOf(`Délibération ${m.number} – `));
        expect(/Voix pour : (\d+)/.exec(section)![1], m.number).toBe(/Voix pour : (\d+)/.exec(extractText(m.number))![1]);
      }
    });

    it("ends with the signatures of the secretary and the president, on its last page", async () => {
      const document = pagesOfDocument(minutesName);
      const last = normalize(bodyOfPage(document[document.length - 1]!));
      expect(last).toContain(`${example.secretary.label} ${example.president.label} ${example.secretary.name} ${example.president.name}`);
      // After the last deliberation's result, and nowhere before the last page.
      const text = minutes();
      const lastMotion = session.motions[session.motions.length - 1]!;
      expect(text.indexOf(example.secretary.label)).toBeGreaterThan(text.indexOf(`Délibération ${lastMotion.number} – `));
      for (const page of document.slice(0, -1)) expect(page).not.toContain(example.president.label);
      // Then only the line that says where the document comes from.
      expect(text.replace(/ Source : .+ — empreinte [0-9a-f]{16}$/, "").endsWith(`${example.secretary.name} ${example.president.name}`)).toBe(true);
    });
  });

  describe("the list of deliberations", () => {
    it("has one row per motion, in order, whose decision is the extract's result", async () => {
      const html = readFileSync(join(out, `${listName}.html`), "utf8");
      const rows = [...html.matchAll(/<tr><td class="number">(.*?)<\/td><td>(.*?)<\/td><td>(.*?)<\/td><\/tr>/g)].map((r) => r.slice(1).map((cell) => normalize(decodeEntities(cell))));
      const expected = session.motions.map((m) => {
        const result = resultOf(extractText(m.number));
        return [m.number, normalize(m.title), listDecision(result)];
      });
      expect(rows).toEqual(expected);
    });

    it("prints those rows in the PDF, and the president's signature", async () => {
      const document = pagesOfDocument(listName);
      const lines = document.flatMap((page) => bodyOfPage(page).split("\n"));
      const rowStarts = lines.map((l, i) => (/^\s*\d{4}-\d{2}\s/.test(l) ? i : -1)).filter((i) => i >= 0);
      expect(rowStarts.map((i) => lines[i]!.trim().split(/\s/)[0])).toEqual(numbers);
      const end = lines.findIndex((l) => l.includes(example.president.label));
      expect(end).toBeGreaterThan(rowStarts[rowStarts.length - 1]!);
      session.motions.forEach((m, r) => {
        const row = normalize(lines.slice(rowStarts[r], rowStarts[r + 1] ?? end).join("\n"));
        const decision = listDecision(resultOf(extractText(m.number)));
        expect(wordsInOrder(row, decision), `${m.number}: « ${row} » should say « ${decision} »`).toBe(true);
        expect(wordsInOrder(row, normalize(m.title)), `${m.number}: « ${row} »`).toBe(true);
      });
      const last = normalize(bodyOfPage(document[document.length - 1]!)).replace(/ Source : .+ — empreinte [0-9a-f]{16}$/, "");
      expect(last.endsWith(`${example.president.label} ${example.president.name}`)).toBe(true);
    });
  });
});
