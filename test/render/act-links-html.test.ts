// The links between acts on the extracts (issue 10, item 7): the later act says what it withdraws,
// replaces or corrects; the earlier act's extract, built with its register, says by what.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsYaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { checkSessions, checkText } from "../../src/check.js";
import { renderDocuments } from "../../src/documents.js";
import { documentHash } from "../../src/render/render-html.js";
import { htmlText } from "../support/reference.js";
import { session } from "../support/session-builder.js";

const body = { name: "Commune de Test", kind: "commune", assembly: "conseil municipal" };

function sitting(date: string, motions: [string, object?][]) {
  const b = session().members(5).on(date);
  for (const [number, extra] of motions) b.vote({ for: 5, against: 0 }, { number, ...extra });
  return b.build();
}

const february = sitting("2021-02-23", [["2021-06"], ["2021-07"]]);
const may = sitting("2021-05-18", [
  ["2021-08", { withdraws: { number: "2021-06", date: "2021-02-23" } }],
  // Without a date: found in the register, and dated from it.
  ["2021-09", { replaces: { number: "2021-07" } }],
  ["2021-10", { corrects: { number: "2021-08" } }],
]);

/** A register of the two sittings; returns its folder. */
function register(): string {
  const root = mkdtempSync(join(tmpdir(), "delib-links-html-"));
  writeFileSync(join(root, "delib.config.yaml"), jsYaml.dump({ format: 1, body }));
  writeFileSync(join(root, "2021-02-23.yaml"), jsYaml.dump(february, { schema: jsYaml.CORE_SCHEMA }));
  writeFileSync(join(root, "2021-05-18.yaml"), jsYaml.dump(may, { schema: jsYaml.CORE_SCHEMA }));
  return root;
}

/** The extracts of `file`, checked among its register, by number, as text. */
async function extracts(root: string, file: string): Promise<Map<string, string>> {
  const checked = await checkSessions([file], { cwd: root });
  expect(checked.diagnostics).toEqual([]);
  const [c] = checked.files;
  const documents = renderDocuments(c!.outcome!, { kinds: ["extract"], links: c!.links }).value!;
  return new Map(documents.map((d) => [d.name, htmlText(d.html)]));
}

describe("the extracts of acts linked to each other", () => {
  it("say, on the later act, what it withdraws, replaces or corrects, with the earlier act's date", async () => {
    const texts = await extracts(register(), "2021-05-18.yaml");
    expect(texts.get("2021-08")).toContain("Cette délibération retire la délibération n° 2021-06 du 23 février 2021.");
    expect(texts.get("2021-09")).toContain("Cette délibération annule et remplace la délibération n° 2021-07 du 23 février 2021.");
    expect(texts.get("2021-10")).toContain("Cette délibération rectifie la délibération n° 2021-08 du 18 mai 2021.");
  });

  it("say, on the earlier act built from the register, by which act it was withdrawn or replaced", async () => {
    // One file given: its register's other sitting is read as context, and gives the successors.
    const texts = await extracts(register(), "2021-02-23.yaml");
    expect(texts.get("2021-06")).toContain("Retirée par la délibération n° 2021-08 du 18 mai 2021.");
    expect(texts.get("2021-07")).toContain("Remplacée par la délibération n° 2021-09 du 18 mai 2021.");
    const may = await extracts(register(), "2021-05-18.yaml");
    expect(may.get("2021-08")).toContain("Rectifiée par la délibération n° 2021-10 du 18 mai 2021.");
    expect(may.get("2021-10")).not.toMatch(/(Retirée|Remplacée|Rectifiée) par/);
  });

  it("know, without the register, the links within the sitting and the dates written", () => {
    const checked = checkText({ path: "2021-05-18.yaml", text: jsYaml.dump(may, { schema: jsYaml.CORE_SCHEMA }) });
    const texts = new Map(renderDocuments(checked.outcome!, { kinds: ["extract"] }).value!.map((d) => [d.name, htmlText(d.html)]));
    expect(texts.get("2021-08")).toContain("Cette délibération retire la délibération n° 2021-06 du 23 février 2021.");
    // Another sitting's act, undated: its number alone.
    expect(texts.get("2021-09")).toContain("Cette délibération annule et remplace la délibération n° 2021-07.");
    expect(texts.get("2021-08")).toContain("Rectifiée par la délibération n° 2021-10 du 18 mai 2021.");
  });

  it("keep the earlier act's hash: a later act's mention does not change what was adopted", async () => {
    const checked = await checkSessions(["2021-02-23.yaml"], { cwd: register() });
    const [c] = checked.files;
    const [withLinks] = renderDocuments(c!.outcome!, { kinds: ["extract"], links: c!.links }).value!;
    const [alone] = renderDocuments(c!.outcome!, { kinds: ["extract"] }).value!;
    expect(htmlText(withLinks!.html)).not.toBe(htmlText(alone!.html));
    expect(documentHash(withLinks!.data as never)).toBe(documentHash(alone!.data as never));
  });
});
