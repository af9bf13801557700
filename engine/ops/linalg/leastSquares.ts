// The SVD-based functions of np.linalg: lstsq (minimum-norm least squares, like LAPACK's
// gelsd), pinv (NumPy's own Python algorithm, op for op, on our SVD) and matrix_rank.
// Rank decisions compare singular values with NumPy's thresholds, so they agree with NumPy
// whenever no singular value sits within rounding of the threshold.

import { emptyArray, NDArray } from '../../core/ndarray';
import { NumpyError } from '../../core/errors';
import { NpScalar } from '../../core/scalar';
import { unwrap } from '../../shape/result';
import { checkStacked2d, lstsqShapes } from '../../shape/matmul';
import { allFinite, linalgResultType, readMatrix } from './batch';
import { svd, svdDecompose } from './svd';
import { eigvalsh } from './eigh';
import { applyUfunc } from '../ufunc';
import { amax, sum } from '../reduction';
import { matmul } from '../matmul';
import { reshape, swapaxes } from '../manipulation';
import { where } from '../elementwise';

const EPS64 = 2 ** -52, EPS32 = 2 ** -23;

/** `rcond` of lstsq: NumPy's deprecated default 'warn' means -1 (machine precision), None means eps·max(m, n). */
export type Rcond = number | null | 'warn';

/**
 * `np.linalg.lstsq(a, b, rcond)` → [x, residuals, rank, s]: x minimises ‖b - a·x‖ with the
 * smallest norm; residuals are the squared residual norms per column, present only when
 * a has full column rank and more rows than columns (else shape (0,)); rank is an int32 scalar.
 *
 *   lstsq([[1, 0], [0, 1], [1, 1]], [1, 2, 4], null) → x [1.333…, 2.333…], residuals [0.333…], rank 2
 */
export function lstsq(a: NDArray, b: NDArray, rcond: Rcond = 'warn'): [NDArray, NDArray, NpScalar, NDArray] {
  const sh = unwrap(lstsqShapes(a.shape, b.shape));
  const m = sh.m as number, n = sh.n as number, k = sh.k as number;
  const dtype = linalgResultType(a, b);
  if (!allFinite(a) || !allFinite(b)) throw new NumpyError('LinAlgError', 'SVD did not converge in Linear Least Squares');
  const A = readMatrix(a, a.offset, m, n);
  const B = new Float64Array(m * k);
  for (let i = 0; i < m; i++) for (let j = 0; j < k; j++) B[i * k + j] = sh.vector ? b.data[b.offset + i * b.strides[0]] : b.data[b.offset + i * b.strides[0] + j * b.strides[1]];
  const p = Math.min(m, n);
  const { u, s, vh } = svdDecompose(A, m, n, false, true);
  const r = rcond === 'warn' || (rcond !== null && rcond < 0) ? EPS64 : rcond === null ? EPS64 * Math.max(m, n) : rcond;
  const cutoff = r * (p > 0 ? s[0] : 0);
  let rank = 0;
  while (rank < p && s[rank] > cutoff) rank++;
  // x = V · diag(1/s) · Uᵀ · B over the first `rank` singular triplets
  const X = new Float64Array(n * k);
  for (let c = 0; c < k; c++) {
    for (let t = 0; t < rank; t++) {
      let proj = 0;
      for (let i = 0; i < m; i++) proj += u[i * p + t] * B[i * k + c];
      proj /= s[t];
      for (let j = 0; j < n; j++) X[j * k + c] += vh[t * n + j] * proj;
    }
  }
  const res = new Float64Array(k);
  const full = rank === n && m > n;
  if (full) {
    for (let c = 0; c < k; c++) {
      let ss = 0;
      for (let i = 0; i < m; i++) {
        let ax = 0;
        for (let j = 0; j < n; j++) ax += A[i * n + j] * X[j * k + c];
        const d = B[i * k + c] - ax;
        ss += d * d;
      }
      res[c] = ss;
    }
  }
  const x = emptyArray(sh.x as number[], dtype);
  x.data.set(X);
  const resid = emptyArray([full ? k : 0], dtype);
  if (full) resid.data.set(res);
  const sv = emptyArray([p], dtype);
  sv.data.set(s);
  return [x, resid, new NpScalar('int32', rank), sv];
}

/**
 * `np.linalg.pinv(a, rcond)`, NumPy's algorithm: thin SVD, singular values at or below
 * rcond·max(s) dropped, `vt.T @ (1/s[:, None] * u.T)` in the result dtype.
 *
 *   pinv([[1, 2], [3, 4]]) → [[-2, 1], [1.5, -0.5]] (to rounding)
 */
export function pinv(a: NDArray, rcond: NDArray, hermitian = false): NDArray {
  unwrap(checkStacked2d(a.shape));
  const m = a.shape[a.ndim - 2], n = a.shape[a.ndim - 1];
  if (a.size === 0 && m * n === 0) return emptyArray([...a.shape.slice(0, -2), n, m], a.dtype);
  const [u, s, vt] = svd(a, false, true, hermitian);
  const cutoff = applyUfunc('multiply', reshape(rcond, [...rcond.shape, 1]), amax(s, { axis: -1, keepdims: true }));
  // divide(1, s, where=large, out=s); s[~large] = 0 — in s's dtype
  const sInv = where(applyUfunc('greater', s, cutoff), applyUfunc('divide', 1, s), 0);
  return matmul(swapaxes(vt, -1, -2), applyUfunc('multiply', reshape(sInv, [...sInv.shape, 1]), swapaxes(u, -1, -2)));
}

/**
 * `np.linalg.matrix_rank(A, tol, hermitian)`: singular values above tol (default
 * max(s)·max(M, N)·eps of the result dtype). Below 2-D it is a Python int: 1 unless all zero.
 */
export function matrixRank(a: NDArray, tol: NDArray | null = null, hermitian = false): NDArray | number {
  if (a.ndim < 2) return a.toArray().every((v) => v === 0) ? 0 : 1;
  let S: NDArray;
  if (hermitian) {
    S = applyUfunc('absolute', eigvalsh(a));
  } else {
    if (!allFinite(a)) throw new NumpyError('LinAlgError', 'SVD did not converge');
    S = svd(a, false, false)[0];
  }
  let t: NDArray;
  if (tol === null) {
    const eps = new NpScalar(S.dtype, S.dtype === 'float32' ? EPS32 : EPS64);
    const mn = Math.max(a.shape[a.ndim - 2], a.shape[a.ndim - 1]);
    t = applyUfunc('multiply', applyUfunc('multiply', amax(S, { axis: -1, keepdims: true }), mn), eps);
  } else {
    t = reshape(tol, [...tol.shape, 1]);
  }
  return sum(applyUfunc('greater', S, t), { axis: -1, dtype: 'int64' });
}
