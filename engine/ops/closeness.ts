// Approximate and exact array comparison: np.isclose, np.allclose, np.array_equal, computed as
// NumPy 1.24's Python code does (|x - y| <= atol + rtol * |y| in the operands' promoted dtype,
// so float32 inputs compare in float32; infinities compare by equality; NaNs only with
// equal_nan). Does not warn: NumPy runs this under errstate(invalid='ignore').
//
//   isclose([1.0, nan], [1.00001, nan]) → [True, False]; shapes (3,) and (2,) → NumPy's broadcast error

import { NpScalar, PyFloat } from '../core/scalar';
import { asarray } from './creation';
import { applyUfunc, operandsResultType, UfuncOperand } from './ufunc';
import { NDArray } from '../core/ndarray';
import { astype } from '../core/cast';
import { where } from './elementwise';

export type Tolerance = number | PyFloat;

const toArr = (x: UfuncOperand): NDArray => (x instanceof NpScalar ? asarray(x) : asarray(x));
const allTrue = (a: NDArray): boolean => a.toArray().every((v) => v !== 0);

/** `abs(x - y) <= atol + rtol * abs(y)` with NumPy's operand types. */
function withinTolerance(x: NDArray, y: NDArray, rtol: Tolerance, atol: Tolerance): NDArray {
  const diff = applyUfunc('absolute', applyUfunc('subtract', x, y));
  const bound = applyUfunc('add', atol, applyUfunc('multiply', rtol, applyUfunc('absolute', y)));
  return applyUfunc('less_equal', diff, bound);
}

/** `np.isclose(a, b, rtol, atol, equal_nan)`: a bool array of the broadcast shape (0-d for scalars). */
export function isclose(a: UfuncOperand, b: UfuncOperand, rtol: Tolerance, atol: Tolerance, equalNan: boolean): NDArray {
  const x = toArr(a);
  const y0 = toArr(b);
  const y = astype(y0, operandsResultType([y0, new PyFloat(1)]));
  const xfin = applyUfunc('isfinite', x), yfin = applyUfunc('isfinite', y);
  if (allTrue(xfin) && allTrue(yfin)) return withinTolerance(x, y, rtol, atol);
  const finite = applyUfunc('logical_and', xfin, yfin);
  const ones = astype(finite, 'bool');
  ones.data.fill(1);
  const xb = applyUfunc('multiply', x, ones), yb = applyUfunc('multiply', y, ones);
  let cond = where(finite, withinTolerance(xb, yb, rtol, atol), applyUfunc('equal', xb, yb));
  if (equalNan) cond = applyUfunc('logical_or', cond, applyUfunc('logical_and', applyUfunc('isnan', xb), applyUfunc('isnan', yb)));
  return cond;
}

/** `np.allclose(...)`: Python's bool of all(isclose(...)). */
export function allclose(a: UfuncOperand, b: UfuncOperand, rtol: Tolerance, atol: Tolerance, equalNan: boolean): boolean {
  return allTrue(isclose(a, b, rtol, atol, equalNan));
}

/** `np.array_equal(a1, a2, equal_nan)`: same shape and equal elements (NaN equal to NaN only with equal_nan). */
export function arrayEqual(a1: NDArray, a2: NDArray, equalNan: boolean): boolean {
  if (a1.ndim !== a2.ndim || a1.shape.some((d, i) => d !== a2.shape[i])) return false;
  const eq = applyUfunc('equal', a1, a2).toArray();
  if (!equalNan) return eq.every((v) => v !== 0);
  const n1 = applyUfunc('isnan', a1).toArray(), n2 = applyUfunc('isnan', a2).toArray();
  return eq.every((v, i) => (n1[i] || n2[i] ? n1[i] === n2[i] : v !== 0));
}
