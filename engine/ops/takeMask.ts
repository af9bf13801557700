// The fast path of `a[mask]` for one boolean mask on the leading axes — x[x > 0.5],
// X[keep] picking rows: the selected elements (or rows) are copied straight into the result
// in order, without the offsets array indexing.ts's general gather builds. Single elements
// are copied without a branch on the mask (a random mask mispredicts half the time).
// Anything else (several index items, a mask after a slice or another index, a mask or
// masked block that is not one strided row, a subspace that is not one strided row) takes the
// general gather, which gives the same values.
//
//   takeMask(arange(5), [mask [T, F, T, F, F]]) → [0, 2]

import { TypedArray } from '../core/dtype';
import { emptyArrayUninit, NDArray } from '../core/ndarray';
import { coalesce } from '../core/iter';
import { IndexPlan } from '../shape/index';

const INT32_MAX = 0x7fffffff;

/** A mask and the axes of v it picks along, each one strided row in C order; the subspace one strided row too. */
export interface MaskRow {
  /** selected positions */
  count: number;
  /** mask length, buffer, offset and stride */
  length: number; M: TypedArray; m0: number; ms: number;
  /** v's stride along the masked positions */
  vs: number;
  /** the dims after the masked ones, their element count and their stride as one row */
  subShape: number[]; subSize: number; ss: number;
}

/** The MaskRow of a plan whose only advanced item is a mask on v's leading axes, else undefined. */
export function maskRow(v: NDArray, plan: IndexPlan, arrays: readonly (NDArray | undefined)[]): MaskRow | undefined {
  const adv = plan.advanced;
  if (!adv || adv.items.length !== 1 || adv.insertAt !== 0) return undefined;
  const it = adv.items[0];
  if (it.kind !== 'mask' || it.viewAxis !== 0 || typeof it.count !== 'number') return undefined;
  const mask = arrays[it.item]!;
  const k = it.ndim;
  const mRow = oneRow(mask.shape, mask.strides), vRow = oneRow(v.shape.slice(0, k), v.strides.slice(0, k));
  if (!mRow || !vRow) return undefined;
  const subShape = v.shape.slice(k);
  const sub = oneRow(subShape, v.strides.slice(k));
  if (!sub) return undefined;
  if (mask.data.length > INT32_MAX || v.data.length > INT32_MAX || it.count * sub.length > INT32_MAX) return undefined;
  return {
    count: it.count, length: mRow.length, M: mask.data, m0: mask.offset, ms: mRow.stride, vs: vRow.stride,
    subShape, subSize: sub.length, ss: sub.stride,
  };
}

/**
 * `v[arrays[k]]` for a plan whose only advanced item is a mask on v's leading axes, when the
 * mask and those axes of v each walk as one strided row in C order (any 1-d mask; x[x > 0]
 * of a contiguous x), else undefined.
 */
export function takeMask(v: NDArray, plan: IndexPlan, arrays: readonly (NDArray | undefined)[]): NDArray | undefined {
  const r = maskRow(v, plan, arrays);
  if (!r) return undefined;
  // uninitialised: r.count is the mask's non-zero count (indexing.ts's countNonzero), and the
  // kernels below fill one block per selected position, so every block of `out` is written
  const out = emptyArrayUninit([r.count, ...r.subShape], v.dtype);
  if (r.count === 0 || r.subSize === 0) return out;
  const { M, m0, ms } = r;
  // the last selected position: the branch-free copy stops there, so its stores stay in bounds
  let last = r.length - 1;
  while (M[m0 + last * ms] === 0) last--;
  compressKernel(out.data, v.data, M, r.subSize)(last + 1, r.subSize | 0, out.data, v.data, v.offset | 0, r.vs | 0, r.ss | 0, M, m0 | 0, ms | 0);
  return out;
}

/** The dims as one strided row in C order (length and stride), or undefined when they are not one. */
function oneRow(shape: readonly number[], strides: readonly number[]): { length: number; stride: number } | undefined {
  const c = coalesce(shape, [strides]);
  if (c.shape.length > 1) return undefined;
  let length = 1;
  for (const d of shape) length *= d;
  return { length, stride: c.shape.length === 0 ? 0 : c.strides[0][0] };
}

/**
 * Copies block i (`sub` elements `S[s0 + i*vs + j*ss]`) to the next free block of D for each
 * i < n whose mask byte `M[m0 + i*ms]` is not 0. Compiled per buffer classes.
 */
type Compress = (n: number, sub: number, D: TypedArray, S: TypedArray, s0: number, vs: number, ss: number, M: TypedArray, m0: number, ms: number) => void;

// sub === 1: every element is stored at the next free slot, which only advances past a
// selected one ((x + 255) >> 8 is 1 for any non-zero byte), so nothing branches on the mask;
// the caller stops at the last selected element so the slot stays in bounds. Unrolled by 4:
// V8 reloads each typed array's base and length every iteration.
const COMPRESS_ONE = `return function compressOne(n, sub, D, S, s0, vs, ss, M, m0, ms) {
  let k = 0, i = 0, s = s0 | 0, m = m0 | 0;
  const vs4 = 4 * vs, ms4 = 4 * ms;
  for (; i + 4 <= n; i += 4, s += vs4, m += ms4) {
    D[k] = S[s]; k += (M[m] + 255) >> 8;
    D[k] = S[s + vs]; k += (M[m + ms] + 255) >> 8;
    D[k] = S[s + 2 * vs]; k += (M[m + 2 * ms] + 255) >> 8;
    D[k] = S[s + 3 * vs]; k += (M[m + 3 * ms] + 255) >> 8;
  }
  for (; i < n; i++, s += vs, m += ms) { D[k] = S[s]; k += (M[m] + 255) >> 8; }
};`;

// longer blocks: one branch per block is cheap next to its copy
const COMPRESS_ROWS = `return function compressRows(n, sub, D, S, s0, vs, ss, M, m0, ms) {
  for (let i = 0, d = 0, s = s0 | 0, m = m0 | 0; i < n; i++, s += vs, m += ms) {
    if (M[m] === 0) continue;
    for (let j = 0, q = s; j < sub; j++, q += ss) D[d + j] = S[q];
    d += sub;
  }
};`;

const cache = new Map<string, Compress>();

function compressKernel(D: TypedArray, S: TypedArray, M: TypedArray, sub: number): Compress {
  const one = sub === 1;
  const key = `${D.constructor.name}|${S.constructor.name}|${M.constructor.name}|${one}`;
  let k = cache.get(key);
  if (!k) { k = new Function(one ? COMPRESS_ONE : COMPRESS_ROWS)() as Compress; cache.set(key, k); }
  return k;
}
