// The law files (law/*.yaml) against schemas/law.schema.json, which the build also checks, and
// the places that must agree with them.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { lawProblems, readLawFiles } from "../../src/law/check-law.js";
import { loadLaw, parseLawFile } from "../../src/law/load-law.js";
import { proxyValiditySittings } from "../../src/law/proxy-validity.js";

const root = path.resolve(import.meta.dirname, "../..");
const law = loadLaw();

/** A copy of law/ in a scratch folder, with one file's text changed by `edit`. */
function brokenCopy(file: string, edit: (text: string) => string): URL {
  const dir = mkdtempSync(path.join(os.tmpdir(), "delib-law-"));
  cpSync(path.join(root, "law"), dir, { recursive: true });
  const target = path.join(dir, file);
  const before = readFileSync(target, "utf8");
  const after = edit(before);
  expect(after, "the edit changed nothing").not.toBe(before);
  writeFileSync(target, after);
  return pathToFileURL(`${dir}/`);
}

describe("schemas/law.schema.json", () => {
  it("accepts the law files delib ships", () => {
    expect(lawProblems(readLawFiles())).toEqual([]);
  });

  it("refuses a value that lost its citation", () => {
    const dir = brokenCopy("bodies.yaml", (t) => t.replace("proxies: { per_holder: 1, source: CGCT L2121-20 }", "proxies: { per_holder: 1 }"));
    expect(lawProblems(readLawFiles(dir))).toEqual(["law/bodies.yaml, commune.proxies: missing `source` (every value cites its source)"]);
  });

  // The bug of issue 10: in a flow mapping a comma ends the value, so « statuts (…), à défaut
  // art. L2121-17 » became a citation of the statutes and a stray key.
  it("refuses a citation cut by a comma", () => {
    const dir = brokenCopy("bodies.yaml", (t) =>
      t.replace("source: CGCT L2121-17 par analogie }", "source: statuts (art. L5721-2 du CGCT), à défaut art. L2121-17 du CGCT }"),
    );
    expect(lawProblems(readLawFiles(dir))).toEqual(["law/bodies.yaml, smo.quorum: unknown key `à défaut art. L2121-17 du CGCT`"]);
  });

  it("refuses a misspelt key, a malformed fraction and a second regime without dates", () => {
    const bodies = readLawFiles(brokenCopy("bodies.yaml", (t) => t.replace("ballot_request: { public: 1/6, source: CGCT L3121-15 }", "ballot_request: { public: un sixième, source: CGCT L3121-15 }").replace("  casting_vote: { applies: true, source: statuts }", "  castingvote: { applies: true, source: statuts }")));
    expect(lawProblems(bodies)).toEqual(
      expect.arrayContaining([
        "law/bodies.yaml, departement.ballot_request.public: must match pattern \"^[1-9][0-9]*/[1-9][0-9]*$\"",
        "law/bodies.yaml, custom: unknown key `castingvote`",
        "law/bodies.yaml, custom: missing `casting_vote`",
      ]),
    );
    const regimes = readLawFiles(brokenCopy("regimes.yaml", (t) => t.replace("  from: 2020-03-24\n  to: 2020-04-02\n", "")));
    expect(lawProblems(regimes)).toEqual(["law/regimes.yaml: exactly one regime has neither `from` nor `to`: the common law"]);
  });
});

describe("the kinds of body are the keys of law/bodies.yaml", () => {
  const session = JSON.parse(readFileSync(path.join(root, "schemas/session.schema.json"), "utf8"));

  it("and the session schema's enum (kept for the editor) lists the same", () => {
    expect([...session.properties.body.properties.kind.enum].sort()).toEqual(Object.keys(law.bodies).sort());
  });

  it("as the regimes of law/regimes.yaml are those the session schema lists", () => {
    expect([...session.properties.session.properties.regime.enum].sort()).toEqual(law.regimes.map((r) => r.id).sort());
  });

  // The law decides which rule applies to which kind; the TypeScript of the legal stages never
  // names a kind (render/, cli/ and export/ are outside this check).
  it("and no legal stage names one in TypeScript", () => {
    const kinds = Object.keys(law.bodies);
    const found: string[] = [];
    for (const dir of ["src/law", "src/tally", "src/validate"]) {
      for (const entry of readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
        const file = path.join(entry.parentPath, entry.name);
        const text = readFileSync(file, "utf8");
        for (const kind of kinds) if (text.includes(`"${kind}"`)) found.push(`${path.relative(root, file)}: "${kind}"`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe("proxyValiditySittings (CGCT L2121-20: three consecutive sittings)", () => {
  it.each([
    ["commune", { sittings: 3, source: "CGCT L2121-20" }],
    ["epci", { sittings: 3, source: "CGCT L2121-20 par renvoi de l'art. L5211-1" }],
    ["smo", { sittings: 3, source: "CGCT L2121-20 par analogie" }],
    ["departement", undefined],
    ["region", undefined],
    ["commission_permanente", undefined],
    ["custom", undefined],
    ["no_such_kind", undefined],
  ])("%s: %o", (kind, expected) => {
    expect(proxyValiditySittings(law, kind)).toEqual(expected);
  });
});

describe("law/majorities.yaml", () => {
  it("is read as the schema describes it", () => {
    const text = readFileSync(path.join(root, "law/majorities.yaml"), "utf8");
    expect(parseLawFile(text)).toEqual(law.majorities);
    // Elections follow their own law, kind by kind (law/elections.yaml), no longer one rule here.
    expect(law.majorities).not.toHaveProperty("election");
    expect(law.majorities.compte_administratif.source).toBe("CGCT L1612-12");
  });
});
