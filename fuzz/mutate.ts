// Mutations of a session file at four levels: its bytes, its lines, its YAML (scalars, keys,
// sequences, styles; parsed and written back with the `yaml` package) and its structure as a
// session (motions, members, attendance, votes, numbers and dates at their edges, deep
// nesting). Input `index` of a run seeded `seed` is always the same bytes: `generate` draws
// everything from randomFor(seed, index).
import { isCollection, isMap, isPair, isScalar, isSeq, Pair, parseDocument, Scalar, type Document, type Node, type YAMLMap, type YAMLSeq } from "yaml";
import { randomFor, type Random } from "./random.js";
import type { Dictionary, Seed } from "./seeds.js";

/** One generated input: the seed it comes from, its bytes, and what was done to them. */
export interface Input {
  readonly seed: Seed;
  readonly bytes: Uint8Array;
  /** The mutations applied, in order ("yaml:scalar motions.0.number = ''"). */
  readonly steps: readonly string[];
}

export type Level = "byte" | "line" | "yaml" | "structure";

/** A mutation: the new bytes and what it did, or undefined when it does not apply. */
type Mutation = (bytes: Uint8Array, random: Random, context: Context) => { bytes: Uint8Array; step: string } | undefined;

interface Context {
  readonly seeds: readonly Seed[];
  readonly dictionary: Dictionary;
  /** The seed being mutated (its register's other sittings are checked with it). */
  readonly seed?: Seed;
}

/** Input `index` of the run seeded `seed`. */
export function generate(seed: number, index: number, seeds: readonly Seed[], dictionary: Dictionary): Input {
  const random = randomFor(seed, index);
  const from = random.weighted(seeds.map((s) => [s.weight, s] as const));
  let bytes: Uint8Array = from.bytes;
  const steps: string[] = [];
  // Mostly one or two mutations: a file far from any session only exercises the first checks.
  const count = random.weighted([[50, 1], [30, 2], [12, 3], [8, random.between(4, 8)]] as const);
  const context = { seeds, dictionary, seed: from };
  for (let n = 0, tries = 0; n < count && tries < count * 4; tries++) {
    const level = random.weighted([[12, "byte"], [18, "line"], [35, "yaml"], [35, "structure"]] as const);
    const [name, mutation] = random.pick(mutations[level]);
    let done: ReturnType<Mutation>;
    try {
      done = mutation(bytes, random, context);
    } catch {
      done = undefined; // the yaml package refused to write what was made: draw another
    }
    if (!done) continue;
    bytes = done.bytes;
    steps.push(`${level}:${name} ${done.step}`.trim());
    n++;
  }
  return { seed: from, bytes, steps };
}

// ---------------------------------------------------------------------------------------------
// Values at the edges.

const longText = (n: number, unit = "x") => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** Values that have broken, or could break, something downstream. */
const edgeValues: readonly unknown[] = [
  0, -1, 1, 2, -0, 0.5, 1.5, 2 ** 31, 2 ** 32, 2 ** 53 + 1, 1e21, 1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY,
  "", " ", "  x  ", "\t", "0", "-1", "1e3", "0x10", "true", "null", "~", "yes", "no", "on",
  true, false, null,
  "0000-01-01", "0000-12-31", "0001-01-01", "1000-01-01", "1899-12-31", "1900-02-29", "2000-02-29", "2023-02-29", "2024-02-30", "2024-13-01", "2024-00-10",
  "9999-12-31", "10000-01-01", "2024-1-5", "2024-03-12T18:30:00Z", "12/03/2024",
  "00:00", "23:59", "24:00", "25:61", "18h30", "6:00 PM",
  longText(240), longText(241, "é"), longText(5_000, "abc "), longText(70_000, "Lorem ipsum dolor sit amet. "),
  "a\u2028b", "a\u2029b", "a\u0085b", "a\rb", "a\r\nb", "a\fb", "a\vb", "a\u0000b", "\u200b", "\ufeff", "\ud800", "🙂🙂", "e\u0301",
  "<script>alert(1)</script>", "</style><b>x</b>", "{{x}}", "{{{x}}}", "\\", "\"", "'", "`", "${x}", "%s", "&amp;", "]]>",
  "[lien](javascript:alert(1))", "![i](file:///etc/passwd)", "# titre", "- item", "| a | b |", "*",
  "../../etc/passwd", "a/b", "a\\b", "CON", "nul", ".", "..", "-", "proces-verbal", "liste-des-deliberations",
  "MARTIN", "Martin", "martin ", "a".repeat(64), "x-", "-x", "é",
];

/** A string changed a little. */
function tweakString(value: string, random: Random): string {
  const at = random.int(value.length + 1);
  switch (random.int(9)) {
    case 0:
      return value.slice(0, at) + random.pick(["\u2028", "\u2029", "\r", "\n", "\f", "\u0085", "\u0000", "\t", "\u00a0", "\u202f", "🙂", "’", "«", "\\", "\"", "'", "{", "}", "<", "&", "#", ":", "/"]) + value.slice(at);
    case 1:
      return value.slice(0, at);
    case 2:
      return value + value;
    case 3:
      return value.toUpperCase();
    case 4:
      return value.repeat(random.between(10, 500));
    case 5:
      return ` ${value} `;
    case 6:
      return value.slice(0, at) + value.slice(at + 1);
    case 7:
      return value.normalize("NFD");
    default:
      return [...value].reverse().join("");
  }
}

/** A replacement for a scalar found under `key`. */
function replacementFor(key: string | undefined, current: unknown, random: Random, dictionary: Dictionary): unknown {
  const seen = key === undefined ? undefined : dictionary.valuesByKey.get(key);
  const choice = random.int(10);
  if (choice < 3 && seen && seen.length > 0) return random.pick(seen);
  if (choice < 4 && dictionary.enums.length > 0) return random.pick(dictionary.enums);
  if (choice < 6 && typeof current === "string") return tweakString(current, random);
  if (choice < 7 && typeof current === "number") return random.pick([current + 1, current - 1, current * 10, -current, current + 0.5, 0]);
  return random.pick(edgeValues);
}

// ---------------------------------------------------------------------------------------------
// Bytes.

const utf8 = new TextEncoder();
const decode = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");
const encode = (text: string) => utf8.encode(text);
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

const interestingBytes: readonly number[][] = [
  [0x0d], [0x0d, 0x0a], [0x0a], [0x00], [0x09], [0x0c], [0x0b], [0x85], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xc3], [0xc3, 0x28], [0xe2, 0x80, 0xa8],
  [0xe2, 0x80, 0xa9], [0xc2, 0x85], [0xf0, 0x9f, 0x99, 0x82], [0xed, 0xa0, 0x80], [0x80], [0xe9], [0x3a], [0x23], [0x26, 0x61], [0x2a, 0x61], [0x27], [0x22], [0x5c], [0x7c], [0x3e],
  [0x7b], [0x5b], [0x2d, 0x20], [0x21, 0x21],
  [...encode("%YAML 1.1\n---\n")], [...encode("---\n")], [...encode("\n...\n")], [...encode("!!binary ")], [...encode("<<: *a\n")],
];

const byteMutations: readonly (readonly [string, Mutation])[] = [
  ["flip", (b, r) => {
    if (b.length === 0) return undefined;
    const out = new Uint8Array(b);
    const at = r.int(b.length);
    out[at] = out[at]! ^ (1 << r.int(8));
    return { bytes: out, step: `@${at}` };
  }],
  ["insert", (b, r) => {
    const at = r.int(b.length + 1);
    const what = r.pick(interestingBytes);
    return { bytes: concat(b.subarray(0, at), Uint8Array.from(what), b.subarray(at)), step: `@${at} ${Buffer.from(what).toString("hex")}` };
  }],
  ["delete", (b, r) => {
    const at = r.int(b.length + 1);
    const n = r.between(1, 64);
    return { bytes: concat(b.subarray(0, at), b.subarray(at + n)), step: `@${at}+${n}` };
  }],
  ["duplicate", (b, r) => {
    const at = r.int(b.length + 1);
    const n = r.between(1, 256);
    return { bytes: concat(b.subarray(0, at + n), b.subarray(at, at + n), b.subarray(at + n)), step: `@${at}+${n}` };
  }],
  ["truncate", (b, r) => {
    const at = r.int(b.length + 1);
    return { bytes: b.subarray(0, at), step: `@${at}` };
  }],
  ["line-ends", (b, r) => {
    const to = r.pick(["\r", "\r\n", "\n", "mixed"] as const);
    const lines = decode(b).split(/\r\n|\r|\n/);
    const text = to === "mixed" ? lines.map((l, i) => (i === 0 ? l : r.pick(["\r", "\r\n", "\n"]) + l)).join("") : lines.join(to);
    return { bytes: encode(text), step: JSON.stringify(to) };
  }],
  ["encoding", (b, r) => {
    const text = decode(b);
    const to = r.pick(["bom", "utf16le", "utf16be", "latin1"] as const);
    if (to === "bom") return { bytes: concat(Uint8Array.from([0xef, 0xbb, 0xbf]), b), step: to };
    if (to === "latin1") return { bytes: Uint8Array.from(Buffer.from(text, "latin1")), step: to };
    const le = Buffer.from(text, "utf16le");
    if (to === "utf16be") le.swap16();
    return { bytes: concat(Uint8Array.from(to === "utf16le" ? [0xff, 0xfe] : [0xfe, 0xff]), le), step: to };
  }],
];

// ---------------------------------------------------------------------------------------------
// Lines.

/** The lines of a text, each with its line break. */
const splitLines = (text: string) => text.match(/[^\r\n]*(?:\r\n|\r|\n|$)/g)!.filter((l, i, all) => l !== "" || i < all.length - 1);
type LineMutation = (lines: string[], r: Random, c: Context) => string | undefined;
const onLines = (mutate: LineMutation): Mutation => (b, r, c) => {
  const lines = splitLines(decode(b));
  if (lines.length === 0) return undefined;
  const step = mutate(lines, r, c);
  return step === undefined ? undefined : { bytes: encode(lines.join("")), step };
};
const ending = (line: string) => /\r\n|\r|\n/.exec(line)?.[0] ?? "\n";

const lineMutations: readonly (readonly [string, Mutation])[] = [
  ["delete", onLines((lines, r) => {
    const at = r.int(lines.length);
    lines.splice(at, 1);
    return `line ${at + 1}`;
  })],
  ["duplicate", onLines((lines, r) => {
    const at = r.int(lines.length);
    lines.splice(at, 0, lines[at]!.replace(/[\r\n]*$/, "") + ending(lines[at]!));
    return `line ${at + 1}`;
  })],
  ["swap", onLines((lines, r) => {
    const a = r.int(lines.length);
    const b = r.int(lines.length);
    [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    return `lines ${a + 1} ${b + 1}`;
  })],
  ["move", onLines((lines, r) => {
    const a = r.int(lines.length);
    const [line] = lines.splice(a, 1);
    const b = r.int(lines.length + 1);
    lines.splice(b, 0, line!);
    return `line ${a + 1} to ${b + 1}`;
  })],
  ["indent", onLines((lines, r) => {
    const at = r.int(lines.length);
    const by = r.pick([-2, -1, 1, 2, 4]);
    lines[at] = by > 0 ? " ".repeat(by) + lines[at] : lines[at]!.replace(new RegExp(`^ {0,${-by}}`), "");
    return `line ${at + 1} by ${by}`;
  })],
  ["tab", onLines((lines, r) => {
    const at = r.int(lines.length);
    lines[at] = lines[at]!.replace(/^ +/, "\t");
    return `line ${at + 1}`;
  })],
  ["from-other-seed", onLines((lines, r, c) => {
    const other = splitLines(decode(r.pick(c.seeds).bytes));
    if (other.length === 0) return undefined;
    const line = r.pick(other);
    const at = r.int(lines.length + 1);
    lines.splice(at, 0, line.replace(/[\r\n]*$/, "") + "\n");
    return `at ${at + 1}: ${JSON.stringify(line.trim().slice(0, 60))}`;
  })],
  ["uncomment", onLines((lines, r) => {
    const comments = lines.flatMap((l, i) => (/^\s*#/.test(l) ? [i] : []));
    if (comments.length === 0) return undefined;
    const at = r.pick(comments);
    lines[at] = lines[at]!.replace(/#\s?/, "");
    return `line ${at + 1}`;
  })],
  ["split", onLines((lines, r) => {
    const at = r.int(lines.length);
    const line = lines[at]!;
    const cut = r.int(line.length + 1);
    lines[at] = `${line.slice(0, cut)}\n${line.slice(cut)}`;
    return `line ${at + 1} at ${cut}`;
  })],
];

// ---------------------------------------------------------------------------------------------
// YAML: a node of the parsed document, its path from the root.

interface Located {
  readonly node: Node;
  readonly path: readonly (string | number)[];
  /** The key it is the value of (the last string in its path). */
  readonly key: string | undefined;
}

/** Every node of the document with its path. */
function nodesOf(doc: Document): Located[] {
  const found: Located[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (!node || typeof node !== "object") return;
    const key = [...path].reverse().find((p): p is string => typeof p === "string");
    found.push({ node: node as Node, path, key });
    if (found.length > 20_000) return;
    if (isMap(node)) node.items.forEach((pair) => walk(pair.value, [...path, isScalar(pair.key) ? String(pair.key.value) : "?"]));
    if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(doc.contents, []);
  return found;
}

const pathText = (path: readonly (string | number)[]) => path.join(".") || "(root)";
const shown = (value: unknown) => {
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return text.length > 50 ? `${text.slice(0, 40)}…(${text.length})` : text;
};

/** Parses, lets `mutate` change the document, and writes it back; undefined when the file is no YAML to mutate. */
const onYaml = (mutate: (doc: Document, r: Random, c: Context) => string | undefined): Mutation => (b, r, c) => {
  const text = decode(b);
  if (deeplyNested(text)) return undefined;
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0 || !isCollection(doc.contents)) return undefined;
  const step = mutate(doc, r, c);
  if (step === undefined) return undefined;
  return { bytes: encode(doc.toString({ lineWidth: 0 })), step };
};
/**
 * Whether the text nests too deep for the `yaml` package to parse and write it back within a
 * thread's stack. Such a text is left to the byte and line mutations: otherwise what it gives
 * would depend on the stack's size, and an input would not be the same in every thread.
 */
function deeplyNested(text: string): boolean {
  if (text.length > 1_000_000) return true;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (/^ {200}/.test(line) || /[[{]{64}/.test(line) || /^(\s*- ){64}/.test(line)) return true;
  }
  return false;
}

const pickNode = (doc: Document, r: Random, test: (n: Located) => boolean): Located | undefined => {
  const nodes = nodesOf(doc).filter(test);
  return nodes.length === 0 ? undefined : r.pick(nodes);
};

const yamlMutations: readonly (readonly [string, Mutation])[] = [
  ["scalar", onYaml((doc, r, c) => {
    const at = pickNode(doc, r, (n) => isScalar(n.node));
    if (!at) return undefined;
    const scalar = at.node as Scalar;
    scalar.value = replacementFor(at.key, scalar.value, r, c.dictionary);
    scalar.type = undefined;
    return `${pathText(at.path)} = ${shown(scalar.value)}`;
  })],
  ["scalar-style", onYaml((doc, r) => {
    const at = pickNode(doc, r, (n) => isScalar(n.node));
    if (!at) return undefined;
    const style = r.pick<Scalar.Type>([Scalar.PLAIN, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE, Scalar.BLOCK_LITERAL, Scalar.BLOCK_FOLDED]);
    (at.node as Scalar).type = style;
    return `${pathText(at.path)} ${style}`;
  })],
  ["retype", onYaml((doc, r, c) => {
    const at = pickNode(doc, r, (n) => n.path.length > 0);
    if (!at) return undefined;
    const value = r.pick([[], {}, [replacementFor(at.key, undefined, r, c.dictionary)], { [r.pick(c.dictionary.keys)]: replacementFor(at.key, undefined, r, c.dictionary) }, replacementFor(at.key, undefined, r, c.dictionary)]);
    doc.setIn(at.path, doc.createNode(value));
    return `${pathText(at.path)} = ${shown(JSON.stringify(value))}`;
  })],
  ["remove-key", onYaml((doc, r) => {
    const at = pickNode(doc, r, (n) => isMap(n.node) && n.node.items.length > 0);
    if (!at) return undefined;
    const map = at.node as YAMLMap;
    const [pair] = map.items.splice(r.int(map.items.length), 1);
    return `${pathText(at.path)}.${isScalar(pair?.key) ? String(pair.key.value) : "?"}`;
  })],
  ["rename-key", onYaml((doc, r, c) => {
    const at = pickNode(doc, r, (n) => isMap(n.node) && n.node.items.length > 0);
    if (!at) return undefined;
    const pair = r.pick((at.node as YAMLMap).items);
    if (!isPair(pair) || !isScalar(pair.key)) return undefined;
    const old = String(pair.key.value);
    const name = r.chance(0.6) ? r.pick(c.dictionary.keys) : tweakString(old, r);
    pair.key = new Scalar(name);
    return `${pathText(at.path)}.${old} -> ${shown(name)}`;
  })],
  ["duplicate-key", onYaml((doc, r, c) => {
    const at = pickNode(doc, r, (n) => isMap(n.node) && n.node.items.length > 0);
    if (!at) return undefined;
    const map = at.node as YAMLMap;
    const pair = r.pick(map.items);
    if (!isPair(pair) || !isScalar(pair.key)) return undefined;
    map.items.push(new Pair(new Scalar(pair.key.value), doc.createNode(replacementFor(String(pair.key.value), undefined, r, c.dictionary))));
    return `${pathText(at.path)}.${String(pair.key.value)}`;
  })],
  ["add-key", onYaml((doc, r, c) => {
    const at = pickNode(doc, r, (n) => isMap(n.node));
    if (!at) return undefined;
    const key = r.pick(c.dictionary.keys);
    (at.node as YAMLMap).set(key, doc.createNode(replacementFor(key, undefined, r, c.dictionary)));
    return `${pathText(at.path)}.${key}`;
  })],
  ["sequence", onYaml((doc, r) => {
    const at = pickNode(doc, r, (n) => isSeq(n.node));
    if (!at) return undefined;
    const seq = at.node as YAMLSeq;
    const what = r.pick(["remove", "duplicate", "swap", "clear", "reverse"] as const);
    const i = r.int(Math.max(1, seq.items.length));
    const j = r.int(Math.max(1, seq.items.length));
    if (what === "remove") seq.items.splice(i, 1);
    if (what === "duplicate" && seq.items.length > 0) seq.items.splice(i, 0, doc.createNode(seq.items[i] && (seq.items[i] as Node).toJSON()));
    if (what === "swap") [seq.items[i], seq.items[j]] = [seq.items[j], seq.items[i]];
    if (what === "clear") seq.items = [];
    if (what === "reverse") seq.items.reverse();
    return `${pathText(at.path)} ${what} ${i} ${j}`;
  })],
  ["flow", onYaml((doc, r) => {
    const at = pickNode(doc, r, (n) => isCollection(n.node));
    if (!at) return undefined;
    const node = at.node as YAMLMap | YAMLSeq;
    node.flow = !node.flow;
    return `${pathText(at.path)} ${node.flow ? "flow" : "block"}`;
  })],
  ["alias", onYaml((doc, r) => {
    const nodes = nodesOf(doc).filter((n) => n.path.length > 0);
    if (nodes.length < 2) return undefined;
    // The anchor must come first in the document: the alias goes to a later node, outside it.
    const at = r.int(nodes.length - 1);
    const source = nodes[at]!;
    const later = nodes.slice(at + 1).filter((n) => !n.path.join(".").startsWith(source.path.join(".")));
    if (later.length === 0) return undefined;
    const target = r.pick(later);
    const alias = doc.createAlias(source.node as Scalar, "a");
    doc.setIn(target.path, alias);
    return `${pathText(target.path)} = *${pathText(source.path)}`;
  })],
];

// ---------------------------------------------------------------------------------------------
// Structure: what a session holds.

const seqAt = (doc: Document, path: readonly (string | number)[]) => {
  const node = doc.getIn(path, true);
  return isSeq(node) ? node : undefined;
};
const mapAt = (doc: Document, path: readonly (string | number)[]) => {
  const node = doc.getIn(path, true);
  return isMap(node) ? node : undefined;
};
const plain = (node: unknown) => (node && typeof node === "object" && "toJSON" in node ? (node as Node).toJSON() : node);
const memberIds = (doc: Document) => (seqAt(doc, ["members"])?.items ?? []).map((m) => (isMap(m) ? String(m.get("id")) : "?"));
const sessionDate = (doc: Document) => String(doc.getIn(["session", "date"]) ?? "2024-01-01");

/** A value nested `depth` levels deep, as block or flow YAML text. */
export function deepNesting(depth: number, kind: "block-map" | "block-seq" | "flow"): string {
  if (kind === "flow") return `${"[".repeat(depth)}1${"]".repeat(depth)}`;
  if (kind === "block-seq") return `${"- ".repeat(depth)}x`;
  let text = "";
  for (let i = 0; i < depth; i++) text += `${" ".repeat(i)}k${i}:\n`;
  return `${text}${" ".repeat(depth)}x`;
}

const structureMutations: readonly (readonly [string, Mutation])[] = [
  ["motions", onYaml((doc, r, c) => {
    const motions = seqAt(doc, ["motions"]);
    if (!motions || motions.items.length === 0) return undefined;
    const i = r.int(motions.items.length);
    const j = r.int(motions.items.length);
    const what = r.pick(["duplicate", "duplicate-renumbered", "remove", "remove-all", "swap", "from-other-seed", "many"] as const);
    if (what === "duplicate") motions.items.splice(j, 0, doc.createNode(plain(motions.items[i])));
    if (what === "duplicate-renumbered") {
      const copy = doc.createNode(plain(motions.items[i])) as YAMLMap;
      copy.set("number", `${String(copy.get("number"))}-${r.int(100)}`);
      motions.items.splice(j, 0, copy);
    }
    if (what === "remove") motions.items.splice(i, 1);
    if (what === "remove-all") motions.items = [];
    if (what === "swap") [motions.items[i], motions.items[j]] = [motions.items[j]!, motions.items[i]!];
    if (what === "from-other-seed") {
      const other = parseDocument(decode(r.pick(c.seeds).bytes));
      const theirs = seqAt(other, ["motions"]);
      if (!theirs || theirs.items.length === 0) return undefined;
      motions.items.splice(j, 0, doc.createNode(plain(r.pick(theirs.items))));
    }
    if (what === "many") {
      const n = r.pick([10, 50, 200]);
      const model = plain(motions.items[i]) as Record<string, unknown>;
      for (let k = 0; k < n; k++) motions.items.push(doc.createNode({ ...model, number: `${String(model.number)}-${k}` }));
      return `${what} ${n}`;
    }
    return `${what} ${i} ${j}`;
  })],
  ["members", onYaml((doc, r) => {
    const members = seqAt(doc, ["members"]);
    if (!members || members.items.length === 0) return undefined;
    const i = r.int(members.items.length);
    const j = r.int(members.items.length);
    const what = r.pick(["duplicate", "remove", "remove-all", "swap", "add", "id-case", "many"] as const);
    if (what === "duplicate") members.items.splice(j, 0, doc.createNode(plain(members.items[i])));
    if (what === "remove") members.items.splice(i, 1);
    if (what === "remove-all") members.items = [];
    if (what === "swap") [members.items[i], members.items[j]] = [members.items[j]!, members.items[i]!];
    if (what === "add") members.items.push(doc.createNode({ id: `nouveau${r.int(10)}`, civility: r.pick(["M.", "Mme", "X"]), first_name: "Jean", last_name: r.pick(["NOUVEAU", "", "é".repeat(300)]) }));
    if (what === "id-case") (members.items[i] as YAMLMap).set("id", String((members.items[i] as YAMLMap).get("id")).toUpperCase());
    if (what === "many") {
      const n = r.pick([50, 500]);
      for (let k = 0; k < n; k++) members.items.push(doc.createNode({ id: `m${k}`, civility: "M.", first_name: "Jean", last_name: `NOM${k}` }));
      return `${what} ${n}`;
    }
    return `${what} ${i} ${j}`;
  })],
  ["attendance", onYaml((doc, r) => {
    const attendance = mapAt(doc, ["attendance"]);
    if (!attendance || attendance.items.length === 0) return undefined;
    const ids = memberIds(doc);
    const wrong = () => r.pick<unknown>(["presnt", "Present", "", 42, -1, null, true, [], ["present"], {}, { represented_by: "" }, { represented_by: 3 }, { represented_by: "x", extra: 1 }, { by: "x" }]);
    const right = () => r.pick<unknown>(["present", "absent", "excused", { represented_by: r.pick(ids) }, { represented_by: "personne" }]);
    const what = r.pick(["set", "set-wrong", "two-wrong", "remove", "remove-all", "self-proxy", "chain"] as const);
    const pairs = attendance.items;
    const one = r.pick(pairs);
    const id = isScalar(one.key) ? String(one.key.value) : "?";
    if (what === "set") attendance.set(id, doc.createNode(right()));
    if (what === "set-wrong") attendance.set(id, doc.createNode(wrong()));
    if (what === "two-wrong") {
      // Two wrong values of different kinds, as the issue found.
      const other = r.pick(pairs);
      attendance.set(id, doc.createNode(r.pick<unknown>(["presnt", 42, null, true])));
      if (isScalar(other.key)) attendance.set(String(other.key.value), doc.createNode(r.pick<unknown>([{ represented_by: 3 }, [], { by: "x" }, {}])));
    }
    if (what === "remove") attendance.delete(id);
    if (what === "remove-all") attendance.items = [];
    if (what === "self-proxy") attendance.set(id, doc.createNode({ represented_by: id }));
    if (what === "chain") {
      const other = r.pick(pairs);
      if (isScalar(other.key)) {
        attendance.set(id, doc.createNode({ represented_by: String(other.key.value) }));
        attendance.set(String(other.key.value), doc.createNode({ represented_by: r.pick(ids) }));
      }
    }
    return `${what} ${id}`;
  })],
  ["vote", onYaml((doc, r) => {
    const motions = seqAt(doc, ["motions"]);
    if (!motions || motions.items.length === 0) return undefined;
    const i = r.int(motions.items.length);
    const motion = motions.items[i];
    if (!isMap(motion)) return undefined;
    const figure = r.pick(["for", "against", "abstentions", "blank", "invalid"]);
    const what = r.pick(["figure", "unanimous", "remove", "majority", "two-majorities", "by-member", "president"] as const);
    const edge = () => r.pick<unknown>([0, -1, 1, 2 ** 31, 1e21, 0.5, "3", null, ""]);
    if (what === "figure") doc.setIn(["motions", i, "vote", figure], edge());
    if (what === "unanimous") doc.setIn(["motions", i, "vote"], doc.createNode(r.pick<unknown>([{ unanimous: true }, { unanimous: false }, { unanimous: true, for: 3 }, { unanimous: "yes" }])));
    if (what === "remove") motion.delete("vote");
    if (what === "majority" || what === "two-majorities") {
      const value = () => r.pick<unknown>(["absolute", "relative", "absolue", 3, { ratio: "2/3", of: "expressed" }, { ratio: "2/3", of: "in_office", article: "CGCT L2121-20" }, { ratio: "3/2", of: "expressed" }, { ratio: "0/1", of: "x" }, { ratio: 2, of: "expressed" }, {}, []]);
      motion.set("majority", doc.createNode(value()));
      if (what === "two-majorities" && motions.items.length > 1) {
        const other = motions.items[(i + 1) % motions.items.length];
        if (isMap(other)) other.set("majority", doc.createNode(value()));
      }
    }
    if (what === "by-member") {
      const ids = memberIds(doc);
      doc.setIn(["motions", i, "vote"], doc.createNode({ by_member: Object.fromEntries(ids.map((id) => [id, r.pick(["for", "against", "abstention", "blank", "x"])])) }));
    }
    if (what === "president") doc.setIn(["motions", i, "vote", "president"], r.pick(["for", "against", "abstention", "x"]));
    return `${what} motions.${i} ${what === "figure" ? figure : ""}`;
  })],
  ["people", onYaml((doc, r) => {
    // Who comes, leaves, withdraws, chairs or reports: members of the sitting, often the ones
    // the count leans on (the president, a proxy holder), now and then no member at all.
    const ids = memberIds(doc);
    const motions = seqAt(doc, ["motions"]);
    if (ids.length === 0 || !motions || motions.items.length === 0) return undefined;
    const i = r.int(motions.items.length);
    const president = String(doc.getIn(["session", "president"]) ?? ids[0]);
    const holders = (mapAt(doc, ["attendance"])?.items ?? []).flatMap((p) => (isMap(p.value) ? [String(p.value.get("represented_by"))] : []));
    const someone = () => r.weighted([[6, r.pick(ids)], [2, president], [2, holders.length > 0 ? r.pick(holders) : president], [1, "personne"]] as const);
    const some = () => [...new Set(Array.from({ length: r.between(1, 3) }, someone))];
    const key = r.pick(["arrivals", "departures", "withdrawn", "not_taking_part", "interested", "excluded_from_office", "resignations", "chaired_by", "rapporteur", "ballot_requested_by", "accountable"]);
    const list = ["arrivals", "departures", "withdrawn", "not_taking_part", "interested", "excluded_from_office", "resignations", "ballot_requested_by"].includes(key);
    const value = list ? some() : someone();
    doc.setIn(["motions", i, key], doc.createNode(value));
    if (r.chance(0.3)) doc.setIn(["session", r.pick(["president", "secretaries", "signatory"])], doc.createNode(r.pick<unknown>([someone(), some(), { member: someone() }])));
    return `motions.${i}.${key} = ${shown(JSON.stringify(value))}`;
  })],
  ["tie", onYaml((doc, r) => {
    const motions = seqAt(doc, ["motions"]);
    if (!motions || motions.items.length === 0) return undefined;
    const i = r.int(motions.items.length);
    const n = r.pick([0, 1, 2, 5]);
    const vote: Record<string, unknown> = { for: n, against: n, abstentions: r.pick([0, 1]) };
    if (r.chance(0.6)) vote.president = r.pick(["for", "against", "abstention", "not_voting"]);
    doc.setIn(["motions", i, "vote"], doc.createNode(vote));
    return `motions.${i}.vote = ${JSON.stringify(vote)}`;
  })],
  ["number", onYaml((doc, r, c) => {
    const motions = seqAt(doc, ["motions"]);
    if (!motions || motions.items.length === 0) return undefined;
    const i = r.int(motions.items.length);
    // The date of this sitting, or of another sitting of its register: the documents of both go to one folder.
    const siblings = (c.seed?.register ?? []).flatMap((path) => /^\s*date:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(decode(c.seeds.find((s) => s.path === path)?.bytes ?? new Uint8Array()))?.[1] ?? []);
    const date = siblings.length > 0 && r.chance(0.5) ? r.pick(siblings) : sessionDate(doc);
    const others = motions.items.map((m) => (isMap(m) ? String(m.get("number")) : ""));
    const number = r.pick([
      `proces-verbal-${date}`, `PROCES-VERBAL-${date}`, `liste-des-deliberations-${date}`, longText(240, "1"), longText(100, "2024-"), "", " ", "/", "..", "a/b", "2024-01 ", "２０２４-０１",
      r.pick(others), r.pick(others).toUpperCase(), `${r.pick(others)}\u2028`, "0", "CON", "2024-001", "2024-1", "9999-99999",
    ]);
    doc.setIn(["motions", i, "number"], number);
    return `motions.${i}.number = ${shown(number)}`;
  })],
  ["date", onYaml((doc, r) => {
    const path = r.pick([["session", "date"], ["session", "convened_on"], ["session", "time"], ["session", "adjourned_at"]]);
    const value = r.pick(["0000-01-01", "0000-02-29", "0001-01-01", "9999-12-31", "1000-06-15", "1799-12-31", "2020-03-16", "2020-11-15", "2021-09-30", "2022-07-31", "2024-02-29", "2023-02-29", "2099-01-01", "00:00", "23:59", "24:00", "", 20240101, null]);
    doc.setIn(path, value);
    return `${path.join(".")} = ${shown(value)}`;
  })],
  ["year", (b, r) => {
    // Every date of the file in one year, so that the sitting and its convocation stay in order.
    const year = r.pick(["0000", "0001", "0999", "1789", "1790", "1900", "2999", "3000", "9999"]);
    const text = decode(b);
    const dated = text.replace(/\b\d{4}-(\d{2})-(\d{2})\b/g, `${year}-$1-$2`);
    return dated === text ? undefined : { bytes: encode(dated), step: year };
  }],
  ["nesting", (b, r) => {
    const kind = r.pick(["block-map", "block-seq", "flow"] as const);
    // A block mapping indents each level once more: 2,000 levels already make 2 MB.
    const depth = r.pick(kind === "block-map" ? [50, 500, 1_000, 2_000] : [50, 500, 1_000, 1_500, 2_000, 5_000, 10_000]);
    const lines = splitLines(decode(b));
    // Under a key of the top level, where a value is expected.
    const keys = lines.flatMap((l, i) => (/^[a-z_]+:\s*$/.test(l) || /^[a-z_]+: /.test(l) ? [i] : []));
    if (keys.length === 0) return undefined;
    const at = r.pick(keys);
    const key = lines[at]!.split(":")[0];
    const nested = deepNesting(depth, kind).split("\n").map((l) => `  ${l}`).join("\n");
    lines.splice(at, 1, `${key}:\n${nested}\n`);
    return { bytes: encode(lines.join("")), step: `${key} ${kind} ${depth}` };
  }],
  ["long-text", onYaml((doc, r) => {
    const at = pickNode(doc, r, (n) => isScalar(n.node) && typeof (n.node as Scalar).value === "string");
    if (!at) return undefined;
    const n = r.pick([1_000, 10_000, 100_000]);
    (at.node as Scalar).value = longText(n, r.pick(["a", "é", "mot ", "ligne\n", "\u2028", "🙂"]));
    return `${pathText(at.path)} ${n}`;
  })],
  ["whole", (_bytes, r) => {
    const text = r.pick(["", "\n", "# only a comment\n", "null\n", "[]\n", "{}\n", "42\n", "'x'\n", "---\n---\n", "format: 1\n", "format: 2\n", "a: &a [*a]\n", "&a [*a, *a]\n"]);
    return { bytes: encode(text), step: JSON.stringify(text) };
  }],
];

/** The mutations of each level, by name. */
export const mutations: Readonly<Record<Level, readonly (readonly [string, Mutation])[]>> = {
  byte: byteMutations,
  line: lineMutations,
  yaml: yamlMutations,
  structure: structureMutations,
};
