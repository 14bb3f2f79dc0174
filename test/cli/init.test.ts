// `delib init`, then the life of a register in a real git repository: two sessions, a green
// validation, documents built, a change caught.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsYaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8" }).trim();
}

describe("delib init", () => {
  it("scaffolds a register that validates, and refuses to write over it", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "delib-init-")), "registre");
    const run = runCli(["init", dir, "--name", "Commune de Saint-Amand-sur-Ornain", "--date", "2024-03-12"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    for (const file of ["delib.config.yaml", "seances/2024-03-12.yaml", ".gitignore", "package.json", ".github/workflows/delib.yml", ".githooks/pre-commit"]) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    expect(statSync(join(dir, ".githooks/pre-commit")).mode & 0o111).not.toBe(0);
    const workflow = jsYaml.load(readFileSync(join(dir, ".github/workflows/delib.yml"), "utf8")) as { jobs: { verifier: { steps: { run?: string }[] } } };
    expect(workflow.jobs.verifier.steps.map((s) => s.run).filter(Boolean)).toContain("npx delib validate 'seances/**/*.yaml' --format github");
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toContain("out/");

    expect(runCli(["validate", "seances/**/*.yaml", "delib.config.yaml"], { cwd: dir })).toMatchObject({ code: 0, stdout: "No problems found in 2 files.\n" });

    const again = runCli(["init", dir, "--name", "Commune de Saint-Amand-sur-Ornain"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("error DLB5010");
  });

  it("carries a register through two sessions, a commit, a build and a change caught by verify", () => {
    const dir = mkdtempSync(join(tmpdir(), "delib-life-"));
    expect(runCli(["init", dir, "--name", "Commune de Saint-Amand-sur-Ornain", "--date", "2024-03-12"]).code).toBe(0);
    const first = readFileSync(join(dir, "seances/2024-03-12.yaml"), "utf8");
    const second = first.replace(/date: 2024-03-12/, "date: 2024-04-09").replace(/convened_on: 2024-03-05/, "convened_on: 2024-04-02").replace('number: "2024-01"', 'number: "2024-02"');
    writeFileSync(join(dir, "seances/2024-04-09.yaml"), second);
    git(dir, "init", "-q", "-b", "main");
    git(dir, "-c", "user.email=greffe@example.org", "-c", "user.name=Greffe", "add", ".");
    git(dir, "-c", "user.email=greffe@example.org", "-c", "user.name=Greffe", "commit", "-q", "-m", "Deux séances");

    expect(runCli(["validate", "seances/**/*.yaml"], { cwd: dir })).toMatchObject({ code: 0, stdout: "No problems found in 2 files.\n" });
    const build = runCli(["build", "seances/2024-03-12.yaml", "seances/2024-04-09.yaml", "--documents", "extract", "--out", "out"], { cwd: dir });
    expect(build.code).toBe(0);
    expect(runCli(["verify", "out/2024-01.pdf"], { cwd: dir }).code).toBe(0);

    // A gap in the numbering is caught across the files.
    writeFileSync(join(dir, "seances/2024-04-09.yaml"), second.replace('number: "2024-02"', 'number: "2024-03"'));
    const gap = runCli(["validate", "seances/**/*.yaml", "--format", "short"], { cwd: dir });
    expect(gap.code).toBe(1);
    expect(gap.stdout).toContain("error DLB3703: the numbers of 2024 jump from 2024-01 to 2024-03: 2024-02 is missing");
  });
});
