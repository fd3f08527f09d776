/** A small seeded PRNG (mulberry32): the same seed gives the same demo data set on every machine. */
export type Rng = { next(): number; int(min: number, max: number): number; pick<T>(items: readonly T[]): T; weighted<T>(items: readonly (readonly [T, number])[]): T };

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (items) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [v, w] of items) {
        r -= w;
        if (r < 0) return v;
      }
      const last = items.at(-1);
      if (!last) throw new RangeError('weighted pick from an empty list');
      return last[0];
    },
  };
}
