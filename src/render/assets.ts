// Files a template declares (fonts, images), embedded as data: URIs so a document needs
// nothing outside itself: rendering stays offline and inert.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, isAbsolute, resolve } from "node:path";
import type { Text } from "../diagnostics/diagnostic.js";
import { listOf, msg, rawText } from "../diagnostics/message.js";
import { translator } from "../diagnostics/translator.js";

const mimeTypes: Record<string, string> = {
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
  ".webp": "image/webp",
};

/**
 * The problem with an asset, for a diagnostic: `reason` is what a person reads (a message, or
 * the system's own words); the Error's message is its English text, for a stack trace.
 */
export class AssetError extends Error {
  constructor(
    readonly reference: string,
    readonly path: string,
    readonly reason: Text,
  ) {
    super(translator("en").text(reason));
  }
}

const require = createRequire(import.meta.url);

/**
 * Resolves `reference` against `baseDir`: a relative or absolute path, or
 * `package:NAME/PATH` for a file shipped in an npm package (the built-in fonts).
 */
export function resolveAsset(reference: string, baseDir: string): string {
  if (reference.startsWith("package:")) return require.resolve(reference.slice("package:".length));
  return isAbsolute(reference) ? reference : resolve(baseDir, reference);
}

/** The file at `reference` as a data: URI. */
export function dataUri(reference: string, baseDir: string): string {
  let path = reference;
  try {
    path = resolveAsset(reference, baseDir);
    const type = mimeTypes[extname(path).toLowerCase()];
    if (!type) throw new AssetError(reference, path, msg("asset.unknown_type", { extension: extname(path), known: listOf(Object.keys(mimeTypes), "disjunction") }));
    return `data:${type};base64,${readFileSync(path).toString("base64")}`;
  } catch (error) {
    if (error instanceof AssetError) throw error;
    // Any other failure is told in the system's own words.
    throw new AssetError(reference, path, (error as NodeJS.ErrnoException).code === "ENOENT" ? msg("asset.no_such_file") : rawText(String((error as Error).message)));
  }
}

/** A stylesheet with every `url(...)` embedded, resolved against the stylesheet's own folder. */
export function inlineCssUrls(css: string, cssPath: string): string {
  return css.replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (whole, _quote: string, reference: string) => {
    if (reference.startsWith("data:")) return whole;
    return `url("${dataUri(reference, dirname(cssPath))}")`;
  });
}
