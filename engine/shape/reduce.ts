// Shape of a reduction: `(2,3,4).sum(axis=1)` → (2,4); with keepdims → (2,1,4).

import { Dim, Shape } from './dim';
import { normalizeAxes } from './axes';
import { ok, ShapeResult } from './result';

export interface ReducePlan {
  /** the normalised reduced axes, ascending */
  axes: number[];
  shape: Dim[];
}

export function reduceShape(shape: Shape, axis: number | readonly number[] | null | undefined, keepdims: boolean): ShapeResult<ReducePlan> {
  // NumPy lets a single axis=0 or -1 through for 0-d input ("backwards compatibility in sum,
  // prod, et al"): nothing is reduced. A tuple gets no such pass.
  if (shape.length === 0 && (axis === 0 || axis === -1)) return ok({ axes: [], shape: [] });
  const r = normalizeAxes(axis, shape.length);
  if (!r.ok) return r;
  const axes = [...r.value].sort((a, b) => a - b);
  const out: Dim[] = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keepdims) out.push(1);
  });
  return ok({ axes, shape: out });
}
