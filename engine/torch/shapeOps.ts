// Shape ops on tensors: view (torch's computeStride: a view or torch's "view size is not
// compatible" error, never a copy), reshape (a view when possible, else a copy), permute,
// transpose, t/T, unsqueeze, squeeze, flatten, expand, contiguous, clone, cat and stack,
// and indexing (`t[...]` / `t[...] = v` through the engine's NumPy indexing, with torch's
// differences: a full integer index gives a 0-d view, negative steps and float indices are
// errors, and the messages say "dimension"/"tensor"). Shape rules: engine/shape/torch.ts.

import { cStrides, emptyArray, NDArray, sizeOf } from '../core/ndarray';
import { astype, copyInto } from '../core/cast';
import { NumpyError } from '../core/errors';
import { ELLIPSIS, PyTuple, Slice } from '../core/pyvalues';
import { NpScalar, PyFloat } from '../core/scalar';
import { unwrap } from '../shape/result';
import {
  torchBroadcastAll, torchCatShape, torchExpandShape, torchFlattenShape, torchPermuteDims, torchShapeText, torchSqueezeDims,
  torchIndexMessage, torchStackShape, torchTDims, torchTransposeDims, torchUnsqueezeShape, torchViewShape,
} from '../shape/torch';
import * as I from '../ops/indexing';
import { tile } from '../ops/manipulation';
import { isFloatDType, promoteTypesTorch, torchDType } from './dtype';
import { isGradEnabled, result } from './autograd';
import { runtimeError } from './elementwise';
import { Tensor } from './tensor';

// ---- views ---------------------------------------------------------------------------------

/** ATen's computeStride: strides viewing (shape, strides) as `newShape`, or undefined. */
export function computeStride(oldShape: readonly number[], oldStride: readonly number[], newShape: readonly number[]): number[] | undefined {
  if (oldShape.length === 0) return newShape.map(() => 1);
  const numel = sizeOf(oldShape);
  if (numel === 0 && oldShape.length === newShape.length && oldShape.every((d, i) => d === newShape[i])) return [...oldStride];
  const newStride = new Array<number>(newShape.length).fill(0);
  if (numel === 0) {
    for (let d = newShape.length - 1; d >= 0; d--) {
      newStride[d] = d === newShape.length - 1 ? 1 : Math.max(newShape[d + 1], 1) * newStride[d + 1];
    }
    return newStride;
  }
  let viewD = newShape.length - 1;
  let chunkBaseStride = oldStride[oldStride.length - 1];
  let tensorNumel = 1, viewNumel = 1;
  for (let td = oldShape.length - 1; td >= 0; td--) {
    tensorNumel *= oldShape[td];
    if (td === 0 || (oldShape[td - 1] !== 1 && oldStride[td - 1] !== tensorNumel * chunkBaseStride)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] === 1)) {
        newStride[viewD] = viewNumel * chunkBaseStride;
        viewNumel *= newShape[viewD];
        viewD--;
      }
      if (viewNumel !== tensorNumel) return undefined;
      if (td > 0) {
        chunkBaseStride = oldStride[td - 1];
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  if (viewD !== -1) return undefined;
  return newStride;
}

const contiguousCopy = (a: NDArray): NDArray => astype(a, a.dtype, 'C');

/**
 * `t.view(*shape)`: `view(-1, 7)` infers one dim. A tensor whose memory cannot be seen at
 * the new shape (a transpose) raises torch's error suggesting `.reshape(...)`.
 */
export function view(t: Tensor, shape: readonly number[]): Tensor {
  const s = unwrap(torchViewShape(t.numel, shape)) as number[];
  const strides = computeStride(t.shape, t.arr.strides, s);
  if (!strides) {
    throw runtimeError("view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
  }
  return result(t.arr.view(s, strides, t.arr.offset), [t], 'ViewBackward0');
}

/** `t.reshape(*shape)`: a view when possible, else a contiguous copy. */
export function reshape(t: Tensor, shape: readonly number[]): Tensor {
  const s = unwrap(torchViewShape(t.numel, shape)) as number[];
  const strides = computeStride(t.shape, t.arr.strides, s);
  if (strides) return result(t.arr.view(s, strides, t.arr.offset), [t], 'ReshapeAliasBackward0');
  const c = contiguousCopy(t.arr);
  return result(new NDArray(c.data, c.dtype, s, cStrides(s), 0), [t], 'UnsafeViewBackward0');
}

function permuteView(t: Tensor, perm: readonly number[], grad: string): Tensor {
  const a = t.arr;
  return result(a.view(perm.map((p) => a.shape[p]), perm.map((p) => a.strides[p]), a.offset), [t], grad);
}

export function permute(t: Tensor, dims: readonly number[]): Tensor {
  return permuteView(t, unwrap(torchPermuteDims(t.ndim, dims)), 'PermuteBackward0');
}

export function transpose(t: Tensor, d0: number, d1: number): Tensor {
  return permuteView(t, unwrap(torchTransposeDims(t.ndim, d0, d1)), 'TransposeBackward0');
}

/** `t.t()`: 0-, 1- or 2-D only. */
export function tMethod(t: Tensor): Tensor {
  return permuteView(t, unwrap(torchTDims(t.ndim)), 'TBackward0');
}

/** `t.T`: all dims reversed (torch deprecates it beyond 2-D but still does it). */
export function bigT(t: Tensor): Tensor {
  return permuteView(t, t.shape.map((_, i) => t.ndim - 1 - i), 'PermuteBackward0');
}

/** `t.mT`: the last two dims swapped. */
export function mT(t: Tensor): Tensor {
  if (t.ndim < 2) throw runtimeError(`tensor.mT is only supported on matrices or batches of matrices. Got ${t.ndim}-D tensor.`);
  return transpose(t, -2, -1);
}

export function unsqueeze(t: Tensor, dim: number): Tensor {
  const { shape, dim: d } = unwrap(torchUnsqueezeShape(t.shape, dim));
  const a = t.arr;
  const strides = [...a.strides];
  const st = d < a.ndim ? a.strides[d] * a.shape[d] : 1;
  strides.splice(d, 0, st);
  return result(a.view(shape as number[], strides, a.offset), [t], 'UnsqueezeBackward0');
}

export function squeeze(t: Tensor, dim?: number | null): Tensor {
  const drop = unwrap(torchSqueezeDims(t.shape, dim));
  const a = t.arr;
  const keep = a.shape.map((_, i) => i).filter((i) => !drop.includes(i));
  const grad = dim === undefined || dim === null ? 'SqueezeBackward0' : 'SqueezeBackward1';
  return result(a.view(keep.map((i) => a.shape[i]), keep.map((i) => a.strides[i]), a.offset), [t], grad);
}

/** `t.flatten(start_dim=0, end_dim=-1)`: reshape semantics (view when possible). */
export function flatten(t: Tensor, startDim = 0, endDim = -1): Tensor {
  const shape = unwrap(torchFlattenShape(t.shape, startDim, endDim)) as number[];
  if (t.ndim > 0 && shape.length === t.ndim) return t;
  return reshape(t, shape);
}

/** `t.expand(*sizes)`: a broadcast view (stride 0), -1 keeps a dim. */
export function expand(t: Tensor, sizes: readonly number[]): Tensor {
  const typeText = `torch.${torchDType(t.dtype).scalarTypeName}Tensor`;
  const shape = unwrap(torchExpandShape(t.shape, sizes, typeText)) as number[];
  const a = t.arr, off = shape.length - a.ndim;
  const strides = shape.map((d, i) => (i < off ? 0 : a.shape[i - off] === 1 && d !== 1 ? 0 : a.strides[i - off]));
  return result(a.view(shape, strides, a.offset), [t], 'ExpandBackward0');
}

/** `t.repeat(*sizes)`: tiles the tensor (np.tile with at least t.dim() repeats). */
export function repeat(t: Tensor, sizes: readonly number[]): Tensor {
  if (sizes.length < t.ndim) throw runtimeError('Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor');
  const lead = sizes.length - t.ndim;
  const shape = sizes.map((r, i) => r * (i < lead ? 1 : t.shape[i - lead]));
  if (shape.some((d) => d < 0)) throw runtimeError(`Trying to create tensor with negative dimension ${shape.find((d) => d < 0)}: [${shape.join(', ')}]`);
  return result(tile(t.arr, sizes), [t], 'RepeatBackward0');
}

/** `t.contiguous()`: t itself when already C-contiguous. */
export function contiguous(t: Tensor): Tensor {
  if (t.isContiguous) return t;
  return result(contiguousCopy(t.arr), [t], 'CloneBackward0');
}

export function clone(t: Tensor): Tensor {
  return result(astype(t.arr, t.dtype, 'K'), [t], 'CloneBackward0');
}

// ---- cat / stack ---------------------------------------------------------------------------

/** `torch.cat(tensors, dim=0)`: promotes dtypes; 1-D empty tensors are skipped (legacy rule). */
export function cat(ts: readonly Tensor[], dim = 0): Tensor {
  const plan = unwrap(torchCatShape(ts.map((t) => t.shape), dim));
  const dtype = ts.map((t) => t.dtype).reduce(promoteTypesTorch);
  const shape = plan.shape as number[];
  const out = emptyArray(shape, dtype);
  let pos = 0;
  ts.forEach((t, i) => {
    if (plan.skip[i]) return;
    const len = t.shape[plan.dim];
    const part = [...shape];
    part[plan.dim] = len;
    copyInto(new NDArray(out.data, dtype, part, out.strides, pos * out.strides[plan.dim]), t.arr);
    pos += len;
  });
  return result(out, ts, 'CatBackward0');
}

/** `torch.stack(tensors, dim=0)`. */
export function stack(ts: readonly Tensor[], dim = 0): Tensor {
  const plan = unwrap(torchStackShape(ts.map((t) => t.shape), dim));
  const parts = ts.map((t) => new Tensor(unsqueezeArr(t.arr, plan.dim)));
  const r = cat(parts, plan.dim);
  return result(r.arr, ts, 'StackBackward0');
}

function unsqueezeArr(a: NDArray, d: number): NDArray {
  const shape = [...a.shape], strides = [...a.strides];
  shape.splice(d, 0, 1);
  strides.splice(d, 0, 1);
  return a.view(shape, strides, a.offset);
}

// ---- indexing ------------------------------------------------------------------------------

const INDEX_TYPE_ERROR = 'only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got float)';

/** Python index item → engine index item, with torch's own checks. */
function toIndexItem(x: unknown): I.IndexItem {
  if (x instanceof Tensor) {
    const d = x.dtype;
    if (d !== 'int64' && d !== 'bool' && d !== 'uint8') {
      throw new NumpyError('IndexError', 'tensors used as indices must be long, byte or bool tensors');
    }
    // torch reads a 0-d long tensor index as an int (a view, like a Python int)
    if (d === 'int64' && x.ndim === 0) return x.arr.data[x.arr.offset];
    return d === 'uint8' ? astype(x.arr, 'bool') : x.arr;
  }
  if (x instanceof Slice) {
    if (x.step !== null && x.step <= 0) {
      if (x.step === 0) throw new NumpyError('ValueError', 'slice step cannot be zero');
      throw new NumpyError('ValueError', 'step must be greater than zero');
    }
    return x;
  }
  if (x instanceof PyFloat || (typeof x === 'number' && !Number.isInteger(x))) throw new NumpyError('IndexError', INDEX_TYPE_ERROR);
  if (Array.isArray(x)) return x.map((e) => (e instanceof Tensor ? toIndexItem(e) : e)) as I.IndexItem;
  return x as I.IndexItem;
}

/**
 * Python index → items. Like old NumPy, torch reads a list holding sequences, tensors, slices,
 * None or Ellipsis as a tuple: `x[[[0, 1], [1, 2]]]` is `x[[0, 1], [1, 2]]`.
 */
function indexItemsOf(index: unknown): I.IndexItem[] {
  const seqLike = (e: unknown) => Array.isArray(e) || e instanceof PyTuple || e instanceof Slice || e === null || e === ELLIPSIS || e instanceof Tensor;
  const asTuple = index instanceof PyTuple ? index.items : Array.isArray(index) && index.some(seqLike) ? index : [index];
  const items = asTuple.map(toIndexItem);
  if (!items.includes(ELLIPSIS)) items.push(ELLIPSIS);
  return items;
}

/** NumPy's index error texts → torch's. */
function torchIndexError(e: unknown, shape: readonly number[], items: readonly I.IndexItem[]): unknown {
  if (!(e instanceof NumpyError)) return e;
  const simple = torchIndexMessage(e.message);
  if (simple !== e.message) return new NumpyError('IndexError', simple);
  const m = /^boolean index did not match indexed array along dimension (\d+); dimension is (\d+) but corresponding boolean dimension is (\d+)$/.exec(e.message);
  if (m) {
    const dim = Number(m[1]);
    const mask = maskCovering(items, shape.length, dim);
    const maskShape = mask ? mask.arr.shape : [Number(m[3])];
    const at = mask ? dim - mask.start : 0;
    return new NumpyError('IndexError', `The shape of the mask ${torchShapeText(maskShape)} at index ${at} does not match the shape of the indexed tensor ${torchShapeText(shape)} at index ${dim}`);
  }
  return e;
}

/** The boolean index covering tensor dim `dim`, with the first dim it covers. */
function maskCovering(items: readonly I.IndexItem[], ndim: number, dim: number): { arr: NDArray; start: number } | undefined {
  const isMask = (x: I.IndexItem): x is NDArray => x instanceof NDArray && x.dtype === 'bool';
  const width = (x: I.IndexItem): number => (x === null || x === ELLIPSIS || typeof x === 'boolean' ? 0 : isMask(x) ? x.ndim : 1);
  const explicit = items.reduce<number>((n, x) => n + width(x), 0);
  let pos = 0;
  for (const x of items) {
    if (x === ELLIPSIS) { pos += Math.max(ndim - explicit, 0); continue; }
    if (isMask(x) && dim >= pos && dim < pos + x.ndim) return { arr: x, start: pos };
    pos += width(x);
  }
  return undefined;
}

/** The autograd node torch's indexing ends with (the last op applied). */
function indexGradFn(items: readonly I.IndexItem[]): string {
  if (items.some(isAdvanced)) return 'IndexBackward0';
  const meaningful = items.filter((x) => x !== ELLIPSIS);
  const last = meaningful[meaningful.length - 1];
  if (last === null) return 'UnsqueezeBackward0';
  if (last instanceof Slice) return 'SliceBackward0';
  if (last === undefined) return 'AliasBackward0';
  return 'SelectBackward0';
}

const isAdvanced = (x: I.IndexItem): boolean => x instanceof NDArray || Array.isArray(x) || typeof x === 'boolean';

/**
 * Strides of the dims `None` inserts, as torch's unsqueeze gives them while it applies the
 * index left to right (the next unprocessed dim's stride * size, or 1); NumPy uses 0.
 */
function noneStrides(a: NDArray, items: readonly I.IndexItem[], r: NDArray): NDArray {
  if (!items.includes(null)) return r;
  const explicit = items.filter((x) => x !== null && x !== ELLIPSIS).length;
  const strides = [...r.strides];
  let inPos = 0, outPos = 0;
  for (const x of items) {
    if (x === null) {
      strides[outPos++] = inPos < a.ndim ? a.strides[inPos] * a.shape[inPos] : 1;
    } else if (x === ELLIPSIS) {
      const k = Math.max(a.ndim - explicit, 0);
      inPos += k; outPos += k;
    } else if (x instanceof Slice) {
      inPos++; outPos++;
    } else {
      inPos++;
    }
  }
  return r.view(r.shape, strides, r.offset);
}

/** `t[index]`: basic indices give views (a full int index gives a 0-d view), advanced ones copies. */
export function getItem(t: Tensor, index: unknown): Tensor {
  const items = indexItemsOf(index);
  let r: NDArray | NpScalar;
  try {
    r = I.getItem(t.arr, items);
  } catch (e) {
    throw torchIndexError(e, t.shape, items);
  }
  if (r instanceof NpScalar) throw new Error('internal error: torch indexing produced a scalar');
  // torch lays advanced-index results out C-contiguously
  if (items.some(isAdvanced)) r = r.isCContiguous ? r : contiguousCopy(r);
  else r = noneStrides(t.arr, items, r);
  return result(r, [t], indexGradFn(items));
}

/** `t[index] = value`: value (tensor or number) is cast to t's dtype and broadcast. */
export function setItem(t: Tensor, index: unknown, value: unknown): void {
  const items = indexItemsOf(index);
  const advanced = items.some(isAdvanced);
  if (t.requiresGrad && t.isLeaf && isGradEnabled()) {
    throw runtimeError(`a ${advanced ? '' : 'view of a '}leaf Variable that requires grad is being used in an in-place operation.`);
  }
  if (Array.isArray(value) || value instanceof PyTuple || value instanceof NDArray) {
    const what = value instanceof NDArray ? 'numpy.ndarray' : Array.isArray(value) ? 'list' : 'tuple';
    throw new NumpyError('TypeError', `can't assign a ${what} to a torch.${torchDType(t.dtype).scalarTypeName}Tensor`);
  }
  let v: I.AssignValue = value as I.AssignValue;
  if (value instanceof Tensor) {
    // the indexed region's shape (a view, or a copy for advanced indices) decides the broadcast
    let target: readonly number[];
    try {
      const r = I.getItem(t.arr, items);
      target = r instanceof NDArray ? r.shape : [];
    } catch (e) {
      throw torchIndexError(e, t.shape, items);
    }
    // torch drops the value's leading size-1 dims, then expands it to the target
    let src = value.arr;
    let k = 0;
    while (k < src.ndim && src.shape[k] === 1) k++;
    if (k > 0) src = src.view(src.shape.slice(k), src.strides.slice(k), src.offset);
    if (advanced) {
      if (!unwrapOk(torchBroadcastAll([src.shape, target]), target)) {
        throw runtimeError(`shape mismatch: value tensor of shape ${torchShapeText(value.shape)} cannot be broadcast to indexing result of shape ${torchShapeText(target)}`);
      }
      if (value.dtype !== t.dtype) {
        throw runtimeError(`Index put requires the source and destination dtypes match, got ${torchDType(t.dtype).scalarTypeName} for the destination and ${torchDType(value.dtype).scalarTypeName} for the source.`);
      }
    } else {
      unwrap(torchExpandShape(src.shape, target, `torch.${torchDType(value.dtype).scalarTypeName}Tensor`));
    }
    v = src;
  }
  try {
    I.setItem(t.arr, items, v);
  } catch (e) {
    throw torchIndexError(e, t.shape, items);
  }
  if (value instanceof Tensor && value.requiresGrad && isGradEnabled() && isFloatDType(t.dtype)) {
    t.requiresGrad = true;
    t.gradFn = advanced ? 'IndexPutBackward0' : 'CopySlices';
  }
}

/** True when a broadcast succeeded with exactly `target`'s shape. */
function unwrapOk(r: ReturnType<typeof torchBroadcastAll>, target: readonly number[]): boolean {
  return r.ok && r.value.length === target.length && r.value.every((d, i) => d === target[i]);
}
