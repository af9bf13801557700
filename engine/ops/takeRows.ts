// The fast path of `a[idx]` for one integer index array on the first axis — x[labels],
// X[batch_idx], np.eye(n)[labels]: each result row is copied straight from its index value
// (checked as it goes, no offsets array in between). A small, mostly-zero source such as a
// one-hot table writes only its non-zero elements (after +0 stores for short rows, into a
// zero-filled result for long ones); other tables small beside the result are gathered in
// WebAssembly (takeRowsWasm.ts) when the runtime has it. Anything else (masks, several index arrays, an index after a slice,
// a subspace that does not flatten to one strided row) returns undefined and takes
// indexing.ts's general gather, which gives the same values.

import { allocate, DType, TypedArray } from '../core/dtype';
import { emptyArray, emptyArrayUninit, isCContiguous, NDArray } from '../core/ndarray';
import { coalesce } from '../core/iter';
import { indexError } from '../core/errors';
import { takeRowsKernel, takeSparseRowsKernel } from '../core/copyKernels';
import { IndexPlan, outOfBoundsMessage } from '../shape/index';
import { SPARSE_UNINIT_MAX_ROW, takeSparseRowsUninitKernel } from './takeSparseRowsKernel';
import { takeRowsWasm, takeRowsWasmLayout } from './takeRowsWasm';

const INT32_MAX = 0x7fffffff;

/** `v[arrays[k]]` for a plan whose only advanced item is an integer array on v's first axis, else undefined. */
export function takeRows(v: NDArray, plan: IndexPlan, arrays: readonly (NDArray | undefined)[]): NDArray | undefined {
  const adv = plan.advanced;
  if (!adv || adv.items.length !== 1 || adv.insertAt !== 0) return undefined;
  const it = adv.items[0];
  if (it.kind !== 'intArray' || it.viewAxis !== 0) return undefined;
  const arr = arrays[it.item]!;
  const flat = isCContiguous(arr.shape, arr.strides);
  if (!flat && arr.ndim !== 1) return undefined;
  const n = arr.size, st = flat ? 1 : arr.strides[0];
  const subShape = v.shape.slice(1), subStrides = v.strides.slice(1);
  let subSize = 1;
  for (const d of subShape) subSize *= d;
  const outShape = [...arr.shape, ...subShape];
  if (n * subSize === 0 || n * subSize > INT32_MAX || v.data.length > INT32_MAX || arr.data.length > INT32_MAX) return undefined;
  const outSub = coalesce(subShape, [subStrides]);
  // one strided row (or a single element) per index value; the result's rows are contiguous
  if (outSub.shape.length > 1) return undefined;
  const ss = outSub.shape.length === 0 ? 0 : outSub.strides[0][0];

  const x = arr.data, k0 = arr.offset | 0, size = v.shape[0], scale = v.strides[0];
  const kst = st | 0, sub = subSize | 0;
  const S = v.data;
  const m = size * 16 <= n ? sparseWidth(S, v.offset, size, scale, subSize, ss) : 0;
  // short mostly-zero rows (a one-hot table) are written fastest by the JS sparse kernel
  // straight into the result; other rows go through the WebAssembly gather when it takes them
  // (measured: eye(10)[1e5 labels] 0.78 ms in JS sparse, 0.94 in WebAssembly; dense rows of
  // 10-128 float64 1.2-3.6x faster in WebAssembly)
  const wasm = m > 0 && subSize <= SPARSE_UNINIT_MAX_ROW ? undefined : takeRowsWasmLayout(S, x, size, subSize, n);
  if (wasm) {
    // every row is written unless an index is bad, and then `out` is dropped by the throw
    const out = emptyArrayUninit(outShape, v.dtype);
    const t = takeRowsWasm(wasm, out.data, S, v.offset, size, scale, sub, ss | 0, x, k0, kst, n);
    if (t >= 0) throw indexError(outOfBoundsMessage(x[k0 + t * st], it.axis, size));
    return out;
  }
  // allocated before the indices are checked, as NumPy's single-index fast path does, and
  // before the sparse tables (allocating those first made np.eye(10)[labels] 1.5-2.5x slower
  // in the benchmark: the allocator then reused the results' memory less well). The sparse
  // kernel for long rows writes only the elements that are not +0, so it needs emptyArray's
  // zeros; the short-row sparse kernel and the dense ones write every row (or stop at a bad
  // index, and then `out` is dropped by the throw below), so their buffer may be uninitialised
  const zeroed = m > 0 && subSize > SPARSE_UNINIT_MAX_ROW;
  const out = zeroed ? emptyArray(outShape, v.dtype) : emptyArrayUninit(outShape, v.dtype);
  const D = out.data;
  const sparse = m ? sparseRows(S, v.dtype, v.offset, size, scale, subSize, ss, m) : undefined;
  let t: number;
  if (sparse && zeroed) {
    t = takeSparseRowsKernel(D, x, sparse.m)(0, n, sub, D, x, k0, kst, size, sparse.m, sparse.cols, sparse.vals);
  } else if (sparse) {
    t = takeSparseRowsUninitKernel(D, x, sub, sparse.m)(0, n, D, x, k0, kst, size, sparse.m, sparse.cols, sparse.vals);
  } else {
    t = takeRowsKernel(D, S, x, subSize, ss, true)(0, n, sub, D, S, x, k0, kst, size, v.offset, scale, ss | 0);
    if (t >= 0) t = takeRowsKernel(D, S, x, subSize, ss, false)(t, n, sub, D, S, x, k0, kst, size, v.offset, scale, ss | 0);
  }
  if (t >= 0) throw indexError(outOfBoundsMessage(x[k0 + t * st], it.axis, size));
  return out;
}

interface SparseRows {
  m: number;
  cols: Int32Array;
  vals: TypedArray;
}

/** Elements that are not +0 (-0 and NaN included): the ones a zero-filled result lacks. */
const notPlusZero = (x: number): boolean => x !== 0 || 1 / x < 0;

/**
 * The most non-+0 elements any of the `size` rows `S[base + i*scale + j*ss]` (j < sub) has
 * (at least 1), or 0 when a row has over a quarter of its elements so (a plain copy is
 * faster then).
 */
function sparseWidth(S: TypedArray, base: number, size: number, scale: number, sub: number, ss: number): number {
  let m = 0;
  for (let i = 0; i < size; i++) {
    let c = 0;
    for (let j = 0, s = base + i * scale; j < sub; j++, s += ss) if (notPlusZero(S[s])) c++;
    if (c * 4 > sub) return 0;
    if (c > m) m = c;
  }
  return Math.max(m, 1);
}

/** The tables of TakeSparseRows (engine/core/copyKernels.ts) for those rows, `m` from sparseWidth. */
function sparseRows(S: TypedArray, dtype: DType, base: number, size: number, scale: number, sub: number, ss: number, m: number): SparseRows {
  const cols = allocate('int32', 2 * size * m) as Int32Array;
  const vals = allocate(dtype, 2 * size * m);
  for (let i = 0; i < size; i++) {
    // table rows i (index value i - size) and size + i (index value i)
    const first = i * m;
    let e = first;
    for (let j = 0, s = base + i * scale; j < sub; j++, s += ss) {
      if (notPlusZero(S[s])) { cols[e] = j; vals[e++] = S[s]; }
    }
    for (; e > first && e < first + m; e++) { cols[e] = cols[e - 1]; vals[e] = vals[e - 1]; }
    cols.copyWithin((size + i) * m, first, first + m);
    vals.copyWithin((size + i) * m, first, first + m);
  }
  return { m, cols, vals };
}
