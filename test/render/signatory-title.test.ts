// Without a capacity, the signatory signs under the executive's title for the kind of body,
// agreeing with the signer: « La Maire » for Mme the maire of a commune (issue 11).
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

async function initAndBuild(kind: string, assembly: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "delib-title-"));
  const init = await runCli(["init", "registre", "--name", "Commune de Saint-Amand-sur-Ornain", "--kind", kind, "--assembly", assembly, "--date", "2025-03-12"], { cwd: dir });
  expect(init.code).toBe(0);
  const root = join(dir, "registre");
  const build = await runCli(["build", "seances/2025-03-12.yaml", "--format", "html", "--documents", "extract", "--out", "out"], { cwd: root });
  expect(build.stderr).toBe("");
  expect(build.code).toBe(0);
  const file = build.stdout.trim().split("\n")[0]!.replace(/^wrote /, "");
  return readFileSync(join(root, file), "utf8").replace(/<[^>]+>/g, " ").replace(/[\s\u00a0\u202f]+/g, " ");
}

describe("the signatory's title", () => {
  it("a commune's first sitting, signed by Mme the maire: « La Maire, »", async () => {
    const text = await initAndBuild("commune", "conseil municipal");
    expect(text).toContain("La Maire, Sophie MARTIN");
    expect(text).not.toContain("Le Président");
  });

  it("an EPCI's, signed by its présidente: « La Présidente, »", async () => {
    const text = await initAndBuild("epci", "conseil communautaire");
    expect(text).toContain("La Présidente, Sophie MARTIN");
  });
});
