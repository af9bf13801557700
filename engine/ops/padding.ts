// np.pad for the modes learners use on images and sequences: 'constant' (with per-axis
// before/after values), 'edge', 'reflect', 'symmetric' and 'wrap'. Every mode is a per-axis
// index map: reflect/symmetric are periodic (what NumPy's repeated padding gives for widths
// beyond the array); wrap replays NumPy's `_set_wrap_both` rounds, which are not periodic when
// both sides outgrow the array. 'constant' corners take the value of the last padded axis, as
// NumPy pads axis by axis. Does not implement 'mean'/'median'/'linear_ramp'/stat_length.
//
//   pad([1, 2, 3], (2, 1), 'reflect') → [3, 2, 1, 2, 3, 2]

import { castValue } from '../core/cast';
import { DType } from '../core/dtype';
import { NumpyError } from '../core/errors';
import { emptyArray, NDArray } from '../core/ndarray';
import { paddedShape } from '../shape/padding';

export type PadMode = 'constant' | 'edge' | 'reflect' | 'symmetric' | 'wrap';
export const PAD_MODES: readonly PadMode[] = ['constant', 'edge', 'reflect', 'symmetric', 'wrap'];
/** NumPy's other modes: accepted names we report as not supported rather than "not supported" by NumPy. */
export const UNIMPLEMENTED_PAD_MODES = ['linear_ramp', 'maximum', 'mean', 'median', 'minimum', 'empty'];

type Pair = readonly [number, number];

const mod = (x: number, n: number): number => ((x % n) + n) % n;


/** Source index along one axis for output position `p`, or -1 (before) / -2 (after) for a constant. */
function sourceIndex(mode: PadMode, p: number, before: number, n: number): number {
  const j = p - before;
  if (j >= 0 && j < n) return j;
  switch (mode) {
    case 'constant': return j < 0 ? -1 : -2;
    case 'edge': return j < 0 ? 0 : n - 1;
    case 'wrap': throw new Error('wrap is mapped by wrapMap');
    case 'reflect': {
      if (n === 1) return 0;
      const period = 2 * (n - 1), r = mod(j, period);
      return r < n ? r : period - r;
    }
    case 'symmetric': {
      const period = 2 * n, r = mod(j, period);
      return r < n ? r : period - 1 - r;
    }
  }
}

/** NumPy 1.24's `_set_wrap_both` rounds, run on source indices instead of values. */
function wrapMap(n: number, before: number, after: number): Int32Array {
  const len = before + n + after;
  const m = new Int32Array(len);
  for (let j = 0; j < n; j++) m[before + j] = j;
  let left = before, right = after;
  while (left > 0 || right > 0) {
    const period = len - right - left;
    let newLeft = 0, newRight = 0;
    if (left > 0) {
      const count = Math.min(period, left);
      const chunk = m.slice(len - right - count, len - right);
      if (left > period) newLeft = left - period;
      m.set(chunk, left > period ? left - period : 0);
    }
    if (right > 0) {
      const chunk = m.slice(left, left + Math.min(period, right));
      if (right > period) newRight = right - period;
      m.set(chunk, len - right);
    }
    left = newLeft;
    right = newRight;
  }
  return m;
}

/**
 * `np.pad(a, widths, mode, constant_values=values)` with `widths` and `values` already one
 * pair per axis (numbers in `a`'s dtype or not: they are cast as NumPy's assignment casts).
 * Shape example: a (2, 3) array with widths ((1, 2), (0, 3)) becomes (5, 6).
 */
export function pad(a: NDArray, widths: readonly Pair[], mode: PadMode, values: readonly Pair[], valueDType: DType): NDArray {
  a.shape.forEach((n, i) => {
    if (n === 0 && mode !== 'constant' && (widths[i][0] > 0 || widths[i][1] > 0)) {
      throw new NumpyError('ValueError', `can't extend empty axis ${i} using modes other than 'constant' or 'empty'`);
    }
  });
  const shape = paddedShape(a.shape, widths);
  const out = emptyArray(shape, a.dtype);
  if (out.size === 0) return out;
  const maps = shape.map((len, i) => (mode === 'wrap' && a.shape[i] > 0
    ? wrapMap(a.shape[i], widths[i][0], widths[i][1])
    : Int32Array.from({ length: len }, (_, p) => sourceIndex(mode, p, widths[i][0], a.shape[i]))));
  const fill = values.map(([b, e]) => [castValue(b, valueDType, a.dtype), castValue(e, valueDType, a.dtype)]);
  const nd = shape.length, idx = new Array<number>(nd).fill(0);
  for (let k = 0; k < out.size; k++) {
    let off = a.offset, constant: number | undefined;
    for (let d = 0; d < nd; d++) {
      const s = maps[d][idx[d]];
      if (s < 0) constant = fill[d][s === -1 ? 0 : 1];
      else off += s * a.strides[d];
    }
    out.data[k] = constant ?? a.data[off];
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}
