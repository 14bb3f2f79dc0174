// The JSON Schemas in the reader's language. schemas/<name>.schema.json is the one source of the
// format, in English; a translation catalogue (locales/schema/<language>.json) gives, for every
// schema node that carries a text, keyed by its JSON Pointer, that text in another language. The
// translated schema is the English one with those texts put in place, nothing else changed: it is
// what an editor shows on hover and in completion (the `# yaml-language-server: $schema=…`
// modeline `delib init` writes names it), never what delib validates with.
//
// scripts/build-schemas.mjs writes schemas/<name>.schema.<language>.json with schemaJson() at
// build time (they ship in the tarball, they are not committed); `delib schema` prints the same
// text. test/schema/schema-language.test.ts keeps the catalogue and the schemas in step.
import { englishSchemaJson, isObject, schemaNames, schemaNodes, schemaTexts, schemaTranslation, textKeywords, type SchemaName, type SchemaTranslation, type TextKeyword } from "../diagnostics/schema-texts.js";
import type { Language } from "../diagnostics/translator.js";

export { schemaNames, schemaNodes, schemaTexts, textKeywords, type NodeTexts, type SchemaName, type SchemaTranslation, type TextKeyword } from "../diagnostics/schema-texts.js";

/**
 * Where `translation` does not fit `schema`, one line each: a text left untranslated, a
 * translation of a node or a text the schema no longer has, an empty translation.
 */
export function translationProblems(schema: unknown, translation: SchemaTranslation): string[] {
  const problems: string[] = [];
  const texts = schemaTexts(schema);
  for (const [pointer, own] of texts) {
    const given = translation[pointer];
    for (const keyword of Object.keys(own) as TextKeyword[]) {
      if (typeof given?.[keyword] !== "string") problems.push(`${pointer || "(root)"}: no translation of its ${keyword}`);
      else if (given[keyword].trim() === "") problems.push(`${pointer || "(root)"}: an empty translation of its ${keyword}`);
    }
  }
  for (const [pointer, given] of Object.entries(translation)) {
    const own = texts.get(pointer);
    if (own === undefined) {
      problems.push(`${pointer || "(root)"}: translated, but the schema has no text there`);
      continue;
    }
    for (const keyword of Object.keys(given)) {
      if (!(keyword in own)) problems.push(`${pointer || "(root)"}: translates a ${keyword} the schema does not have`);
    }
  }
  return problems;
}

/** The `$id` of a schema's translation: the English one's, with the language after it. */
export function translatedId(id: string, language: Language): string {
  return `${id}:${language}`;
}

/**
 * `schema` with its texts in the translation's language: a copy with the same keys in the same
 * order, only the texts (and the `$id`, a translation being another document) replaced. Throws
 * when the translation does not fit the schema (translationProblems).
 */
export function translateSchema(schema: unknown, translation: SchemaTranslation, language: Language): unknown {
  const problems = translationProblems(schema, translation);
  if (problems.length > 0) throw new Error(`the ${language} translation does not fit the schema:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  const copy = JSON.parse(JSON.stringify(schema)) as unknown;
  for (const [pointer, node] of schemaNodes(copy)) {
    const given = translation[pointer];
    if (given === undefined) continue;
    for (const keyword of textKeywords) if (typeof node[keyword] === "string") node[keyword] = given[keyword]!;
  }
  if (isObject(copy) && typeof copy.$id === "string") copy.$id = translatedId(copy.$id, language);
  return copy;
}

/** The file name of schema `name` in `language`: session.schema.json for English, the source; session.schema.fr.json for French. */
export function schemaFileName(name: SchemaName, language: Language): string {
  return language === "en" ? `${name}.schema.json` : `${name}.schema.${language}.json`;
}

/** The translations of every schema into `language` (locales/schema/<language>.json), keyed by schema name. */
export function schemaCatalogue(language: Exclude<Language, "en">): Readonly<Record<SchemaName, SchemaTranslation>> {
  const catalogue = {} as Record<SchemaName, SchemaTranslation>;
  for (const name of schemaNames) catalogue[name] = schemaTranslation(name, language);
  return catalogue;
}

/**
 * The text of schema `name` in `language`, byte for byte what schemas/<schemaFileName> holds:
 * the English file as it is, or its translation written as the English file is (two spaces,
 * a final newline). The same bytes every time.
 */
export function schemaJson(name: SchemaName, language: Language): string {
  const english = englishSchemaJson(name);
  if (language === "en") return english;
  return `${JSON.stringify(translateSchema(JSON.parse(english), schemaCatalogue(language)[name], language), null, 2)}\n`;
}
