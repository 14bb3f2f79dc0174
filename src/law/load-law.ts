import { readFileSync } from "node:fs";
import jsYaml from "js-yaml";
import type { Law } from "./law.js";

let cached: Law | undefined;

/** Reads law/regimes.yaml and law/bodies.yaml from the package, once per process. */
export function loadLaw(): Law {
  if (cached) return cached;
  const read = (name: string): unknown => jsYaml.load(readFileSync(new URL(`../../law/${name}`, import.meta.url), "utf8"), { schema: jsYaml.CORE_SCHEMA });
  cached = { regimes: read("regimes.yaml") as Law["regimes"], bodies: read("bodies.yaml") as Law["bodies"] };
  return cached;
}
