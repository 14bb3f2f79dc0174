// The register's `body.seats` (delib.config.yaml) stands for a session's own: a list shorter than
// the seats in office is found from the configuration alone, as from the session file.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/run-cli.js";

const example = readFileSync(join(repoRoot, "examples/mirabel-les-vignes/2021-02-23.yaml"), "utf8");
const titulaires = (example.match(/^ {2}- \{ ?id: /gm) ?? []).length || (example.match(/^ {2}- id: /gm) ?? []).length;

function register(seats: number | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), "delib-seats-"));
  mkdirSync(join(dir, "seances"));
  writeFileSync(
    join(dir, "delib.config.yaml"),
    `format: 1\nbody:\n  name: Commune de Mirabel-les-Vignes\n  kind: commune\n  assembly: conseil municipal\n${seats === undefined ? "" : `  seats: ${seats}\n`}`,
  );
  writeFileSync(join(dir, "seances/2021-02-23.yaml"), example);
  return dir;
}

describe("body.seats in delib.config.yaml", () => {
  it("the example lists its members", () => {
    expect(titulaires).toBeGreaterThan(10);
  });

  it("accounts for every seat when the list is whole", async () => {
    const run = await runCli(["validate", "seances"], { cwd: register(titulaires) });
    expect(run.stdout).toMatch(/No problems found/);
    expect(run.code).toBe(0);
  });

  it("names the members missing from the list when the seats are more", async () => {
    const run = await runCli(["validate", "seances", "--format", "json"], { cwd: register(titulaires + 2) });
    expect(run.code).toBe(1);
    const found = JSON.parse(run.stdout) as { code: string; message: string }[];
    expect(found.map((d) => d.code)).toEqual(["DLB3083"]);
    expect(found[0]!.message).toMatch(/2 members in office are missing/);
  });

  it("a session's own seats win over the register's", async () => {
    const dir = register(titulaires + 2);
    writeFileSync(join(dir, "seances/2021-02-23.yaml"), example.replace(/^ {2}kind: commune$/m, `  kind: commune\n  seats: ${titulaires}`));
    const run = await runCli(["validate", "seances"], { cwd: dir });
    expect(run.stdout).toMatch(/No problems found/);
  });
});
