// Reductions with torch's dim/keepdim: sum, prod, mean, max/min (whole tensor → 0-d; with a
// dim → `torch.return_types.max(values, indices)`), argmax/argmin, std/var (unbiased by
// default in torch 1.13), any/all. Dtype rules are torch's (sum of ints is int64, mean/std/var
// need floats); dims are checked by engine/shape/torch.ts. Float sum/mean add in torch's own
// order (./cascadeSum); the rest use the engine's NumPy reductions.

import { DType } from '../core/dtype';
import { astype } from '../core/cast';
import { emptyArray, NDArray } from '../core/ndarray';
import { NumpyError } from '../core/errors';
import { unwrap } from '../shape/result';
import { torchReduceShape, wrapDim } from '../shape/torch';
import * as R from '../ops/reduction';
import { isFloatDType, torchDType } from './dtype';
import { result } from './autograd';
import { runtimeError } from './elementwise';
import { ReturnTypes, Tensor } from './tensor';
import { torchCascadeSum } from './cascadeSum';
import { varianceAll, varianceDims } from './variance';

/** `dim` argument: null (all dims), an int, or a list of ints. */
export type Dims = number | readonly number[] | null;

const dimList = (d: Dims): number[] | null => (d === null ? null : typeof d === 'number' ? [d] : [...d]);
const isAll = (d: Dims): boolean => d === null || (Array.isArray(d) && d.length === 0);

function plan(t: Tensor, dim: Dims, keepdim: boolean): { axes: number[]; shape: number[] } {
  const r = unwrap(torchReduceShape(t.shape, dimList(dim), keepdim));
  return { axes: r.dims, shape: r.shape as number[] };
}

/** NumPy reductions keep 0-d arrays; keepdim on a 0-d tensor keeps it 0-d. */
function reduceWith(fn: (a: NDArray, o: R.ReduceOptions) => NDArray, t: Tensor, dim: Dims, keepdim: boolean, dtype?: DType): NDArray {
  const { axes } = plan(t, dim, keepdim);
  if (t.ndim === 0) return astype(t.arr, dtype ?? t.dtype);
  return fn(t.arr, { axis: axes, keepdims: keepdim, dtype });
}

/**
 * torch's float sum (and, with `divideBy`, mean = sum / count in the same dtype, as CPU
 * mean_out does sum_out(...).div_(count)): the input is cast to the result dtype first, as
 * `self.to(dtype)` in make_reduction.
 */
function floatSum(t: Tensor, dim: Dims, keepdim: boolean, dt: DType, divideBy = false): NDArray {
  const { axes, shape } = plan(t, dim, keepdim);
  const src = t.arr.dtype === dt ? t.arr : astype(t.arr, dt);
  const sums = t.ndim === 0 ? Float64Array.of(Number(src.data[src.offset])) : torchCascadeSum(src, axes);
  let count = 1;
  for (const a of axes) count *= t.ndim === 0 ? 1 : t.shape[a];
  const out = emptyArray(shape, dt);
  const r = dt === 'float32' ? Math.fround : (v: number): number => v;
  const divisor = r(count);
  for (let i = 0; i < sums.length; i++) out.data[i] = divideBy ? r(sums[i] / divisor) : sums[i];
  return out;
}

/** `t.sum(dim=None, keepdim=False, dtype=None)`: bool/int sum to int64. */
export function sum(t: Tensor, dim: Dims = null, keepdim = false, dtype?: DType): Tensor {
  const dt = dtype ?? (isFloatDType(t.dtype) ? t.dtype : 'int64');
  const out = isFloatDType(dt) ? floatSum(t, dim, keepdim, dt) : reduceWith(R.sum, t, dim, keepdim, dt);
  return result(out, [t], isAll(dim) ? 'SumBackward0' : 'SumBackward1');
}

export function prod(t: Tensor, dim: number | null = null, keepdim = false, dtype?: DType): Tensor {
  const dt = dtype ?? (isFloatDType(t.dtype) ? t.dtype : 'int64');
  const out = reduceWith(R.prod, t, dim, keepdim, dt);
  return result(out, [t], dim === null ? 'ProdBackward0' : 'ProdBackward1');
}

/** `t.mean(dim=None, keepdim=False, dtype=None)`: floating point only. */
export function mean(t: Tensor, dim: Dims = null, keepdim = false, dtype?: DType): Tensor {
  const dt = dtype ?? t.dtype;
  if (!isFloatDType(dt)) {
    throw runtimeError(`mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${torchDType(dt).scalarTypeName}`);
  }
  // torch 1.13 on CPU: sum_out(...).div_(number of reduced elements)
  const out = floatSum(t, dim, keepdim, dt, true);
  return result(out, [t], isAll(dim) ? 'MeanBackward0' : 'MeanBackward1');
}

/**
 * `t.var(dim=None, unbiased=True, keepdim=False)` (or `correction=`): divides by N - 1 by
 * default. `t.std` is its square root. Computed in double in torch's order (./variance).
 */
export function variance(t: Tensor, dim: Dims, correction: number, keepdim: boolean, std: boolean): Tensor {
  if (!isFloatDType(t.dtype)) throw runtimeError('std and var only support floating point and complex dtypes');
  const { axes, shape } = plan(t, dim, keepdim);
  const out = emptyArray(shape, t.dtype);
  if (t.numel === 0) {
    out.data.fill(NaN);
  } else if (out.size === 1) {
    const mean = Number(floatSum(t, null, false, t.dtype, true).data[0]);
    out.data[0] = varianceAll(t.arr, mean, correction, std);
  } else {
    const values = varianceDims(t.arr, axes, correction, std);
    for (let i = 0; i < values.length; i++) out.data[i] = values[i];
  }
  return result(out, [t], std ? 'StdBackward0' : 'VarBackward0');
}

function emptyReductionError(name: string): NumpyError {
  return runtimeError(`${name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`);
}

/** `t.max()` / `t.min()` over everything: a 0-d tensor of t's dtype (NaN wins). */
export function extremeAll(t: Tensor, which: 'max' | 'min'): Tensor {
  if (t.numel === 0) throw emptyReductionError(which);
  const out = (which === 'max' ? R.amax : R.amin)(t.arr, { axis: null });
  return result(out, [t], which === 'max' ? 'MaxBackward1' : 'MinBackward1');
}

/**
 * `t.max(dim, keepdim=False)`: `torch.return_types.max(values=…, indices=…)`; the index of
 * the first maximum (or of the first NaN).
 */
export function extremeDim(t: Tensor, which: 'max' | 'min', dim: number, keepdim = false): ReturnTypes {
  const d = unwrap(wrapDim(dim, t.ndim));
  if (t.ndim > 0 && t.shape[d] === 0) {
    throw new NumpyError('IndexError', `${which}(): Expected reduction dim ${d} to have non-zero size.`);
  }
  let values: NDArray, indices: NDArray;
  if (t.ndim === 0) {
    values = astype(t.arr, t.dtype);
    indices = astype(t.arr, 'int64');
    indices.data[0] = 0;
  } else {
    const ax = [d];
    values = (which === 'max' ? R.amax : R.amin)(t.arr, { axis: ax, keepdims: keepdim });
    indices = R.argExtreme(t.arr, which, d, keepdim);
  }
  const grad = which === 'max' ? 'MaxBackward0' : 'MinBackward0';
  return new ReturnTypes(`torch.return_types.${which}`, ['values', 'indices'], [result(values, [t], grad), new Tensor(indices)]);
}

/**
 * `torch.amax(t, dim=(), keepdim=False)`: max over several dims (no indices). Each dim is
 * wrapped and checked for zero size in order, then repeats are refused.
 */
export function amaxDims(t: Tensor, which: 'max' | 'min', dim: Dims, keepdim: boolean): Tensor {
  const name = `a${which}`;
  const dims = dimList(dim) ?? [];
  if (dims.length === 0) {
    if (t.numel === 0) throw runtimeError(`${name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`);
  } else {
    const seen: number[] = [];
    for (const d of dims) {
      const w = unwrap(wrapDim(d, t.ndim));
      if (t.ndim > 0 && t.shape[w] === 0) throw new NumpyError('IndexError', `${name}(): Expected reduction dim ${w} to have non-zero size.`);
      if (seen.includes(w)) throw runtimeError(`dim ${w} appears multiple times in the list of dims`);
      seen.push(w);
    }
  }
  const out = reduceWith(which === 'max' ? R.amax : R.amin, t, dims.length ? dims : null, keepdim);
  return result(out, [t], which === 'max' ? 'AmaxBackward0' : 'AminBackward0');
}

/** `t.argmax(dim=None, keepdim=False)`: flattened index when dim is None. */
export function argExtreme(t: Tensor, which: 'max' | 'min', dim: number | null = null, keepdim = false): Tensor {
  const name = `arg${which}`;
  const noBool = () => { if (t.dtype === 'bool') throw runtimeError(`"${name}_cpu" not implemented for 'Bool'`); };
  if (dim === null) {
    noBool();
    if (t.numel === 0) throw new NumpyError('IndexError', `${name}(): Expected reduction dim to be specified for input.numel() == 0.`);
    return new Tensor(R.argExtreme(t.arr, which, null, keepdim));
  }
  const d = unwrap(wrapDim(dim, t.ndim));
  noBool();
  if (t.ndim === 0) return new Tensor(emptyArray([], 'int64'));
  if (t.shape[d] === 0) throw new NumpyError('IndexError', `${name}(): Expected reduction dim ${d} to have non-zero size.`);
  return new Tensor(R.argExtreme(t.arr, which, d, keepdim));
}

/** `t.any()` / `t.all()` (bool result; uint8 stays uint8 as in torch). */
export function anyAll(t: Tensor, which: 'any' | 'all', dim: number | null = null, keepdim = false): Tensor {
  const out = reduceWith(which === 'any' ? R.any : R.all, t, dim, keepdim, 'bool');
  return new Tensor(t.dtype === 'uint8' ? astype(out, 'uint8') : out);
}
