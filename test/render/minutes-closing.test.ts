// The procès-verbal gives the hour the sitting closed as it gives the hour it opened: « 19 h 30 ».
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/run-cli.js";

const example = readFileSync(join(repoRoot, "examples/mirabel-les-vignes/2021-02-23.yaml"), "utf8");

function minutesText(closing: string): string {
  const dir = mkdtempSync(join(tmpdir(), "delib-closing-"));
  const text = example.replace(/^( {2}convened_on: .*)$/m, `$1\n  closing_time: "${closing}"`);
  expect(text).toContain(`closing_time: "${closing}"`);
  writeFileSync(join(dir, "s.yaml"), text);
  return dir;
}

describe("the closing hour", () => {
  for (const [time, words] of [["19:30", "19 h 30"], ["21:00", "21 h"], ["09:05", "9 h 05"]] as const) {
    it(`${time} is printed « ${words} »`, async () => {
      const dir = minutesText(time);
      const run = await runCli(["build", "s.yaml", "--format", "html", "--documents", "minutes", "--out", "out"], { cwd: dir });
      expect(run.code).toBe(0);
      const html = readFileSync(join(dir, "out/proces-verbal-2021-02-23.html"), "utf8").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
      expect(html.replace(/\u00a0|\u202f/g, " ")).toContain(`La séance est levée à ${words}.`);
    });
  }
});
