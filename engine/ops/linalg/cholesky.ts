// np.linalg.cholesky: the lower-triangular L with A = L·Lᵀ, batched, reading only A's lower
// triangle like LAPACK dpotrf('L') (the upper one is ignored, then zeroed in the result).
// Arithmetic follows dpotrf2: updates in column order, the column below the diagonal scaled
// by the reciprocal of the diagonal. A non-positive or NaN pivot is LinAlgError
// "Matrix is not positive definite". It does not check symmetry (NumPy does not either).

import { NDArray } from '../../core/ndarray';
import { NumpyError } from '../../core/errors';
import { unwrap } from '../../shape/result';
import { checkSquareStack } from '../../shape/matmul';
import { linalgResultType, readStack, writeStack } from './batch';

/** In-place Cholesky of the lower triangle of row-major n×n `A`; false if not positive definite. */
export function potrf(A: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    const d = A[j * n + j];
    if (!(d > 0)) return false;
    const l = Math.sqrt(d);
    A[j * n + j] = l;
    const r = 1 / l;
    for (let i = j + 1; i < n; i++) A[i * n + j] = r * A[i * n + j];
    for (let p = j + 1; p < n; p++) {
      const lpj = A[p * n + j];
      for (let i = p; i < n; i++) A[i * n + p] -= lpj * A[i * n + j];
    }
  }
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) A[i * n + j] = 0;
  return true;
}

/**
 * `np.linalg.cholesky(a)` for a stack (..., n, n).
 *
 *   cholesky([[4, 2], [2, 3]]) → [[2, 0], [1, 1.4142135623730951]]
 */
export function cholesky(a: NDArray): NDArray {
  unwrap(checkSquareStack(a.shape));
  const { batch, rows: n, mats } = readStack(a);
  for (const m of mats) {
    if (!potrf(m, n)) throw new NumpyError('LinAlgError', 'Matrix is not positive definite');
  }
  return writeStack(batch, [n, n], mats, linalgResultType(a));
}
