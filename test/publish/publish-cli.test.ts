// `delib publish` on the command line: its help in both languages, and a usage error outside a
// register without files.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

describe("delib publish on the command line", () => {
  it("has its help in French by default, and in English", async () => {
    const fr = await runCli(["publish", "--help"], { env: { DELIB_LANG: undefined, LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined } });
    expect(fr.code).toBe(0);
    expect(fr.stdout).toContain("publier le registre comme site web statique");
    expect(fr.stdout).toContain("--out <dossier>");
    const en = await runCli(["--lang", "en", "publish", "--help"]);
    expect(en.stdout).toContain("publish the register as a static website");
    const root = await runCli(["--lang", "en", "--help"]);
    expect(root.stdout).toContain("delib publish --out site");
  });

  it("asks for files outside a register (exit 2), and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "delib-publish-usage-"));
    const run = await runCli(["--lang", "en", "publish"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("run delib publish inside a register");
    expect(existsSync(join(dir, "site"))).toBe(false);
  });
});
