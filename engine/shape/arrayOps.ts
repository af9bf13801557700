// Shape rules of np.tile, np.repeat, np.diff and the axis-keeping ops (cumsum/cumprod, flip,
// roll, sort/argsort), over numeric or symbolic dims, with NumPy's texts for the errors a shape
// alone decides. Nothing here looks at element values (repeat's counts come in as numbers).
//
//   tileShape([2, 3], [2, 1, 2]) → [2, 4, 6]
//   repeatShape([2, 3], 2, 0) → [4, 3];  repeatShape([2, 3], 2, null) → [12]
//   diffShape([2, 3], 1, -1) → [2, 2]

import { normalizeAxis } from './axes';
import { Dim, dimMul, isNum, Shape, shapeProduct, sym } from './dim';
import { reshapeShape } from './reshape';
import { fail, ok, ShapeResult } from './result';

/**
 * `np.tile(a, reps)`: the shorter of shape and reps is padded with leading 1s, then dims
 * multiply. A negative rep fails in the repeat of a non-empty array, or in the final reshape
 * of an empty one (NumPy's shape_module.py order).
 */
export function tileShape(shape: Shape, reps: readonly Dim[]): ShapeResult<Dim[]> {
  const nd = Math.max(shape.length, reps.length);
  const s = [...new Array<Dim>(nd - shape.length).fill(1), ...shape];
  const r = [...new Array<Dim>(nd - reps.length).fill(1), ...reps];
  const out = s.map((d, i) => dimMul(d, r[i]));
  if (r.some((x) => isNum(x) && x < 0)) {
    const size = shapeProduct(s);
    if (!isNum(size)) return ok(out.map((d) => (isNum(d) && d >= 0 ? d : sym('?'))));
    if (size > 0) return fail('ValueError', 'negative dimensions are not allowed');
    if (out.every(isNum) && out.some((d) => (d as number) < 0)) {
      const rr = reshapeShape(0, out);
      if (!rr.ok) return rr;
    }
  }
  return ok(out);
}

/**
 * `np.repeat(a, repeats, axis)`: `repeats` is one count for every element, or one count per
 * element along the axis (given here as the counts, or as their number when the values are
 * unknown). axis=None works on the raveled array.
 */
export function repeatShape(shape: Shape, repeats: Dim | { readonly counts: readonly Dim[] }, axis: number | null): ShapeResult<Dim[]> {
  // PyArray_CheckAxis: a 0-d array is taken as 1-d
  let src: Dim[] = shape.length === 0 ? [1] : [...shape], ax = 0;
  if (axis === null) src = [shapeProduct(shape)];
  else {
    const r = normalizeAxis(axis, src.length);
    if (!r.ok) return r;
    ax = r.value;
  }
  const n = src[ax];
  let total: Dim;
  if (typeof repeats === 'object' && 'counts' in repeats && repeats.counts.length !== 1) {
    const k = repeats.counts.length;
    if (isNum(n) && n !== k) return fail('ValueError', `operands could not be broadcast together with shape (${n},) (${k},)`);
    if (repeats.counts.some((c) => isNum(c) && c < 0)) return fail('ValueError', 'negative dimensions are not allowed');
    if (!repeats.counts.every(isNum) || !isNum(n)) { src[ax] = sym('?'); return ok(src); }
    total = (repeats.counts as number[]).reduce((x, y) => x + y, 0);
  } else {
    const each = typeof repeats === 'object' && 'counts' in repeats ? repeats.counts[0] : repeats;
    // one count broadcasts to every element: an empty axis never sees a negative one
    if (isNum(each) && each < 0) {
      if (isNum(n) && n > 0) return fail('ValueError', 'negative dimensions are not allowed');
      total = isNum(n) ? 0 : sym('?');
    } else total = dimMul(n, each);
  }
  src[ax] = total;
  return ok(src);
}

/** `np.diff(a, n, axis)`: the axis shrinks by n (not below 0). */
export function diffShape(shape: Shape, n: number, axis: number): ShapeResult<Dim[]> {
  if (n === 0) return ok([...shape]); // returned as is, before any check
  if (n < 0) return fail('ValueError', `order must be non-negative but got ${n}`);
  if (shape.length === 0) return fail('ValueError', 'diff requires input that is at least one dimensional');
  const r = normalizeAxis(axis, shape.length);
  if (!r.ok) return r;
  const out = [...shape];
  const d = out[r.value];
  out[r.value] = isNum(d) ? Math.max(0, d - n) : sym('?');
  return ok(out);
}

/**
 * An op that keeps the shape and takes `axis` (one, several, or None): cumsum/cumprod and
 * sort/argsort flatten for None (`flattenNone`), flip/roll keep the shape for None. cumsum,
 * cumprod and argsort take a 0-d array as 1-d (`zeroDAsOneD`, NumPy's PyArray_CheckAxis);
 * sort, flip and roll do not.
 */
export function axisKeepingShape(shape: Shape, axis: number | readonly number[] | null, flattenNone: boolean, zeroDAsOneD = false): ShapeResult<Dim[]> {
  if (axis === null) return ok(flattenNone ? [shapeProduct(shape)] : [...shape]);
  const src: Dim[] = zeroDAsOneD && shape.length === 0 ? [1] : [...shape];
  for (const a of typeof axis === 'number' ? [axis] : axis) {
    const r = normalizeAxis(a, src.length);
    if (!r.ok) return r;
  }
  return ok(src);
}

/**
 * `np.meshgrid(*xi, indexing='xy', sparse=False)` of inputs with these sizes (each is raveled):
 * 'ij' gives (n0, n1, …), 'xy' swaps the first two; sparse outputs keep 1 everywhere but their
 * own axis.
 *
 *   meshgridShapes([3, 4], 'xy', false) → [[4, 3], [4, 3]];  meshgridShapes([3, 4], 'xy', true) → [[1, 3], [4, 1]]
 */
export function meshgridShapes(sizes: readonly Dim[], indexing: string, sparse: boolean): ShapeResult<Dim[][]> {
  if (indexing !== 'xy' && indexing !== 'ij') return fail('ValueError', "Valid values for `indexing` are 'xy' and 'ij'.");
  const nd = sizes.length;
  const axisOf = (i: number): number => (indexing === 'xy' && nd > 1 && i < 2 ? 1 - i : i);
  if (sparse) return ok(sizes.map((n, i) => Array.from({ length: nd }, (_, k): Dim => (k === axisOf(i) ? n : 1))));
  const full = Array.from({ length: nd }, (_, k): Dim => sizes[axisOf(k)]);
  return ok(sizes.map(() => [...full]));
}

/** `np.triu(m, k)`/`np.tril(m, k)`: the same shape; a 1-D m gives (n, n) (its `tri(*m.shape[-2:])` mask broadcasts). */
export function triShape(shape: Shape): ShapeResult<Dim[]> {
  if (shape.length === 0) return fail('TypeError', "tri() missing 1 required positional argument: 'N'");
  return ok(shape.length === 1 ? [shape[0], shape[0]] : [...shape]);
}
