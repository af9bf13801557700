// Shape rules of the axis-shuffling ops: transpose/permute, swapaxes, moveaxis, squeeze,
// expand_dims, concatenate, stack, split. Pure functions over numeric or symbolic dims,
// each with NumPy's exact error text; the engine builds views or copies from their results.

import { Dim, dimEq, isNum, Shape } from './dim';
import { normalizeAxis } from './axes';
import { fail, ok, ShapeResult } from './result';

/** Validated permutation for `transpose(axes)` (None → reversed). */
export function transposeAxes(ndim: number, axes?: readonly number[] | null): ShapeResult<number[]> {
  if (axes === null || axes === undefined) return ok(Array.from({ length: ndim }, (_, i) => ndim - 1 - i));
  if (axes.length !== ndim) return fail('ValueError', "axes don't match array");
  const out: number[] = [];
  for (const a of axes) {
    const r = normalizeAxis(a, ndim);
    if (!r.ok) return r;
    if (out.includes(r.value)) return fail('ValueError', 'repeated axis in transpose');
    out.push(r.value);
  }
  return ok(out);
}

export function swapAxes(ndim: number, a1: number, a2: number): ShapeResult<number[]> {
  const r1 = normalizeAxis(a1, ndim, 'axis1: ');
  if (!r1.ok) return r1;
  const r2 = normalizeAxis(a2, ndim, 'axis2: ');
  if (!r2.ok) return r2;
  const perm = Array.from({ length: ndim }, (_, i) => i);
  perm[r1.value] = r2.value;
  perm[r2.value] = r1.value;
  return ok(perm);
}

export function moveAxisPerm(ndim: number, source: readonly number[], destination: readonly number[]): ShapeResult<number[]> {
  const src: number[] = [], dst: number[] = [];
  for (const s of source) {
    const r = normalizeAxis(s, ndim, 'source: ');
    if (!r.ok) return r;
    if (src.includes(r.value)) return fail('ValueError', "repeated axis in `source` argument");
    src.push(r.value);
  }
  for (const d of destination) {
    const r = normalizeAxis(d, ndim, 'destination: ');
    if (!r.ok) return r;
    if (dst.includes(r.value)) return fail('ValueError', "repeated axis in `destination` argument");
    dst.push(r.value);
  }
  if (src.length !== dst.length) {
    return fail('ValueError', '`source` and `destination` arguments must have the same number of elements');
  }
  const order = Array.from({ length: ndim }, (_, i) => i).filter((i) => !src.includes(i));
  const pairs = dst.map((d, i) => [d, src[i]] as const).sort((x, y) => x[0] - y[0]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return ok(order);
}

export function permuteShape(shape: Shape, perm: readonly number[]): Dim[] {
  return perm.map((p) => shape[p]);
}

/** Axes `squeeze` removes (None → every size-1 axis). */
export function squeezeAxes(shape: Shape, axis?: number | readonly number[] | null): ShapeResult<number[]> {
  if (axis === null || axis === undefined) return ok(shape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0));
  // as for reductions, a single axis=0 or -1 is allowed on a 0-d array (PyArray_ConvertMultiAxis)
  if (shape.length === 0 && (axis === 0 || axis === -1)) return ok([]);
  const list = typeof axis === 'number' ? [axis] : axis;
  const out: number[] = [];
  for (const a of list) {
    const r = normalizeAxis(a, shape.length);
    if (!r.ok) return r;
    const d = shape[r.value];
    if (isNum(d) && d !== 1) return fail('ValueError', 'cannot select an axis to squeeze out which has size not equal to one');
    if (out.includes(r.value)) return fail('ValueError', "duplicate value in 'axis'");
    out.push(r.value);
  }
  return ok(out);
}

/** `np.expand_dims(a, axis)`: the new shape (axis may be a tuple). */
export function expandDimsShape(shape: Shape, axis: number | readonly number[]): ShapeResult<{ shape: Dim[]; inserted: number[] }> {
  const list = typeof axis === 'number' ? [axis] : axis;
  const nd = shape.length + list.length;
  const axes: number[] = [];
  for (const a of list) {
    const r = normalizeAxis(a, nd);
    if (!r.ok) return r;
    if (axes.includes(r.value)) return fail('ValueError', 'repeated axis');
    axes.push(r.value);
  }
  const out: Dim[] = [];
  let k = 0;
  for (let i = 0; i < nd; i++) out.push(axes.includes(i) ? 1 : shape[k++]);
  return ok({ shape: out, inserted: axes });
}

/** `np.concatenate(arrays, axis)`. */
export function concatShape(shapes: readonly Shape[], axis: number): ShapeResult<{ shape: Dim[]; axis: number }> {
  if (shapes.length === 0) return fail('ValueError', 'need at least one array to concatenate');
  const nd = shapes[0].length;
  if (nd === 0) return fail('ValueError', 'zero-dimensional arrays cannot be concatenated');
  const r = normalizeAxis(axis, nd);
  if (!r.ok) return r;
  const ax = r.value;
  const out = [...shapes[0]];
  for (let k = 1; k < shapes.length; k++) {
    const s = shapes[k];
    if (s.length !== nd) {
      return fail('ValueError', `all the input arrays must have same number of dimensions, but the array at index 0 has ${nd} dimension(s) and the array at index ${k} has ${s.length} dimension(s)`);
    }
    for (let i = 0; i < nd; i++) {
      if (i === ax) continue;
      if (dimEq(s[i], shapes[0][i]) === false) {
        return fail('ValueError', `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${i}, the array at index 0 has size ${shapes[0][i]} and the array at index ${k} has size ${s[i]}`);
      }
    }
    const a = out[ax], b = s[ax];
    out[ax] = isNum(a) && isNum(b) ? a + b : { kind: 'sym', text: `${isNum(a) ? a : a.text}+${isNum(b) ? b : b.text}`, coeff: 1, factors: [] };
  }
  return ok({ shape: out, axis: ax });
}

/** `np.stack(arrays, axis)`: all shapes equal; a new axis of length n. */
export function stackShape(shapes: readonly Shape[], axis: number): ShapeResult<{ shape: Dim[]; axis: number }> {
  if (shapes.length === 0) return fail('ValueError', 'need at least one array to stack');
  const s0 = shapes[0];
  for (const s of shapes) {
    if (s.length !== s0.length || s.some((d, i) => dimEq(d, s0[i]) === false)) {
      return fail('ValueError', 'all input arrays must have the same shape');
    }
  }
  const r = normalizeAxis(axis, s0.length + 1);
  if (!r.ok) return r;
  const out = [...s0];
  out.splice(r.value, 0, shapes.length);
  return ok({ shape: out, axis: r.value });
}
