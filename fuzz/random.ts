// A small seeded generator: the same seed and index always give the same input, whatever the
// machine, the thread or the order the inputs are run in (each input draws from its own stream).

/** Draws from one stream of numbers. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An integer in [min, max]. */
  between(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** One element, each weighted by its first member. */
  weighted<T>(items: readonly (readonly [number, T])[]): T;
}

/** The stream of input `index` of the run seeded with `seed` (mulberry32 over a splitmix of both). */
export function randomFor(seed: number, index: number): Random {
  let state = mix(mix(seed >>> 0) ^ mix((index >>> 0) + 0x9e3779b9) ^ Math.floor(index / 2 ** 32));
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick: (items) => items[int(items.length)]!,
    weighted: (items) => {
      const total = items.reduce((sum, [w]) => sum + w, 0);
      let at = next() * total;
      for (const [w, item] of items) {
        if (at < w) return item;
        at -= w;
      }
      return items[items.length - 1]![1];
    },
  };
}

/** A 32-bit integer mixer (splitmix32's finaliser). */
function mix(x: number): number {
  x = Math.imul((x ^ (x >>> 16)) >>> 0, 0x85ebca6b);
  x = Math.imul((x ^ (x >>> 13)) >>> 0, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
