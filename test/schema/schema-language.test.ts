// The JSON Schemas in French (schemas/<name>.schema.fr.json, built by scripts/build-schemas.mjs,
// not committed): every text of the English schemas is translated in locales/schema/fr.json and
// nothing there translates a node that is gone; the French schema is the English one with only
// its texts changed; the build gives the same bytes every run.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { languages } from "../../src/diagnostics/translator.js";
import {
  schemaCatalogue,
  schemaFileName,
  schemaJson,
  schemaNames,
  schemaNodes,
  schemaTexts,
  textKeywords,
  translateSchema,
  translatedId,
  translationProblems,
} from "../../src/init/schema-language.js";
import { BUILD_TIMEOUT, installation } from "../support/installation.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const english = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(repoRoot, `schemas/${name}.schema.json`), "utf8")) as Record<string, unknown>;
const catalogue = schemaCatalogue("fr");

/** `schema` without its texts and `$id`: what must be the same in every language. */
function structure(schema: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
  for (const [, node] of schemaNodes(copy)) for (const keyword of textKeywords) delete node[keyword];
  delete copy.$id;
  return copy;
}

/** The `code` spans of a text: values the clerk types, the same in every language. */
function codeSpans(text: string): string[] {
  return [...text.matchAll(/`[^`]*`/g)].map((m) => m[0]);
}

describe.each(schemaNames)("schemas/%s.schema.json in French", (name) => {
  const source = english(name);
  const translation = catalogue[name];

  it("has every text translated, and no translation of a node the schema no longer has", () => {
    expect(schemaTexts(source).size).toBeGreaterThan(40);
    expect(translationProblems(source, translation)).toEqual([]);
  });

  it("is the English schema with only its texts changed: same keys in the same order, types, enums, patterns", () => {
    const french = JSON.parse(schemaJson(name, "fr")) as Record<string, unknown>;
    expect(JSON.stringify(structure(french))).toBe(JSON.stringify(structure(source)));
    expect(french.$id).toBe(translatedId(source.$id as string, "fr"));
    // Every text is the catalogue's, at its node.
    const texts = schemaTexts(french);
    expect([...texts.keys()]).toEqual([...schemaTexts(source).keys()]);
    for (const [pointer, own] of texts) expect(own, pointer).toEqual(translation[pointer]);
  });

  it("is written in French: each description translated, typographic apostrophes, the values to type unchanged", () => {
    const problems: string[] = [];
    for (const [pointer, own] of schemaTexts(source)) {
      for (const keyword of textKeywords) {
        const en = own[keyword];
        const fr = translation[pointer]?.[keyword];
        if (en === undefined || fr === undefined) continue;
        if (keyword !== "title" && fr === en) problems.push(`${pointer} ${keyword}: the English text, untranslated`);
        if (/\p{L}'\p{L}/u.test(fr.replace(/`[^`]*`/g, ""))) problems.push(`${pointer} ${keyword}: write ’, not '`);
        const missing = codeSpans(en).filter((span) => !codeSpans(fr).includes(span));
        if (missing.length > 0) problems.push(`${pointer} ${keyword}: ${missing.join(", ")} of the English text is not in the French one`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("compiles as a JSON Schema, as strictly as the English one", () => {
    const require = createRequire(import.meta.url);
    const Ajv2020 = (require("ajv/dist/2020") as typeof import("ajv/dist/2020.js")).default;
    const addFormats = (require("ajv-formats") as typeof import("ajv-formats")).default;
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv, { formats: ["date"], keywords: true });
    expect(() => ajv.compile(JSON.parse(schemaJson(name, "fr")) as object)).not.toThrow();
  });

  it("gives the English file, byte for byte, in English", () => {
    expect(schemaFileName(name, "en")).toBe(`${name}.schema.json`);
    expect(schemaJson(name, "en")).toBe(readFileSync(join(repoRoot, `schemas/${name}.schema.json`), "utf8"));
  });
});

describe("the translation of a schema", () => {
  const schema = {
    $id: "urn:x",
    title: "Root",
    type: "object",
    properties: { title: { title: "Title", description: "The title.", enum: ["title"] }, n: { type: "integer" } },
    $defs: { d: { anyOf: [{ description: "One." }, { const: "description" }] } },
  };

  it("names what is missing, what is gone and what the schema does not have", () => {
    expect(translationProblems(schema, { "": { title: "Racine" }, "/properties/title": { title: "Titre" }, "/properties/n": { title: "N" }, "/$defs/d/anyOf/0": { description: "Un.", title: "X" } })).toEqual([
      "/properties/title: no translation of its description",
      "/properties/n: translated, but the schema has no text there",
      "/$defs/d/anyOf/0: translates a title the schema does not have",
    ]);
    expect(() => translateSchema(schema, {}, "fr")).toThrow(/\(root\): no translation of its title/);
  });

  it("changes the texts only, never a property named `title` nor an enum value", () => {
    const translated = translateSchema(schema, { "": { title: "Racine" }, "/properties/title": { title: "Titre", description: "Le titre." }, "/$defs/d/anyOf/0": { description: "Un." } }, "fr");
    expect(translated).toEqual({
      $id: "urn:x:fr",
      title: "Racine",
      type: "object",
      properties: { title: { title: "Titre", description: "Le titre.", enum: ["title"] }, n: { type: "integer" } },
      $defs: { d: { anyOf: [{ description: "Un." }, { const: "description" }] } },
    });
  });
});

describe("scripts/build-schemas.mjs", () => {
  it(
    "writes the French schemas, the same bytes every run, the text `delib schema` prints",
    async () => {
      const root = await installation();
      const runs = [1, 2].map((i) => {
        const out = mkdtempSync(join(tmpdir(), `delib-schemas-${i}-`));
        execFileSync(process.execPath, [join(repoRoot, "scripts/build-schemas.mjs"), "--out", out], { cwd: root, encoding: "utf8" });
        return out;
      });
      for (const language of languages.filter((l) => l !== "en")) {
        for (const name of schemaNames) {
          const [first, second] = runs.map((out) => readFileSync(join(out!, schemaFileName(name, language))));
          expect(first!.equals(second!), `${name} ${language}`).toBe(true);
          expect(first!.toString("utf8")).toBe(schemaJson(name, language));
        }
      }
    },
    BUILD_TIMEOUT,
  );
});
