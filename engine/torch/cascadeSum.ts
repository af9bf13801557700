// torch 1.13's CPU sum of float32/float64 tensors (cascade_sum in
// aten/src/ATen/native/cpu/SumKernel.cpp) in its exact order of additions, so that x.sum(),
// x.sum(dim) and x.mean() print torch's last digits. The TensorIterator part is emulated too:
// dims are reordered (reduced dims first, then by input stride) and coalesced, then visited
// in 2-D chunks; each chunk goes to one of four loops (contiguous inner / contiguous outer /
// strided inner / strided outer) built from multi_row_sum, a 4-level cascade of partial
// sums, with AVX2 vectors of 8 floats or 4 doubles as independent lanes. Accumulation is in
// the tensor's own dtype (acc_type<float, true> is float). This is the single-threaded
// path; torch splits reductions of 32768+ elements across threads when it has several,
// which changes the order (the fixtures run torch with one thread).

import { NDArray } from '../core/ndarray';

type Add = (a: number, b: number) => number;
const addF32: Add = (a, b) => Math.fround(a + b);
const addF64: Add = (a, b) => a + b;

/** Lanes of one load: a vector of W values (W = 1 for the scalar loops). */
type Load = (i: number, out: Float64Array) => void;

/** c10's CeilLog2: 1 for x <= 2, else ceil(log2(x)). */
function ceilLog2(x: number): number {
  return x <= 2 ? 1 : (x - 1).toString(2).length;
}

/**
 * multi_row_sum: sums `size` loads of `nrows` vectors (row i, vector k from load(i, k)) with
 * four levels of accumulators; a level is folded into the next every 2**levelPower loads.
 */
function multiRowSum(load: (i: number, k: number, out: Float64Array) => void, nrows: number, size: number, w: number, add: Add): Float64Array[] {
  const levels = 4;
  const levelPower = Math.max(4, Math.trunc(ceilLog2(size) / levels));
  const levelStep = 2 ** levelPower;
  const levelMask = levelStep - 1;
  const acc = Array.from({ length: levels }, () => Array.from({ length: nrows }, () => new Float64Array(w)));
  const tmp = new Float64Array(w);
  const addLoad = (i: number): void => {
    for (let k = 0; k < nrows; k++) {
      load(i, k, tmp);
      const a = acc[0][k];
      for (let l = 0; l < w; l++) a[l] = add(a[l], tmp[l]);
    }
  };
  let i = 0;
  while (i + levelStep <= size) {
    for (let j = 0; j < levelStep; j++, i++) addLoad(i);
    for (let j = 1; j < levels; j++) {
      for (let k = 0; k < nrows; k++) {
        const hi = acc[j][k], lo = acc[j - 1][k];
        for (let l = 0; l < w; l++) { hi[l] = add(hi[l], lo[l]); lo[l] = 0; }
      }
      // the mask is computed in int64: levelMask << (j * levelPower) can pass 2**31
      if (Math.floor(i / 2 ** (j * levelPower)) % levelStep !== 0) break;
    }
  }
  for (; i < size; i++) addLoad(i);
  for (let j = 1; j < levels; j++) {
    for (let k = 0; k < nrows; k++) {
      const a = acc[0][k], b = acc[j][k];
      for (let l = 0; l < w; l++) a[l] = add(a[l], b[l]);
    }
  }
  return acc[0];
}

/** row_sum: `size` loads as a (-1, 4) array: four interleaved cascades, the tail, then folded. */
function rowSum(load: Load, size: number, w: number, add: Add): Float64Array {
  const ilp = 4;
  const sizeIlp = Math.floor(size / ilp);
  const partial = multiRowSum((i, k, out) => load(i * ilp + k, out), ilp, sizeIlp, w, add);
  const tmp = new Float64Array(w);
  const p0 = partial[0];
  for (let i = sizeIlp * ilp; i < size; i++) {
    load(i, tmp);
    for (let l = 0; l < w; l++) p0[l] = add(p0[l], tmp[l]);
  }
  for (let k = 1; k < ilp; k++) for (let l = 0; l < w; l++) p0[l] = add(p0[l], partial[k][l]);
  return p0;
}

interface Chunk {
  src: ArrayLike<number>; out: Float64Array;
  inBase: number; outBase: number;
  in0: number; in1: number; out0: number; out1: number;
  size0: number; size1: number;
}

/** cascade_sum's 2-D loop body for one chunk; results are added into `out` (`*ptr += value`). */
function cascadeLoop(c: Chunk, w: number, add: Add): void {
  let { in0, in1, out0, out1, size0, size1 } = c;
  const { src, out, inBase, outBase } = c;
  if (out0 !== 0 && out1 === 0) {
    [in0, in1] = [in1, in0];
    [out0, out1] = [out1, out0];
    [size0, size1] = [size1, size0];
  }
  if (out0 !== 0 && out1 !== 0) {
    // not a reduction: elementwise out += in
    for (let j = 0; j < size1; j++) {
      for (let i = 0; i < size0; i++) {
        const o = outBase + j * out1 + i * out0;
        out[o] = add(out[o], src[inBase + j * in1 + i * in0]);
      }
    }
    return;
  }
  const store = (j: number, v: number): void => {
    const o = outBase + j * out1;
    out[o] = add(out[o], v);
  };
  const scalarRow = (base: number, stride: number, size: number): number =>
    rowSum((i, o) => { o[0] = src[base + i * stride]; }, size, 1, add)[0];
  if (in0 === 1 && size0 >= w) {
    // contiguous inner reduction: vectors along the row, then the tail, then the lanes
    const vecSize = Math.floor(size0 / w);
    for (let j = 0; j < size1; j++) {
      const row = inBase + j * in1;
      const lanes = rowSum((i, o) => { for (let l = 0; l < w; l++) o[l] = src[row + i * w + l]; }, vecSize, w, add);
      let acc = 0;
      for (let k = vecSize * w; k < size0; k++) acc = add(acc, src[row + k]);
      for (let l = 0; l < w; l++) acc = add(acc, lanes[l]);
      store(j, acc);
    }
  } else if (in1 === 1 && size1 >= w) {
    // contiguous outer reduction: 4 vectors of columns at once, then single vectors, then columns
    let j = 0;
    for (; j + 4 * w <= size1; j += 4 * w) {
      const col = inBase + j;
      const sums = multiRowSum((i, k, o) => { for (let l = 0; l < w; l++) o[l] = src[col + i * in0 + k * w + l]; }, 4, size0, w, add);
      for (let k = 0; k < 4; k++) for (let l = 0; l < w; l++) store(j + k * w + l, sums[k][l]);
    }
    for (; j + w <= size1; j += w) {
      const col = inBase + j;
      const sums = rowSum((i, o) => { for (let l = 0; l < w; l++) o[l] = src[col + i * in0 + l]; }, size0, w, add);
      for (let l = 0; l < w; l++) store(j + l, sums[l]);
    }
    for (; j < size1; j++) store(j, scalarRow(inBase + j, in0, size0));
  } else if (in0 < in1) {
    for (let j = 0; j < size1; j++) store(j, scalarRow(inBase + j * in1, in0, size0));
  } else {
    let j = 0;
    for (; j + 3 < size1; j += 4) {
      const base = inBase + j * in1;
      const sums = multiRowSum((i, k, o) => { o[0] = src[base + i * in0 + k * in1]; }, 4, size0, 1, add);
      for (let k = 0; k < 4; k++) store(j + k, sums[k][0]);
    }
    for (; j < size1; j++) store(j, scalarRow(inBase + j * in1, in0, size0));
  }
}

/**
 * TensorIterator's reorder_dimensions for a reduction (operands: output, then input):
 * reduced dims first, then ascending input stride, ties to the smaller size. Returns the
 * permutation, fastest dim first.
 */
function reorder(shape: number[], outS: number[], inS: number[]): number[] {
  const n = shape.length;
  const perm = Array.from({ length: n }, (_, i) => n - 1 - i);
  if (n <= 1) return perm.length ? [0] : [];
  const shouldSwap = (d0: number, d1: number): number => {
    const ops = [outS, inS];
    for (let a = 0; a < 2; a++) {
      const s0 = ops[a][d0], s1 = ops[a][d1];
      if (a === 0 && (s0 === 0) !== (s1 === 0)) return s1 === 0 ? 1 : -1;
      if (s0 === 0 || s1 === 0) continue;
      if (s0 < s1) return -1;
      if (s0 > s1) return 1;
      if (shape[d0] > shape[d1]) return 1;
    }
    return 0;
  };
  for (let i = 1; i < n; i++) {
    let d1 = i;
    for (let d0 = i - 1; d0 >= 0; d0--) {
      const c = shouldSwap(perm[d0], perm[d1]);
      if (c > 0) { [perm[d0], perm[d1]] = [perm[d1], perm[d0]]; d1 = d0; } else if (c < 0) break;
    }
  }
  return perm;
}

/** A reduction's TensorIterator layout: dims fastest first, strides in elements. */
export interface ReduceLayout { shape: number[]; inS: number[]; outS: number[] }

/**
 * TensorIterator's view of reducing `a` over `axes` into a fresh C-ordered output of the kept
 * dims: dims reordered (reduced first, then by input stride) and coalesced.
 */
export function reduceLayout(a: NDArray, axes: readonly number[]): ReduceLayout {
  const reduced = new Set(axes);
  // output strides: C-contiguous over the kept dims (c10 strides), 0 on reduced dims
  const outStrides: number[] = [];
  let acc = 1;
  for (let d = a.ndim - 1; d >= 0; d--) {
    if (reduced.has(d)) outStrides[d] = 0;
    else { outStrides[d] = acc; acc *= Math.max(a.shape[d], 1); }
  }
  const perm = reorder([...a.shape], outStrides, [...a.strides]);
  let shape = perm.map((d) => a.shape[d]);
  let outS = perm.map((d) => outStrides[d]);
  let inS = perm.map((d) => a.strides[d]);
  // coalesce_dimensions
  if (shape.length > 1) {
    let prev = 0;
    for (let d = 1; d < shape.length; d++) {
      const can = shape[prev] === 1 || shape[d] === 1 ||
        (shape[prev] * outS[prev] === outS[d] && shape[prev] * inS[prev] === inS[d]);
      if (can) {
        if (shape[prev] === 1) { outS[prev] = outS[d]; inS[prev] = inS[d]; }
        shape[prev] *= shape[d];
      } else {
        prev++;
        if (prev !== d) { outS[prev] = outS[d]; inS[prev] = inS[d]; shape[prev] = shape[d]; }
      }
    }
    shape = shape.slice(0, prev + 1); outS = outS.slice(0, prev + 1); inS = inS.slice(0, prev + 1);
  }
  return { shape, inS, outS };
}

/**
 * torch's sum over `axes` of a float32/float64 array into a C-ordered Float64Array of the
 * kept dims' shape (one value per output element, each rounded to the array's dtype).
 */
export function torchCascadeSum(a: NDArray, axes: readonly number[]): Float64Array {
  const f32 = a.dtype === 'float32';
  const add = f32 ? addF32 : addF64;
  const w = f32 ? 8 : 4;
  const reduced = new Set(axes);
  const outSize = a.shape.reduce((p, s, d) => (reduced.has(d) ? p : p * s), 1);
  const out = new Float64Array(outSize);
  if (a.size === 0 || outSize === 0) return out;
  const { shape, inS, outS } = reduceLayout(a, axes);
  const src = a.data as ArrayLike<number>;
  if (shape.length <= 1) {
    cascadeLoop({ src, out, inBase: a.offset, outBase: 0, in0: inS[0] ?? 0, in1: 0, out0: outS[0] ?? 0, out1: 0, size0: shape[0] ?? 1, size1: 1 }, w, add);
    return out;
  }
  // serial_for_each over the whole range: 2-D chunks of shape[0] x shape[1], outer dims counted
  const outer = shape.slice(2);
  const idx = outer.map(() => 0);
  const chunks = outer.reduce((p, s) => p * s, 1);
  for (let c = 0; c < chunks; c++) {
    let inBase = a.offset, outBase = 0;
    idx.forEach((v, k) => { inBase += v * inS[k + 2]; outBase += v * outS[k + 2]; });
    cascadeLoop({ src, out, inBase, outBase, in0: inS[0], in1: inS[1], out0: outS[0], out1: outS[1], size0: shape[0], size1: shape[1] }, w, add);
    for (let k = 0; k < idx.length; k++) { if (++idx[k] < outer[k]) break; idx[k] = 0; }
  }
  return out;
}
