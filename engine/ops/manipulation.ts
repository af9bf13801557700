// Shape manipulation: reshape (a view when the data allows, else a copy), ravel/flatten,
// transpose/swapaxes/moveaxis (views), squeeze/expand_dims (views), concatenate/stack and
// friends, split, tile, repeat, flip, broadcast_to/broadcast_arrays. Shape rules come from
// engine/shape/; this file only moves data or builds views.

import { DType, promoteTypes } from '../core/dtype';
import { cStrides, emptyArray, emptyArrayUninit, isCContiguous, NDArray, sizeOf } from '../core/ndarray';
import { astype, copyInto } from '../core/cast';
import { typeError, valueError } from '../core/errors';
import { broadcastShapesNamed, broadcastTo as broadcastToRule } from '../shape/broadcast';
import { reshapeShape } from '../shape/reshape';
import { concatShape, expandDimsShape, moveAxisPerm, squeezeAxes, stackShape, swapAxes, transposeAxes } from '../shape/manipulation';
import { normalizeAxis } from '../shape/axes';
import { repeatShape, tileShape } from '../shape/arrayOps';
import { unwrap } from '../shape/result';
import { asarray } from './creation';
import { Operand } from '../core/scalar';

/** A C-ordered copy (`a.copy()`). */
export function copy(a: NDArray): NDArray {
  return astype(a, a.dtype, 'C');
}

/**
 * Strides for viewing `a` at `newShape` without copying, or undefined when impossible
 * (NumPy's _attempt_nocopy_reshape, for C order).
 */
function nocopyStrides(a: NDArray, newShape: readonly number[]): number[] | undefined {
  if (isCContiguous(a.shape, a.strides)) return cStrides(newShape);
  const oldDims: number[] = [], oldStrides: number[] = [];
  a.shape.forEach((d, i) => { if (d !== 1) { oldDims.push(d); oldStrides.push(a.strides[i]); } });
  const newStrides = new Array<number>(newShape.length).fill(0);
  let oi = 0, oj = 1, ni = 0, nj = 1;
  const onn = oldDims.length, nnn = newShape.length;
  while (ni < nnn && oi < onn) {
    let np = newShape[ni], op = oldDims[oi];
    while (np !== op) {
      if (np < op) np *= newShape[nj++];
      else op *= oldDims[oj++];
    }
    for (let ok = oi; ok < oj - 1; ok++) if (oldStrides[ok] !== oldDims[ok + 1] * oldStrides[ok + 1]) return undefined;
    newStrides[nj - 1] = oldStrides[oj - 1];
    for (let nk = nj - 1; nk > ni; nk--) newStrides[nk - 1] = newStrides[nk] * newShape[nk];
    ni = nj++;
    oi = oj++;
  }
  // trailing size-1 dims
  for (let k = ni; k < nnn; k++) newStrides[k] = 1;
  return newStrides;
}

export function reshape(a: NDArray, newShape: readonly number[]): NDArray {
  const shape = unwrap(reshapeShape(a.size, newShape)) as number[];
  if (sizeOf(shape) !== a.size) throw valueError(`cannot reshape array of size ${a.size} into shape (${shape.join(',')})`);
  const strides = nocopyStrides(a, shape);
  if (strides) return a.view(shape, strides, a.offset);
  const c = copy(a);
  return new NDArray(c.data, c.dtype, shape, cStrides(shape), 0);
}

export function ravel(a: NDArray): NDArray {
  return reshape(a, [a.size]);
}

export function flatten(a: NDArray): NDArray {
  const c = copy(a);
  return new NDArray(c.data, c.dtype, [a.size], [1], 0);
}

export function transpose(a: NDArray, axes?: readonly number[] | null): NDArray {
  const perm = unwrap(transposeAxes(a.ndim, axes));
  return a.view(perm.map((p) => a.shape[p]), perm.map((p) => a.strides[p]), a.offset);
}

export function swapaxes(a: NDArray, a1: number, a2: number): NDArray {
  return transpose(a, unwrap(swapAxes(a.ndim, a1, a2)));
}

export function moveaxis(a: NDArray, source: number | readonly number[], destination: number | readonly number[]): NDArray {
  const s = typeof source === 'number' ? [source] : source;
  const d = typeof destination === 'number' ? [destination] : destination;
  return transpose(a, unwrap(moveAxisPerm(a.ndim, s, d)));
}

export function squeeze(a: NDArray, axis?: number | readonly number[] | null): NDArray {
  const drop = unwrap(squeezeAxes(a.shape, axis));
  const keep = a.shape.map((_, i) => i).filter((i) => !drop.includes(i));
  return a.view(keep.map((i) => a.shape[i]), keep.map((i) => a.strides[i]), a.offset);
}

export function expandDims(a: NDArray, axis: number | readonly number[]): NDArray {
  const { shape, inserted } = unwrap(expandDimsShape(a.shape, axis));
  const strides: number[] = [];
  let k = 0;
  for (let i = 0; i < shape.length; i++) strides.push(inserted.includes(i) ? 0 : a.strides[k++]);
  return a.view(shape as number[], strides, a.offset);
}

function commonDType(arrays: readonly NDArray[]): DType {
  return arrays.map((a) => a.dtype).reduce(promoteTypes);
}

export function concatenate(items: readonly Operand[], axis: number | null = 0, dtype?: DType): NDArray {
  let arrays = items.map((x) => asarray(x));
  if (axis === null) { arrays = arrays.map(ravel); axis = 0; }
  const { shape, axis: ax } = unwrap(concatShape(arrays.map((a) => a.shape), axis));
  // uninitialised: the pieces' lengths along `ax` add up to the result's (concatShape), and
  // each piece is copied whole into its slot below
  const out = emptyArrayUninit(shape as number[], dtype ?? commonDType(arrays));
  let pos = 0;
  for (const a of arrays) {
    const len = a.shape[ax];
    const start = out.offset + pos * out.strides[ax];
    const shapeK = [...out.shape];
    shapeK[ax] = len;
    copyInto(new NDArray(out.data, out.dtype, shapeK, out.strides, start), a);
    pos += len;
  }
  return out;
}

export function stack(items: readonly Operand[], axis = 0): NDArray {
  const arrays = items.map((x) => asarray(x));
  const { axis: ax } = unwrap(stackShape(arrays.map((a) => a.shape), axis));
  return concatenate(arrays.map((a) => expandDims(a, ax)), ax);
}

const atLeast1d = (a: NDArray) => (a.ndim === 0 ? reshape(a, [1]) : a);
const atLeast2d = (a: NDArray) => (a.ndim === 0 ? reshape(a, [1, 1]) : a.ndim === 1 ? reshape(a, [1, a.shape[0]]) : a);
const atLeast3d = (a: NDArray) =>
  a.ndim === 0 ? reshape(a, [1, 1, 1]) : a.ndim === 1 ? reshape(a, [1, a.shape[0], 1]) : a.ndim === 2 ? reshape(a, [...a.shape, 1]) : a;

export const vstack = (items: readonly Operand[]) => concatenate(items.map((x) => atLeast2d(asarray(x))), 0);
export function hstack(items: readonly Operand[]): NDArray {
  const arrs = items.map((x) => atLeast1d(asarray(x)));
  return concatenate(arrs, arrs[0] && arrs[0].ndim === 1 ? 0 : 1);
}
export const dstack = (items: readonly Operand[]) => concatenate(items.map((x) => atLeast3d(asarray(x))), 2);
export function columnStack(items: readonly Operand[]): NDArray {
  return concatenate(items.map((x) => {
    const a = asarray(x);
    return a.ndim < 2 ? transpose(atLeast2d(a)) : a;
  }), 1);
}

/** `np.split` / `np.array_split`: views along an axis. */
export function split(a: NDArray, sections: number | readonly number[], axis = 0, strict = true): NDArray[] {
  const ax = unwrap(normalizeAxis(axis, a.ndim));
  const n = a.shape[ax];
  let bounds: number[];
  if (typeof sections === 'number') {
    if (sections <= 0) throw valueError('number sections must be larger than 0.');
    if (strict && n % sections !== 0) throw valueError('array split does not result in an equal division');
    const each = Math.floor(n / sections), extra = n % sections;
    bounds = [0];
    for (let i = 0; i < sections; i++) bounds.push(bounds[i] + each + (i < extra ? 1 : 0));
  } else {
    bounds = [0, ...sections, n];
  }
  const out: NDArray[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const norm = (x: number) => Math.min(Math.max(x < 0 ? x + n : x, 0), n);
    const s = norm(bounds[i]), e = Math.max(norm(bounds[i + 1]), s);
    const shape = [...a.shape];
    shape[ax] = e - s;
    out.push(a.view(shape, a.strides, a.offset + s * a.strides[ax]));
  }
  return out;
}

export function flip(a: NDArray, axis?: number | readonly number[] | null): NDArray {
  const axes = axis === null || axis === undefined ? a.shape.map((_, i) => i)
    : (typeof axis === 'number' ? [axis] : axis).map((x) => unwrap(normalizeAxis(x, a.ndim)));
  let offset = a.offset;
  const strides = [...a.strides];
  for (const ax of axes) {
    if (a.shape[ax] > 0) offset += (a.shape[ax] - 1) * a.strides[ax];
    strides[ax] = -strides[ax];
  }
  return a.view(a.shape, strides, offset);
}

export function broadcastTo(a: NDArray, shape: readonly number[]): NDArray {
  const target = unwrap(broadcastToRule(a.shape, shape)) as number[];
  const off = target.length - a.ndim;
  const strides = target.map((d, i) => (i < off ? 0 : a.shape[i - off] === 1 && d !== 1 ? 0 : a.strides[i - off]));
  return a.view(target, strides, a.offset, false);
}

export function broadcastArrays(items: readonly Operand[]): NDArray[] {
  const arrays = items.map((x) => asarray(x));
  const shape = unwrap(broadcastShapesNamed(...arrays.map((a) => a.shape))) as number[];
  return arrays.map((a) => {
    const v = broadcastTo(a, shape);
    return a.view(v.shape, v.strides, v.offset, a.writeable);
  });
}

/** `np.repeat(a, repeats, axis=None)`. */
export function repeat(a: NDArray, repeats: number | readonly number[], axis?: number | null): NDArray {
  let src = a, ax: number;
  if (axis === null || axis === undefined) { src = ravel(a); ax = 0; } else ax = unwrap(normalizeAxis(axis, a.ndim));
  const n = src.shape[ax];
  // the shape and NumPy's errors: engine/shape's rule, which the analyzer uses too
  const shape = unwrap(repeatShape(a.shape, typeof repeats === 'number' ? repeats : { counts: repeats }, axis ?? null)) as number[];
  const one = typeof repeats === 'number' ? repeats : repeats.length === 1 ? repeats[0] : null;
  const reps = one === null ? [...(repeats as readonly number[])] : new Array<number>(n).fill(one);
  const out = emptyArray(shape, a.dtype);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const sliceShape = [...src.shape];
    sliceShape[ax] = 1;
    const from = src.view(sliceShape, src.strides, src.offset + i * src.strides[ax]);
    for (let r = 0; r < reps[i]; r++) {
      copyInto(new NDArray(out.data, out.dtype, sliceShape, out.strides, (pos++) * out.strides[ax]), from);
    }
  }
  return out;
}

/** `np.tile(a, reps)`. */
export function tile(a: NDArray, reps: number | readonly number[]): NDArray {
  const r = typeof reps === 'number' ? [reps] : [...reps];
  // the shape and NumPy's errors (negative reps): engine/shape's rule, which the analyzer uses too
  const outShape = unwrap(tileShape(a.shape, r)) as number[];
  const nd = outShape.length;
  const src = reshape(a, [...new Array<number>(nd - a.ndim).fill(1), ...a.shape]);
  const rr = [...new Array<number>(nd - r.length).fill(1), ...r];
  const out = emptyArray(outShape, a.dtype);
  if (out.size === 0) return out;
  // view out as (r0, d0, r1, d1, ...) and broadcast src into it
  const bigShape: number[] = [], bigStrides: number[] = [], srcStrides: number[] = [];
  for (let i = 0; i < nd; i++) {
    bigShape.push(rr[i], src.shape[i]);
    bigStrides.push(out.strides[i] * src.shape[i], out.strides[i]);
    srcStrides.push(0, src.strides[i]);
  }
  copyInto(new NDArray(out.data, out.dtype, bigShape, bigStrides, 0), new NDArray(src.data, src.dtype, bigShape, srcStrides, src.offset));
  return out;
}

export function asType(a: NDArray, dtype: DType): NDArray {
  return astype(a, dtype);
}

export function ensureInt(x: unknown, what: string): number {
  if (typeof x !== 'number' || !Number.isInteger(x)) throw typeError(`'${typeof x === 'number' ? 'float' : typeof x}' object cannot be interpreted as an integer (${what})`);
  return x;
}

/** `np.roll(a, shift, axis=None)`: a copy with elements shifted cyclically. */
export function roll(a: NDArray, shift: number | readonly number[], axis: number | readonly number[] | null): NDArray {
  if (axis === null) {
    const flat = ravel(a);
    return reshape(roll(flat, typeof shift === 'number' ? shift : shift.reduce((x, y) => x + y, 0), 0), a.shape);
  }
  const shifts = typeof shift === 'number' ? [shift] : [...shift];
  const axes = typeof axis === 'number' ? [axis] : [...axis];
  const n = Math.max(shifts.length, axes.length);
  if (shifts.length !== n && shifts.length !== 1 || axes.length !== n && axes.length !== 1) {
    unwrap(broadcastShapesNamed([shifts.length], [axes.length]));
  }
  const total = new Array<number>(a.ndim).fill(0);
  for (let i = 0; i < n; i++) {
    const ax = unwrap(normalizeAxis(axes[axes.length === 1 ? 0 : i], a.ndim));
    total[ax] += shifts[shifts.length === 1 ? 0 : i];
  }
  let out = copy(a);
  for (let ax = 0; ax < a.ndim; ax++) {
    const len = a.shape[ax];
    if (len === 0) continue;
    const s = ((total[ax] % len) + len) % len;
    if (s === 0) continue;
    const src = out;
    out = emptyArray(a.shape, a.dtype);
    const [head, tail] = split(src, [len - s], ax, false);
    const shapeT = [...a.shape]; shapeT[ax] = s;
    copyInto(new NDArray(out.data, out.dtype, shapeT, out.strides, 0), tail);
    const shapeH = [...a.shape]; shapeH[ax] = len - s;
    copyInto(new NDArray(out.data, out.dtype, shapeH, out.strides, s * out.strides[ax]), head);
  }
  return out;
}
