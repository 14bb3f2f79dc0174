// law/elections.yaml: the law of each kind of election, checked as data against the places that
// must agree with it (the session schema's kinds, law/bodies.yaml) and for the holes and overlaps
// a hand edit leaves (population ranges, dates, citations).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { lawProblems, readLawFiles } from "../../src/law/check-law.js";
import type { ElectionKind, ElectionVariant } from "../../src/law/law.js";
import { loadLaw } from "../../src/law/load-law.js";

const root = path.resolve(import.meta.dirname, "../..");
const law = loadLaw();
const kinds = Object.entries(law.elections);

/** The session schema's `election.kind` enum. */
function sessionKinds(): string[] {
  const schema = JSON.parse(readFileSync(path.join(root, "schemas/session.schema.json"), "utf8")) as {
    properties: { motions: { items: { properties: { election: { properties: { kind: { enum: string[] } } } } } } };
  };
  return schema.properties.motions.items.properties.election.properties.kind.enum;
}

/** The variants of a kind that apply to one kind of body. */
function variantsFor(kind: ElectionKind, body: string): ElectionVariant[] {
  return kind.variants.filter((v) => v.bodies === undefined || v.bodies.includes(body));
}

/** Every day on which the variants' dates change, plus a day before all of them. */
function dateEdges(variants: readonly ElectionVariant[]): string[] {
  const days = new Set<string>(["2014-03-23", "2099-12-31"]);
  for (const v of variants) {
    if (v.from) days.add(v.from);
    if (v.to) days.add(v.to);
  }
  return [...days].sort();
}

function inForce(v: ElectionVariant, day: string): boolean {
  return (v.from === undefined || v.from <= day) && (v.to === undefined || day <= v.to);
}

/**
 * The population ranges of the variants in force on `day`, sorted: they must follow each other
 * without a gap or an overlap from 0 to no end. Returns what is wrong, or [] when they tile.
 */
function tilingProblems(variants: readonly ElectionVariant[], day: string): string[] {
  const ranges = variants
    .filter((v) => inForce(v, day))
    .map((v) => ({ from: v.population?.from ?? 0, below: v.population?.below ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.from - b.from);
  if (ranges.length === 0) return [];
  const problems: string[] = [];
  let next = 0;
  for (const r of ranges) {
    if (r.from > next) problems.push(`no rule from ${next} to ${r.from}`);
    if (r.from < next) problems.push(`two rules from ${r.from}`);
    if (r.below <= r.from) problems.push(`empty range ${r.from}..${r.below}`);
    next = Math.max(next, r.below);
  }
  if (next !== Number.POSITIVE_INFINITY) problems.push(`no rule from ${next}`);
  return problems;
}

describe("law/elections.yaml", () => {
  it("has exactly the kinds a session file may name (schemas/session.schema.json, election.kind)", () => {
    expect(Object.keys(law.elections).sort()).toEqual([...sessionKinds()].sort());
  });

  it("names only kinds of body that law/bodies.yaml defines, for the kind and for each rule", () => {
    const bodies = new Set(Object.keys(law.bodies));
    for (const [name, kind] of kinds) {
      for (const b of kind.bodies) expect(bodies.has(b), `${name}: ${b}`).toBe(true);
      for (const v of kind.variants) for (const b of v.bodies ?? []) expect(kind.bodies.includes(b), `${name} rule for ${b}: not among the kind's bodies`).toBe(true);
    }
  });

  it("gives every rule an article, and every body of a kind at least one rule", () => {
    for (const [name, kind] of kinds) {
      for (const v of kind.variants) {
        expect(v.source, name).toMatch(/\S{3,}/);
        expect(v.ballot.source, name).toMatch(/\S{3,}/);
        expect(v.tie.source, name).toMatch(/\S{3,}/);
      }
      for (const b of kind.bodies) expect(variantsFor(kind, b).length, `${name} for ${b}`).toBeGreaterThan(0);
    }
  });

  it("dates each rule in order, and a `one_seat` points at a kind that exists", () => {
    for (const [name, kind] of kinds) {
      for (const v of kind.variants) {
        if (v.from && v.to) expect(v.from < v.to, `${name}: ${v.from} .. ${v.to}`).toBe(true);
        if (v.one_seat) expect(Object.keys(law.elections), name).toContain(v.one_seat.as_kind);
      }
    }
  });

  it("covers every population once, on every day a kind's rules change, for each kind of body", () => {
    for (const [name, kind] of kinds) {
      for (const body of kind.bodies) {
        const variants = variantsFor(kind, body);
        if (!variants.some((v) => v.population)) continue;
        for (const day of dateEdges(variants)) expect(tilingProblems(variants, day), `${name}, ${body}, ${day}`).toEqual([]);
      }
    }
  });

  it("the tiling check finds a gap and an overlap (so the test above can fail)", () => {
    const rule = law.elections.adjoints!.variants[0]!;
    expect(tilingProblems([{ ...rule, population: { below: 900 } }, { ...rule, population: { from: 1000 } }], rule.from!)).toEqual(["no rule from 900 to 1000"]);
    expect(tilingProblems([{ ...rule, population: { below: 1100 } }, { ...rule, population: { from: 1000 } }], rule.from!)).toEqual(["two rules from 1000"]);
  });

  it("elects the délégués sénatoriaux of a small commune at the second round by relative majority, with no quarter of the electors (Code électoral L288)", () => {
    const small = law.elections.delegues_senatoriaux!.variants.find((v) => v.population?.below === 1000)!;
    expect(small.rounds).toEqual([{ majority: "absolute" }, { majority: "relative" }]);
    expect(small.substitutes?.how).toBe("separate_ballot");
  });

  it("elects the adjoints on lists in every commune from the 2026 renewal (loi n° 2025-444)", () => {
    const adjoints = law.elections.adjoints!.variants;
    const on = (population: number, day: string): ElectionVariant | undefined =>
      adjoints.find((v) => inForce(v, day) && (v.population?.from ?? 0) <= population && population < (v.population?.below ?? Infinity));
    expect(on(500, "2020-05-25")?.candidacy).toBe("individual");
    expect(on(500, "2026-03-20")?.candidacy).toBe("list");
    expect(on(1500, "2017-06-30")?.parity?.rule).toBe("gap_at_most_one");
    expect(on(1500, "2020-05-25")?.parity?.rule).toBe("alternate");
  });
});

describe("the build check (src/law/check-law.ts) on a broken law/elections.yaml", () => {
  function brokenElections(edit: (text: string) => string): URL {
    const dir = mkdtempSync(path.join(os.tmpdir(), "delib-elections-"));
    cpSync(path.join(root, "law"), dir, { recursive: true });
    const target = path.join(dir, "elections.yaml");
    const before = readFileSync(target, "utf8");
    const after = edit(before);
    expect(after, "the edit changed nothing").not.toBe(before);
    writeFileSync(target, after);
    return pathToFileURL(`${dir}/`);
  }

  it("names the file and the place when a rule lost its citation", () => {
    const dir = brokenElections((t) => t.replace("      source: Code électoral L288\n", ""));
    expect(lawProblems(readLawFiles(dir))).toEqual(["law/elections.yaml, delegues_senatoriaux.variants.0: missing `source` (every value cites its source)"]);
  });

  it("names the file when a rule has a key the schema does not know", () => {
    const dir = brokenElections((t) => t.replace("      one_seat: { as_kind: maire, source: CGCT L2122-7-2 }\n", "      one_seat: { as_kind: maire, source: CGCT L2122-7-2 }\n      panachage: true\n"));
    expect(lawProblems(readLawFiles(dir))).toEqual(expect.arrayContaining(["law/elections.yaml, adjoints.variants.1: unknown key `panachage`"]));
  });
});
