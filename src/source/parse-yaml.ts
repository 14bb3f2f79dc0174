import { createRequire } from "node:module";
import jsYaml from "js-yaml";
import type { Document, Node, YAMLError } from "yaml";
import { diagnostic, type Diagnostic, type Result, type SourceFile, type Span } from "../diagnostics/diagnostic.js";
import { msg, type Message } from "../diagnostics/message.js";
import type { DataPath } from "../model/session.js";
import { checkData, defaultLimits, LimitCrossed, overLimit, readerGuard, scanStructure, type Crossing, type DataCrossing, type Limits } from "./limits.js";

// The yaml package (about 30 ms to load) is needed only to locate a problem: loaded then.
const require = createRequire(import.meta.url);
let yamlModule: typeof import("yaml") | undefined;
function yaml(): typeof import("yaml") {
  yamlModule ??= require("yaml") as typeof import("yaml");
  return yamlModule;
}

/** A parsed session file: its plain data, and the YAML document for positions. */
export interface ParsedSource {
  readonly file: SourceFile;
  readonly data: unknown;
  /** The full YAML document, with every node's position; built on first use. */
  readonly document: Document.Parsed;
}

/**
 * Parses YAML text; a syntax error becomes a located DLB1xxx diagnostic.
 *
 * Two parsers, one result. The fast path reads the data with js-yaml (YAML 1.2 core schema,
 * about four times faster than the \`yaml\` package); positions are only needed to point at a
 * mistake, so the \`yaml\` package's document is built on first use, by \`locate\`. Anything
 * js-yaml finds unusual (an error, a warning, anchors and aliases, several documents) takes
 * the full path, whose diagnostics are the reference: test/source/parse-yaml.test.ts checks
 * that both paths give the same data on every fixture and example.
 */
export function parseYaml(file: SourceFile, limits: Limits = defaultLimits): Result<ParsedSource> {
  const text = yamlText(file.text);
  const fast = fastData(text, limits);
  if ("crossed" in fast) return { value: undefined, diagnostics: [overLimit(file, fast.crossed, limits)] };
  if (fast.ok) {
    let document: Document.Parsed | undefined;
    const source: ParsedSource = {
      file,
      data: fast.data,
      get document() {
        document ??= yaml().parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
        return document;
      },
    };
    if (fast.over) return { value: undefined, diagnostics: [overLimit(file, crossingAt(source, fast.over), limits)] };
    return { value: source, diagnostics: [] };
  }
  return parseYamlFully(file, limits, fast.checked);
}

/**
 * The text the parsers read: a lone carriage return (the line end of old Mac files, and of
 * some exports) is a line break in YAML 1.2, but the `yaml` package reads it as text. Each
 * becomes a line feed, one character for one, so every offset still points into `file.text`
 * (where src/diagnostics/line-index.ts counts a lone CR as a line end too).
 */
function yamlText(text: string): string {
  return text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
}

/**
 * The data through js-yaml, or not ok when the full parser must look (`checked`: the limits of
 * nesting and counts are known to hold), or the limit the file crosses. js-yaml reads under a
 * guard that stops it well before any stack runs out (src/source/limits.ts); a file it stops,
 * or cannot read, is scanned as a token stream for the place the limit is crossed.
 */
function fastData(text: string, limits: Limits): { ok: true; data: unknown; over?: DataCrossing } | { ok: false; checked: boolean } | { crossed: Crossing } {
  let warned = false;
  let data: unknown;
  try {
    const options = { schema: jsYaml.CORE_SCHEMA, onWarning: () => (warned = true), listener: readerGuard(limits), maxDepth: 2 * limits.depth + 10 };
    data = jsYaml.load(text, options as jsYaml.LoadOptions);
  } catch (error) {
    const crossed = scanStructure(text, limits, yaml());
    if (crossed) return { crossed };
    // Not reached, the guard allowing twice the limits: its own place then.
    if (error instanceof LimitCrossed) return { crossed: error.crossing };
    return { ok: false, checked: true };
  }
  // js-yaml shares aliased nodes without limit; a file that unfolds into more values than its
  // text has characters (an alias bomb) goes to the full parser, which refuses it.
  const over = checkData(data, limits, Math.max(200_000, text.length));
  if (over === "unfolds") return { ok: false, checked: false };
  if (over && over.kind !== "text") {
    const crossed = scanStructure(text, limits, yaml());
    if (crossed) return { crossed };
  }
  // The few plain scalars the two parsers read differently (found by the property test):
  // js-yaml takes -.5 for text and 0b101 for a number; the yaml package the other way round.
  if (warned || /(^|[\s[{,:])([+-]\.[0-9]|[+-]?0b[01]|-0(?![0-9.xob]))/m.test(text)) return { ok: false, checked: over === undefined };
  return { ok: true, data: data === undefined ? null : data, over };
}

/** The place of a limit crossed in the data: the value at its path (for a list too long, its first entry over the limit). */
function crossingAt(source: ParsedSource, over: DataCrossing): Crossing {
  const offset = locate(source, over.path).start;
  return over.kind === "text" ? { kind: "text", offset, length: over.length } : { kind: over.kind, offset };
}

/** Parses with the \`yaml\` package, which locates every problem precisely. */
export function parseYamlFully(file: SourceFile, limits: Limits = defaultLimits, checked = false): Result<ParsedSource> {
  const text = yamlText(file.text);
  // The nesting and the counts, as tokens, before the library builds (recursively) the document.
  const crossed = checked ? undefined : scanStructure(text, limits, yaml());
  if (crossed) return { value: undefined, diagnostics: [overLimit(file, crossed, limits)] };
  // YAML 1.2 core schema: dates and numbers such as 2021-06 stay strings, `yes` stays a string.
  const document = yaml().parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  // An unresolved tag (`title: !Urgent ...`) silently drops text from a legal record: an error.
  const tagErrors = document.warnings.filter((w) => w.code === "TAG_RESOLVE_FAILED");
  const errors = [...document.errors, ...tagErrors].sort((a, b) => a.pos[0] - b.pos[0]);
  const warnings = document.warnings.filter((w) => w.code !== "TAG_RESOLVE_FAILED");
  const source: YamlSource = { file, text, document };
  const diagnostics: Diagnostic[] = warnings.map((e) => fromYamlError(source, e, "warning"));
  if (errors.length > 0) {
    // After the first syntax error the parser is guessing: what follows is mostly echoes of
    // it. Report the first, precisely, and say that more may come once it is fixed.
    const first = fromYamlError(source, errors[0]!, "error");
    const more = errors.length - 1;
    diagnostics.unshift(more > 0 ? { ...first, hints: [...first.hints, msg("source.yaml.more_problems", { count: more })] } : first);
    return { value: undefined, diagnostics };
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An alias (*name) with no anchor (&name) before it, or an alias bomb.
    const alias = /: (\S+)$/.exec((error as Error).message)?.[1];
    const at = alias ? text.indexOf(`*${alias}`) : -1;
    diagnostics.unshift(
      diagnostic({
        code: "DLB1011",
        message: alias ? msg("DLB1011.alias_unknown", { alias }) : msg("DLB1011.alias_bomb"),
        span: { file, start: Math.max(0, at), end: Math.max(0, at) + (alias ? alias.length + 1 : 1) },
        hints: [msg("DLB1011.hint.alias")],
      }),
    );
    return { value: undefined, diagnostics };
  }
  const parsed: ParsedSource = { file, document, data };
  const over = checkData(data, limits, Number.MAX_SAFE_INTEGER);
  if (over && over !== "unfolds") return { value: undefined, diagnostics: [overLimit(file, crossingAt(parsed, over), limits), ...diagnostics] };
  return { value: parsed, diagnostics };
}

/** A file as the full parser read it: `text` is `file.text` with its lone CRs made line feeds. */
interface YamlSource {
  readonly file: SourceFile;
  readonly text: string;
  readonly document: Document.Parsed;
}

/** The library's errors delib words itself, by the library's code. */
const yamlCodes: Record<string, { code: string; message: (e: YAMLError, text: string) => Message; hint: Message }> = {
  DUPLICATE_KEY: { code: "DLB1003", message: () => msg("DLB1003"), hint: msg("DLB1003.hint") },
  TAB_AS_INDENT: { code: "DLB1004", message: () => msg("DLB1004"), hint: msg("DLB1004.hint") },
  BAD_INDENT: { code: "DLB1005", message: () => msg("DLB1005"), hint: msg("DLB1005.hint") },
  BLOCK_AS_IMPLICIT_KEY: { code: "DLB1005", message: () => msg("DLB1005.over_indented"), hint: msg("DLB1005.hint") },
  MULTIPLE_DOCS: { code: "DLB1006", message: () => msg("DLB1006"), hint: msg("DLB1006.hint") },
  BAD_SCALAR_START: { code: "DLB1012", message: (e, text) => msg("DLB1012", { char: text.charAt(e.pos[0]) }), hint: msg("DLB1012.hint") },
  TAG_RESOLVE_FAILED: { code: "DLB1007", message: (e, text) => msg("DLB1007", { tag: text.slice(e.pos[0], e.pos[1]) }), hint: msg("DLB1007.hint") },
};

/** An opening bracket or quote left unclosed before `offset`, as the place to show. */
function unclosedBefore(text: string, offset: number, kind: "quote" | "bracket"): { start: number; char: string } | undefined {
  const lines = text.slice(0, offset).split("\n");
  let lineStart = offset - lines[lines.length - 1]!.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    const value = /^\s*(?:-\s+)?(?:[^:#]+:\s+)?/.exec(line)![0].length; // where the value starts
    if (kind === "quote") {
      const char = line[value];
      if ((char === '"' || char === "'") && line.split(char).length % 2 === 0) return { start: lineStart + value, char };
    } else {
      for (const [open, close] of [["{", "}"], ["[", "]"]] as const) {
        const opened = line.split(open).length - line.split(close).length;
        if (opened > 0) return { start: lineStart + line.lastIndexOf(open), char: open };
      }
    }
    if (i > 0) lineStart -= lines[i - 1]!.length + 1;
  }
  return undefined;
}

/**
 * The first tab in the indentation of the line holding `offset`, if any. The parser words a
 * tab that indents in several ways (a block not lined up, a `{` never closed, a block scalar
 * less indented than its first line), all about the tab: delib says so plainly.
 */
function tabIndentAt(text: string, offset: number): number | undefined {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
  const tab = indent.indexOf("\t");
  return tab < 0 ? undefined : lineStart + tab;
}

/** Where the first key equal to the duplicated key at `offset` was written, in the same block. */
function firstWrittenBefore(document: Document.Parsed, offset: number): [number, number] | undefined {
  const { visit, isScalar } = yaml();
  let found: [number, number] | undefined;
  visit(document, {
    Map(_, map) {
      const duplicate = map.items.find((p) => isScalar(p.key) && p.key.range?.[0] === offset);
      if (!duplicate || !isScalar(duplicate.key)) return undefined;
      const key = duplicate.key.value;
      const first = map.items.find((p) => p !== duplicate && isScalar(p.key) && p.key.value === key);
      const range = first && isScalar(first.key) ? first.key.range : undefined;
      if (range) found = [range[0], Math.max(range[1], range[0] + 1)];
      return visit.BREAK;
    },
  });
  return found;
}

function fromYamlError(source: YamlSource, error: YAMLError, severity: "error" | "warning"): Diagnostic {
  const { file, text } = source;
  const raw = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+.*$/, "");
  // Unclosed quotes and brackets are reported where the parser gave up; show where they opened.
  const quote = error.code === "MISSING_CHAR" && /quote/.test(raw) ? unclosedBefore(text, error.pos[0], "quote") : undefined;
  const tab = quote ? undefined : tabIndentAt(text, Math.min(error.pos[0], text.length));
  if (tab !== undefined) {
    return diagnostic({ severity, code: "DLB1004", message: msg("DLB1004"), span: { file, start: tab, end: tab + 1 }, hints: [msg("DLB1004.hint")] });
  }
  const bracket = /must be sufficiently indented and end with a/.test(raw) ? unclosedBefore(text, error.pos[0], "bracket") : undefined;
  const opened = quote ?? bracket;
  if (opened) {
    const close = { '"': '"', "'": "'", "{": "}", "[": "]" }[opened.char]!;
    return diagnostic({
      severity,
      code: "DLB1008",
      message: msg("DLB1008", { char: opened.char }),
      span: { file, start: opened.start, end: opened.start + 1 },
      hints: [msg("DLB1008.hint", { close })],
    });
  }
  let start = Math.min(error.pos[0], Math.max(0, text.length - 1));
  const lineEnd = text.indexOf("\n", start);
  // Without the CR of a CRLF: the same line as with LF alone.
  const restOfLine = text.slice(start, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, "");
  if (error.code === "BLOCK_AS_IMPLICIT_KEY" && /\S:(\s|$)|\s:\s/.test(restOfLine)) {
    // « Objet : tarifs » — French typography puts a space before the colon, and `: ` starts a key.
    return diagnostic({
      severity,
      code: "DLB1010",
      message: msg("DLB1010"),
      span: { file, start, end: start + restOfLine.trimEnd().length },
      hints: [msg("DLB1010.hint", { quoted: `"${restOfLine.trim().replace(/"/g, '\\"')}"` })],
    });
  }
  if (error.code === "BAD_INDENT") start += /^[ \t]*/.exec(restOfLine)![0].length;
  if (error.code === "UNEXPECTED_TOKEN" && /scalar at node end/.test(raw)) {
    const lineStart = text.lastIndexOf("\n", start - 1) + 1;
    const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, "");
    const valueAt = /^\s*(?:-\s+)?(?:[^:#]+:\s+)?/.exec(line)![0].length;
    const first = line.charAt(valueAt);
    if (first === "*" || first === "&") {
      return diagnostic({
        severity,
        code: "DLB1011",
        message: msg("DLB1011", { char: first, kind: first === "*" ? "alias" : "anchor" }),
        span: { file, start: lineStart + valueAt, end: lineStart + line.trimEnd().length },
        hints: [msg("DLB1011.hint")],
      });
    }
    if (first === '"' || first === "'") {
      return diagnostic({
        severity,
        code: "DLB1002",
        message: msg("DLB1002.text_after_quote"),
        span: { file, start, end: start + restOfLine.trimEnd().length },
        hints: [msg("DLB1002.hint.text_after_quote", { escaped: first === '"' ? '\\"' : "''" })],
      });
    }
  }
  const escape = error.code === "BAD_DQ_ESCAPE" ? /escape sequence (\\.)/.exec(raw)?.[1] : undefined;
  if (escape) {
    // `"C:\dossier"`: a backslash in double quotes starts an escape.
    return diagnostic({
      severity,
      code: "DLB1002",
      message: msg("DLB1002.bad_escape", { escape }),
      span: { file, start, end: Math.min(start + escape.length, text.length) },
      hints: [msg("DLB1002.hint.bad_escape")],
    });
  }
  const keyWithoutValue = error.code === "MULTILINE_IMPLICIT_KEY" || (error.code === "MISSING_CHAR" && /keys need to be followed by map values/.test(raw));
  if (keyWithoutValue && !/^\s*[[{]/.test(restOfLine)) {
    // `president martin`, a forgotten colon, or the next line of a long title read as a key.
    return diagnostic({
      severity,
      code: "DLB1002",
      message: msg("DLB1002.no_colon"),
      span: { file, start, end: start + Math.max(1, restOfLine.trimEnd().length) },
      hints: [msg("DLB1002.hint.no_colon")],
    });
  }
  const missingComma = error.code === "BLOCK_IN_FLOW" ? /^\S.*?\s([^\s,:{}[\]]+):(?:\s|$)/.exec(restOfLine) : null;
  if (missingComma) {
    // `{ id: martin first_name: Sophie }`: without the comma, YAML reads one long value.
    const key = missingComma[1]!;
    const at = start + missingComma[0].lastIndexOf(`${key}:`);
    return diagnostic({
      severity,
      code: "DLB1002",
      message: msg("DLB1002.missing_comma", { key }),
      span: { file, start: at, end: at + key.length + 1 },
      hints: [msg("DLB1002.hint.missing_comma", { example: "{ id: martin, first_name: Sophie }" })],
    });
  }
  const known = yamlCodes[error.code];
  if (error.code === "BLOCK_AS_IMPLICIT_KEY") {
    // The parser stops on the line above; the over-indented key is the first text of the next line.
    const next = text.indexOf("\n", start);
    const key = next < 0 ? -1 : text.slice(next + 1).search(/\S/);
    if (key >= 0) start = next + 1 + key;
  }
  const span: Span = { file, start, end: Math.min(Math.max(error.pos[1], start + 1), Math.max(text.length, start + 1)) };
  if (known) {
    const first = error.code === "DUPLICATE_KEY" ? firstWrittenBefore(source.document, error.pos[0]) : undefined;
    return diagnostic({
      severity,
      code: known.code,
      message: known.message(error, text),
      span,
      hints: [known.hint],
      related: first ? [{ span: { file, start: first[0], end: first[1] }, message: msg("DLB1003.related") }] : [],
    });
  }
  if (severity === "warning") {
    // `%SESSION 2024-03-12` before `---`: a directive YAML does not know, ignored.
    const directive = /^Unknown directive (\S+)/.exec(raw)?.[1];
    return diagnostic({
      severity,
      code: "DLB1009",
      message: directive ? msg("DLB1009.unknown_directive", { directive }) : msg("DLB1009", { detail: lowerFirst(raw) }),
      span,
      hints: [msg("DLB1009.hint")],
    });
  }
  // A case delib does not word: the library's own (English) words, as a value.
  return diagnostic({ severity, code: "DLB1002", message: msg("DLB1002", { detail: lowerFirst(raw) }), span, hints: [msg("DLB1002.hint")] });
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * Finds the source span of the value at `path`, or of its key when `at` is "key".
 * A block value (mapping or list) is shown at its key, which is where a reader looks.
 * When the path goes further than the document, the deepest existing node is returned.
 */
export function locate(source: ParsedSource, path: DataPath, at: "value" | "key" = "value"): Span {
  const { file } = source;
  const { isMap, isSeq, isPair, isScalar } = yaml();
  let node: unknown = source.document.contents;
  let key: Node | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      key = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number" && node.items[segment] !== undefined) {
      key = undefined;
      node = node.items[segment];
    } else {
      break;
    }
  }
  const target = at === "key" || isMap(node) || isSeq(node) ? (key ?? (node as Node | undefined)) : (node as Node | undefined);
  const range = (target as Node | undefined)?.range ?? (node as Node | undefined)?.range;
  if (!range) return { file, start: 0, end: Math.min(1, file.text.length) };
  // At least one character, never past the end: an empty value as the file's last bytes has
  // the range [length, length + 1) (issue 13).
  const length = file.text.length;
  const start = Math.min(range[0], length);
  return { file, start, end: Math.min(Math.max(range[1], start + 1), length) };
}
