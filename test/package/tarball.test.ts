// delib installs as a user installs it: the tarball `npm pack` makes, installed in an empty
// folder with no dev dependency and no build step, builds a sitting's documents with `npx delib`.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { chromiumForTests } from "../browser/pdf-tools.js";
import { installTarball, PACK_TIMEOUT, packedTarball, run } from "../support/packed.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const version = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string }).version;

describe("the npm tarball", () => {
  let tarball: string;
  let folder: string;

  beforeAll(async () => {
    tarball = await packedTarball();
    folder = mkdtempSync(join(tmpdir(), "delib-installed-"));
    writeFileSync(join(folder, "package.json"), `${JSON.stringify({ name: "registre-test", private: true }, null, 2)}\n`);
    const installed = await installTarball(folder, tarball);
    expect(installed.code, `npm install failed:\n${installed.stdout}\n${installed.stderr}`).toBe(0);
  }, PACK_TIMEOUT);

  it("holds the built CLI and its data, not the source, the tests or a build step's leftovers", () => {
    const listed = spawnSync("tar", ["-tzf", tarball], { encoding: "utf8" });
    const files = listed.stdout.split("\n").filter(Boolean);
    for (const needed of ["package/bin/delib.js", "package/dist/bundle/delib.cjs", "package/schemas/session.schema.json", "package/schemas/session.schema.fr.json", "package/schemas/config.schema.fr.json", "package/law/", "package/templates/default/style.css", "package/locales/fr.json", "package/locales/messages/fr/report.json", "package/locales/messages/en/report.json", "package/package.json", "package/README.md"]) {
      expect(files.some((f) => f === needed || f.startsWith(needed)), `${needed} is not in the tarball`).toBe(true);
    }
    expect(files.filter((f) => /^package\/(src|test|bench|node_modules|\.ci|examples)\//.test(f))).toEqual([]);
  });

  it("installs with no dev dependency", () => {
    expect(existsSync(join(folder, "node_modules/delib/bin/delib.js"))).toBe(true);
    const present = readdirSync(join(folder, "node_modules"));
    for (const dev of ["typescript", "vitest", "esbuild", "fast-check", "ajv-cli"]) expect(present, `${dev} was installed`).not.toContain(dev);
  });

  it("answers `npx delib --version` and `-v`", async () => {
    for (const flag of ["--version", "-v"]) {
      const answered = await run("npx", ["--no-install", "delib", flag], { cwd: folder });
      expect(answered.stderr).toBe("");
      expect(answered.stdout.trim()).toBe(version);
    }
  });

  it("builds a sitting's extracts, procès-verbal and list with `npx delib build`, in French", async () => {
    cpSync(join(repoRoot, "examples/aubencourt-sur-noirieu"), join(folder, "seances"), { recursive: true });
    const built = await run("npx", ["--no-install", "delib", "build", "seances/2023-04-07.yaml", "--out", "out", "--chromium", chromiumForTests()], {
      cwd: folder,
      env: { DELIB_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: "fr_FR.UTF-8" },
    });
    expect(built.code, built.stderr).toBe(0);
    const written = readdirSync(join(folder, "out"));
    expect(written.filter((f) => f.endsWith(".pdf")).length).toBeGreaterThanOrEqual(3);
    expect(written).toContain("proces-verbal-2023-04-07.pdf");
    const pdf = readFileSync(join(folder, "out/proces-verbal-2023-04-07.pdf"));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("refuses a broken sitting with a located diagnostic, in French", async () => {
    writeFileSync(join(folder, "cassee.yaml"), "session:\n  date: 2023-13-45\n");
    const checked = await run("npx", ["--no-install", "delib", "validate", "cassee.yaml"], {
      cwd: folder,
      env: { DELIB_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: "fr_FR.UTF-8" },
    });
    expect(checked.code).toBe(1);
    expect(checked.stdout + checked.stderr).toMatch(/cassee\.yaml:\d+:\d+ - erreur DLB\d{4}/);
  });
});
