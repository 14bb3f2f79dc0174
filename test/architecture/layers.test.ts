// The import graph of src/, computed from the import statements, against the layers the
// README describes: cli → entry points (check, documents) → stages → model and diagnostics;
// the features beside the CLI (register, export, provenance, init, publish, actes) call the entry points and
// the stages, never each other. Any edge that breaks a rule is named.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../../src/", import.meta.url));

/** The pipeline's stages, in order: a stage imports only stages before it. */
const stages = ["source", "law", "tally", "validate", "config", "render", "output", "browser"] as const;
const foundations = ["model", "diagnostics"] as const;
const entryPoints = ["check.ts", "check-cache.ts", "check-file.ts", "check-threads.ts", "check-worker.ts", "documents.ts"] as const;
const features = ["register", "export", "provenance", "init", "publish", "actes"] as const;

type Layer =
  | { kind: "foundation"; name: string }
  | { kind: "stage"; name: string; rank: number }
  | { kind: "entry"; name: string }
  | { kind: "feature"; name: string }
  | { kind: "cli"; name: string };

/** The layer of a file of src/ (path relative to src/, with `/`). */
export function layerOf(file: string): Layer | undefined {
  const [top] = file.split("/");
  if (file === top) return (entryPoints as readonly string[]).includes(file) ? { kind: "entry", name: file } : undefined;
  if ((foundations as readonly string[]).includes(top!)) return { kind: "foundation", name: top! };
  const rank = (stages as readonly string[]).indexOf(top!);
  if (rank >= 0) return { kind: "stage", name: top!, rank };
  if ((features as readonly string[]).includes(top!)) return { kind: "feature", name: top! };
  if (top === "cli") return { kind: "cli", name: "cli" };
  return undefined;
}

/** Why the edge `from → to` breaks the layers, or undefined when it is allowed. */
export function brokenRule(from: string, to: string): string | undefined {
  const a = layerOf(from);
  const b = layerOf(to);
  if (!a) return `${from} is in no layer: put it in a stage, a feature, or declare it an entry point`;
  if (!b) return `${to} is in no layer`;
  if (a.name === b.name) return undefined;
  switch (a.kind) {
    case "foundation":
      // model and diagnostics are the bottom: they import only each other, model first.
      return a.name === "diagnostics" && b.name === "model" ? undefined : `${a.name} is a foundation: it imports no other part of delib`;
    case "stage":
      if (b.kind === "foundation") return undefined;
      if (b.kind === "stage" && b.rank < a.rank) return undefined;
      return b.kind === "stage"
        ? `the stage ${a.name} imports ${b.name}, which comes after it in the pipeline (${stages.join(" → ")})`
        : `the stage ${a.name} imports ${b.kind === "entry" ? "the entry point" : `the ${b.kind}`} ${b.name}, above it`;
    case "entry":
      if (b.kind === "cli" || b.kind === "feature") return `the entry point ${a.name} imports the ${b.kind} ${b.name}, above it`;
      return undefined;
    case "feature":
      if (b.kind === "feature") return `the feature ${a.name} imports the feature ${b.name}: features share through an entry point or a stage`;
      if (b.kind === "cli") return `the feature ${a.name} imports the CLI`;
      return undefined;
    case "cli":
      if (b.kind === "stage") return `the CLI imports the stage ${b.name}: go through an entry point (check.ts, documents.ts)`;
      return undefined;
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every import of src/ (static, type-only and dynamic), as file → file and file → package. */
function importGraph(): { edges: [string, string][]; packages: [string, string][] } {
  const edges: [string, string][] = [];
  const packages: [string, string][] = [];
  for (const path of sourceFiles(src)) {
    const from = relative(src, path).split("\\").join("/");
    const { importedFiles } = ts.preProcessFile(readFileSync(path, "utf8"), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith(".")) {
        packages.push([from, fileName]);
        continue;
      }
      const target = relative(src, resolve(dirname(path), fileName)).split("\\").join("/").replace(/\.js$/, ".ts");
      edges.push([from, target]);
    }
  }
  return { edges, packages };
}

/** The cycles of a graph, each as a list of files (Tarjan's strongly connected components). */
function cycles(edges: readonly [string, string][]): string[][] {
  const next = new Map<string, string[]>();
  for (const [a, b] of edges) next.set(a, [...(next.get(a) ?? []), b]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of new Set(edges.flat())) if (!index.has(v)) visit(v);
  return found;
}

describe("the layers of src/", () => {
  const { edges, packages } = importGraph();

  it("reads a real graph", () => {
    expect(edges.length).toBeGreaterThan(200);
    expect(edges).toContainEqual(["cli/build-command.ts", "check.ts"]);
  });

  it("has no edge that breaks a layer", () => {
    const broken = edges.flatMap(([from, to]) => {
      const why = brokenRule(from, to);
      return why ? [`${from} → ${to}: ${why}`] : [];
    });
    expect(broken).toEqual([]);
  });

  it("has no cycle, between files or between folders", () => {
    expect(cycles(edges)).toEqual([]);
    const folder = (f: string) => (f.includes("/") ? f.split("/")[0]! : f);
    const folderEdges = edges.map(([a, b]) => [folder(a), folder(b)] as [string, string]).filter(([a, b]) => a !== b);
    expect(cycles(folderEdges)).toEqual([]);
  });

  it("lets only src/browser/ import puppeteer-core", () => {
    const outside = packages.filter(([from, name]) => name.startsWith("puppeteer") && !from.startsWith("browser/"));
    expect(outside).toEqual([]);
  });

  it("lets the CLI reach only entry points, features and the foundations", () => {
    const reached = new Set(edges.filter(([from]) => from.startsWith("cli/")).map(([, to]) => layerOf(to)?.kind));
    expect([...reached].sort()).toEqual(["cli", "entry", "feature", "foundation"]);
  });
});

describe("the rules themselves", () => {
  it("refuse an edge up the pipeline, a CLI reaching a stage, two features sharing, and a cycle", () => {
    expect(brokenRule("tally/votes.ts", "render/words.ts")).toMatch(/comes after it in the pipeline/);
    expect(brokenRule("validate/check-rules.ts", "check.ts")).toMatch(/the entry point check\.ts, above it/);
    expect(brokenRule("cli/build-command.ts", "browser/print-pdfs.ts")).toMatch(/go through an entry point/);
    expect(brokenRule("register/register-views.ts", "export/scdl.ts")).toMatch(/feature register imports the feature export/);
    expect(brokenRule("model/session.ts", "tally/outcome.ts")).toMatch(/foundation/);
    expect(brokenRule("somewhere.ts", "model/session.ts")).toMatch(/in no layer/);
    expect(cycles([["a", "b"], ["b", "c"], ["c", "a"], ["c", "d"]])).toEqual([["a", "b", "c"]]);
  });

  it("allow the arrows that point down", () => {
    expect(brokenRule("cli/build-command.ts", "check.ts")).toBeUndefined();
    expect(brokenRule("check.ts", "validate/check-rules.ts")).toBeUndefined();
    expect(brokenRule("validate/check-rules.ts", "tally/outcome.ts")).toBeUndefined();
    expect(brokenRule("register/build-register.ts", "documents.ts")).toBeUndefined();
    expect(brokenRule("diagnostics/diagnostic.ts", "model/session.ts")).toBeUndefined();
  });
});
