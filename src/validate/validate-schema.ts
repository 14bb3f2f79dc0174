import { diagnostic, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import { suggest } from "../diagnostics/suggest.js";
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
  const diagnostics = dedupe(withoutEchoes(errors).map((e) => explain(source, e, schema)));
  return { value: undefined, diagnostics };
}

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
    kept = kept.filter((e) => {
      if (e === failure) return fitting < 0;
      if (!e.schemaPath.startsWith(prefix)) return true;
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

function fieldName(path: DataPath): string {
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === "string") return String(path[i]);
  }
  return "the file";
}

function describeValue(value: unknown): string {
  if (value === null) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a block of fields";
  if (typeof value === "number") return Number.isInteger(value) ? "a whole number" : "a number";
  if (typeof value === "boolean") return value ? "`true`" : "`false`";
  return "text";
}

function describeType(type: unknown): string {
  const names: Record<string, string> = {
    string: "text",
    integer: "a whole number",
    number: "a number",
    boolean: "`true` or `false`",
    object: "a block of fields",
    array: "a list",
    null: "nothing",
  };
  const list = Array.isArray(type) ? type : [type];
  return list.map((t) => names[String(t)] ?? String(t)).join(" or ");
}

function descriptionHint(schema: unknown): string[] {
  const description = (schema as SchemaNode | undefined)?.description;
  return description ? [description] : [];
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
function explain(source: ParsedSource, error: SchemaError, root: SchemaNode): Diagnostic {
  const path = pointerToPath(error.instancePath, source.data);
  const field = fieldName(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required": {
      const missing = String(params.missingProperty);
      const where = path.length === 0 ? "the file" : `\`${field}\``;
      const sub = (error.parentSchema as SchemaNode | undefined)?.properties?.[missing];
      return diagnostic({
        code: "DLB2001",
        message: `missing field \`${missing}\` in ${where}`,
        span: locate(source, path),
        hints: [`add a line \`${missing}: ...\``, ...descriptionHint(sub)],
      });
    }
    case "additionalProperties": {
      const unknown = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as SchemaNode | undefined)?.properties ?? {});
      const guess = suggestedField(error);
      return diagnostic({
        code: "DLB2002",
        message: guess ? `unknown field \`${unknown}\`, did you mean \`${guess}\`?` : `unknown field \`${unknown}\``,
        span: locate(source, [...path, unknown], "key"),
        hints: known.length > 0 ? [`the fields allowed here are: ${known.join(", ")}`] : [],
      });
    }
    case "type": {
      const expected = describeType(params.type);
      const hints = descriptionHint(error.parentSchema);
      const span = locate(source, path);
      if (params.type === "string" && typeof error.data === "number") {
        // Quote what was typed (012, 2024.10), not the number YAML made of it (12, 2024.1).
        const typed = source.file.text.slice(span.start, span.end);
        hints.unshift(`write it in quotes, e.g. \`${field}: "${typed}"\`, so it is kept exactly as typed`);
      }
      if (path.length === 0 && error.data === null) {
        return diagnostic({ code: "DLB2003", message: "the file is empty", span, hints: ["start from an example: examples/nord-pas-de-calais-numerique/2021-05-18.yaml"] });
      }
      return diagnostic({
        code: "DLB2003",
        message: error.data === null ? `\`${field}\` has no value` : `\`${field}\` should be ${expected}, not ${describeValue(error.data)}`,
        span,
        hints,
      });
    }
    case "enum":
    case "const": {
      const allowed = error.keyword === "enum" ? (params.allowedValues as unknown[]) : [params.allowedValue];
      const shown = allowed.map((v) => `\`${String(v)}\``).join(", ");
      const guess = typeof error.data === "string" ? suggest(error.data, allowed.map(String)) : undefined;
      return diagnostic({
        code: "DLB2004",
        message: guess
          ? `\`${String(error.data)}\` is not allowed for \`${field}\`, did you mean \`${guess}\`?`
          : `\`${field}\` must be ${allowed.length === 1 ? shown : `one of ${shown}`}`,
        span: locate(source, path),
        hints: error.schemaPath.includes("/anyOf/") ? descriptionHint(schemaAt(root, error.schemaPath.replace(/\/anyOf\/.*$/, ""))) : descriptionHint(error.parentSchema),
      });
    }
    case "format":
      return diagnostic({
        code: "DLB2005",
        message: `\`${field}\`: \`${String(error.data)}\` is not a valid ${String(params.format)}`,
        span: locate(source, path),
        hints: params.format === "date" ? ["write dates as YYYY-MM-DD, e.g. 2021-05-18"] : descriptionHint(error.parentSchema),
      });
    case "pattern":
      return diagnostic({
        code: "DLB2005",
        message: `\`${field}\`: \`${String(error.data)}\` is not written in the expected form`,
        span: locate(source, path),
        hints: descriptionHint(error.parentSchema),
      });
    case "propertyNames":
      return diagnostic({
        code: "DLB2005",
        message: `\`${String(params.propertyName)}\` is not a valid identifier`,
        span: locate(source, [...path, String(params.propertyName)], "key"),
        hints: ["identifiers are lower-case letters, digits and hyphens, as in `members`"],
      });
    case "minLength":
    case "minItems":
    case "minimum":
      return diagnostic({
        code: "DLB2006",
        message:
          error.keyword === "minLength"
            ? `\`${field}\` is empty`
            : error.keyword === "minItems"
              ? `\`${field}\` needs at least ${String(params.limit)} item${params.limit === 1 ? "" : "s"}`
              : `\`${field}\` must be at least ${String(params.limit)}`,
        span: locate(source, path),
        hints: descriptionHint(error.parentSchema),
      });
    case "anyOf":
      return diagnostic({
        code: "DLB2003",
        message: `\`${field}\` is not of a form allowed here`,
        span: locate(source, path),
        hints: descriptionHint(error.parentSchema),
      });
    default:
      return diagnostic({
        code: "DLB2009",
        message: `\`${field}\` ${error.message ?? "is not valid"}`,
        span: locate(source, path),
        hints: descriptionHint(error.parentSchema),
      });
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
    const key = `${d.code}:${d.span?.start}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
