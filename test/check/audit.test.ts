// `delib audit`: transcribed records read as printed, every finding with its article, its
// consequence and whether it could have changed an outcome; exit 1 when there is one.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/run-cli.js";

const fixtures = join(repoRoot, "test/fixtures/invalid");

describe("delib audit", () => {
  it("finds nothing in the examples, which are correct records", async () => {
    const run = await runCli(["audit", "examples/**/*.yaml"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^No finding in \d+ files\.\n$/);
    expect(run.code).toBe(0);
  });

  it("reports a holder with two proxies in ordinary times, and whether it mattered", async () => {
    const file = join(fixtures, "rule-two-proxies-common-law.yaml");
    const run = await runCli(["audit", file, "--format", "json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { files: number; findings: { code: string; article: string; consequence: string; couldChangeOutcome: boolean | null; line: number }[]; problems: unknown[] };
    expect(report.files).toBe(1);
    expect(report.problems).toEqual([]);
    expect(report.findings).toEqual([
      expect.objectContaining({ code: "DLB3020", article: "CGCT L2121-20", consequence: expect.stringMatching(/not counted/), line: 41 }),
    ]);
    expect(typeof report.findings[0]!.couldChangeOutcome).toBe("boolean");
  });

  it("prints a table a person reads: where, code, could it change an outcome, what, and why", async () => {
    const file = join(fixtures, "rule-two-proxies-common-law.yaml");
    const run = await runCli(["audit", file]);
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^where\s+code\s+could change an outcome\s+finding$/);
    expect(lines[1]).toMatch(/rule-two-proxies-common-law\.yaml:41:27\s+DLB3020\s+(yes|no)\s+.*holds 2 proxies/);
    expect(lines[2]).toMatch(/^\s+CGCT L2121-20: the extra proxy is not counted/);
    expect(run.stdout).toMatch(/1 finding in 1 file: [01] could have changed an outcome\.\n$/);
  });

  it("says a file with a mistake could not be audited, and exits 1", async () => {
    const run = await runCli(["audit", join(fixtures, "rule-unknown-proxy-holder.yaml")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error DLB3/);
  });

  it("is the same finding whether the file says record: transcribed or not", async () => {
    const text = readFileSync(join(fixtures, "rule-two-proxies-common-law.yaml"), "utf8");
    const tmp = join(mkdtempSync(join(tmpdir(), "delib-audit-")), "transcribed.yaml");
    writeFileSync(tmp, text.replace("format: 1\n", "format: 1\nrecord: transcribed\n"));
    const marked = JSON.parse((await runCli(["audit", tmp, "--format", "json"])).stdout) as { findings: { code: string; consequence: string }[] };
    const plain = JSON.parse((await runCli(["audit", join(fixtures, "rule-two-proxies-common-law.yaml"), "--format", "json"])).stdout) as { findings: { code: string; consequence: string }[] };
    expect(marked.findings.map((f) => [f.code, f.consequence])).toEqual(plain.findings.map((f) => [f.code, f.consequence]));
  });
});
