// np.linalg.eigh / eigvalsh: eigenvalues (ascending) and orthonormal eigenvectors of a
// symmetric matrix by the cyclic Jacobi method, batched. Like LAPACK's syevd with UPLO='L'
// (or 'U') only one triangle is read and mirrored. Eigenvalues agree with LAPACK's to a few
// ulps of the matrix norm; eigenvectors only up to sign (and to a rotation within repeated
// eigenvalues) — A·v = λ·v and VᵀV = I are what holds. Non-finite input gives NaN results.

import { NDArray } from '../../core/ndarray';
import { valueError } from '../../core/errors';
import { unwrap } from '../../shape/result';
import { checkSquareStack } from '../../shape/matmul';
import { linalgResultType, readStack, writeStack } from './batch';

const EPS = 2 ** -52;
const MAX_SWEEPS = 100;

/** Eigen-decomposition of the symmetric matrix given by one triangle of row-major n×n `A`. */
export function eighDecompose(A: Float64Array, n: number, uplo: 'L' | 'U'): { w: Float64Array; v: Float64Array } {
  const S = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const lower = i >= j;
      S[i * n + j] = (uplo === 'L') === lower ? A[i * n + j] : A[j * n + i];
    }
  }
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  if (!S.every(Number.isFinite)) return { w: new Float64Array(n).fill(NaN), v: V.fill(NaN) };
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = S[p * n + q];
        if (apq === 0) continue;
        const app = S[p * n + p], aqq = S[q * n + q];
        if (Math.abs(apq) <= EPS * Math.sqrt(Math.abs(app * aqq)) * 0.5) { S[p * n + q] = S[q * n + p] = 0; continue; }
        rotated = true;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.abs(theta) > 1e150 ? 1 / (2 * theta) : (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < n; k++) {
          const skp = S[k * n + p], skq = S[k * n + q];
          S[k * n + p] = c * skp - s * skq;
          S[k * n + q] = s * skp + c * skq;
        }
        for (let k = 0; k < n; k++) {
          const spk = S[p * n + k], sqk = S[q * n + k];
          S[p * n + k] = c * spk - s * sqk;
          S[q * n + k] = s * spk + c * sqk;
        }
        S[p * n + q] = S[q * n + p] = 0;
        for (let k = 0; k < n; k++) {
          const vkp = V[k * n + p], vkq = V[k * n + q];
          V[k * n + p] = c * vkp - s * vkq;
          V[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
    if (!rotated) break;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => S[i * n + i] - S[j * n + j] || i - j);
  const w = Float64Array.from(order, (i) => S[i * n + i]);
  const v = new Float64Array(n * n);
  order.forEach((c, r) => { for (let k = 0; k < n; k++) v[k * n + r] = V[k * n + c]; });
  return { w, v };
}

function checkUplo(uplo: string): 'L' | 'U' {
  const u = uplo.toUpperCase();
  if (u !== 'L' && u !== 'U') throw valueError("UPLO argument must be 'L' or 'U'");
  return u;
}

/**
 * `np.linalg.eigh(a, UPLO)`: [w, v] with w ascending and v's columns the eigenvectors.
 *
 *   eigh([[2, 1], [1, 2]]) → w [1, 3], v columns ±[0.707, -0.707], ±[0.707, 0.707]
 */
export function eigh(a: NDArray, uplo = 'L'): [NDArray, NDArray] {
  const u = checkUplo(uplo);
  unwrap(checkSquareStack(a.shape));
  const { batch, rows: n, mats } = readStack(a);
  const res = mats.map((m) => eighDecompose(m, n, u));
  const dtype = linalgResultType(a);
  return [writeStack(batch, [n], res.map((r) => r.w), dtype), writeStack(batch, [n, n], res.map((r) => r.v), dtype)];
}

/** `np.linalg.eigvalsh(a, UPLO)`: the eigenvalues only, ascending. */
export function eigvalsh(a: NDArray, uplo = 'L'): NDArray {
  return eigh(a, uplo)[0];
}
