// Order statistics: np.quantile / np.percentile (NumPy's default method='linear') and np.median,
// over the flattened array or one axis, with keepdims. Built on sorting (NaN last: a lane with a
// NaN gives NaN, as NumPy's do). Does not implement the other quantile methods or `out=`.
//
//   quantile([1, 2, 3, 4], 0.5)            → 2.5
//   percentile([[1, 5], [3, 7]], [0, 100], axis=0) → [[1, 5], [3, 7]]   (shape q.shape + reduced shape)
//   median([[1, 3], [2, 4]], axis=1)       → [2, 3]

import { DType } from '../core/dtype';
import { emptyArray, NDArray } from '../core/ndarray';
import { NumpyError } from '../core/errors';
import { normalizeAxis } from '../shape/axes';
import { unwrap } from '../shape/result';
import { copy, flatten, moveaxis, reshape } from './manipulation';
import { compareNumbers } from './sorting';

/**
 * NumPy's _lerp: a + (b-a)*t, computed from b when t >= 0.5 (numpy/lib/function_base.py).
 * `b - a` is taken in the data's own type (float32 rounds), the rest in float64 (t is float64).
 */
function lerp(a: number, b: number, t: number, f32: boolean): number {
  const d = f32 ? Math.fround(b - a) : b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

/**
 * Runs `stat` on each sorted lane along `axis` (null: the flattened array) and lays the
 * `k` results of each lane out as shape [k, ...kept dims] (keepdims keeps a 1 at the axis).
 */
function sortedLanes(a: NDArray, axis: number | null, keepdims: boolean, dtype: DType, k: number,
  stat: (sorted: number[]) => number[]): NDArray {
  const src = axis === null ? flatten(a) : a;
  const ax = axis === null ? 0 : unwrap(normalizeAxis(axis, a.ndim));
  const moved = copy(moveaxis(src, ax, -1));
  const n = src.shape[ax];
  const kept = moved.shape.slice(0, -1);
  const lanes = kept.reduce((x, y) => x * y, 1);
  const vals = moved.toArray();
  const out = emptyArray([k, ...kept], dtype);
  for (let l = 0; l < lanes; l++) {
    const r = stat(vals.slice(l * n, (l + 1) * n).sort(compareNumbers));
    for (let j = 0; j < k; j++) out.data[j * lanes + l] = dtype === 'float32' ? Math.fround(r[j]) : r[j];
  }
  if (!keepdims) return out;
  const shape = axis === null ? a.shape.map(() => 1) : [...src.shape.slice(0, ax), 1, ...src.shape.slice(ax + 1)];
  return reshape(out, [k, ...shape]);
}

const floatType = (d: DType): DType => (d === 'float32' ? 'float32' : 'float64');

/**
 * `np.quantile(a, q, axis=None, keepdims=False)` with `q` already as fractions in [0, 1]
 * (np.percentile divides by 100 first). Result shape: q.shape + the reduced shape.
 */
export function quantile(a: NDArray, q: NDArray, axis: number | null, keepdims: boolean, what: 'Quantiles' | 'Percentiles' = 'Quantiles'): NDArray {
  const qs = q.toArray();
  if (qs.some((x) => !(x >= 0 && x <= 1))) throw new NumpyError('ValueError', `${what} must be in the range [${what === 'Quantiles' ? '0, 1' : '0, 100'}]`);
  if (a.dtype === 'bool') {
    // NumPy's lerp subtracts the neighbours
    throw new NumpyError('TypeError', 'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.');
  }
  // q is float64, so even float32 data interpolates (and returns) in float64
  const f32 = a.dtype === 'float32';
  const r = sortedLanes(a, axis, keepdims, 'float64', qs.length, (v) => {
    const n = v.length;
    return qs.map((t) => {
      if (n === 0 || Number.isNaN(v[n - 1])) return NaN;
      const h = (n - 1) * t;
      const lo = Math.floor(h), hi = Math.min(lo + 1, n - 1);
      return lerp(v[lo], v[hi], h - lo, f32);
    });
  });
  return reshape(r, [...q.shape, ...r.shape.slice(1)]);
}

/** `np.median(a, axis=None, keepdims=False)`: the mean of the middle two for even lengths. */
export function median(a: NDArray, axis: number | null, keepdims: boolean): NDArray {
  const dtype = floatType(a.dtype);
  const r = sortedLanes(a, axis, keepdims, dtype, 1, (v) => {
    const n = v.length;
    if (n === 0 || Number.isNaN(v[n - 1])) return [NaN];
    if (n % 2) return [v[(n - 1) / 2]];
    // NumPy takes np.mean of the two: their sum rounds to the float type first
    const s = dtype === 'float32' ? Math.fround(v[n / 2 - 1] + v[n / 2]) : v[n / 2 - 1] + v[n / 2];
    return [s / 2];
  });
  return reshape(r, r.shape.slice(1));
}
