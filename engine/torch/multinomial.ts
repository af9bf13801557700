// `torch.multinomial(input, num_samples, replacement=False)` as torch 1.13's CPU code draws it
// (aten/src/ATen/native/Distributions.cpp, cpu/MultinomialKernel.cpp). Without replacement (or
// one sample): q = input / Exp(1) noise (exponential_ draws -log(1 - u) from uniform doubles,
// over the whole tensor first), then the top num_samples of q per row as CPU topk orders
// them (argmax for one sample). With replacement: per row, a cumulative sum in the input's dtype normalised by its
// total, then a binary search per uniform double.

import { emptyArray } from '../core/ndarray';
import { log } from '../random/libm';
import { runtimeError } from './elementwise';
import { isFloatDType } from './dtype';
import { defaultGenerator as rng } from './random';
import { Tensor } from './tensor';
import { nthElement, partialSort, stdSort } from './stdSort';

interface Key { j: number; v: number }
/** topk's "largest" comparator: NaN first, then greater values. */
const before = (x: Key, y: Key): boolean => (Number.isNaN(x.v) && !Number.isNaN(y.v)) || x.v > y.v;

/** TopKImpl.h (largest, sorted): the first k keys in topk's order, ties as libstdc++ leaves them. */
function topk(keys: Key[], k: number): void {
  const n = keys.length;
  if (k === 1) {
    // argmax: the first maximum (NaN counts as the maximum)
    let best = 0;
    for (let j = 1; j < n; j++) if (before(keys[j], keys[best])) best = j;
    [keys[0], keys[best]] = [keys[best], keys[0]];
    return;
  }
  if (k * 64 <= n) { partialSort(keys, 0, k, n, before); return; }
  nthElement(keys, 0, k - 1, n, before);
  stdSort(keys, 0, k - 1, before);
}

export function multinomial(input: Tensor, numSamples: number, replacement = false): Tensor {
  if (!isFloatDType(input.dtype)) throw runtimeError(`"multinomial" not implemented for '${input.torchDType.scalarTypeName}'`);
  if (input.ndim !== 1 && input.ndim !== 2) throw runtimeError('prob_dist must be 1 or 2 dim');
  const nCat = input.shape[input.ndim - 1];
  const nDist = input.ndim === 2 ? input.shape[0] : 1;
  if (numSamples <= 0) throw runtimeError('cannot sample n_sample <= 0 samples');
  if (!replacement && numSamples > nCat) throw runtimeError('cannot sample n_sample > prob_dist.size(-1) samples without replacement');
  const f32 = input.dtype === 'float32';
  const r = f32 ? Math.fround : (v: number): number => v;
  const p = input.arr.toArray().map(Number);
  if (p.some((v) => !(v >= 0) || v === Infinity)) throw runtimeError('probability tensor contains either `inf`, `nan` or element < 0');
  for (let i = 0; i < nDist; i++) {
    let total = 0;
    for (let j = 0; j < nCat; j++) total += p[i * nCat + j];
    if (!(total > 0)) throw runtimeError('invalid multinomial distribution (sum of probabilities <= 0)');
  }
  const out = emptyArray(input.ndim === 2 ? [nDist, numSamples] : [numSamples], 'int64');
  if (!replacement || numSamples === 1) {
    const q = p.map(() => r(-1 * log(1 - rng.uniformDouble())));
    for (let i = 0; i < nDist; i++) {
      const keys = Array.from({ length: nCat }, (_, j) => ({ j, v: r(p[i * nCat + j] / q[i * nCat + j]) }));
      topk(keys, numSamples);
      for (let k = 0; k < numSamples; k++) out.data[i * numSamples + k] = keys[k].j;
    }
    return new Tensor(out);
  }
  const cum = new Float64Array(nCat);
  for (let i = 0; i < nDist; i++) {
    let sum = 0;
    for (let j = 0; j < nCat; j++) { sum = r(sum + p[i * nCat + j]); cum[j] = sum; }
    if (sum > 0 || (sum < 1.00001 && sum > 0.99999)) for (let j = 0; j < nCat; j++) cum[j] = r(cum[j] / sum);
    cum[nCat - 1] = 1;
    for (let k = 0; k < numSamples; k++) {
      const u = rng.uniformDouble();
      let left = 0, right = nCat;
      while (right - left > 0) {
        const mid = left + Math.floor((right - left) / 2);
        if (cum[mid] < u) left = mid + 1; else right = mid;
      }
      out.data[i * numSamples + k] = left;
    }
  }
  return new Tensor(out);
}
