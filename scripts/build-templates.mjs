// Precompiles the built-in Handlebars templates (dist/render/generated/templates-<name>.cjs),
// so a run that uses them loads only Handlebars' small runtime and compiles nothing: compiling
// the extract's templates at start-up cost about 50 ms.
// A body's own templates are still compiled when used.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";

mkdirSync("dist/render/generated", { recursive: true });
for (const name of readdirSync("templates")) {
  const dir = join("templates", name);
  const spec = (file) => Handlebars.precompile(readFileSync(file, "utf8"), { strict: true });
  const lines = [`// Generated from templates/${name}/ by scripts/build-templates.mjs. Do not edit.`, `"use strict";`];
  lines.push("exports.documents = {");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".hbs")).sort()) {
    lines.push(`  ${JSON.stringify(file.slice(0, -4))}: ${spec(join(dir, file))},`);
  }
  lines.push("};", "exports.partials = {");
  for (const file of readdirSync(join(dir, "partials")).filter((f) => f.endsWith(".hbs")).sort()) {
    lines.push(`  ${JSON.stringify(file.slice(0, -4))}: ${spec(join(dir, "partials", file))},`);
  }
  lines.push("};");
  writeFileSync(`dist/render/generated/templates-${name}.cjs`, lines.join("\n") + "\n");
}
