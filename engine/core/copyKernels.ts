// The copy loops under copyInto (astype, ascontiguousarray, reshape copies, assignments)
// when a typed-array store already performs NumPy's cast, and under fancy indexing's
// gather. One loop is compiled per pair of typed-array classes so V8 sees monomorphic loads
// and stores (a single shared loop over every dtype ran several times slower). copy2d copies
// the two innermost dims together: rows with `set` or a unit-stride loop, strided reads
// (transposes) into contiguous destination rows with an unrolled loop. Like ops/kernels.ts,
// only the fixed source text below reaches `Function`: no user text. Nothing here knows
// dtypes, shapes or casting rules.

import { TypedArray } from './dtype';

/**
 * Copies an `n0 × n1` block: element (r, c) goes from `S[s + r*ss0 + c*ss1]` to
 * `D[d + r*ds0 + c*ds1]`. Elements are written in row-major order unless both sides are
 * distinct buffers (`set` may reorder writes, which only matters when they overlap).
 */
export type Copy2d = (
  n0: number, n1: number, D: TypedArray, d: number, ds0: number, ds1: number,
  S: TypedArray, s: number, ss0: number, ss1: number) => void;

const UNROLLED_STRIDED_ROW = Array.from({ length: 16 }, (_, j) => `D[d + c + ${j}] = S[sc]; sc += ss1;`).join(' ');

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
  if (ds1 === 1) {
    // contiguous destination rows, strided reads (a transpose among them), unrolled 16
    // times: V8 reloads each typed array's base and length every iteration, and sharing
    // those loads made this ~1.5x faster than walking the source contiguously, which was
    // faster than this loop rolled (and than 16-128 tiles)
    for (let r = 0; r < n0; r++, d += ds0, s += ss0) {
      let c = 0, sc = s;
      for (; c + 16 <= n1; c += 16) {
        ${UNROLLED_STRIDED_ROW}
      }
      for (; c < n1; c++, sc += ss1) D[d + c] = S[sc];
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

/**
 * Fills `offsets[t] = base + i*scale` for the index values `i = x[k0 + t*st]` (negative ones
 * counted from `size`); returns the first t whose value is out of bounds, or -1. Compiled per
 * index buffer class: one shared loop sees every integer dtype and runs generic loads.
 */
export type IndexOffsets = (
  n: number, x: TypedArray, k0: number, st: number, base: number, size: number, scale: number, offsets: Float64Array) => number;

const INDEX_OFFSETS_SOURCE = `return function indexOffsets(n, x, k0, st, base, size, scale, offsets) {
  for (let t = 0, k = k0; t < n; t++, k += st) {
    const i = x[k];
    if (i < 0) {
      if (i < -size) return t;
      offsets[t] = base + (i + size) * scale;
    } else {
      if (i >= size) return t;
      offsets[t] = base + i * scale;
    }
  }
  return -1;
};`;

const offsetsCache = new Map<string, IndexOffsets>();

/** The index-offsets loop for this index buffer's class. */
export function indexOffsetsKernel(x: TypedArray): IndexOffsets {
  const key = x.constructor.name;
  let k = offsetsCache.get(key);
  if (!k) { k = new Function(INDEX_OFFSETS_SOURCE)() as IndexOffsets; offsetsCache.set(key, k); }
  return k;
}

// The take kernels below copy rows t0 ≤ t < n of `a[x]` for one integer index array x on
// a's first axis: row t of D (`sub` contiguous elements from d = t*sub) comes from the block
// `S[base + i*scale + j*ss]` (j < sub) of index value `i = x[k0 + t*st]`. Each index is
// checked as its row is copied, like NumPy's single-index fast path (mapiter_trivial_get).
// They return the first t they could not copy, or -1 when done. The `NonNegative` ones stop
// at any index outside [0, size), so the caller resumes with the general kernel from there
// when it is a negative one in range: `i < 0 ? i + size : i` on every row costs ~70% more
// for short rows, and negative indices are rare.

/** The general kernel: stops only at an index outside [-size, size). */
export type TakeRows = (
  t0: number, n: number, sub: number, D: TypedArray, S: TypedArray, x: TypedArray, k0: number, st: number,
  size: number, base: number, scale: number, ss: number) => number;

function takeRowsSource(unroll: number, nonNegative: boolean): string {
  const copy = unroll > 0
    ? Array.from({ length: unroll }, (_, j) => `D[d + ${j}] = S[s + ${j}];`).join(' ')
    : 'for (let j = 0, q = s; j < sub; j++, q += ss) D[d + j] = S[q];';
  const row = nonNegative
    ? `if (!(i >= 0 && i < size)) return t;
    const s = (base + i * scale) | 0;`
    : `let s;
    if (i < 0) {
      if (i < -size) return t;
      s = (base + (i + size) * scale) | 0;
    } else {
      if (i >= size) return t;
      s = (base + i * scale) | 0;
    }`;
  return `return function takeRows(t0, n, sub, D, S, x, k0, st, size, base, scale, ss) {
  for (let t = t0, k = k0 + t0 * st, d = t0 * sub; t < n; t++, k += st, d += sub) {
    const i = x[k];
    ${row}
    ${copy}
  }
  return -1;
};`;
}

/**
 * The general kernel into a zero-filled D from a source whose rows hold at most `m` elements
 * that are not +0 (a one-hot table). The tables have 2*size rows of m entries, row r for
 * index value r - size (so r = i + size needs no branch on the sign of i): `vals[e]` goes to
 * column `cols[e]` for e in [r*m, r*m + m), padded by repeating the row's last entry (or +0
 * at column 0), so only non-+0 elements are written.
 */
export type TakeSparseRows = (
  t0: number, n: number, sub: number, D: TypedArray, x: TypedArray, k0: number, st: number, size: number,
  m: number, cols: Int32Array, vals: TypedArray) => number;

function takeSparseRowsSource(m: number): string {
  const write = m === 1
    ? 'D[d + cols[r]] = vals[r];'
    : 'for (let e = r * m, end = e + m; e < end; e++) D[d + cols[e]] = vals[e];';
  // one element per row: 4 rows per iteration, all four indices checked before any is written
  // (V8 reloads each typed array's base and length every iteration; sharing them made this
  // ~1.6x faster for np.eye(10)[labels]); a failing block is redone row by row below
  const unrolled = m !== 1 ? '' : `for (; t + 4 <= n; t += 4, k += 4 * st, d += 4 * sub) {
    const i0 = x[k], i1 = x[k + st], i2 = x[k + 2 * st], i3 = x[k + 3 * st];
    if (!(i0 >= -size && i0 < size && i1 >= -size && i1 < size && i2 >= -size && i2 < size && i3 >= -size && i3 < size)) break;
    const r0 = (i0 | 0) + size, r1 = (i1 | 0) + size, r2 = (i2 | 0) + size, r3 = (i3 | 0) + size;
    D[d + cols[r0]] = vals[r0]; D[d + sub + cols[r1]] = vals[r1]; D[d + 2 * sub + cols[r2]] = vals[r2]; D[d + 3 * sub + cols[r3]] = vals[r3];
  }`;
  // the range is checked on the loaded value, then `| 0` makes the table index an int32
  // (indexing with the double x[k] + size cost ~15% more per row)
  return `return function takeSparseRows(t0, n, sub, D, x, k0, st, size, m, cols, vals) {
  let t = t0, k = k0 + t0 * st, d = t0 * sub;
  ${unrolled}
  for (; t < n; t++, k += st, d += sub) {
    const i = x[k];
    if (!(i >= -size && i < size)) return t;
    const r = (i | 0) + size;
    ${write}
  }
  return -1;
};`;
}

const takeCache = new Map<string, unknown>();

function compiled<K>(key: string, source: () => string): K {
  let k = takeCache.get(key);
  if (!k) { k = new Function(source())(); takeCache.set(key, k); }
  return k as K;
}

const cls = (a: TypedArray): string => a.constructor.name;

/** The row copy for these buffer classes (a contiguous row of up to UNROLL_MAX elements unrolled). */
export function takeRowsKernel(D: TypedArray, S: TypedArray, x: TypedArray, sub: number, ss: number, nonNegative: boolean): TakeRows {
  const unroll = ss === 1 && sub <= UNROLL_MAX ? sub : 0;
  return compiled(`take|${cls(D)}|${cls(S)}|${cls(x)}|${unroll}|${nonNegative}`, () => takeRowsSource(unroll, nonNegative));
}

/** The sparse row copy for these buffer classes and `m` (1 gets a loop without the inner one). */
export function takeSparseRowsKernel(D: TypedArray, x: TypedArray, m: number): TakeSparseRows {
  return compiled(`sparse|${cls(D)}|${cls(x)}|${m === 1}`, () => takeSparseRowsSource(m));
}
