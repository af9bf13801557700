// Strided iteration for kernels: broadcast strides, dimension coalescing and the outer-loop
// driver. Kernels are called once per innermost row (never once per element), with the
// row's length and each operand's buffer, offset and stride.

import { NDArray } from './ndarray';

/** Strides of `a` viewed at `shape` (right-aligned; broadcast dims get stride 0). */
export function broadcastStridesTo(a: NDArray, shape: readonly number[]): number[] {
  const nd = shape.length, off = nd - a.ndim;
  const out = new Array<number>(nd).fill(0);
  for (let i = 0; i < a.ndim; i++) out[off + i] = a.shape[i] === 1 && shape[off + i] !== 1 ? 0 : a.strides[i];
  return out;
}

/**
 * Merges dims that every operand walks as one (stride[i] == stride[i+1] * shape[i+1]) and
 * drops size-1 dims, so a contiguous N-D loop becomes one long row.
 */
export function coalesce(shape: readonly number[], strides: readonly (readonly number[])[]): { shape: number[]; strides: number[][] } {
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i];
    if (d === 1) continue;
    const last = outShape.length - 1;
    if (last >= 0 && strides.every((s, k) => outStrides[k][last] === s[i] * d)) {
      outShape[last] *= d;
      strides.forEach((s, k) => { outStrides[k][last] = s[i]; });
      continue;
    }
    outShape.push(d);
    strides.forEach((s, k) => outStrides[k].push(s[i]));
  }
  return { shape: outShape, strides: outStrides };
}

/**
 * Calls `row(n, offsets)` for each innermost row of a (coalesced) loop over `shape`;
 * `offsets[k]` is operand k's starting offset, its stride along the row is `strides[k][last]`.
 */
export function forEachRow(
  shape: readonly number[], strides: readonly (readonly number[])[], offsets: readonly number[],
  row: (n: number, offsets: number[]) => void,
): void {
  const nd = shape.length, nops = offsets.length;
  for (const d of shape) if (d === 0) return;
  const cur = [...offsets];
  if (nd <= 1) { row(nd === 0 ? 1 : shape[0], cur); return; }
  const idx = new Array<number>(nd - 1).fill(0);
  const n = shape[nd - 1];
  for (;;) {
    row(n, cur);
    let d = nd - 2;
    for (; d >= 0; d--) {
      idx[d]++;
      for (let k = 0; k < nops; k++) cur[k] += strides[k][d];
      if (idx[d] < shape[d]) break;
      for (let k = 0; k < nops; k++) cur[k] -= strides[k][d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}
