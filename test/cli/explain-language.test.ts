// `delib explain` speaks the reader's language (locales/en.json for English, fr.json for French),
// like everything else delib says to a person; the documents stay French. What comes from the
// file and the law (the body's name, titles, names, colleges, the body's kind, the regime's
// label, the sources cited) stays as written: the English is checked with those taken out.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot, runCli } from "../support/run-cli.js";
import { catalogueEntries } from "../../src/render/catalogue.js";

/** Every session file under examples/. */
const examples = readdirSync(join(repoRoot, "examples"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(repoRoot, "examples", d.name))
      .filter((f) => /^\d{4}-\d\d-\d\d\.ya?ml$/.test(f))
      .map((f) => join("examples", d.name, f)),
  );

/** Every string the file holds (names, titles, colleges…), longest first. */
function fileStrings(file: string): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === "string") found.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(parse(readFileSync(join(repoRoot, file), "utf8")));
  return [...new Set(found.filter((s) => s.trim() !== ""))].sort((a, b) => b.length - a.length);
}

/**
 * What the catalogue wrote: the header and rules lines (the body's name, kind and regime), the
 * motions' headings, the sources cited ([…] and (…)) and every string of the file taken out.
 */
function catalogueText(output: string, file: string): string {
  let text = output
    .split("\n")
    .filter((line, i) => i > 1 && !/^(Deliberation|Délibération) /.test(line))
    .join("\n")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/Applicable regime: .*$/gm, " ");
  for (const s of fileStrings(file)) text = text.split(s).join(" ");
  return ` ${text.replace(/\s+/g, " ")} `;
}

const french = [" le ", " la ", " les ", " des ", " du ", " de ", " et ", " sur ", "présents", "absents", "excusés", "sièges", "quorum atteint", "voix", "séance", "suffrages", "adopté", "rejeté", "requis", "Comptés", "Pouvoir", "Présences", "Résultat", "Régime", "Règles", "membres", "exercice", "soit", "élu"];
const english = ["present:", "seats", "votes", "sitting", "Attendance", "Result", "Rules", "adopted", "rejected", "required", "Proxy", "members in office", "reached"];

describe("delib explain in the reader's language", () => {
  it("finds the examples", () => {
    expect(examples.length).toBeGreaterThan(5);
  });

  it.each(examples)("%s: English for an English reader", async (file) => {
    const run = await runCli(["explain", file], { env: { DELIB_LANG: "en" } });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("; quorum: ");
    expect(run.stdout).toContain("Result: ");
    const text = catalogueText(run.stdout, file);
    expect(french.filter((w) => text.includes(w)), text).toEqual([]);
  });

  it.each(examples)("%s: French for a French reader", async (file) => {
    const run = await runCli(["explain", file], { env: { DELIB_LANG: "fr" } });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("Quorum");
    expect(run.stdout).toContain("CGCT");
    expect(run.stdout).toContain("Résultat : ");
    const text = catalogueText(run.stdout, file);
    expect(english.filter((w) => text.includes(w)), text).toEqual([]);
  });

  it("has the English of every explain.* label, with the same placeholders", () => {
    const fr = catalogueEntries("fr");
    const en = catalogueEntries("en");
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const keys = Object.keys(fr).filter((k) => k.startsWith("explain.") || k.startsWith("citation."));
    expect(keys.filter((k) => !(k in en))).toEqual([]);
    for (const k of keys) expect(placeholders(en[k]!), k).toEqual(placeholders(fr[k]!));
  });
});
