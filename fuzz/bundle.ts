// The fuzzing thread as one ES module, bundled from the source with esbuild: Node 20 cannot
// start a thread on a .ts file, and the source (not dist/, which may be stale) is what must be
// fuzzed. The packages stay in node_modules; delib's modules find their data (schemas,
// templates, law, locales) from their own URL, two folders below the root, as in src/.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** Bundles fuzz/worker.ts under node_modules/.cache; `remove` deletes the bundle. */
export async function bundleWorker(root: string): Promise<{ file: string; remove: () => void }> {
  const { build } = await import("esbuild");
  const cache = join(root, "node_modules", ".cache");
  mkdirSync(join(cache, "delib-fuzz"), { recursive: true });
  // A folder of its own: a CI run and a long run may bundle at the same time.
  const dir = mkdtempSync(join(cache, "delib-fuzz", "worker-"));
  const file = join(dir, "worker.mjs");
  await build({
    entryPoints: [join(root, "fuzz", "worker.ts")],
    outfile: file,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    packages: "external",
    sourcemap: "inline",
    define: { "import.meta.url": JSON.stringify(pathToFileURL(join(root, "src", "fuzz", "worker.mjs")).href) },
    logLevel: "warning",
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

