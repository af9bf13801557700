// Reductions: sum, prod, max, min, any, all (and mean, var, std, argmax, argmin, cumsum,
// cumprod built on them), with axis (None, int, negative, tuple) and keepdims.
// Float sums follow NumPy 1.24's order exactly: pairwise within a row along the innermost
// memory axis in chunks of 8192, sequential across rows (chunks run across rows when an
// output's elements are not one strided row, as NumPy's buffers do); outer axes fold whole
// input rows into the output in memory order (outerReduce.ts). Returns arrays (0-d for full
// reductions); engine/pycall.ts unwraps 0-d results to NumPy scalars.

import { DType, dtypeInfo, TypedArray } from '../core/dtype';
import { emptyArray, forEachOffset, isCContiguous, NDArray } from '../core/ndarray';
import { astype } from '../core/cast';
import { coalesce, forEachRow } from '../core/iter';
import { valueError } from '../core/errors';
import { reduceShape } from '../shape/reduce';
import { normalizeAxis } from '../shape/axes';
import { unwrap } from '../shape/result';
import {
  AccumulateRow, compileAccumulate, compileReduce, ReduceRow,
} from './kernels';
import { ArgRow, compileArgRow } from './argRow';
import { pairwiseKernel } from './pairwise';
import { pairwiseRowSumsF64, pairwiseSumF64 } from './pairwiseWasm';
import { foldSumF64 } from './foldSumWasm';
import { argRowsF64 } from './argRowsWasm';
import { foldRowsKernel, ROWS, squaredDeviationRowsKernel } from './outerReduce';
import { applyUfunc } from './ufunc';
import { UfuncDef } from './ufuncTable';

export type Axis = number | readonly number[] | null | undefined;

export interface ReduceOptions {
  axis?: Axis;
  keepdims?: boolean;
  dtype?: DType;
}

type ReduceOp = 'add' | 'multiply' | 'maximum' | 'minimum' | 'logical_and' | 'logical_or';

interface OpInfo {
  identity: number | undefined;
  /** name in NumPy's "zero-size array to reduction operation X" */
  npName: string;
  expr: (f32: boolean, kind: string) => string;
}

const OPS: Record<ReduceOp, OpInfo> = {
  add: { identity: 0, npName: 'add', expr: (f32, k) => (k === 'b' ? 'acc | a' : f32 ? 'Math.fround(acc + a)' : k === 'f' ? 'acc + a' : 'acc + a + 0') },
  multiply: { identity: 1, npName: 'multiply', expr: (f32, k) => (f32 ? 'Math.fround(acc * a)' : k === 'f' ? 'acc * a' : k === 'b' ? 'acc & a' : 'acc * a + 0') },
  maximum: { identity: undefined, npName: 'maximum', expr: (_f, k) => (k === 'f' ? 'acc !== acc ? acc : ((acc <= a || a !== a) ? a : acc)' : 'a > acc ? a : acc') },
  minimum: { identity: undefined, npName: 'minimum', expr: (_f, k) => (k === 'f' ? 'acc !== acc ? acc : ((acc >= a || a !== a) ? a : acc)' : 'a < acc ? a : acc') },
  logical_and: { identity: 1, npName: 'logical_and', expr: () => '(acc !== 0 && a !== 0) ? 1 : 0' },
  logical_or: { identity: 0, npName: 'logical_or', expr: () => '(acc !== 0 || a !== 0) ? 1 : 0' },
};

const rowCache = new Map<string, ReduceRow>();
const accCache = new Map<string, AccumulateRow>();
function accumulateRow(op: ReduceOp, f32: boolean, kind: string, inDtype: DType, outDtype: DType): AccumulateRow {
  const key = `${op}|${f32}|${kind}|${inDtype}|${outDtype}`;
  let r = accCache.get(key);
  if (!r) { r = compileAccumulate(OPS[op].expr(f32, kind)); accCache.set(key, r); }
  return r;
}
function reduceRow(op: ReduceOp, f32: boolean, kind: string, inDtype: DType): ReduceRow {
  const key = `${op}|${f32}|${kind}|${inDtype}`;
  let r = rowCache.get(key);
  if (!r) { r = compileReduce(OPS[op].expr(f32, kind)); rowCache.set(key, r); }
  return r;
}

/** Default accumulator dtype of sum/prod/cumsum: small ints widen to the platform long. */
export function sumDType(d: DType): DType {
  const k = dtypeInfo(d).kind;
  if (k === 'b') return 'int64';
  if (k === 'i') return 'int64';
  if (k === 'u') return 'uint64';
  return d;
}

const CHUNK = 8192;
/** Shorter contiguous float64 rows stay on the JS kernel (copying them into WebAssembly costs more than it saves). */
const PAIRWISE_WASM_MIN = 2048;
/** Sums of many rows this long or longer go to WebAssembly several rows per call (pairwiseRowSumsF64). */
const PAIRWISE_ROWS_MIN = 64;

/**
 * The generic reduction. `a` is cast to `dtype` first when they differ (NumPy casts in
 * buffers; the values are the same). Returns the reduced array with kept dims.
 */
export function reduce(op: ReduceOp, a0: NDArray, opts: ReduceOptions, dtype: DType): NDArray {
  const plan = unwrap(reduceShape(a0.shape, opts.axis, opts.keepdims ?? false));
  const a = a0.dtype === dtype || op === 'logical_and' || op === 'logical_or' ? a0 : astype(a0, dtype);
  const info = OPS[op];
  const kept = a.shape.map((_, i) => i).filter((i) => !plan.axes.includes(i));
  const outShape = kept.map((i) => a.shape[i]);
  const out = emptyArray(outShape, dtype);
  const reducedSize = plan.axes.reduce((p, i) => p * a.shape[i], 1);
  if (reducedSize === 0) {
    if (info.identity === undefined) {
      throw valueError(`zero-size array to reduction operation ${info.npName} which has no identity`);
    }
    out.data.fill(info.identity ?? 0);
    return withKeepdims(out, plan.shape);
  }
  const kind = dtypeInfo(dtype).kind;
  const f32 = dtype === 'float32';
  const row = reduceRow(op, f32, kind, a.dtype);
  const pairwise = op === 'add' && kind === 'f';
  const pairwiseRow = pairwiseKernel(a.data, f32);
  // the innermost memory axis decides NumPy's loop order
  const inner = innermostAxis(a);
  const innerReduced = inner >= 0 && plan.axes.includes(inner);
  const D = out.data, A = a.data;
  // reduced dims in memory order (largest stride first), coalesced
  const rAxes = [...plan.axes].sort((x, y) => Math.abs(a.strides[y]) - Math.abs(a.strides[x]));
  const rPlan = coalesce(rAxes.map((i) => a.shape[i]), [rAxes.map((i) => a.strides[i])]);
  const rn = rPlan.shape.length;
  const rowStride = rn ? rPlan.strides[0][rn - 1] : 0;
  // every reduced axis inside every kept one in memory order: an output's elements are one
  // run of NumPy's iteration
  const reducedInnermost = kept.every((i) => a.shape[i] <= 1
    || plan.axes.every((r) => a.shape[r] <= 1 || Math.abs(a.strides[i]) > Math.abs(a.strides[r])));
  if (pairwise && rn > 1 && reducedInnermost) {
    // and that run is not one strided row: NumPy's iterator buffers it
    const buf = new Float64Array(CHUNK); // exact for float32 values too; a fixed 64 KiB
    let k = 0;
    forEachOffset(kept.map((i) => a.shape[i]), kept.map((i) => a.strides[i]), a.offset, (base) => {
      D[k++] = bufferedPairwiseSum(A, base, rPlan.shape, rPlan.strides[0], f32, buf);
    });
  } else if ((innerReduced || kept.length === 0) && pairwise && !f32 && rn === 1 && rowStride === 1 && rPlan.shape[0] >= PAIRWISE_ROWS_MIN
    && rPlan.shape[0] <= CHUNK && A instanceof Float64Array && D instanceof Float64Array
    && wasmRowSums(A, a.offset, kept.map((i) => a.shape[i]), kept.map((i) => a.strides[i]), rPlan.shape[0], D)) {
    // every output a sum of one contiguous float64 row of up to a chunk: many rows per WebAssembly call
  } else if (innerReduced || kept.length === 0) {
    let k = 0;
    const wasmRows = pairwise && !f32 && rowStride === 1 && A instanceof Float64Array;
    forEachOffset(kept.map((i) => a.shape[i]), kept.map((i) => a.strides[i]), a.offset, (base) => {
      let acc = info.identity ?? NaN;
      let first = info.identity === undefined;
      forEachRow(rPlan.shape, rPlan.strides, [base], (n, [o]) => {
        let start = 0;
        if (first) { acc = A[o]; start = 1; first = false; }
        if (pairwise) {
          for (let c = start; c < n; c += CHUNK) {
            const m = Math.min(CHUNK, n - c);
            // contiguous float64 chunks: the same sum in WebAssembly SIMD when the runtime has it
            const s = wasmRows && m >= PAIRWISE_WASM_MIN ? pairwiseSumF64(A as Float64Array, o + c, m) : undefined;
            acc = f32 ? Math.fround(acc + pairwiseRow(A, o + c * rowStride, m, rowStride))
              : acc + (s ?? pairwiseRow(A, o + c * rowStride, m, rowStride));
          }
        } else {
          acc = row(n - start, A, o + start * rowStride, rowStride, acc);
        }
      });
      D[k++] = acc;
    });
  } else {
    // outer reduction: accumulate whole output slices, reduced axes outermost in memory order
    const keptShape = kept.map((i) => a.shape[i]);
    const keptStrides = kept.map((i) => a.strides[i]);
    const outStrides = out.strides;
    let first = info.identity === undefined;
    if (!first) D.fill(info.identity as number);
    // NumPy's loop order: reduced positions in memory order (its iterator sorts axes by
    // stride, so a transposed view's axis=(0, 1) walks axis 1 outermost), each input row folded into the
    // whole output; the fold takes ROWS positions of the last reduced axis per pass when
    // that gives the same bits (not when D's stores wrap an integer product)
    const ordered = rAxes;
    const p = coalesce(keptShape, [outStrides, keptStrides]);
    const pn = p.shape.length;
    const os = pn ? p.strides[0][pn - 1] : 0, is = pn ? p.strides[1][pn - 1] : 0;
    // axis=() reduces nothing: one position
    const last = ordered.length ? ordered[ordered.length - 1] : -1;
    const L = last >= 0 ? a.shape[last] : 1, rs = last >= 0 ? a.strides[last] : 0;
    const multi = !(op === 'multiply' && (kind === 'i' || kind === 'u'));
    const fold = multi ? foldRowsKernel(`${op}|${f32}|${kind}|${a.dtype}|${dtype}`, info.expr(f32, kind)) : undefined;
    const acc = accumulateRow(op, f32, kind, a.dtype, dtype);
    const outer = ordered.slice(0, -1);
    const wasmFold = op === 'add' && kind === 'f' && !f32 && pn === 1 && os === 1 && is === 1
      && A instanceof Float64Array && D instanceof Float64Array;
    forEachOffset(outer.map((i) => a.shape[i]), outer.map((i) => a.strides[i]), a.offset, (base) => {
      let c = 0;
      if (first) {
        forEachRow(p.shape, p.strides, [0, base], (n, [oo, io]) => { for (let i = 0; i < n; i++) D[oo + i * os] = A[io + i * is]; });
        first = false;
        c = 1;
      }
      // float64 sums of whole contiguous rows into a contiguous output row: the same fold in WebAssembly SIMD
      if (wasmFold && foldSumF64(L - c, p.shape[0], A as Float64Array, base + c * rs, rs, D as Float64Array, 0)) return;
      if (fold) {
        for (; c < L; c += ROWS) {
          const m = Math.min(ROWS, L - c);
          forEachRow(p.shape, p.strides, [0, base + c * rs], (n, [oo, io]) => fold(m, n, A, io, rs, is, D, oo, os));
        }
      } else {
        for (; c < L; c++) forEachRow(p.shape, p.strides, [0, base + c * rs], (n, [oo, io]) => acc(n, A, io, is, D, oo, os));
      }
    });
  }
  return withKeepdims(out, plan.shape);
}

/** pairwiseRowSumsF64 over the rows at the kept dims' offsets, when those coalesce to one dim (else false, nothing written). */
function wasmRowSums(A: Float64Array, offset: number, keptShape: number[], keptStrides: number[], n: number, D: Float64Array): boolean {
  const kp = coalesce(keptShape, [keptStrides]);
  if (kp.shape.length > 1) return false;
  const rows = kp.shape.length ? kp.shape[0] : 1, rs = kp.shape.length ? kp.strides[0][0] : 0;
  // rows must not overlap the next one's copy region (a broadcast or overlapping view)
  if (rows > 1 && rs < n) return false;
  return pairwiseRowSumsF64(A, offset, rs, rows, n, D);
}

/**
 * The float sum of elements that do not form one strided row (a reversed or row-sliced
 * view's rows): NumPy's buffered iterator copies them in iteration order into buffers of
 * CHUNK elements and sums each buffer pairwise, so a chunk runs across row ends.
 */
function bufferedPairwiseSum(
  A: TypedArray, offset: number, shape: readonly number[], strides: readonly number[], f32: boolean, buf: Float64Array,
): number {
  const sumChunk = pairwiseKernel(buf, f32);
  const st = strides[strides.length - 1];
  let acc = 0, fill = 0;
  forEachRow(shape, [strides], [offset], (n, [o]) => {
    for (let i = 0; i < n; i++, o += st) {
      buf[fill++] = A[o];
      if (fill === CHUNK) {
        acc = f32 ? Math.fround(acc + sumChunk(buf, 0, CHUNK, 1)) : acc + sumChunk(buf, 0, CHUNK, 1);
        fill = 0;
      }
    }
  });
  if (fill > 0) acc = f32 ? Math.fround(acc + sumChunk(buf, 0, fill, 1)) : acc + sumChunk(buf, 0, fill, 1);
  return acc;
}

function withKeepdims(out: NDArray, shape: readonly (number | object)[]): NDArray {
  if (shape.length === out.ndim) return out;
  const s = shape as number[];
  return new NDArray(out.data, out.dtype, s, stridesFor(s), 0);
}

function stridesFor(shape: readonly number[]): number[] {
  const st = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) { st[i] = s; s *= Math.max(shape[i], 1); }
  return st;
}

/** The axis with the smallest non-zero stride among dims longer than 1 (-1 if none). */
function innermostAxis(a: NDArray): number {
  let best = -1;
  for (let i = 0; i < a.ndim; i++) {
    if (a.shape[i] <= 1 || a.strides[i] === 0) continue;
    if (best < 0 || Math.abs(a.strides[i]) < Math.abs(a.strides[best])) best = i;
  }
  return best;
}

// ---- the NumPy functions ---------------------------------------------------------------

export function sum(a: NDArray, opts: ReduceOptions = {}): NDArray {
  return reduce('add', a, opts, opts.dtype ?? sumDType(a.dtype));
}

export function prod(a: NDArray, opts: ReduceOptions = {}): NDArray {
  return reduce('multiply', a, opts, opts.dtype ?? sumDType(a.dtype));
}

export function amax(a: NDArray, opts: ReduceOptions = {}): NDArray {
  return reduce('maximum', a, opts, a.dtype);
}

export function amin(a: NDArray, opts: ReduceOptions = {}): NDArray {
  return reduce('minimum', a, opts, a.dtype);
}

export function all(a: NDArray, opts: ReduceOptions = {}): NDArray {
  return reduce('logical_and', a, opts, 'bool');
}

export function any(a: NDArray, opts: ReduceOptions = {}): NDArray {
  return reduce('logical_or', a, opts, 'bool');
}

function countReduced(a: NDArray, axis: Axis): number {
  // mean/var/std count items with normalize_axis_index, which has no 0-d pass for axis=0/-1
  if (a.ndim === 0 && typeof axis === 'number') unwrap(normalizeAxis(axis, 0));
  const plan = unwrap(reduceShape(a.shape, axis, false));
  return plan.axes.reduce((p, i) => p * a.shape[i], 1);
}

/** `np.mean`: sum in float64 for ints (float32 stays float32), then divide by the count. */
export function mean(a: NDArray, opts: ReduceOptions = {}): NDArray {
  const k = dtypeInfo(a.dtype).kind;
  const dtype = opts.dtype ?? (k === 'f' ? a.dtype : 'float64');
  const n = countReduced(a, opts.axis);
  const s = reduce('add', a, opts, dtype);
  return applyUfunc('divide', s, n, s, 'unsafe');
}

export interface VarOptions extends ReduceOptions { ddof?: number }

/**
 * `x = a - arrmean; x *= x` in one pass for float inputs (a ufunc row of its own, not a
 * NumPy name): the same two roundings per element as NumPy's two passes (the float32 loop
 * rounds the difference before squaring; the store rounds the square), one array walk fewer.
 */
const SQUARED_DEVIATION: UfuncDef = {
  name: '_squared_deviation', nin: 2, loops: 'float',
  expr: { float32: 'Math.fround(a - b) * Math.fround(a - b)', f: '(a - b) * (a - b)' },
};

/** `np.var` exactly as NumPy's _methods._var computes it (mean, deviations, squares, sum). */
export function variance(a: NDArray, opts: VarOptions = {}): NDArray {
  const k = dtypeInfo(a.dtype).kind;
  const dtype = opts.dtype ?? (k === 'f' ? a.dtype : 'float64');
  const n = countReduced(a, opts.axis);
  const arrmean = reduce('add', a, { axis: opts.axis, keepdims: true }, dtype);
  applyUfunc('divide', arrmean, n, arrmean, 'unsafe');
  let ret = k === 'f' && dtype === a.dtype ? outerSquaredDeviationSum(a, arrmean, opts) : undefined;
  if (!ret) {
    let x: NDArray;
    if (k === 'f') {
      x = applyUfunc(SQUARED_DEVIATION, a, arrmean);
    } else {
      x = applyUfunc('subtract', a, arrmean);
      applyUfunc('multiply', x, x, x);
    }
    ret = reduce('add', x, { axis: opts.axis, keepdims: opts.keepdims }, dtype);
  }
  const rcount = Math.max(n - (opts.ddof ?? 0), 0);
  return applyUfunc('divide', ret, rcount, ret, 'unsafe');
}

/**
 * `reduce('add', (a - arrmean)**2, ...)` without the array of squares, when `a` is a
 * C-contiguous float array reduced over outer axes only (std(axis=0) of a matrix): the squares
 * are made and added in the order reduce's outer path adds them (reduced positions in axis
 * order, each folded into the whole output), so the sums are the same. The squares' array
 * would be laid out like `a`, which is what puts reduce on that path. Undefined otherwise.
 */
function outerSquaredDeviationSum(a: NDArray, arrmean: NDArray, opts: VarOptions): NDArray | undefined {
  if (!isCContiguous(a.shape, a.strides) || a.size === 0) return undefined;
  const plan = unwrap(reduceShape(a.shape, opts.axis, opts.keepdims ?? false));
  const inner = innermostAxis(a);
  const kept = a.shape.map((_, i) => i).filter((i) => !plan.axes.includes(i));
  if (inner < 0 || plan.axes.includes(inner) || kept.length === 0 || plan.axes.length === 0) return undefined;
  const rows = squaredDeviationRowsKernel(a.dtype === 'float32');
  const out = emptyArray(kept.map((i) => a.shape[i]), a.dtype);
  const D = out.data, A = a.data, M = arrmean.data;
  // add's identity, as reduce starts its outer path (0 + x is x for every square, even NaN)
  D.fill(0);
  const p = coalesce(kept.map((i) => a.shape[i]), [out.strides, kept.map((i) => a.strides[i])]);
  const pn = p.shape.length;
  const os = pn ? p.strides[0][pn - 1] : 0, is = pn ? p.strides[1][pn - 1] : 0;
  // reduce's positions in its order, ROWS of the last reduced axis per pass
  const last = plan.axes[plan.axes.length - 1];
  const L = a.shape[last], rs = a.strides[last];
  const outer = plan.axes.slice(0, -1);
  forEachOffset(outer.map((i) => a.shape[i]), outer.map((i) => a.strides[i]), a.offset, (base) => {
    for (let c = 0; c < L; c += ROWS) {
      const m = Math.min(ROWS, L - c);
      forEachRow(p.shape, p.strides, [0, base + c * rs], (n, [oo, io]) => rows(m, n, A, io, rs, is, D, oo, os, M));
    }
  });
  return withKeepdims(out, plan.shape);
}

export function std(a: NDArray, opts: VarOptions = {}): NDArray {
  const v = variance(a, opts);
  return applyUfunc('sqrt', v, undefined, v, 'unsafe');
}

// one compiled row per (argmax/argmin, dtype), so each sees a single typed-array class
const argRowCache = new Map<string, ArgRow>();
function argRow(which: 'max' | 'min', dtype: DType): ArgRow {
  const key = `${which}|${dtype}`;
  let r = argRowCache.get(key);
  if (!r) { r = compileArgRow(which === 'max' ? '>' : '<', dtypeInfo(dtype).kind === 'f'); argRowCache.set(key, r); }
  return r;
}

/** `np.argmax`/`np.argmin`: first index of the extreme (a NaN counts as the extreme). */
export function argExtreme(a: NDArray, which: 'max' | 'min', axis?: number | null, keepdims = false): NDArray {
  let src = a, ax: number;
  if (axis === null || axis === undefined) {
    src = astype(a, a.dtype, 'C'); // C-ordered copy, then viewed flat
    src = new NDArray(src.data, src.dtype, [src.size], [1], 0);
    ax = 0;
  } else if (a.ndim === 0) {
    // PyArray_CheckAxis views a 0-d array as 1-d: axis 0/-1 is valid, and errors say "dimension 1"
    ax = unwrap(normalizeAxis(axis, 1));
    src = a.view([1], [0], a.offset);
  } else {
    ax = unwrap(normalizeAxis(axis, a.ndim));
  }
  const len = src.shape[ax];
  if (len === 0) throw valueError(`attempt to get arg${which} of an empty sequence`);
  const keptAxes = src.shape.map((_, i) => i).filter((i) => i !== ax);
  const out = emptyArray(keptAxes.map((i) => src.shape[i]), 'int64');
  const row = argRow(which, a.dtype);
  const st = src.strides[ax], A = src.data, D = out.data;
  let k = 0;
  const kp = coalesce(keptAxes.map((i) => src.shape[i]), [keptAxes.map((i) => src.strides[i])]);
  const kn = kp.shape.length, ks = kn ? kp.strides[0][kn - 1] : 0;
  // an int32-typed length keeps V8's row loop on integer indices (measured ~25% faster);
  // rows of 2**31 or more elements (beyond the default 2 GiB limit) take the untyped call
  const jsRows = (len | 0) === len
    ? (n: number, o: number): void => { for (let i = 0; i < n; i++, o += ks) D[k++] = row(len | 0, A, o, st); }
    : (n: number, o: number): void => { for (let i = 0; i < n; i++, o += ks) D[k++] = row(len, A, o, st); };
  // contiguous float64 rows: the same scan in WebAssembly SIMD when it takes them
  const wasmRows = st === 1 && src.dtype === 'float64' && A instanceof Float64Array && D instanceof Float64Array;
  const rows = (n: number, o: number): void => {
    if (wasmRows && argRowsF64(which, A, o, ks, n, len, D, k)) k += n;
    else jsRows(n, o);
  };
  if (kn <= 1) rows(kn === 0 ? 1 : kp.shape[0], src.offset);
  else forEachRow(kp.shape, kp.strides, [src.offset], (n, [o]) => rows(n, o));
  if (keepdims) {
    const shape = axis === null || axis === undefined ? a.shape.map(() => 1) : a.shape.map((d, i) => (i === ax ? 1 : d));
    return new NDArray(out.data, 'int64', shape, stridesFor(shape), 0);
  }
  return out;
}

/** `np.cumsum`/`np.cumprod` (axis None flattens). */
export function accumulate(a: NDArray, op: 'add' | 'multiply', axis?: number | null, dtype?: DType): NDArray {
  const dt = dtype ?? sumDType(a.dtype);
  let src = astype(a, dt, 'C');
  let ax: number;
  if (axis === null || axis === undefined || a.ndim === 0) {
    // a 0-d array is viewed as 1-d (PyArray_CheckAxis): axis 0/-1 is valid, others fail for "dimension 1"
    if (axis !== null && axis !== undefined) unwrap(normalizeAxis(axis, 1));
    src = new NDArray(src.data, dt, [src.size], [1], 0);
    ax = 0;
  } else {
    ax = unwrap(normalizeAxis(axis, a.ndim));
  }
  const f32 = dt === 'float32';
  const keptAxes = src.shape.map((_, i) => i).filter((i) => i !== ax);
  const len = src.shape[ax], st = src.strides[ax], D = src.data;
  forEachOffset(keptAxes.map((i) => src.shape[i]), keptAxes.map((i) => src.strides[i]), 0, (o) => {
    for (let i = 1; i < len; i++) {
      const prev = D[o + (i - 1) * st], cur = D[o + i * st];
      const v = dt === 'bool' ? (op === 'add' ? prev | cur : prev & cur) : op === 'add' ? prev + cur : prev * cur;
      D[o + i * st] = f32 ? Math.fround(v) : dtypeInfo(dt).kind === 'f' ? v : v + 0;
    }
  });
  return src;
}
