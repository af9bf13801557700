// np.linalg.norm, transcribed from NumPy's linalg.py: the same ufuncs and reductions in the
// same order (so float sums are NumPy's pairwise sums), the flat fast path through a dot
// product, and matrix 2/-2/'nuc' norms from singular values. Integer and bool input is
// cast to float64 first, float32 stays float32. Shape checks are engine/shape/matmul.ts's normPlan.

import { NDArray } from '../../core/ndarray';
import { astype } from '../../core/cast';
import { dtypeInfo } from '../../core/dtype';
import { PyFloat } from '../../core/scalar';
import { unwrap } from '../../shape/result';
import { NormOrd, normPlan } from '../../shape/matmul';
import { applyUfunc } from '../ufunc';
import { amax, amin, sum } from '../reduction';
import { moveaxis, reshape } from '../manipulation';
import { dot } from '../matmul';
import { svd } from './svd';

const abs = (x: NDArray) => applyUfunc('absolute', x);
const sqrt = (x: NDArray) => applyUfunc('sqrt', x);

/**
 * `np.linalg.norm(x, ord, axis, keepdims)`; ±inf orders are ±Infinity, axis null/int/pair.
 *
 *   norm([3, 4]) → 5;  norm([[1, 2], [3, 4]], 'fro') → 5.477225575051661
 */
export function norm(x0: NDArray, ord: NormOrd = null, axis: number | readonly number[] | null = null, keepdims = false): NDArray {
  const x = dtypeInfo(x0.dtype).kind === 'f' ? x0 : astype(x0, 'float64');
  const plan = unwrap(normPlan(x.shape, ord, axis, keepdims));
  const nd = x.ndim;
  if (plan.kind === 'flat') {
    const flat = reshape(x, [x.size]);
    const ret = sqrt(dot(flat, flat));
    return keepdims ? reshape(ret, new Array<number>(nd).fill(1)) : ret;
  }
  if (plan.kind === 'vector') {
    const ax = plan.axes[0];
    const opts = { axis: ax, keepdims };
    if (ord === Infinity) return amax(abs(x), opts);
    if (ord === -Infinity) return amin(abs(x), opts);
    if (ord === 0) return sum(astype(applyUfunc('not_equal', x, 0), x.dtype), opts);
    if (ord === 1) return sum(abs(x), opts);
    if (ord === null || ord === 2) return sqrt(sum(applyUfunc('multiply', x, x), opts));
    const p = ord as number;
    const absx = abs(x);
    applyUfunc('power', absx, pyNumber(p), absx);
    const ret = sum(absx, opts);
    const recip = applyUfunc('reciprocal', astype(scalarArray(p), ret.dtype));
    return applyUfunc('power', ret, recip, ret);
  }
  let [row, col] = plan.axes;
  let ret: NDArray;
  const singular = () => svd(moveaxis(x, [row, col], [-2, -1]), true, false)[0];
  switch (ord) {
    case 2: ret = amax(singular(), { axis: -1 }); break;
    case -2: ret = amin(singular(), { axis: -1 }); break;
    case 'nuc': ret = sum(singular(), { axis: -1 }); break;
    case 1: if (col > row) col--; ret = amax(sum(abs(x), { axis: row }), { axis: col }); break;
    case -1: if (col > row) col--; ret = amin(sum(abs(x), { axis: row }), { axis: col }); break;
    case Infinity: if (row > col) row--; ret = amax(sum(abs(x), { axis: col }), { axis: row }); break;
    case -Infinity: if (row > col) row--; ret = amin(sum(abs(x), { axis: col }), { axis: row }); break;
    default: ret = sqrt(sum(applyUfunc('multiply', x, x), { axis: plan.axes })); break;
  }
  if (keepdims) {
    const shape = [...x.shape];
    shape[plan.axes[0]] = 1;
    shape[plan.axes[1]] = 1;
    ret = reshape(ret, shape);
  }
  return ret;
}

/** A Python number as the ufunc layer takes it (integral → int, else float). */
function pyNumber(v: number): number | PyFloat {
  return Number.isInteger(v) ? v : new PyFloat(v);
}

function scalarArray(v: number): NDArray {
  return new NDArray(new Float64Array([v]), 'float64', [], [], 0);
}
