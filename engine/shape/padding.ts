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

/**
 * `_as_pairs(pad_width, ndim)` on known widths: the check of `padPairsShape`, then one
 * (before, after) pair per axis — a single width for both sides of every axis, one pair for
 * every axis, or the table broadcast to (ndim, 2). `widths` are the values in C order.
 *
 *   padPairs([2, 2], [0, 0, 2, 1], 2) → [[0, 0], [2, 1]];  padPairs([2, 1], [1, 2], 2) → [[1, 1], [2, 2]]
 */
export function padPairs(widthShape: readonly number[], widths: readonly number[], ndim: number): ShapeResult<[number, number][]> {
  const r = padPairsShape(widthShape, ndim);
  if (!r.ok) return r;
  const both = widths.length === 1 ? [widths[0], widths[0]]
    : widths.length === 2 && !(widthShape.length === 2 && widthShape[0] === 2 && widthShape[1] === 1) ? widths : null;
  // broadcast to (ndim, 2): the table's rows and columns, a size-1 side repeating
  const [rows, cols] = widthShape.length === 2 ? widthShape : widthShape.length === 1 ? [1, widthShape[0]] : [1, 1];
  const at = (i: number, j: number): number => widths[(rows === 1 ? 0 : i) * cols + (cols === 1 ? 0 : j)];
  return ok(Array.from({ length: ndim }, (_, i): [number, number] => (both ? [both[0], both[1]] : [at(i, 0), at(i, 1)])));
}
