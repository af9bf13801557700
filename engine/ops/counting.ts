// Counting and locating nonzeros: np.bincount (with weights/minlength and NumPy's C errors),
// np.count_nonzero, np.argwhere, np.flatnonzero. Results are int64 (NumPy's intp on x86-64),
// weighted bincounts float64. Does not implement bincount over int64 values past 2**53.
//
//   bincount([0, 1, 1, 3]) → [1, 2, 0, 1];  argwhere of a (2, 4) array with 4 nonzeros → shape (4, 2)

import { canCastSafe } from '../core/dtype';
import { NumpyError } from '../core/errors';
import { emptyArray, NDArray } from '../core/ndarray';
import { astype } from '../core/cast';
import { nonzero } from './search';
import { ravel, reshape } from './manipulation';
import { sum, type Axis } from './reduction';

/** `np.bincount(x, weights, minlength)`; `x` already int64 unless it came as an array (then safe-cast checked). */
export function bincount(x: NDArray, weights: NDArray | null, minlength: number): NDArray {
  if (x.ndim > 1) throw new NumpyError('ValueError', 'object too deep for desired array');
  if (x.ndim === 0) throw new NumpyError('ValueError', 'object of too small depth for desired array');
  if (!canCastSafe(x.dtype, 'int64')) {
    throw new NumpyError('TypeError', `Cannot cast array data from dtype('${x.dtype}') to dtype('int64') according to the rule 'safe'`);
  }
  if (minlength < 0) throw new NumpyError('ValueError', "'minlength' must not be negative");
  const vals = x.toArray();
  if (vals.length === 0) return emptyArray([minlength], 'int64');
  let max = -Infinity;
  for (const v of vals) {
    if (v < 0) throw new NumpyError('ValueError', "'list' argument must have no negative elements");
    if (v > max) max = v;
  }
  const len = Math.max(max + 1, minlength);
  if (weights === null) {
    const out = emptyArray([len], 'int64');
    for (const v of vals) out.data[v] += 1;
    return out;
  }
  if (weights.ndim !== 1) throw new NumpyError('ValueError', weights.ndim > 1 ? 'object too deep for desired array' : 'object of too small depth for desired array');
  const w = astype(weights, 'float64').toArray();
  if (w.length !== vals.length) throw new NumpyError('ValueError', "The weights and list don't have the same length.");
  const out = emptyArray([len], 'float64');
  vals.forEach((v, i) => { out.data[v] += w[i]; });
  return out;
}

/** `np.count_nonzero(a, axis, keepdims)`: a plain count for axis=None without keepdims, else an int64 sum of `a != 0`. */
export function countNonzero(a: NDArray, axis: Axis, keepdims: boolean): number | NDArray {
  if ((axis === null || axis === undefined) && !keepdims) return a.toArray().reduce((n, v) => n + (v !== 0 ? 1 : 0), 0);
  return sum(astype(a, 'bool'), { axis, keepdims, dtype: 'int64' });
}

/** `np.argwhere(a)`: the (count, ndim) int64 coordinates of nonzeros; a 0-d input gives (count, 0). */
export function argwhere(a: NDArray): NDArray {
  const cols = nonzero(a);
  const n = cols.length ? cols[0].size : 0;
  const nd = a.ndim;
  const out = emptyArray([n, nd], 'int64');
  if (nd === 0) return out;
  cols.forEach((c, j) => c.toArray().forEach((v, i) => { out.data[i * nd + j] = v; }));
  return out;
}

/** `np.flatnonzero(a)`: positions of nonzeros in the C-order flattened array. */
export function flatnonzero(a: NDArray): NDArray {
  return nonzero(a.ndim === 0 ? reshape(a, [1]) : ravel(a))[0];
}
