// Bounded random integers of every integer dtype, as numpy/random/_bounded_integers.pyx.in
// does them for both RandomState.randint (masked rejection, open interval) and
// Generator.integers (Lemire, optional endpoint): the scalar-bounds fill path, the
// broadcasting path for array bounds, the bound checks and their texts. Python ints
// arrive as number or bigint; values beyond 2**53 are computed exactly, then stored as the
// nearest double (the engine's int64 storage). It does not decide Python-vs-NumPy return types.

import { DType } from '../core/dtype';
import { NumpyError, valueError } from '../core/errors';
import { NDArray, sizeOf } from '../core/ndarray';
import { castValue } from '../core/cast';
import { broadcastShapes } from '../shape/broadcast';
import { unwrap } from '../shape/result';
import { NpScalar } from '../core/scalar';
import { BitGenerator } from './bitGenerator';
import { broadcastOffsets, broadcastOutShape, emptyOut, Size } from './common';
import {
  BitBuffer, bounded16, bounded32, bounded64Wide, bounded8, boundedBool, genMask32, newBuffer,
} from './distributions';

export type IntDType = 'bool' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'uint32' | 'uint64';

/** A Python int (number, or bigint beyond 2**53), a Python float (int() truncates) or an array. */
export type IntParam = number | bigint | NDArray;

const BOUNDS: Record<IntDType, readonly [bigint, bigint]> = {
  bool: [0n, 1n],
  int8: [-128n, 127n], int16: [-32768n, 32767n], int32: [-(2n ** 31n), 2n ** 31n - 1n], int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 255n], uint16: [0n, 65535n], uint32: [0n, 2n ** 32n - 1n], uint64: [0n, 2n ** 64n - 1n],
};

const BITS: Record<IntDType, number> = {
  bool: 1, int8: 8, uint8: 8, int16: 16, uint16: 16, int32: 32, uint32: 32, int64: 64, uint64: 64,
};

/** Python's int(x) for a scalar bound. */
function pyInt(x: number | bigint): bigint {
  if (typeof x === 'bigint') return x;
  if (Number.isNaN(x)) throw valueError('cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw new NumpyError('OverflowError', 'cannot convert float infinity to integer');
  return BigInt(Math.trunc(x));
}

function scalarBound(x: IntParam): number | bigint | undefined {
  if (typeof x === 'number' || typeof x === 'bigint') return x;
  if (x.ndim !== 0) return undefined;
  const v = x.data[x.offset];
  return x.dtype === 'float32' || x.dtype === 'float64' ? v : BigInt(v);
}

/** `format_bounds_error`: low == 0 gets the wording of the one-argument call. */
function boundsError(closed: boolean, lowIsZero: boolean): NumpyError {
  if (lowIsZero) return valueError(`high ${closed ? '<' : '<='} 0`);
  return valueError(`low ${closed ? '>' : '>='} high`);
}

/**
 * `_rand_<dtype>(low, high, size, use_masked, closed)`. Returns an NpScalar for size=None
 * with scalar bounds (NumPy's `np.<dtype>(value)`), else an array of `dtype`.
 */
export function randBounded(
  bg: BitGenerator, low: IntParam, high: IntParam, size: Size, dtype: IntDType, masked: boolean, closed: boolean,
): NpScalar | NDArray {
  if (size !== null && sizeOf(size) === 0) return emptyOut(size, dtype);
  const lo = scalarBound(low), hi = scalarBound(high);
  if (lo === undefined || hi === undefined) {
    return BITS[dtype] === 64
      ? broadcast64(bg, asBoundArray(low), asBoundArray(high), size, dtype, masked, closed)
      : broadcastSmall(bg, asBoundArray(low), asBoundArray(high), size, dtype, masked, closed);
  }
  const [lb, ub] = BOUNDS[dtype];
  const lowI = pyInt(lo);
  let highI = pyInt(hi);
  if (!closed) highI -= 1n;
  if (lowI < lb) throw valueError(`low is out of bounds for ${dtype}`);
  if (highI > ub) throw valueError(`high is out of bounds for ${dtype}`);
  if (lowI > highI) throw boundsError(closed, lowI === 0n);
  const rng = highI - lowI;
  const out = emptyOut(size ?? [1], dtype);
  fillBounded(bg, lowI, rng, dtype, masked, out.data);
  if (size === null) return new NpScalar(dtype, out.data[0]);
  return out;
}

/** `random_bounded_<utype>_fill`: `out[i] = low + value`, value uniform in [0, rng]. */
function fillBounded(
  bg: BitGenerator, lowI: bigint, rng: bigint, dtype: IntDType, masked: boolean,
  out: { length: number; [i: number]: number },
): void {
  const n = out.length;
  const bits = BITS[dtype];
  if (bits === 64 && rng > 0xffffffffn) {
    for (let i = 0; i < n; i++) out[i] = Number(lowI + bounded64Wide(bg, rng, masked));
    return;
  }
  const r = Number(rng);
  const low = Number(lowI);
  const exact = Number.isSafeInteger(low) && Number.isSafeInteger(low + r);
  const store = (i: number, v: number): void => { out[i] = exact ? low + v : Number(lowI + BigInt(v)); };
  if (bits >= 32) {
    const mask = genMask32(r);
    for (let i = 0; i < n; i++) store(i, bounded32(bg, r, mask, masked));
    return;
  }
  const b: BitBuffer = newBuffer();
  const mask = genMask32(r);
  if (bits === 16) for (let i = 0; i < n; i++) out[i] = low + bounded16(bg, r, mask, masked, b);
  else if (bits === 8) for (let i = 0; i < n; i++) out[i] = low + bounded8(bg, r, mask, masked, b);
  else for (let i = 0; i < n; i++) out[i] = boundedBool(bg, low, r, b);
}

function asBoundArray(x: IntParam): NDArray {
  if (x instanceof NDArray) return x;
  const isFloat = typeof x === 'number' && !Number.isInteger(x);
  const a = emptyOut([], isFloat ? 'float64' : 'int64');
  a.data[0] = Number(x);
  return a;
}

const isFloatArray = (a: NDArray): boolean => a.dtype === 'float32' || a.dtype === 'float64';

/** `_rand_{int,uint}{8,16,32}_broadcast` and `_rand_bool_broadcast`. */
function broadcastSmall(
  bg: BitGenerator, lowArr: NDArray, highArr: NDArray, size: Size, dtype: IntDType, masked: boolean, closed: boolean,
): NDArray {
  const [lb, ub0] = BOUNDS[dtype];
  const lbN = Number(lb), ubN = Number(ub0) + 1;
  const lows = lowArr.toArray(), highs = highArr.toArray();
  if (lows.some((v) => v < lbN)) throw valueError(`low is out of bounds for ${dtype}`);
  if (highs.some((v) => (closed ? v >= ubN : v > ubN))) throw valueError(`high is out of bounds for ${dtype}`);
  const lowBroad = broadcastPairs(lowArr, highArr);
  if (lowBroad.some(([l, h]) => (closed ? l > h : l >= h))) throw valueError(boundsText(closed, lows));
  const up: DType = BITS[dtype] === 32 ? 'int64' : BITS[dtype] === 16 ? 'int32' : 'int16';
  const lowC = castArray(lowArr, up), highC = castArray(highArr, up);
  const shape = broadcastOutShape(size, [lowC, highC]);
  const out = emptyOut(shape, dtype);
  const [lo, ho] = broadcastOffsets(shape, [lowC, highC], false);
  const d = out.data;
  const b = newBuffer();
  const bits = BITS[dtype];
  const umax = bits === 1 ? 0xff : bits === 32 ? 0xffffffff : 2 ** bits - 1;
  for (let i = 0; i < d.length; i++) {
    const lv = lowC.data[lo[i]], hv = highC.data[ho[i]];
    const rng = ((hv - (closed ? 0 : 1)) - lv) & umax;
    const rngU = rng >>> 0;
    const mask = genMask32(rngU);
    if (bits === 32) d[i] = lv + bounded32(bg, rngU, mask, masked);
    else if (bits === 16) d[i] = lv + bounded16(bg, rngU, mask & 0xffff, masked, b);
    else if (bits === 8) d[i] = lv + bounded8(bg, rngU, mask & 0xff, masked, b);
    else d[i] = boundedBool(bg, lv & 0xff, rngU, b);
  }
  return out;
}

/** `_rand_{int,uint}64_broadcast`. */
function broadcast64(
  bg: BitGenerator, lowArr: NDArray, highArr: NDArray, size: Size, dtype: IntDType, masked: boolean, closed: boolean,
): NDArray {
  const [lb, ub] = BOUNDS[dtype];
  const lbN = Number(lb), ubN = Number(ub);
  const lows = lowArr.toArray();
  if (lows.some((v) => v < lbN)) throw valueError(`low is out of bounds for ${dtype}`);
  let highM1: NDArray;
  if (closed || !isFloatArray(highArr)) {
    const highs = highArr.toArray();
    if (highs.some((v) => (closed ? v < lbN : v <= lbN))) throw valueError(boundsText(closed, lows));
    const m1 = highs.map((v) => (closed ? v : v - 1));
    if (m1.some((v) => v > ubN)) throw valueError(`high is out of bounds for ${dtype}`);
    highM1 = emptyOut(highArr.shape, dtype);
    m1.forEach((v, i) => { highM1.data[i] = castValue(v, isFloatArray(highArr) ? 'float64' : 'int64', dtype); });
  } else {
    highM1 = emptyOut(highArr.shape, dtype);
    highArr.toArray().forEach((v, i) => {
      const cu = pyInt(v) - 1n;
      if (cu > ub) throw valueError(`high is out of bounds for ${dtype}`);
      if (cu < lb) throw valueError(boundsText(closed, lows));
      highM1.data[i] = Number(cu);
    });
  }
  if (broadcastPairs(lowArr, highM1).some(([l, h]) => l > h)) throw valueError(boundsText(closed, lows));
  const lowC = castArray(lowArr, dtype);
  const shape = broadcastOutShape(size, [lowC, highM1]);
  const out = emptyOut(shape, dtype);
  const [lo, ho] = broadcastOffsets(shape, [lowC, highM1], false);
  const d = out.data;
  for (let i = 0; i < d.length; i++) {
    const lv = lowC.data[lo[i]], hv = highM1.data[ho[i]];
    const rng = BigInt(hv) - BigInt(lv);
    if (rng <= 0xffffffffn) {
      const r = Number(rng);
      d[i] = Number(BigInt(lv) + BigInt(bounded32(bg, r, genMask32(r), masked)));
    } else {
      d[i] = Number(BigInt(lv) + bounded64Wide(bg, rng, masked));
    }
  }
  return out;
}

function boundsText(closed: boolean, lows: readonly number[]): string {
  return boundsError(closed, !lows.some((v) => v !== 0)).message;
}

/** Element pairs of `np.broadcast(a, b)`, for NumPy's whole-array comparisons. */
function broadcastPairs(a: NDArray, b: NDArray): [number, number][] {
  const shape = unwrap(broadcastShapes(a.shape, b.shape)) as number[];
  const [ao, bo] = broadcastOffsets(shape, [a, b], false);
  return ao.map((o, i) => [a.data[o], b.data[bo[i]]]);
}

/** `PyArray_FROM_OTF(x, type, NPY_FORCECAST)`: floats truncate toward zero. */
function castArray(a: NDArray, to: DType): NDArray {
  const out = emptyOut(a.shape, to);
  a.toArray().forEach((v, i) => { out.data[i] = castValue(v, a.dtype, to); });
  return out;
}
