// The fast path (js-yaml) and the full path (the yaml package) must read every file alike.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseYaml, parseYamlFully } from "../../src/source/parse-yaml.js";
import { repoRoot } from "../support/run-cli.js";

function yamlFiles(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => join(repoRoot, dir, f));
}

const files = [...yamlFiles("examples"), ...yamlFiles("test/fixtures"), ...yamlFiles("law")];

describe("parseYaml: the fast path and the full path agree", () => {
  it.each(files.map((f) => [f.slice(repoRoot.length)]))("%s", (relative) => {
    const text = readFileSync(join(repoRoot, relative), "utf8");
    const fast = parseYaml({ path: relative, text });
    const full = parseYamlFully({ path: relative, text });
    expect(fast.value?.data).toEqual(full.value?.data);
    expect(fast.diagnostics).toEqual(full.diagnostics);
  });

  it("agrees on generated scalars (numbers, dates, booleans-looking words, quotes)", () => {
    const scalar = fc.oneof(
      fc.constantFrom("2021-05-18", "2021-06", "06", "012", "0x1F", "0o17", "1e3", "1_000", "yes", "no", "on", "off", "true", "False", "~", "null", "Null", ".inf", "-.5", "+.5", "-0", "0b101", "+1", "1.", "3 500 €", "12:30"),
      fc.stringMatching(/^[A-Za-zéèàç0-9 .,'«»-]{1,20}$/),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z][a-z_]{0,8}$/), scalar, { maxKeys: 6 }), (entries) => {
        const text = Object.entries(entries).map(([k, v]) => `${k}: ${v}`).join("\n") + "\n";
        const fast = parseYaml({ path: "x.yaml", text });
        const full = parseYamlFully({ path: "x.yaml", text });
        expect(fast.value?.data).toEqual(full.value?.data);
        expect(fast.diagnostics.map((d) => d.code)).toEqual(full.diagnostics.map((d) => d.code));
      }),
      { numRuns: 1000 },
    );
  });
});
