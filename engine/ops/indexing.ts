// `a[index]` and `a[index] = value` with NumPy 1.24's semantics. Basic indices (ints, slices,
// Ellipsis, None) give an O(1) view over the same buffer; integer/boolean arrays and lists
// give a copy laid out like NumPy's (broadcast index dims in place or first). The shape rule,
// and every check that needs no data, is engine/shape/index.ts; this file classifies the
// Python values, checks index values against bounds, and moves data. It does not parse
// Python (`a[1:, None]` arrives already split into items) and never allocates per element.

import { DType, dtypeInfo, TypedArray } from '../core/dtype';
import { emptyArray, emptyArrayUninit, isCContiguous, NDArray } from '../core/ndarray';
import { astype, castValue, copyInto, wrapInt } from '../core/cast';
import { broadcastStridesTo, coalesce } from '../core/iter';
import { gatherKernel, indexOffsetsKernel } from '../core/copyKernels';
import { NumpyError, indexError, valueError } from '../core/errors';
import { ELLIPSIS, EllipsisT, PyTuple, Slice } from '../core/pyvalues';
import { NestedList, NpScalar, PyFloat } from '../core/scalar';
import {
  assignDepth, assignScalarShape, assignShape, AssignedKind, IndexPlan, IndexSpec, indexPlan, INVALID_INDEX_MESSAGE, isIndexBroadcastError,
  NON_INTEGER_ARRAY_MESSAGE, outOfBoundsMessage,
} from '../shape/index';
import { ShapeError, unwrap } from '../shape/result';
import { asarray } from './creation';
import { putMask } from './putMask';
import { takeMask } from './takeMask';
import { takeRows } from './takeRows';

/**
 * One item of an index tuple, as Python passes it: int (an integer JS number), float (a
 * non-integer number or PyFloat: an error, as in NumPy), bool, NumPy scalar, Slice, `null`
 * (None / np.newaxis), ELLIPSIS, an NDArray, or a list/tuple (converted like `np.asarray`).
 */
export type IndexItem = number | boolean | PyFloat | NpScalar | Slice | null | EllipsisT | NDArray | PyTuple | NestedList;

/** What `a[index] = value` accepts. */
export type AssignValue = NDArray | NpScalar | number | boolean | PyFloat | NestedList;

/** Python's `a[index]` → the items: a tuple is a multi-index, anything else one item. */
export function indexItems(index: unknown): IndexItem[] {
  return index instanceof PyTuple ? ([...index.items] as IndexItem[]) : [index as IndexItem];
}

/**
 * `a[index]`. A full integer index (`a[1, -1]`, `z[()]` on a 0-d array) returns an
 * NpScalar, as NumPy returns a NumPy scalar; everything else returns an NDArray: a view
 * sharing `a`'s buffer for basic indices, a new array for advanced ones.
 *
 *   x = arange(24).reshape(2, 3, 4)
 *   getItem(x, [1, slice(null, null, -1)])        → view, shape [3, 4]
 *   getItem(x, [0, slice(), [0, 1]])              → copy, shape [2, 3] (advanced dims first)
 *   getItem(x, [slice(), [0, 1], [1, 2]])         → copy, shape [2, 2]
 *   getItem(x, [1, 2, 3])                         → NpScalar('int64', 23)
 */
export function getItem(a: NDArray, index: readonly IndexItem[]): NDArray | NpScalar {
  const parsed = parseIndex(index);
  const plan = unwrap(indexPlan(a.shape, parsed.specs));
  const v = basicView(a, plan);
  if (!plan.advanced) return plan.scalar ? new NpScalar(a.dtype, v.data[v.offset]) : v;
  const rows = takeRows(v, plan, parsed.arrays) ?? takeMask(v, plan, parsed.arrays);
  if (rows) return rows;
  const fancy = fancyIndex(v, plan, parsed.arrays);
  return gather(v, fancy);
}

/**
 * `a[index] = value`: the value is broadcast to the indexed shape and cast to `a`'s dtype
 * (Python floats into integer arrays truncate, and NaN/inf raise like NumPy). Basic indices
 * write through the view; advanced ones scatter in NumPy's order, so with repeated indices
 * the last write wins.
 */
export function setItem(a: NDArray, index: readonly IndexItem[], value: AssignValue): void {
  if (!a.writeable) throw valueError('assignment destination is read-only');
  const parsed = parseIndex(index);
  const r = indexPlan(a.shape, parsed.specs);
  if (!r.ok) {
    // NumPy converts the value before it broadcasts the index arrays together
    if (isIndexBroadcastError(r.error)) packValue(value, a.dtype);
    throw toError(r.error);
  }
  const plan = r.value;
  const v = basicView(a, plan);
  if (plan.scalar) {
    v.data[v.offset] = scalarToStore(value, a.dtype);
    return;
  }
  const natural = naturalValue(value);
  if (natural.kind === 'list') unwrap(assignDepth(plan, natural.array.ndim, 'list'));
  const val = natural.kind === 'array' ? natural.array : packArray(natural.array, a.dtype);
  const shape = unwrap(assignShape(plan, val.shape, natural.kind)) as number[];
  // drop the leading dims assignShape stripped (all of size 1, or the value is empty)
  const drop = val.ndim - shape.length;
  let src = drop > 0 ? val.view(shape, val.strides.slice(drop), val.offset) : val;
  if (!plan.advanced) {
    // NumPy copies a source that overlaps the destination first
    if (src.root === a.root) src = astype(src, src.dtype);
    copyInto(v, src);
    return;
  }
  if (src.dtype !== a.dtype) src = astype(src, a.dtype);
  // the single-mask path copies an overlapping value; the general one reads it as it writes
  else if (plan.singleMask && src.root === a.root) src = astype(src, src.dtype);
  if (putMask(v, plan, parsed.arrays, src)) return;
  const fancy = fancyIndex(v, plan, parsed.arrays);
  scatter(v, fancy, src);
}

// ---- index items → shape-rule specs ------------------------------------------------------

export interface ParsedIndex {
  readonly specs: IndexSpec[];
  /** the index array behind each `intArray` / `boolArray` spec (undefined for other items) */
  readonly arrays: (NDArray | undefined)[];
}

const invalid = (pyType: ShapeError['pyType'], message: string): IndexSpec => ({ kind: 'invalid', error: { pyType, message } });
const NOT_AN_INDEX = invalid('IndexError', INVALID_INDEX_MESSAGE);

/** Classifies each item like NumPy's prepare_index; conversion errors are kept in item order. */
export function parseIndex(index: readonly IndexItem[]): ParsedIndex {
  const specs: IndexSpec[] = [];
  const arrays: (NDArray | undefined)[] = [];
  for (const item of index) {
    const c = classify(item);
    specs.push(c.spec);
    arrays.push(c.array);
  }
  return { specs, arrays };
}

interface Classified { spec: IndexSpec; array?: NDArray }

function classify(item: unknown): Classified {
  if (item === null) return { spec: { kind: 'newaxis' } };
  if (item === ELLIPSIS) return { spec: { kind: 'ellipsis' } };
  if (item instanceof Slice) return { spec: { kind: 'slice', start: item.start, stop: item.stop, step: item.step } };
  if (typeof item === 'boolean') return boolArraySpec(asarray(item));
  if (typeof item === 'number') return { spec: pyIntSpec(item) };
  if (item instanceof PyFloat) return { spec: NOT_AN_INDEX };
  if (item instanceof NpScalar) {
    const k = dtypeInfo(item.dtype).kind;
    if (k === 'b') return boolArraySpec(asarray(item.value !== 0));
    if (k === 'f') return { spec: NOT_AN_INDEX };
    return { spec: { kind: 'int', value: item.value } };
  }
  if (item instanceof NDArray) return arraySpec(item, true);
  if (item instanceof PyTuple || Array.isArray(item)) {
    const list = tuplesToLists(item);
    if (!isNumericList(list)) return { spec: NOT_AN_INDEX };
    let arr: NDArray;
    try {
      arr = asarray(list);
    } catch (e) {
      if (e instanceof NumpyError) return { spec: invalid(e.pyType, e.message) };
      throw e;
    }
    // an empty list becomes an empty float array, which NumPy casts to an integer index
    if (arr.size === 0) arr = astype(arr, 'int64');
    return arraySpec(arr, false);
  }
  return { spec: NOT_AN_INDEX };
}

/** A Python int: NumPy needs it to fit int64 (2**63 ≤ v < 2**64 becomes a uint64 array that does not). */
function pyIntSpec(v: number): IndexSpec {
  if (!Number.isInteger(v) || v >= 2 ** 64 || v < -(2 ** 63)) return NOT_AN_INDEX;
  if (v >= 2 ** 63) return invalid('OverflowError', 'Python int too large to convert to C long');
  return { kind: 'int', value: v };
}

function arraySpec(arr: NDArray, wasArray: boolean): Classified {
  const k = dtypeInfo(arr.dtype).kind;
  if (k === 'b') return boolArraySpec(arr);
  if (k === 'f') return { spec: wasArray ? invalid('IndexError', NON_INTEGER_ARRAY_MESSAGE) : NOT_AN_INDEX };
  // a 0-d integer array is an integer index
  if (arr.ndim === 0) return { spec: { kind: 'int', value: arr.data[arr.offset] } };
  return { spec: { kind: 'intArray', shape: arr.shape }, array: arr };
}

function boolArraySpec(mask: NDArray): Classified {
  return { spec: { kind: 'boolArray', shape: mask.shape, count: countNonzero(mask) }, array: mask };
}

function tuplesToLists(x: unknown): unknown {
  if (x instanceof PyTuple) return x.items.map(tuplesToLists);
  if (Array.isArray(x)) return x.map(tuplesToLists);
  return x;
}

/** Lists NumPy turns into numeric arrays (anything else becomes an object array: not an index). */
function isNumericList(x: unknown): x is NestedList {
  if (Array.isArray(x)) return x.every(isNumericList);
  return typeof x === 'number' || typeof x === 'boolean' || x instanceof PyFloat || x instanceof NpScalar || x instanceof NDArray;
}

// ---- strided walking (one odometer, no per-element allocation) -----------------------------

/** Calls `fn(offsetA, offsetB)` for every element of `shape`, walking two operands in C order. */
function walk2(
  shape: readonly number[], stridesA: readonly number[], offA: number, stridesB: readonly number[], offB: number,
  fn: (a: number, b: number) => void,
): void {
  const nd = shape.length;
  for (const d of shape) if (d === 0) return;
  if (nd === 0) { fn(offA, offB); return; }
  const idx = new Array<number>(nd).fill(0);
  const last = nd - 1, n = shape[last], sa = stridesA[last], sb = stridesB[last];
  let a0 = offA, b0 = offB;
  for (;;) {
    for (let i = 0, a = a0, b = b0; i < n; i++, a += sa, b += sb) fn(a, b);
    let d = last - 1;
    for (; d >= 0; d--) {
      idx[d]++;
      a0 += stridesA[d];
      b0 += stridesB[d];
      if (idx[d] < shape[d]) break;
      a0 -= stridesA[d] * shape[d];
      b0 -= stridesB[d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

function countNonzero(mask: NDArray): number {
  let n = 0;
  const m = mask.data;
  if (isCContiguous(mask.shape, mask.strides) && m.length <= 0x7fffffff) {
    // bool data is a Uint8Array: (x + 255) >> 8 is 1 for any non-zero byte, without a branch;
    // 8 per iteration, as V8 reloads a typed array's base and length every iteration
    let i = mask.offset | 0;
    const end = (mask.offset + mask.size) | 0;
    for (; i + 8 <= end; i += 8) {
      n += ((m[i] + 255) >> 8) + ((m[i + 1] + 255) >> 8) + ((m[i + 2] + 255) >> 8) + ((m[i + 3] + 255) >> 8)
        + ((m[i + 4] + 255) >> 8) + ((m[i + 5] + 255) >> 8) + ((m[i + 6] + 255) >> 8) + ((m[i + 7] + 255) >> 8);
    }
    for (; i < end; i++) n += (m[i] + 255) >> 8;
    return n;
  }
  walk2(mask.shape, mask.strides, mask.offset, mask.strides, 0, (o) => { if (m[o] !== 0) n++; });
  return n;
}

/** Copies a non-empty block of `shape` between two strided buffers; `idx` is caller-owned scratch. */
function copyBlock(
  D: TypedArray, dOff: number, dStrides: readonly number[], S: TypedArray, sOff: number, sStrides: readonly number[],
  shape: readonly number[], idx: number[],
): void {
  const nd = shape.length;
  if (nd === 0) { D[dOff] = S[sOff]; return; }
  const last = nd - 1, n = shape[last], ds = dStrides[last], ss = sStrides[last];
  if (nd === 1) {
    for (let i = 0, d = dOff, s = sOff; i < n; i++, d += ds, s += ss) D[d] = S[s];
    return;
  }
  idx.fill(0, 0, nd);
  let d0 = dOff, s0 = sOff;
  for (;;) {
    for (let i = 0, d = d0, s = s0; i < n; i++, d += ds, s += ss) D[d] = S[s];
    let k = last - 1;
    for (; k >= 0; k--) {
      idx[k]++;
      d0 += dStrides[k];
      s0 += sStrides[k];
      if (idx[k] < shape[k]) break;
      d0 -= dStrides[k] * shape[k];
      s0 -= sStrides[k] * shape[k];
      idx[k] = 0;
    }
    if (k < 0) return;
  }
}

// ---- basic indexing: an O(1) view --------------------------------------------------------

function basicView(a: NDArray, plan: IndexPlan): NDArray {
  let offset = a.offset;
  for (const { axis, index } of plan.ints) offset += index * a.strides[axis];
  const shape: number[] = [], strides: number[] = [];
  for (const d of plan.view) {
    if (d.kind === 'newaxis') { shape.push(1); strides.push(0); continue; }
    shape.push(d.length as number);
    strides.push(a.strides[d.axis] * d.step);
    offset += d.start * a.strides[d.axis];
  }
  return a.view(shape, strides, offset);
}

// ---- advanced indexing ----------------------------------------------------------------------

/**
 * The advanced part of an index against the basic view `v`, in NumPy's iteration order:
 * broadcast index dims first (C order), then the subspace (the view dims no index uses).
 */
interface FancyIndex {
  /** broadcast shape of the index arrays */
  readonly bshape: number[];
  /** for each broadcast position (C order): buffer offset of its subspace block in `v`; empty when the result is */
  readonly offsets: Float64Array;
  readonly subShape: number[];
  readonly subStrides: number[];
  /** result dim r comes from iteration dim perm[r] */
  readonly perm: number[];
}

interface Component {
  data: TypedArray;
  cursor: number;
  bstrides: number[];
  /** buffer stride of the indexed axis (masks: their data already holds buffer offsets) */
  scale: number;
  isOffsets: boolean;
  size: number;
}

function fancyIndex(v: NDArray, plan: IndexPlan, arrays: readonly (NDArray | undefined)[]): FancyIndex {
  const adv = plan.advanced!;
  const bshape = adv.shape as number[];
  const nb = bshape.length;
  const used = new Array<boolean>(v.ndim).fill(false);
  const comps: Component[] = [];
  for (const it of adv.items) {
    if (it.kind === 'bool0') continue; // picks element 0 of an axis that does not exist
    const arr = arrays[it.item]!;
    if (it.kind === 'intArray') {
      used[it.viewAxis] = true;
      comps.push({ data: arr.data, cursor: arr.offset, bstrides: broadcastStridesTo(arr, bshape), scale: v.strides[it.viewAxis], isOffsets: false, size: v.shape[it.viewAxis] });
      continue;
    }
    // a mask: the buffer offsets of its true elements, in C order (nonzero() folded with the strides)
    const axes = Array.from({ length: it.ndim }, (_, k) => it.viewAxis + k);
    axes.forEach((k) => { used[k] = true; });
    let offs = new Float64Array(it.count as number);
    let n = 0;
    const m = arr.data;
    if (arr.ndim === 1 && m.length <= 0x7fffffff && v.data.length <= 0x7fffffff) {
      // a 1-d mask (the common case) without walk2's per-element callback; branch-free (a
      // random mask mispredicts half the time) and on int32 indices (see copyInto)
      const len = arr.shape[0] | 0, ms = arr.strides[0] | 0, vs = v.strides[it.viewAxis] | 0;
      const all = new Float64Array(offs.length + 1); // room for the store after the last hit
      for (let i = 0, mo = arr.offset | 0; i < len; i++, mo += ms) {
        all[n] = i * vs;
        n += (m[mo] + 255) >> 8; // 1 for any non-zero byte (bool data is a Uint8Array)
      }
      offs = all.subarray(0, offs.length);
    } else {
      walk2(arr.shape, arr.strides, arr.offset, axes.map((k) => v.strides[k]), 0, (mo, vo) => { if (m[mo] !== 0) offs[n++] = vo; });
    }
    const bstrides = new Array<number>(nb).fill(0);
    if (nb > 0 && !(offs.length === 1 && bshape[nb - 1] !== 1)) bstrides[nb - 1] = 1;
    comps.push({ data: offs, cursor: 0, bstrides, scale: 1, isOffsets: true, size: 0 });
  }
  const subShape: number[] = [], subStrides: number[] = [];
  for (let k = 0; k < v.ndim; k++) if (!used[k]) { subShape.push(v.shape[k]); subStrides.push(v.strides[k]); }

  let bsize = 1, subSize = 1;
  for (const d of bshape) bsize *= d;
  for (const d of subShape) subSize *= d;
  const perm = resultPerm(nb, subShape.length, adv.insertAt);
  // NumPy 1.24 ignores bad indices when the result is empty (it only warns)
  if (bsize * subSize === 0) return { bshape, offsets: new Float64Array(0), subShape, subStrides, perm };
  const offsets = new Float64Array(bsize);
  const nc = comps.length;
  if (nc === 1 && nb === 1 && comps[0].data.length <= 0x7fffffff && v.data.length <= 0x7fffffff) {
    // one index array (or mask) along one broadcast dim: no odometer
    const c = comps[0], x = c.data, base = v.offset;
    // int32-typed positions into the index data (see copyInto)
    const st = c.bstrides[0] | 0, k0 = c.cursor | 0;
    if (c.isOffsets) {
      for (let t = 0, k = k0; t < bsize; t++, k += st) offsets[t] = base + x[k];
    } else {
      // the only integer index array, walked in C order: checked as it goes, so the first bad
      // value is the one checkBounds would name, and nothing has moved yet when it throws
      const bad = indexOffsetsKernel(x)(bsize, x, k0, st, base, c.size, c.scale, offsets);
      if (bad >= 0) {
        const it = plan.advanced!.items.find((i) => i.kind === 'intArray')!;
        throw indexError(outOfBoundsMessage(x[k0 + bad * st], it.axis, c.size));
      }
    }
    return { bshape, offsets, subShape, subStrides, perm };
  }
  checkBounds(v, plan, arrays);
  const idx = new Array<number>(nb).fill(0);
  for (let t = 0; t < bsize; t++) {
    let o = v.offset;
    for (let j = 0; j < nc; j++) {
      const c = comps[j], x = c.data[c.cursor];
      o += c.isOffsets ? x : (x < 0 ? x + c.size : x) * c.scale;
    }
    offsets[t] = o;
    for (let d = nb - 1; d >= 0; d--) {
      idx[d]++;
      for (let j = 0; j < nc; j++) comps[j].cursor += comps[j].bstrides[d];
      if (idx[d] < bshape[d]) break;
      for (let j = 0; j < nc; j++) comps[j].cursor -= comps[j].bstrides[d] * bshape[d];
      idx[d] = 0;
    }
  }
  return { bshape, offsets, subShape, subStrides, perm };
}

/** Result dim r ← iteration dim perm[r], the broadcast dims (nb of them) going to position k. */
function resultPerm(nb: number, ns: number, k: number): number[] {
  return Array.from({ length: nb + ns }, (_, r) => (r < k ? nb + r : r < k + nb ? r - k : r));
}

/**
 * NumPy checks every integer index array (in index order) before it moves any data. Each
 * array is walked in C order; NumPy walks some non-C-ordered index arrays in memory order,
 * which only matters for which of several bad values the message names.
 */
function checkBounds(v: NDArray, plan: IndexPlan, arrays: readonly (NDArray | undefined)[]): void {
  for (const it of plan.advanced!.items) {
    if (it.kind !== 'intArray') continue;
    const arr = arrays[it.item]!;
    const n = v.shape[it.viewAxis];
    const d = arr.data;
    if (isCContiguous(arr.shape, arr.strides) && d.length <= 0x7fffffff) {
      // C order is memory order: a plain loop instead of walk2's per-element callback
      for (let o = arr.offset | 0, end = (arr.offset + arr.size) | 0; o < end; o++) {
        const x = d[o];
        if (x < -n || x >= n) throw indexError(outOfBoundsMessage(x, it.axis, n));
      }
      continue;
    }
    walk2(arr.shape, arr.strides, arr.offset, arr.strides, 0, (o) => {
      const x = d[o];
      if (x < -n || x >= n) throw indexError(outOfBoundsMessage(x, it.axis, n));
    });
  }
}

/** Gathers into a new array laid out in iteration order, returned transposed to result order like NumPy's. */
function gather(v: NDArray, f: FancyIndex): NDArray {
  const iterShape = [...f.bshape, ...f.subShape];
  // uninitialised: the bounds were checked before, and each of the bsize offsets fills its
  // whole subspace block below, so every element is written
  const out = emptyArrayUninit(iterShape, v.dtype);
  let subSize = 1;
  for (const d of f.subShape) subSize *= d;
  const outSubStrides = out.strides.slice(f.bshape.length);
  const D = out.data, S = v.data;
  const sub = coalesce(f.subShape, [outSubStrides, f.subStrides]);
  if (sub.shape.length <= 1 && D.length <= 0x7fffffff && S.length <= 0x7fffffff) {
    // the subspace is one strided row: a compiled loop for this pair of buffer classes, with
    // int32-typed arguments (see copyInto)
    const ss = sub.shape.length === 0 ? 0 : sub.strides[1][0];
    gatherKernel(D, S, subSize, ss)(f.offsets.length | 0, subSize | 0, D, S, f.offsets, ss | 0);
    return resultView(out, f.perm);
  }
  const scratch = new Array<number>(f.subShape.length).fill(0);
  for (let t = 0; t < f.offsets.length; t++) {
    copyBlock(D, t * subSize, outSubStrides, S, f.offsets[t], f.subStrides, f.subShape, scratch);
  }
  return resultView(out, f.perm);
}

function resultView(out: NDArray, perm: readonly number[]): NDArray {
  if (perm.every((p, r) => p === r)) return out;
  return out.view(perm.map((p) => out.shape[p]), perm.map((p) => out.strides[p]), 0);
}

/** Writes `src` (broadcastable to the result shape, already of v's dtype) at the indexed places. */
function scatter(v: NDArray, f: FancyIndex, src: NDArray): void {
  const iterShape = [...f.bshape, ...f.subShape];
  const rs = broadcastStridesTo(src, f.perm.map((p) => iterShape[p]));
  // the value's strides in iteration order
  const iterStrides = new Array<number>(f.perm.length);
  f.perm.forEach((p, r) => { iterStrides[p] = rs[r]; });
  const nb = f.bshape.length;
  const bStrides = iterStrides.slice(0, nb), subStrides = iterStrides.slice(nb);
  const idx = new Array<number>(nb).fill(0);
  const scratch = new Array<number>(f.subShape.length).fill(0);
  const D = v.data, S = src.data;
  let so = src.offset;
  for (let t = 0; t < f.offsets.length; t++) {
    copyBlock(D, f.offsets[t], f.subStrides, S, so, subStrides, f.subShape, scratch);
    for (let d = nb - 1; d >= 0; d--) {
      idx[d]++;
      so += bStrides[d];
      if (idx[d] < f.bshape[d]) break;
      so -= bStrides[d] * f.bshape[d];
      idx[d] = 0;
    }
  }
}

// ---- assigned values -------------------------------------------------------------------------

/**
 * A Python number stored into `to` the way NumPy's setitem converts Python objects: floats
 * truncate toward zero, NaN and inf raise, ints wrap into small types (NumPy 1.24 only
 * warns), and nothing outside int64 (uint64 for uint64) fits.
 */
function packNumber(v: number, isFloat: boolean, to: DType): number {
  const kind = dtypeInfo(to).kind;
  if (kind === 'b') return v !== 0 ? 1 : 0;
  if (kind === 'f') return to === 'float32' ? Math.fround(v) : v;
  let x = v;
  if (isFloat) {
    if (Number.isNaN(x)) throw valueError('cannot convert float NaN to integer');
    if (!Number.isFinite(x)) throw new NumpyError('OverflowError', 'cannot convert float infinity to integer');
    x = Math.trunc(x);
  }
  if (x < -(2 ** 63) || x >= (to === 'uint64' ? 2 ** 64 : 2 ** 63)) {
    throw new NumpyError('OverflowError', 'Python int too large to convert to C long');
  }
  return wrapInt(x, to);
}

/** A Python scalar or NumPy scalar as (value, is-a-float). */
function scalarParts(x: number | boolean | PyFloat | NpScalar): [number, boolean] {
  if (typeof x === 'boolean') return [x ? 1 : 0, false];
  if (x instanceof PyFloat) return [x.value, true];
  if (x instanceof NpScalar) return [x.value, dtypeInfo(x.dtype).kind === 'f'];
  return [x, !Number.isInteger(x)];
}

/** The value as NumPy first sees it: an array as is, a list as `np.asarray` makes it, a scalar 0-d. */
function naturalValue(value: AssignValue): { array: NDArray; kind: AssignedKind } {
  if (value instanceof NDArray) return { array: value, kind: 'array' };
  if (Array.isArray(value)) return { array: asarray(tuplesToLists(value) as NestedList), kind: 'list' };
  const [x, isFloat] = scalarParts(value as number | boolean | PyFloat | NpScalar);
  const a = emptyArray([], isFloat ? 'float64' : 'int64');
  a.data[0] = x;
  return { array: a, kind: 'scalar' };
}

/** Python values (lists, scalars) converted element by element with Python's rules. */
function packArray(natural: NDArray, to: DType): NDArray {
  const out = emptyArray(natural.shape, to);
  const isFloat = dtypeInfo(natural.dtype).kind === 'f';
  const S = natural.data, D = out.data;
  let k = 0;
  walk2(natural.shape, natural.strides, natural.offset, natural.strides, 0, (o) => { D[k++] = packNumber(S[o], isFloat, to); });
  return out;
}

/** Converts a value the way NumPy does before it looks at index broadcasting (for the error order). */
function packValue(value: AssignValue, to: DType): void {
  if (value instanceof NDArray) return;
  packArray(naturalValue(value).array, to);
}

/** The number stored by `a[i, j] = value` (a full integer index: NumPy's PyArray_Pack). */
function scalarToStore(value: AssignValue, to: DType): number {
  if (Array.isArray(value)) {
    // bool's setitem takes any Python object's truth value; the others refuse sequences
    if (to === 'bool') return value.length > 0 ? 1 : 0;
    throw valueError('setting an array element with a sequence.');
  }
  if (value instanceof NDArray) {
    if (value.ndim === 0) return castValue(value.data[value.offset], value.dtype, to);
    unwrap(assignScalarShape(value.shape, 'array'));
    // a 1-element array converts through Python's int()/float(); NumPy reports any failure
    // of that as the array being a sequence
    try {
      return packNumber(value.data[value.offset], dtypeInfo(value.dtype).kind === 'f', to);
    } catch (e) {
      if (e instanceof NumpyError) throw valueError('setting an array element with a sequence.');
      throw e;
    }
  }
  const [x, isFloat] = scalarParts(value as number | boolean | PyFloat | NpScalar);
  return packNumber(x, isFloat, to);
}

function toError(e: ShapeError): NumpyError {
  return new NumpyError(e.pyType, e.message);
}
