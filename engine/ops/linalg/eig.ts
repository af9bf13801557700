// np.linalg.eig / eigvals for real matrices whose eigenvalues are all real: Householder
// reduction to Hessenberg form, Francis double-shift QR to real Schur form, back substitution
// for eigenvectors (EISPACK's orthes/hqr2, as in the public-domain JAMA), vectors scaled to
// unit 2-norm like dgeev's. Signs and eigenvalue order may differ from LAPACK's (which
// balances first): A·v = λ·v is what holds. Complex spectra (NumPy returns complex128) are
// out of scope and raise NotImplementedError rather than return something wrong.

import { NDArray } from '../../core/ndarray';
import { NumpyError } from '../../core/errors';
import { unwrap } from '../../shape/result';
import { checkSquareStack } from '../../shape/matmul';
import { allFinite, linalgResultType, readStack, writeStack } from './batch';

const EPS = 2 ** -52;

/** Householder reduction of row-major H (n×n) to upper Hessenberg form; returns the accumulated V. */
function orthes(H: Float64Array, n: number): Float64Array {
  const ort = new Float64Array(n), V = new Float64Array(n * n);
  const high = n - 1;
  for (let m = 1; m <= high - 1; m++) {
    let scale = 0;
    for (let i = m; i <= high; i++) scale += Math.abs(H[i * n + m - 1]);
    if (scale === 0) continue;
    let h = 0;
    for (let i = high; i >= m; i--) { ort[i] = H[i * n + m - 1] / scale; h += ort[i] * ort[i]; }
    let g = Math.sqrt(h);
    if (ort[m] > 0) g = -g;
    h -= ort[m] * g;
    ort[m] -= g;
    for (let j = m; j < n; j++) {
      let f = 0;
      for (let i = high; i >= m; i--) f += ort[i] * H[i * n + j];
      f /= h;
      for (let i = m; i <= high; i++) H[i * n + j] -= f * ort[i];
    }
    for (let i = 0; i <= high; i++) {
      let f = 0;
      for (let j = high; j >= m; j--) f += ort[j] * H[i * n + j];
      f /= h;
      for (let j = m; j <= high; j++) H[i * n + j] -= f * ort[j];
    }
    ort[m] *= scale;
    H[m * n + m - 1] = scale * g;
  }
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let m = high - 1; m >= 1; m--) {
    if (H[m * n + m - 1] === 0) continue;
    for (let i = m + 1; i <= high; i++) ort[i] = H[i * n + m - 1];
    for (let j = m; j <= high; j++) {
      let g = 0;
      for (let i = m; i <= high; i++) g += ort[i] * V[i * n + j];
      g = g / ort[m] / H[m * n + m - 1];
      for (let i = m; i <= high; i++) V[i * n + j] += g * ort[i];
    }
  }
  return V;
}

const notConverged = () => new NumpyError('LinAlgError', 'Eigenvalues did not converge');
const complexUnsupported = () => new NumpyError('NotImplementedError',
  'np.linalg.eig: this matrix has complex eigenvalues; NumPy returns complex128 arrays, which Shape Lens does not support');

/**
 * Real Schur form of Hessenberg H by Francis double-shift QR, accumulating into V; returns
 * the eigenvalues. With `vectors`, H and V are then turned into the eigenvectors (in V).
 */
function hqr2(H: Float64Array, V: Float64Array, nn: number, vectors: boolean): Float64Array {
  const d = new Float64Array(nn), e = new Float64Array(nn);
  const at = (i: number, j: number) => H[i * nn + j];
  let norm = 0;
  for (let i = 0; i < nn; i++) for (let j = Math.max(i - 1, 0); j < nn; j++) norm += Math.abs(at(i, j));
  let n = nn - 1, iter = 0, total = 0, exshift = 0;
  let p = 0, q = 0, r = 0, s = 0, z = 0, t: number, w: number, x: number, y: number;
  while (n >= 0) {
    let l = n;
    while (l > 0) {
      s = Math.abs(at(l - 1, l - 1)) + Math.abs(at(l, l));
      if (s === 0) s = norm;
      if (Math.abs(at(l, l - 1)) < EPS * s) break;
      l--;
    }
    if (l === n) {
      H[n * nn + n] += exshift;
      d[n] = at(n, n);
      e[n] = 0;
      n--;
      iter = 0;
    } else if (l === n - 1) {
      w = at(n, n - 1) * at(n - 1, n);
      p = (at(n - 1, n - 1) - at(n, n)) / 2;
      q = p * p + w;
      z = Math.sqrt(Math.abs(q));
      H[n * nn + n] += exshift;
      H[(n - 1) * nn + n - 1] += exshift;
      x = at(n, n);
      if (q >= 0) {
        z = p >= 0 ? p + z : p - z;
        d[n - 1] = x + z;
        d[n] = z !== 0 ? x - w / z : d[n - 1];
        e[n - 1] = 0;
        e[n] = 0;
        x = at(n, n - 1);
        s = Math.abs(x) + Math.abs(z);
        p = x / s;
        q = z / s;
        r = Math.sqrt(p * p + q * q);
        p /= r;
        q /= r;
        for (let j = n - 1; j < nn; j++) {
          z = at(n - 1, j);
          H[(n - 1) * nn + j] = q * z + p * at(n, j);
          H[n * nn + j] = q * at(n, j) - p * z;
        }
        for (let i = 0; i <= n; i++) {
          z = at(i, n - 1);
          H[i * nn + n - 1] = q * z + p * at(i, n);
          H[i * nn + n] = q * at(i, n) - p * z;
        }
        for (let i = 0; i < nn; i++) {
          z = V[i * nn + n - 1];
          V[i * nn + n - 1] = q * z + p * V[i * nn + n];
          V[i * nn + n] = q * V[i * nn + n] - p * z;
        }
      } else {
        d[n - 1] = x + p;
        d[n] = x + p;
        e[n - 1] = z;
        e[n] = -z;
      }
      n -= 2;
      iter = 0;
    } else {
      x = at(n, n);
      y = 0;
      w = 0;
      if (l < n) { y = at(n - 1, n - 1); w = at(n, n - 1) * at(n - 1, n); }
      if (iter === 10) {
        exshift += x;
        for (let i = 0; i <= n; i++) H[i * nn + i] -= x;
        s = Math.abs(at(n, n - 1)) + Math.abs(at(n - 1, n - 2));
        x = y = 0.75 * s;
        w = -0.4375 * s * s;
      }
      if (iter === 30) {
        s = (y - x) / 2;
        s = s * s + w;
        if (s > 0) {
          s = Math.sqrt(s);
          if (y < x) s = -s;
          s = x - w / ((y - x) / 2 + s);
          for (let i = 0; i <= n; i++) H[i * nn + i] -= s;
          exshift += s;
          x = y = w = 0.964;
        }
      }
      iter++;
      if (++total > 100 * nn) throw notConverged();
      let m = n - 2;
      while (m >= l) {
        z = at(m, m);
        r = x - z;
        s = y - z;
        p = (r * s - w) / at(m + 1, m) + at(m, m + 1);
        q = at(m + 1, m + 1) - z - r - s;
        r = at(m + 2, m + 1);
        s = Math.abs(p) + Math.abs(q) + Math.abs(r);
        p /= s;
        q /= s;
        r /= s;
        if (m === l) break;
        if (Math.abs(at(m, m - 1)) * (Math.abs(q) + Math.abs(r))
          < EPS * (Math.abs(p) * (Math.abs(at(m - 1, m - 1)) + Math.abs(z) + Math.abs(at(m + 1, m + 1))))) break;
        m--;
      }
      for (let i = m + 2; i <= n; i++) {
        H[i * nn + i - 2] = 0;
        if (i > m + 2) H[i * nn + i - 3] = 0;
      }
      for (let k = m; k <= n - 1; k++) {
        const notlast = k !== n - 1;
        if (k !== m) {
          p = at(k, k - 1);
          q = at(k + 1, k - 1);
          r = notlast ? at(k + 2, k - 1) : 0;
          x = Math.abs(p) + Math.abs(q) + Math.abs(r);
          if (x !== 0) { p /= x; q /= x; r /= x; }
        }
        if (x === 0) break;
        s = Math.sqrt(p * p + q * q + r * r);
        if (p < 0) s = -s;
        if (s !== 0) {
          if (k !== m) H[k * nn + k - 1] = -s * x;
          else if (l !== m) H[k * nn + k - 1] = -at(k, k - 1);
          p += s;
          x = p / s;
          y = q / s;
          z = r / s;
          q /= p;
          r /= p;
          for (let j = k; j < nn; j++) {
            p = at(k, j) + q * at(k + 1, j);
            if (notlast) {
              p += r * at(k + 2, j);
              H[(k + 2) * nn + j] -= p * z;
            }
            H[k * nn + j] -= p * x;
            H[(k + 1) * nn + j] -= p * y;
          }
          for (let i = 0; i <= Math.min(n, k + 3); i++) {
            p = x * at(i, k) + y * at(i, k + 1);
            if (notlast) {
              p += z * at(i, k + 2);
              H[i * nn + k + 2] -= p * r;
            }
            H[i * nn + k] -= p;
            H[i * nn + k + 1] -= p * q;
          }
          for (let i = 0; i < nn; i++) {
            p = x * V[i * nn + k] + y * V[i * nn + k + 1];
            if (notlast) {
              p += z * V[i * nn + k + 2];
              V[i * nn + k + 2] -= p * r;
            }
            V[i * nn + k] -= p;
            V[i * nn + k + 1] -= p * q;
          }
        }
      }
    }
  }
  if (e.some((v) => v !== 0)) throw complexUnsupported();
  if (!vectors || norm === 0) return d;
  // back substitution on the (now upper triangular) Schur form
  for (n = nn - 1; n >= 0; n--) {
    p = d[n];
    H[n * nn + n] = 1;
    for (let i = n - 1; i >= 0; i--) {
      w = at(i, i) - p;
      r = 0;
      for (let j = i + 1; j <= n; j++) r += at(i, j) * at(j, n);
      H[i * nn + n] = w !== 0 ? -r / w : -r / (EPS * norm);
      t = Math.abs(at(i, n));
      if (EPS * t * t > 1) for (let j = i; j <= n; j++) H[j * nn + n] /= t;
    }
  }
  for (let j = nn - 1; j >= 0; j--) {
    for (let i = 0; i < nn; i++) {
      z = 0;
      for (let k = 0; k <= j; k++) z += V[i * nn + k] * at(k, j);
      V[i * nn + j] = z;
    }
  }
  return d;
}

/** Eigenvalues and (unit-norm, column) eigenvectors of one row-major n×n matrix with real spectrum. */
export function eigDecompose(A: Float64Array, n: number, vectors: boolean): { w: Float64Array; v: Float64Array } {
  const H = Float64Array.from(A);
  const V = orthes(H, n);
  const w = hqr2(H, V, n, vectors);
  if (vectors) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += V[i * n + j] * V[i * n + j];
      const nrm = Math.sqrt(s);
      if (nrm > 0) for (let i = 0; i < n; i++) V[i * n + j] /= nrm;
    }
  }
  return { w, v: V };
}

function checkEig(a: NDArray): void {
  unwrap(checkSquareStack(a.shape));
  if (!allFinite(a)) throw new NumpyError('LinAlgError', 'Array must not contain infs or NaNs');
}

/**
 * `np.linalg.eig(a)` for real input with real eigenvalues: [w, v], v's columns unit-norm.
 *
 *   eig([[2, 0], [0, 3]]) → w [2, 3], v [[1, 0], [0, 1]]
 */
export function eig(a: NDArray): [NDArray, NDArray] {
  checkEig(a);
  const { batch, rows: n, mats } = readStack(a);
  const res = mats.map((m) => eigDecompose(m, n, true));
  const dtype = linalgResultType(a);
  return [writeStack(batch, [n], res.map((r) => r.w), dtype), writeStack(batch, [n, n], res.map((r) => r.v), dtype)];
}

/** `np.linalg.eigvals(a)`: the eigenvalues only (same scope as eig). */
export function eigvals(a: NDArray): NDArray {
  checkEig(a);
  const { batch, rows: n, mats } = readStack(a);
  return writeStack(batch, [n], mats.map((m) => eigDecompose(m, n, false).w), linalgResultType(a));
}
