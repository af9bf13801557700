// The short-row kernel of takeRows.ts's sparse path (a[idx] from a mostly-zero table, such as
// np.eye(n)[labels]) into an UNINITIALISED result: each result row is first written with
// +0 by `sub` straight-line stores, then its non-+0 elements from the tables. A zero-filled
// result (calloc's memset of the whole buffer, then one scattered store per row) cost about
// 1.6x as much for np.eye(10)[labels] with 1e5 labels: the memset's lines had left the cache
// by the time each row was written. The stores are unrolled because a rolled loop of `sub`
// stores per row took over twice as long as the memset it replaces. Longer rows keep the
// zero-filled result and engine/core/copyKernels.ts's kernel. Like that file, only the fixed
// source text below reaches `Function`: no user text.

import { TypedArray } from '../core/dtype';

/** Rows up to this length are zeroed by unrolled stores (UNROLL_MAX of copyKernels.ts). */
export const SPARSE_UNINIT_MAX_ROW = 16;

/**
 * Copies rows t0 ≤ t < n of `a[x]` (row t = `sub` elements of D from t*sub) for index values
 * `i = x[k0 + t*st]`, from the tables of takeRows.ts's sparseRows: row r = i + size of them
 * holds `m` (column, value) pairs. Every row of D it passes is fully written. Returns the
 * first t whose index is outside [-size, size), or -1 when done.
 */
export type TakeSparseRowsUninit = (
  t0: number, n: number, D: TypedArray, x: TypedArray, k0: number, st: number, size: number,
  m: number, cols: Int32Array, vals: TypedArray) => number;

function source(sub: number, single: boolean): string {
  const zero = Array.from({ length: sub }, (_, j) => `D[d + ${j}] = 0;`).join(' ');
  const write = single
    ? 'D[d + cols[r]] = vals[r];'
    : 'for (let e = r * m, end = e + m; e < end; e++) D[d + cols[e]] = vals[e];';
  // the range is checked on the loaded value, then `| 0` makes the table index an int32
  return `return function takeSparseRowsUninit${sub}(t0, n, D, x, k0, st, size, m, cols, vals) {
  for (let t = t0, k = k0 + t0 * st, d = t0 * ${sub}; t < n; t++, k += st, d += ${sub}) {
    const i = x[k];
    if (!(i >= -size && i < size)) return t;
    ${zero}
    const r = (i | 0) + size;
    ${write}
  }
  return -1;
};`;
}

const cache = new Map<string, TakeSparseRowsUninit>();

/** The kernel for these buffer classes, row length `sub` (1..SPARSE_UNINIT_MAX_ROW) and `m` (1: no inner loop). */
export function takeSparseRowsUninitKernel(D: TypedArray, x: TypedArray, sub: number, m: number): TakeSparseRowsUninit {
  if (!(sub >= 1 && sub <= SPARSE_UNINIT_MAX_ROW)) throw new RangeError(`row length ${sub} is not 1..${SPARSE_UNINIT_MAX_ROW}`);
  const key = `${D.constructor.name}|${x.constructor.name}|${sub}|${m === 1}`;
  let k = cache.get(key);
  if (!k) { k = new Function(source(sub, m === 1))() as TakeSparseRowsUninit; cache.set(key, k); }
  return k;
}
