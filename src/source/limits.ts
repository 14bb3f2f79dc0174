// Limits a clerk never meets and an attacker always does (issue 13): the size of a session
// file, its nesting, its motions, its members, the length of one text. Each is checked before
// the work it bounds — the size before the file is read, the nesting and the counts while the
// YAML is read (the reading stops where a limit is crossed), all before the schema, the count
// and the rules — so a hostile file costs at most about what the largest allowed file costs,
// and gets the same answer in the main thread and in a checking thread (no stack overflow
// anywhere: the YAML readers never go deeper than the limit). A body that really needs more
// raises them in delib.config.yaml (`limits:`, src/config/load-config.ts).
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import type { CST } from "yaml";
import { diagnostic, type Diagnostic, type SourceFile } from "../diagnostics/diagnostic.js";
import { msg } from "../diagnostics/message.js";

/** The limits a session file is read within. */
export interface Limits {
  /** The file's size, in bytes. */
  readonly fileSize: number;
  /** The entries of `motions`. */
  readonly motions: number;
  /** The entries of `members`. */
  readonly members: number;
  /** The characters of one text (one value of the file). */
  readonly textLength: number;
  /** How many lists and blocks may be nested inside one another. */
  readonly depth: number;
}

/** A megabyte as a file manager shows it (Windows: « Mo »), 1 048 576 bytes. */
export const MEGABYTE = 1024 * 1024;

/**
 * The defaults, each several times what real sittings need (README, « Limites »):
 * - 10 MB: a big département sitting (~150 deliberations of 5 to 20 KB, a few of 100 KB)
 *   weighs 1 to 3 MB;
 * - 2,000 motions: a big département sitting has ~150, a commission permanente of a région
 *   a few hundred;
 * - 1,000 members: the largest assemblies (conseil régional d’Île-de-France, 209 seats;
 *   a syndicat’s comité of delegates of a few hundred communes) stay well below;
 * - 200,000 characters in one text: the longest deliberations run to 50–100 KB;
 * - 32 levels: a session file nests 7 (motions, a motion, its decisions, a decision, its
 *   articles…); 32 leaves room for any layout, and far from what would exhaust a stack.
 */
export const defaultLimits: Limits = { fileSize: 10 * MEGABYTE, motions: 2000, members: 1000, textLength: 200_000, depth: 32 };

/**
 * The deepest nesting a configuration may allow: the YAML readers recurse once per level, and
 * a main thread's stack holds somewhat under a thousand of their levels.
 */
export const maxDepth = 128;

/** Any other list or block (attendance, the seats of a college, the articles…) holds at most this many entries. */
export function entriesLimit(limits: Limits): number {
  return Math.max(limits.motions, limits.members);
}

/** A limit crossed, and the offset in the text where it is crossed. */
export type Crossing =
  | { readonly kind: "depth" | "motions" | "members" | "entries"; readonly offset: number }
  | { readonly kind: "text"; readonly offset: number; readonly length: number };

/** Thrown from inside a YAML reader to stop it where a limit is crossed. */
export class LimitCrossed extends Error {
  constructor(readonly crossing: Crossing) {
    super("a limit is crossed");
  }
}

/**
 * The bytes of the file at `path`, or its size when it is larger than `limit`: the size is
 * asked of the open file before reading, and no more than `limit` + 1 bytes are ever read (a
 * pipe or a device has no size, a file may grow). Throws what the file system throws.
 */
export function readWithin(path: string, limit: number): { bytes: Uint8Array } | { size: number } {
  const fd = openSync(path, "r");
  try {
    const { size } = fstatSync(fd);
    if (size > limit) return { size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(size - total, 64 * 1024), limit + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > limit) return { size: total };
    }
    return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } finally {
    closeSync(fd);
  }
}

/** The setting a hint suggests: `limits: { key: value }`, a value from the user's data, not words. */
function setting(key: string, value: number): string {
  return `limits: { ${key}: ${value} }`;
}

/** DLB1020: the file is larger than `limits.fileSize`; shown at its start (it is not read). */
export function tooLarge(path: string, size: number, limits: Limits): Diagnostic {
  const file: SourceFile = { path, text: "" };
  const mb = (bytes: number) => Math.ceil((bytes / MEGABYTE) * 10) / 10;
  return diagnostic({
    code: "DLB1020",
    message: msg("DLB1020", { size: mb(size), limit: mb(limits.fileSize) }),
    span: { file, start: 0, end: 0 },
    hints: [msg("DLB1020.hint"), msg("DLB1020.hint.raise", { limit: mb(limits.fileSize), setting: setting("file_size_mb", Math.ceil(size / MEGABYTE)) })],
  });
}

/** The diagnostic for a limit crossed in `file` (DLB1021 to DLB1025), at the place it is crossed. */
export function overLimit(file: SourceFile, crossing: Crossing, limits: Limits): Diagnostic {
  const start = Math.min(crossing.offset, file.text.length);
  const span = { file, start, end: Math.min(start + 1, file.text.length) };
  switch (crossing.kind) {
    case "depth":
      return diagnostic({
        code: "DLB1021",
        message: msg("DLB1021", { limit: limits.depth }),
        span,
        hints: [msg("DLB1021.hint"), msg("DLB1021.hint.raise", { max: maxDepth, setting: setting("nesting_depth", Math.min(2 * limits.depth, maxDepth)) })],
      });
    case "motions":
      return diagnostic({ code: "DLB1022", message: msg("DLB1022", { limit: limits.motions }), span, hints: [msg("DLB1022.hint", { setting: setting("motions", 2 * limits.motions) })] });
    case "members":
      return diagnostic({ code: "DLB1023", message: msg("DLB1023", { limit: limits.members }), span, hints: [msg("DLB1023.hint", { setting: setting("members", 2 * limits.members) })] });
    case "text":
      return diagnostic({
        code: "DLB1024",
        message: msg("DLB1024", { length: crossing.length, limit: limits.textLength }),
        span,
        hints: [msg("DLB1024.hint", { setting: setting("text_length", Math.ceil(crossing.length / 1000) * 1000) })],
      });
    case "entries":
      return diagnostic({ code: "DLB1025", message: msg("DLB1025", { limit: entriesLimit(limits) }), span, hints: [msg("DLB1025.hint", { setting: setting("members", 2 * entriesLimit(limits)) })] });
  }
}

/** Where a list of this root key is limited: `motions`, `members`, or any other list or block. */
function countKind(rootKey: string | undefined): "motions" | "members" | "entries" {
  return rootKey === "motions" ? "motions" : rootKey === "members" ? "members" : "entries";
}

function countLimit(kind: "motions" | "members" | "entries", limits: Limits): number {
  return kind === "motions" ? limits.motions : kind === "members" ? limits.members : entriesLimit(limits);
}

/** js-yaml's reader state, as far as the guard reads it. */
interface ReaderState {
  readonly position: number;
}

/**
 * A listener for js-yaml that stops it (throwing LimitCrossed) once a file is
 * certainly too deep or a list certainly too long. js-yaml reports a node of a list twice and a
 * block's keys and values apart, so its levels and entries run up to twice the file's: the guard
 * allows that much, and only bounds the reading: the limit crossed and its place are found
 * by `scanStructure`, and the guard's own are kept only if that finds none.
 */
export function readerGuard(limits: Limits): (event: "open" | "close", state: ReaderState) => void {
  const children: number[] = [];
  const deepest = 2 * limits.depth + 3;
  const longest = 2 * entriesLimit(limits) + 2;
  return (event, state) => {
    if (event === "close") {
      children.pop();
      return;
    }
    const parent = children.length - 1;
    if (parent >= 0 && ++children[parent]! > longest) throw new LimitCrossed({ kind: "entries", offset: state.position });
    children.push(0);
    if (children.length > deepest) throw new LimitCrossed({ kind: "depth", offset: state.position });
  };
}

/** A limit crossed in data already read, by the path of the value that crosses it. */
export interface DataCrossing {
  readonly kind: Crossing["kind"];
  readonly path: readonly (string | number)[];
  /** For a text: its length. */
  readonly length: number;
}

/**
 * The first limit `data` crosses, by path, or "unfolds" when it holds more than `budget`
 * values (an alias bomb unfolds into more values than its text has characters). Iterative.
 * A text too long is the first in the file; for the nesting and the counts, the place in the
 * text is found by `scanStructure` (data unfolded from aliases may cross where the text does not).
 */
export function checkData(data: unknown, limits: Limits, budget: number): DataCrossing | "unfolds" | undefined {
  let left = budget;
  interface Entry {
    readonly value: unknown;
    readonly depth: number;
    readonly key: string | number | undefined;
    readonly parent: Entry | undefined;
  }
  const pathOf = (entry: Entry): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let at: Entry | undefined = entry; at && at.key !== undefined; at = at.parent) path.unshift(at.key);
    return path;
  };
  const stack: Entry[] = [{ value: data, depth: 0, key: undefined, parent: undefined }];
  while (stack.length > 0) {
    if (--left < 0) return "unfolds";
    const entry = stack.pop()!;
    const { value, depth } = entry;
    if (typeof value === "string") {
      if (value.length > limits.textLength) return { kind: "text", path: pathOf(entry), length: value.length };
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth + 1 > limits.depth) return { kind: "depth", path: pathOf(entry), length: 0 };
    const keys = Array.isArray(value) ? undefined : Object.keys(value);
    const count = keys ? keys.length : (value as unknown[]).length;
    const kind = keys ? "entries" : countKind(depth === 1 && typeof entry.key === "string" ? entry.key : undefined);
    if (count > countLimit(kind, limits)) return { kind, path: [...pathOf(entry), keys ? keys[countLimit(kind, limits)]! : countLimit(kind, limits)], length: 0 };
    // Children pushed last to first, so the first text too long is the first in the file.
    for (let i = count - 1; i >= 0; i--) {
      const key = keys ? keys[i]! : i;
      stack.push({ value: (value as Record<string | number, unknown>)[key], depth: depth + 1, key, parent: entry });
    }
  }
  return undefined;
}

/**
 * The first crossing of the nesting or of a count limit in `text`, read as a stream of YAML
 * tokens (the yaml package's lexer and parser, which keep the open blocks on a stack of their
 * own and never recurse): it stops there, so a million-entry list or ten thousand levels cost
 * no more than the limit's worth of reading.
 */
export function scanStructure(text: string, limits: Limits, yaml: typeof import("yaml")): Crossing | undefined {
  const parser = new yaml.Parser();
  const { stack } = parser;
  for (const lexeme of new yaml.Lexer().lex(text)) {
    // Finished documents are dropped: only the open blocks matter.
    for (const _document of parser.next(lexeme));
    // The stack holds the document and a scalar besides the blocks: only a long one is looked at.
    if (stack.length > limits.depth) {
      const collections = stack.filter(isCollection);
      if (collections.length > limits.depth) return { kind: "depth", offset: collections[limits.depth]!.offset };
    }
    // Entries are added to the innermost blocks only.
    let seen = 0;
    for (let level = stack.length - 1; level >= 1 && seen < 2; level--) {
      const collection = stack[level]!;
      if (!isCollection(collection)) continue;
      seen++;
      const parent = stack[level - 1]!;
      const rootKey = parent.type === "document" ? undefined : isCollection(parent) && stack[level - 2]?.type === "document" ? keyOf(parent) : undefined;
      const kind = collection.type === "block-map" || (collection.type === "flow-collection" && collection.start.source === "{") ? "entries" : countKind(rootKey);
      const limit = countLimit(kind, limits);
      if (collection.items.length <= limit) continue;
      const count = collection.items.length - (isEmptyFlowItem(collection) ? 1 : 0);
      if (count > limit) return { kind, offset: itemStart(text, collection.items[limit]!) };
    }
  }
  return undefined;
}

type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;

function isCollection(token: CST.Token): token is Collection {
  return token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection";
}

/** The key being read in a block (the root block's key names the list under it). */
function keyOf(collection: Collection): string | undefined {
  if (collection.type === "block-seq") return undefined;
  const key = collection.items.at(-1)?.key;
  if (!key || !("source" in key) || typeof key.source !== "string") return undefined;
  return key.type === "scalar" ? key.source : key.type === "single-quoted-scalar" || key.type === "double-quoted-scalar" ? key.source.slice(1, -1) : undefined;
}

/** After a comma, a flow list holds an item with nothing in it yet. */
function isEmptyFlowItem(collection: Collection): boolean {
  if (collection.type !== "flow-collection") return false;
  const last = collection.items.at(-1);
  return last !== undefined && !last.key && !last.value && !("sep" in last && last.sep);
}

/** Where an entry's content starts: after the spaces, its `-`, `?` or `,` and the spaces after it. */
function itemStart(text: string, item: { start: readonly CST.SourceToken[]; key?: CST.Token | null; value?: CST.Token }): number {
  let at = item.start[0]?.offset ?? item.key?.offset ?? item.value?.offset ?? 0;
  const skipSpaces = () => {
    while (at < text.length && /[ \t\r\n]/.test(text[at]!)) at++;
  };
  skipSpaces();
  if (text[at] === "," || (/[-?]/.test(text[at] ?? "") && /[ \t\r\n]/.test(text[at + 1] ?? " "))) {
    at++;
    skipSpaces();
  }
  return at;
}
