// Text from a session file cannot leave its context (issue 13, part 3): the direction controls
// of a value end with it, a PDF's metadata strings read back exactly, and a file name derived
// from a deliberation's number is one safe, bounded file on every system. The CSS strings have
// their own test (css-string.test.ts); the links and images of texts theirs (inert-markdown.test.ts).
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsYaml from "js-yaml";
import { PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type BrowserSession } from "../../src/browser/browser.js";
import { renderPdf } from "../../src/browser/render-pdf.js";
import { tallySession } from "../../src/check.js";
import { renderDocuments } from "../../src/documents.js";
import { extractFileName, MAX_NAME_BYTES, minutesFileName, safeFileName } from "../../src/model/document-names.js";
import { printStream } from "../../src/browser/print-stream.js";
import { assembleRegister, readPrinted } from "../../src/register/assemble-register.js";
import { closeBidi } from "../../src/render/close-bidi.js";
import { cssString } from "../../src/render/css-string.js";
import { pdfString } from "../../src/render/pdf-string.js";
import { BROWSER_TIMEOUT, chromiumForTests, pdfInfo } from "../browser/pdf-tools.js";
import { runCli } from "../support/run-cli.js";
import { session } from "../support/session-builder.js";

const [LRE, RLE, PDF, LRO, RLO] = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e"];
const [LRI, RLI, FSI, PDI] = ["\u2066", "\u2067", "\u2068", "\u2069"];

/** What every context is tested with: line ends of CSS and Unicode, quotes, backslashes, markup ends, direction controls. */
const HOSTILE = [
  "CR\rLF\nCRLF\r\nFF\fNEL\u0085LS\u2028PS\u2029fin",
  'guillemets " \' « » et barres \\ \\\\ \\" \\)',
  "parenthèses ( ) (( ))) \\( et chevrons <FEFF> <>",
  "</style></script><!-- ]]> <![CDATA[ x ]]>",
  `${RLO}Saint-Amand${LRI}sur${PDI}-Ornain`,
  "nul \u0000 tab \t suppression \u007f surrogate \ud800 seul",
  "accents « Saint-Étienne-lès-Remiremont » ’ œ 😀",
];

describe("closeBidi", () => {
  it("closes open embeddings and isolates at the end, innermost first", () => {
    expect(closeBidi(`a${RLO}b`)).toBe(`a${RLO}b${PDF}`);
    expect(closeBidi(`${RLE}a${RLI}b`)).toBe(`${RLE}a${RLI}b${PDI}${PDF}`);
    expect(closeBidi(`${LRO}a${PDF}b`)).toBe(`${LRO}a${PDF}b`);
    // A PDI closes its isolate and what was opened inside it; a PDF cannot close past an isolate.
    expect(closeBidi(`${FSI}${RLO}a${PDI}`)).toBe(`${FSI}${RLO}a${PDI}`);
    expect(closeBidi(`${LRE}${RLI}a${PDF}`)).toBe(`${LRE}${RLI}a${PDF}${PDI}${PDF}`);
    expect(closeBidi("Saint-Amand")).toBe("Saint-Amand");
  });

  it("keeps a member's reversed name from turning around the rest of the attendance list", () => {
    const data = session()
      .members(3)
      .with((s) => {
        s.members[1]!.last_name = `${RLO}DURAND`;
      })
      .vote({ for: 3, against: 0 })
      .build();
    const [extract] = renderDocuments(tallySession(data), { kinds: ["extract"] }).value!;
    // Each value the template prints is closed where it ends (before today, the RLO ran on).
    const opened = extract!.html.split(RLO).length - 1;
    expect(opened).toBeGreaterThan(0);
    expect(extract!.html.split(`${RLO}DURAND${PDF}`).length - 1).toBe(opened);
    expect(cssString(`${RLO}x`)).toBe(`"${RLO}x${PDF}"`);
  });
});

describe("pdfString", () => {
  it("writes printable ASCII as a literal with ( ) and \\ escaped, anything else as UTF-16BE", () => {
    expect(pdfString(String.raw`a (b) \ c`)).toBe(String.raw`(a \(b\) \\ c)`);
    expect(pdfString("a\rb")).toBe("<FEFF0061000D0062>");
    expect(pdfString("a\nb)")).toBe("<FEFF0061000A00620029>");
    expect(pdfString(`${RLO}é`)).toBe("<FEFF202E00E9202C>");
    expect(pdfString("\ud800")).toBe("<FEFFFFFD>");
    for (const text of HOSTILE) expect(pdfString(text), text).toMatch(/^\((?:[\x20-\x27\x2a-\x5b\x5d-\x7e]|\\[()\\])*\)$|^<FEFF(?:[0-9A-F]{4})*>$/);
  });

  const expected = (text: string) => closeBidi(text.replace(/[\ud800-\udfff]/g, "\ufffd"));

  describe("read back from a real PDF", { timeout: BROWSER_TIMEOUT }, () => {
    let browser: BrowserSession;
    beforeAll(async () => {
      browser = await openBrowser(chromiumForTests());
    }, BROWSER_TIMEOUT);
    afterAll(async () => browser?.close(), BROWSER_TIMEOUT);

    it("gives every hostile value back whole, and the information dictionary stays sound", async () => {
      const pdf = await renderPdf(browser, "<!doctype html><title>t</title><p>texte</p>", {
        title: HOSTILE[0]!,
        author: HOSTILE[1]!,
        subject: HOSTILE[2]!,
        keywords: [HOSTILE[3]!],
        language: "fr-FR",
        date: new Date("2024-03-12T00:00:00Z"),
        custom: Object.fromEntries(HOSTILE.map((v, i) => [`DelibTest${i}`, v])),
      });
      const read = await PDFDocument.load(pdf, { updateMetadata: false });
      expect(read.getTitle()).toBe(expected(HOSTILE[0]!));
      expect(read.getAuthor()).toBe(expected(HOSTILE[1]!));
      expect(read.getSubject()).toBe(expected(HOSTILE[2]!));
      expect(read.getKeywords()).toBe(expected(HOSTILE[3]!));
      expect(read.getProducer()).toBe("delib");
      const info = await pdfInfo(pdf);
      expect(info["Producer"]).toBe("delib");
      expect(info["Pages"]).toBe("1");
    });

    it("in a register too, whose strings pdf-lib would have copied unescaped", async () => {
      // The register's two jobs (src/register/): its body, with a blank page where the tables go, and its tables.
      const body = readPrinted(await printStream(browser, '<!doctype html><title>t</title><p id="p"><a href="#p"></a>texte</p><div id="blank" style="break-before: page"><a href="#blank"></a></div>'));
      const tables = readPrinted(await printStream(browser, "<!doctype html><title>t</title><p>table</p>"));
      const bytes = assembleRegister(body, tables, {
        bodyPages: 1,
        outline: [{ title: HOSTILE[3]!, destination: "p", children: [] }],
        meta: { title: HOSTILE[0]!, author: HOSTILE[4]!, subject: HOSTILE[2]!, language: "fr) /Title (piégé", date: new Date("2024-03-12T00:00:00Z") },
      });
      const read = await PDFDocument.load(bytes, { updateMetadata: false });
      expect(read.getTitle()).toBe(expected(HOSTILE[0]!));
      expect(read.getAuthor()).toBe(expected(HOSTILE[4]!));
      expect(read.getSubject()).toBe(expected(HOSTILE[2]!));
      // pdf-lib's setLanguage wrote `/Lang (fr) /Title (piégé)`: a /Title of the data's own in the catalog.
      expect(read.catalog.lookup(PDFName.of("Lang"), PDFString, PDFHexString).decodeText()).toBe("fr) /Title (piégé");
      expect(read.catalog.get(PDFName.of("Title"))).toBeUndefined();
      expect(read.getPageCount()).toBe(2);
    });
  });
});

describe("the file names of a sitting's documents", () => {
  it("keep an ordinary number as it is", () => {
    for (const number of ["2021-06", "2024-A12", "DEL_2024.018", "1"]) expect(extractFileName(number)).toBe(number);
    expect(minutesFileName("2021-05-18")).toBe("proces-verbal-2021-05-18");
  });

  it("make any other safe on Linux, macOS and Windows, bounded, distinct and stable", () => {
    const names = [
      "x".repeat(240),
      `${"x".repeat(240)}y`,
      "é".repeat(200),
      "😀".repeat(100),
      "..",
      ".",
      "../../etc/passwd",
      "a\\b/c",
      "CON",
      "con.2021",
      "LPT1",
      "aux ",
      "2021-06.",
      'a<b>c:d"e|f?g*h',
      "CR\rLF\nFF\fNEL\u0085LS\u2028PS\u2029",
      `${RLO}fdp.exe`,
      "nul\u0000x",
      "",
      " ",
    ];
    const made = names.map(safeFileName);
    for (const [i, name] of made.entries()) {
      const original = JSON.stringify(names[i]);
      expect(Buffer.byteLength(name, "utf8"), original).toBeLessThanOrEqual(MAX_NAME_BYTES);
      expect(name, original).not.toMatch(/[/\\<>:"|?*\p{Cc}\p{Cf}\u2028\u2029]/u);
      expect(name, original).not.toMatch(/^[. ]|[. ]$/);
      expect(name.split(".")[0], original).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
      expect(name, original).not.toBe("");
      expect(safeFileName(names[i]!)).toBe(name);
    }
    expect(new Set(made.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it("let a sitting whose number runs to 240 characters be built, its extract a file of its own", async () => {
    // Before document-names.ts bounded names, the write ended in ENAMETOOLONG (exit 4).
    const root = mkdtempSync(join(tmpdir(), "delib-long-number-"));
    const number = `2024-${"1".repeat(235)}`;
    const data = session().members(3).vote({ for: 3, against: 0 }, { number }).build();
    writeFileSync(join(root, "2024-03-12.yaml"), jsYaml.dump(data, { schema: jsYaml.CORE_SCHEMA }));
    const run = await runCli(["build", "2024-03-12.yaml", "--format", "html", "--out", "out"], { cwd: root });
    // Only the warning that such a number cannot be sent to @CTES as it is (DLB3061).
    expect(run.stderr).not.toMatch(/ENAMETOOLONG|error|stack/i);
    expect(run.code).toBe(0);
    const written = readdirSync(join(root, "out"));
    expect(written).toContain(`${extractFileName(number)}.html`);
    expect(existsSync(join(root, "out", `${extractFileName(number)}.html`))).toBe(true);
    expect(written.every((f) => Buffer.byteLength(f) <= MAX_NAME_BYTES + 5)).toBe(true);
  });
});
