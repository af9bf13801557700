// The parts of choice, shuffle and permutation that RandomState and Generator share, written
// once over a BitGenerator: validating `p` (NumPy's texts), the cdf draw for replace=True,
// the repeated-cdf loop for replace=False with p, Fisher–Yates shuffles of arrays (any
// strides, rows of N-d arrays) and of Python lists, all with random_interval draws. The
// callers keep their own wording and the order of their draws.

import { NDArray } from '../core/ndarray';
import { NumpyError, typeError, valueError } from '../core/errors';
import { BitGenerator } from './bitGenerator';
import { kahanSum } from './common';
import { distinctInOrder, normalizedCdf, searchsortedRight, swapItems } from './arrays';
import { randomInterval } from './distributions';

export interface ChoiceTexts {
  readonly pNdim: string;
  readonly pSize: string;
}

/** Checks `p` as both choice()s do; returns it as float64 values. */
export function checkProbabilities(p: NDArray, pIsNdarray: boolean, popSize: number, texts: ChoiceTexts): Float64Array {
  if (p.ndim === 0) throw typeError('len() of unsized object');
  const d = p.shape[0];
  let atol = Math.sqrt(2.220446049250313e-16);
  if (pIsNdarray && p.dtype === 'float32') atol = Math.max(atol, Math.fround(Math.sqrt(Math.fround(2 ** -23))));
  const vals = Float64Array.from(p.toArray());
  if (p.ndim !== 1) throw valueError(texts.pNdim);
  if (p.size !== popSize) throw valueError(texts.pSize);
  const pSum = kahanSum(vals.subarray(0, d));
  if (Number.isNaN(pSum)) throw valueError('probabilities contain NaN');
  if (vals.some((v) => v < 0)) throw valueError('probabilities are not non-negative');
  if (Math.abs(pSum - 1.0) > atol) throw valueError('probabilities do not sum to 1');
  return vals;
}

/** replace=True with p: one uniform per output, mapped through the normalized cdf. */
export function indicesFromCdf(p: Float64Array, uniforms: ArrayLike<number>): number[] {
  const cdf = normalizedCdf(p);
  return Array.from(uniforms, (u) => searchsortedRight(cdf, u));
}

/**
 * replace=False with p: draw `size - found` uniforms, zero the found entries of p, map
 * through the cdf, keep first occurrences of new indices; repeat until `size` are found.
 */
export function uniqueIndicesFromP(p0: Float64Array, size: number, uniforms: (n: number) => ArrayLike<number>): number[] {
  if (p0.reduce((n, v) => n + (v > 0 ? 1 : 0), 0) < size) throw valueError('Fewer non-zero entries in p than size');
  const p = Float64Array.from(p0);
  const found: number[] = [];
  while (found.length < size) {
    const x = uniforms(size - found.length);
    for (const f of found) p[f] = 0;
    const cdf = normalizedCdf(p);
    const fresh = distinctInOrder(Array.from(x, (u) => searchsortedRight(cdf, u)));
    found.push(...fresh);
  }
  return found;
}

/** In-place Fisher–Yates over axis 0 of an array: `j = random_interval(i)` for i = n-1 … 1. */
export function shuffleArray(bg: BitGenerator, a: NDArray): void {
  if (a.ndim === 0) throw typeError('len() of unsized object');
  if (!a.writeable) throw valueError('array is read-only');
  const n = a.shape[0];
  if (a.size === 0) return;
  for (let i = n - 1; i >= 1; i--) {
    const j = randomInterval(bg, i);
    if (i !== j) swapItems(a, i, j);
  }
}

/** The untyped path: a Python list shuffled in place (`x[i], x[j] = x[j], x[i]`). */
export function shuffleList(bg: BitGenerator, x: unknown[]): void {
  for (let i = x.length - 1; i >= 1; i--) {
    const j = randomInterval(bg, i);
    const t = x[i];
    x[i] = x[j];
    x[j] = t;
  }
}

export function notImplemented(msg: string): NumpyError {
  return new NumpyError('NotImplementedError', msg);
}
