// NaN-ignoring reductions: np.nansum, np.nanmean, np.nanmax, np.nanmin over the engine's
// reductions (so sums keep NumPy's pairwise order). Integer and bool arrays have no NaN and
// reduce as np.sum/np.mean/np.max/np.min do. Does not emit NumPy's RuntimeWarnings for
// all-NaN slices (the caller may); `out=`, `where=` and `initial=` are not supported.
//
//   nansum([1, nan, 2])          → 3.0
//   nanmax([[nan, 1], [nan, 2]], axis=0) → [nan, 2.0]

import { DType } from '../core/dtype';
import { NDArray } from '../core/ndarray';
import { astype } from '../core/cast';
import { NumpyError } from '../core/errors';
import * as R from './reduction';
import { applyUfunc } from './ufunc';
import { where } from './elementwise';

const isFloat = (d: DType): boolean => d === 'float32' || d === 'float64';

const nanMask = (a: NDArray): NDArray => applyUfunc('isnan', a);

/** `np.nansum(a, axis, dtype, keepdims)`: NaNs count as zero. */
export function nansum(a: NDArray, o: R.ReduceOptions = {}): NDArray {
  if (!isFloat(a.dtype)) return R.sum(a, o);
  return R.sum(where(nanMask(a), 0, a), o);
}

/** `np.nanmean`: the sum of the non-NaN values over their count (NaN where there are none). */
export function nanmean(a: NDArray, o: R.ReduceOptions = {}): NDArray {
  if (!isFloat(a.dtype)) return R.mean(a, o);
  const mask = nanMask(a);
  const total = R.sum(where(mask, 0, a), o);
  const count = R.sum(applyUfunc('logical_not', mask), { axis: o.axis, keepdims: o.keepdims, dtype: 'int64' });
  // NumPy divides into the sum's own dtype (true_divide(tot, cnt, out=tot, casting='unsafe'))
  return astype(applyUfunc('divide', total, count), o.dtype ?? a.dtype);
}

/** `np.nanmax` / `np.nanmin`: NaNs are skipped (fmax/fmin); a lane of only NaNs gives NaN. */
export function nanExtreme(a: NDArray, which: 'max' | 'min', o: R.ReduceOptions = {}): NDArray {
  const fn = which === 'max' ? R.amax : R.amin;
  if (!isFloat(a.dtype)) return fn(a, o);
  if (a.size === 0) throw new NumpyError('ValueError', `zero-size array to reduction operation ${which === 'max' ? 'fmax' : 'fmin'} which has no identity`);
  const mask = nanMask(a);
  const filled = where(mask, which === 'max' ? -Infinity : Infinity, a);
  const r = fn(astype(filled, a.dtype), o);
  // a 0-d r is a scalar to where()'s value-based casting; keep the data's dtype
  return astype(where(R.all(mask, o), NaN, r), a.dtype);
}
