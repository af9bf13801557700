// np.linalg.qr by Householder reflections with LAPACK's conventions (dgeqr2 + dorg2r):
// reflector k makes R[k,k] = -sign(alpha)·‖x‖, and is skipped (R[k,k] = alpha) when the
// column below the diagonal is already zero. With the same convention the factors are
// unique for full-rank input, so Q and R agree with NumPy's up to rounding — no sign
// ambiguity to paper over. Modes 'reduced', 'complete', 'r' and 'raw', batched.

import { NDArray } from '../../core/ndarray';
import { unwrap } from '../../shape/result';
import { qrShapes } from '../../shape/matmul';
import { linalgResultType, readStack, writeStack } from './batch';

/** dlapy2: sqrt(x² + y²) without needless overflow. */
function lapy2(x: number, y: number): number {
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return y;
  const xa = Math.abs(x), ya = Math.abs(y), w = Math.max(xa, ya), z = Math.min(xa, ya);
  if (z === 0 || w > Number.MAX_VALUE) return w;
  return w * Math.sqrt(1 + (z / w) * (z / w));
}

/** Scaled 2-norm of A[start + i*stride], i < n (dnrm2). */
function nrm2(A: Float64Array, start: number, n: number, stride: number): number {
  let scale = 0, ssq = 1;
  for (let i = 0, o = start; i < n; i++, o += stride) {
    const v = A[o];
    if (v !== 0) {
      const a = Math.abs(v);
      if (scale < a) { ssq = 1 + ssq * (scale / a) * (scale / a); scale = a; } else ssq += (a / scale) * (a / scale);
    } else if (Number.isNaN(v)) return NaN;
  }
  return scale * Math.sqrt(ssq);
}

/**
 * Applies H = I - tau·v·vᵀ from the left to the m'×n' block of row-major A (row length ld)
 * at (r0, c0); v[0] is implicitly 1 and v[i] = A[(r0+i)*ld + vc] below it (dlarf).
 */
function applyReflector(A: Float64Array, ld: number, r0: number, c0: number, mRows: number, nCols: number, vc: number, tau: number): void {
  if (tau === 0) return;
  for (let j = 0; j < nCols; j++) {
    const c = c0 + j;
    let w = A[r0 * ld + c];
    for (let i = 1; i < mRows; i++) w += A[(r0 + i) * ld + c] * A[(r0 + i) * ld + vc];
    const t = -tau * w;
    A[r0 * ld + c] += t;
    for (let i = 1; i < mRows; i++) A[(r0 + i) * ld + c] += A[(r0 + i) * ld + vc] * t;
  }
}

/** dgeqr2 on row-major m×n A in place: R on and above the diagonal, reflectors below; returns tau. */
export function geqrf(A: Float64Array, m: number, n: number): Float64Array {
  const k = Math.min(m, n), tau = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const ii = i * n + i, alpha = A[ii];
    const xnorm = m - i > 1 ? nrm2(A, ii + n, m - i - 1, n) : 0;
    if (xnorm === 0) { tau[i] = 0; continue; }
    // Fortran's -SIGN(norm, alpha): a -0.0 alpha counts as negative
    const beta = alpha < 0 || Object.is(alpha, -0) ? lapy2(alpha, xnorm) : -lapy2(alpha, xnorm);
    tau[i] = (beta - alpha) / beta;
    const scal = 1 / (alpha - beta);
    for (let r = i + 1; r < m; r++) A[r * n + i] *= scal;
    A[ii] = beta;
    if (i < n - 1) {
      A[ii] = 1;
      applyReflector(A, n, i, i + 1, m - i, n - i - 1, i, tau[i]);
      A[ii] = beta;
    }
  }
  return tau;
}

/** dorg2r: the first `cols` columns of Q = H(0)…H(k-1) from geqrf's output (m×n, k reflectors). */
export function orgqr(F: Float64Array, m: number, n: number, tau: Float64Array, cols: number): Float64Array {
  const k = tau.length, Q = new Float64Array(m * cols);
  for (let i = 0; i < m; i++) for (let j = 0; j < Math.min(k, cols); j++) Q[i * cols + j] = i > j ? F[i * n + j] : 0;
  for (let j = k; j < cols; j++) Q[j * cols + j] = 1;
  for (let i = k - 1; i >= 0; i--) {
    if (i < cols - 1) {
      Q[i * cols + i] = 1;
      applyReflector(Q, cols, i, i + 1, m - i, cols - i - 1, i, tau[i]);
    }
    for (let r = i + 1; r < m; r++) Q[r * cols + i] *= -tau[i];
    Q[i * cols + i] = 1 - tau[i];
    for (let r = 0; r < i; r++) Q[r * cols + i] = 0;
  }
  return Q;
}

/** Rows [0, rows) of the upper triangle of a row-major m×n factor. */
function triu(F: Float64Array, n: number, rows: number): Float64Array {
  const R = new Float64Array(rows * n);
  for (let i = 0; i < rows; i++) for (let j = i; j < n; j++) R[i * n + j] = F[i * n + j];
  return R;
}

/**
 * `np.linalg.qr(a, mode)`: [q, r] ('reduced', 'complete'), [r] ('r') or [h, tau] ('raw').
 *
 *   qr([[3, 0], [4, 5]]) → q [[-0.6, -0.8], [-0.8, 0.6]], r [[-5, -4], [0, 3]]
 */
export function qr(a: NDArray, mode = 'reduced'): NDArray[] {
  const plan = unwrap(qrShapes(a.shape, mode));
  const { batch, rows: m, cols: n, mats } = readStack(a);
  const dtype = linalgResultType(a);
  const k = Math.min(m, n);
  const taus = mats.map((f) => geqrf(f, m, n));
  switch (plan.mode) {
    case 'r': return [writeStack(batch, [k, n], mats.map((f) => triu(f, n, k)), dtype)];
    case 'raw': {
      const h = mats.map((f) => { const t = new Float64Array(m * n); for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) t[j * m + i] = f[i * n + j]; return t; });
      return [writeStack(batch, [n, m], h, dtype), writeStack(batch, [k], taus, dtype)];
    }
    case 'reduced':
    case 'complete': {
      const mc = plan.mode === 'complete' && m > n ? m : k;
      const q = mats.map((f, i) => orgqr(f, m, n, taus[i], mc));
      return [writeStack(batch, [m, mc], q, dtype), writeStack(batch, [mc, n], mats.map((f) => triu(f, n, mc)), dtype)];
    }
  }
}
