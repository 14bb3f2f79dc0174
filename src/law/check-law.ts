// Checks law/*.yaml against schemas/law.schema.json: run by `npm run build`
// (scripts/build-validators.mjs, from dist/) and by the tests (from src/). Not used at run time:
// the law a package ships was checked when it was built.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ErrorObject } from "ajv";
import { lawFiles, parseLawFile } from "./load-law.js";

const require = createRequire(import.meta.url);

/** The law files as the schema reads them: { bodies, regimes, majorities }, each from its file. */
export function readLawFiles(dir: URL = new URL("../../law/", import.meta.url)): Record<keyof typeof lawFiles, unknown> {
  const read = (name: string): unknown => parseLawFile(readFileSync(new URL(name, dir), "utf8"));
  return { regimes: read(lawFiles.regimes), bodies: read(lawFiles.bodies), majorities: read(lawFiles.majorities), elections: read(lawFiles.elections) };
}

/**
 * Every way the law files break schemas/law.schema.json, one line each, naming the file and
 * the place in it: « law/bodies.yaml, smo.quorum: unknown key `à défaut art. L2121-17 du CGCT` ».
 */
export function lawProblems(law: unknown, schemaPath: URL = new URL("../../schemas/law.schema.json", import.meta.url)): string[] {
  const Ajv2020 = (require("ajv/dist/2020") as typeof import("ajv/dist/2020.js")).default;
  const addFormats = (require("ajv-formats") as typeof import("ajv-formats")).default;
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv, ["date"]);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")) as object);
  if (validate(law)) return [];
  return (validate.errors ?? []).map(describe);
}

function describe(error: ErrorObject): string {
  const [part, ...rest] = error.instancePath.split("/").slice(1).map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
  const file = part && part in lawFiles ? `law/${lawFiles[part as keyof typeof lawFiles]}` : "law/";
  const where = rest.length > 0 ? `, ${rest.join(".")}` : "";
  const params = error.params as Record<string, unknown>;
  const what =
    error.keyword === "additionalProperties"
      ? `unknown key \`${String(params.additionalProperty)}\``
      : error.keyword === "required"
        ? `missing \`${String(params.missingProperty)}\`${params.missingProperty === "source" ? " (every value cites its source)" : ""}`
        : error.keyword === "contains" && part === "regimes"
          ? "exactly one regime has neither `from` nor `to`: the common law"
          : (error.message ?? error.keyword);
  return `${file}${where}: ${what}`;
}
