// Bundles delib's own compiled modules (dist/) into a few chunks (dist/bundle/), packages left
// external: resolving and compiling some sixty small ES modules cost more at start-up than
// delib's whole HTML rendering. Code splitting keeps the lazy parts lazy: the browser stage,
// and each command, load only when used.
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist/bundle", { recursive: true, force: true });

await build({
  // The checking thread is an entry of its own: a Worker is started from a file.
  entryPoints: ["dist/cli/main.js", "dist/cli/check-worker.js"],
  outdir: "dist/bundle",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  // Stable chunk names: the same sources give the same files.
  chunkNames: "chunk-[hash]",
  // Entries side by side (main.js, check-worker.js): the worker is found next to the chunks.
  entryNames: "[name]",
  logLevel: "warning",
});
