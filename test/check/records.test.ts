// Real published records, transcribed as printed (test/fixtures/records/, each file citing its
// source): each anomaly is found from its file alone, with the right article, and a correct
// record raises no finding. The register of real sittings is audited whole.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/run-cli.js";

const records = join(repoRoot, "test/fixtures/records");

interface Audit {
  files: number;
  findings: { file: string; code: string; article: string; consequence: string; couldChangeOutcome: boolean | null }[];
  problems: { file: string; code: string }[];
}

async function audit(...paths: string[]): Promise<{ code: number; report: Audit }> {
  const run = await runCli(["audit", ...paths, "--format", "json"]);
  return { code: run.code!, report: JSON.parse(run.stdout) as Audit };
}

const anomalies: Record<string, [code: string, article: string][]> = {
  // « Majorité absolue : 11 » printed for 33 votants: the sanitary quorum taken for a majority.
  "a-majorite-absolue-quorum-covid-pornic-2021-03-26.yaml": [["DLB3011", "CGCT L2121-20"]],
  // A holder with two proxies in ordinary times: the second is not counted.
  "b-deux-pouvoirs-hors-covid-barneville-carteret-2010-10-25.yaml": [["DLB3020", "CGCT L2121-20"]],
  // A resigned member listed, and counted in the printed « en exercice ».
  "c-demissionnaire-compte-en-exercice-barneville-carteret-2008-04-07.yaml": [
    ["DLB3080", "CGCT L2121-4"],
    ["DLB3011", "CGCT L2121-17"],
  ],
  // A resigned member listed among the absents.
  "d-demissionnaire-parmi-les-absents-barneville-carteret-2008-04-07.yaml": [["DLB3080", "CGCT L2121-4"]],
  // Members in office missing from the lists.
  "e-membres-manquants-barneville-carteret-2007-03-19.yaml": [["DLB3083", "CGCT L2121-17"]],
};

describe("real records with an anomaly", () => {
  for (const [file, expected] of Object.entries(anomalies)) {
    it(file, async () => {
      const { code, report } = await audit(join(records, "anomalies", file));
      expect(report.problems).toEqual([]);
      expect(report.findings.map((f) => [f.code, f.article])).toEqual(expected);
      for (const f of report.findings) {
        expect(f.consequence.length).toBeGreaterThan(10);
        expect([true, false, null]).toContain(f.couldChangeOutcome);
      }
      expect(code).toBe(1);
    });
  }
});

describe("real records without an anomaly", () => {
  it("raise no finding", async () => {
    const { code, report } = await audit(join(records, "correct"));
    expect(report.files).toBeGreaterThanOrEqual(3);
    expect(report.findings).toEqual([]);
    expect(report.problems).toEqual([]);
    expect(code).toBe(0);
  });
});

describe("the register of real sittings", () => {
  it("is audited whole: its findings are the records' own irregularities, its problems the format's known gap", async () => {
    const { report } = await audit(join(records, "register"));
    expect(report.files).toBeGreaterThanOrEqual(40);
    // Barneville-Carteret, 18 July 2005: M. MESLIN's proxy « for a fourth consecutive sitting »
    // (DLB3705, an irregular fact since proxies over their sittings are audited); the four files
    // are consecutive in an incomplete register only (test/fixtures/records/README.md).
    // Viens, 5 April 2022: « le Maire ne prend pas part au vote » of his compte administratif,
    // without leaving the room or handing over the chair (CGCT L2121-14).
    expect(report.findings.map((f) => [f.file.split("/").slice(-2).join("/"), f.code, f.article])).toEqual([
      ["barneville-carteret/2005-07-18.yaml", "DLB3705", "CGCT L2121-20"],
      ["viens/2022-04-05.yaml", "DLB3036", "CGCT L2121-14"],
      ["viens/2022-04-05.yaml", "DLB3037", "CGCT L2121-14"],
    ]);
    // Ménerval prints surnames only: the format needs first names (a gap the README records).
    expect([...new Set(report.problems.map((p) => `${p.file.split("/").slice(-2, -1)[0]} ${p.code}`))]).toEqual(["menerval DLB2001"]);
  });
});
