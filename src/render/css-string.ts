// Text from a session file put into a stylesheet (the running header's `content:`), as a CSS
// string that nothing can leave. CSSOM's "serialize a string" (https://drafts.csswg.org/cssom/
// #serialize-a-string): NUL becomes U+FFFD; the controls U+0001–U+001F and U+007F are escaped
// as code points — CR and FF included, which end a CSS string just as LF does; `"` and `\` are
// escaped. Beyond the rule, `<` is escaped too, so `</style>` can never appear in the page, and
// the line and paragraph separators and NEL, which some readers take for line ends; and the
// value's open direction controls are closed inside the string (close-bidi.ts).

import { closeBidi } from "./close-bidi.js";

/** `value` as a double-quoted CSS string literal. */
export function cssString(value: string): string {
  let out = '"';
  for (const ch of closeBidi(value)) {
    const code = ch.codePointAt(0)!;
    if (code === 0) out += "\uFFFD";
    else if (code < 0x20 || code === 0x7f || code === 0x85 || code === 0x2028 || code === 0x2029 || ch === "<") out += `\\${code.toString(16)} `;
    else if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else out += ch;
  }
  return `${out}"`;
}
