// Turns messages into text in the reader's language, from one catalogue per language
// (locales/messages/<language>/, one file per part of delib, one namespace), each text in ICU MessageFormat: plurals, selects and
// numbers are the library's (intl-messageformat, FormatJS), never pieced together here.
import { readdirSync, readFileSync } from "node:fs";
import { IntlMessageFormat } from "intl-messageformat";
import { isMessage, type Message, type MessageValue } from "./message.js";
import { schemaDescriptionEntries } from "./schema-texts.js";

/** The languages delib speaks to a person. */
export const languages = ["fr", "en"] as const;
export type Language = (typeof languages)[number];

export interface Translator {
  readonly language: Language;
  /** The text of `message` (a text that is not delib's words is the message `raw`, see rawText). */
  text(message: Message): string;
  /** The text of the message `id` with `values`. */
  t(id: string, values?: Readonly<Record<string, MessageValue>>): string;
}

/** The messages of `language`: message id → ICU MessageFormat text, from every file of its folder. */
function messagesOf(language: Language): Readonly<Record<string, string>> {
  const cached = messages.get(language);
  if (cached) return cached;
  const folder = new URL(`../../locales/messages/${language}/`, import.meta.url);
  const entries: Record<string, string> = {};
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".json")).sort()) {
    const part = JSON.parse(readFileSync(new URL(file, folder), "utf8")) as Record<string, string>;
    for (const [id, text] of Object.entries(part)) {
      if (id === "$comment") continue;
      // Two files giving the same id is a bug in delib, caught by test/diagnostics/catalogues.test.ts.
      if (Object.hasOwn(entries, id)) throw new Error(`message \`${id}\` is given twice in locales/messages/${language}/`);
      entries[id] = text;
    }
  }
  messages.set(language, entries);
  return entries;
}

/**
 * The schemas' descriptions (hints of the schema diagnostics, `schema.<name>#<pointer>`), from
 * the schemas and their translations, where an editor reads them too (schema-texts.ts); read
 * only when one is shown.
 */
function descriptionsOf(language: Language): Readonly<Record<string, string>> {
  let cached = descriptions.get(language);
  if (!cached) descriptions.set(language, (cached = schemaDescriptionEntries(language)));
  return cached;
}

const messages = new Map<Language, Record<string, string>>();
const descriptions = new Map<Language, Record<string, string>>();

/** The text of message `id` in `language`, or undefined when no catalogue has it. */
function sourceOf(language: Language, id: string): string | undefined {
  return id.startsWith("schema.") ? (descriptionsOf(language)[id] ?? messagesOf(language)[id]) : messagesOf(language)[id];
}

/** The whole catalogue of `language`: its messages and the schemas' descriptions (for the tests of the catalogues). */
export function catalogueOf(language: Language): Readonly<Record<string, string>> {
  const entries = { ...messagesOf(language) };
  for (const [id, text] of Object.entries(descriptionsOf(language))) {
    if (Object.hasOwn(entries, id)) throw new Error(`message \`${id}\` is a schema's description: it belongs in the schema or locales/schema/, not in locales/messages/${language}/`);
    entries[id] = text;
  }
  return entries;
}

/** What formats a message's text with its values: intl-messageformat's, or simpleMessage's. */
interface Formatter {
  format(values: Record<string, string | number>): unknown;
}

/**
 * A text whose ICU reading is plain: no quoting apostrophe and no argument but `{name}` (no
 * plural, select or number format). Most of delib's texts are such, the help's above all, and
 * intl-messageformat's constructor costs some 25 ms on first use (it resolves the locale's
 * data): an HTML build that prints two lines must not pay it. The same text either way
 * (test/diagnostics/catalogues.test.ts compares both on every message).
 */
export function simpleMessage(source: string): Formatter | undefined {
  if (/'['{}#|]|[{}]/.test(source.replace(/\{[A-Za-z_][\w]*\}/g, ""))) return undefined;
  return {
    format: (values) =>
      source.replace(/\{([A-Za-z_]\w*)\}/g, (_, name: string) => {
        const value = values[name];
        if (value === undefined) throw new Error(`The intl string context variable "${name}" was not provided to the string "${source}"`);
        // As intl-messageformat gives a bare `{n}`: the number's own digits (`{n, number}` formats it).
        return String(value);
      }),
  };
}
const translators = new Map<Language, Translator>();

const locales: Record<Language, string> = { fr: "fr-FR", en: "en-GB" };

/** The translator of `language`, made once per process; each text is compiled on first use. */
export function translator(language: Language): Translator {
  const cached = translators.get(language);
  if (cached) return cached;
  const compiled = new Map<string, Formatter>();
  // Made on first use: loading the locale's list patterns costs some 25 ms, which a run that
  // says nothing (an HTML build) must not pay.
  const lists = new Map<"conjunction" | "disjunction", Intl.ListFormat>();
  const listFormat = (type: "conjunction" | "disjunction"): Intl.ListFormat => {
    let made = lists.get(type);
    if (!made) lists.set(type, (made = new Intl.ListFormat(locales[language], { type })));
    return made;
  };
  const format = (id: string, values: Readonly<Record<string, MessageValue>> = {}): string => {
    let message = compiled.get(id);
    if (!message) {
      const source = sourceOf(language, id);
      // A message missing from a catalogue is a bug in delib, caught by test/diagnostics/catalogues.test.ts.
      if (source === undefined) throw new Error(`no message \`${id}\` in locales/messages/${language}/`);
      message = simpleMessage(source) ?? new IntlMessageFormat(source, locales[language], undefined, { ignoreTag: true });
      compiled.set(id, message);
    }
    const plain: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(values)) plain[name] = valueText(value);
    const text = message.format(plain);
    return Array.isArray(text) ? text.join("") : String(text);
  };
  const valueText = (value: MessageValue): string | number => {
    if (typeof value === "string" || typeof value === "number") return value;
    if (isMessage(value)) return format(value.id, value.values);
    return listFormat(value.type ?? "conjunction").format(value.list.map((item) => (typeof item === "string" ? item : format(item.id, item.values))));
  };
  const made: Translator = {
    language,
    text: (message) => format(message.id, message.values),
    t: format,
  };
  translators.set(language, made);
  return made;
}
