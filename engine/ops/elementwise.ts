// Elementwise ops that are not plain ufunc rows: np.where (3 operands), np.clip (NumPy's
// clip loop with NaN propagation), np.round/around (multiply, rint, divide like NumPy).

import { DType, dtypeInfo } from '../core/dtype';
import { emptyArray, emptyArrayUninit, NDArray } from '../core/ndarray';
import { castValue } from '../core/cast';
import { broadcastStridesTo, coalesce, forEachRow } from '../core/iter';
import { NpScalar } from '../core/scalar';
import { valueError } from '../core/errors';
import { broadcastShapes } from '../shape/broadcast';
import { unwrap } from '../shape/result';
import { asarray } from './creation';
import { applyUfunc, operandsResultType, UfuncOperand } from './ufunc';
import { copy } from './manipulation';

function toArr(x: UfuncOperand): NDArray {
  if (x instanceof NpScalar) {
    const a = emptyArray([], x.dtype);
    a.data[0] = x.value;
    return a;
  }
  return asarray(x);
}

/** Runs `fn(values) → number` over broadcast operands into a new array of `dtype`. */
function mapN(ops: readonly NDArray[], dtype: DType, fn: (v: number[]) => number): NDArray {
  const shape = unwrap(broadcastShapes(...ops.map((a) => a.shape))) as number[];
  // uninitialised: the loop below visits every element of the broadcast shape (a throw from
  // `fn` drops `out`)
  const out = emptyArrayUninit(shape, dtype);
  const plan = coalesce(shape, [out.strides, ...ops.map((a) => broadcastStridesTo(a, shape))]);
  const nd = plan.shape.length;
  const steps = plan.strides.map((s) => (nd ? s[nd - 1] : 0));
  const vals = new Array<number>(ops.length);
  forEachRow(plan.shape, plan.strides, [0, ...ops.map((a) => a.offset)], (n, offs) => {
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < ops.length; k++) vals[k] = ops[k].data[offs[k + 1] + i * steps[k + 1]];
      out.data[offs[0] + i * steps[0]] = fn(vals);
    }
  });
  return out;
}

/** `np.where(condition, x, y)`: dtype is result_type(x, y); never unwrapped to a scalar. */
export function where(cond: UfuncOperand, x: UfuncOperand, y: UfuncOperand): NDArray {
  const dtype = operandsResultType([x, y]);
  const c = toArr(cond), a = toArr(x), b = toArr(y);
  const fa = a.dtype, fb = b.dtype;
  return mapN([c, a, b], dtype, (v) => (v[0] !== 0 ? castValue(v[1], fa, dtype) : castValue(v[2], fb, dtype)));
}

/** `np.clip(a, a_min, a_max)` with NumPy's _NPY_CLIP: min(max(x, lo), hi), NaN in x propagates. */
export function clip(x: UfuncOperand, lo: UfuncOperand | null, hi: UfuncOperand | null): NDArray {
  if (lo === null && hi === null) throw valueError('One of max or min must be given');
  if (lo === null) return applyUfunc('minimum', x, hi as UfuncOperand);
  if (hi === null) return applyUfunc('maximum', x, lo);
  const dtype = operandsResultType([x, lo, hi]);
  const a = toArr(x), l = toArr(lo), h = toArr(hi);
  const isF = dtypeInfo(dtype).kind === 'f';
  // NumPy's fast path for scalar bounds ignores a NaN bound; array bounds propagate it
  const ignoreNaN = (b: NDArray) => b.ndim === 0;
  const skipLo = ignoreNaN(l), skipHi = ignoreNaN(h);
  return mapN([a, l, h], dtype, (v) => {
    const xv = castValue(v[0], a.dtype, dtype), lv = castValue(v[1], l.dtype, dtype), hv = castValue(v[2], h.dtype, dtype);
    const t = isF && (xv !== xv || (skipLo && lv !== lv)) ? xv : xv > lv ? xv : lv;
    return isF && (t !== t || (skipHi && hv !== hv)) ? t : t < hv ? t : hv;
  });
}

/** `np.round(a, decimals)`: ints unchanged for decimals >= 0; floats via multiply, rint, divide. */
export function round(x: UfuncOperand, decimals = 0): NDArray {
  const a = toArr(x);
  const kind = dtypeInfo(a.dtype).kind;
  if (kind !== 'f') {
    if (decimals >= 0) return copy(a);
    const f = 10 ** -decimals;
    const y = applyUfunc('divide', a, f);
    applyUfunc('rint', y, undefined, y);
    const r = applyUfunc('multiply', y, f, y);
    const out = emptyArray(a.shape, a.dtype);
    for (let i = 0; i < out.size; i++) out.data[i] = castValue(r.data[i], r.dtype, a.dtype);
    return out;
  }
  if (decimals === 0) return applyUfunc('rint', a);
  const f = 10 ** Math.abs(decimals);
  const fs = emptyArray([], a.dtype);
  fs.data[0] = f;
  const y = applyUfunc(decimals >= 0 ? 'multiply' : 'true_divide', a, fs);
  applyUfunc('rint', y, undefined, y);
  return applyUfunc(decimals >= 0 ? 'true_divide' : 'multiply', y, fs, y);
}
