// How the extract names people and cites the law, from the catalogue.
import type { Member, Session } from "../model/session.js";
import type { Catalogue } from "./catalogue.js";

/**
 * French typography on printed text: a no-break space inside « guillemets » and before a colon,
 * a narrow one before ; ! ? — so « Les Ouches » or « Objet : » never split across lines.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/« /g, "«\u00a0")
    .replace(/ »/g, "\u00a0»")
    .replace(/ :(?=\s|$|<)/g, "\u00a0:")
    .replace(/ ([;!?])(?=\s|$|<)/g, "\u202f$1");
}

/** Every string in a document's data, set in French typography (Markdown's HTML included: only text changes). */
export function typeset<T>(value: T): T {
  if (typeof value === "string") return frenchTypography(value) as T;
  if (Array.isArray(value)) return value.map((v) => typeset(v)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeset(v)])) as T;
  }
  return value;
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
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} et ${names[names.length - 1]}`;
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
  };
}
