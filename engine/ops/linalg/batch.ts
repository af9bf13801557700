// Stacks of matrices for np.linalg: NumPy's result dtype rule (`_commonType`: everything is
// computed in float64; results are float32 only when every input is float32), copying each
// matrix of a (possibly broadcast, strided) stack into a row-major Float64Array, and
// assembling results back into arrays. No numerics here: the factorizations live beside it.

import { DType } from '../../core/dtype';
import { emptyArray, NDArray, sizeOf } from '../../core/ndarray';

export type LinalgDType = 'float32' | 'float64';

/** `_commonType(*arrays)[1]` for real inputs: float32 iff all inputs are float32. */
export function linalgResultType(...arrays: readonly NDArray[]): LinalgDType {
  return arrays.every((a) => a.dtype === 'float32') ? 'float32' : 'float64';
}

/** The row-major copy of one matrix of `a` whose (0, 0) element is at `offset`. */
export function readMatrix(a: NDArray, offset: number, rows: number, cols: number): Float64Array {
  const m = new Float64Array(rows * cols);
  const rs = a.strides[a.ndim - 2], cs = a.strides[a.ndim - 1], D = a.data;
  for (let i = 0, k = 0; i < rows; i++) {
    let o = offset + i * rs;
    for (let j = 0; j < cols; j++, o += cs) m[k++] = D[o];
  }
  return m;
}

/** Like readMatrix for a stack of vectors (the last dim). */
export function readVector(a: NDArray, offset: number, n: number): Float64Array {
  const v = new Float64Array(n), s = a.strides[a.ndim - 1];
  for (let i = 0; i < n; i++) v[i] = a.data[offset + i * s];
  return v;
}

/** Offsets of every matrix (or vector, coreNdim 1) of `a` within a broadcast batch shape, C order. */
export function batchOffsets(a: NDArray, coreNdim: number, batch: readonly number[]): number[] {
  const n = a.ndim - coreNdim, off = batch.length - n;
  const strides = batch.map((d, k) => (k < off || a.shape[k - off] === 1 ? 0 : a.strides[k - off]));
  const count = sizeOf(batch), out = new Array<number>(count);
  const idx = new Array<number>(batch.length).fill(0);
  let o = a.offset;
  for (let c = 0; c < count; c++) {
    out[c] = o;
    for (let d = batch.length - 1; d >= 0; d--) {
      idx[d]++;
      o += strides[d];
      if (idx[d] < batch[d]) break;
      o -= strides[d] * batch[d];
      idx[d] = 0;
    }
  }
  return out;
}

/** Every matrix of a stack `a` (..., rows, cols) as row-major copies, in C order of the batch. */
export function readStack(a: NDArray): { batch: number[]; rows: number; cols: number; mats: Float64Array[] } {
  const batch = a.shape.slice(0, -2), rows = a.shape[a.ndim - 2], cols = a.shape[a.ndim - 1];
  return { batch, rows, cols, mats: batchOffsets(a, 2, batch).map((o) => readMatrix(a, o, rows, cols)) };
}

/** An array of shape [...batch, ...core] from per-batch row-major blocks (float32 stores round). */
export function writeStack(batch: readonly number[], core: readonly number[], blocks: readonly ArrayLike<number>[], dtype: DType): NDArray {
  const out = emptyArray([...batch, ...core], dtype);
  const n = sizeOf(core);
  blocks.forEach((b, i) => {
    for (let k = 0; k < n; k++) out.data[i * n + k] = b[k];
  });
  return out;
}

/** The transpose of a row-major rows×cols matrix. */
export function transposed(m: Float64Array, rows: number, cols: number): Float64Array {
  const t = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = m[i * cols + j];
  return t;
}

/** True when every element of the array is finite. */
export function allFinite(a: NDArray): boolean {
  return a.toArray().every(Number.isFinite);
}
