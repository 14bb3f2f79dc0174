// SOURCE_DATE_EPOCH (reproducible-builds.org) dates every PDF when it is set. A value that is
// not a date a PDF can carry — beyond the year 9999, negative, a fraction, words — used to crash
// the print (Invalid time value, exit 4). The specification asks a build to stop rather than
// guess: delib says what is wrong and what to set, prints and writes nothing (DLB4030, exit 3).
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pdfDocumentDate, sourceDateEpochProblem } from "../../src/output/document-date.js";
import { repoRoot, runCli } from "../support/run-cli.js";

const session = join(repoRoot, "examples/vernoux-la-foret/2024-04-09.yaml");

describe("SOURCE_DATE_EPOCH", () => {
  it.each(["99999999999999999", "253402300800", "-1", "1.5", "demain", "0x10"])("%s is refused before anything is printed or written", async (value) => {
    const out = mkdtempSync(join(tmpdir(), "delib-sde-"));
    const run = await runCli(["build", session, "--out", out], { env: { SOURCE_DATE_EPOCH: value } });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`error DLB4030: SOURCE_DATE_EPOCH is \`${value}\`, which is not a date a PDF can carry`);
    expect(run.stderr).toContain("hint: set SOURCE_DATE_EPOCH to a whole number of seconds");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out)).toEqual([]);
  });

  it("the last second of the year 9999 and an unset or empty value are used as dates", () => {
    expect(sourceDateEpochProblem({ SOURCE_DATE_EPOCH: "253402300799" })).toBeUndefined();
    expect(pdfDocumentDate("2024-04-09", { SOURCE_DATE_EPOCH: "253402300799" }).toISOString()).toBe("9999-12-31T23:59:59.000Z");
    expect(pdfDocumentDate("2024-04-09", { SOURCE_DATE_EPOCH: "" }).toISOString()).toBe("2024-04-09T00:00:00.000Z");
    expect(pdfDocumentDate("2024-04-09", {}).toISOString()).toBe("2024-04-09T00:00:00.000Z");
    expect(sourceDateEpochProblem({})).toBeUndefined();
  });

  it("an HTML build does not read it: it is not refused there", async () => {
    const out = mkdtempSync(join(tmpdir(), "delib-sde-"));
    const run = await runCli(["build", session, "--format", "html", "--out", out], { env: { SOURCE_DATE_EPOCH: "demain" } });
    expect(run.code).toBe(0);
    expect(readdirSync(out).length).toBeGreaterThan(0);
  });
});

describe("SOURCE_DATE_EPOCH in the other printing commands", () => {
  it("register refuses it too, before the browser starts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "delib-sde-"));
    const run = await runCli(["register", "--year", "2024", session, "--out", join(dir, "registre.pdf")], { env: { SOURCE_DATE_EPOCH: "-1" } });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("error DLB4030");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("build --watch refuses it at once, rather than at each build", async () => {
    const dir = mkdtempSync(join(tmpdir(), "delib-sde-"));
    const run = await runCli(["build", "--watch", session, "--out", dir], { env: { SOURCE_DATE_EPOCH: "1e9" } });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("error DLB4030");
    expect(readdirSync(dir)).toEqual([]);
  });
});
