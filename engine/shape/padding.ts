// Shape rules of np.pad: a pad_width (or constant_values) argument becomes one (before, after)
// pair per axis by NumPy's `_as_pairs` broadcasting, and the padded shape adds each pair to its
// dim. Does not look at the widths' values (negative widths are checked where they are known).
//
//   padPairsShape([2], 3)  → ok (each axis gets the same pair)
//   padPairsShape([3, 2], 2) → ValueError "operands could not be broadcast together with
//     remapped shapes [original->remapped]: (3,2)  and requested shape (2,2)"
//   paddedShape([2, 3], [[1, 2], [0, 3]]) → [5, 6]

import { Dim, Shape, sym } from './dim';
import { broadcastTo } from './broadcast';
import { ok, ShapeResult } from './result';

/** The shape check of `_as_pairs(x, ndim)`: one element, two elements (not (2,1)), or broadcastable to (ndim, 2). */
export function padPairsShape(widthShape: Shape, ndim: number): ShapeResult<null> {
  const size = widthShape.reduce<number>((n, d) => n * (typeof d === 'number' ? d : NaN), 1);
  if (widthShape.length < 3 && (size === 1 || (size === 2 && !(widthShape.length === 2 && widthShape[0] === 2 && widthShape[1] === 1)))) return ok(null);
  const r = broadcastTo(widthShape, [ndim, 2]);
  return r.ok ? ok(null) : r;
}

/** The padded array's shape: each dim grows by its (before, after) pair (numbers only: symbolic dims have no sums). */
export function paddedShape(shape: readonly number[], pairs: readonly (readonly [number, number])[]): number[] {
  return shape.map((d, i) => d + pairs[i][0] + pairs[i][1]);
}

/** `paddedShape` over symbolic dims too: a symbol stays when its pair is (0, 0), else becomes `?`. */
export function paddedDims(shape: Shape, pairs: readonly (readonly [number, number])[]): Dim[] {
  return shape.map((d, i) => (typeof d === 'number' ? d + pairs[i][0] + pairs[i][1] : pairs[i][0] === 0 && pairs[i][1] === 0 ? d : sym('?')));
}
