// Axis arguments: normalising `axis=-1`, tuples of axes, and NumPy's errors for them.
// `normalizeAxis(-1, 3)` → 2; `normalizeAxis(3, 2)` → AxisError "axis 3 is out of bounds
// for array of dimension 2".

import { fail, ok, ShapeResult } from './result';

export function normalizeAxis(axis: number, ndim: number, prefix = ''): ShapeResult<number> {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    return fail('AxisError', `${prefix}axis ${axis} is out of bounds for array of dimension ${ndim}`);
  }
  return ok(axis < 0 ? axis + ndim : axis);
}

/** `axis` as None (all axes), an int or a tuple; duplicates are NumPy's "duplicate value in 'axis'". */
export function normalizeAxes(axis: number | readonly number[] | null | undefined, ndim: number): ShapeResult<number[]> {
  if (axis === null || axis === undefined) return ok(Array.from({ length: ndim }, (_, i) => i));
  const list = typeof axis === 'number' ? [axis] : axis;
  const out: number[] = [];
  for (const a of list) {
    const r = normalizeAxis(a, ndim);
    if (!r.ok) return r;
    if (out.includes(r.value)) return fail('ValueError', "duplicate value in 'axis'");
    out.push(r.value);
  }
  return ok(out);
}
