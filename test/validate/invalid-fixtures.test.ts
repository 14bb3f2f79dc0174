// The fixture suite, in the style of typst's tests/suite: each file under
// test/fixtures/invalid/ is a small session file whose leading comment lines state the
// diagnostics it must produce, one per line:
//
//   # expect: error DLB3003 at 12:5
//   # expect: error DLB2002 at 14:3 ~ did you mean `convened_on`?
//
// that is severity, code and the line:column (1-based) of the span's start, then, after an
// optional ` ~ `, text that the message or one of the hints must contain. The diagnostics
// produced must be exactly these (a missing or an extra one fails).
//
// A fixture may also carry `# currently:` lines, in the same form: the tool is known to get
// that file wrong today, the `expect` lines say what it should report and the `currently`
// lines what it reports. The test then checks the `currently` lines, so a regression still
// fails, and it fails too once the tool is fixed: delete the `currently` lines then.
//
// Every session file under examples/ must produce no diagnostic at all.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkSessions } from "../../src/check.js";
import type { Diagnostic, SourceFile } from "../../src/diagnostics/diagnostic.js";
import { lineColumn } from "../../src/diagnostics/line-index.js";
import { en, english, french } from "../support/english.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const INVALID = join(ROOT, "test", "fixtures", "invalid");
const EXAMPLES = join(ROOT, "examples");

interface Expectation {
  /** "error DLB3003 at 12:5" */
  readonly key: string;
  /** Text the message or a hint must contain, when given. */
  readonly text: string | undefined;
  readonly line: number;
}

interface Fixture {
  readonly name: string;
  readonly source: SourceFile;
  readonly expect: readonly Expectation[];
  readonly currently: readonly Expectation[];
  /** A misplaced or malformed expectation line, reported by the fixture's test. */
  readonly problems: readonly string[];
}

const DIRECTIVE = /^#\s*(expect|currently)\b/;
const EXPECTATION =
  /^#\s*(expect|currently):\s+(error|warning)\s+(DLB\d{4})\s+at\s+(\d+):(\d+)(?:\s+~\s+(\S.*?))?\s*$/;

/** Reads the `# expect:` and `# currently:` lines of the leading comment block. */
function parseFixture(path: string): Fixture {
  const text = readFileSync(path, "utf8");
  const source: SourceFile = { path: relative(ROOT, path), text };
  const lines = text.split(/\r\n|\r|\n/);
  const expectations: Record<"expect" | "currently", Expectation[]> = { expect: [], currently: [] };
  const problems: string[] = [];
  let header = true;
  lines.forEach((raw, index) => {
    const line = raw.trimEnd();
    if (header && !line.startsWith("#")) header = false;
    if (!DIRECTIVE.test(line.trimStart())) return;
    if (!header) {
      problems.push(`${source.path}:${index + 1}: expectation after the leading comment block`);
      return;
    }
    const match = EXPECTATION.exec(line);
    if (!match) {
      problems.push(`${source.path}:${index + 1}: malformed expectation: ${line}`);
      return;
    }
    const [, kind, severity, code, l, c, wanted] = match;
    expectations[kind as "expect" | "currently"].push({
      key: `${severity} ${code} at ${Number(l)}:${Number(c)}`,
      text: wanted,
      line: index + 1,
    });
  });
  return {
    name: relative(INVALID, path),
    source,
    expect: expectations.expect,
    currently: expectations.currently,
    problems,
  };
}

/** "error DLB3003 at 12:5", as a fixture writes it. */
function keyOf(d: Diagnostic): string {
  if (!d.span) return `${d.severity} ${d.code} at (no span)`;
  const { line, column } = lineColumn(d.span.file.text, d.span.start);
  return `${d.severity} ${d.code} at ${line}:${column}`;
}

/** Each diagnostic on one line, for failure messages. */
function describeAll(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${keyOf(d)} - ${en(d.message)} | ${d.hints.map(en).join(" | ")}`).join("\n");
}

function sorted(keys: readonly string[]): string[] {
  return [...keys].sort();
}

/** The files of a directory tree whose names end with one of `extensions`, sorted. */
function walk(dir: string, extensions: readonly string[]): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(path, extensions));
    else if (extensions.some((e) => entry.name.endsWith(e))) found.push(path);
  }
  return found.sort();
}

/** Every diagnostic explains itself, in French and in English. */
function expectExplained(diagnostics: readonly Diagnostic[]): void {
  for (const tr of [english, french]) {
    for (const d of diagnostics) {
      const where = `${keyOf(d)} (${en(d.message)}) in ${tr.language}`;
      expect(tr.text(d.message).trim(), `${where}: empty message`).not.toBe("");
      expect(d.hints.length, `${where}: no hint`).toBeGreaterThan(0);
      for (const hint of d.hints) expect(tr.text(hint).trim(), `${where}: empty hint`).not.toBe("");
      for (const related of d.related) expect(tr.text(related.message).trim(), `${where}: empty related message`).not.toBe("");
      if (d.irregularity) expect(tr.text(d.irregularity.consequence).trim(), `${where}: empty consequence`).not.toBe("");
    }
  }
}

/** The spans (main and related) that do not lie inside the file they came from, described. */
function spansOutside(source: SourceFile, diagnostics: readonly Diagnostic[]): string[] {
  const problems: string[] = [];
  for (const d of diagnostics) {
    const spans = [...(d.span ? [d.span] : []), ...d.related.map((r) => r.span)];
    for (const span of spans) {
      if (span.file.path !== source.path || span.file.text !== source.text) problems.push(`${keyOf(d)}: span in another file`);
      else if (span.start < 0 || span.end < span.start || span.end > source.text.length) {
        problems.push(`${keyOf(d)}: span [${span.start}, ${span.end}) outside [0, ${source.text.length}]`);
      }
    }
  }
  return problems;
}

/**
 * Fixtures known to get a span that ends past the end of the file (src/source/parse-yaml.ts
 * widens an empty span at the end of the text to one character). Delete once fixed.
 */
const KNOWN_SPANS_OUTSIDE = new Set<string>([]);

/** The diagnostics match `expectations` exactly, as a multiset of keys, and contain their texts. */
function expectDiagnostics(
  fixture: Fixture,
  diagnostics: readonly Diagnostic[],
  expectations: readonly Expectation[],
): void {
  const context = `${fixture.source.path} reported:\n${describeAll(diagnostics) || "(nothing)"}\n`;
  expect(sorted(diagnostics.map(keyOf)), context).toEqual(sorted(expectations.map((e) => e.key)));
  for (const wanted of expectations) {
    if (wanted.text === undefined) continue;
    const text = wanted.text;
    const matching = diagnostics.filter(
      (d) => keyOf(d) === wanted.key && [d.message, ...d.hints].some((s) => en(s).includes(text)),
    );
    expect(matching.length, `${context}line ${wanted.line}: no ${wanted.key} says « ${text} »`).toBeGreaterThan(0);
  }
}

const fixtures = walk(INVALID, [".yaml"]).map(parseFixture);

describe("invalid fixtures", () => {
  it("are all .yaml files", () => {
    const others = walk(INVALID, [""]).filter((path) => !path.endsWith(".yaml"));
    expect(others.map((path) => relative(INVALID, path))).toEqual([]);
    expect(fixtures.length).toBeGreaterThan(0);
  });

  // Which codes need a fixture is src/diagnostics/codes.ts's to say (test/diagnostics/codes.test.ts).

  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      expect(fixture.problems).toEqual([]);
      expect(fixture.expect.length, `${fixture.source.path} has no \`# expect:\` line`).toBeGreaterThan(0);
      // Through the one checking path every command takes, rules across files included.
      const { diagnostics } = await checkSessions([fixture.source.path], { cwd: ROOT, texts: new Map([[fixture.source.path, fixture.source.text]]) });
      expectExplained(diagnostics);
      const outside = spansOutside(fixture.source, diagnostics);
      if (KNOWN_SPANS_OUTSIDE.has(fixture.name)) {
        expect(outside, "known problem fixed: remove the fixture from KNOWN_SPANS_OUTSIDE").not.toEqual([]);
      } else {
        expect(outside).toEqual([]);
      }
      if (fixture.currently.length === 0) {
        expectDiagnostics(fixture, diagnostics, fixture.expect);
        return;
      }
      // A known problem: check today's output, and that it still differs from the expected one.
      const stale = `${fixture.source.path}: the \`currently\` lines equal the \`expect\` lines; delete them`;
      expect(
        JSON.stringify(fixture.currently.map((e) => [e.key, e.text]).sort()),
        stale,
      ).not.toBe(JSON.stringify(fixture.expect.map((e) => [e.key, e.text]).sort()));
      expectDiagnostics(fixture, diagnostics, fixture.currently);
    });
  }
});

describe("examples", () => {
  const examples = walk(EXAMPLES, [".yaml", ".yml"]);

  it("exist", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const path of examples) {
    it(`${relative(EXAMPLES, path)} has no diagnostic`, async () => {
      const { diagnostics, files } = await checkSessions([relative(ROOT, path)], { cwd: ROOT });
      expect(describeAll(diagnostics)).toBe("");
      // A register's delib.config.yaml is checked as a configuration, with no session of its own.
      if (!path.endsWith("delib.config.yaml")) expect(files[0]!.outcome).toBeDefined();
    });
  }
});
