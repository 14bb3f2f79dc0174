// `delib verify` on an election's record (issue 15): the record is found again by its own file
// name, not taken for the motion's extract, and an untouched one is identical. Real git, real
// Chromium.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryWith } from "../support/git-repo.js";
import { BUILD_TIMEOUT, installation } from "../support/installation.js";
import { repoRoot, runCli } from "../support/run-cli.js";

const sitting = join(repoRoot, "test/fixtures/elections/delegues-senatoriaux-second-tour.yaml");

describe("verify an election's record", () => {
  it("built by default beside the extracts, and identical when untouched", { timeout: BUILD_TIMEOUT }, async () => {
    await installation();
    const root = repositoryWith({ "seances/seance.yaml": sitting }, "2020-07-10T20:00:00Z");
    const build = await runCli(["build", "seances/seance.yaml", "--out", "out"], { cwd: root });
    expect(build.code, build.stderr).toBe(0);
    const records = readdirSync(join(root, "out")).filter((f) => f.endsWith("-proces-verbal-election.pdf"));
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      const run = await runCli(["verify", `out/${record}`], { cwd: root });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain("verdict: identical");
      expect(run.stdout).toContain("document at HEAD: the same as printed");
    }
  });
});
