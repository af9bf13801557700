// np.random's multinomial, transcribed from NumPy 1.24: random_multinomial
// (src/distributions/distributions.c, one random_binomial per category on the remaining
// count and probability; RandomState's legacy_random_multinomial is the same function, so it
// also uses Generator's binomial, n == 0 and p == 0 drawing nothing) and the two front ends:
// Generator.multinomial (_generator.pyx: n may be an array and pvals n-d, broadcast against
// each other) and RandomState.multinomial (mtrand.pyx: scalar n, 1-d pvals, d == 0 allowed).

import { NumpyError, typeError, valueError } from '../core/errors';
import { NDArray, sizeOf } from '../core/ndarray';
import { shapeTextTuple } from '../shape/dim';
import { broadcastShapesNamed } from '../shape/broadcast';
import { unwrap } from '../shape/result';
import { BitGenerator } from './bitGenerator';
import { broadcastOffsets, checkArrayConstraint, checkConstraint, emptyOut, FloatParam, kahanSum, Size } from './common';
import { binomial, BinomialState } from './distributions';

/** pvals as the samplers take it: float64 values, and the original array when it was a narrower float ndarray. */
export interface Pvals { readonly p: NDArray; readonly narrowFloat: NDArray | null }

/** `random_multinomial`: counts for d categories into out[at .. at + d) (zeros beforehand). */
function multinomialFill(bg: BitGenerator, n: number, pix: ArrayLike<number>, pAt: number, d: number,
  out: Float64Array, at: number, st: BinomialState): void {
  let remainingP = 1.0, dn = n;
  for (let j = 0; j < d - 1; j++) {
    out[at + j] = binomial(bg, pix[pAt + j] / remainingP, dn, st, false);
    dn -= out[at + j];
    if (dn <= 0) break;
    remainingP -= pix[pAt + j];
  }
  if (dn > 0) out[at + d - 1] = dn;
}

/** The `kahan_sum(pvals[..., :-1]) > 1 + 1e-12` check of each last-axis row, with NumPy's texts. */
function checkPvalsSums(pv: Pvals, vals: Float64Array, d: number): void {
  const sliceRepr = pv.p.ndim === 1 ? '[:-1]' : '[...,:-1]';
  for (let off = 0; off < vals.length; off += d) {
    if (kahanSum(vals.subarray(off, off + d - 1)) > 1.0 + 1e-12) {
      const nf = pv.narrowFloat;
      if (nf !== null && nf.toArray().flat(Infinity).reduce((s: number, v) => s + (v as number), 0) < 1.0001) {
        throw valueError(`sum(pvals${sliceRepr}.astype(np.float64)) > 1.0. The pvals array is cast to 64-bit floating point prior to checking the sum. Precision changes when casting may cause problems even if the sum of the original pvals is valid.`);
      }
      throw valueError(`sum(pvals${sliceRepr}) > 1.0`);
    }
  }
}

const contiguous = (a: NDArray): Float64Array => Float64Array.from(a.toArray().flat(Infinity) as number[]);

/** `Generator.multinomial(n, pvals, size=None)`. */
export function generatorMultinomial(bg: BitGenerator, st: BinomialState, n: FloatParam, pv: Pvals, size: Size): NDArray {
  const parr = pv.p;
  const ndim = parr.ndim;
  const d = ndim >= 1 ? parr.shape[ndim - 1] : 0;
  if (d === 0) {
    throw valueError('pvals must have at least 1 dimension and the last dimension of pvals must be greater than 0.');
  }
  checkArrayConstraint(parr, 'pvals', 'bounded_0_1');
  const pix = contiguous(parr);
  checkPvalsSums(pv, pix, d);
  if (typeof n !== 'number' && n.ndim === 0) n = n.data[n.offset];
  if (typeof n !== 'number' || ndim > 1) {
    const on = typeof n === 'number' ? emptyOut([], 'int64') : n;
    if (typeof n === 'number') on.data[0] = n;
    checkArrayConstraint(on, 'n', 'non_negative');
    const offShape = parr.shape.slice(0, ndim - 1);
    const offsets = emptyOut(offShape, 'int64');
    for (let i = 0; i < offsets.data.length; i++) offsets.data[i] = i * d;
    let itShape: number[];
    if (size === null) {
      itShape = unwrap(broadcastShapesNamed(on.shape, offShape)) as number[];
    } else {
      emptyOut(size, 'int8'); // np.empty(size, dtype=np.int8): its negative-size error first
      itShape = unwrap(broadcastShapesNamed(on.shape, offShape, size)) as number[];
      if (shapeTextTuple(itShape) !== shapeTextTuple(size)) {
        throw valueError(`Output size ${shapeTextTuple(size)} is not compatible with broadcast dimensions of inputs ${shapeTextTuple(itShape)}.`);
      }
    }
    const out = emptyOut([...itShape, d], 'int64');
    const o = out.data as Float64Array;
    o.fill(0);
    const [nOffs, pOffs] = broadcastOffsets(itShape, [on, offsets], false);
    for (let i = 0, m = sizeOf(itShape); i < m; i++) {
      multinomialFill(bg, Math.trunc(on.data[nOffs[i]]), pix, offsets.data[pOffs[i]], d, o, i * d, st);
    }
    return out;
  }
  return fillRows(bg, st, n, pix, d, size === null ? [d] : [...size, d]);
}

/** The scalar-n loop both front ends end with: zeros of `shape`, then one row per d. */
function fillRows(bg: BitGenerator, st: BinomialState, n: number, pix: Float64Array, d: number, shape: number[]): NDArray {
  const out = emptyOut(shape, 'int64');
  const o = out.data as Float64Array;
  o.fill(0);
  checkConstraint(n, 'n', 'non_negative');
  const rows = d === 0 ? 0 : Math.trunc(o.length / d);
  for (let i = 0; i < rows; i++) multinomialFill(bg, n, pix, 0, d, o, i * d, st);
  return out;
}

/** `RandomState.multinomial(n, pvals, size=None)`: n an integer, pvals 0- or 1-d. */
export function legacyMultinomial(bg: BitGenerator, st: BinomialState, n: number, pv: Pvals, size: Size): NDArray {
  const parr = pv.p;
  if (parr.ndim > 1) throw new NumpyError('ValueError', 'object too deep for desired array');
  if (parr.ndim === 0) throw typeError('pvals must be a 1-d sequence');
  const d = parr.size;
  const pix = contiguous(parr);
  checkArrayConstraint(parr, 'pvals', 'bounded_0_1');
  if (d > 0) checkPvalsSums(pv, pix, d);
  return fillRows(bg, st, n, pix, d, size === null ? [d] : [...size, d]);
}
