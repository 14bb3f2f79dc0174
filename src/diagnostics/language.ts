// Which language delib speaks to the person at the terminal: `--lang`, then DELIB_LANG, then
// the locale (LC_ALL, LC_MESSAGES, LANG, as gettext reads them), then the register's own
// language, then French, the language of the people delib is made for. A locale of "C" or
// "POSIX" (a CI runner, a bare container) says nothing about the reader and is skipped.
import { languages, type Language } from "./translator.js";

export interface LanguageSources {
  /** `--lang`, as typed. */
  readonly flag?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The language the register is kept in (delib.config.yaml), when known. */
  readonly configured?: string | undefined;
}

/** The language of a locale name such as "fr_FR.UTF-8", "en-GB" or "fr"; undefined for C, POSIX or one delib does not speak. */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  if (!locale) return undefined;
  const code = locale.trim().toLowerCase().split(/[_.@-]/)[0];
  return (languages as readonly string[]).includes(code ?? "") ? (code as Language) : undefined;
}

/** True when a locale variable is set to something that names a language (not C or POSIX). */
function speaks(locale: string | undefined): boolean {
  if (!locale) return false;
  const code = locale.trim().toLowerCase().split(/[_.@-]/)[0];
  return code !== "" && code !== "c" && code !== "posix";
}

/**
 * The reader's language. An explicit choice (`--lang`, DELIB_LANG) must be one delib speaks
 * (checked by the CLI, see `unknownLanguage` in src/cli/main.ts); a locale in another language (de_DE) gives
 * English, the language of those who do not read French.
 */
export function resolveLanguage(sources: LanguageSources): Language {
  const chosen = languageOfLocale(sources.flag) ?? languageOfLocale(sources.env.DELIB_LANG);
  if (chosen) return chosen;
  for (const variable of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const locale = sources.env[variable];
    if (speaks(locale)) return languageOfLocale(locale) ?? "en";
  }
  return languageOfLocale(sources.configured) ?? "fr";
}
