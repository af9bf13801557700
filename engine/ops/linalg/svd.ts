// np.linalg.svd by one-sided (Hestenes) Jacobi: rotate column pairs of A until all are
// orthogonal; column norms are the singular values, the rotations accumulate V. Slower than
// LAPACK's gesdd but simple and accurate to a few ulps of the largest singular value.
// Singular vectors are unique only up to sign (and rotations within repeated values), so
// they need not equal LAPACK's: U·diag(s)·Vh = A with orthonormal U, Vh is what holds.
// Non-finite input raises NumPy's LinAlgError "SVD did not converge" (gesdd fails on it).

import { NDArray } from '../../core/ndarray';
import { NumpyError } from '../../core/errors';
import { unwrap } from '../../shape/result';
import { checkSquareStack, svdShapes } from '../../shape/matmul';
import { allFinite, linalgResultType, readStack, transposed, writeStack } from './batch';
import { eighDecompose } from './eigh';

const EPS = 2 ** -52;
const MAX_SWEEPS = 80;

export interface SvdResult {
  /** row-major m×(full ? m : k) */
  readonly u: Float64Array;
  /** k = min(m, n) values, descending */
  readonly s: Float64Array;
  /** row-major (full ? n : k)×n, the rows are right singular vectors */
  readonly vh: Float64Array;
}

/** Column j of a column-major m×? buffer dotted with column l. */
function colDot(G: Float64Array, m: number, j: number, l: number): number {
  let s = 0;
  for (let i = 0, a = j * m, b = l * m; i < m; i++) s += G[a + i] * G[b + i];
  return s;
}

/**
 * Completes `r` orthonormal columns of the column-major m×`target` buffer Q (columns
 * flagged in `have`) with unit vectors made orthogonal by two passes of Gram-Schmidt.
 */
function complete(Q: Float64Array, m: number, have: boolean[], target: number): void {
  const v = new Float64Array(m);
  for (let j = 0; j < target; j++) {
    if (have[j]) continue;
    let best = -1, bestNorm = -1;
    const cand = new Float64Array(m);
    for (let e = 0; e < m; e++) {
      v.fill(0); v[e] = 1;
      for (let pass = 0; pass < 2; pass++) {
        for (let c = 0; c < target; c++) {
          if (!have[c]) continue;
          let d = 0;
          for (let i = 0; i < m; i++) d += Q[c * m + i] * v[i];
          for (let i = 0; i < m; i++) v[i] -= d * Q[c * m + i];
        }
      }
      const nrm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
      if (nrm > bestNorm) { bestNorm = nrm; best = e; cand.set(v); }
      if (nrm > 0.7) break;
    }
    if (best < 0) break;
    for (let i = 0; i < m; i++) Q[j * m + i] = cand[i] / bestNorm;
    have[j] = true;
  }
}

/** SVD of a tall row-major m×n matrix (m ≥ n) by one-sided Jacobi. */
function jacobiTall(A: Float64Array, m: number, n: number, full: boolean, wantUv: boolean): SvdResult {
  const G = transposed(A, m, n); // column-major m×n: column j at G[j*m ..]
  const V = new Float64Array(n * n); // column-major n×n
  for (let j = 0; j < n; j++) V[j * n + j] = 1;
  const tol = EPS * Math.max(m, 1);
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const alpha = colDot(G, m, p, p), beta = colDot(G, m, q, q), gamma = colDot(G, m, p, q);
        if (gamma === 0 || Math.abs(gamma) <= tol * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.abs(zeta) > 1e150 ? 1 / (2 * zeta) : (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t), s = c * t;
        for (let i = 0, a = p * m, b = q * m; i < m; i++) {
          const gp = G[a + i], gq = G[b + i];
          G[a + i] = c * gp - s * gq;
          G[b + i] = s * gp + c * gq;
        }
        if (wantUv) {
          for (let i = 0, a = p * n, b = q * n; i < n; i++) {
            const vp = V[a + i], vq = V[b + i];
            V[a + i] = c * vp - s * vq;
            V[b + i] = s * vp + c * vq;
          }
        }
      }
    }
    if (!rotated) break;
  }
  const norms = Array.from({ length: n }, (_, j) => Math.sqrt(colDot(G, m, j, j)));
  const order = norms.map((_, j) => j).sort((x, y) => norms[y] - norms[x] || x - y);
  const s = Float64Array.from(order, (j) => norms[j]);
  if (!wantUv) return { u: new Float64Array(0), s, vh: new Float64Array(0) };
  const ucols = full ? m : n;
  const U = new Float64Array(m * ucols); // column-major
  const have = new Array<boolean>(ucols).fill(false);
  order.forEach((j, r) => {
    if (norms[j] > 0 && Number.isFinite(norms[j])) {
      for (let i = 0; i < m; i++) U[r * m + i] = G[j * m + i] / norms[j];
      have[r] = true;
    }
  });
  complete(U, m, have, ucols);
  const u = new Float64Array(m * ucols);
  for (let r = 0; r < ucols; r++) for (let i = 0; i < m; i++) u[i * ucols + r] = U[r * m + i];
  const vh = new Float64Array(n * n);
  order.forEach((j, r) => { for (let i = 0; i < n; i++) vh[r * n + i] = V[j * n + i]; });
  return { u, s, vh };
}

/**
 * The SVD of one row-major m×n matrix: `u` m×m (full) or m×k, `s` (k), `vh` n×n (full) or k×n.
 * Wide matrices are handled through their transpose.
 */
export function svdDecompose(A: Float64Array, m: number, n: number, full: boolean, wantUv: boolean): SvdResult {
  if (m >= n) return jacobiTall(A, m, n, full, wantUv);
  const t = jacobiTall(transposed(A, m, n), n, m, full, wantUv);
  if (!wantUv) return t;
  // Aᵀ = U' S V'ᵀ  ⇒  A = V' S U'ᵀ
  const ucols = full ? n : m; // columns of U'
  return { u: transposed(t.vh, m, m), s: t.s, vh: transposed(t.u, n, ucols) };
}

const notConverged = () => new NumpyError('LinAlgError', 'SVD did not converge');

/**
 * `np.linalg.svd(a, full_matrices, compute_uv, hermitian)`: [u, s, vh] or [s], batched.
 *
 *   svd([[3, 0], [0, -2]]) → s [3, 2]
 */
export function svd(a: NDArray, fullMatrices = true, computeUv = true, hermitian = false): NDArray[] {
  const shapes = unwrap(svdShapes(a.shape, fullMatrices, computeUv)) as number[][];
  if (hermitian) return svdHermitian(a, computeUv);
  if (!allFinite(a)) throw notConverged();
  const { batch, rows: m, cols: n, mats } = readStack(a);
  const dtype = linalgResultType(a);
  const res = mats.map((x) => svdDecompose(x, m, n, fullMatrices, computeUv));
  const core = (s: number[]) => s.slice(batch.length);
  if (!computeUv) return [writeStack(batch, core(shapes[0]), res.map((r) => r.s), dtype)];
  return [
    writeStack(batch, core(shapes[0]), res.map((r) => r.u), dtype),
    writeStack(batch, core(shapes[1]), res.map((r) => r.s), dtype),
    writeStack(batch, core(shapes[2]), res.map((r) => r.vh), dtype),
  ];
}

/** svd(hermitian=True): NumPy derives it from eigh (|w| descending, signs moved into vh). */
function svdHermitian(a: NDArray, computeUv: boolean): NDArray[] {
  unwrap(checkSquareStack(a.shape));
  const { batch, rows: n, mats } = readStack(a);
  const dtype = linalgResultType(a);
  const us: Float64Array[] = [], ss: Float64Array[] = [], vhs: Float64Array[] = [];
  for (const x of mats) {
    const { w, v } = eighDecompose(x, n, 'L');
    const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => Math.abs(w[j]) - Math.abs(w[i]) || j - i);
    ss.push(Float64Array.from(order, (i) => Math.abs(w[i])));
    if (!computeUv) continue;
    const u = new Float64Array(n * n), vh = new Float64Array(n * n);
    order.forEach((c, r) => {
      const sg = w[c] > 0 ? 1 : w[c] < 0 ? -1 : 0;
      for (let i = 0; i < n; i++) { u[i * n + r] = v[i * n + c]; vh[r * n + i] = v[i * n + c] * sg; }
    });
    us.push(u); vhs.push(vh);
  }
  if (!computeUv) return [writeStack(batch, [n], ss, dtype)];
  return [writeStack(batch, [n, n], us, dtype), writeStack(batch, [n], ss, dtype), writeStack(batch, [n, n], vhs, dtype)];
}
