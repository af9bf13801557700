// Finding elements: np.nonzero (and the one-argument np.where), np.argwhere, np.flatnonzero.
// Results are int64 index arrays in C order, as NumPy returns them.

import { emptyArray, forEachOffset, NDArray } from '../core/ndarray';

/** `np.nonzero(a)`: one int64 array per dimension (a 0-d input is treated as 1-d, as NumPy 1.24 does). */
export function nonzero(a0: NDArray): NDArray[] {
  const a = a0.ndim === 0 ? a0.view([1], [0], a0.offset) : a0;
  const hits: number[][] = [];
  const idx = new Array<number>(a.ndim).fill(0);
  forEachOffset(a.shape, a.strides, a.offset, (o) => {
    if (a.data[o] !== 0) hits.push([...idx]);
    for (let d = a.ndim - 1; d >= 0; d--) {
      if (++idx[d] < a.shape[d]) break;
      idx[d] = 0;
    }
  });
  return a.shape.map((_, d) => {
    const out = emptyArray([hits.length], 'int64');
    hits.forEach((h, i) => { out.data[i] = h[d]; });
    return out;
  });
}
