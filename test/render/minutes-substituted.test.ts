// The procès-verbal lists a titulaire replaced by a suppléant with the agreement of her name:
// « Mme Ghislaine QUEYRAS, suppléée par M. Robert RICHAUD » (examples/cc-pays-de-vaurenne, with
// Mme QUEYRAS's suppléant sitting for her).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/run-cli.js";

describe("a titulaire replaced by a suppléant, in the procès-verbal", () => {
  it("agrees with the titulaire", async () => {
    const out = mkdtempSync(join(tmpdir(), "delib-substituted-"));
    const example = readFileSync(join(repoRoot, "examples/cc-pays-de-vaurenne/2024-06-20.yaml"), "utf8");
    const text0 = example.replace(/^ {2}queyras: present$/m, "  queyras: { substituted_by: richaud }");
    expect(text0).not.toBe(example);
    writeFileSync(join(out, "s.yaml"), text0);
    const run = await runCli(["build", "s.yaml", "--format", "html", "--documents", "minutes", "--out", "out"], { cwd: out });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const text = readFileSync(join(out, "out/proces-verbal-2024-06-20.html"), "utf8").replace(/<\/?span[^>]*>/g, "").replace(/<[^>]+>/g, " ").replace(/[\s\u00a0\u202f]+/g, " ");
    expect(text).toContain("Mme Ghislaine QUEYRAS, suppléée par M. Robert RICHAUD");
    expect(text).toContain("M. Noël NICOLAS, suppléé par Mme Odile PASCAL");
  });
});
