// The English translator, for tests that read what delib says: the tests run with
// DELIB_LANG=en (vitest.config.ts), and a test of the French text says so.
import type { Text } from "../../src/diagnostics/diagnostic.js";
import { translator } from "../../src/diagnostics/translator.js";

export const english = translator("en");
export const french = translator("fr");

/** `text` as an English reader sees it. */
export function en(text: Text): string {
  return english.text(text);
}
