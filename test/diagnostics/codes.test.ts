// The table of diagnostic codes (src/diagnostics/codes.ts) against the code that produces them,
// the fixtures that show them and the README that lists their ranges. The codes are read from
// the string and template literals of src/ (comments do not count: a code named in a comment
// produces nothing), with the TypeScript parser, so a code built from parts is caught too.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { codeRanges, diagnosticCodes, type DiagnosticCode } from "../../src/diagnostics/codes.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SRC = join(ROOT, "src");
const TABLE = "diagnostics/codes.ts";
const INVALID = join(ROOT, "test", "fixtures", "invalid");

/** The files of a directory tree whose names end with `extension`, sorted. */
function walk(dir: string, extension: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(path, extension));
    else if (entry.name.endsWith(extension)) found.push(path);
  }
  return found.sort();
}

interface Occurrence {
  /** Relative to src/. */
  readonly file: string;
  readonly code: string;
  readonly line: number;
}

interface Scan {
  readonly occurrences: readonly Occurrence[];
  /** "DLB" in a literal without four digits after it: a code built from parts, which no table can check. */
  readonly builtFromParts: readonly string[];
  /** Severities read where a code is produced: `{ code: "DLB…", severity: "warning" }`, or "warning DLB…: …" printed by hand. */
  readonly severities: readonly { readonly code: string; readonly severity: string; readonly where: string }[];
  /** Codes produced with an `irregularity` beside them (an irregular fact of the sitting). */
  readonly irregular: ReadonlySet<string>;
}

const LITERAL_KINDS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
]);

function literalsIn(node: ts.Node): ts.LiteralLikeNode[] {
  const found: ts.LiteralLikeNode[] = [];
  const visit = (n: ts.Node): void => {
    if (LITERAL_KINDS.has(n.kind)) found.push(n as ts.LiteralLikeNode);
    n.forEachChild(visit);
  };
  visit(node);
  return found;
}

function unwrap(expression: ts.Expression): ts.Expression {
  return ts.isAsExpression(expression) || ts.isParenthesizedExpression(expression) ? unwrap(expression.expression) : expression;
}

/** The severity an object literal gives: its `severity` when a literal, "error" (diagnostic()'s default) when absent, else unknown. */
function severityOf(object: ts.ObjectLiteralExpression): string | undefined {
  const property = object.properties.find((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === "severity");
  if (!property) return "error";
  if (!ts.isPropertyAssignment(property)) return undefined;
  const value = unwrap(property.initializer);
  return ts.isStringLiteral(value) ? value.text : undefined;
}

function scanSource(): Scan {
  const occurrences: Occurrence[] = [];
  const builtFromParts: string[] = [];
  const severities: { code: string; severity: string; where: string }[] = [];
  const irregular = new Set<string>();
  for (const path of walk(SRC, ".ts")) {
    const file = relative(SRC, path).split("\\").join("/");
    if (file === TABLE) continue;
    const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
    const lineOf = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    for (const literal of literalsIn(source)) {
      for (const match of literal.text.matchAll(/DLB(\d{4})?/g)) {
        if (match[1] === undefined) builtFromParts.push(`src/${file}:${lineOf(literal)}: ${JSON.stringify(literal.text)}`);
        else occurrences.push({ file, code: match[0], line: lineOf(literal) });
      }
      // Printed by hand: "error DLB4010: ...".
      for (const match of literal.text.matchAll(/\b(error|warning) (DLB\d{4}):/g)) {
        severities.push({ code: match[2]!, severity: match[1]!, where: `src/${file}:${lineOf(literal)}` });
      }
    }
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === "code" && ts.isObjectLiteralExpression(node.parent)) {
        const hasIrregularity = node.parent.properties.some((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === "irregularity");
        if (hasIrregularity) for (const literal of literalsIn(node.initializer)) for (const match of literal.text.matchAll(/DLB\d{4}/g)) irregular.add(match[0]);
        const severity = severityOf(node.parent);
        if (severity !== undefined) {
          for (const literal of literalsIn(node.initializer)) {
            for (const match of literal.text.matchAll(/DLB\d{4}/g)) severities.push({ code: match[0], severity, where: `src/${file}:${lineOf(node)}` });
          }
        }
      }
      node.forEachChild(visit);
    };
    visit(source);
  }
  return { occurrences, builtFromParts, severities, irregular };
}

/** The codes each invalid fixture's `# expect:` lines name, with their severity. */
function fixtureExpectations(): { fixture: string; code: string; severity: string }[] {
  const found: { fixture: string; code: string; severity: string }[] = [];
  for (const path of walk(INVALID, ".yaml")) {
    for (const line of readFileSync(path, "utf8").split(/\r\n|\r|\n/)) {
      if (!line.startsWith("#")) break; // the leading comment block only, as test/validate/invalid-fixtures.test.ts reads it
      const match = /^#\s*expect:\s+(error|warning)\s+(DLB\d{4})\b/.exec(line);
      if (match) found.push({ fixture: relative(ROOT, path), code: match[2]!, severity: match[1]! });
    }
  }
  return found;
}

/** The range a code belongs to: the one with the longest prefix it starts with. */
function rangeOf(code: string) {
  return codeRanges.filter((r) => code.startsWith(r.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
}

/** `DLB1` -> `DLB1xxx`, `DLB37` -> `DLB37xx`. */
function rangeLabel(prefix: string): string {
  return prefix.padEnd(7, "x");
}

const scan = scanSource();
const table = new Map<string, DiagnosticCode>(diagnosticCodes.map((entry) => [entry.code, entry]));

describe("the table of diagnostic codes", () => {
  it("lists each code once, in order, with a severity, a one-line meaning and a producer that exists", () => {
    const codes = diagnosticCodes.map((e) => e.code);
    expect(codes, "codes in order, each once").toEqual([...new Set(codes)].sort());
    const problems = diagnosticCodes.flatMap((entry) => [
      ...(/^DLB\d{4}$/.test(entry.code) ? [] : [`${entry.code}: not DLB and four digits`]),
      ...(entry.severity === "error" || entry.severity === "warning" ? [] : [`${entry.code}: severity \`${entry.severity}\``]),
      ...(entry.meaning.trim() !== "" && !entry.meaning.includes("\n") ? [] : [`${entry.code}: the meaning is not one line`]),
      ...(existsSync(join(SRC, entry.producer)) ? [] : [`${entry.code}: its producer src/${entry.producer} does not exist`]),
    ]);
    expect(problems).toEqual([]);
  });

  it("puts each code in a range, and each range has codes", () => {
    const prefixes = codeRanges.map((r) => r.prefix);
    expect(prefixes, "ranges once each").toEqual([...new Set(prefixes)]);
    expect(diagnosticCodes.filter((e) => rangeOf(e.code) === undefined).map((e) => e.code), "codes in no range").toEqual([]);
    expect(codeRanges.filter((r) => !diagnosticCodes.some((e) => rangeOf(e.code) === r)).map((r) => r.prefix), "ranges with no code").toEqual([]);
  });

  it("holds every code written in src/, and only those", () => {
    const written = [...new Set(scan.occurrences.map((o) => o.code))].sort();
    expect(written.filter((code) => !table.has(code)), "codes in src/ missing from the table").toEqual([]);
    expect([...table.keys()].filter((code) => !written.includes(code)), "codes in the table that nothing in src/ writes").toEqual([]);
  });

  it("finds no code built from parts", () => {
    expect(scan.builtFromParts, "write each code whole, so the table can be checked against it").toEqual([]);
  });

  it("names, for each code, the one file of src/ that produces it", () => {
    const filesOf = new Map<string, Set<string>>();
    for (const o of scan.occurrences) filesOf.set(o.code, (filesOf.get(o.code) ?? new Set()).add(o.file));
    const wrong: string[] = [];
    for (const entry of diagnosticCodes) {
      const files = [...(filesOf.get(entry.code) ?? [])].sort();
      if (files.length === 1 && files[0] === entry.producer) continue;
      const lines = scan.occurrences.filter((o) => o.code === entry.code).map((o) => `src/${o.file}:${o.line}`);
      wrong.push(`${entry.code} (producer src/${entry.producer}) is written in ${files.length === 1 ? "1 file" : `${files.length} files`}: ${lines.join(", ") || "none"}`);
    }
    expect(wrong, "codes not produced by exactly their one producer").toEqual([]);
  });

  it("gives each code the severity it is produced with", () => {
    const wrong = scan.severities
      .filter((s) => table.has(s.code) && table.get(s.code)!.severity !== s.severity)
      .map((s) => `${s.code}: the table says ${table.get(s.code)!.severity}, ${s.where} produces a ${s.severity}`);
    // An irregular fact is an error in a sitting being prepared and a finding (a warning) in a
    // transcribed record: a fixture of either kind may expect either.
    const expectations = fixtureExpectations()
      .filter((e) => table.has(e.code) && table.get(e.code)!.severity !== e.severity && !(table.get(e.code)!.irregularity && e.severity === "warning"))
      .map((e) => `${e.code}: the table says ${table.get(e.code)!.severity}, ${e.fixture} expects a ${e.severity}`);
    expect([...wrong, ...expectations]).toEqual([]);
  });

  it("marks the codes of irregular facts, as their producers do", () => {
    const unmarked = [...scan.irregular].filter((code) => table.has(code) && !table.get(code)!.irregularity).map((code) => `${code}: produced with an irregularity, not marked in the table`);
    const marked = diagnosticCodes.filter((e) => e.irregularity && !scan.irregular.has(e.code)).map((e) => `${e.code}: marked in the table, produced without an irregularity`);
    expect([...unmarked, ...marked]).toEqual([]);
  });

  it("has an invalid fixture for each code a session file can show", () => {
    const shown = new Set(fixtureExpectations().map((e) => e.code));
    const missing = diagnosticCodes
      .filter((e) => e.testedBy === undefined && !shown.has(e.code))
      .map((e) => `${e.code} (src/${e.producer}): no fixture under test/fixtures/invalid/ expects it, and no \`testedBy\` names a test that produces it`);
    expect(missing).toEqual([]);
    const needless = diagnosticCodes.filter((e) => e.testedBy !== undefined && shown.has(e.code)).map((e) => `${e.code}: has a fixture; \`testedBy\` is for codes no fixture can show`);
    expect(needless).toEqual([]);
  });

  it("names, for each code no fixture can show, a test that mentions it", () => {
    const wrong: string[] = [];
    for (const entry of diagnosticCodes) {
      if (entry.testedBy === undefined) continue;
      const path = join(ROOT, entry.testedBy);
      if (!existsSync(path)) wrong.push(`${entry.code}: ${entry.testedBy} does not exist`);
      else if (!readFileSync(path, "utf8").includes(entry.code)) wrong.push(`${entry.code}: ${entry.testedBy} does not mention it`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("the README", () => {
  /** The first sentence of the paragraph of `file` that starts with `lead`, spaces (no-break ones too) made single. */
  function firstSentence(file: string, lead: string): string {
    const readme = readFileSync(join(ROOT, file), "utf8");
    const flat = (text: string): string => text.trim().replace(/\s+/g, " ");
    const paragraph = readme.split(/\n\s*\n/).find((p) => flat(p).startsWith(flat(lead)));
    expect(paragraph, `${file} has a paragraph starting « ${lead} »`).toBeDefined();
    return /^.*?\.(?=\s|$)/s.exec(flat(paragraph!))![0];
  }

  it("lists the code ranges of the table (README.en.md, in English)", () => {
    const lead = "Every problem has a stable code:";
    const expected = `${lead} ${codeRanges.map((r) => `\`${rangeLabel(r.prefix)}\` ${r.description}`).join(", ")}.`;
    expect(firstSentence("README.en.md", lead)).toBe(expected);
  });

  // The French README (README.md) says the same: each range of the table, in its order, with its
  // description in French. A range added to the table without a French description fails here.
  const frenchDescriptions: Readonly<Record<string, string>> = {
    DLB1: "fichiers et syntaxe YAML",
    DLB2: "schéma",
    DLB3: "règles de droit et de cohérence d’une séance",
    DLB37: "contrôles entre les séances d’un registre",
    DLB4: "environnement (pas de navigateur, écriture impossible, pas d’historique git)",
    DLB5: "modèles et configuration",
    DLB6: "données ouvertes (SCDL), site publié et transmission @CTES",
  };

  it("has a French description for each range of the table, and only for those", () => {
    const prefixes = codeRanges.map((r) => r.prefix);
    expect(prefixes.filter((prefix) => frenchDescriptions[prefix] === undefined), "ranges without a French description").toEqual([]);
    expect(Object.keys(frenchDescriptions).filter((prefix) => !prefixes.includes(prefix)), "French descriptions of no range").toEqual([]);
  });

  it("lists the code ranges of the table (README.md, in French)", () => {
    const lead = "Chaque problème a un code stable\u00a0:";
    const ranges = codeRanges.map((r) => `\`${rangeLabel(r.prefix)}\` ${frenchDescriptions[r.prefix] ?? `(no French description for ${r.prefix})`}`);
    const expected = `${lead} ${ranges.join(", ")}.`.replace(/\s+/g, " ");
    expect(firstSentence("README.md", lead)).toBe(expected);
  });
});
