// Writes the JSON Schemas in French (schemas/session.schema.fr.json, schemas/config.schema.fr.json)
// from the English ones, the one source of the format, and the translation catalogue
// locales/schema/fr.json (JSON Pointer → title and description). An editor shows these texts on
// hover and in completion: the modeline `delib init` writes names the French file when the clerk
// reads French, in node_modules/delib/schemas/ of the register. Generated, not committed (see
// .gitignore); shipped in the tarball with schemas/. The same bytes every run.
//
// Runs after tsc in `npm run build`: the work is src/init/schema-language.ts, the code `delib
// schema` runs too, so both give the same text. Like build-validators.mjs, dist/ is the working
// folder's. `--out DIR` writes elsewhere than schemas/ (the tests do).
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const at = args.indexOf("--out");
const out = at >= 0 ? args[at + 1] : "schemas";
if (at >= 0 && !out) {
  console.error("build-schemas: --out needs a folder");
  process.exit(2);
}

const { schemaNames, schemaFileName, schemaJson } = await import(pathToFileURL(resolve("dist/init/schema-language.js")).href);
const { languages } = await import(pathToFileURL(resolve("dist/diagnostics/translator.js")).href);

mkdirSync(out, { recursive: true });
for (const language of languages.filter((l) => l !== "en")) {
  for (const name of schemaNames) {
    let text;
    try {
      text = schemaJson(name, language);
    } catch (error) {
      // A text of the English schema left untranslated, or a translation of a node it no longer has.
      console.error(`build-schemas: schemas/${name}.schema.json and locales/schema/${language}.json disagree: ${error.message}`);
      process.exit(1);
    }
    writeFileSync(join(out, schemaFileName(name, language)), text);
  }
}
