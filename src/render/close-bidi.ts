// Text from a session file may hold the Unicode controls that change the direction of what
// follows them (U+202A–U+202E, U+2066–U+2069). Left open, one in a member's name would turn
// around the rest of its line in the document: the names after it, the figures of a vote. Each
// value is closed where it ends, so its direction cannot leak into what the template prints next.

const OPENS_EMBEDDING = /[\u202a\u202b\u202d\u202e]/; // LRE RLE LRO RLO, closed by PDF (U+202C)
const OPENS_ISOLATE = /[\u2066\u2067\u2068]/; // LRI RLI FSI, closed by PDI (U+2069)
const ANY_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * `text` with its open embeddings and isolates closed at its end, as the Unicode bidirectional
 * algorithm (UAX #9, rules X6a and X7) pairs them: a PDI closes its isolate and whatever was
 * opened inside it, a PDF closes an embedding only when no isolate stands between. Unchanged
 * when balanced, so ordinary text is untouched. Closing more than a reader would need is
 * harmless (an unmatched closer is ignored); closing less is not.
 */
export function closeBidi(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  const open: ("embedding" | "isolate")[] = [];
  for (const ch of text) {
    if (OPENS_EMBEDDING.test(ch)) open.push("embedding");
    else if (OPENS_ISOLATE.test(ch)) open.push("isolate");
    else if (ch === "\u202c") {
      if (open.at(-1) === "embedding") open.pop();
    } else if (ch === "\u2069" && open.includes("isolate")) {
      while (open.pop() !== "isolate");
    }
  }
  return text + open.reverse().map((o) => (o === "embedding" ? "\u202c" : "\u2069")).join("");
}

/**
 * Every string of `value` (plain objects and arrays walked) closed by `closeBidi`; anything else
 * as it is. What holds no open control is returned itself, not copied.
 */
export function closeBidiDeep<T>(value: T): T {
  if (typeof value === "string") return closeBidi(value) as T;
  if (Array.isArray(value)) {
    const closed = value.map(closeBidiDeep);
    return (closed.some((v, i) => v !== value[i]) ? closed : value) as T;
  }
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value);
    const closed = entries.map(([k, v]) => [k, closeBidiDeep(v)] as const);
    return (closed.some(([, v], i) => v !== entries[i]![1]) ? Object.fromEntries(closed) : value) as T;
  }
  return value;
}
