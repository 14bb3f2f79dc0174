import { readFileSync } from "node:fs";
import type { ErrorObject, ValidateFunction } from "ajv";
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// ajv and ajv-formats are CommonJS; under NodeNext their default export sits on `.default`.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

/** Where the session schema lives in the package (schemas/ at the package root). */
export const sessionSchemaUrl = new URL("../../schemas/session.schema.json", import.meta.url);

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

let compiled: { validate: ValidateFunction; schema: SchemaNode } | undefined;

/** The session schema, compiled once per process. */
export function sessionValidator(): { validate: ValidateFunction; schema: SchemaNode } {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(sessionSchemaUrl, "utf8")) as SchemaNode;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
  addFormats(ajv, ["date"]);
  compiled = { validate: ajv.compile(schema), schema };
  return compiled;
}

export type SchemaError = ErrorObject;
