// Records V8's code cache for dist/bundle/delib.cjs (see bin/delib.js): builds the example
// session to HTML in a temporary folder, the path most runs take (reading, checking, counting,
// rendering), and keeps the code compiled on the way. Runs last in `npm run build`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const out = mkdtempSync(join(tmpdir(), "delib-code-cache-"));
try {
  const run = spawnSync(process.execPath, ["bin/delib.js", "build", "examples/nord-pas-de-calais-numerique/2021-05-18.yaml", "--format", "html", "--out", out], {
    env: { ...process.env, DELIB_WRITE_CODE_CACHE: "1", NO_COLOR: "1" },
    encoding: "utf8",
  });
  if (run.status !== 0) {
    process.stderr.write(`building the example to record the code cache failed (exit ${run.status}):\n${run.stderr}`);
    process.exit(1);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
