// The fast path of `a[mask] = value` for one boolean mask on the leading axes — x[x < 0] = 0,
// X[keep] = rows: each selected element (or row) of `a` is written from the value's next
// element (or row) in C order, straight from the mask (single elements without a branch on
// it), without the offsets array and the per-block copy of indexing.ts's general scatter. The order of reads and writes is the
// scatter's, so an overlapping value reads what it reads there. Anything takeMask.ts's
// maskRow does not take returns false and is left to the general path.
//
//   putMask(x = [1, -2, 3], [mask [F, T, F]], value 0) → x is [1, 0, 3]

import { TypedArray } from '../core/dtype';
import { broadcastStridesTo } from '../core/iter';
import { NDArray } from '../core/ndarray';
import { IndexPlan } from '../shape/index';
import { maskRow } from './takeMask';

/**
 * Writes `src` (already of v's dtype, broadcastable to the result shape [count, ...sub]) at
 * the selected places of `v`; false (and nothing written) when the plan is not a MaskRow.
 */
export function putMask(v: NDArray, plan: IndexPlan, arrays: readonly (NDArray | undefined)[], src: NDArray): boolean {
  const r = maskRow(v, plan, arrays);
  if (!r) return false;
  if (r.count === 0 || r.subSize === 0) return true;
  if (src.data.length > 0x7fffffff) return false;
  const st = broadcastStridesTo(src, [r.count, ...r.subShape]);
  // the value's stride per selected position and along the subspace (one row, or broadcast)
  const bs = st[0];
  const sub = st.slice(1);
  let vss = 0;
  for (let i = sub.length - 1; i >= 0; i--) if (r.subShape[i] !== 1) { vss = sub[i]; break; }
  // a value block that is not one strided row (e.g. a transposed one): the general path
  if (!subIsOneRow(sub, r.subShape, vss)) return false;
  // up to the last selected position: past it the value's cursor would run off its end
  let last = r.length - 1;
  while (r.M[r.m0 + last * r.ms] === 0) last--;
  putKernel(v.data, src.data, r.subSize)(
    last + 1, r.subSize | 0, v.data, v.offset | 0, r.vs | 0, r.ss | 0, src.data, src.offset | 0, bs | 0, vss | 0, r.M, r.m0 | 0, r.ms | 0);
  return true;
}

/** True when the value's subspace strides walk the subspace as one row of stride `vss` (0: broadcast). */
function subIsOneRow(strides: readonly number[], shape: readonly number[], vss: number): boolean {
  let expect = vss;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (shape[i] === 1) continue;
    if (strides[i] !== expect) return false;
    expect *= shape[i];
  }
  return true;
}

type Put = (
  n: number, sub: number, D: TypedArray, d0: number, ds: number, dss: number,
  S: TypedArray, s0: number, bs: number, sss: number, M: TypedArray, m0: number, ms: number) => void;

// block i of D (`sub` elements D[d0 + i*ds + j*dss]) gets the value's next block for each
// i < n whose mask byte is not 0
const PUT_SOURCE = `return function putMask(n, sub, D, d0, ds, dss, S, s0, bs, sss, M, m0, ms) {
  let s = s0;
  if (sub === 1) {
    // without a branch on the mask (a random one mispredicts half the time): both candidates
    // go into a 2-element buffer of D's class and the mask bit picks which is stored back
    const pick = new D.constructor(2);
    for (let i = 0, d = d0, m = m0; i < n; i++, d += ds, m += ms) {
      const sel = (M[m] + 255) >> 8;
      pick[0] = D[d]; pick[1] = S[s];
      D[d] = pick[sel];
      s += bs * sel;
    }
    return;
  }
  for (let i = 0, d = d0, m = m0; i < n; i++, d += ds, m += ms) {
    if (M[m] === 0) continue;
    for (let j = 0, q = d, p = s; j < sub; j++, q += dss, p += sss) D[q] = S[p];
    s += bs;
  }
};`;

const cache = new Map<string, Put>();

function putKernel(D: TypedArray, S: TypedArray, sub: number): Put {
  const key = `${D.constructor.name}|${S.constructor.name}|${sub === 1}`;
  let k = cache.get(key);
  if (!k) { k = new Function(PUT_SOURCE)() as Put; cache.set(key, k); }
  return k;
}
