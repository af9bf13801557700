// np.average (weighted means, with `returned` and `keepdims`) and np.ptp (max - min), computed
// as NumPy 1.24's Python code does: weights summed in the result dtype (float64 for integer
// and bool inputs), `multiply(a, w).sum(axis) / w.sum(axis)`, and NumPy's texts for weights
// that do not fit. Does not accept an axis tuple together with weights of another shape.
//
//   average([[1, 2], [3, 4]], axis=1, weights=[1, 3]) → [1.75, 3.75]

import { astype } from '../core/cast';
import { dtypeInfo, promoteTypes } from '../core/dtype';
import { NumpyError } from '../core/errors';
import { NDArray } from '../core/ndarray';
import { PyFloat } from '../core/scalar';
import { full } from './creation';
import { normalizeAxis } from '../shape/axes';
import { unwrap } from '../shape/result';
import { broadcastTo, copy, reshape } from './manipulation';
import { amax, amin, mean, sum, type Axis } from './reduction';
import { applyUfunc } from './ufunc';

export interface AverageResult { avg: NDArray; scale: NDArray }

/** `np.average(a, axis, weights, returned=True, keepdims)`: the average and the sum of weights (broadcast to its shape). */
export function average(a: NDArray, axis: Axis, weights: NDArray | null, keepdims: boolean): AverageResult {
  if (weights === null) {
    const avg = mean(a, { axis, keepdims });
    // NumPy: avg.dtype.type(a.size / avg.size), a Python division
    if (avg.size === 0) throw new NumpyError('ZeroDivisionError', 'division by zero');
    const scale = full(avg.shape, new PyFloat(a.size / avg.size), avg.dtype);
    return { avg, scale };
  }
  const k = dtypeInfo(a.dtype).kind;
  const dtype = k === 'i' || k === 'u' || k === 'b' ? promoteTypes(promoteTypes(a.dtype, weights.dtype), 'float64') : promoteTypes(a.dtype, weights.dtype);
  let w = weights;
  if (a.ndim !== w.ndim || a.shape.some((d, i) => d !== w.shape[i])) {
    if (axis === null || axis === undefined) throw new NumpyError('TypeError', 'Axis must be specified when shapes of a and weights differ.');
    if (w.ndim !== 1) throw new NumpyError('TypeError', '1D weights expected when shapes of a and weights differ.');
    const ax = unwrap(normalizeAxis(typeof axis === 'number' ? axis : axis[0], a.ndim));
    if (w.shape[0] !== a.shape[ax]) throw new NumpyError('ValueError', 'Length of weights not compatible with specified axis.');
    w = reshape(w, a.shape.map((d, i) => (i === ax ? d : 1)));
  }
  const scl = sum(w, { axis, keepdims, dtype });
  if (scl.toArray().some((v) => v === 0)) throw new NumpyError('ZeroDivisionError', "Weights sum to zero, can't be normalized");
  const product = applyUfunc('multiply', astype(a, dtype), astype(w, dtype));
  const avg = applyUfunc('divide', sum(product, { axis, keepdims }), scl);
  const same = scl.ndim === avg.ndim && scl.shape.every((d, i) => d === avg.shape[i]);
  return { avg, scale: same ? scl : copy(broadcastTo(scl, avg.shape)) };
}

/** `np.ptp(a, axis, keepdims)`: `maximum.reduce - minimum.reduce` (so unsigned ints wrap and bools raise). */
export function ptp(a: NDArray, axis: Axis, keepdims: boolean): NDArray {
  return applyUfunc('subtract', amax(a, { axis, keepdims }), amin(a, { axis, keepdims }));
}
