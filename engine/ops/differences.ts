// np.diff: the n-th discrete difference along an axis (`a[1:] - a[:-1]`, `!=` for bools, so
// integer dtypes wrap as NumPy's subtract does), with prepend/append values joined first.
// Does not implement `np.ediff1d` or `np.gradient`.
//
//   diff([1, 4, 9, 16]) → [3, 5, 7];  diff of shape (2, 3) along axis 0 → shape (1, 3)

import { NDArray } from '../core/ndarray';
import { Slice } from '../core/pyvalues';
import { normalizeAxis } from '../shape/axes';
import { unwrap } from '../shape/result';
import { diffShape } from '../shape/arrayOps';
import { getItem } from './indexing';
import { applyUfunc } from './ufunc';
import { broadcastTo, concatenate } from './manipulation';

/** `np.diff(a, n, axis, prepend, append)`; `prepend`/`append` are null when not given. */
export function diff(a0: NDArray, n: number, axis: number, prepend: NDArray | null, append: NDArray | null): NDArray {
  if (n === 0) return a0;
  // NumPy's errors (order, 0-d, axis): engine/shape's rule, which the analyzer uses too
  unwrap(diffShape(a0.shape, n, axis));
  const ax = unwrap(normalizeAxis(axis, a0.ndim));
  const edge = (v: NDArray): NDArray => (v.ndim === 0 ? broadcastTo(v, a0.shape.map((d, i) => (i === ax ? 1 : d))) : v);
  const parts = [...(prepend ? [edge(prepend)] : []), a0, ...(append ? [edge(append)] : [])];
  let a = parts.length > 1 ? concatenate(parts, ax) : a0;
  const op = a.dtype === 'bool' ? 'not_equal' : 'subtract';
  for (let k = 0; k < n; k++) {
    const len = a.shape[ax];
    const along = (start: number, stop: number) => a.shape.map((_, i) => (i === ax ? new Slice(start, stop, null) : new Slice(null, null, null)));
    a = applyUfunc(op, getItem(a, along(1, len)) as NDArray, getItem(a, along(0, Math.max(0, len - 1))) as NDArray);
  }
  return a;
}
