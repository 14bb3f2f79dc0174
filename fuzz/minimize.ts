// Makes a failing input small while it still fails the same way: delta debugging (Zeller's
// ddmin) over its lines, then over the characters of each line left.

/** The smallest input found for which `fails` still holds (it holds for `bytes`). */
export async function minimize(bytes: Uint8Array, fails: (candidate: Uint8Array) => Promise<boolean>, budget = 1_500): Promise<Uint8Array> {
  let tries = 0;
  const test = async (candidate: Uint8Array) => tries++ < budget && (await fails(candidate));
  const text = Buffer.from(bytes).toString("latin1"); // byte for byte, whatever the encoding
  let lines = text.match(/[^\r\n]*(?:\r\n|\r|\n|$)/g)!.filter((l) => l !== "");
  // Long lines first cut by halves (a long value, a deep nesting on one line): ddmin over their
  // characters would spend the budget on one line.
  for (const i of lines.map((l, i) => [l.length, i] as const).filter(([n]) => n > 200).sort((a, b) => b[0] - a[0]).map(([, i]) => i)) {
    const eol = /(?:\r\n|\r|\n)?$/.exec(lines[i]!)![0];
    let body = lines[i]!.slice(0, lines[i]!.length - eol.length);
    // Out of the middle, which keeps what closes the line (`}` of a flow mapping, a quote).
    for (let cut = Math.floor(body.length / 2); cut >= 10 && tries < budget; ) {
      const from = Math.floor((body.length - cut) / 2);
      const shorter = body.slice(0, from) + body.slice(from + cut);
      const candidate = [...lines.slice(0, i), shorter + eol, ...lines.slice(i + 1)];
      if (await test(bytesOf(candidate.join("")))) {
        body = shorter;
        lines = candidate;
        cut = Math.min(cut, Math.floor(body.length / 2));
      } else cut = Math.floor(cut / 2);
    }
  }
  lines = await ddmin(lines, (parts) => test(bytesOf(parts.join(""))));
  // Then each line left, character by character.
  for (let i = 0; i < lines.length && tries < budget; i++) {
    if (lines[i]!.length < 8 || lines[i]!.length > 2_000) continue;
    const before = lines.slice(0, i).join("");
    const after = lines.slice(i + 1).join("");
    const chars = await ddmin([...lines[i]!], (parts) => test(bytesOf(before + parts.join("") + after)));
    lines[i] = chars.join("");
  }
  return bytesOf(lines.join(""));
}

const bytesOf = (latin1: string) => new Uint8Array(Buffer.from(latin1, "latin1"));

/** ddmin: a 1-minimal subsequence of `items` (as far as the budget goes) for which `fails` holds. */
async function ddmin<T>(items: readonly T[], fails: (parts: readonly T[]) => Promise<boolean>): Promise<T[]> {
  let current = [...items];
  let n = 2;
  while (current.length >= 2) {
    const size = Math.ceil(current.length / n);
    let reduced = false;
    for (let start = 0; start < current.length; start += size) {
      const complement = [...current.slice(0, start), ...current.slice(start + size)];
      if (complement.length > 0 && (await fails(complement))) {
        current = complement;
        n = Math.max(n - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (n >= current.length) break;
      n = Math.min(n * 2, current.length);
    }
  }
  return current;
}
