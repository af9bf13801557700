// torch 1.13's CPU var/std of float tensors, in its order of operations. Over everything
// (std_var_all_cpu in ReduceOps.cpp): the mean is x.mean() in x's dtype, then the squared
// deviations are summed in double, one running sum per 2-D chunk of TensorIterator's loop,
// chunks added in turn (that file is built without FMA). Over dims (std_var_kernel_impl in
// cpu/ReduceOpsKernel.cpp): a Welford update per element in the iterator's order, in double,
// with GCC's fused m2 + delta * new_delta (the AVX2 build). Then m2 / max(0, n - correction),
// sqrt for std, rounded to x's dtype.

import { NDArray } from '../core/ndarray';
import { fma } from '../random/libm';
import { reduceLayout } from './cascadeSum';

/** Visits the elements of `a` in TensorIterator order (dims fastest first) as offsets, by 2-D chunk. */
function visitChunks(shape: readonly number[], strides: readonly number[], base: number, chunk: (offsets: number[]) => void): void {
  const n = shape.length;
  const size0 = n > 0 ? shape[0] : 1, size1 = n > 1 ? shape[1] : 1;
  const s0 = n > 0 ? strides[0] : 0, s1 = n > 1 ? strides[1] : 0;
  const outer = shape.slice(2), idx = outer.map(() => 0);
  const count = outer.reduce((p, s) => p * s, 1);
  for (let c = 0; c < count; c++) {
    let b = base;
    idx.forEach((v, k) => { b += v * strides[k + 2]; });
    const offsets: number[] = [];
    for (let j = 0; j < size1; j++) for (let i = 0; i < size0; i++) offsets.push(b + j * s1 + i * s0);
    chunk(offsets);
    for (let k = 0; k < idx.length; k++) { if (++idx[k] < outer[k]) break; idx[k] = 0; }
  }
}

/** var (or std) of all of `a`, given x.mean() in a's dtype. */
export function varianceAll(a: NDArray, mean: number, correction: number, sqrt: boolean): number {
  const { shape, inS } = reduceLayout(a, a.shape.map((_, d) => d));
  const src = a.data as ArrayLike<number>;
  let total = 0;
  visitChunks(shape, inS, a.offset, (offsets) => {
    let local = 0;
    for (const o of offsets) { const dx = src[o] - mean; local += dx * dx; }
    total += local;
  });
  const v = total / Math.max(0, a.size - correction);
  return sqrt ? Math.sqrt(v) : v;
}

/** var (or std) over `axes`: one Welford accumulator per output element, C order of the kept dims. */
export function varianceDims(a: NDArray, axes: readonly number[], correction: number, sqrt: boolean): Float64Array {
  const reduced = new Set(axes);
  const outSize = a.shape.reduce((p, s, d) => (reduced.has(d) ? p : p * s), 1);
  const mean = new Float64Array(outSize), m2 = new Float64Array(outSize), count = new Float64Array(outSize);
  const src = a.data as ArrayLike<number>;
  const { shape, inS, outS } = reduceLayout(a, axes);
  // the iterator's order: dim 0 fastest; every output element sees its inputs in that order
  const n = shape.length, idx = new Array<number>(n).fill(0);
  for (let k = 0; k < a.size; k++) {
    let i = a.offset, o = 0;
    for (let d = 0; d < n; d++) { i += idx[d] * inS[d]; o += idx[d] * outS[d]; }
    const x = src[i];
    const nf = ++count[o];
    const delta = x - mean[o];
    const newMean = mean[o] + delta / nf;
    m2[o] = fma(delta, x - newMean, m2[o]);
    mean[o] = newMean;
    for (let d = 0; d < n; d++) { if (++idx[d] < shape[d]) break; idx[d] = 0; }
  }
  const out = new Float64Array(outSize);
  for (let o = 0; o < outSize; o++) {
    const divisor = count[o] > correction ? count[o] - correction : 0;
    const v = m2[o] / divisor;
    out[o] = sqrt ? Math.sqrt(v) : v;
  }
  return out;
}
