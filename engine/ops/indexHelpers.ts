// Index helpers NumPy builds on indexing: np.take (an integer index along one axis, or into the
// flattened array) and np.unravel_index (flat positions → coordinates, C order). Does not
// implement take's mode='wrap'/'clip' or unravel_index's order='F'.
//
//   take([[1, 2], [3, 4]], [1, 0], axis=1)  → [[2, 1], [4, 3]]
//   unravel_index(7, (3, 4))                → (1, 3)

import { emptyArray, NDArray } from '../core/ndarray';
import { NumpyError } from '../core/errors';
import { Slice } from '../core/pyvalues';
import { normalizeAxis } from '../shape/axes';
import { unwrap } from '../shape/result';
import { flatten } from './manipulation';
import { getItem } from './indexing';
import type { NpScalar } from '../core/scalar';

/** `np.take(a, indices, axis=None)`: indices out of range are NumPy's IndexError for that axis. */
export function take(a: NDArray, indices: NDArray, axis: number | null): NDArray | NpScalar {
  const src = axis === null ? flatten(a) : a;
  const ax = axis === null ? 0 : unwrap(normalizeAxis(axis, a.ndim));
  const n = src.shape[ax];
  for (const i of indices.toArray()) {
    if (i < -n || i >= n) throw new NumpyError('IndexError', `index ${i} is out of bounds for axis ${ax} with size ${n}`);
  }
  const index = src.shape.map((_, d) => (d === ax ? indices : new Slice(null, null, null)));
  return getItem(src, index);
}

/** `np.unravel_index(indices, shape)`: one int64 array (of indices' shape) per dimension. */
export function unravelIndex(indices: NDArray, shape: readonly number[]): NDArray[] {
  const size = shape.reduce((x, y) => x * y, 1);
  const flat = indices.toArray();
  const out = shape.map(() => emptyArray(indices.shape, 'int64'));
  flat.forEach((v, k) => {
    if (!Number.isInteger(v)) throw new NumpyError('TypeError', "only int indices permitted");
    if (v < 0 || v >= size) throw new NumpyError('ValueError', `index ${v} is out of bounds for array with size ${size}`);
    let rest = v;
    for (let d = shape.length - 1; d >= 0; d--) {
      out[d].data[k] = rest % shape[d];
      rest = Math.floor(rest / shape[d]);
    }
  });
  return out;
}
