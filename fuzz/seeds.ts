// The inputs the fuzzer starts from, and the words it mutates them with: every session file
// of the examples and of the test fixtures (valid ones first), each with the register it is
// checked in (its folder's delib.config.yaml and other sittings), and the keys and values they
// and the session schema hold.
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { globSync } from "tinyglobby";
import { isMap, isPair, isScalar, isSeq, parseDocument, visit } from "yaml";

/** One seed file. */
export interface Seed {
  /** Its path from the repository's root, with `/`. */
  readonly path: string;
  readonly bytes: Uint8Array;
  /** The other files of its register, from the repository's root: its configuration and sittings. */
  readonly register: readonly string[];
  /** How often it is picked, relative to the others. */
  readonly weight: number;
}

/** What mutations draw from. */
export interface Dictionary {
  /** Scalar values seen under each key, in the seeds. */
  readonly valuesByKey: ReadonlyMap<string, readonly unknown[]>;
  /** Every key seen in the seeds and the schema. */
  readonly keys: readonly string[];
  /** Every enum or const value of the schema. */
  readonly enums: readonly unknown[];
}

/** The seeds: the examples and valid fixtures (as the issue asks), then records and invalid fixtures, which hold what examples lack (elections, transcribed records, registers of several sittings). */
export const seedGlobs: readonly { readonly glob: string; readonly weight: number }[] = [
  { glob: "examples/**/*.yaml", weight: 5 },
  { glob: "test/fixtures/valid/*.yaml", weight: 1 },
  { glob: "test/fixtures/records/**/*.yaml", weight: 3 },
  { glob: "test/fixtures/invalid/*.yaml", weight: 1 },
];

/** Reads the seeds under `root`, in a fixed order. */
export function loadSeeds(root: string): Seed[] {
  const seeds: Seed[] = [];
  for (const { glob, weight } of seedGlobs) {
    const files = globSync(glob, { cwd: root, onlyFiles: true }).sort();
    const sessions = files.filter((f) => basename(f) !== "delib.config.yaml");
    for (const path of sessions) {
      // Each file of a group shares the group's weight.
      const register = files.filter((f) => f !== path && dirname(f) === dirname(path) && (basename(f) === "delib.config.yaml" || !glob.startsWith("test/fixtures/invalid") && !glob.startsWith("test/fixtures/valid")));
      seeds.push({ path, bytes: readFileSync(join(root, path)), register, weight: weight / sessions.length });
    }
  }
  return seeds;
}

/** The keys and values of the seeds and of the session schema. */
export function buildDictionary(root: string, seeds: readonly Seed[]): Dictionary {
  const valuesByKey = new Map<string, unknown[]>();
  const keys = new Set<string>();
  const add = (key: string, value: unknown) => {
    const values = valuesByKey.get(key) ?? [];
    if (values.length < 200 && !values.includes(value)) values.push(value);
    valuesByKey.set(key, values);
  };
  for (const seed of seeds) {
    const doc = parseDocument(Buffer.from(seed.bytes).toString("utf8"));
    visit(doc, {
      Pair(_, pair) {
        if (isScalar(pair.key)) {
          const key = String(pair.key.value);
          keys.add(key);
          if (isScalar(pair.value)) add(key, pair.value.value);
          if (isSeq(pair.value)) for (const item of pair.value.items) if (isScalar(item)) add(key, item.value);
        }
      },
      Map(_, map) {
        if (!isMap(map)) return;
        for (const pair of map.items) if (isPair(pair) && isScalar(pair.key)) keys.add(String(pair.key.value));
      },
    });
  }
  const enums: unknown[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.enum)) enums.push(...o.enum);
    if ("const" in o) enums.push(o.const);
    if (o.properties && typeof o.properties === "object") for (const key of Object.keys(o.properties)) keys.add(key);
    Object.values(o).forEach(walk);
  };
  walk(JSON.parse(readFileSync(join(root, "schemas/session.schema.json"), "utf8")));
  return { valuesByKey, keys: [...keys].sort(), enums: [...new Set(enums)] };
}
