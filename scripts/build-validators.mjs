// Precompiles the JSON Schemas into standalone validators (dist/validate/generated/*.cjs), so
// a run loads no schema compiler: ajv compiling the session schema at start-up cost about
// 130 ms, more than Node's own start. Runs after tsc in `npm run build`; the runtime falls
// back to compiling the schema itself when the generated file is missing. First it checks the
// law files against schemas/law.schema.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;
const standaloneCode = require("ajv/dist/standalone").default;
const { _ } = require("ajv");

// The law files must match schemas/law.schema.json (every value beside its citation): a build
// whose law/*.yaml does not match fails here, before anything is generated.
// Like every path here, dist/ is the working folder's: the build runs in the folder it builds.
const { lawProblems, readLawFiles } = await import(pathToFileURL(resolve("dist/law/check-law.js")).href);
const problems = lawProblems(readLawFiles());
if (problems.length > 0) {
  console.error(`build-validators: law/*.yaml does not match schemas/law.schema.json:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}

mkdirSync("dist/validate/generated", { recursive: true });
for (const name of ["session", "config"]) {
  const schema = JSON.parse(readFileSync(`schemas/${name}.schema.json`, "utf8"));
  // The same options as src/validate/schemas.ts, so diagnostics are identical either way.
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    allowUnionTypes: true,
    code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` },
  });
  addFormats(ajv, { formats: ["date"], keywords: true });
  const validate = ajv.compile(schema);
  writeFileSync(`dist/validate/generated/${name}.cjs`, `// Generated from schemas/${name}.schema.json by scripts/build-validators.mjs. Do not edit.\n${standaloneCode(ajv, validate)}`);
}
