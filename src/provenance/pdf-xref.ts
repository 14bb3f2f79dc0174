// The classic cross-reference sections of a PDF (ISO 32000-1 7.5.4, 7.5.6) read as a viewer
// reads them: from the last startxref, each section's /Prev to the one before. delib's PDFs
// (Chromium's, then delib's signature updates) use classic sections; a PDF with
// cross-reference streams reads as having none here.

/** One cross-reference section: where it is, its in-use entries, and its trailer's /Prev. */
export interface XrefSection {
  readonly at: number;
  /** Object number → byte offset, for the entries in use. */
  readonly offsets: ReadonlyMap<number, number>;
  readonly prev: number | undefined;
  /** Where `startxref` after the trailer begins (the end of the trailer dictionary). */
  readonly end: number;
}

/** The value of the last startxref in `text` (read up to `end`), or undefined. */
export function lastStartxref(text: string, end = text.length): number | undefined {
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(Math.max(0, text.lastIndexOf("startxref", end)), end));
  return m ? Number(m[1]) : undefined;
}

/** The classic cross-reference section at `at`, or undefined when there is none there. */
export function xrefSectionAt(text: string, at: number): XrefSection | undefined {
  const head = /xref[ \t]*\r?\n/y;
  head.lastIndex = at;
  if (!head.exec(text)) return undefined;
  let position = head.lastIndex;
  const offsets = new Map<number, number>();
  const subsection = /(\d+)[ \t]+(\d+)[ \t]*\r?\n/y;
  const entry = /(\d{10}) (\d{5}) ([nf])(?: \r| \n|\r\n)/y;
  for (;;) {
    subsection.lastIndex = position;
    const sub = subsection.exec(text);
    if (!sub) break;
    position = subsection.lastIndex;
    const [first, count] = [Number(sub[1]), Number(sub[2])];
    for (let i = 0; i < count; i++) {
      entry.lastIndex = position;
      const e = entry.exec(text);
      if (!e) return undefined;
      position = entry.lastIndex;
      if (e[3] === "n") {
        // An object twice in one section: which one a reader takes is not said.
        if (offsets.has(first + i)) return undefined;
        offsets.set(first + i, Number(e[1]));
      }
    }
  }
  const trailer = /\s*trailer\s*<</y;
  trailer.lastIndex = position;
  if (!trailer.exec(text)) return undefined;
  const end = text.indexOf("startxref", trailer.lastIndex);
  if (end < 0) return undefined;
  const prev = /\/Prev\s+(\d+)/.exec(text.slice(trailer.lastIndex, end))?.[1];
  return { at, offsets, prev: prev === undefined ? undefined : Number(prev), end };
}

/** Every section from the last startxref back through /Prev (newest first); [] when unreadable. */
export function xrefChain(text: string): XrefSection[] {
  const sections: XrefSection[] = [];
  const seen = new Set<number>();
  for (let at = lastStartxref(text); at !== undefined && !seen.has(at); ) {
    seen.add(at);
    const section = xrefSectionAt(text, at);
    if (!section) return [];
    sections.push(section);
    at = section.prev;
  }
  return sections;
}

/** The object `number` written at `offset` (`N G obj … endobj`): where its body begins and ends, or undefined. */
export function objectAt(text: string, offset: number, number: number): { start: number; bodyStart: number; bodyEnd: number; end: number } | undefined {
  const header = /(\d+)[ \t\r\n]+(\d+)[ \t\r\n]+obj\b/y;
  header.lastIndex = offset;
  const m = header.exec(text);
  if (!m || Number(m[1]) !== number) return undefined;
  const bodyEnd = text.indexOf("endobj", header.lastIndex);
  if (bodyEnd < 0) return undefined;
  return { start: offset, bodyStart: header.lastIndex, bodyEnd, end: bodyEnd + "endobj".length };
}

/**
 * Whether `text.slice(from, to)` is one well-formed incremental update after a revision whose
 * startxref was `previous`: objects, each defined exactly once, each where its cross-reference
 * entry says, nothing between them but white space, then its section, whose /Prev is `previous`,
 * and its trailer. The object numbers it defines, or undefined when it is not so.
 */
export function updateObjects(text: string, from: number, to: number, previous: number): number[] | undefined {
  const at = lastStartxref(text, to);
  if (at === undefined || at < from || at >= to) return undefined;
  const section = xrefSectionAt(text, at);
  if (!section || section.prev !== previous) return undefined;
  // Every object header written in the update, wherever it is (even inside another object).
  const headers = [...text.slice(from, at).matchAll(/(?:^|[\r\n \t])(\d+)[ \t\r\n]+(\d+)[ \t\r\n]+obj\b/g)];
  if (headers.length !== section.offsets.size) return undefined;
  const spans: { start: number; end: number }[] = [];
  for (const [number, offset] of section.offsets) {
    if (offset < from || offset >= at) return undefined;
    const object = objectAt(text, offset, number);
    if (!object || object.end > at) return undefined;
    spans.push(object);
  }
  spans.sort((x, y) => x.start - y.start);
  let position = from;
  for (const span of [...spans, { start: at, end: at }]) {
    if (span.start < position || /\S/.test(text.slice(position, span.start))) return undefined;
    position = span.end;
  }
  return [...section.offsets.keys()];
}
