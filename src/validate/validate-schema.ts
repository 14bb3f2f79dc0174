import { diagnostic, type Diagnostic, type Result, type Text } from "../diagnostics/diagnostic.js";
import { listOf, msg, rawText, type Message, type MessageValue } from "../diagnostics/message.js";
import { suggest } from "../diagnostics/suggest.js";
import { descriptionId, descriptionMessage, schemaTexts } from "../diagnostics/schema-texts.js";
import type { DataPath, Session } from "../model/session.js";
import { locate, type ParsedSource } from "../source/parse-yaml.js";
import { validatorFor, type SchemaError, type SchemaName, type SchemaNode } from "./schemas.js";

/** Checks the parsed data against schemas/session.schema.json; each error points at its YAML node. */
export function validateSchema(source: ParsedSource): Result<Session> {
  return validateAgainst<Session>(source, "session");
}

/** Checks parsed data against one of delib's schemas; each error points at its YAML node. */
export function validateAgainst<T>(source: ParsedSource, name: SchemaName): Result<T> {
  const { validate, schema } = validatorFor(name);
  if (validate(source.data)) return { value: source.data as T, diagnostics: [] };
  // A bad key fails both `propertyNames` and its inner `pattern`; the first says it better.
  const raw = (validate.errors ?? []).filter((e) => !e.schemaPath.includes("/propertyNames/"));
  const errors = pruneAnyOf(raw);
  const descriptions = schemaDescriptions(name);
  const diagnostics = dedupe(withoutEchoes(errors).map((e) => explain(source, e, schema, descriptions)));
  // Never « no problem » for data the schema refused: should the pruning above ever drop every
  // error, the schema validator's first one is reported as it is.
  if (diagnostics.length === 0) diagnostics.push(explain(source, raw[0] ?? validate.errors![0]!, schema, descriptions));
  return { value: undefined, diagnostics };
}

/**
 * The years a date of a session may fall in (`formatMinimum`/`formatMaximum` of every date in
 * schemas/session.schema.json): from 1790, when the decree of 14 December 1789 gave every commune
 * its register of deliberations; up to 2999, so that a mistyped year is caught.
 */
const firstYear = 1790;
const lastYear = 2999;

/** "/motions/0/vote" -> ["motions", 0, "vote"] (JSON Pointer, RFC 6901). */
export function pointerToPath(pointer: string, data: unknown): DataPath {
  if (pointer === "") return [];
  const path: (string | number)[] = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split("/")) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const key: string | number = Array.isArray(node) && /^\d+$/.test(segment) ? Number(segment) : segment;
    path.push(key);
    node = node !== null && typeof node === "object" ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return path;
}

/**
 * ajv reports an anyOf failure once for the anyOf and once per branch. Keep only the branch
 * that matches the value's type (a string is compared with the enum, a mapping with the
 * object form), so the clerk reads one message about what they wrote.
 */
function pruneAnyOf(errors: readonly SchemaError[]): SchemaError[] {
  const anyOfs = errors.filter((e) => e.keyword === "anyOf");
  let kept = [...errors];
  for (const failure of anyOfs) {
    const branches = (failure.schema as SchemaNode[]) ?? [];
    const value = failure.data;
    const fitting = branches.findIndex((b) => typeMatches(b, value));
    const prefix = `${failure.schemaPath}/`;
    // A branch's errors are those under the anyOf's schema path AND at or below its value: the
    // same anyOf fails once per wrong value (two members' attendance, two majorities), and each
    // value keeps the branch that fits it.
    const at = failure.instancePath;
    // A branch that is a `$ref` (`$defs/unknownFact`) reports under the definition's own path.
    const refs = branches.flatMap((b, i) => (i !== fitting && typeof b.$ref === "string" ? [`${b.$ref}/`] : []));
    kept = kept.filter((e) => {
      if (e === failure) return fitting < 0;
      const below = e.instancePath === at || e.instancePath.startsWith(`${at}/`);
      if (fitting >= 0 && below && refs.some((ref) => e.schemaPath.startsWith(ref))) return false;
      if (!e.schemaPath.startsWith(prefix)) return true;
      if (!below) return true;
      const branch = Number(e.schemaPath.slice(prefix.length).split("/")[0]);
      return branch === fitting;
    });
  }
  return kept;
}

function typeMatches(schema: SchemaNode, value: unknown): boolean {
  if (schema.enum) return typeof value === "string";
  const type = schema.type;
  if (type === "object") return value !== null && typeof value === "object" && !Array.isArray(value);
  if (type === "array") return Array.isArray(value);
  if (type === "string") return typeof value === "string";
  return false;
}

/** The last key of `path`, if any: the field a message names. */
function lastKey(path: DataPath): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === "string") return String(path[i]);
  }
  return undefined;
}

/** The field at `path` as a message names it: `key` in backquotes, or « the file ». */
function fieldOf(path: DataPath): MessageValue {
  const key = lastKey(path);
  return key === undefined ? msg("schema.the_file") : `\`${key}\``;
}

/** What a value is, in words: « a list », « text », « `true` »… */
function describeValue(value: unknown): Message {
  if (value === null) return msg("schema.kind.null");
  if (Array.isArray(value)) return msg("schema.kind.array");
  if (typeof value === "object") return msg("schema.kind.object");
  if (typeof value === "number") return msg(Number.isInteger(value) ? "schema.kind.integer" : "schema.kind.number");
  if (typeof value === "boolean") return msg(value ? "schema.kind.true" : "schema.kind.false");
  return msg("schema.kind.string");
}

const kindIds: Readonly<Record<string, string>> = {
  string: "schema.kind.string",
  integer: "schema.kind.integer",
  number: "schema.kind.number",
  boolean: "schema.kind.boolean",
  object: "schema.kind.object",
  array: "schema.kind.array",
  null: "schema.kind.null",
};

/** What a schema type asks for, in words: « a whole number », « text or a list »… */
function describeType(type: unknown): MessageValue {
  const names = (Array.isArray(type) ? type : [type]).map((t): string | Message => {
    const id = kindIds[String(t)];
    return id ? msg(id) : String(t);
  });
  return names.length === 1 ? names[0]! : listOf(names, "disjunction");
}

/**
 * The descriptions of a schema's nodes as messages, by their English text: the schema keeps
 * the English for editors, the catalogues (locales/messages/<language>/schema.json for the
 * session file, config.json for delib.config.yaml) give each in every language under the id
 * `schema.<name>#<JSON Pointer of the node>`, e.g. `schema.session#/properties/body/properties/name`
 * (the keys of locales/schema/<language>.json, the schemas an editor shows). A code sample with
 * braces (`{ represented_by: ID }`) is a value, `{code1}`…: ICU would read its braces.
 */
export function schemaDescriptions(name: SchemaName): ReadonlyMap<string, Message> {
  const cached = describedSchemas.get(name);
  if (cached) return cached;
  const found = new Map<string, Message>();
  for (const [pointer, own] of schemaTexts(validatorFor(name).schema)) {
    if (own.description === undefined || found.has(own.description)) continue;
    const { values } = descriptionMessage(own.description);
    found.set(own.description, msg(descriptionId(name, pointer), Object.keys(values).length > 0 ? values : undefined));
  }
  describedSchemas.set(name, found);
  return found;
}

const describedSchemas = new Map<SchemaName, ReadonlyMap<string, Message>>();

/** The description of a schema node as a hint, in the reader's language. */
function descriptionHint(schema: unknown, descriptions: ReadonlyMap<string, Message>): Text[] {
  const description = (schema as SchemaNode | undefined)?.description;
  if (!description) return [];
  // A description the catalogues lack is shown as the schema has it (test/validate/validate-schema-descriptions.test.ts).
  return [descriptions.get(description) ?? rawText(description)];
}

/** The schema node at a JSON pointer such as "#/properties/attendance/additionalProperties". */
function schemaAt(root: SchemaNode, pointer: string): unknown {
  let node: unknown = root;
  for (const raw of pointer.replace(/^#\/?/, "").split("/").filter(Boolean)) {
    node = (node as Record<string, unknown> | undefined)?.[raw.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return node;
}

/** One ajv error in the clerk's words, at its YAML node. */
function explain(source: ParsedSource, error: SchemaError, root: SchemaNode, descriptions: ReadonlyMap<string, Message>): Diagnostic {
  const path = pointerToPath(error.instancePath, source.data);
  const field = fieldOf(path);
  const params = error.params as Record<string, unknown>;
  const describe = (schema: unknown) => descriptionHint(schema, descriptions);
  switch (error.keyword) {
    case "required": {
      const missing = String(params.missingProperty);
      const sub = (error.parentSchema as SchemaNode | undefined)?.properties?.[missing];
      return diagnostic({
        code: "DLB2001",
        message: msg("DLB2001", { missing, where: path.length === 0 ? msg("schema.the_file") : field }),
        span: locate(source, path),
        hints: [msg("DLB2001.hint", { missing }), ...describe(sub)],
      });
    }
    case "additionalProperties": {
      const unknown = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as SchemaNode | undefined)?.properties ?? {});
      const guess = suggestedField(error);
      return diagnostic({
        code: "DLB2002",
        message: guess ? msg("DLB2002.suggestion", { field: unknown, guess }) : msg("DLB2002", { field: unknown }),
        span: locate(source, [...path, unknown], "key"),
        // With a close suggestion, the suggestion alone; else every field allowed.
        hints: guess
          ? [msg("DLB2002.hint.suggestion", { field: unknown, guess })]
          : known.length > 0
            ? [msg("DLB2002.hint", { fields: listOf(known.map((k) => `\`${k}\``)) })]
            : [],
      });
    }
    case "type": {
      const hints = describe(error.parentSchema);
      const span = locate(source, path);
      const key = lastKey(path);
      if (params.type === "string" && typeof error.data === "number" && key !== undefined) {
        // Quote what was typed (012, 2024.10), not the number YAML made of it (12, 2024.1).
        const typed = source.file.text.slice(span.start, span.end);
        hints.unshift(msg("DLB2003.hint.quote", { key, typed }));
      }
      if (path.length === 0 && error.data === null) {
        return diagnostic({
          code: "DLB2003",
          message: msg("DLB2003.empty_file"),
          span,
          hints: [msg("DLB2003.hint.empty_file", { example: "examples/nord-pas-de-calais-numerique/2021-05-18.yaml" })],
        });
      }
      return diagnostic({
        code: "DLB2003",
        message:
          error.data === null
            ? msg("DLB2003.no_value", { field })
            : msg("DLB2003", { field, expected: describeType(params.type), actual: describeValue(error.data) }),
        span,
        hints,
      });
    }
    case "enum":
    case "const": {
      const allowed = error.keyword === "enum" ? (params.allowedValues as unknown[]) : [params.allowedValue];
      const guess = typeof error.data === "string" ? suggest(error.data, allowed.map(String)) : undefined;
      return diagnostic({
        code: "DLB2004",
        message: guess
          ? msg("DLB2004.suggestion", { value: String(error.data), field, guess })
          : msg("DLB2004", { field, count: allowed.length, allowed: listOf(allowed.map((v) => `\`${String(v)}\``), "disjunction") }),
        span: locate(source, path),
        hints: error.schemaPath.includes("/anyOf/") ? describe(schemaAt(root, error.schemaPath.replace(/\/anyOf\/.*$/, ""))) : describe(error.parentSchema),
      });
    }
    case "format":
      return diagnostic({
        code: "DLB2005",
        message: msg("DLB2005.format", { field, value: String(error.data), format: String(params.format) }),
        span: locate(source, path),
        hints: params.format === "date" ? [msg("DLB2005.hint.date")] : describe(error.parentSchema),
      });
    case "formatMinimum":
    case "formatMaximum":
      // A date outside the years of French registers: most often a typo in the year (0024, 2204).
      return diagnostic({
        code: "DLB2005",
        message: msg("DLB2005.date_range", { field, value: String(error.data), first: String(firstYear), last: String(lastYear) }),
        span: locate(source, path),
        hints: [msg("DLB2005.hint.date_range", { first: String(firstYear), last: String(lastYear) })],
      });
    case "pattern":
      return diagnostic({
        code: "DLB2005",
        message: msg("DLB2005.pattern", { field, value: String(error.data) }),
        span: locate(source, path),
        hints: describe(error.parentSchema),
      });
    case "propertyNames":
      return diagnostic({
        code: "DLB2005",
        message: msg("DLB2005.identifier", { name: String(params.propertyName) }),
        span: locate(source, [...path, String(params.propertyName)], "key"),
        hints: [msg("DLB2005.hint.identifier")],
      });
    case "minLength":
    case "minItems":
    case "minimum":
      return diagnostic({
        code: "DLB2006",
        message:
          error.keyword === "minLength"
            ? msg("DLB2006.empty", { field })
            : msg(error.keyword === "minItems" ? "DLB2006.min_items" : "DLB2006.minimum", { field, limit: Number(params.limit) }),
        span: locate(source, path),
        hints: describe(error.parentSchema),
      });
    case "anyOf":
      return diagnostic({
        code: "DLB2003",
        message: msg("DLB2003.any_of", { field }),
        span: locate(source, path),
        hints: describe(error.parentSchema),
      });
    default:
      return diagnostic({
        code: "DLB2009",
        message: otherProblem(error, field),
        span: locate(source, path),
        hints: describe(error.parentSchema),
      });
  }
}

/** The keywords of delib's schemas that have no code of their own (DLB2009), in words. */
function otherProblem(error: SchemaError, field: MessageValue): Message {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "maxItems":
      return msg("DLB2009.max_items", { field, limit: Number(params.limit) });
    case "minProperties":
      return msg("DLB2009.min_properties", { field, limit: Number(params.limit) });
    case "maxProperties":
      return msg("DLB2009.max_properties", { field, limit: Number(params.limit) });
    case "uniqueItems":
      // ajv counts from 0, the later item first.
      return msg("DLB2009.unique_items", { field, first: Number(params.j) + 1, second: Number(params.i) + 1 });
    default:
      // A keyword delib's schemas do not use yet: ajv's own words, as they are.
      return msg("DLB2009", { field, detail: error.message ?? error.keyword });
  }
}

/**
 * A misspelt key is both unknown (`convened_onn`) and, for a required field, missing
 * (`convened_on`): when the first already suggests the second, the second is an echo. Decided
 * on ajv's errors, before they become messages.
 */
function withoutEchoes(errors: readonly SchemaError[]): SchemaError[] {
  const suggested = new Set(
    errors.flatMap((e) => {
      if (e.keyword !== "additionalProperties") return [];
      const guess = suggestedField(e);
      return guess ? [`${e.instancePath}/${guess}`] : [];
    }),
  );
  return errors.filter((e) => !(e.keyword === "required" && suggested.has(`${e.instancePath}/${String((e.params as { missingProperty?: unknown }).missingProperty)}`)));
}

/** The known field an unknown one is likely a misspelling of. */
function suggestedField(error: SchemaError): string | undefined {
  const unknown = String((error.params as { additionalProperty?: unknown }).additionalProperty);
  return suggest(unknown, Object.keys((error.parentSchema as SchemaNode | undefined)?.properties ?? {}));
}

/** ajv may report the same thing twice (a key failing propertyNames and pattern); keep one. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}:${d.span?.start}:${JSON.stringify(d.message)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
