// Coordinate grids and triangles: np.meshgrid (xy/ij indexing, sparse), np.tri, np.tril,
// np.triu, and np.atleast_1d/2d/3d. tril/triu follow NumPy's `where(tri(*m.shape[-2:]), m, 0)`,
// so a 1-d input broadcasts to a square matrix and stacks of matrices are masked one by one.
// Does not implement meshgrid's copy=False views (results are always fresh arrays).
//
//   meshgrid([1, 2, 3], [4, 5]) → two (2, 3) arrays;  tril(ones((3, 3)), -1) zeros the diagonal and above

import { castValue } from '../core/cast';
import { DType } from '../core/dtype';
import { emptyArray, NDArray } from '../core/ndarray';
import { broadcastArrays, broadcastTo, copy, ravel, reshape } from './manipulation';
import { meshgridShapes, triShape } from '../shape/arrayOps';
import { unwrap } from '../shape/result';

/** `np.meshgrid(*xs, indexing, sparse)`: one array per input, each the broadcast grid shape (or 1s but its own axis when sparse). */
export function meshgrid(xs: readonly NDArray[], indexing: string, sparse: boolean): NDArray[] {
  // each input's sparse shape ('xy' swaps the first two axes) and NumPy's error: engine/shape's
  // rule, which the analyzer uses too; the dense grids are those broadcast
  const shapes = unwrap(meshgridShapes(xs.map((x) => x.size), indexing, true)) as number[][];
  const shaped = xs.map((x, i) => reshape(ravel(x), shapes[i]));
  return (sparse ? shaped : broadcastArrays(shaped)).map(copy);
}

/** `np.tri(N, M, k, dtype)`: ones at and below the k-th diagonal. */
export function tri(n: number, m: number | null, k: number, dtype: DType): NDArray {
  const cols = m ?? n;
  const out = emptyArray([n, cols], dtype);
  for (let i = 0; i < n; i++) for (let j = 0; j < cols; j++) out.data[i * cols + j] = j - i <= k ? 1 : 0;
  return out;
}

/** `np.tril` (lower) / `np.triu`: zeros above (below) the k-th diagonal of the last two axes. */
export function triangle(m: NDArray, k: number, lower: boolean): NDArray {
  // (n, n) for a 1-d m, and NumPy's error for a 0-d one: engine/shape's rule
  const [r, c] = (unwrap(triShape(m.shape)) as number[]).slice(-2);
  const out = copy(m.ndim === 1 ? broadcastTo(m, [r, c]) : m);
  const zero = castValue(0, 'int64', out.dtype);
  for (let off = 0; off < out.size; off += r * c) {
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) {
      if (lower ? j - i > k : j - i < k) out.data[off + i * c + j] = zero;
    }
  }
  return out;
}

/** `np.atleast_1d/2d/3d` of one array: NumPy's reshapes ((N,) → (1, N) → (1, N, 1)). */
export function atleast(a: NDArray, ndim: 1 | 2 | 3): NDArray {
  if (a.ndim >= ndim) return a;
  if (ndim === 1) return reshape(a, [1]);
  if (ndim === 2) return reshape(a, a.ndim === 0 ? [1, 1] : [1, a.shape[0]]);
  return reshape(a, a.ndim === 0 ? [1, 1, 1] : a.ndim === 1 ? [1, a.shape[0], 1] : [...a.shape, 1]);
}
