// A sitting built alone still knows what later acts did to its deliberations: the register's
// other sittings are read as context (check.ts), and its extract says by which act it was
// replaced.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/run-cli.js";

const example = readFileSync(join(repoRoot, "examples/mirabel-les-vignes/2021-02-23.yaml"), "utf8");

describe("links between acts, a sitting built alone", () => {
  it("the replaced act's extract names the act that replaced it; the later one names what it replaces", async () => {
    const dir = mkdtempSync(join(tmpdir(), "delib-links-"));
    mkdirSync(join(dir, "seances"));
    writeFileSync(join(dir, "delib.config.yaml"), "format: 1\nbody:\n  name: Commune de Mirabel-les-Vignes\n  kind: commune\n  assembly: conseil municipal\n");
    writeFileSync(join(dir, "seances/a.yaml"), example);
    const later = example
      .replace("date: 2021-02-23", "date: 2021-03-16")
      .replace("convened_on: 2021-02-16", "convened_on: 2021-03-09")
      .replace('number: "2021-07"', 'number: "2021-10"\n    replaces: { number: "2021-07", date: 2021-02-23 }')
      .replace('number: "2021-08"', 'number: "2021-11"')
      .replace('number: "2021-09"', 'number: "2021-12"');
    expect(later).toContain("replaces:");
    writeFileSync(join(dir, "seances/b.yaml"), later);
    const out = join(dir, "out");
    const first = await runCli(["build", "seances/a.yaml", "--format", "html", "--documents", "extract", "--out", out], { cwd: dir });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const replaced = readFileSync(join(out, "2021-07.html"), "utf8").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(replaced).toMatch(/Remplacée par la délibération n° 2021-10 du 16 mars 2021/);
    const second = await runCli(["build", "seances/b.yaml", "--format", "html", "--documents", "extract", "--out", out], { cwd: dir });
    expect(second.code).toBe(0);
    const replacing = readFileSync(join(out, "2021-10.html"), "utf8").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(replacing).toMatch(/Cette délibération annule et remplace la délibération n° 2021-07 du 23 février 2021/);
  });
});
