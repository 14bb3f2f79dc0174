// The register's own pages (closing sheets, tables), from templates/<set>/register-*.hbs,
// loaded like a sitting's documents: the same resolver, strictness, partials and helpers.
import type { Result } from "../diagnostics/diagnostic.js";
import { loadTemplateSet, type TemplateSet } from "../render/templates.js";

export const registerKinds = ["register-closing", "register-table"] as const;
export type RegisterKind = (typeof registerKinds)[number];

/** The register's templates, ready to render. */
export type RegisterTemplates = Pick<TemplateSet, "render">;

/**
 * The register's templates from a template set's directories (`TemplateSet.dirs`: the body's
 * own first, when it has one, then the built-in set).
 */
export function loadRegisterTemplates(dirs: readonly string[]): Result<RegisterTemplates> {
  return loadTemplateSet({ userDir: dirs.length > 1 ? dirs[0] : undefined, documents: registerKinds });
}
