import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";

/** The built-in templates, by name (templates/<name>/ in the package). */
export const builtInTemplatesDir = fileURLToPath(new URL("../../templates/", import.meta.url));

/** A compiled template set: the documents it can render and its stylesheet. */
export interface TemplateSet {
  readonly name: string;
  readonly css: string;
  render(document: "extract", data: object): string;
}

/**
 * Loads a template directory: `<document>.hbs`, `partials/*.hbs`, `style.css`.
 * An isolated Handlebars environment with strict compilation, so a misspelt field
 * fails the build instead of printing nothing.
 */
export function loadTemplateSet(name = "default"): TemplateSet {
  const dir = join(builtInTemplatesDir, name);
  const handlebars = Handlebars.create();
  const partialsDir = join(dir, "partials");
  for (const file of readdirSync(partialsDir).sort()) {
    if (!file.endsWith(".hbs")) continue;
    const source = readFileSync(join(partialsDir, file), "utf8");
    handlebars.registerPartial(file.slice(0, -4), handlebars.compile(source, { strict: true }));
  }
  const css = readFileSync(join(dir, "style.css"), "utf8");
  const extract = handlebars.compile(readFileSync(join(dir, "extract.hbs"), "utf8"), { strict: true });
  return {
    name,
    css,
    render: (_document, data) => extract({ ...data, css }),
  };
}
