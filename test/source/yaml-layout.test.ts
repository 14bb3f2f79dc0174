// The layout of a file as editors write it: Windows (CRLF) and old Mac (lone CR) line ends,
// tabs typed where YAML wants spaces, and the YAML mistakes delib words itself, in French
// and English.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check-file.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { lineColumn } from "../../src/diagnostics/line-index.js";
import { parseYaml, parseYamlFully } from "../../src/source/parse-yaml.js";
import { en, english, french } from "../support/english.js";
import { repoRoot } from "../support/run-cli.js";

/** A diagnostic as a line: code, line:column, and what it says in English. */
function described(d: Diagnostic): string {
  const { line, column } = lineColumn(d.span!.file.text, d.span!.start);
  const end = lineColumn(d.span!.file.text, d.span!.end);
  const related = d.related.map((r) => ` / ${lineColumn(r.span.file.text, r.span.start).line}:${en(r.message)}`).join("");
  return `${d.code} ${line}:${column}-${end.line}:${end.column} ${en(d.message)} | ${d.hints.map(en).join(" | ")}${related}`;
}

function diagnosticsOf(text: string): string[] {
  return checkText({ path: "seance.yaml", text }).diagnostics.map(described);
}

/** French text with plain spaces for its non-breaking ones. */
function fr(text: Parameters<typeof french.text>[0]): string {
  return french.text(text).replace(/[\u00A0\u202F]/g, " ");
}

function yamlFiles(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => join(dir, f))
    .sort();
}

const invalid = yamlFiles("test/fixtures/invalid").filter((f) => /[/\\]yaml-/.test(f));
const examples = yamlFiles("examples").filter((f) => !f.endsWith("delib.config.yaml"));

const lineEnds = { "Windows (CRLF)": "\r\n", "old Mac (lone CR)": "\r" } as const;

describe.each(Object.entries(lineEnds))("line ends of %s", (_, end) => {
  it.each(invalid)("%s: the same diagnostics, at the same lines and columns", (file) => {
    const text = readFileSync(join(repoRoot, file), "utf8");
    expect(text).not.toContain("\r");
    expect(diagnosticsOf(text.replace(/\n/g, end))).toEqual(diagnosticsOf(text));
  });

  it("read every example as the same data, by both parsers, with no diagnostic", () => {
    for (const file of examples) {
      const text = readFileSync(join(repoRoot, file), "utf8");
      const changed = { path: file, text: text.replace(/\n/g, end) };
      const fast = parseYaml(changed);
      const full = parseYamlFully(changed);
      expect(fast.diagnostics, file).toEqual([]);
      expect(full.diagnostics, file).toEqual([]);
      const data = parseYaml({ path: file, text }).value!.data;
      expect(fast.value!.data, file).toEqual(data);
      expect(full.value!.data, file).toEqual(data);
      expect(checkText(changed).diagnostics.map(described), file).toEqual([]);
    }
  });
});

describe("old Mac line ends", () => {
  it("end the lines of a block text, as line feeds do", () => {
    const text = "a: 1\rb:\r  c: |\r    première ligne\r    seconde ligne\r";
    expect(parseYamlFully({ path: "x.yaml", text }).value!.data).toEqual({ a: 1, b: { c: "première ligne\nseconde ligne\n" } });
  });

  it("locate a mistake on the right line", () => {
    expect(diagnosticsOf("a: 1\rb:\r   c: 2\r d: 3\r")[0]).toMatch(/^DLB1005 4:2-/);
  });
});

describe("a tab in the indentation", () => {
  // However the parser words it, the clerk reads that a tab cannot indent, at the tab.
  const cases: Record<string, [string, string]> = {
    "a key of a block": ["session:\n  date: 2024-03-12\n\tplace: en mairie\n", "3:1"],
    "after spaces": ["session:\n  date: 2024-03-12\n  \tplace: en mairie\n", "3:3"],
    "a list item": ["secretaries:\n\t- leroy\n", "2:1"],
    "a line of a text in braces": ["members:\n  - { id: martin,\n\tfirst_name: Sophie }\n", "3:1"],
    "a line of a block text": ["title: |\n  Tarifs\n\tde la cantine\n", "3:1"],
    "the first line of a block text": ["title: |\n\tTarifs\n", "2:1"],
    "the next line of a long title": ["title: Tarifs de la\n\tcantine scolaire\n", "2:1"],
    "with Windows line ends": ["session:\r\n  date: 2024-03-12\r\n\tplace: en mairie\r\n", "3:1"],
  };
  it.each(Object.entries(cases))("%s", (_, [text, at]) => {
    const d = checkText({ path: "seance.yaml", text }).diagnostics[0]!;
    expect(described(d)).toMatch(new RegExp(`^DLB1004 ${at}-`));
    expect(text.charAt(d.span!.start)).toBe("\t");
    expect(fr(d.message)).toBe("une tabulation ne peut pas servir d’indentation en YAML");
    expect(fr(d.hints[0]!)).toBe("utiliser des espaces pour indenter, jamais de tabulation");
    expect(en(d.message)).toBe("tabs cannot indent YAML");
  });

  it("is no mistake after a dash or before a value, where YAML allows it", () => {
    expect(diagnosticsOf("a:\n  -\tx\nb:\ty\n").filter((d) => d.startsWith("DLB1"))).toEqual([]);
  });
});

describe("YAML mistakes delib words itself", () => {
  const cases: Record<string, [string, string, string]> = {
    "a backslash in double quotes": [
      'title: "Dossier C:\\seances"\n',
      "DLB1002 1:19-1:21 `\\s` is not a valid escape inside double quotes",
      "`\\s` n’est pas une séquence d’échappement admise entre guillemets doubles",
    ],
    "a forgotten colon": [
      "session:\n  date: 2024-03-12\n  president martin\n",
      "DLB1002 3:3-3:19 this line is read as a key, but no `:` follows it",
      "cette ligne est lue comme une clé, mais aucun `:` ne la suit",
    ],
    "a long title continued on the next line": [
      "motions:\n  - title: Tarifs de la\n    cantine scolaire\n    number: 1\n",
      "DLB1002 3:5-3:21 this line is read as a key, but no `:` follows it",
      "cette ligne est lue comme une clé, mais aucun `:` ne la suit",
    ],
    "a comma left out between braces": [
      "members:\n  - { id: martin first_name: Sophie }\n",
      "DLB1002 2:18-2:29 a `,` is missing before `first_name:`",
      "il manque une `,` avant `first_name:`",
    ],
    "a key written twice": [
      "session:\n  date: 2024-03-12\n  place: en mairie\n  date: 2024-03-13\n",
      "DLB1003 4:3-4:4 this key appears twice in the same block | keep one of the two lines and delete the other / 2:first written here",
      "cette clé figure deux fois dans le même bloc",
    ],
    "an unknown directive": [
      "%SESSION 2024-03-12\n---\nformat: x\n",
      "DLB1009 1:1-1:20 unknown directive %SESSION: a line starting with `%` before `---` is a YAML directive, and this one is ignored",
      "directive inconnue %SESSION : une ligne qui commence par `%` avant `---` est une directive YAML, et celle-ci est ignorée",
    ],
  };
  it.each(Object.entries(cases))("%s", (_, [text, english, french]) => {
    const d = checkText({ path: "seance.yaml", text }).diagnostics[0]!;
    expect(described(d)).toContain(english);
    expect(fr(d.message)).toBe(french);
  });

  it("keeps the library's words, as a value, for a case it does not word, and says more problems may follow", () => {
    const d = checkText({ path: "seance.yaml", text: "a: [1, 2]]\nb: [\n" }).diagnostics[0]!;
    expect(d.code).toBe("DLB1002");
    expect(en(d.message)).toMatch(/^YAML syntax: unexpected flow-seq-end token/);
    expect(fr(d.message)).toMatch(/^syntaxe YAML incorrecte ; l’analyseur indique : « unexpected flow-seq-end token/);
    const more = d.hints.at(-1)!;
    expect(english.text(more)).toMatch(/^fix this first: the parser found \d+ more problems? after it/);
    expect(fr(more)).toMatch(/^corriger d’abord ce problème : l’analyseur en a trouvé \d+ autres? après lui/);
  });
});
