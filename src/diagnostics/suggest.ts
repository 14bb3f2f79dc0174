// "Did you mean ...?" for misspelt field names and identifiers.

/**
 * Damerau-Levenshtein distance in its optimal string alignment form: insertions, deletions,
 * substitutions and transpositions of two adjacent characters, each costing 1, no substring
 * edited twice. Counts code points.
 */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  const n = t.length;
  // Three rows: i - 2, i - 1, i.
  let before = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      }
      current[j] = d;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[n] ?? 0;
}

/**
 * The candidate closest to `word` (case-insensitive optimal string alignment distance), if
 * that distance is at most max(1, floor(length of word / 3)); ties go to the earlier candidate.
 * Returns the candidate as spelt in `candidates`.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const needle = word.toLowerCase();
  const limit = Math.max(1, Math.floor(Array.from(word).length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
