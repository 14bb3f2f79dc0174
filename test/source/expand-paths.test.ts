// The paths a command is given, as clerks name their folders: spaces, accents, and the
// parentheses and brackets a pattern would read as its own.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expandPaths } from "../../src/source/expand-paths.js";
import { en, french } from "../support/english.js";

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "delib-expand-"));
  for (const file of [
    "Conseil municipal/séances 2024/séance du 12 mars.yaml",
    "Conseil municipal/séances 2024/séance du 9 avril.yaml",
    "Conseil municipal/séances 2024/delib.config.yaml",
    "Séances (2023) [archives]/séance du 5 décembre.yaml",
    "Séances (2023) [archives]/notes.txt",
    "CM {ancien}/séance [reportée].yaml",
  ]) {
    mkdirSync(join(root, file, ".."), { recursive: true });
    writeFileSync(join(root, file), "format: 1\n");
  }
});

function expanded(...args: string[]): string[] {
  const result = expandPaths(args, root);
  expect(result.diagnostics.map((d) => en(d.message))).toEqual([]);
  return result.value!;
}

describe("expandPaths", () => {
  it("expands a pattern with spaces and accents", () => {
    expect(expanded("Conseil municipal/séances 2024/*.yaml")).toEqual([
      "Conseil municipal/séances 2024/delib.config.yaml",
      "Conseil municipal/séances 2024/séance du 12 mars.yaml",
      "Conseil municipal/séances 2024/séance du 9 avril.yaml",
    ]);
    expect(expanded("Conseil municipal/**/séance du 12 *.yaml")).toEqual(["Conseil municipal/séances 2024/séance du 12 mars.yaml"]);
  });

  it("takes a folder's session files, whatever characters its name holds", () => {
    expect(expanded("Conseil municipal")).toEqual([
      "Conseil municipal/séances 2024/séance du 12 mars.yaml",
      "Conseil municipal/séances 2024/séance du 9 avril.yaml",
    ]);
    expect(expanded("Séances (2023) [archives]")).toEqual(["Séances (2023) [archives]/séance du 5 décembre.yaml"]);
    expect(expanded("CM {ancien}/")).toEqual(["CM {ancien}/séance [reportée].yaml"]);
    expect(expanded(join(root, "Séances (2023) [archives]"))).toEqual([join(root, "Séances (2023) [archives]", "séance du 5 décembre.yaml").split("\\").join("/")]);
  });

  it("takes a file that exists as written, even when its name looks like a pattern", () => {
    expect(expanded("CM {ancien}/séance [reportée].yaml")).toEqual(["CM {ancien}/séance [reportée].yaml"]);
    expect(expanded("Conseil municipal/séances 2024/séance du 12 mars.yaml")).toEqual(["Conseil municipal/séances 2024/séance du 12 mars.yaml"]);
  });

  it("keeps a plain path that does not exist, for the reading to report", () => {
    expect(expanded("séance du 31 février.yaml")).toEqual(["séance du 31 février.yaml"]);
  });

  it("reports a pattern that matches nothing, in both languages", () => {
    const result = expandPaths(["séances/*.yml"], root);
    expect(result.value).toEqual([]);
    const [d] = result.diagnostics;
    expect(d!.code).toBe("DLB1013");
    expect(en(d!.message)).toBe("no file matches `séances/*.yml`");
    expect(french.text(d!.message)).toBe("aucun fichier ne correspond à `séances/*.yml`");
    expect(french.text(d!.hints[0]!)).toContain("vérifier le motif");
  });
});
