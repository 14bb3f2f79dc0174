// Limits a clerk never meets and an attacker always does (issue 13, part 2): each refused with a
// located diagnostic before the schema, the count and the rules; the same answer on the fast
// path (js-yaml) and the full one (the yaml package), alone or among hundreds of files in the
// checking threads; raised in delib.config.yaml for a body that needs more.
import { closeSync, mkdtempSync, mkdirSync, openSync, readFileSync, writeFileSync, ftruncateSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check-file.js";
import { checkSessions } from "../../src/check.js";
import type { Diagnostic, SourceFile } from "../../src/diagnostics/diagnostic.js";
import { lineColumn } from "../../src/diagnostics/line-index.js";
import { defaultLimits, MEGABYTE } from "../../src/source/limits.js";
import { loadSourceSync } from "../../src/source/load-source.js";
import { parseYaml, parseYamlFully } from "../../src/source/parse-yaml.js";
import { en } from "../support/english.js";

const example = readFileSync(new URL("../../examples/nord-pas-de-calais-numerique/2021-05-18.yaml", import.meta.url), "utf8");

function scratch(): string {
  return mkdtempSync(join(tmpdir(), "delib-limits-"));
}

/** "DLB1021 at 1:65" for each diagnostic. */
function where(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => {
    if (!d.span) return `${d.code} nowhere`;
    const { line, column } = lineColumn(d.span.file.text, d.span.start);
    return `${d.code} at ${line}:${column}`;
  });
}

/** The diagnostics of parsing `text` by the fast path and by the full one, which must agree. */
function parsedBothWays(text: string): string[] {
  const file: SourceFile = { path: "s.yaml", text };
  const fast = where(parseYaml(file).diagnostics);
  expect(where(parseYamlFully(file).diagnostics)).toEqual(fast);
  return fast;
}

/** `count` motions, one per entry, in block form: the session's motions are replaced. */
function withMotions(count: number): string {
  const head = example.slice(0, example.indexOf("\nmotions:\n") + 1);
  return `${head}motions:\n${Array.from({ length: count }, (_, i) => `  - number: "2021-${i + 1}"\n    title: Point ${i + 1}\n`).join("")}`;
}

describe("nesting depth", () => {
  // 32 levels: the root block is the first, each `- ` one more.
  const compact = (levels: number) => `${"- ".repeat(levels)}a\n`;
  const flow = (levels: number) => `x: ${"[".repeat(levels - 1)}${"]".repeat(levels - 1)}\n`;
  const indented = (levels: number) => Array.from({ length: levels }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n") + " end\n";

  it("allows the limit and refuses one level more, where it is crossed", () => {
    expect(parsedBothWays(compact(32))).toEqual([]);
    expect(parsedBothWays(compact(33))).toEqual(["DLB1021 at 1:65"]);
    expect(parsedBothWays(flow(32))).toEqual([]);
    expect(parsedBothWays(flow(33))).toEqual(["DLB1021 at 1:35"]);
    expect(parsedBothWays(indented(32))).toEqual([]);
    expect(parsedBothWays(indented(33))).toEqual(["DLB1021 at 33:33"]);
  });

  it("refuses 10,000 levels in every shape with the same place as 33 (no stack overflow, no syntax error)", () => {
    expect(parsedBothWays(compact(10_000))).toEqual(["DLB1021 at 1:65"]);
    expect(parsedBothWays(flow(10_000))).toEqual(["DLB1021 at 1:35"]);
    expect(parsedBothWays(`x: ${"{a: ".repeat(9_999)}1${"}".repeat(9_999)}\n`)).toEqual(["DLB1021 at 1:128"]);
    expect(parsedBothWays(indented(3_000))).toEqual(["DLB1021 at 33:33"]);
    // A syntax error before the depth does not hide it: the full parser is never let recurse.
    expect(parsedBothWays(`a: b: c\n${compact(10_000)}`)).toEqual(["DLB1021 at 2:65"]);
  });

  it("says what to do, in English and in French", () => {
    const [d] = parseYaml({ path: "s.yaml", text: compact(40) }).diagnostics;
    expect(en(d!.message)).toBe("lists and blocks are nested more than 32 levels deep here");
    expect(d!.hints.map(en).join("\n")).toContain("`limits: { nesting_depth: 64 }` in delib.config.yaml, up to 128");
  });
});

describe("counts", () => {
  it("allows 2,000 motions and refuses the 2,001st, at its place", () => {
    expect(where(checkText({ path: "s.yaml", text: withMotions(2000) }).diagnostics).filter((d) => d.startsWith("DLB102"))).toEqual([]);
    const text = withMotions(2001);
    const line = text.split("\n").findIndex((l) => l.includes(`"2021-2001"`)) + 1;
    const result = checkText({ path: "s.yaml", text });
    expect(where(result.diagnostics)).toEqual([`DLB1022 at ${line}:5`]);
    expect(en(result.diagnostics[0]!.message)).toBe("this file has more than 2,000 motions: this one is beyond the limit");
    // Nothing after the limit runs: no schema, no count.
    expect(result.session).toBeUndefined();
  });

  it("refuses a million motions in flow form, at the 2,001st, the same by both parsers", () => {
    const text = `format: 1\nmotions: [${Array.from({ length: 1_000_000 }, () => "{}").join(", ")}]\n`;
    expect(parsedBothWays(text)).toEqual([`DLB1022 at 2:${11 + 2000 * 4}`]);
  });

  it("refuses the 1,001st member and the 2,001st entry of any other list", () => {
    const members = `format: 1\nmembers:\n${Array.from({ length: 1001 }, (_, i) => `  - { id: m${i} }\n`).join("")}`;
    expect(parsedBothWays(members)).toEqual(["DLB1023 at 1003:5"]);
    const attendance = `format: 1\nattendance:\n${Array.from({ length: 2001 }, (_, i) => `  m${i}: present\n`).join("")}`;
    expect(parsedBothWays(attendance)).toEqual(["DLB1025 at 2003:3"]);
  });
});

describe("text length", () => {
  it("allows 200,000 characters in one text and refuses one more, at the text", () => {
    const text = (length: number) => `format: 1\nmotions:\n  - number: "1"\n    preamble: ${"a".repeat(length)}\n`;
    expect(parsedBothWays(text(200_000))).toEqual([]);
    expect(parsedBothWays(text(200_001))).toEqual(["DLB1024 at 4:15"]);
    const [d] = parseYaml({ path: "s.yaml", text: text(250_000) }).diagnostics;
    expect(en(d!.message)).toBe("this text has 250,000 characters, more than the 200,000 one text may have");
  });
});

describe("file size", () => {
  it("refuses a file larger than the limit before reading it, at 1:1", () => {
    const dir = scratch();
    const path = join(dir, "big.yaml");
    // 100 MB of nothing: a sparse file, instant to make; read, it would take 100 MB.
    const fd = openSync(path, "w");
    ftruncateSync(fd, 100 * MEGABYTE);
    closeSync(fd);
    const loaded = loadSourceSync(path);
    expect(loaded.value).toBeUndefined();
    expect(where(loaded.diagnostics)).toEqual(["DLB1020 at 1:1"]);
    expect(en(loaded.diagnostics[0]!.message)).toBe("this file weighs 100 MB, more than the 10 MB a session file may weigh: it was not read");
  });

  it("holds a text given as it is to the same size", () => {
    const result = checkText({ path: "s.yaml", text: `a: ${"x".repeat(defaultLimits.fileSize)}\n` });
    expect(where(result.diagnostics)).toEqual(["DLB1020 at 1:1"]);
  });
});

describe("raised in delib.config.yaml", () => {
  it("reads a register's files within its own limits, and its other files within delib's", async () => {
    const dir = scratch();
    mkdirSync(join(dir, "big"));
    writeFileSync(join(dir, "big", "delib.config.yaml"), "format: 1\nlimits:\n  motions: 3000\n  nesting_depth: 40\n");
    writeFileSync(join(dir, "big", "s.yaml"), withMotions(2001));
    writeFileSync(join(dir, "s.yaml"), withMotions(2001));
    const checked = await checkSessions(["big/s.yaml", "s.yaml"], { cwd: dir });
    const codes = (i: number) => checked.files[i]!.diagnostics.map((d) => d.code).filter((c) => /^DLB102/.test(c));
    expect(codes(0)).toEqual([]);
    expect(codes(1)).toEqual(["DLB1022"]);
  });

  it("refuses a nesting limit that could exhaust the stack", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "delib.config.yaml"), "format: 1\nlimits:\n  nesting_depth: 5000\n");
    writeFileSync(join(dir, "s.yaml"), example);
    const checked = await checkSessions(["s.yaml"], { cwd: dir });
    expect(checked.diagnostics.map((d) => `${d.code} ${en(d.message)}`)).toEqual(["DLB2009 `nesting_depth` is not valid (must be <= 128)"]);
  });
});
