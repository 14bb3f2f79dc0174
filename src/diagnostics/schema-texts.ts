// The texts of delib's JSON Schemas, for a person: schemas/<name>.schema.json says them in
// English (the one source of the format), locales/schema/<language>.json in other languages,
// keyed by the JSON Pointer of their node. An editor shows them (the translated schemas
// src/init/schema-language.ts writes); the schema diagnostics give a node's description as a
// hint, as the message `schema.<name>#<pointer>`, which the translator takes from here: one text
// per node and language, never copied into the message catalogues.
import { readFileSync } from "node:fs";

/** The schemas an editor shows: the session file's and delib.config.yaml's. */
export const schemaNames = ["session", "config"] as const;
export type SchemaName = (typeof schemaNames)[number];

/** The keywords whose value is text for a person, translated; every other keyword is structure. */
export const textKeywords = ["title", "description", "markdownDescription"] as const;
export type TextKeyword = (typeof textKeywords)[number];

/** The texts of one schema node. */
export type NodeTexts = Partial<Record<TextKeyword, string>>;

/** A translation of one schema: JSON Pointer ("" for the root) → the node's texts. */
export type SchemaTranslation = Readonly<Record<string, NodeTexts>>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type SchemaObject = { [key: string]: Json };

/** Keywords whose value maps names to subschemas. */
const schemaMaps = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
/** Keywords whose value is a list of subschemas. */
const schemaLists = ["allOf", "anyOf", "oneOf", "prefixItems"];
/** Keywords whose value is one subschema. */
const schemaSingles = ["items", "additionalItems", "additionalProperties", "propertyNames", "not", "if", "then", "else", "contains", "unevaluatedItems", "unevaluatedProperties", "contentSchema"];

export function isObject(value: unknown): value is SchemaObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A name as one JSON Pointer segment (RFC 6901). */
function segment(name: string): string {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Every schema node below `node` (itself included) with its JSON Pointer, in document order.
 * Only subschemas are visited: the names under `properties`, and the values of `enum`, `const`
 * or `required`, are the format's data, never texts.
 */
export function schemaNodes(node: unknown, pointer = ""): [string, SchemaObject][] {
  if (!isObject(node)) return [];
  const found: [string, SchemaObject][] = [[pointer, node]];
  for (const [keyword, value] of Object.entries(node)) {
    if (schemaMaps.includes(keyword) && isObject(value)) {
      for (const [name, sub] of Object.entries(value)) found.push(...schemaNodes(sub, `${pointer}/${keyword}/${segment(name)}`));
    } else if (schemaLists.includes(keyword) && Array.isArray(value)) {
      value.forEach((sub, i) => found.push(...schemaNodes(sub, `${pointer}/${keyword}/${i}`)));
    } else if (schemaSingles.includes(keyword)) {
      found.push(...schemaNodes(value, `${pointer}/${keyword}`));
    }
  }
  return found;
}

/** The texts of `schema`, by JSON Pointer: only the nodes that carry one. */
export function schemaTexts(schema: unknown): Map<string, NodeTexts> {
  const texts = new Map<string, NodeTexts>();
  for (const [pointer, node] of schemaNodes(schema)) {
    const own: NodeTexts = {};
    for (const keyword of textKeywords) if (typeof node[keyword] === "string") own[keyword] = node[keyword];
    if (Object.keys(own).length > 0) texts.set(pointer, own);
  }
  return texts;
}

/** The English schema as delib ships it (schemas/<name>.schema.json), as text. */
export function englishSchemaJson(name: SchemaName): string {
  return readFileSync(new URL(`../../schemas/${name}.schema.json`, import.meta.url), "utf8");
}

/** The translation of schema `name` into `language` (locales/schema/<language>.json), empty when there is none. */
export function schemaTranslation(name: SchemaName, language: string): SchemaTranslation {
  let all = translations.get(language);
  if (!all) {
    try {
      all = JSON.parse(readFileSync(new URL(`../../locales/schema/${language}.json`, import.meta.url), "utf8")) as Record<string, unknown>;
    } catch {
      all = {};
    }
    translations.set(language, all);
  }
  return (all[name] ?? {}) as SchemaTranslation;
}

/** The translation files read, each once per run. */
const translations = new Map<string, Record<string, unknown>>();

/** The id of the message that gives the description of the node at `pointer` of schema `name`. */
export function descriptionId(name: SchemaName, pointer: string): string {
  return `schema.${name}#${pointer}`;
}

/**
 * A description as ICU MessageFormat text: a code sample with braces (`{ represented_by: ID }`)
 * becomes the argument {code1}, {code2}… (ICU would read its braces), whose values are the
 * samples in the order they come — the same in every language, since a translation keeps the
 * code the clerk types.
 */
export function descriptionMessage(description: string): { readonly text: string; readonly values: Readonly<Record<string, string>> } {
  const values: Record<string, string> = {};
  let n = 0;
  const text = description.replace(/`[^`]*[{}][^`]*`/g, (code) => {
    values[`code${++n}`] = code;
    return `{code${n}}`;
  });
  return { text, values };
}

/** Every schema description in `language` as catalogue entries: message id → ICU text. */
export function schemaDescriptionEntries(language: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of schemaNames) {
    const texts = language === "en" ? schemaTexts(JSON.parse(englishSchemaJson(name))) : new Map(Object.entries(schemaTranslation(name, language)));
    for (const [pointer, own] of texts) if (own.description !== undefined) entries[descriptionId(name, pointer)] = descriptionMessage(own.description).text;
  }
  return entries;
}
