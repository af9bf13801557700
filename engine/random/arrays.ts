// The small array steps of choice/shuffle/permutation, done the way NumPy's Python code
// does them: swapping sub-arrays along axis 0 in place, `cdf = p.cumsum(); cdf /= cdf[-1]`,
// `searchsorted(side='right')`, the first-occurrence dedup of `np.unique(return_index=True)`
// and `a.take(idx, axis)`. No random draws happen here.

import { NDArray, forEachOffset } from '../core/ndarray';
import { NpScalar } from '../core/scalar';
import { Slice } from '../core/pyvalues';
import { typeError } from '../core/errors';
import { getItem, IndexItem } from '../ops/indexing';
import { copy } from '../ops/manipulation';
import { emptyOut } from './common';

/** Swaps `a[i]` and `a[j]` (sub-arrays along axis 0), writing through views. */
export function swapItems(a: NDArray, i: number, j: number): void {
  const d = a.data, s0 = a.strides[0];
  const bi = a.offset + i * s0, bj = a.offset + j * s0;
  if (a.ndim === 1) {
    const t = d[bi];
    d[bi] = d[bj];
    d[bj] = t;
    return;
  }
  forEachOffset(a.shape.slice(1), a.strides.slice(1), 0, (o) => {
    const t = d[bi + o];
    d[bi + o] = d[bj + o];
    d[bj + o] = t;
  });
}

/** `cdf = p.cumsum(); cdf /= cdf[-1]` (sequential sums, as np.add.accumulate). */
export function normalizedCdf(p: ArrayLike<number>): Float64Array {
  const cdf = new Float64Array(p.length);
  let acc = 0;
  for (let i = 0; i < p.length; i++) {
    acc = i === 0 ? p[0] : acc + p[i];
    cdf[i] = acc;
  }
  const last = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
  return cdf;
}

/** `cdf.searchsorted(x, side='right')`: the number of entries <= x. */
export function searchsortedRight(cdf: Float64Array, x: number): number {
  let lo = 0, hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `new.take(sorted(np.unique(new, return_index=True)[1]))`: distinct values in first-seen order. */
export function distinctInOrder(vals: readonly number[]): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  for (const v of vals) {
    if (!seen.has(v)) { seen.add(v); out.push(v); }
  }
  return out;
}

/** A fresh int64 array of `shape` holding `vals`. */
export function int64Array(shape: readonly number[], vals: ArrayLike<number>): NDArray {
  const out = emptyOut(shape, 'int64');
  for (let i = 0; i < vals.length; i++) out.data[i] = vals[i];
  return out;
}

/** `a.take(idx, axis)` / `a[idx]`: a 0-d index into a 1-d array gives a NumPy scalar. */
export function takeAlong(a: NDArray, idx: NDArray | number, axis: number): NDArray | NpScalar {
  const items: IndexItem[] = [];
  for (let k = 0; k < axis; k++) items.push(new Slice(null, null, null));
  items.push(idx);
  const r = getItem(a, items);
  // take() copies; an integer index would otherwise give a view of `a`
  return typeof idx === 'number' && r instanceof NDArray ? copy(r) : r;
}

/** `len(x)` for an array: TypeError for 0-d, as Python's len(). */
export function lenOf(a: NDArray): number {
  if (a.ndim === 0) throw typeError('len() of unsized object');
  return a.shape[0];
}
