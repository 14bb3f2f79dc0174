// A motion not put to the vote for lack of quorum: its extract ticks nobody « Votant » and totals
// 0 votants, since nobody voted on it (CGCT L2121-17), while the présents stay as they were.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/run-cli.js";

describe("the extract of a motion without quorum", () => {
  it("ticks no « Votant » and totals 0 votants", async () => {
    const fixture = readFileSync(join(repoRoot, "test/fixtures/invalid/rule-vote-without-quorum.yaml"), "utf8");
    const sitting = fixture.split("\n").filter((l) => !l.startsWith("#")).join("\n").replace(/ {4}vote:\n( {6}.*\n)+/, "");
    expect(sitting).not.toContain("    vote:");
    const dir = mkdtempSync(join(tmpdir(), "delib-noquorum-"));
    writeFileSync(join(dir, "s.yaml"), sitting);
    const run = await runCli(["build", "s.yaml", "--format", "html", "--documents", "extract", "--out", "out"], { cwd: dir });
    expect(run.code).toBe(0);
    const html = readFileSync(join(dir, "out/2024-01.html"), "utf8");
    const text = html.replace(/<style[\s\S]*?<\/style>/g, "").replace(/<[^>]+>/g, " ").replace(/[\s\u00a0\u202f]+/g, " ");
    expect(text).toContain("Total 2 0 3 0");
    expect(text).toContain("non atteint");
  });
});

describe("the extract of a transcribed record whose list is short", () => {
  it("shows the seats in office missing from the list as their own row, counted absent", async () => {
    const dir = mkdtempSync(join(tmpdir(), "delib-missing-"));
    writeFileSync(join(dir, "s.yaml"), readFileSync(join(repoRoot, "test/fixtures/invalid/finding-members-missing-transcribed.yaml"), "utf8"));
    const run = await runCli(["build", "s.yaml", "--format", "html", "--documents", "extract", "--out", "out"], { cwd: dir });
    expect(run.code).toBe(0);
    const file = run.stdout.trim().split("\n")[0]!.replace(/^wrote /, "");
    const text = readFileSync(join(dir, file), "utf8").replace(/<style[\s\S]*?<\/style>/g, "").replace(/<[^>]+>/g, " ").replace(/[\s\u00a0\u202f]+/g, " ");
    expect(text).toMatch(/Membres en exercice qui ne figurent pas sur la liste 2 Total \d+ \d+/);
  });
});
