// Every line-ending convention gives the same diagnostics at the same places (issue 13): a file
// saved with CRLF (Windows) or lone CR (classic Mac OS, some exports) must not see its findings
// moved to 1:1 or elsewhere. Each invalid fixture is checked as written (LF), then rewritten with
// CRLF and with lone CR.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkSessions } from "../../src/check.js";
import { lineColumn } from "../../src/diagnostics/line-index.js";

const INVALID = fileURLToPath(new URL("../fixtures/invalid/", import.meta.url));

async function located(name: string, text: string): Promise<string[]> {
  // Checked among the other fixtures, as `delib validate` would: the rules across files too.
  const path = join(INVALID, name);
  const result = await checkSessions([path], { cwd: INVALID, texts: new Map([[path, text]]) });
  return result.diagnostics.map((d) => {
    const at = d.span ? lineColumn(d.span.file.text, d.span.start) : undefined;
    return `${d.code} ${at ? `${at.line}:${at.column}` : "unlocated"}`;
  });
}

describe("line endings", () => {
  const names = readdirSync(INVALID).filter((n) => n.endsWith(".yaml"));
  it.each(names)("%s: LF, CRLF and CR give the same diagnostics at the same lines and columns", async (name) => {
    const lf = readFileSync(join(INVALID, name), "utf8").replace(/\r\n?/g, "\n");
    const expected = await located(name, lf);
    expect(expected.length).toBeGreaterThan(0);
    expect(await located(name, lf.replace(/\n/g, "\r\n"))).toEqual(expected);
    expect(await located(name, lf.replace(/\n/g, "\r"))).toEqual(expected);
  });
});
