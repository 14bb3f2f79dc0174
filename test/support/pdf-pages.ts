// A printed PDF, page by page, as poppler reads it, and what the tests look for in its lines:
// a name split across two of them, a straight apostrophe.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { withPdfFile as onFile } from "../browser/pdf-tools.js";

const run = promisify(execFile);

/** The number of pages, from `pdfinfo`. */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const { stdout } = await onFile(bytes, (file) => run("pdfinfo", [file]));
  const match = /^Pages:\s+(\d+)$/m.exec(stdout);
  if (!match) throw new Error(`pdfinfo gave no page count:\n${stdout}`);
  return Number(match[1]);
}

/**
 * The text of each page, `pdftotext -layout` in UTF-8: lines as printed, columns side by side.
 * poppler ends every page with a form feed; one run, split on it, gives the pages in order.
 */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  return onFile(bytes, async (file) => {
    const [{ stdout }, info] = await Promise.all([run("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { maxBuffer: 64 * 1024 * 1024 }), run("pdfinfo", [file])]);
    const count = Number(/^Pages:\s+(\d+)$/m.exec(info.stdout)?.[1]);
    const pages = stdout.split("\f");
    // The text after the last form feed is empty: there are as many pages as form feeds.
    if (pages[pages.length - 1] === "") pages.pop();
    if (pages.length !== count) throw new Error(`pdftotext gave ${pages.length} pages, pdfinfo says ${count}`);
    return pages;
  });
}

/** A sitting's documents by name, each as the text of its pages (pdfPages). */
export type Printed = ReadonlyMap<string, readonly string[]>;

/** A member as the session file names them. */
export interface PrintedName {
  readonly first_name: string;
  readonly last_name: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A name's words, whatever spaces pdftotext puts between them. */
const words = (text: string) => text.trim().split(/\s+/).map(escape).join("\\s+");
const notInWord = (pattern: string) => new RegExp(`(?<![\\p{L}\\p{N}'’-])${pattern}(?![\\p{L}\\p{N}'’-])`, "u");

/**
 * Where a member's name is split across two lines: every line that shows the last name must
 * show the first name just before it, no line may end on a first name, and no line may end on
 * a civility when the next one starts with a first name.
 */
export function splitNames(printed: Printed, members: readonly PrintedName[]): string[] {
  const all = [...printed.values()].flat().join("\n");
  // A first name the documents never print (a member named by last name alone) proves nothing.
  const named = members.filter((m) => notInWord(words(m.first_name)).test(all));
  const startsWithFirstName = new RegExp(`^\\s*(?:${named.map((m) => words(m.first_name)).join("|")})(?![\\p{L}\\p{N}'’-])`, "u");
  const found: string[] = [];
  for (const [name, pages] of printed) {
    pages.forEach((page, p) => {
      const lines = page.split("\n");
      lines.forEach((line, l) => {
        const where = `${name} p. ${p + 1} l. ${l + 1}: ${line.trim()}`;
        for (const m of named) {
          const full = `${m.first_name} ${m.last_name}`;
          // Each time the last name shows, what stands just before it on the line is the first
          // name of a member of that name (two may share it) or a civility (« Madame DUPONT »).
          const before = named.filter((o) => o.last_name === m.last_name).map((o) => words(o.first_name));
          const held = new RegExp(`(?:${[...before, "M\\.", "Mme", "Monsieur", "Madame"].join("|")})\\s+$`, "u");
          for (const at of line.matchAll(new RegExp(notInWord(words(m.last_name)).source, "gu"))) {
            if (!held.test(line.slice(0, at.index))) found.push(`${full} — ${where}`);
          }
          if (notInWord(`${words(m.first_name)}\\s*$`).test(line)) found.push(`${full}, its first name ends the line — ${where}`);
        }
        if (named.length > 0 && /(?:^|\s)(?:M\.|Mme|MM\.|Monsieur|Madame)\s*$/.test(line) && startsWithFirstName.test(lines[l + 1] ?? "")) {
          found.push(`a civility ends the line before a name — ${where} / ${lines[l + 1]!.trim()}`);
        }
      });
    });
  }
  return found;
}

/** Straight apostrophes between two letters, « l'exercice », with where they are. */
export function straightApostrophes(printed: Printed): string[] {
  const found: string[] = [];
  for (const [name, pages] of printed) {
    pages.forEach((page, p) => {
      for (const match of page.matchAll(/\S*\p{L}'\p{L}\S*/gu)) found.push(`${name} p. ${p + 1}: ${match[0]}`);
    });
  }
  return found;
}
