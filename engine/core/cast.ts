// Casting values between dtypes the way NumPy's C casts do on x86-64: float → int
// truncates toward zero, and out-of-range or non-finite floats become the C conversion's
// "integer indefinite" value, then wrap to the target width; anything → bool is `!= 0`.

import { DType, dtypeInfo, storeIsExact, TypedArray } from './dtype';
import { isCContiguous, NDArray, emptyArray, emptyLike } from './ndarray';
import { broadcastStridesTo, coalesce, forEachRow } from './iter';
import { NumpyError } from './errors';
import { shapeTextCompact } from '../shape/dim';

const TWO31 = 2 ** 31;
const TWO63 = 2 ** 63;

/** The number stored for `value` (of dtype `from`) in an array of dtype `to`. */
export function castValue(value: number, from: DType, to: DType): number {
  const kt = dtypeInfo(to).kind;
  if (to === 'bool') return value !== 0 ? 1 : 0;
  if (kt === 'f') return to === 'float32' ? Math.fround(value) : value;
  let v = value;
  if (dtypeInfo(from).kind === 'f') {
    const size = dtypeInfo(to).itemsize;
    if (size <= 2 || to === 'int32') {
      // C converts through a 32-bit int: out of range or NaN gives INT32_MIN.
      v = Math.abs(v) < TWO31 ? Math.trunc(v) : -TWO31;
    } else {
      v = Math.abs(v) < TWO63 ? Math.trunc(v) : -TWO63;
    }
  }
  return wrapInt(v, to);
}

/** Wraps an integer-valued number into the range of an integer dtype. */
export function wrapInt(v: number, to: DType): number {
  switch (to) {
    case 'int8': return (v << 24) >> 24;
    case 'int16': return (v << 16) >> 16;
    case 'int32': return v | 0;
    case 'uint8': return v & 0xff;
    case 'uint16': return v & 0xffff;
    case 'uint32': return v >>> 0;
    case 'int64':
      if (v >= -TWO63 && v < TWO63) return v + 0;
      return Number(BigInt.asIntN(64, BigInt(v)));
    case 'uint64':
      if (v >= 0 && v < 2 ** 64) return v + 0;
      return Number(BigInt.asUintN(64, BigInt(v)));
    default: return v;
  }
}


/** Copies `src` into `dst` (same shape, or broadcastable to it), casting each value. */
export function copyInto(dst: NDArray, src: NDArray): void {
  const strides = coalesce(dst.shape, [dst.strides, broadcastStridesTo(src, dst.shape)]);
  const D = dst.data, S = src.data;
  const from = src.dtype, to = dst.dtype;
  const direct = from === to || (storeIsExact(to) && castIsPlainStore(from, to));
  const ds = strides.strides[0], ss = strides.strides[1];
  const last = strides.shape.length - 1;
  const dStep = last >= 0 ? ds[last] : 0, sStep = last >= 0 ? ss[last] : 0;
  forEachRow(strides.shape, strides.strides, [dst.offset, src.offset], (n, [d0, s0]) => {
    let d = d0, s = s0;
    if (direct) {
      for (let i = 0; i < n; i++, d += dStep, s += sStep) D[d] = S[s];
    } else {
      for (let i = 0; i < n; i++, d += dStep, s += sStep) D[d] = castValue(S[s], from, to);
    }
  });
}

/** `dst[...] = src`: src must broadcast to dst's shape (NumPy's assignment error otherwise). */
export function assignBroadcast(dst: NDArray, src: NDArray): void {
  const off = dst.ndim - src.ndim;
  const fits = off >= 0 && src.shape.every((d, i) => d === 1 || d === dst.shape[off + i]);
  if (!fits) {
    throw new NumpyError('ValueError', `could not broadcast input array from shape ${shapeTextCompact(src.shape)} into shape ${shapeTextCompact(dst.shape)}`);
  }
  copyInto(dst, src);
}

/** When a typed-array store already performs NumPy's cast (int → wider int, int/float → float). */
function castIsPlainStore(from: DType, to: DType): boolean {
  const kf = dtypeInfo(from).kind, kt = dtypeInfo(to).kind;
  if (kt === 'f') return true;
  return kf !== 'f' && (kt === 'i' || kt === 'u');
}

/** `a.astype(dtype)` (always a copy, like NumPy's default copy=True). */
export function astype(a: NDArray, dtype: DType, order: 'C' | 'K' = 'K'): NDArray {
  const out = order === 'K' ? emptyLike(a.shape, dtype, [a]) : emptyArray(a.shape, dtype);
  if (a.dtype === dtype && isCContiguous(a.shape, a.strides)) {
    out.data.set(subarray(a.data, a.offset, a.size));
    return out;
  }
  copyInto(out, a);
  return out;
}

function subarray(data: TypedArray, start: number, n: number): TypedArray {
  return data.subarray(start, start + n);
}
