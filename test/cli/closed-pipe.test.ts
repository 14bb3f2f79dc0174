// A reader that stops reading early (`delib --help | head`) is no error: delib ends quietly.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BUILD_TIMEOUT } from "../support/installation.js";
import { delibBin, repoRoot } from "../support/run-cli.js";

describe("a closed standard output", () => {
  it("ends delib with exit 0 and no stack trace when the reader stops reading", async () => {
    const bin = await delibBin();
    // `true` ends before delib has started, so every write of the help meets a closed pipe;
    // pipefail gives delib's own exit code.
    const child = spawn("bash", ["-c", `set -o pipefail; "${process.execPath}" "${bin}" --help | true`], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: "1", DELIB_LANG: "fr" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (t: string) => (stderr += t));
    const code = await new Promise<number | null>((done) => child.once("exit", done));
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
  }, BUILD_TIMEOUT);
});
