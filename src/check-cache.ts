// A cache of what checking one file alone gives, keyed by its bytes: `delib validate --cache`
// (the pre-commit hook) reads a register of hundreds of sittings, and only the one staged has
// changed. Like ESLint's --cache: one file, read once and written once per run, holding the
// results of the files checked in that run. A result is reused only for the same bytes, the
// same path, the same reading options and the same delib (its version, its code, its law and
// schema): anything else is checked again. The rules across files always run.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FileOptions } from "./check-file.js";
import type { WireResult } from "./check-threads.js";

/** Results by key; what was used or made in this run is what `save` keeps. */
export interface ResultCache {
  /** The key of a file's result: its path, its bytes and how it is read. */
  key(path: string, bytes: Uint8Array, read: FileOptions): string;
  get(key: string): WireResult | undefined;
  set(key: string, result: WireResult): void;
  /** Writes the cache (atomically: a reader sees the old one or the new one). */
  save(): void;
}

interface CacheFile {
  readonly delib: string;
  readonly results: Record<string, WireResult>;
}

/** What makes delib's results what they are: its code, its law and its schemas. */
function delibIdentity(): string {
  const hash = createHash("sha256");
  const here = fileURLToPath(import.meta.url);
  hash.update(readFileSync(here));
  // The package's root: above src/ (or dist/) for a module, above dist/bundle/ for the bundle.
  const root = fileURLToPath(new URL(import.meta.url.endsWith(".cjs") ? "../../" : "../", import.meta.url));
  for (const dir of ["law", "schemas"]) {
    const folder = join(root, dir);
    let names: string[] = [];
    try {
      names = readdirSync(folder).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      if (!/\.(ya?ml|json)$/.test(name)) continue;
      hash.update(name).update("\0").update(readFileSync(join(folder, name))).update("\0");
    }
  }
  try {
    hash.update(readFileSync(join(root, "package.json")));
  } catch {
    // Run from a copy without its package.json: the code's own bytes still say which delib it is.
  }
  return hash.digest("hex").slice(0, 32);
}

/** Opens the cache file `file` (absent or unreadable: an empty cache). */
export function openResultCache(file: string): ResultCache {
  const delib = delibIdentity();
  let stored: Record<string, WireResult> = {};
  try {
    const read = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
    if (read.delib === delib && typeof read.results === "object") stored = read.results;
  } catch {
    // No cache yet, or one from a crash: start empty.
  }
  const kept: Record<string, WireResult> = {};
  let changed = false;
  return {
    key(path, bytes, read) {
      // The limits change the result of a file near them: a result is reused only under the same.
      const options = JSON.stringify([read.asRecorded ?? false, read.seats ?? null, read.summaryOnly ?? false, read.limits ?? null]);
      return createHash("sha256").update(path).update("\0").update(options).update("\0").update(bytes).digest("hex").slice(0, 40);
    },
    get(key) {
      const found = stored[key];
      if (found) kept[key] = found;
      return found;
    },
    set(key, result) {
      kept[key] = result;
      changed = true;
    },
    save() {
      // Unchanged when every result was found and none dropped: nothing to write.
      if (!changed && Object.keys(kept).length === Object.keys(stored).length) return;
      mkdirSync(dirname(file), { recursive: true });
      const partial = `${file}.${process.pid}`;
      writeFileSync(partial, JSON.stringify({ delib, results: kept } satisfies CacheFile));
      renameSync(partial, file);
    },
  };
}
