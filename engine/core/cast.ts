// Casting values between dtypes the way NumPy's C casts do on x86-64: float → int
// truncates toward zero, and out-of-range or non-finite floats become the C conversion's
// "integer indefinite" value, then wrap to the target width; anything → bool is `!= 0`.

import { DType, dtypeInfo, storeIsExact, TypedArray } from './dtype';
import { isCContiguous, NDArray, emptyArrayUninit, emptyLikeUninit } from './ndarray';
import { broadcastStridesTo, coalesce, forEachRow } from './iter';
import { NumpyError } from './errors';
import { copyKernel } from './copyKernels';
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
  const shape = strides.shape, ds = strides.strides[0], ss = strides.strides[1];
  const last = shape.length - 1;
  if (direct) {
    if (shape.includes(0)) return;
    const copy2d = copyKernel(D, S);
    // `| 0`: arguments V8 knows are int32 keep the kernel's index arithmetic on integers
    // (2-3× faster than the doubles the offset arrays may hold); exact while both buffers
    // have fewer than 2**31 elements, so bigger ones take the untyped calls
    const small = D.length <= 0x7fffffff && S.length <= 0x7fffffff;
    if (last <= 0) {
      const n = last < 0 ? 1 : shape[0], dStep = last < 0 ? 0 : ds[0], sStep = last < 0 ? 0 : ss[0];
      if (small) copy2d(1, n | 0, D, dst.offset | 0, 0, dStep | 0, S, src.offset | 0, 0, sStep | 0);
      else copy2d(1, n, D, dst.offset, 0, dStep, S, src.offset, 0, sStep);
      return;
    }
    // the two innermost dims per kernel call; outer dims in C order
    const n1 = shape[last], ds0 = ds[last - 1], ds1 = ds[last], ss0 = ss[last - 1], ss1 = ss[last];
    forEachRow(shape.slice(0, last), [ds.slice(0, last), ss.slice(0, last)], [dst.offset, src.offset], small
      ? (n0, [d0, s0]) => copy2d(n0 | 0, n1 | 0, D, d0 | 0, ds0 | 0, ds1 | 0, S, s0 | 0, ss0 | 0, ss1 | 0)
      : (n0, [d0, s0]) => copy2d(n0, n1, D, d0, ds0, ds1, S, s0, ss0, ss1));
    return;
  }
  const dStep = last >= 0 ? ds[last] : 0, sStep = last >= 0 ? ss[last] : 0;
  forEachRow(shape, strides.strides, [dst.offset, src.offset], (n, [d0, s0]) => {
    let d = d0, s = s0;
    for (let i = 0; i < n; i++, d += dStep, s += sStep) D[d] = castValue(S[s], from, to);
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
  // uninitialised: both branches below write every element of `out` (same shape as `a`)
  const out = order === 'K' ? emptyLikeUninit(a.shape, dtype, [a]) : emptyArrayUninit(a.shape, dtype);
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
