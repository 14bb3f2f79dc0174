// Bundles delib's compiled modules (dist/) and the packages every run loads (commander, js-yaml,
// markdown-it, the Handlebars runtime) and puppeteer-core into a few chunks (dist/bundle/):
// resolving and compiling some hundred small modules one by one cost more at start-up than
// delib's whole HTML rendering (bench/: HTML only went from 250 to 210 ms, one PDF from 1100 to
// 1035 ms). Code splitting keeps the lazy parts lazy: puppeteer-core, and each command, load only
// when used. Left external: what is loaded rarely, by path or through `require` (the yaml
// package, which only locates problems; pdf-lib, for the year's register; ajv, when no
// precompiled validator exists; the fonts, read as files; chalk, on a terminal).
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
  external: ["yaml", "pdf-lib", "chalk", "ajv", "ajv/*", "ajv-formats", "@fontsource/*"],
  // Stable chunk names: the same sources give the same files.
  chunkNames: "chunk-[hash]",
  // Entries side by side (main.js, check-worker.js): the worker is found next to the chunks.
  entryNames: "[name]",
  logLevel: "warning",
  // CommonJS packages in an ES module bundle call `require`: give them Node's.
  banner: { js: 'import { createRequire as __delibCreateRequire } from "node:module"; const require = __delibCreateRequire(import.meta.url);' },
});
