import { parseDocument, isMap, isSeq, isPair, isScalar, type Document, type Node, type YAMLError } from "yaml";
import { diagnostic, type Diagnostic, type Result, type SourceFile, type Span } from "../diagnostics/diagnostic.js";
import type { DataPath } from "../model/session.js";

/** A parsed session file: the YAML document (for positions) and its plain data. */
export interface ParsedSource {
  readonly file: SourceFile;
  readonly document: Document.Parsed;
  readonly data: unknown;
}

/** Parses YAML text; every syntax error becomes a located DLB1xxx diagnostic. */
export function parseYaml(file: SourceFile): Result<ParsedSource> {
  // YAML 1.2 core schema: dates and numbers such as 2021-06 stay strings, `yes` stays a string.
  const document = parseDocument(file.text, { prettyErrors: false, uniqueKeys: true, strict: true });
  const diagnostics: Diagnostic[] = [
    ...document.errors.map((e) => fromYamlError(file, e, "error")),
    ...document.warnings.map((e) => fromYamlError(file, e, "warning")),
  ];
  if (document.errors.length > 0) return { value: undefined, diagnostics };
  const data: unknown = document.toJS({ maxAliasCount: 100 });
  return { value: { file, document, data }, diagnostics };
}

const yamlCodes: Record<string, { code: string; message?: (e: YAMLError) => string; hint?: string }> = {
  DUPLICATE_KEY: {
    code: "DLB1003",
    message: () => "this key appears twice in the same block",
    hint: "keep one of the two lines and delete the other",
  },
  TAB_AS_INDENT: { code: "DLB1004", message: () => "tabs cannot indent YAML", hint: "indent with spaces only" },
  BAD_INDENT: { code: "DLB1005", hint: "line up this line with its siblings, using spaces" },
  MULTIPLE_DOCS: {
    code: "DLB1006",
    message: () => "a session file holds one document; `---` starts a second one",
    hint: "put each session in a file of its own",
  },
};

function fromYamlError(file: SourceFile, error: YAMLError, severity: "error" | "warning"): Diagnostic {
  const known = yamlCodes[error.code];
  const [start, end] = error.pos;
  const span: Span = { file, start, end: Math.max(end, start + 1) };
  // The yaml package's own message is precise but technical; keep its first sentence.
  const raw = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+.*$/, "");
  return diagnostic({
    severity,
    code: known?.code ?? (severity === "error" ? "DLB1002" : "DLB1009"),
    message: known?.message ? known.message(error) : `YAML syntax: ${lowerFirst(raw)}`,
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
