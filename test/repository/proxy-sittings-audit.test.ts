// A proxy over more than its consecutive sittings (DLB3705) is an irregular fact of the sitting:
// `delib audit` lists it with its article and what delib did.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsYaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";
import { session } from "../support/session-builder.js";

/** A register of four sittings in a row where `m5` is represented by `m1` at each. */
function register(): string {
  const root = mkdtempSync(join(tmpdir(), "delib-register-"));
  writeFileSync(join(root, "delib.config.yaml"), jsYaml.dump({ format: 1, body: { name: "Commune de Test", kind: "commune", assembly: "conseil municipal" } }));
  for (let i = 1; i <= 4; i++) {
    const date = `2021-0${i}-10`;
    const b = session().members(5).on(date).proxy("m5", "m1");
    b.vote({ for: 5, against: 0 }).with((d) => (d.motions[0]!.number = `2021-0${i}`));
    writeFileSync(join(root, `${date}.yaml`), jsYaml.dump(b.build(), { schema: jsYaml.CORE_SCHEMA }));
  }
  return root;
}

describe("a proxy beyond its consecutive sittings, audited", () => {
  it("is a finding with its article and consequence", async () => {
    const run = await runCli(["audit", "--format", "json"], { cwd: register() });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { file: string; code: string; article: string; consequence: string; couldChangeOutcome: boolean | null }[]; problems: unknown[] };
    expect(report.problems).toEqual([]);
    expect(report.findings).toEqual([
      expect.objectContaining({ code: "DLB3705", article: "CGCT L2121-20", consequence: expect.stringMatching(/counts the proxy as the record gives it/), couldChangeOutcome: null }),
    ]);
    expect(report.findings[0]!.file).toMatch(/2021-04-10\.yaml$/);
  });
});
