// test/fixtures/records/elections/: one session file per kind of election, each citing where it
// comes from and printing the result the record (or the hand computation) gives, so the count can
// be compared with it. Here: each file is a session file, says its source and its result, and
// names a kind whose law (law/elections.yaml) has a rule for its body, population and date.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import jsYaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { loadLaw } from "../../src/law/load-law.js";
import { validatorFor } from "../../src/validate/schemas.js";

const dir = path.resolve(import.meta.dirname, "../fixtures/records/elections");
const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));
const law = loadLaw();

interface Fixture {
  body: { kind: string; population?: number };
  session: { date: string };
  motions: { number: string; election?: { kind?: string } }[];
}

/** The machine-readable lines of the `# printed result:` block: `= <motion> <what>: <value>`. */
function printedFacts(text: string): { motion: string; what: string; value: string }[] {
  return [...text.matchAll(/^#\s+= (\S+) ([a-z ]+): (.+)$/gm)].map((m) => ({ motion: m[1]!, what: m[2]!, value: m[3]! }));
}

describe("the election records (test/fixtures/records/elections/)", () => {
  it("hold one file for each kind the issue asks for", () => {
    const kinds = new Set(files.flatMap((f) => (jsYaml.load(readFileSync(path.join(dir, f), "utf8"), { schema: jsYaml.CORE_SCHEMA }) as Fixture).motions.map((m) => m.election?.kind)));
    for (const kind of ["maire", "adjoints", "delegues_senatoriaux", "commission_appel_offres", "delegues"]) expect(kinds).toContain(kind);
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  for (const file of files) {
    describe(file, () => {
      const text = readFileSync(path.join(dir, file), "utf8");
      // As delib reads a session file: YAML core schema, dates stay strings.
      const data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }) as Fixture;

      it("is a session file the schema accepts", () => {
        const { validate } = validatorFor("session");
        expect(validate(data) ? [] : validate.errors).toEqual([]);
      });

      it("says where it comes from, and gives its printed result, for each election", () => {
        expect(text).toMatch(/^# (FROM THE LAW'S TEXT|Source: )/m);
        expect(text).toMatch(/^# printed result:$/m);
        const facts = printedFacts(text);
        for (const motion of data.motions.filter((m) => m.election)) {
          expect(facts.some((f) => f.motion === motion.number && f.what === "elected"), `${motion.number}: no \`= ${motion.number} elected:\` line`).toBe(true);
        }
      });

      it("names kinds whose law has a rule for its body, population and date", () => {
        for (const motion of data.motions) {
          const kind = law.elections[motion.election?.kind ?? ""];
          if (!motion.election) continue;
          expect(kind, `${motion.number}: kind ${motion.election.kind}`).toBeDefined();
          expect(kind!.bodies).toContain(data.body.kind);
          const date = data.session.date;
          const applies = kind!.variants.filter(
            (v) =>
              (v.bodies === undefined || v.bodies.includes(data.body.kind)) &&
              (v.population?.from === undefined || (data.body.population ?? -1) >= v.population.from) &&
              (v.population?.below === undefined || (data.body.population ?? Infinity) < v.population.below) &&
              (v.from === undefined || date >= v.from) &&
              (v.to === undefined || date <= v.to),
          );
          expect(applies.length, `${motion.number}: rules in force`).toBeGreaterThanOrEqual(1);
        }
      });
    });
  }
});
