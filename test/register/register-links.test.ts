// The year's register tables show the links between acts (issue 10, item 7): on the row of the
// later act what it withdraws, replaces or corrects, on the earlier act's row by which act.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsYaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { checkSessions } from "../../src/check.js";
import { sittingsOfYear } from "../../src/register/register-sittings.js";
import { datesTableView, tableEntries } from "../../src/register/register-views.js";
import { loadCatalogue } from "../../src/render/catalogue.js";
import { session } from "../support/session-builder.js";

function register(): string {
  const root = mkdtempSync(join(tmpdir(), "delib-register-links-"));
  writeFileSync(join(root, "delib.config.yaml"), jsYaml.dump({ format: 1, body: { name: "Commune de Test", kind: "commune", assembly: "conseil municipal" } }));
  const write = (date: string, motions: [string, object?][]) => {
    const b = session().members(5).on(date);
    for (const [number, extra] of motions) b.vote({ for: 5, against: 0 }, { number, ...extra });
    writeFileSync(join(root, `${date}.yaml`), jsYaml.dump(b.build(), { schema: jsYaml.CORE_SCHEMA }));
  };
  write("2021-02-23", [["2021-06"], ["2021-07"]]);
  write("2021-05-18", [["2021-08", { replaces: { number: "2021-07", date: "2021-02-23" } }]]);
  // The next year withdraws an act of this one.
  write("2022-01-11", [["2022-01", { withdraws: { number: "2021-06", date: "2021-02-23" } }]]);
  return root;
}

describe("the register's table by date", () => {
  const t = loadCatalogue("fr");

  for (const how of ["with the links the check found", "with the links of the files given"] as const) {
    it(`shows each link on both rows, ${how}`, async () => {
      const checked = await checkSessions(["*.yaml"], { cwd: register() });
      expect(checked.diagnostics).toEqual([]);
      const files = checked.files.map((c) => ({ path: c.path, outcome: c.outcome!, config: c.config, ...(how === "with the links the check found" ? { links: c.links } : {}) }));
      const sittings = sittingsOfYear(files, "2021");
      const entries = tableEntries(sittings, new Map([["2021-06", 1], ["2021-07", 2], ["2021-08", 3]]), t);
      const rows = datesTableView(sittings, entries, { body: "Commune de Test", year: "2021" }, t).groups[0]!.rows;
      expect(rows.map((r) => [r.number, r.links])).toEqual([
        ["2021-06", ["Retirée par la délibération n° 2022-01 du 11 janvier 2022."]],
        ["2021-07", ["Remplacée par la délibération n° 2021-08 du 18 mai 2021."]],
        ["2021-08", ["Cette délibération annule et remplace la délibération n° 2021-07 du 23 février 2021."]],
      ]);
    });
  }
});
