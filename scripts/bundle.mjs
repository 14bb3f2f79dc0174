// Bundles the CLI for a fast start (dist/bundle/):
//
// - delib.cjs: delib's compiled modules (dist/) with the packages they load (commander, js-yaml,
//   markdown-it, the Handlebars runtime, chalk, puppeteer-core), in one CommonJS script.
//   Resolving and compiling some hundred small modules one by one cost more at start-up than
//   delib's whole HTML rendering. One script, because bin/delib.js loads it through V8's code
//   cache (scripts/build-code-cache.mjs), which Node 20 offers for scripts, not for ES modules.
//   The commands and puppeteer-core stay lazy: esbuild turns their dynamic imports into
//   initialisers run on first use, so an HTML build never runs puppeteer-core's code.
// - check-worker.js: the checking thread (src/check-threads.ts), started from a file.
//
// Left out, loaded through `require` when needed: the yaml package (which only locates
// problems), pdf-lib (the year's register), ajv (when no precompiled validator exists) and the
// fonts (read as files).
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist/bundle", { recursive: true, force: true });

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  external: ["yaml", "pdf-lib", "ajv", "ajv/*", "ajv-formats", "@fontsource/*"],
  logLevel: "warning",
};

await build({
  ...common,
  entryPoints: ["dist/cli/main.js"],
  outfile: "dist/bundle/delib.cjs",
  format: "cjs",
  // A script run by vm.Script has no loader for import(): dynamic imports become requires.
  supported: { "dynamic-import": false },
  // Modules find their data (schemas, templates, law) relative to their own URL; the bundle
  // sits as deep in dist/ as they did.
  define: { "import.meta.url": "__delibModuleUrl" },
  // "use strict" first: esbuild's own would come after the banner and count for nothing.
  banner: { js: '"use strict";\nconst __delibModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [puppeteerApart()],
});

// puppeteer-core in a script of its own, read only when a PDF is printed. The packages its
// launchers and transports import (@puppeteer/browsers, chromium-bidi, ws, proxy-agent, ...)
// are left to node_modules: bundled or not, loading puppeteer-core takes about 100 ms, spent
// while Chromium starts.
await build({
  ...common,
  entryPoints: ["puppeteer-core"],
  outfile: "dist/bundle/puppeteer.cjs",
  format: "cjs",
  supported: { "dynamic-import": false },
  external: [...common.external, "@puppeteer/browsers", "chromium-bidi", "chromium-bidi/*", "ws", "proxy-agent", "typed-query-selector", "devtools-protocol"],
});

await build({
  ...common,
  entryPoints: ["dist/check-worker.js"],
  outfile: "dist/bundle/check-worker.js",
  format: "esm",
  // CommonJS packages in an ES module bundle call `require`: give them Node's.
  banner: { js: 'import { createRequire as __delibCreateRequire } from "node:module"; const require = __delibCreateRequire(import.meta.url);' },
});

/** Resolves `puppeteer-core` to the separate script built above. */
function puppeteerApart() {
  return {
    name: "puppeteer-apart",
    setup(build) {
      build.onResolve({ filter: /^puppeteer-core$/ }, () => ({ path: "./puppeteer.cjs", external: true }));
    },
  };
}
