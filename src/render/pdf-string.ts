// Text written into a PDF's own structures (the document information dictionary, the catalog's
// /Lang, bookmarks) as a PDF text string that nothing can leave: not the string, not the
// dictionary around it. One function for every such string delib writes, by hand
// (browser/render-pdf.ts) or through pdf-lib (register/assemble-register.ts), whose PDFString
// copies its value between parentheses without escaping anything.
import { closeBidi } from "./close-bidi.js";

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * `text` as a PDF text string token (ISO 32000-1 7.3.4, 7.9.2.2): a literal `( … )` when it is
 * printable ASCII, with `(`, `)` and `\` escaped, so no line end or control can be in it;
 * anything else UTF-16BE in hexadecimal `<FEFF …>`, where no character of the text can be
 * taken for syntax. A lone surrogate, which UTF-16 cannot carry, becomes U+FFFD; open
 * direction controls are closed (close-bidi.ts), so a title cannot turn around what a reader
 * shows after it.
 */
export function pdfString(text: string): string {
  const value = closeBidi(text.replace(LONE_SURROGATE, "\ufffd"));
  if (PRINTABLE_ASCII.test(value)) return `(${value.replace(/[\\()]/g, "\\$&")})`;
  let hex = "FEFF";
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, "0").toUpperCase();
  return `<${hex}>`;
}
