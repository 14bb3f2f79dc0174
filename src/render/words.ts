// How the extract names people and cites the law, from the catalogue.
import type { Member, Session } from "../model/session.js";
import type { Catalogue } from "./catalogue.js";

/**
 * French typography on printed text: a no-break space inside « guillemets » and before a colon,
 * a narrow one before ; ! ?, the typographic apostrophe (l’exercice) — so « Les Ouches » or
 * « Objet : » never split across lines. In HTML, only the text changes, never a tag.
 */
export function frenchTypography(text: string): string {
  return typesetText(text, civilitiesOnly);
}

/** What `typeset` needs to know beyond the text: the people it names. */
export interface TypesetOptions {
  /** The full names of the sitting's members (« Christophe COULON »), kept whole on one line. */
  readonly names?: readonly string[];
}

/**
 * Every string in a document's data, set in French typography (Markdown's HTML included: only
 * text changes, never a tag or its attributes), with every known name and the civility before
 * it joined by no-break spaces, so that no line ends on « M. » or a first name (issue 11).
 */
export function typeset<T>(value: T, options: TypesetOptions = {}): T {
  const names = options.names && options.names.length > 0 ? nameJoiner(options.names) : civilitiesOnly;
  return typesetValue(value, (text) => typesetText(text, names));
}

function typesetValue<T>(value: T, set: (text: string) => string): T {
  if (typeof value === "string") return set(value) as T;
  if (Array.isArray(value)) return value.map((v) => typesetValue(v, set)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typesetValue(v, set)])) as T;
  }
  return value;
}

/**
 * Not inside a tag: the next angle bracket, if any, opens one. Markdown's HTML never holds a
 * bare < or > in its text (it writes &lt; &gt;), so in a string with tags this tells text from
 * markup, attributes included (`<a href='…'>`), without taking the string apart.
 */
const OUTSIDE_TAG = "(?![^<>]*>)";

/**
 * The French rules, found in one pass: an apostrophe, a space inside « guillemets », a space
 * before a colon or ; ! ? standing alone (then a space, the end or a tag: not « 18:30 »).
 */
const RULES = "'|« | »| (?=:(?:\\s|$|<))| (?=[;!?](?:\\s|$|<))";
const TEXT_RULES = new RegExp(RULES, "g");
const HTML_RULES = new RegExp(`(?:${RULES})${OUTSIDE_TAG}`, "g");
const TYPESET: Readonly<Record<string, string>> = { "'": "\u2019", "« ": "«\u00a0", " »": "\u00a0»" };

/** What replaces a match of RULES: a space before a colon is a no-break one, before ; ! ? a narrow one. */
function setRule(match: string, at: number, text: string): string {
  return TYPESET[match] ?? (text[at + 1] === ":" ? "\u00a0" : "\u202f");
}

/** The rules and the names on one string: plain text, or HTML when it holds a `<`. */
function typesetText(text: string, names: NameJoiner): string {
  const html = text.includes("<");
  return text.replace(html ? HTML_RULES : TEXT_RULES, setRule).replace(html ? names.html : names.text, joinWords);
}

function joinWords(match: string): string {
  return match.replace(/\s+/g, "\u00a0");
}

/** The civilities a name may follow: as the file lists them (« M. », « Mme ») and in full (the catalogue's `civility.long.*`). */
const CIVILITIES = ["Monsieur", "Madame", "Mme", "M."];
/** Abbreviated civilities never end a line, whatever name follows (« M. DUPONT », « MM. DUPONT et MOREL »). */
const ABBREVIATED = ["Mmes", "Mme", "MM.", "M."];

/** One expression that finds the names to hold together, for plain text and for HTML. */
interface NameJoiner {
  readonly text: RegExp;
  readonly html: RegExp;
}

/**
 * Finds each of `names` with the civility before it (« M. Jean DUPONT »), and an abbreviated
 * civility before any capitalised word, so their spaces become no-break ones. One expression
 * for all the names of a document, longest first, so « Jean DUPONT-MOREL » is not taken for
 * « Jean DUPONT »; a space of a name may already be a no-break one, an apostrophe either kind.
 */
/** The longest name kept on one line: far beyond « Marie-Christine de LA ROCHEFOUCAULD-DOUDEAUVILLE ». */
const MAX_NAME_WORDS = 12;
const MAX_NAME_LENGTH = 200;

function nameJoiner(names: readonly string[]): NameJoiner {
  // A name of more words than any person bears is left out: one expression holds every name,
  // and V8 compiles it recursively (a 10,000-word « name » overflowed the stack, issue 13).
  const known = [...new Set(names.map((n) => n.trim()).filter((n) => /\s/.test(n) && n.length <= MAX_NAME_LENGTH && n.split(/\s+/).length <= MAX_NAME_WORDS))]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((n) => n.split(/\s+/).map((w) => escapeRegExp(w).replace(/['’]/g, "['’]")).join("\\s+"));
  const civility = CIVILITIES.map(escapeRegExp).join("|");
  const abbreviated = ABBREVIATED.map(escapeRegExp).join("|");
  const name = known.length > 0 ? `(?:(?:${civility})\\s+)?(?:${known.join("|")})(?![\\p{L}\\p{N}])|` : "";
  // Not inside a longer word: « M. » is no civility at the end of « MM. », nor « Jean DUPONT » a name in « Jean DUPONTEL ».
  const pattern = `(?<![\\p{L}\\p{N}])(?:${name}(?:${abbreviated})\\s+(?=\\p{Lu}))`;
  return { text: new RegExp(pattern, "gu"), html: new RegExp(pattern + OUTSIDE_TAG, "gu") };
}

/** The joiner that knows no name: abbreviated civilities only. */
const civilitiesOnly = nameJoiner([]);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** « Christophe COULON » */
export function fullName(member: Member): string {
  return `${member.first_name} ${member.last_name}`.trim();
}

/** « Monsieur Christophe COULON » */
export function formalName(member: Member, t: Catalogue): string {
  return `${t.t(`civility.long.${member.civility}`)} ${fullName(member)}`;
}

/** « M. Christophe COULON » */
export function shortName(member: Member): string {
  return `${member.civility} ${fullName(member)}`;
}

/** The feminine variant of a label (`key.f`) for Mme, when the catalogue has one. */
export function gendered(t: Catalogue, key: string, member: Member, values?: Record<string, string | number>): string {
  return t.t(member.civility === "Mme" && t.has(`${key}.f`) ? `${key}.f` : key, values);
}

/** « art. L2121-17 du CGCT » from « CGCT L2121-17 »; any other source as written. */
export function citation(source: string, t: Catalogue): string {
  const match = /^CGCT (\S+)(.*)$/.exec(source);
  return match ? t.t("citation.cgct", { article: match[1]!, rest: match[2]! }) : source;
}

/** « M. A, Mme B et M. C » */
export function joinNames(names: readonly string[]): string {
  const separators = listSeparators(names.length);
  return names.map((name, i) => name + separators[i]).join("");
}

/** What follows each of `count` items of a list: « , » between them, « et » before the last, nothing after it. */
export function listSeparators(count: number, between = ", ", last = " et "): string[] {
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? "" : i === count - 2 ? last : between));
}

/** « 18 h 30 », « 20 h »: a time of day as a register writes it. */
export function frenchTime(time: string, t: Catalogue): string {
  const [hours, minutes] = time.split(":") as [string, string];
  const h = String(Number(hours));
  return minutes === "00" ? t.t("time.hour", { hours: h }) : t.t("time", { hours: h, minutes });
}

/** A label that agrees with a list of people: `.one` for one, `.f` when all are women. */
export function agreeing(t: Catalogue, key: string, people: readonly Member[]): string {
  const base = people.length === 1 ? `${key}.one` : key;
  const chosen = t.has(base) ? base : key;
  const feminine = people.length > 0 && people.every((p) => p.civility === "Mme") && t.has(`${chosen}.f`);
  return t.t(feminine ? `${chosen}.f` : chosen);
}

export function upper(text: string, language: string): string {
  return text.toLocaleUpperCase(language);
}

export function capitalize(text: string, language: string): string {
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}

/** « du comité syndical », « le comité syndical », with the assembly's gender. */
export function assemblyWords(session: Session, t: Catalogue) {
  const gender = session.body.assembly_gender ?? "masculine";
  const assembly = session.body.assembly;
  return {
    gender,
    of: t.t(`assembly.of.${gender}`, { assembly }),
    the: t.t(`assembly.the.${gender}`, { assembly }),
    to: t.t(`assembly.to.${gender}`, { assembly }),
  };
}
