// Small seeded generators for tests that build random operands, so a failure reproduces.

/** mulberry32: uniform numbers in [0, 1) from `seed`. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` values of mixed sign and magnitude from a 32-bit LCG: each is uniform in [-0.5, 0.5)
 * times 10^(k - floor(decades / 2)), k = state mod `decades`, so an order of additions shows
 * in the last bits of a sum.
 */
export function mixedMagnitudes(n: number, seed: number, decades: number): Float64Array {
  const a = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    a[i] = ((s / 2 ** 32) - 0.5) * 10 ** ((s % decades) - (decades >> 1));
  }
  return a;
}
