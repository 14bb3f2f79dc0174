// Text from a session file in a stylesheet cannot leave its CSS string: read back by a real
// Chromium as the `content` of a pseudo-element, every value comes out whole, and the rule
// written after it in the same sheet still applies. Before css-string.ts, a CR or a form feed in
// `body.name` ended the running header's string and what followed became style rules (issue 13).
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cssString } from "../../src/render/css-string.js";
import { BROWSER_TIMEOUT, chromiumForTests } from "../browser/pdf-tools.js";

const hostile = [
  'Commune de Viens\r} body { display: none } .x::before { content: "pwned',
  "Syndicat\f} * { color: red }",
  "Syndicat\n} * { color: red }",
  "Syndicat\r\n} * { color: red }",
  "NEL\u0085 and separators\u2028\u2029 and tab\t",
  'quotes " and \' and backslash \\ and \\"',
  "</style><script>alert(1)</script>",
  "nul \u0000 and delete \u007f",
  "accents « Saint-Étienne-lès-Remiremont » ’ œ",
];

describe("cssString", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await puppeteer.launch({ executablePath: chromiumForTests(), headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  }, BROWSER_TIMEOUT);
  afterAll(async () => browser?.close());

  it("keeps every value whole in a real browser's stylesheet, and the rules after it in force", async () => {
    const page = await browser.newPage();
    const rules = hostile.map((v, i) => `#v${i}::before { content: ${cssString(v)}; }`).join("\n");
    await page.setContent(`<!DOCTYPE html><style>${rules}\n#after { color: rgb(1, 2, 3); }</style>${hostile.map((_, i) => `<p id="v${i}"></p>`).join("")}<p id="after">after</p>`);
    // Run in the page (the tests' TypeScript has no DOM types): a string of script.
    const read = (await page.evaluate(`(() => {
      const out = [];
      for (let i = 0; i < ${hostile.length}; i++) out.push(getComputedStyle(document.getElementById("v" + i), "::before").content);
      return { contents: out, after: getComputedStyle(document.getElementById("after")).color, body: getComputedStyle(document.body).display, scripts: document.scripts.length };
    })()`)) as { contents: string[]; after: string; body: string; scripts: number };
    // A computed `content` string is serialized again as a CSS string: compare through JSON-like parsing.
    const values = read.contents.map((c) => (JSON.parse(c.replace(/\\([0-9a-f]{1,6}) ?/gi, (_, hex: string) => `\\u${hex.padStart(4, "0")}`)) as string));
    expect(values).toEqual(hostile.map((v) => v.replace(/\u0000/g, "\uFFFD")));
    expect(read.after).toBe("rgb(1, 2, 3)");
    expect(read.body).toBe("block");
    expect(read.scripts).toBe(0);
    await page.close();
  }, BROWSER_TIMEOUT);

  it("escapes CR, FF, LF, NEL, U+2028 and U+2029 as code points, and `<`", () => {
    expect(cssString("a\rb\fc\nd\u0085e\u2028f\u2029g<h")).toBe('"a\\d b\\c c\\a d\\85 e\\2028 f\\2029 g\\3c h"');
    expect(cssString('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
  });
});
