import { readFileSync } from "node:fs";

/** The printed labels of one language (locales/<lang>.json). */
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
  const url = new URL(`../../locales/${language}.json`, import.meta.url);
  const entries = JSON.parse(readFileSync(url, "utf8")) as Record<string, string>;
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
