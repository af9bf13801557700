// LU factorization with partial pivoting and what NumPy builds on it: np.linalg.inv, solve,
// det and slogdet, batched (solve broadcasts a's and b's batch dims). The arithmetic is
// LAPACK's dgetrf2 + dgetrs (first-largest pivot, column scaled by the pivot's reciprocal,
// updates in pivot order, column-oriented triangular solves), so results match NumPy's bit
// for bit on reference LAPACK; det is NumPy's sign·exp(Σ log|u_ii|), hence det([[1,2],[3,4]])
// = -2.0000000000000004. "Singular matrix" means an exactly zero pivot, as in LAPACK.

import { NDArray, emptyArray } from '../../core/ndarray';
import { NumpyError } from '../../core/errors';
import { unwrap } from '../../shape/result';
import { checkSquareStack, solveShape } from '../../shape/matmul';
import { exp, log } from './libm';
import { batchOffsets, linalgResultType, readMatrix, readStack, readVector, writeStack } from './batch';

const SFMIN = 2.2250738585072014e-308;

/**
 * In-place LU of the row-major n×n matrix `A` (L unit lower, U upper, both stored in A);
 * `piv[k]` is the row swapped with row k. Returns LAPACK's info: 0, or 1 + the first column
 * with an exactly zero pivot.
 */
export function getrf(A: Float64Array, n: number, piv: Int32Array): number {
  let info = 0;
  for (let k = 0; k < n; k++) {
    const kk = k * n + k;
    let p = k, max = Math.abs(A[kk]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(A[i * n + k]);
      if (v > max) { max = v; p = i; }
    }
    piv[k] = p;
    if (A[p * n + k] !== 0) {
      if (p !== k) {
        for (let j = 0; j < n; j++) { const t = A[k * n + j]; A[k * n + j] = A[p * n + j]; A[p * n + j] = t; }
      }
      const d = A[kk];
      if (Math.abs(d) >= SFMIN) {
        const r = 1 / d;
        for (let i = k + 1; i < n; i++) A[i * n + k] *= r;
      } else {
        for (let i = k + 1; i < n; i++) A[i * n + k] /= d;
      }
    } else if (info === 0) {
      info = k + 1;
    }
    for (let i = k + 1; i < n; i++) {
      const l = A[i * n + k], ri = i * n, rk = k * n;
      for (let j = k + 1; j < n; j++) A[ri + j] -= l * A[rk + j];
    }
  }
  return info;
}

/** Solves A X = B in place for row-major B (n×nrhs) given getrf's LU and pivots (dgetrs). */
export function getrs(LU: Float64Array, n: number, piv: Int32Array, B: Float64Array, nrhs: number): void {
  for (let k = 0; k < n; k++) {
    const p = piv[k];
    if (p !== k) for (let j = 0; j < nrhs; j++) { const t = B[k * nrhs + j]; B[k * nrhs + j] = B[p * nrhs + j]; B[p * nrhs + j] = t; }
  }
  for (let j = 0; j < nrhs; j++) {
    for (let k = 0; k < n; k++) {
      const bk = B[k * nrhs + j];
      if (bk !== 0) for (let i = k + 1; i < n; i++) B[i * nrhs + j] -= bk * LU[i * n + k];
    }
    for (let k = n - 1; k >= 0; k--) {
      if (B[k * nrhs + j] !== 0) {
        const bk = (B[k * nrhs + j] /= LU[k * n + k]);
        for (let i = 0; i < k; i++) B[i * nrhs + j] -= bk * LU[i * n + k];
      }
    }
  }
}

const singular = () => new NumpyError('LinAlgError', 'Singular matrix');

/**
 * `np.linalg.inv(a)` for a stack (..., n, n). Integer/bool input gives float64, float32 stays float32.
 *
 *   inv([[4, 7], [2, 6]]) → [[0.6, -0.7], [-0.2, 0.4]]
 */
export function inv(a: NDArray): NDArray {
  unwrap(checkSquareStack(a.shape));
  const { batch, rows: n, mats } = readStack(a);
  const piv = new Int32Array(n);
  const out = mats.map((m) => {
    if (getrf(m, n, piv) > 0) throw singular();
    const B = new Float64Array(n * n);
    for (let i = 0; i < n; i++) B[i * n + i] = 1;
    getrs(m, n, piv, B, n);
    return B;
  });
  return writeStack(batch, [n, n], out, linalgResultType(a));
}

/** sign and log|det| of one matrix from its LU (NumPy's slogdet_single_element). */
function slogdetOne(m: Float64Array, n: number, piv: Int32Array): [number, number] {
  if (getrf(m, n, piv) > 0) return [0, -Infinity];
  let sign = 1, logdet = 0;
  for (let k = 0; k < n; k++) if (piv[k] !== k) sign = -sign;
  for (let k = 0; k < n; k++) {
    let d = m[k * n + k];
    if (d < 0) { sign = -sign; d = -d; }
    logdet += log(d);
  }
  return [sign, logdet];
}

/** `np.linalg.det(a)`: shape (...,) — a 0-d array for one matrix. `det([[1, 2], [3, 4]])` → -2.0000000000000004. */
export function det(a: NDArray): NDArray {
  unwrap(checkSquareStack(a.shape));
  const { batch, rows: n, mats } = readStack(a);
  const piv = new Int32Array(n);
  const vals = mats.map((m) => { const [s, l] = slogdetOne(m, n, piv); return s * exp(l); });
  return writeStack(batch, [], vals.map((v) => [v]), linalgResultType(a));
}

/** `np.linalg.slogdet(a)`: (sign, logabsdet), each of shape (...,). */
export function slogdet(a: NDArray): [NDArray, NDArray] {
  unwrap(checkSquareStack(a.shape));
  const { batch, rows: n, mats } = readStack(a);
  const piv = new Int32Array(n);
  const pairs = mats.map((m) => slogdetOne(m, n, piv));
  const dtype = linalgResultType(a);
  return [writeStack(batch, [], pairs.map((p) => [p[0]]), dtype), writeStack(batch, [], pairs.map((p) => [p[1]]), dtype)];
}

/**
 * `np.linalg.solve(a, b)`: b is a stack of vectors when b.ndim == a.ndim - 1, else of
 * matrices; batch dims broadcast (NumPy's gufunc errors otherwise).
 *
 *   solve([[3, 1], [1, 2]], [9, 8]) → [2, 3]
 */
export function solve(a: NDArray, b: NDArray): NDArray {
  const { vector, shape } = unwrap(solveShape(a.shape, b.shape));
  const out = emptyArray(shape as number[], linalgResultType(a, b));
  const n = a.shape[a.ndim - 1], k = vector ? 1 : b.shape[b.ndim - 1];
  const batch = (shape as number[]).slice(0, vector ? -1 : -2);
  const aOffs = batchOffsets(a, 2, batch), bOffs = batchOffsets(b, vector ? 1 : 2, batch);
  const piv = new Int32Array(n);
  const size = n * k;
  aOffs.forEach((ao, i) => {
    const m = readMatrix(a, ao, n, n);
    if (getrf(m, n, piv) > 0) throw singular();
    const B = vector ? readVector(b, bOffs[i], n) : readMatrix(b, bOffs[i], n, k);
    getrs(m, n, piv, B, k);
    for (let j = 0; j < size; j++) out.data[i * size + j] = B[j];
  });
  return out;
}
