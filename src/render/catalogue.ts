import { existsSync, readdirSync, readFileSync } from "node:fs";

/**
 * The printed labels of one language: locales/<lang>.json, and every JSON file of
 * locales/documents/<lang>/ (one per part of the documents, e.g. the election records). A key
 * given twice is a bug in delib.
 */
export interface Catalogue {
  readonly language: string;
  /** The label `key` with its {placeholders} filled; a missing key or value is a bug in delib. */
  t(key: string, values?: Readonly<Record<string, string | number>>): string;
  /** True when the catalogue has `key` (for optional variants). */
  has(key: string): boolean;
}

const cache = new Map<string, Catalogue>();

/** Loads the catalogue of `language` from locales/, once per process. */
export function loadCatalogue(language = "fr"): Catalogue {
  const cached = cache.get(language);
  if (cached) return cached;
  const entries = catalogueEntries(language);
  const catalogue: Catalogue = {
    language: entries.language ?? language,
    has: (key) => Object.hasOwn(entries, key),
    t(key, values = {}) {
      const text = entries[key];
      if (text === undefined) throw new Error(`catalogue ${language}: no label \`${key}\``);
      return text.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = values[name];
        if (value === undefined) throw new Error(`catalogue ${language}: label \`${key}\` needs {${name}}`);
        return String(value);
      });
    },
  };
  cache.set(language, catalogue);
  return catalogue;
}

/** Every label of `language`, from locales/<lang>.json and locales/documents/<lang>/*.json. */
export function catalogueEntries(language: string): Record<string, string> {
  const entries = JSON.parse(readFileSync(new URL(`../../locales/${language}.json`, import.meta.url), "utf8")) as Record<string, string>;
  const folder = new URL(`../../locales/documents/${language}/`, import.meta.url);
  if (!existsSync(folder)) return entries;
  for (const name of readdirSync(folder).filter((file) => file.endsWith(".json")).sort()) {
    const part = JSON.parse(readFileSync(new URL(name, folder), "utf8")) as Record<string, string>;
    for (const [key, text] of Object.entries(part)) {
      if (key === "$comment") continue;
      if (Object.hasOwn(entries, key)) throw new Error(`catalogue ${language}: label \`${key}\` given twice (locales/documents/${language}/${name})`);
      entries[key] = text;
    }
  }
  return entries;
}
