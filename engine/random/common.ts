// What numpy/random/_common.pyx does around every sampler: allocate the output for `size`,
// the scalar path versus the broadcasting path (`cont`/`disc` over float64 parameter
// arrays, NumPy's MultiIter order and its shape errors), parameter constraints with
// NumPy's texts, and kahan_sum. Samplers arrive as callbacks; nothing here draws numbers.

import { DType } from '../core/dtype';
import { NumpyError, valueError } from '../core/errors';
import { NDArray, sizeOf } from '../core/ndarray';
import { broadcastStridesTo } from '../core/iter';
import { PyFloat } from '../core/scalar';
import { checkedEmpty } from '../ops/creation';
import { broadcastShapes, broadcastShapesNamed } from '../shape/broadcast';
import { shapeTextTuple } from '../shape/dim';
import { unwrap } from '../shape/result';

/** `size`: null for None, else the output shape (an int n arrives as [n]). */
export type Size = readonly number[] | null;

/** A float parameter: a Python/NumPy scalar as a number, or an array (0-d counts as scalar). */
export type FloatParam = number | NDArray;

export const isScalarParam = (x: FloatParam): boolean => typeof x === 'number' || x.ndim === 0;
export const scalarOf = (x: FloatParam): number => (typeof x === 'number' ? x : x.data[x.offset]);

/** `np.empty(size, dtype)`, with NumPy's texts for negative or oversized shapes. */
export function emptyOut(size: readonly number[], dtype: DType): NDArray {
  return checkedEmpty(size, dtype);
}

/** A float64 view of an array parameter for broadcasting (`PyArray_FROM_OTF(x, NPY_DOUBLE)`). */
export function asArray(x: FloatParam): NDArray {
  if (typeof x !== 'number') return x;
  const a = checkedEmpty([], 'float64');
  a.data[0] = x;
  return a;
}

// ---- constraints ----------------------------------------------------------------------

export type Constraint =
  | 'none' | 'non_negative' | 'positive' | 'positive_not_nan' | 'bounded_0_1' | 'bounded_gt_0_1' | 'bounded_lt_0_1' | 'gt_1' | 'gte_1'
  | 'poisson' | 'legacy_poisson';

/** `np.iinfo('int64').max - np.sqrt(np.iinfo('int64').max) * 10`, in doubles. */
export const POISSON_LAM_MAX = 2 ** 63 - Math.sqrt(2 ** 63) * 10;

const signbit = (v: number): boolean => v < 0 || Object.is(v, -0);

/** `check_constraint` for a scalar parameter. */
export function checkConstraint(v: number, name: string, cons: Constraint): void {
  switch (cons) {
    case 'none': return;
    case 'non_negative':
      if (!Number.isNaN(v) && signbit(v)) throw valueError(`${name} < 0`);
      return;
    case 'positive':
      if (v <= 0) throw valueError(`${name} <= 0`);
      return;
    case 'positive_not_nan':
      if (Number.isNaN(v)) throw valueError(`${name} must not be NaN`);
      if (v <= 0) throw valueError(`${name} <= 0`);
      return;
    case 'bounded_0_1':
      if (!(v >= 0) || !(v <= 1)) throw valueError(`${name} < 0, ${name} > 1 or ${name} is NaN`);
      return;
    case 'bounded_lt_0_1':
      if (!(v >= 0) || !(v < 1)) throw valueError(`${name} < 0, ${name} >= 1 or ${name} is NaN`);
      return;
    case 'gt_1':
      if (!(v > 1)) throw valueError(`${name} <= 1 or ${name} is NaN`);
      return;
    case 'gte_1':
      if (!(v >= 1)) throw valueError(`${name} < 1 or ${name} is NaN`);
      return;
    case 'bounded_gt_0_1':
      // the scalar check says "contains NaNs" too
      if (!(v > 0) || !(v <= 1)) throw valueError(`${name} <= 0, ${name} > 1 or ${name} contains NaNs`);
      return;
    case 'poisson':
    case 'legacy_poisson':
      if (!(v >= 0)) throw valueError(`${name} < 0 or ${name} is NaN`);
      if (!(v <= POISSON_LAM_MAX)) throw valueError(`${name} value too large`);
      return;
  }
}

/** `check_array_constraint`: the array forms test in a different order and say "contains NaNs". */
export function checkArrayConstraint(a: NDArray, name: string, cons: Constraint): void {
  const vals = a.toArray();
  switch (cons) {
    case 'none': return;
    case 'non_negative':
      if (vals.some((v) => !Number.isNaN(v) && signbit(v))) throw valueError(`${name} < 0`);
      return;
    case 'positive':
      if (vals.some((v) => v <= 0)) throw valueError(`${name} <= 0`);
      return;
    case 'positive_not_nan':
      if (vals.some(Number.isNaN)) throw valueError(`${name} must not be NaN`);
      if (vals.some((v) => v <= 0)) throw valueError(`${name} <= 0`);
      return;
    case 'bounded_0_1':
      if (vals.some((v) => !(v >= 0) || !(v <= 1))) throw valueError(`${name} < 0, ${name} > 1 or ${name} contains NaNs`);
      return;
    case 'bounded_lt_0_1':
      if (vals.some((v) => !(v >= 0) || !(v < 1))) throw valueError(`${name} < 0, ${name} >= 1 or ${name} contains NaNs`);
      return;
    case 'gt_1':
      if (vals.some((v) => !(v > 1))) throw valueError(`${name} <= 1 or ${name} contains NaNs`);
      return;
    case 'gte_1':
      if (vals.some((v) => !(v >= 1))) throw valueError(`${name} < 1 or ${name} contains NaNs`);
      return;
    case 'bounded_gt_0_1':
      if (vals.some((v) => !(v > 0) || !(v <= 1))) throw valueError(`${name} <= 0, ${name} > 1 or ${name} contains NaNs`);
      return;
    case 'poisson':
    case 'legacy_poisson':
      if (!vals.every((v) => v <= POISSON_LAM_MAX)) throw valueError(`${name} value too large`);
      if (!vals.every((v) => v >= 0)) throw valueError(`${name} < 0 or ${name} contains NaNs`);
      return;
  }
}

// ---- broadcasting -------------------------------------------------------------------------

/**
 * The positions NumPy's MultiIter visits for `out` and the parameter arrays: one buffer
 * offset per element of `out` for each parameter. `validate` adds validate_output_shape's
 * check that the parameters do not broadcast beyond `out`.
 */
export function broadcastOffsets(outShape: readonly number[], params: readonly NDArray[], validate: boolean): number[][] {
  const shapes = [outShape, ...params.map((p) => p.shape)];
  const full = unwrap(broadcastShapesNamed(...shapes)) as number[];
  if (validate && shapeTextTuple(full) !== shapeTextTuple(outShape)) {
    throw valueError(`Output size ${shapeTextTuple(outShape)} is not compatible with broadcast dimensions of inputs ${shapeTextTuple(full)}.`);
  }
  const n = sizeOf(outShape);
  return params.map((p) => {
    const strides = broadcastStridesTo(p, full);
    const offs = new Array<number>(n);
    const nd = full.length;
    const idx = new Array<number>(nd).fill(0);
    let o = p.offset;
    for (let i = 0; i < n; i++) {
      offs[i] = o;
      for (let d = nd - 1; d >= 0; d--) {
        idx[d]++;
        o += strides[d];
        if (idx[d] < full[d]) break;
        o -= strides[d] * full[d];
        idx[d] = 0;
      }
    }
    return offs;
  });
}

/** The output shape of a broadcasting sampler: `size`, or the parameters' broadcast shape. */
export function broadcastOutShape(size: Size, params: readonly NDArray[]): number[] {
  if (size !== null) return [...size];
  return unwrap(broadcastShapesNamed(...params.map((p) => p.shape))) as number[];
}

export interface ParamSpec { readonly value: FloatParam; readonly name: string; readonly cons: Constraint }

/**
 * `check_output(out, dtype, size, require_c_array)`: `out=` must be a writeable contiguous
 * ndarray (C order, or F order too unless `requireC`) of `dtype` and, with a size, of that shape.
 */
export function checkOutput(out: unknown, dtype: DType, size: Size, requireC: boolean): NDArray {
  if (!(out instanceof NDArray) || !out.writeable || !(out.isCContiguous || (out.isFContiguous && !requireC))) {
    throw valueError(`Supplied output array must be ${requireC ? 'C-' : ''}contiguous, writable, aligned, and in machine byte-order.`);
  }
  if (out.dtype !== dtype) throw new NumpyError('TypeError', `Supplied output array has the wrong type. Expected ${dtype}, got ${out.dtype}`);
  if (size !== null && (size.length !== out.ndim || size.some((d, i) => d !== out.shape[i]))) {
    throw valueError('size must match out.shape when used together');
  }
  return out;
}

/** `double_fill`/`float_fill`'s loop over a checked `out`: its elements in memory order. */
export function fillOut(out: NDArray, draw: () => number): NDArray {
  const d = out.data;
  for (let i = out.offset, end = out.offset + out.size; i < end; i++) d[i] = draw();
  return out;
}

/** The (loc, 'loc', CONS_NONE), (scale, 'scale', CONS_NON_NEGATIVE) pair laplace/gumbel/logistic pass to `cont`. */
export function locScale(loc: FloatParam, scale: FloatParam): ParamSpec[] {
  return [{ value: loc, name: 'loc', cons: 'none' }, { value: scale, name: 'scale', cons: 'non_negative' }];
}

/**
 * `cont`: a continuous sampler with 0–3 float parameters. All-scalar parameters give a
 * Python float for size=None and a float64 array otherwise; any array parameter switches
 * to the broadcasting loop (constraints checked on whole arrays first).
 */
export function cont(size: Size, params: readonly ParamSpec[], draw: (args: readonly number[]) => number): PyFloat | NDArray {
  if (params.every((p) => isScalarParam(p.value))) {
    const vals = params.map((p) => scalarOf(p.value));
    params.forEach((p, i) => checkConstraint(vals[i], p.name, p.cons));
    if (size === null) return new PyFloat(draw(vals));
    const out = emptyOut(size, 'float64');
    const d = out.data;
    for (let i = 0; i < d.length; i++) d[i] = draw(vals);
    return out;
  }
  const arrs = params.map((p) => asArray(p.value));
  params.forEach((p, i) => checkArrayConstraint(arrs[i], p.name, p.cons));
  return broadcastLoop(size, arrs, 'float64', draw);
}

/**
 * `cont` for `loc + scale * z` (normal) with scalar loc and scale and a size: the z's from a
 * bulk fill (the same draws in the same order), then loc + scale * z in place, the same
 * arithmetic per element. Undefined when `cont`'s general path applies.
 */
export function contAffineBulk(size: Size, loc: FloatParam, scale: FloatParam, fill: (d: Float64Array) => void): NDArray | undefined {
  if (size === null || !isScalarParam(loc) || !isScalarParam(scale)) return undefined;
  const l = scalarOf(loc), s = scalarOf(scale);
  checkConstraint(s, 'scale', 'non_negative');
  const out = emptyOut(size, 'float64');
  const d = out.data as Float64Array;
  fill(d);
  for (let i = 0; i < d.length; i++) d[i] = l + s * d[i];
  return out;
}

/** `disc`: as `cont` for integer-valued samplers; scalars come back as Python ints. */
export function disc(size: Size, params: readonly ParamSpec[], draw: (args: readonly number[]) => number): number | NDArray {
  if (params.every((p) => isScalarParam(p.value))) {
    const vals = params.map((p) => scalarOf(p.value));
    params.forEach((p, i) => checkConstraint(vals[i], p.name, p.cons));
    if (size === null) return draw(vals);
    const out = emptyOut(size, 'int64');
    const d = out.data;
    for (let i = 0; i < d.length; i++) d[i] = draw(vals);
    return out;
  }
  const arrs = params.map((p) => asArray(p.value));
  params.forEach((p, i) => checkArrayConstraint(arrs[i], p.name, p.cons));
  return broadcastLoop(size, arrs, 'int64', draw);
}

/** The broadcasting loop shared by cont/disc/binomial: one draw per output element, C order. */
export function broadcastLoop(size: Size, arrs: readonly NDArray[], dtype: DType, draw: (args: readonly number[]) => number): NDArray {
  const shape = broadcastOutShape(size, arrs);
  const out = emptyOut(shape, dtype);
  const offs = broadcastOffsets(shape, arrs, true);
  const d = out.data;
  const args = new Array<number>(arrs.length);
  for (let i = 0; i < d.length; i++) {
    for (let k = 0; k < arrs.length; k++) args[k] = arrs[k].data[offs[k][i]];
    d[i] = draw(args);
  }
  return out;
}

/** `np.subtract(a, b)` for float64 parameter arrays (the ufunc's broadcasting text). */
export function subtract(a: NDArray, b: NDArray): NDArray {
  const shape = unwrap(broadcastShapes(a.shape, b.shape)) as number[];
  return broadcastLoop(shape, [a, b], 'float64', (v) => v[0] - v[1]);
}

/**
 * hypergeometric's checks before sampling: `ngood + nbad < nsample` on scalars, or
 * np.less(np.add(ngood, nbad), nsample) on arrays (each ufunc's broadcast error).
 */
export function checkHypergeometricSum(ngood: FloatParam, nbad: FloatParam, nsample: FloatParam): void {
  const msg = 'ngood + nbad < nsample';
  if (isScalarParam(ngood) && isScalarParam(nbad) && isScalarParam(nsample)) {
    if (scalarOf(ngood) + scalarOf(nbad) < scalarOf(nsample)) throw valueError(msg);
    return;
  }
  const g = asArray(ngood), b = asArray(nbad);
  const shape = unwrap(broadcastShapes(g.shape, b.shape)) as number[];
  const sum = broadcastLoop(shape, [g, b], 'float64', (v) => v[0] + v[1]);
  if (anyPair(sum, asArray(nsample), (t, n) => t < n)) throw valueError(msg);
}

/** `np.any(pred(a, b))` over the broadcast of two parameter arrays (the ufunc's broadcast error). */
export function anyPair(a: NDArray, b: NDArray, pred: (x: number, y: number) => boolean): boolean {
  const shape = unwrap(broadcastShapes(a.shape, b.shape)) as number[];
  return broadcastLoop(shape, [a, b], 'float64', (v) => (pred(v[0], v[1]) ? 1 : 0)).toArray().some((x) => x !== 0);
}

/**
 * `triangular`'s argument checks and sampling loop, shared by Generator and RandomState:
 * "left > mode", "mode > right", "left == right" (on scalars, or on any broadcast pair).
 */
export function triangularCont(size: Size, left: FloatParam, mode: FloatParam, right: FloatParam,
  draw: (l: number, m: number, r: number) => number): PyFloat | NDArray {
  const checks: [FloatParam, FloatParam, (a: number, b: number) => boolean, string][] = [
    [left, mode, (a, b) => a > b, 'left > mode'], [mode, right, (a, b) => a > b, 'mode > right'], [left, right, (a, b) => a === b, 'left == right'],
  ];
  const params = [left, mode, right].map((v) => ({ value: v, name: '', cons: 'none' as const }));
  if (isScalarParam(left) && isScalarParam(mode) && isScalarParam(right)) {
    for (const [a, b, bad, msg] of checks) if (bad(scalarOf(a), scalarOf(b))) throw valueError(msg);
  } else {
    for (const [a, b, bad, msg] of checks) if (anyPair(asArray(a), asArray(b), bad)) throw valueError(msg);
  }
  return cont(size, params, (a) => draw(a[0], a[1], a[2]));
}

/** `kahan_sum` over a float64 buffer. */
export function kahanSum(x: ArrayLike<number>): number {
  const n = x.length;
  if (n <= 0) return 0.0;
  let sum = x[0], c = 0.0;
  for (let i = 1; i < n; i++) {
    const y = x[i] - c;
    const t = sum + y;
    c = (t - sum) - y;
    sum = t;
  }
  return sum;
}

/** `np.prod(size)` as NumPy computes it for the "unless no samples are taken" checks. */
export function prodOf(size: Size): number {
  return size === null ? 1 : sizeOf(size);
}

export function overflowError(msg: string): NumpyError {
  return new NumpyError('OverflowError', msg);
}

