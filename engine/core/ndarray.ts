// The data model: a typed-array buffer plus dtype, shape, strides and offset (strides and
// offset count elements, not bytes). Every view (slice, transpose, reshape of contiguous
// data, broadcast_to) is an O(1) change of shape/strides/offset over the same buffer, so
// writes through a view reach the base, as in NumPy. This file holds the model and element
// access only; operations live in engine/ops/ and are reached through engine/index.ts.

import { allocate, allocateUninit, DType, dtypeInfo, TypedArray } from './dtype';
import { assert } from './errors';

export class NDArray {
  /** The array that owns the buffer, or null when this array owns it (NumPy's `.base`). */
  readonly base: NDArray | null;

  constructor(
    readonly data: TypedArray,
    readonly dtype: DType,
    readonly shape: readonly number[],
    readonly strides: readonly number[],
    readonly offset: number,
    base: NDArray | null = null,
    /** false for broadcast_to views: NumPy makes them read-only. */
    readonly writeable = true,
  ) {
    this.base = base;
  }

  get ndim(): number { return this.shape.length; }

  get size(): number {
    let n = 1;
    for (const d of this.shape) n *= d;
    return n;
  }

  get itemsize(): number { return dtypeInfo(this.dtype).itemsize; }
  get nbytes(): number { return this.size * this.itemsize; }
  /** NumPy's byte strides. */
  get byteStrides(): number[] { return this.strides.map((s) => s * this.itemsize); }

  /** C-contiguous in NumPy's sense (dims of size 1 may have any stride). */
  get isCContiguous(): boolean { return isCContiguous(this.shape, this.strides); }
  get isFContiguous(): boolean {
    // NumPy: an empty array is contiguous whatever its strides
    if (this.shape.includes(0)) return true;
    let expected = 1;
    for (let i = 0; i < this.shape.length; i++) {
      const d = this.shape[i];
      if (d === 0) return true;
      if (d !== 1 && this.strides[i] !== expected) return false;
      expected *= d;
    }
    return true;
  }

  /** The root array owning the buffer (for "shares memory" questions). */
  get root(): NDArray {
    let a: NDArray = this;
    while (a.base) a = a.base;
    return a;
  }

  /** Element at a full multi-index (no bounds or negative handling: callers normalise). */
  at(index: readonly number[]): number {
    let o = this.offset;
    for (let i = 0; i < index.length; i++) o += index[i] * this.strides[i];
    return this.data[o];
  }

  /** Values in C order as a fresh plain array (for tests, printing and small conversions). */
  toArray(): number[] {
    const out = new Array<number>(this.size);
    let i = 0;
    forEachOffset(this.shape, this.strides, this.offset, (o) => { out[i++] = this.data[o]; });
    return out;
  }

  /** Nested JS arrays like `ndarray.tolist()` (bool dtype gives booleans). */
  toList(): unknown {
    const vals = this.toArray();
    const isBool = this.dtype === 'bool';
    let k = 0;
    const build = (dim: number): unknown => {
      if (dim === this.shape.length) { const v = vals[k++]; return isBool ? v !== 0 : v; }
      const out: unknown[] = [];
      for (let i = 0; i < this.shape[dim]; i++) out.push(build(dim + 1));
      return out;
    };
    return build(0);
  }

  /** A view with new geometry over the same buffer. */
  view(shape: readonly number[], strides: readonly number[], offset: number, writeable = this.writeable): NDArray {
    return new NDArray(this.data, this.dtype, shape, strides, offset, this.base ?? this, writeable);
  }
}

export function cStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= Math.max(shape[i], 1);
  }
  return strides;
}

export function isCContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  // NumPy (_UpdateContiguousFlags): an empty array is contiguous whatever its strides
  if (shape.includes(0)) return true;
  let expected = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = shape[i];
    if (d === 0) return true;
    if (d !== 1 && strides[i] !== expected) return false;
    expected *= d;
  }
  return true;
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** A fresh C-contiguous array (zero-filled). */
export function emptyArray(shape: readonly number[], dtype: DType): NDArray {
  return new NDArray(allocate(dtype, checkedSize(shape), shape), dtype, [...shape], cStrides(shape), 0);
}

/**
 * A fresh C-contiguous array whose elements are NOT initialised (np.empty). Only for kernels
 * that write every element before the array can be read or escape: see `allocateUninit`
 * (core/dtype.ts) for the rule.
 */
export function emptyArrayUninit(shape: readonly number[], dtype: DType): NDArray {
  return new NDArray(allocateUninit(dtype, checkedSize(shape), shape), dtype, [...shape], cStrides(shape), 0);
}

function checkedSize(shape: readonly number[]): number {
  const n = sizeOf(shape);
  assert(Number.isSafeInteger(n) && n >= 0, () => `bad size ${n}`);
  return n;
}

/**
 * A fresh array laid out in the memory order of `like` (NumPy's order='K' allocation, which
 * ufunc outputs and astype use): for a transposed input the result is F-ordered too. Only
 * full-shape operands count; ties and broadcast operands fall back to C order. Elements NOT
 * initialised: the caller must write every one (see `allocateUninit`).
 */
export function emptyLikeUninit(shape: readonly number[], dtype: DType, like: readonly NDArray[]): NDArray {
  const src = like.find((a) => a.ndim === shape.length && a.ndim > 1 && a.shape.every((d, i) => d === shape[i])
    && !isCContiguous(a.shape, a.strides));
  if (!src) return emptyArrayUninit(shape, dtype);
  const perm = shape.map((_, i) => i);
  // stable sort: larger |stride| outer; size-1 dims keep their place relative to C order
  perm.sort((x, y) => {
    if (src.shape[x] <= 1 || src.shape[y] <= 1) return x - y;
    return Math.abs(src.strides[y]) - Math.abs(src.strides[x]) || x - y;
  });
  const permShape = perm.map((p) => shape[p]);
  const base = emptyArrayUninit(permShape, dtype);
  const strides = new Array<number>(shape.length);
  perm.forEach((p, i) => { strides[p] = base.strides[i]; });
  return new NDArray(base.data, dtype, [...shape], strides, 0);
}

/**
 * Calls `fn` with the buffer offset of every element in C order. Not for hot loops over
 * big arrays (one closure call per element); kernels use engine/core/iter.ts instead.
 */
export function forEachOffset(
  shape: readonly number[], strides: readonly number[], offset: number, fn: (offset: number) => void,
): void {
  const nd = shape.length;
  const n = sizeOf(shape);
  if (n === 0) return;
  if (nd === 0) { fn(offset); return; }
  const idx = new Array<number>(nd).fill(0);
  const last = nd - 1, lastLen = shape[last], lastStride = strides[last];
  let base = offset;
  for (;;) {
    let o = base;
    for (let i = 0; i < lastLen; i++, o += lastStride) fn(o);
    let d = last - 1;
    for (; d >= 0; d--) {
      idx[d]++;
      base += strides[d];
      if (idx[d] < shape[d]) break;
      base -= strides[d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}
