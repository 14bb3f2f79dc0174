// The reference deliberation (../shared/reference/), as the lines an extract must reproduce.
import { readFileSync } from "node:fs";

/**
 * A copy of ../shared/reference/deliberation-2021-06-adhesion-assembleurs.txt kept in the
 * repository, so a clone anywhere can run the tests; test/render/reference-copy.test.ts
 * checks it still equals the shared original wherever that is present.
 */
export const referenceFile = new URL("../fixtures/reference/deliberation-2021-06-adhesion-assembleurs.txt", import.meta.url);
export const sharedReferenceFile = new URL("../../../shared/reference/deliberation-2021-06-adhesion-assembleurs.txt", import.meta.url);

/** Collapses white space and the typographic variants the reference mixes (’ and ', non-breaking spaces). */
export function normalize(text: string): string {
  return text
    // A line that ends on a word's own hyphen (vingt-|et-un, Pas-de-|Calais) reads as one word.
    .replace(/-[ \t]*\r?\n\s*/g, "-")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/[’]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** Also folds case and accents, for the headings the reference prints without accents. */
export function fold(text: string): string {
  return normalize(text).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

export interface ReferenceLine {
  readonly text: string;
  /** Headings the reference types without accents or with spaced dashes: compare folded. */
  readonly folded: boolean;
}

/**
 * Every line of prose of the reference (the attendance table apart), stripped of its
 * Markdown marks (**bold**, list bullets, <autolinks>) since the extract renders them.
 */
export function referenceLines(): ReferenceLine[] {
  const text = readFileSync(referenceFile, "utf8");
  return text
    .split("\n")
    .filter((line) => !line.includes("<input") && !line.startsWith("Collectivité\t") && !/^\t+[\d\t]+$/.test(line))
    .map((line) => normalize(line.replace(/\*\*/g, "").replace(/^- /, "").replace(/<(https?:[^>]+)>/g, "$1")))
    .filter((line) => line !== "")
    .map((line) => {
      // « DÉLIBÉRATION 2021 - 06 » and « EXTRAIT ... DELIBERATIONS DU COMITE » are typographic variants.
      if (line === "DÉLIBÉRATION 2021 - 06") return { text: "DÉLIBÉRATION 2021-06", folded: false };
      // Two wordings issue 11 changed on purpose, everywhere: the result agrees with « la
      // délibération » (« Adoptée », as the list says it), and the certification gives its
      // place and date (« Pour extrait conforme, le 19 mai 2021, »).
      if (line === "Adopté par :") return { text: "Adoptée par :", folded: false };
      if (line === "Pour extrait conforme :") return { text: "Pour extrait conforme,", folded: false };
      return { text: line, folded: /^EXTRAIT DU REGISTRE/.test(line) };
    });
}

/** The attendance rows of the reference: college, member, ticked columns (Présents, Absents, Excusés, Votant). */
export function referenceRows(): { college: string; member: string; ticks: boolean[] }[] {
  const rows: { college: string; member: string; ticks: boolean[] }[] = [];
  let college = "";
  for (const line of readFileSync(referenceFile, "utf8").split("\n")) {
    if (!line.includes("<input")) continue;
    const cells = line.split("\t");
    if (cells[0]) college = cells[0];
    rows.push({ college, member: cells[1]!, ticks: cells.slice(2, 6).map((c) => c.includes("checked")) });
  }
  return rows;
}

/** Text of an HTML document, roughly as a reader sees it: tags out, entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<title>[\s\S]*?<\/title>/g, " ")
    .replace(/<br\s*\/?>/g, "\n")
    .replace(/<\/(p|li|h1|h2|div|tr|td|th|section|header)>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, "=")
    .replace(/&#x60;/g, "`")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    // Printed text uses no-break spaces (« Objet : »); the tests compare words.
    .replace(/[\u00a0\u202f]/g, " ");
}

/** Lines of the reference that do not appear in `text` (empty when the extract reproduces it). */
export function missingReferenceLines(text: string): string[] {
  const plain = normalize(text);
  const folded = fold(text);
  return referenceLines()
    .filter((line) => (line.folded ? !folded.includes(fold(line.text)) : !plain.includes(line.text)))
    .map((line) => line.text);
}
