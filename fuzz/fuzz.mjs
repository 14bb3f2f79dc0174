// `npm run fuzz`: bundles the fuzzer (fuzz/cli.ts) from the source with esbuild, as Node 20
// cannot run TypeScript, and runs it. `npm run fuzz -- --help` says what it takes.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));
mkdirSync(join(root, "node_modules", ".cache", "delib-fuzz"), { recursive: true });
const dir = mkdtempSync(join(root, "node_modules", ".cache", "delib-fuzz", "cli-"));
const outfile = join(dir, "cli.mjs");
try {
  await build({ entryPoints: [join(root, "fuzz", "cli.ts")], outfile, bundle: true, platform: "node", target: "node20", format: "esm", packages: "external", sourcemap: "inline", logLevel: "warning" });
  const { main } = await import(pathToFileURL(outfile).href);
  process.exitCode = await main(process.argv.slice(2), root);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
