// One temporary folder per test run, removed at its end: every test makes its scratch folders
// with mkdtemp(os.tmpdir()), and so do the delib processes and browsers the tests start, since
// they inherit TMPDIR. A run leaves nothing behind in the machine's temporary folder, even when
// a test fails before its own clean-up.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(path.join(os.tmpdir(), "delib-test-run-"));
  const saved = process.env.TMPDIR;
  // Set before vitest starts its workers, which inherit it.
  process.env.TMPDIR = root;
  return () => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  };
}
