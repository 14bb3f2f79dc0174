import { readFileSync } from "node:fs";
import jsYaml from "js-yaml";
import type { Law } from "./law.js";

/** The files of law/ that make the rule sets, each described by schemas/law.schema.json. */
export const lawFiles = { regimes: "regimes.yaml", bodies: "bodies.yaml", majorities: "majorities.yaml", elections: "elections.yaml" } as const;

/** Parses one file of law/ as delib reads it (YAML core schema: dates stay strings). */
export function parseLawFile(text: string): unknown {
  return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
}

let cached: Law | undefined;

/**
 * Reads law/regimes.yaml, bodies.yaml, majorities.yaml and elections.yaml from the package, once per
 * process. The build checks them against schemas/law.schema.json (scripts/build-validators.mjs).
 */
export function loadLaw(): Law {
  if (cached) return cached;
  const read = (name: string): unknown => parseLawFile(readFileSync(new URL(`../../law/${name}`, import.meta.url), "utf8"));
  cached = {
    regimes: read(lawFiles.regimes) as Law["regimes"],
    bodies: read(lawFiles.bodies) as Law["bodies"],
    majorities: read(lawFiles.majorities) as Law["majorities"],
    elections: read(lawFiles.elections) as Law["elections"],
  };
  return cached;
}
