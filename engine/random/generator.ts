// Generator: NumPy 1.24's modern API (numpy/random/_generator.pyx) over a BitGenerator
// (PCG64 from `default_rng(seed)`, or MT19937): random (float64/float32), integers (Lemire,
// endpoint=), standard_normal/normal (ziggurat), uniform, choice (Floyd's algorithm or a
// tail shuffle for replace=False, then shuffle=True), permutation/shuffle with axis,
// binomial and poisson. Arguments arrive converted from Python values (pycall.ts);
// results follow the engine's Python value model (PyFloat, number, NpScalar, NDArray).

import { allocateFloat64 } from '../core/dtype';
import { NDArray } from '../core/ndarray';
import { NumpyError, typeError, valueError } from '../core/errors';
import { NpScalar, PyFloat } from '../core/scalar';
import { arange } from '../ops/creation';
import { copy, swapaxes } from '../ops/manipulation';
import { normalizeAxis } from '../shape/axes';
import { unwrap } from '../shape/result';
import { BitGenerator } from './bitGenerator';
import { MT19937 } from './mt19937';
import { PCG64 } from './pcg64';
import {
  anyPair, asArray, checkHypergeometricSum, broadcastLoop, checkArrayConstraint, checkConstraint, checkOutput, cont, contAffineBulk, disc, emptyOut, fillOut, FloatParam, isScalarParam,
  locScale, overflowError, POISSON_LAM_MAX, prodOf, scalarOf, Size, subtract, triangularCont,
} from './common';
import {
  binomial, BinomialState, boundedLemireIndex, fillStandardNormal, newBinomialState, nextFloat, poisson, standardNormal, standardNormalF,
} from './distributions';
import {
  geometric, gumbel, laplace, logistic, rayleigh, standardExponential, standardExponentialF, standardExponentialInv, standardExponentialInvF, triangular,
} from './continuous';
import { beta, chisquare, dirichletFill, fDist, generatorSource, standardCauchy, standardGamma, standardGammaF, standardT, wald, weibull } from './gamma';
import { IntDType, IntParam, randBounded } from './integers';
import { exp } from './libm';
import { hypergeometric } from './hypergeometric';
import { logseries, pareto, power, zipf } from './powerLaw';
import { int64Array, lenOf, takeAlong } from './arrays';
import { checkProbabilities, indicesFromCdf, notImplemented, shuffleArray, shuffleList, uniqueIndicesFromP } from './sampling';

export type FloatDType = 'float32' | 'float64';

const fr = Math.fround;

export class Generator {
  readonly binomialState: BinomialState = newBinomialState();

  constructor(readonly bitGenerator: PCG64 | MT19937) {}

  private get bg(): BitGenerator { return this.bitGenerator; }

  /** `random(size=None, dtype=np.float64, out=None)`: 53-bit doubles, or 24-bit float32 values. */
  random(size: Size, dtype: FloatDType = 'float64', outArg: unknown = null): PyFloat | NDArray {
    const bg = this.bg;
    const draw = dtype === 'float64' ? () => bg.nextDouble() : () => nextFloat(bg);
    if (outArg !== null) return fillOut(checkOutput(outArg, dtype, size, false), draw);
    if (size === null) return new PyFloat(draw());
    const out = emptyOut(size, dtype);
    const d = out.data;
    // float64: the bit generator's bulk fill (the same next_double draws, in order)
    if (dtype === 'float64') bg.fillDoubles(d as Float64Array, d.length);
    else for (let i = 0; i < d.length; i++) d[i] = draw();
    return out;
  }

  /**
   * `integers(low, high=None, size=None, dtype=np.int64, endpoint=False)`: Lemire's method.
   * `pyScalar`: dtype was Python's `int`/`bool`, so size=None gives a Python value.
   */
  integers(low: IntParam, high: IntParam | null, size: Size, dtype: IntDType, endpoint: boolean, pyScalar: boolean): number | boolean | NpScalar | NDArray {
    let lo = low, hi = high;
    if (hi === null) { hi = lo; lo = 0; }
    const r = randBounded(this.bg, lo, hi, size, dtype, false, endpoint);
    if (size === null && pyScalar && r instanceof NpScalar) return dtype === 'bool' ? r.value !== 0 : r.value;
    return r;
  }

  /** `standard_normal(size=None, dtype=np.float64, out=None)`: the ziggurat. */
  standardNormal(size: Size, dtype: FloatDType = 'float64', outArg: unknown = null): PyFloat | NDArray {
    const bg = this.bg;
    if (outArg !== null) return fillOut(checkOutput(outArg, dtype, size, false), dtype === 'float64' ? () => standardNormal(bg) : () => standardNormalF(bg));
    if (size === null) return new PyFloat(dtype === 'float64' ? standardNormal(bg) : standardNormalF(bg));
    const out = emptyOut(size, dtype);
    if (dtype === 'float64') fillStandardNormal(bg, out.data as Float64Array);
    else fillStandardNormalF(bg, out.data as Float32Array);
    return out;
  }

  /** `normal(loc=0.0, scale=1.0, size=None)`: loc + scale * ziggurat normal. */
  normal(loc: FloatParam, scale: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg;
    return contAffineBulk(size, loc, scale, (d) => fillStandardNormal(bg, d))
      ?? cont(size, [{ value: loc, name: '', cons: 'none' }, { value: scale, name: 'scale', cons: 'non_negative' }],
        (a) => a[0] + a[1] * standardNormal(bg));
  }

  /** `uniform(low=0.0, high=1.0, size=None)`: high < low is an error here, unlike RandomState. */
  uniform(low: FloatParam, high: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg;
    if (isScalarParam(low) && isScalarParam(high)) {
      const lo = scalarOf(low), rng = scalarOf(high) - lo;
      if (!Number.isFinite(rng)) throw overflowError('high - low range exceeds valid bounds');
      return cont(size, [{ value: lo, name: '', cons: 'none' }, { value: rng, name: 'high - low', cons: 'non_negative' }],
        (a) => a[0] + a[1] * bg.nextDouble());
    }
    const alow = asArray(low), ahigh = asArray(high);
    const range = subtract(ahigh, alow);
    if (!range.toArray().every(Number.isFinite)) throw overflowError('Range exceeds valid bounds');
    checkArrayConstraint(range, 'high - low', 'non_negative');
    return broadcastLoop(size, [alow, range], 'float64', (a) => a[0] + a[1] * bg.nextDouble());
  }

  /**
   * `choice(a, size=None, replace=True, p=None, axis=0, shuffle=True)`. `a` is `np.array(a)`;
   * `aTypeName` is the Python type of the original `a` for the error text.
   */
  choice(a: NDArray, aTypeName: string, size: Size, replace: boolean, p: NDArray | null, pIsNdarray: boolean,
    axis: number, shuffle: boolean): unknown {
    let popSize: number;
    if (a.ndim === 0) {
      if (a.dtype === 'float32' || a.dtype === 'float64') {
        throw valueError(`a must be a sequence or an integer, not <class '${aTypeName}'>`);
      }
      popSize = a.data[a.offset];
      if (popSize <= 0 && prodOf(size) !== 0) throw valueError('a must be a positive integer unless no samples are taken');
    } else {
      // `a.shape[axis]`: Python tuple indexing, so a bad axis is an IndexError here
      const k = axis < 0 ? axis + a.ndim : axis;
      if (k < 0 || k >= a.ndim) throw new NumpyError('IndexError', 'tuple index out of range');
      popSize = a.shape[k];
      if (popSize === 0 && prodOf(size) !== 0) throw valueError('a cannot be empty unless no samples are taken');
    }
    const pv = p === null ? null : checkProbabilities(p, pIsNdarray, popSize, {
      pNdim: 'p must be 1-dimensional', pSize: 'a and p must have same size',
    });
    const isScalar = size === null;
    const shape = size ?? [];
    const n = prodOf(size);
    let idx: NDArray;
    if (replace) {
      if (pv !== null) {
        const u = this.random(shape) as NDArray;
        idx = int64Array(shape, indicesFromCdf(pv, u.toArray()));
      } else {
        idx = randBounded(this.bg, 0, popSize, shape, 'int64', false, false) as NDArray;
      }
    } else {
      if (n > popSize) throw valueError('Cannot take a larger sample than population when replace is False');
      if (n < 0) throw valueError('negative dimensions are not allowed');
      if (pv !== null) {
        idx = int64Array(shape, uniqueIndicesFromP(pv, n, (k) => (this.random([k]) as NDArray).toArray()));
      } else {
        idx = int64Array(shape, this.sampleWithoutReplacement(popSize, n, shuffle));
      }
    }
    if (isScalar) {
      const i = idx.data[idx.offset];
      return a.ndim === 0 ? i : takeAlong(a, i, unwrap(normalizeAxis(axis, a.ndim)));
    }
    if (a.ndim === 0) return idx;
    const ax = unwrap(normalizeAxis(axis, a.ndim));
    if (idx.ndim === 0) {
      const r = takeAlong(a, idx.data[0], ax);
      if (r instanceof NpScalar) {
        const res = emptyOut([], a.dtype);
        res.data[0] = r.value;
        return res;
      }
      return r;
    }
    return takeAlong(a, idx, ax);
  }

  /** replace=False without p: a tail shuffle of arange for large draws, else Floyd's algorithm. */
  private sampleWithoutReplacement(popSize: number, size: number, shuffle: boolean): number[] {
    const bg = this.bg;
    const cutoff = shuffle ? 50 : 20;
    if (popSize > 10000 && size > Math.floor(popSize / cutoff)) {
      const idx = allocateFloat64(popSize);
      for (let i = 0; i < popSize; i++) idx[i] = i;
      shuffleInt(bg, idx, popSize, Math.max(popSize - size, 1));
      return Array.from(idx.subarray(popSize - size));
    }
    const out = allocateFloat64(size);
    const mask = hashMask(Math.trunc(1.2 * size));
    const setSize = mask + 1;
    const hashSet = allocateFloat64(setSize).fill(-1);
    for (let j = popSize - size; j < popSize; j++) {
      const val = boundedLemireIndex(bg, j);
      let loc = val % setSize;
      while (hashSet[loc] !== -1 && hashSet[loc] !== val) loc = (loc + 1) % setSize;
      if (hashSet[loc] === -1) {
        hashSet[loc] = val;
        out[j - popSize + size] = val;
      } else {
        loc = j % setSize;
        while (hashSet[loc] !== -1) loc = (loc + 1) % setSize;
        hashSet[loc] = j;
        out[j - popSize + size] = j;
      }
    }
    if (shuffle) shuffleInt(bg, out, size, 1);
    return Array.from(out);
  }

  /** `permutation(x, axis=0)`. */
  permutation(x: number | NDArray, xIsInt: boolean, axis: number): NDArray {
    if (xIsInt) {
      const arr = arange(x as number);
      shuffleArray(this.bg, arr);
      return arr;
    }
    const arr = x as NDArray;
    const ax = unwrap(normalizeAxis(axis, arr.ndim));
    if (arr.ndim === 1) {
      const c = copy(arr);
      shuffleArray(this.bg, c);
      return c;
    }
    const idx = arange(arr.shape[ax]);
    shuffleArray(this.bg, idx);
    return takeAlong(arr, idx, ax) as NDArray;
  }

  /** `shuffle(x, axis=0)` in place: an ndarray along `axis`, or a Python list (axis 0 only). */
  shuffle(x: NDArray | unknown[], axis: number): null {
    if (x instanceof NDArray) {
      lenOf(x);
      if (!x.writeable) throw valueError('array is read-only');
      const ax = unwrap(normalizeAxis(axis, x.ndim));
      shuffleArray(this.bg, ax === 0 ? x : swapaxes(x, 0, ax));
      return null;
    }
    if (axis !== 0) throw notImplemented('Axis argument is only supported on ndarray objects');
    shuffleList(this.bg, x);
    return null;
  }

  /** `binomial(n, p, size=None)`: n == 0 or p == 0 give 0 without a draw. */
  binomial(n: FloatParam, p: FloatParam, size: Size): number | NDArray {
    const bg = this.bg, st = this.binomialState;
    if (isScalarParam(n) && isScalarParam(p)) {
      const dp = scalarOf(p), dn = Math.trunc(scalarOf(n));
      checkConstraint(dp, 'p', 'bounded_0_1');
      checkConstraint(dn, 'n', 'non_negative');
      if (size === null) return binomial(bg, dp, dn, st, false);
      const out = emptyOut(size, 'int64');
      for (let i = 0; i < out.data.length; i++) out.data[i] = binomial(bg, dp, dn, st, false);
      return out;
    }
    const pa = asArray(p), na = asArray(n);
    checkArrayConstraint(pa, 'p', 'bounded_0_1');
    checkArrayConstraint(na, 'n', 'non_negative');
    return broadcastLoop(size, [pa, na], 'int64', (v) => binomial(bg, v[0], Math.trunc(v[1]), st, false));
  }

  /** `poisson(lam=1.0, size=None)`. */
  poisson(lam: FloatParam, size: Size): number | NDArray {
    const bg = this.bg;
    return disc(size, [{ value: lam, name: 'lam', cons: 'poisson' }], (a) => poisson(bg, a[0]));
  }

  /** `standard_exponential(size=None, dtype=np.float64, method='zig', out=None)`: any method but 'zig' inverts. */
  standardExponential(size: Size, dtype: FloatDType, method: string, outArg: unknown = null): PyFloat | NDArray {
    const bg = this.bg;
    const zig = method === 'zig';
    const draw = dtype === 'float64' ? (zig ? standardExponential : standardExponentialInv) : (zig ? standardExponentialF : standardExponentialInvF);
    if (outArg !== null) return fillOut(checkOutput(outArg, dtype, size, false), () => draw(bg));
    if (size === null) return new PyFloat(draw(bg));
    const out = emptyOut(size, dtype);
    const d = out.data;
    for (let i = 0; i < d.length; i++) d[i] = draw(bg);
    return out;
  }

  /** `exponential(scale=1.0, size=None)`: scale * the ziggurat exponential. */
  exponential(scale: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg;
    return cont(size, [{ value: scale, name: 'scale', cons: 'non_negative' }], (a) => a[0] * standardExponential(bg));
  }

  /** `lognormal(mean=0.0, sigma=1.0, size=None)`: exp(mean + sigma * ziggurat normal), glibc's exp. */
  lognormal(mean: FloatParam, sigma: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg;
    return cont(size, [{ value: mean, name: 'mean', cons: 'none' }, { value: sigma, name: 'sigma', cons: 'non_negative' }],
      (a) => exp(a[0] + a[1] * standardNormal(bg)));
  }

  /**
   * `standard_gamma(shape, size=None, dtype=np.float64, out=None)`: float32 converts shape to
   * float32 and runs the float sampler (`cont_f`); `out` must be C-contiguous here.
   */
  standardGamma(shape: FloatParam, size: Size, dtype: FloatDType, outArg: unknown = null): PyFloat | NDArray {
    const bg = this.bg;
    const src = generatorSource(bg);
    const out = outArg === null ? null : checkOutput(outArg, dtype, size, true);
    const f32 = dtype === 'float32';
    const draw = f32 ? (a: readonly number[]) => standardGammaF(bg, fr(a[0])) : (a: readonly number[]) => standardGamma(src, a[0]);
    if (isScalarParam(shape)) {
      const v = f32 ? fr(scalarOf(shape)) : scalarOf(shape);
      checkConstraint(v, 'shape', 'non_negative');
      if (out !== null) return fillOut(out, () => draw([v]));
      if (size === null) return new PyFloat(draw([v]));
      const res = emptyOut(size, dtype);
      for (let i = 0; i < res.data.length; i++) res.data[i] = draw([v]);
      return res;
    }
    const arr = asArray(shape);
    checkArrayConstraint(arr, 'shape', 'non_negative');
    if (out === null) return broadcastLoop(size, [arr], dtype, draw);
    // cont_broadcast_1 with out: the parameter broadcast against out's shape, into out
    const res = broadcastLoop(out.shape, [arr], dtype, draw);
    out.data.set(res.data, out.offset);
    return out;
  }

  /** `gamma(shape, scale=1.0, size=None)`: scale * standard_gamma(shape). */
  gamma(shape: FloatParam, scale: FloatParam, size: Size): PyFloat | NDArray {
    const src = generatorSource(this.bg);
    return cont(size, [{ value: shape, name: 'shape', cons: 'non_negative' }, { value: scale, name: 'scale', cons: 'non_negative' }],
      (a) => a[1] * standardGamma(src, a[0]));
  }

  /** `beta(a, b, size=None)`. */
  beta(a: FloatParam, b: FloatParam, size: Size): PyFloat | NDArray {
    const src = generatorSource(this.bg);
    return cont(size, [{ value: a, name: 'a', cons: 'positive' }, { value: b, name: 'b', cons: 'positive' }],
      (v) => beta(src, v[0], v[1], false));
  }

  /** `chisquare(df, size=None)`. */
  chisquare(df: FloatParam, size: Size): PyFloat | NDArray {
    const src = generatorSource(this.bg);
    return cont(size, [{ value: df, name: 'df', cons: 'positive' }], (a) => chisquare(src, a[0]));
  }

  /** `f(dfnum, dfden, size=None)`. */
  f(dfnum: FloatParam, dfden: FloatParam, size: Size): PyFloat | NDArray {
    const src = generatorSource(this.bg);
    return cont(size, [{ value: dfnum, name: 'dfnum', cons: 'positive' }, { value: dfden, name: 'dfden', cons: 'positive' }],
      (a) => fDist(src, a[0], a[1]));
  }

  /** `standard_t(df, size=None)`. */
  standardT(df: FloatParam, size: Size): PyFloat | NDArray {
    const src = generatorSource(this.bg);
    return cont(size, [{ value: df, name: 'df', cons: 'positive' }], (a) => standardT(src, a[0]));
  }

  /** `standard_cauchy(size=None)`. */
  standardCauchy(size: Size): PyFloat | NDArray {
    const src = generatorSource(this.bg);
    return cont(size, [], () => standardCauchy(src));
  }

  /** `weibull(a, size=None)`. */
  weibull(a: FloatParam, size: Size): PyFloat | NDArray {
    const src = generatorSource(this.bg);
    return cont(size, [{ value: a, name: 'a', cons: 'non_negative' }], (v) => weibull(src, v[0]));
  }

  /** `rayleigh(scale=1.0, size=None)`. */
  rayleigh(scale: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg;
    return cont(size, [{ value: scale, name: 'scale', cons: 'non_negative' }], (a) => rayleigh(bg, a[0]));
  }

  /** `triangular(left, mode, right, size=None)`. */
  triangular(left: FloatParam, mode: FloatParam, right: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg;
    return triangularCont(size, left, mode, right, (l, m, r) => triangular(bg, l, m, r));
  }

  /**
   * `hypergeometric(ngood, nbad, nsample, size=None)`: int64 draws; ngood and nbad below
   * 10**9 (HYPERGEOM_MAX), checked first, then the sum, then each count >= 0.
   */
  hypergeometric(ngood: FloatParam, nbad: FloatParam, nsample: FloatParam, size: Size): number | NDArray {
    const bg = this.bg;
    const max = 1e9;
    const tooBig = [ngood, nbad].some((x) => (isScalarParam(x) ? scalarOf(x) >= max : asArray(x).toArray().flat(Infinity).some((v) => (v as number) >= max)));
    if (tooBig) throw valueError(`both ngood and nbad must be less than ${max}`);
    checkHypergeometricSum(ngood, nbad, nsample);
    return disc(size, [{ value: ngood, name: 'ngood', cons: 'non_negative' }, { value: nbad, name: 'nbad', cons: 'non_negative' },
      { value: nsample, name: 'nsample', cons: 'non_negative' }], (a) => hypergeometric(bg, a[0], a[1], a[2]));
  }

  /** `pareto(a, size=None)`. */
  pareto(a: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg;
    return cont(size, [{ value: a, name: 'a', cons: 'positive' }], (v) => pareto(bg, v[0]));
  }

  /** `power(a, size=None)`. */
  power(a: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg;
    return cont(size, [{ value: a, name: 'a', cons: 'positive' }], (v) => power(bg, v[0]));
  }

  /** `zipf(a, size=None)`: int64 draws. */
  zipf(a: FloatParam, size: Size): number | NDArray {
    const bg = this.bg;
    return disc(size, [{ value: a, name: 'a', cons: 'gt_1' }], (v) => zipf(bg, v[0]));
  }

  /** `logseries(p, size=None)`: int64 draws. */
  logseries(p: FloatParam, size: Size): number | NDArray {
    const bg = this.bg;
    return disc(size, [{ value: p, name: 'p', cons: 'bounded_lt_0_1' }], (v) => logseries(bg, v[0]));
  }

  /** `geometric(p, size=None)`: int64 draws. */
  geometric(p: FloatParam, size: Size): number | NDArray {
    const bg = this.bg;
    return disc(size, [{ value: p, name: 'p', cons: 'bounded_gt_0_1' }], (a) => geometric(bg, a[0]));
  }

  /** `wald(mean, scale, size=None)`. */
  wald(mean: FloatParam, scale: FloatParam, size: Size): PyFloat | NDArray {
    const src = generatorSource(this.bg);
    return cont(size, [{ value: mean, name: 'mean', cons: 'positive' }, { value: scale, name: 'scale', cons: 'positive' }],
      (a) => wald(src, a[0], a[1]));
  }

  /** `dirichlet(alpha, size=None)`: `alpha` is the 1-d float64 parameter; rows of len(alpha) values. */
  dirichlet(alpha: NDArray, size: Size): NDArray {
    const k = alpha.size;
    const a = Float64Array.from(alpha.toArray());
    if (a.some((v) => v <= 0)) throw valueError('alpha <= 0');
    const out = emptyOut([...(size ?? []), k], 'float64');
    // alpha.max() < 0.1, with max propagating NaN as NumPy's does
    const stickBreaking = k > 0 && a.reduce((m, v) => Math.max(m, v), -Infinity) < 0.1;
    dirichletFill(generatorSource(this.bg), a, out.data as Float64Array, stickBreaking);
    return out;
  }

  /** `negative_binomial(n, p, size=None)`: poisson(gamma(n, (1 - p) / p)), refusing a poisson lam beyond its limit. */
  negativeBinomial(n: FloatParam, p: FloatParam, size: Size): number | NDArray {
    const src = generatorSource(this.bg), bg = this.bg;
    const tooLarge = (nv: number, pv: number): boolean => (1 - pv) / pv * (nv + 10 * Math.sqrt(nv)) > POISSON_LAM_MAX;
    const msg = 'n too large or p too small, see Generator.negative_binomial Notes';
    if (isScalarParam(n) && isScalarParam(p)) {
      checkConstraint(scalarOf(n), 'n', 'positive_not_nan');
      checkConstraint(scalarOf(p), 'p', 'bounded_gt_0_1');
      if (tooLarge(scalarOf(n), scalarOf(p))) throw valueError(msg);
    } else {
      const na = asArray(n), pa = asArray(p);
      checkArrayConstraint(na, 'n', 'positive_not_nan');
      checkArrayConstraint(pa, 'p', 'bounded_gt_0_1');
      // (1 - p) / p * (n + 10 * sqrt(n)): p first, for the ufunc's broadcast error
      if (anyPair(pa, na, (pv, nv) => tooLarge(nv, pv))) throw valueError(msg);
    }
    return disc(size, [{ value: n, name: 'n', cons: 'none' }, { value: p, name: 'p', cons: 'none' }],
      (a) => poisson(bg, (1 - a[1]) / a[1] * standardGamma(src, a[0])));
  }

  /** `laplace(loc=0.0, scale=1.0, size=None)`. */
  laplace(loc: FloatParam, scale: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg;
    return cont(size, locScale(loc, scale), (a) => laplace(bg, a[0], a[1]));
  }

  /** `gumbel(loc=0.0, scale=1.0, size=None)`. */
  gumbel(loc: FloatParam, scale: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg;
    return cont(size, locScale(loc, scale), (a) => gumbel(bg, a[0], a[1]));
  }

  /** `logistic(loc=0.0, scale=1.0, size=None)`. */
  logistic(loc: FloatParam, scale: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg;
    return cont(size, locScale(loc, scale), (a) => logistic(bg, a[0], a[1]));
  }
}

// One monomorphic loop per output type (float64's is distributions.ts fillStandardNormal): a
// shared loop over a closure and a union of typed arrays ran several times slower than the draws.
function fillStandardNormalF(bg: BitGenerator, d: Float32Array): void {
  for (let i = 0; i < d.length; i++) d[i] = standardNormalF(bg);
}

/** `_gen_mask(n)`: the smallest 2**k - 1 >= n. */
function hashMask(n: number): number {
  let m = 0;
  while (m < n) m = m * 2 + 1;
  return m;
}

/** `_shuffle_int`: Fisher–Yates from n-1 down to `first` with Lemire-bounded draws. */
function shuffleInt(bg: BitGenerator, data: Float64Array, n: number, first: number): void {
  for (let i = n - 1; i >= first; i--) {
    const j = boundedLemireIndex(bg, i);
    const t = data[j];
    data[j] = data[i];
    data[i] = t;
  }
}

/** Errors Generator methods raise for unsupported dtypes (NumPy's %r of the dtype). */
export function unsupportedDtype(dtype: string, method: string): NumpyError {
  return typeError(`Unsupported dtype dtype('${dtype}') for ${method}`);
}
