// The digest that names an installation built for the tests (installation.ts): it changes with
// any file the build reads. Apart from installation.ts, which uses vitest's worker API, so that
// the globalSetup (installation-setup.ts) can take it in vitest's own process.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** What the build reads: a change to any of these makes another installation. */
const inputs = ["src", "schemas", "templates", "law", "locales", "scripts", "bin", "package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json"];

/**
 * A digest of every input file's path and bytes, of Node's version (the code cache is V8's) and
 * of the repository's place (the installation links to its files).
 */
export function inputDigest(): string {
  const hash = createHash("sha256").update(process.version).update("\0").update(repoRoot).update("\0");
  const walk = (path: string): void => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) walk(join(path, entry));
      return;
    }
    hash.update(relative(repoRoot, path)).update("\0").update(readFileSync(path)).update("\0");
  };
  for (const input of inputs) walk(join(repoRoot, input));
  return hash.digest("hex").slice(0, 16);
}
