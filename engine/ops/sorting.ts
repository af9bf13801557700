// Sorting and what is built on it: np.sort / ndarray.sort, np.argsort, np.unique, np.searchsorted.
// NumPy's order: ascending, NaN last. Does not reproduce NumPy's unstable quicksort for ties:
// argsort here is stable (NumPy's is too for fewer than 17 elements per lane, and with
// kind='stable'); `order=` (structured arrays) and `unique(axis=)` are not supported.
//
//   sort([[3, 1], [2, 0]])        → [[1, 3], [0, 2]]   (along the last axis)
//   argsort([3, 1, 2])            → [1, 2, 0]          (int64)
//   unique([2, 1, 2], return_counts=True) → ([1, 2], [1, 2])

import { DType } from '../core/dtype';
import { emptyArray, NDArray } from '../core/ndarray';
import { NumpyError } from '../core/errors';
import { normalizeAxis } from '../shape/axes';
import { unwrap } from '../shape/result';
import { copy, flatten, moveaxis } from './manipulation';

/** NumPy's sort order: NaN after every number. */
export const compareNumbers = (x: number, y: number): number =>
  (x < y ? -1 : x > y ? 1 : x === y ? 0 : Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1);

/** Applies `fn` to every 1-D lane along `axis`; a fresh C-ordered array of `dtype`. */
function mapLanes(a: NDArray, axis: number, dtype: DType, fn: (vals: number[]) => number[]): NDArray {
  const ax = unwrap(normalizeAxis(axis, a.ndim));
  const moved = copy(moveaxis(a, ax, -1));
  const n = a.shape[ax];
  const out = emptyArray(moved.shape, dtype);
  const src = moved.toArray();
  for (let off = 0; off < src.length; off += n) {
    const r = fn(src.slice(off, off + n));
    for (let j = 0; j < r.length; j++) out.data[off + j] = r[j];
  }
  return copy(moveaxis(out, -1, ax));
}

/** `np.sort(a, axis=-1)`; `axis=null` sorts the flattened array. */
export function sort(a: NDArray, axis: number | null = -1): NDArray {
  if (axis === null) a = flatten(a);
  if (a.ndim === 0) throw new NumpyError('AxisError', `axis ${axis ?? -1} is out of bounds for array of dimension 0`);
  return mapLanes(a, axis ?? -1, a.dtype, (v) => v.sort(compareNumbers));
}

/** `a.sort(axis=-1)`: sorts in place. */
export function sortInPlace(a: NDArray, axis = -1): void {
  if (a.ndim === 0) throw new NumpyError('AxisError', `axis ${axis} is out of bounds for array of dimension 0`);
  const sorted = sort(a, axis);
  const vals = sorted.toArray();
  // write back in C order through a's own strides
  const idx = new Array<number>(a.ndim).fill(0);
  for (let k = 0; k < vals.length; k++) {
    let off = a.offset;
    for (let d = 0; d < a.ndim; d++) off += idx[d] * a.strides[d];
    a.data[off] = vals[k];
    for (let d = a.ndim - 1; d >= 0; d--) {
      if (++idx[d] < a.shape[d]) break;
      idx[d] = 0;
    }
  }
}

/** `np.argsort(a, axis=-1)`: int64 indices that sort each lane (stable); a 0-d array gives array([0]). */
export function argsort(a: NDArray, axis: number | null = -1): NDArray {
  // NumPy sorts a 0-d array as its 1-element ravel
  if (axis === null || a.ndim === 0) a = flatten(a);
  return mapLanes(a, axis ?? -1, 'int64', (v) => v.map((_, i) => i).sort((i, j) => compareNumbers(v[i], v[j]) || i - j));
}

export interface UniqueResult {
  values: NDArray;
  index?: NDArray;
  inverse?: NDArray;
  counts?: NDArray;
}

function fromValues(vals: readonly number[], dtype: DType): NDArray {
  const out = emptyArray([vals.length], dtype);
  for (let i = 0; i < vals.length; i++) out.data[i] = vals[i];
  return out;
}

/**
 * `np.unique(ar, return_index, return_inverse, return_counts, equal_nan=True)` over the
 * flattened array: sorted distinct values (NaNs collapse to one unless equal_nan=False).
 */
export function unique(a: NDArray, o: { index?: boolean; inverse?: boolean; counts?: boolean; equalNan?: boolean } = {}): UniqueResult {
  const vals = a.toArray();
  const equalNan = o.equalNan ?? true;
  const order = vals.map((_, i) => i).sort((i, j) => compareNumbers(vals[i], vals[j]) || i - j);
  const uniq: number[] = [], first: number[] = [], counts: number[] = [];
  const inverse = new Array<number>(vals.length);
  for (const i of order) {
    const v = vals[i];
    const last = uniq.length - 1;
    if (last >= 0 && (uniq[last] === v || (equalNan && Number.isNaN(v) && Number.isNaN(uniq[last])))) {
      counts[last]++;
      inverse[i] = last;
      continue;
    }
    uniq.push(v); first.push(i); counts.push(1); inverse[i] = uniq.length - 1;
  }
  const r: UniqueResult = { values: fromValues(uniq, a.dtype) };
  if (o.index) r.index = fromValues(first, 'int64');
  if (o.inverse) r.inverse = fromValues(inverse, 'int64');
  if (o.counts) r.counts = fromValues(counts, 'int64');
  return r;
}

/** `np.searchsorted(a, v, side='left')`: insertion points in the sorted 1-D `a` (int64, v's shape). */
export function searchsorted(a: NDArray, v: NDArray, side: 'left' | 'right' = 'left'): NDArray {
  if (a.ndim !== 1) throw new NumpyError('ValueError', 'object too deep for desired array');
  const sorted = a.toArray();
  const right = side === 'right';
  const find = (x: number): number => {
    let lo = 0, hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compareNumbers(sorted[mid], x);
      if (right ? c <= 0 : c < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const out = emptyArray(v.shape, 'int64');
  const xs = v.toArray();
  for (let i = 0; i < xs.length; i++) out.data[i] = find(xs[i]);
  return out;
}
