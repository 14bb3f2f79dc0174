import { createRequire } from "node:module";
import jsYaml from "js-yaml";
import type { Document, Node, YAMLError } from "yaml";
import { diagnostic, type Diagnostic, type Result, type SourceFile, type Span } from "../diagnostics/diagnostic.js";
import type { DataPath } from "../model/session.js";

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
export function parseYaml(file: SourceFile): Result<ParsedSource> {
  const fast = fastData(file.text);
  if (fast.ok) {
    let document: Document.Parsed | undefined;
    return {
      value: {
        file,
        data: fast.data,
        get document() {
          document ??= yaml().parseDocument(file.text, { prettyErrors: false, uniqueKeys: true, strict: true });
          return document;
        },
      },
      diagnostics: [],
    };
  }
  return parseYamlFully(file);
}

/** The data through js-yaml, or not ok when the full parser must look. */
function fastData(text: string): { ok: true; data: unknown } | { ok: false } {
  // The few plain scalars the two parsers read differently (found by the property test):
  // js-yaml takes -.5 for text and 0b101 for a number; the yaml package the other way round.
  if (/(^|[\s[{,:])([+-]\.[0-9]|[+-]?0b[01]|-0(?![0-9.xob]))/m.test(text)) return { ok: false };
  let warned = false;
  try {
    const data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, onWarning: () => (warned = true) });
    // js-yaml shares aliased nodes without limit; a file that unfolds into more nodes than any
    // session holds (an alias bomb) goes to the full parser, which refuses it.
    if (warned || !withinSize(data, 200_000)) return { ok: false };
    return { ok: true, data: data === undefined ? null : data };
  } catch {
    return { ok: false };
  }
}

/** Whether `data` unfolds into at most `budget` values. */
function withinSize(data: unknown, budget: number): boolean {
  let left = budget;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    if (--left < 0) return false;
    const value = stack.pop();
    if (value !== null && typeof value === "object") stack.push(...Object.values(value));
  }
  return true;
}

/** Parses with the \`yaml\` package, which locates every problem precisely. */
export function parseYamlFully(file: SourceFile): Result<ParsedSource> {
  // YAML 1.2 core schema: dates and numbers such as 2021-06 stay strings, `yes` stays a string.
  const document = yaml().parseDocument(file.text, { prettyErrors: false, uniqueKeys: true, strict: true });
  // An unresolved tag (`title: !Urgent ...`) silently drops text from a legal record: an error.
  const tagErrors = document.warnings.filter((w) => w.code === "TAG_RESOLVE_FAILED");
  const errors = [...document.errors, ...tagErrors].sort((a, b) => a.pos[0] - b.pos[0]);
  const warnings = document.warnings.filter((w) => w.code !== "TAG_RESOLVE_FAILED");
  const diagnostics: Diagnostic[] = warnings.map((e) => fromYamlError(file, e, "warning"));
  if (errors.length > 0) {
    // After the first syntax error the parser is guessing: what follows is mostly echoes of
    // it. Report the first, precisely, and say that more may come once it is fixed.
    const first = fromYamlError(file, errors[0]!, "error");
    const more = errors.length - 1;
    diagnostics.unshift(
      more > 0 ? { ...first, hints: [...first.hints, `fix this first: the parser found ${more} more problem${more === 1 ? "" : "s"} after it, probably caused by this one`] } : first,
    );
    return { value: undefined, diagnostics };
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An alias (*name) with no anchor (&name) before it, or an alias bomb.
    const alias = /: (\S+)$/.exec((error as Error).message)?.[1];
    const at = alias ? file.text.indexOf(`*${alias}`) : -1;
    diagnostics.unshift(
      diagnostic({
        code: "DLB1011",
        message: alias ? `\`*${alias}\` refers to no \`&${alias}\` above it` : "the file repeats itself through aliases too many times",
        span: { file, start: Math.max(0, at), end: Math.max(0, at) + (alias ? alias.length + 1 : 1) },
        hints: ["a `*` at the start of a value refers to an anchor `&`; to write the character itself, put the value in quotes"],
      }),
    );
    return { value: undefined, diagnostics };
  }
  return { value: { file, document, data }, diagnostics };
}

const yamlCodes: Record<string, { code: string; message?: (e: YAMLError, file: SourceFile) => string; hint?: string }> = {
  DUPLICATE_KEY: {
    code: "DLB1003",
    message: () => "this key appears twice in the same block",
    hint: "keep one of the two lines and delete the other",
  },
  TAB_AS_INDENT: { code: "DLB1004", message: () => "tabs cannot indent YAML", hint: "indent with spaces only" },
  BAD_INDENT: {
    code: "DLB1005",
    message: () => "this line is not lined up with the lines of its block",
    hint: "line up this line with its siblings, using spaces",
  },
  BLOCK_AS_IMPLICIT_KEY: {
    code: "DLB1005",
    message: () => "this line is indented more than the lines of its block",
    hint: "line up this line with its siblings, using spaces",
  },
  MULTIPLE_DOCS: {
    code: "DLB1006",
    message: () => "a session file holds one document; `---` starts a second one",
    hint: "put each session in a file of its own",
  },
  BAD_SCALAR_START: {
    code: "DLB1012",
    message: (e, file) => `a value cannot start with \`${file.text.charAt(e.pos[0])}\` unless it is in quotes`,
    hint: "put the whole value in quotes",
  },
  TAG_RESOLVE_FAILED: {
    code: "DLB1007",
    message: (e, file) => `\`${file.text.slice(e.pos[0], e.pos[1])}\` is read as a YAML tag, and that text would be lost`,
    hint: "put the whole value in quotes, e.g. `title: \"!Urgent : ...\"`",
  },
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

function fromYamlError(file: SourceFile, error: YAMLError, severity: "error" | "warning"): Diagnostic {
  const raw = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+.*$/, "");
  // Unclosed quotes and brackets are reported where the parser gave up; show where they opened.
  const quote = error.code === "MISSING_CHAR" && /quote/.test(raw) ? unclosedBefore(file.text, error.pos[0], "quote") : undefined;
  const bracket = /must be sufficiently indented and end with a/.test(raw) ? unclosedBefore(file.text, error.pos[0], "bracket") : undefined;
  const opened = quote ?? bracket;
  if (opened) {
    const close = { '"': '"', "'": "'", "{": "}", "[": "]" }[opened.char]!;
    return diagnostic({
      severity,
      code: "DLB1008",
      message: `this \`${opened.char}\` is never closed`,
      span: { file, start: opened.start, end: opened.start + 1 },
      hints: [`add the closing \`${close}\` at the end of the value`],
    });
  }
  let start = Math.min(error.pos[0], Math.max(0, file.text.length - 1));
  const lineEnd = file.text.indexOf("\n", start);
  const restOfLine = file.text.slice(start, lineEnd < 0 ? undefined : lineEnd);
  if (error.code === "BLOCK_AS_IMPLICIT_KEY" && /\S:(\s|$)|\s:\s/.test(restOfLine)) {
    // « Objet : tarifs » — French typography puts a space before the colon, and `: ` starts a key.
    return diagnostic({
      severity,
      code: "DLB1010",
      message: "this text contains « : », which YAML reads as the start of a new field",
      span: { file, start, end: start + restOfLine.trimEnd().length },
      hints: [`put the whole text in quotes: \`"${restOfLine.trim().replace(/"/g, '\\"')}"\``],
    });
  }
  if (error.code === "BAD_INDENT") start += /^[ \t]*/.exec(restOfLine)![0].length;
  if (error.code === "UNEXPECTED_TOKEN" && /scalar at node end/.test(raw)) {
    const lineStart = file.text.lastIndexOf("\n", start - 1) + 1;
    const line = file.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
    const valueAt = /^\s*(?:-\s+)?(?:[^:#]+:\s+)?/.exec(line)![0].length;
    const first = line.charAt(valueAt);
    if (first === "*" || first === "&") {
      return diagnostic({
        severity,
        code: "DLB1011",
        message: `a value starting with \`${first}\` is read as a YAML ${first === "*" ? "alias" : "anchor"}, and refers to no anchor`,
        span: { file, start: lineStart + valueAt, end: lineStart + line.trimEnd().length },
        hints: ["put the whole value in quotes"],
      });
    }
    if (first === '"' || first === "'") {
      return diagnostic({
        severity,
        code: "DLB1002",
        message: "text follows the closing quote",
        span: { file, start, end: start + restOfLine.trimEnd().length },
        hints: [`quote the whole value, or none of it: write any quote inside as ${first === '"' ? '\\"' : "''"}`],
      });
    }
  }
  const known = yamlCodes[error.code];
  if (error.code === "BLOCK_AS_IMPLICIT_KEY") {
    // The parser stops on the line above; the over-indented key is the first text of the next line.
    const next = file.text.indexOf("\n", start);
    const key = next < 0 ? -1 : file.text.slice(next + 1).search(/\S/);
    if (key >= 0) start = next + 1 + key;
  }
  const span: Span = { file, start, end: Math.min(Math.max(error.pos[1], start + 1), Math.max(file.text.length, start + 1)) };
  return diagnostic({
    severity,
    code: known?.code ?? (severity === "error" ? "DLB1002" : "DLB1009"),
    message: known?.message ? known.message(error, file) : `YAML syntax: ${lowerFirst(raw)}`,
    span,
    hints: [
      known?.hint ??
        "check the indentation and the `key: value` form of this line; text with a `:` or `#` needs quotes",
    ],
  });
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
  return { file, start: range[0], end: Math.max(range[1], range[0] + 1) };
}
