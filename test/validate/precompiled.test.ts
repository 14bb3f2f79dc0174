// The built delib validates with precompiled validators (scripts/build-validators.mjs); the
// sources, in these tests, compile the schema at run time. Both must say exactly the same: the
// binary here is built from the current source for this run (test/support/installation.ts).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { lineColumn } from "../../src/diagnostics/line-index.js";
import { en } from "../support/english.js";
import { BUILD_TIMEOUT } from "../support/installation.js";
import { repoRoot, spawnCli } from "../support/run-cli.js";

const dir = join(repoRoot, "test/fixtures/invalid");
const files = readdirSync(dir).filter((f) => f.startsWith("schema-")).sort();

describe("precompiled and run-time schema validators", () => {
  it("give identical diagnostics on every schema fixture", { timeout: BUILD_TIMEOUT }, async () => {
    expect(files.length).toBeGreaterThan(10);
    const run = await spawnCli(["validate", "--format", "json", ...files.map((f) => join(dir, f))]);
    expect(run.code).toBe(1);
    const built = (JSON.parse(run.stdout) as { file: string; line: number; column: number; code: string; message: string; hints: string[] }[]).map(
      (d) => `${d.file.split("/").pop()}:${d.line}:${d.column} ${d.code} ${d.message} | ${d.hints.join(" | ")}`,
    );
    const fromSources = files.flatMap((f) => {
      const text = readFileSync(join(dir, f), "utf8");
      return checkText({ path: f, text }).diagnostics.map((d) => {
        const { line, column } = lineColumn(text, d.span!.start);
        return `${f}:${line}:${column} ${d.code} ${en(d.message)} | ${d.hints.map(en).join(" | ")}`;
      });
    });
    expect(built).toEqual(fromSources);
  });
});
