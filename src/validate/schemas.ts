import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { ErrorObject, ValidateFunction } from "ajv";
import type { SchemaName } from "../diagnostics/schema-texts.js";
import { requireCached } from "../source/cached-require.js";

/** The schemas delib ships (schemas/<name>.schema.json at the package root). */
export type { SchemaName };

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

const require = createRequire(import.meta.url);
const compiled = new Map<SchemaName, SchemaValidator>();

/**
 * A schema's validator, once per process: the standalone one precompiled by
 * scripts/build-validators.mjs when present (dist/validate/generated/), else compiled here
 * with the same options (when running from src/, in tests), so diagnostics are the same.
 */
export function validatorFor(name: SchemaName): SchemaValidator {
  const cached = compiled.get(name);
  if (cached) return cached;
  const schema = JSON.parse(readFileSync(schemaUrl(name), "utf8")) as SchemaNode;
  // "../validate/" so the path holds from dist/validate/ and from the bundle in dist/bundle/.
  const generated = new URL(`../validate/generated/${name}.cjs`, import.meta.url);
  const validate = existsSync(generated) ? (requireCached(fileURLToPath(generated)) as ValidateFunction) : compile(schema);
  const validator = { validate, schema };
  compiled.set(name, validator);
  return validator;
}

function compile(schema: SchemaNode): ValidateFunction {
  // ajv ships CommonJS; loaded here only, since a built delib uses the precompiled validators.
  const Ajv2020 = (require("ajv/dist/2020") as typeof import("ajv/dist/2020.js")).default;
  const addFormats = (require("ajv-formats") as typeof import("ajv-formats")).default;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
  addFormats(ajv, { formats: ["date"], keywords: true });
  return ajv.compile(schema);
}

export type SchemaError = ErrorObject;
