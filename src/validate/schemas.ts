import { readFileSync } from "node:fs";
import type { ErrorObject, ValidateFunction } from "ajv";
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// ajv and ajv-formats are CommonJS; under NodeNext their default export sits on `.default`.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

/** The schemas delib ships (schemas/<name>.schema.json at the package root). */
export type SchemaName = "session" | "config";

/** Where a schema lives in the package. */
export function schemaUrl(name: SchemaName): URL {
  return new URL(`../../schemas/${name}.schema.json`, import.meta.url);
}

/** A JSON Schema node, as far as the diagnostics need to read it. */
export interface SchemaNode {
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  anyOf?: SchemaNode[];
  $ref?: string;
  [keyword: string]: unknown;
}

export interface SchemaValidator {
  readonly validate: ValidateFunction;
  readonly schema: SchemaNode;
}

const compiled = new Map<SchemaName, SchemaValidator>();

/** A schema, compiled once per process. */
export function validatorFor(name: SchemaName): SchemaValidator {
  const cached = compiled.get(name);
  if (cached) return cached;
  const schema = JSON.parse(readFileSync(schemaUrl(name), "utf8")) as SchemaNode;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
  addFormats(ajv, ["date"]);
  const validator = { validate: ajv.compile(schema), schema };
  compiled.set(name, validator);
  return validator;
}

export type SchemaError = ErrorObject;
