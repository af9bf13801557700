// The copy loops under copyInto (astype, ascontiguousarray, reshape copies, assignments)
// when a typed-array store already performs NumPy's cast, and under fancy indexing's
// gather. One loop is compiled per pair of typed-array classes so V8 sees monomorphic loads
// and stores (a single shared loop over every dtype ran several times slower). copy2d copies
// the two innermost dims together: rows with `set` or a unit-stride loop, transposed layouts
// in the source's memory order. Like ops/kernels.ts, only the fixed source text below
// reaches `Function`: no user text. Nothing here knows dtypes, shapes or casting rules.

import { TypedArray } from './dtype';

/**
 * Copies an `n0 × n1` block: element (r, c) goes from `S[s + r*ss0 + c*ss1]` to
 * `D[d + r*ds0 + c*ds1]`. Elements are written in row-major order unless both sides are
 * distinct buffers (the transpose loop and `set` reorder writes, which only matters when they
 * overlap).
 */
export type Copy2d = (
  n0: number, n1: number, D: TypedArray, d: number, ds0: number, ds1: number,
  S: TypedArray, s: number, ss0: number, ss1: number) => void;

const SOURCE = `return function copy2d(n0, n1, D, d, ds0, ds1, S, s, ss0, ss1) {
  const distinct = D.buffer !== S.buffer;
  if (ds1 === 1 && ss1 === 1) {
    if (distinct && n1 >= 32 && D.constructor === S.constructor) {
      for (let r = 0; r < n0; r++, d += ds0, s += ss0) D.set(S.subarray(s, s + n1), d);
      return;
    }
    for (let r = 0; r < n0; r++, d += ds0, s += ss0) {
      for (let c = 0; c < n1; c++) D[d + c] = S[s + c];
    }
    return;
  }
  if (distinct && ss0 === 1 && ds1 === 1) {
    // a transpose: walk the source contiguously (measured faster than either 16-128 tiles
    // or walking the destination contiguously)
    for (let c = 0; c < n1; c++, d++, s += ss1) {
      for (let r = 0, dr = d; r < n0; r++, dr += ds0) D[dr] = S[s + r];
    }
    return;
  }
  if (ds1 === 1) {
    for (let r = 0; r < n0; r++, d += ds0, s += ss0) {
      for (let c = 0, sc = s; c < n1; c++, sc += ss1) D[d + c] = S[sc];
    }
    return;
  }
  for (let r = 0; r < n0; r++, d += ds0, s += ss0) {
    for (let c = 0, dc = d, sc = s; c < n1; c++, dc += ds1, sc += ss1) D[dc] = S[sc];
  }
};`;

const cache = new Map<string, Copy2d>();

/** The copy loop for this pair of buffers' classes. */
export function copyKernel(D: TypedArray, S: TypedArray): Copy2d {
  const key = `${D.constructor.name}|${S.constructor.name}`;
  let k = cache.get(key);
  if (!k) { k = new Function(SOURCE)() as Copy2d; cache.set(key, k); }
  return k;
}

/**
 * Gathers `n` blocks of `sub` elements: block t goes from `S[offsets[t] + j*ss]` to
 * `D[t*sub + j]` (fancy indexing once the subspace is one strided row).
 */
export type GatherRows = (n: number, sub: number, D: TypedArray, S: TypedArray, offsets: Float64Array, ss: number) => void;

// `| 0` on each offset: indexing a typed array with a double (what Float64Array holds) is
// several times slower than with an int32. Callers guarantee fewer than 2**31 elements.

const GATHER_SOURCE = `return function gatherRows(n, sub, D, S, offsets, ss) {
  if (sub === 1) {
    for (let t = 0; t < n; t++) D[t] = S[offsets[t] | 0];
    return;
  }
  if (ss === 1) {
    for (let t = 0, d = 0; t < n; t++, d += sub) {
      const o = offsets[t] | 0;
      for (let j = 0; j < sub; j++) D[d + j] = S[o + j];
    }
    return;
  }
  for (let t = 0, d = 0; t < n; t++, d += sub) {
    for (let j = 0, o = offsets[t] | 0; j < sub; j++, o += ss) D[d + j] = S[o];
  }
};`;

/** Contiguous blocks up to this length get a loop with the block copy unrolled. */
const UNROLL_MAX = 16;

/** `sub` (2..UNROLL_MAX) straight-line copies per block: ~1.8x faster than the inner loop for np.eye(10)[labels]. */
function unrolledSource(sub: number): string {
  const body = Array.from({ length: sub }, (_, j) => `D[d + ${j}] = S[o + ${j}];`).join(' ');
  return `return function gatherRows${sub}(n, sub, D, S, offsets, ss) {
  for (let t = 0, d = 0; t < n; t++, d += ${sub}) { const o = offsets[t] | 0; ${body} }
};`;
}

const gatherCache = new Map<string, GatherRows>();

/** The gather loop for this pair of buffers' classes (and short contiguous block length). */
export function gatherKernel(D: TypedArray, S: TypedArray, sub: number, ss: number): GatherRows {
  const unroll = ss === 1 && sub >= 2 && sub <= UNROLL_MAX;
  const key = `${D.constructor.name}|${S.constructor.name}${unroll ? `|${sub}` : ''}`;
  let k = gatherCache.get(key);
  if (!k) { k = new Function(unroll ? unrolledSource(sub) : GATHER_SOURCE)() as GatherRows; gatherCache.set(key, k); }
  return k;
}
