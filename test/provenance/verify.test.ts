// Provenance and `delib verify`, in real git repositories made in temporary folders.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readPrintedRecord } from "../../src/provenance/verify.js";
import { repoRoot, runCli } from "../support/run-cli.js";

const example = join(repoRoot, "examples/nord-pas-de-calais-numerique/2021-05-18.yaml");

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_DATE: "2021-05-20T10:00:00Z", GIT_COMMITTER_DATE: "2021-05-20T10:00:00Z" } }).trim();
}

function newRepository(): string {
  const root = mkdtempSync(join(tmpdir(), "delib-git-"));
  git(root, "init", "-q", "-b", "main");
  git(root, "config", "user.email", "greffe@example.org");
  git(root, "config", "user.name", "Greffe");
  mkdirSync(join(root, "seances"));
  copyFileSync(example, join(root, "seances/2021-05-18.yaml"));
  git(root, "add", ".");
  git(root, "commit", "-q", "-m", "Séance du 18 mai 2021");
  return root;
}

describe("provenance and delib verify", () => {
  let root: string;
  let pdf: string;
  let printedFrom: string;

  beforeAll(async () => {
    root = newRepository();
    printedFrom = git(root, "rev-parse", "HEAD");
    const run = await runCli(["build", "seances/2021-05-18.yaml", "--documents", "extract", "--out", "out"], { cwd: root });
    expect(run.code).toBe(0);
    pdf = join(root, "out/2021-06.pdf");
  });

  it("prints the source, its commit and its hash in the footer and the metadata", async () => {
    const record = readPrintedRecord(readFileSync(pdf));
    expect(record).toMatchObject({ kind: "extract", number: "2021-06", source: "seances/2021-05-18.yaml", commit: printedFrom });
    expect(record.sourceHash).toMatch(/^[0-9a-f]{64}$/);
    const html = readFileSync(join(root, "out/2021-06.html"), "utf8");
    expect(html).toContain(`Source : seances/2021-05-18.yaml, version ${printedFrom.slice(0, 12)} — empreinte ${record.sourceHash!.slice(0, 16)}`);
  });

  it("records the same provenance when the file is found through a glob or a folder", async () => {
    for (const [argument, out] of [["seances/*.yaml", "out-glob"], ["seances", "out-folder"]] as const) {
      const run = await runCli(["build", argument, "--documents", "extract", "--out", out], { cwd: root });
      expect(run.code, argument).toBe(0);
      expect(readPrintedRecord(readFileSync(join(root, out, "2021-06.pdf"))), argument).toMatchObject({ source: "seances/2021-05-18.yaml", commit: printedFrom });
      expect((await runCli(["verify", `${out}/2021-06.pdf`], { cwd: root })).code, argument).toBe(0);
    }
  });

  it("says the document is what the source at HEAD produces", async () => {
    const run = await runCli(["verify", "out/2021-06.pdf"], { cwd: root });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("source at HEAD: unchanged");
    expect(run.stdout).toContain("document at HEAD: the same as printed");
  });

  it("catches a deliberation changed after the fact, and names the commit", async () => {
    const file = join(root, "seances/2021-05-18.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("      for: 2\n      against: 0\n      abstentions: 0", "      for: 1\n      against: 0\n      abstentions: 1"));
    git(root, "commit", "-q", "-am", "Corriger le vote de la délibération 2021-06");
    const changed = git(root, "rev-parse", "HEAD");
    const run = await runCli(["verify", "out/2021-06.pdf"], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("source at HEAD: changed since it was printed");
    expect(run.stdout).toContain("document at HEAD: DIFFERENT from what was printed");
    expect(run.stdout).toContain(`${changed.slice(0, 12)}  2021-05-20  Corriger le vote de la délibération 2021-06`);

    const byNumber = await runCli(["verify", "2021-06"], { cwd: root });
    expect(byNumber.code).toBe(0);
    expect(byNumber.stdout).toContain("2021-06: in seances/2021-05-18.yaml");
    expect(byNumber.stdout).toContain("changed after it was adopted, by:");
    expect(byNumber.stdout).toContain(changed.slice(0, 12));
  });

  it("ignores a commit that touches the file but not the deliberation", async () => {
    const repo = newRepository();
    const file = join(repo, "seances/2021-05-18.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("# Comité syndical of 18 May 2021", "# Comité syndical du 18 mai 2021"));
    git(repo, "commit", "-q", "-am", "Commentaire");
    const run = await runCli(["verify", "2021-06"], { cwd: repo });
    expect(run.stdout).toContain("unchanged since it was adopted into the register");
  });

  it("degrades to a clear message outside git, and warns in a shallow clone", async () => {
    const plain = mkdtempSync(join(tmpdir(), "delib-nogit-"));
    copyFileSync(pdf, join(plain, "2021-06.pdf"));
    const outside = await runCli(["verify", "2021-06.pdf"], { cwd: plain });
    expect(outside.code).toBe(3);
    expect(outside.stderr).toContain("error DLB4010: this folder is not in a git repository");

    const shallow = join(mkdtempSync(join(tmpdir(), "delib-shallow-")), "clone");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${root}`, shallow]);
    copyFileSync(pdf, join(shallow, "2021-06.pdf"));
    const run = await runCli(["verify", "2021-06.pdf"], { cwd: shallow });
    expect(run.stderr).toContain("warning DLB4011: this is a shallow clone");
    expect(run.stdout).toContain("source at HEAD: changed since it was printed");
  });
});
