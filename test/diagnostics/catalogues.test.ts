// The catalogues of what delib says to a person (locales/messages/<language>/): both languages
// have every message, each compiles as ICU MessageFormat with the same arguments in both, and
// every message id the source names exists.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { IntlMessageFormat } from "intl-messageformat";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { catalogueOf, languages, simpleMessage, translator } from "../../src/diagnostics/translator.js";
import { catalogueEntries } from "../../src/render/catalogue.js";

const src = fileURLToPath(new URL("../../src/", import.meta.url));
const locales = { fr: "fr-FR", en: "en-GB" } as const;

/** The argument names a compiled message uses, anywhere in its plurals and selects. */
function argumentsOf(text: string, locale: string): string[] {
  const names = new Set<string>();
  const visit = (nodes: readonly unknown[]) => {
    for (const node of nodes as { type: number; value?: string; options?: Record<string, { value: unknown[] }> }[]) {
      // Types of @formatjs/icu-messageformat-parser: 0 literal, 7 pound; every other has a value that names an argument.
      if (node.type !== 0 && node.type !== 7 && typeof node.value === "string") names.add(node.value);
      for (const option of Object.values(node.options ?? {})) visit(option.value);
    }
  };
  visit(new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }).getAst());
  return [...names].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** Every message id src/ names as a literal: msg("…"), t("…"), tr.t("…"), context.t("…"). */
function idsNamedInSource(): Map<string, string> {
  const ids = new Map<string, string>();
  for (const path of sourceFiles(src)) {
    const file = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && node.arguments.length > 0) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
        const first = node.arguments[0]!;
        if ((name === "msg" || name === "t") && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
          ids.set(first.text, `${path.slice(src.length)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return ids;
}

describe("the message catalogues", () => {
  const catalogues = Object.fromEntries(languages.map((l) => [l, catalogueOf(l)])) as Record<(typeof languages)[number], Readonly<Record<string, string>>>;

  it("give every message in both languages", () => {
    const fr = Object.keys(catalogues.fr);
    const en = Object.keys(catalogues.en);
    expect(fr.filter((id) => !en.includes(id)), "in French only").toEqual([]);
    expect(en.filter((id) => !fr.includes(id)), "in English only").toEqual([]);
  });

  it("compile as ICU MessageFormat, with the same arguments in both languages", () => {
    const problems: string[] = [];
    for (const id of Object.keys(catalogues.en)) {
      try {
        const en = argumentsOf(catalogues.en[id]!, locales.en);
        const fr = argumentsOf(catalogues.fr[id] ?? "", locales.fr);
        if (en.join() !== fr.join()) problems.push(`${id}: English uses {${en.join(", ")}}, French {${fr.join(", ")}}`);
      } catch (error) {
        problems.push(`${id}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("quote nothing by mistake: no straight apostrophe before a brace", () => {
    const problems = languages.flatMap((l) => Object.entries(catalogues[l]).filter(([, text]) => /'[{}]/.test(text)).map(([id]) => `${l} ${id}`));
    expect(problems, "a ' before { or } quotes it in ICU MessageFormat: write ’, or put the quote elsewhere").toEqual([]);
  });

  it("French text uses the typographic apostrophe", () => {
    const problems = Object.entries(catalogues.fr).filter(([, text]) => /\p{L}'\p{L}/u.test(text.replace(/`[^`]*`/g, ""))).map(([id]) => id);
    expect(problems, "write ’ (as in « l’assemblée »), except inside `code`").toEqual([]);
  });

  it("have every message the source names", () => {
    // The documents' labels (locales/fr.json, the language of the act) are named the same way.
    const documents = catalogueEntries("fr");
    const missing = [...idsNamedInSource()]
      .filter(([id]) => !Object.hasOwn(catalogues.en, id) && !Object.hasOwn(documents, id))
      .map(([id, where]) => `${id} (${where})`);
    expect(missing).toEqual([]);
  });

  it("format a plain text without intl-messageformat exactly as intl-messageformat does", () => {
    const differ: string[] = [];
    for (const language of languages) {
      for (const [id, text] of Object.entries(catalogues[language])) {
        const names = argumentsOf(text, locales[language]);
        for (const sample of [1, 7, 3500, 12.5, "« valeur »"]) {
          const values = Object.fromEntries(names.map((n) => [n, sample]));
          let expected: string;
          try {
            expected = String(new IntlMessageFormat(text, locales[language], undefined, { ignoreTag: true }).format(values));
          } catch {
            continue;
          }
          const simple = simpleMessage(text);
          if (simple && String(simple.format(values)) !== expected) differ.push(`${language} ${id} with ${sample}`);
        }
      }
    }
    expect(differ).toEqual([]);
  });

  it("render values, lists and nested messages in the reader's language", () => {
    const fr = translator("fr");
    const en = translator("en");
    expect(fr.t("report.summary.found", { errors: 2, warnings: 1, files: 1 })).toBe("2 erreurs et 1 avertissement dans 1 fichier.");
    expect(en.t("report.summary.found", { errors: 1, warnings: 0, files: 3 })).toBe("Found 1 error in 3 files.");
    expect(fr.t("report.summary.clean", { files: 0 })).toBe("Aucun problème dans 0 fichier.");
    expect(() => en.t("no.such.message")).toThrow(/no message `no.such.message`/);
  });
});
