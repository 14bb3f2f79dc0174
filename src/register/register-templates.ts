// The register's own pages (closing sheets, tables), from templates/<set>/register-*.hbs.
// render/templates.ts knows only the documents of a sitting (extract, minutes, list); the
// register compiles its templates here, the same way: an isolated Handlebars environment,
// strict, the body's directory searched before the built-in one, partials shared.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type HandlebarsModule from "handlebars";
import { diagnostic, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import { AssetError, dataUri, inlineCssUrls } from "../render/assets.js";
import { TemplateError, templateDiagnostic } from "../render/templates.js";

export const registerKinds = ["register-closing", "register-table"] as const;
export type RegisterKind = (typeof registerKinds)[number];

/** The register's templates, ready to render. */
export interface RegisterTemplates {
  /** Renders a page of the register; throws TemplateError with the template's file and line. */
  render(kind: RegisterKind, data: object): string;
}

type HandlebarsEnv = typeof HandlebarsModule;
const require = createRequire(import.meta.url);

function fileAt(dirs: readonly string[], relativePath: string): string | undefined {
  return dirs.map((d) => join(d, relativePath)).find((p) => existsSync(p));
}

/**
 * Compiles the register's templates from `dirs` (a template set's directories, the body's
 * own first, as `TemplateSet.dirs` lists them): register-*.hbs, every partial, style.css.
 */
export function loadRegisterTemplates(dirs: readonly string[]): Result<RegisterTemplates> {
  const handlebars = (require("handlebars") as HandlebarsEnv).create();
  const diagnostics: Diagnostic[] = [];
  const wrap = (compiled: HandlebarsTemplateDelegate, file: { path: string; text: string }) => (context: unknown, options?: Handlebars.RuntimeOptions) => {
    try {
      return compiled(context, options);
    } catch (error) {
      if (error instanceof TemplateError) throw error;
      if (error instanceof AssetError) throw new TemplateError(`asset \`${error.reference}\`: ${error.message}`, file, undefined, undefined);
      const e = error as { message: string; lineNumber?: number; column?: number };
      throw new TemplateError(e.message, file, e.lineNumber, e.column);
    }
  };
  const compile = (path: string) => {
    const text = readFileSync(path, "utf8");
    const file = { path, text };
    try {
      // Compiling is lazy in Handlebars: parse now, so a syntax error is found here.
      handlebars.parse(text);
      return wrap(handlebars.compile(text, { strict: true }), file);
    } catch (error) {
      const e = error as { message: string; lineNumber?: number; column?: number };
      diagnostics.push(templateDiagnostic(new TemplateError(e.message, file, e.lineNumber, e.column)));
      return undefined;
    }
  };

  const partialNames = new Set(dirs.flatMap((d) => (existsSync(join(d, "partials")) ? readdirSync(join(d, "partials")) : [])));
  for (const name of [...partialNames].filter((f) => f.endsWith(".hbs")).sort()) {
    const partial = compile(fileAt(dirs, join("partials", name))!);
    if (partial) handlebars.registerPartial(name.slice(0, -4), partial as unknown as HandlebarsModule.Template);
  }
  // The helpers render/templates.ts gives every template, for a body's partials that use them.
  handlebars.registerHelper("asset", (reference: unknown) => {
    const path = fileAt(dirs, String(reference));
    return new handlebars.SafeString(dataUri(path ?? String(reference), dirs[0]!));
  });
  handlebars.registerHelper("cssString", (value: unknown) =>
    new handlebars.SafeString(`"${String(value).replace(/[\\"]/g, "\\$&").replace(/</g, "\\3c ").replace(/\n/g, "\\a ")}"`),
  );

  let css = "";
  const cssPath = fileAt(dirs, "style.css");
  try {
    if (cssPath) css = inlineCssUrls(readFileSync(cssPath, "utf8"), cssPath);
  } catch (error) {
    const e = error as AssetError;
    diagnostics.push(diagnostic({ code: "DLB5003", message: `the stylesheet ${cssPath} refers to \`${e.reference}\`: ${e.message}`, hints: ["paths in a stylesheet are resolved against its own folder"] }));
  }

  const documents = new Map<RegisterKind, ReturnType<typeof compile>>();
  for (const kind of registerKinds) {
    const path = fileAt(dirs, `${kind}.hbs`);
    if (!path) {
      diagnostics.push(diagnostic({ code: "DLB5001", message: `template: no ${kind}.hbs in ${dirs.join(" or ")}` }));
      continue;
    }
    documents.set(kind, compile(path));
  }
  if (diagnostics.length > 0) return { value: undefined, diagnostics };
  return {
    value: {
      render(kind, data) {
        return documents.get(kind)!({ ...data, css });
      },
    },
    diagnostics,
  };
}
