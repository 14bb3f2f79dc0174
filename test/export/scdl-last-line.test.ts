// The export's last line of defence: every row is checked against the SCDL schema before a byte
// is written, even rows that the checks before it should never let through. Rows are made here
// from a real checked register whose count is then tampered with, as a bug upstream would, and
// the export must refuse them with a located diagnostic: a title left blank (DLB6010) and vote
// counts that are not counts (DLB6009).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSessions } from "../../src/check.js";
import { scdlRows, type ScdlSession } from "../../src/export/scdl.js";
import { en } from "../support/english.js";
import { config, marcilly, register } from "./temp-register.js";

async function sessions(): Promise<ScdlSession[]> {
  const dir = register({ "delib.config.yaml": config, "seances/2023-12-12.yaml": marcilly() });
  const checked = await checkSessions(["seances/2023-12-12.yaml"], { cwd: dir });
  expect(checked.diagnostics).toEqual([]);
  expect(join(dir, "delib.config.yaml")).toBe(checked.files[0]!.config.path);
  return checked.files.map((f) => ({ outcome: structuredClone(f.outcome!), source: f.parsed!, config: f.config }));
}

describe("rows the schema refuses are never written", () => {
  it("the untouched register exports", async () => {
    const rows = scdlRows(await sessions());
    expect(rows.diagnostics).toEqual([]);
    expect(rows.value!.length).toBeGreaterThan(0);
  });

  it("a blank title (DELIB_OBJET): DLB6010 at the motion's title", async () => {
    const s = await sessions();
    (s[0]!.outcome.session.motions[0] as { title: string }).title = "  ";
    const rows = scdlRows(s);
    expect(rows.value).toBeUndefined();
    const found = rows.diagnostics.filter((d) => d.code === "DLB6010");
    expect(found).toHaveLength(1);
    expect(en(found[0]!.message)).toMatch(/DELIB_OBJET/);
    expect(found[0]!.span?.file.path).toBe("seances/2023-12-12.yaml");
  });

  it("a vote count that is not a count (VOTE_POUR): DLB6009 at the motion's vote", async () => {
    const s = await sessions();
    const voted = s[0]!.outcome.motions.find((m) => m.vote !== undefined)!;
    (voted.vote as { for: number }).for = -1;
    const rows = scdlRows(s);
    expect(rows.value).toBeUndefined();
    const found = rows.diagnostics.filter((d) => d.code === "DLB6009");
    expect(found.map((d) => en(d.message))).toEqual([expect.stringMatching(/VOTE_POUR `-1` is not a whole number/)]);
    expect(found[0]!.span?.file.path).toBe("seances/2023-12-12.yaml");
  });
});
