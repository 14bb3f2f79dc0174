// What the clerk records once the préfecture acknowledges receipt (`publication.actes_id`,
// `publication.acknowledged_on`, as `delib actes` tells) is printed on the extract.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";
import { edit, marcilly } from "../export/temp-register.js";
import { actesRegister } from "./actes-register.js";

async function extractHtml(publication: string): Promise<string> {
  const sitting = edit(marcilly(), '    matiere: "7.10"\n', `    matiere: "7.10"\n    publication: ${publication}\n`);
  const { dir, file } = actesRegister({ sitting });
  const run = await runCli(["build", file, "--format", "html", "--documents", "extract", "--out", "out"], { cwd: dir });
  expect(run.code).toBe(0);
  // Tags and line breaks out: the words as a reader sees them.
  return readFileSync(join(dir, "out", "2023-47.html"), "utf8").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

describe("the extract of a transmitted act", () => {
  it("prints the acknowledgement's identifier and date while the publication is to come", async () => {
    const text = await extractHtml("{ transmitted_on: 2023-12-14, actes_id: 051-215101234-20231212-2023_47-DE, acknowledged_on: 2023-12-14 }");
    expect(text).toContain("Accusé de réception @CTES n° : 051-215101234-20231212-2023_47-DE du 14 décembre 2023");
  });

  it("prints the identifier in the « Certifié exécutoire » mention once published", async () => {
    const text = await extractHtml("{ transmitted_on: 2023-12-14, actes_id: 051-215101234-20231212-2023_47-DE, acknowledged_on: 2023-12-14, published_on: 2023-12-15 }");
    expect(text).toContain("(accusé de réception n° 051-215101234-20231212-2023_47-DE)");
  });
});
