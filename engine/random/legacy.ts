// RandomState: NumPy 1.24's legacy generator (numpy/random/mtrand.pyx) over MT19937, with
// the legacy algorithms whose streams NumPy freezes: 53-bit doubles, the polar gaussian
// with its cached second value, masked-rejection randint, choice/permutation/shuffle with
// random_interval, legacy binomial and poisson. Arguments arrive already converted from
// Python values (engine/random/pycall.ts); results use the engine's Python value model:
// PyFloat for a Python float, number for a Python int, NpScalar for a NumPy scalar.

import { cStrides, NDArray } from '../core/ndarray';
import { NumpyError, indexError, typeError, valueError } from '../core/errors';
import { NestedList, NpScalar, Operand, PyFloat } from '../core/scalar';
import { PyTuple } from '../core/pyvalues';
import { arange, asarray } from '../ops/creation';
import { copy } from '../ops/manipulation';
import { MT19937 } from './mt19937';
import { SeedSequence } from './seedSequence';
import {
  asArray, broadcastLoop, checkArrayConstraint, checkHypergeometricSum, checkConstraint, cont, contAffineBulk, disc, emptyOut, FloatParam, isScalarParam,
  locScale, overflowError, prodOf, scalarOf, Size, subtract, triangularCont,
} from './common';
import { binomial, BinomialState, fillLegacyGauss, GaussState, legacyGauss, newBinomialState, poisson } from './distributions';
import { gumbel, laplace, legacyGeometric, legacyRayleigh, legacyStandardExponential, logistic, triangular } from './continuous';
import { beta, chisquare, dirichletFill, fDist, legacySource, standardCauchy, standardGamma, standardT, wald, weibull } from './gamma';
import { IntDType, IntParam, randBounded } from './integers';
import { exp } from './libm';
import { legacyHypergeometric } from './hypergeometric';
import { legacyLogseries, legacyPareto, legacyPower, zipf } from './powerLaw';
import { int64Array, lenOf, takeAlong } from './arrays';
import { checkProbabilities, indicesFromCdf, shuffleArray, shuffleList, uniqueIndicesFromP } from './sampling';

/** What `np.random.seed` / `RandomState(seed)` accept, after Python → engine conversion. */
export type LegacySeed = number | bigint | boolean | NDArray | readonly unknown[] | null;

/** A Python dict, as the engine models it. */
export type PyDict = Map<string, unknown>;

const MAX_SEED = 4294967295;

export class RandomState {
  readonly bg: MT19937;
  readonly gaussState: GaussState = { hasGauss: false, gauss: 0 };
  readonly binomialState: BinomialState = newBinomialState();

  /** `RandomState(seed=None)`; an MT19937 object is used (and shared) as is. */
  constructor(seed: LegacySeed | MT19937 = null) {
    if (seed instanceof MT19937) {
      this.bg = seed;
      return;
    }
    this.bg = new MT19937();
    if (seed === null) this.bg.seedFromSequence(new SeedSequence());
    else this.seed(seed);
  }

  /** `seed(seed=None)`: NumPy's `_legacy_seeding`, then the gaussian cache is cleared. */
  seed(seed: LegacySeed): void {
    legacySeeding(this.bg, seed);
    this.gaussState.hasGauss = false;
    this.gaussState.gauss = 0;
  }

  /** `get_state(legacy=True)`: ('MT19937', key, pos, has_gauss, cached_gaussian). */
  getState(legacy = true): PyTuple | PyDict {
    const { key, pos } = this.bg.getState();
    const keyArr = emptyOut([624], 'uint32');
    keyArr.data.set(key);
    const hasGauss = this.gaussState.hasGauss ? 1 : 0;
    const gauss = new PyFloat(this.gaussState.gauss);
    if (legacy) return new PyTuple(['MT19937', keyArr, pos, hasGauss, gauss]);
    return new Map<string, unknown>([
      ['bit_generator', 'MT19937'],
      ['state', new Map<string, unknown>([['key', keyArr], ['pos', pos]])],
      ['has_gauss', hasGauss],
      ['gauss', gauss],
    ]);
  }

  /** `set_state(state)` for the legacy tuple (or list) and the dict form. */
  setState(state: unknown): null {
    let key: unknown, pos: unknown, hasGauss: unknown = 0, gauss: unknown = 0;
    if (state instanceof Map) {
      if (!state.has('bit_generator') || !state.has('state')) throw valueError('state dictionary is not valid.');
      if (state.get('bit_generator') !== 'MT19937') throw valueError('state must be for a MT19937 PRNG');
      const inner = state.get('state') as Map<string, unknown>;
      key = inner.get('key');
      pos = inner.get('pos');
      if (state.has('gauss')) gauss = state.get('gauss');
      if (state.has('has_gauss')) hasGauss = state.get('has_gauss');
    } else {
      const items = state instanceof PyTuple ? state.items : Array.isArray(state) ? state : undefined;
      if (!items) throw typeError('state must be a dict or a tuple.');
      if (items[0] !== 'MT19937') throw valueError('set_state can only be used with legacy MT19937state instances.');
      key = items[1];
      pos = items[2];
      if (items.length > 3) { hasGauss = items[3]; gauss = items[4]; }
    }
    const keyVals = key instanceof NDArray ? key.toArray() : Array.isArray(key) ? key.map(Number) : [];
    if (keyVals.length < 624) throw indexError('index 624 is out of bounds for axis 0 with size ' + keyVals.length);
    this.gaussState.gauss = gauss instanceof PyFloat ? gauss.value : Number(gauss);
    this.gaussState.hasGauss = Number(hasGauss instanceof PyFloat ? hasGauss.value : hasGauss) !== 0;
    this.bg.setState(keyVals.map((v) => v >>> 0), Number(pos));
    return null;
  }

  /** `random_sample(size=None)` (also `random`, `rand`): 53-bit doubles in [0, 1). */
  randomSample(size: Size): PyFloat | NDArray {
    if (size === null) return new PyFloat(this.bg.nextDouble());
    const out = emptyOut(size, 'float64');
    // MT19937's bulk fill: the same next_double draws, in order
    this.bg.fillDoubles(out.data as Float64Array, out.data.length);
    return out;
  }

  /** `standard_normal(size=None)` (also `randn`): legacy polar gaussians. */
  standardNormal(size: Size): PyFloat | NDArray {
    const bg = this.bg, st = this.gaussState;
    if (size === null) return new PyFloat(legacyGauss(bg, st));
    const out = emptyOut(size, 'float64');
    fillLegacyGauss(bg, st, out.data as Float64Array);
    return out;
  }

  /** `normal(loc=0.0, scale=1.0, size=None)`: loc + scale * gauss. */
  normal(loc: FloatParam, scale: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg, st = this.gaussState;
    return contAffineBulk(size, loc, scale, (d) => fillLegacyGauss(bg, st, d))
      ?? cont(size, [{ value: loc, name: '', cons: 'none' }, { value: scale, name: 'scale', cons: 'non_negative' }],
        (a) => a[0] + a[1] * legacyGauss(bg, st));
  }

  /** `uniform(low=0.0, high=1.0, size=None)`: low + (high - low) * u. */
  uniform(low: FloatParam, high: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg;
    if (isScalarParam(low) && isScalarParam(high)) {
      const lo = scalarOf(low), range = scalarOf(high) - lo;
      if (!Number.isFinite(range)) throw overflowError('Range exceeds valid bounds');
      return cont(size, [{ value: lo, name: '', cons: 'none' }, { value: range, name: '', cons: 'none' }],
        (a) => a[0] + a[1] * bg.nextDouble());
    }
    const alow = asArray(low), ahigh = asArray(high);
    const range = subtract(ahigh, alow);
    if (!range.toArray().every(Number.isFinite)) throw overflowError('Range exceeds valid bounds');
    return broadcastLoop(size, [alow, range], 'float64', (a) => a[0] + a[1] * bg.nextDouble());
  }

  /**
   * `randint(low, high=None, size=None, dtype=int)`: masked rejection on [low, high).
   * `pyScalar` is true when dtype was Python's `int` or `bool`: size=None then gives a
   * Python int/bool instead of a NumPy scalar.
   */
  randint(low: IntParam, high: IntParam | null, size: Size, dtype: IntDType, pyScalar: boolean): number | boolean | NpScalar | NDArray {
    let lo = low, hi = high;
    if (hi === null) { hi = lo; lo = 0; }
    const r = randBounded(this.bg, lo, hi, size, dtype, true, false);
    if (size === null && pyScalar && r instanceof NpScalar) return dtype === 'bool' ? r.value !== 0 : r.value;
    return r;
  }

  /**
   * `choice(a, size=None, replace=True, p=None)`. `a` is `np.array(a)` (0-d for an int);
   * `pIsNdarray` says whether p was an ndarray (its float dtype widens the tolerance).
   */
  choice(a: NDArray, size: Size, replace: boolean, p: NDArray | null, pIsNdarray: boolean): unknown {
    let popSize: number;
    if (a.ndim === 0) {
      if (a.dtype === 'float32' || a.dtype === 'float64') throw valueError('a must be 1-dimensional or an integer');
      popSize = a.data[a.offset];
      if (popSize <= 0 && prodOf(size) !== 0) throw valueError('a must be greater than 0 unless no samples are taken');
    } else if (a.ndim !== 1) {
      throw valueError('a must be 1-dimensional');
    } else {
      popSize = a.shape[0];
      if (popSize === 0 && prodOf(size) !== 0) throw valueError("'a' cannot be empty unless no samples are taken");
    }
    const pv = p === null ? null : checkProbabilities(p, pIsNdarray, popSize, {
      pNdim: "'p' must be 1-dimensional", pSize: "'a' and 'p' must have same size",
    });
    const isScalar = size === null;
    const shape = size ?? [];
    const n = prodOf(size);
    let idx: NDArray;
    if (replace) {
      if (pv !== null) {
        const u = this.randomSample(shape) as NDArray;
        idx = int64Array(shape, indicesFromCdf(pv, u.toArray()));
      } else {
        idx = randBounded(this.bg, 0, popSize, shape, 'int64', true, false) as NDArray;
      }
    } else {
      if (n > popSize) throw valueError("Cannot take a larger sample than population when 'replace=False'");
      if (n < 0) throw valueError('Negative dimensions are not allowed');
      if (pv !== null) {
        idx = int64Array(shape, uniqueIndicesFromP(pv, n, (k) => (this.randomSample([k]) as NDArray).toArray()));
      } else {
        const perm = this.permutationOfInt(popSize);
        idx = int64Array(shape, perm.toArray().slice(0, n));
      }
    }
    if (isScalar) {
      const i = idx.data[idx.offset];
      return a.ndim === 0 ? i : takeAlong(a, i, 0);
    }
    if (a.ndim === 0) return idx;
    if (idx.ndim === 0) {
      const res = emptyOut([], a.dtype);
      res.data[0] = (takeAlong(a, idx.data[0], 0) as NpScalar).value;
      return res;
    }
    return takeAlong(a, idx, 0);
  }

  private permutationOfInt(n: number): NDArray {
    const arr = arange(n);
    shuffleArray(this.bg, arr);
    return arr;
  }

  /** `permutation(x)`: an int gives a shuffled arange; arrays are copied, then shuffled along axis 0. */
  permutation(x: number | NDArray, xIsInt: boolean): NDArray {
    if (xIsInt) return this.permutationOfInt(x as number);
    const arr = x as NDArray;
    if (arr.ndim < 1) throw indexError('x must be an integer or at least 1-dimensional');
    if (arr.ndim === 1) {
      const c = copy(arr);
      shuffleArray(this.bg, c);
      return c;
    }
    const idx = this.permutationOfInt(arr.shape[0]);
    return takeAlong(arr, idx, 0) as NDArray;
  }

  /** `shuffle(x)` in place: an ndarray along axis 0, or a Python list. */
  shuffle(x: NDArray | unknown[]): null {
    if (x instanceof NDArray) {
      lenOf(x);
      shuffleArray(this.bg, x);
    } else {
      shuffleList(this.bg, x);
    }
    return null;
  }

  /** `binomial(n, p, size=None)`: legacy BTPE/inversion, drawing even when n == 0. */
  binomial(n: FloatParam, p: FloatParam, size: Size): number | NDArray {
    const bg = this.bg, st = this.binomialState;
    if (isScalarParam(n) && isScalarParam(p)) {
      const dp = scalarOf(p), dn = Math.trunc(scalarOf(n));
      checkConstraint(dp, 'p', 'bounded_0_1');
      checkConstraint(dn, 'n', 'non_negative');
      if (size === null) return binomial(bg, dp, dn, st, true);
      const out = emptyOut(size, 'int64');
      for (let i = 0; i < out.data.length; i++) out.data[i] = binomial(bg, dp, dn, st, true);
      return out;
    }
    const pa = asArray(p), na = asArray(n);
    checkArrayConstraint(pa, 'p', 'bounded_0_1');
    checkArrayConstraint(na, 'n', 'non_negative');
    return broadcastLoop(size, [pa, na], 'int64', (v) => binomial(bg, v[0], Math.trunc(v[1]), st, true));
  }

  /** `poisson(lam=1.0, size=None)`: multiplication below lam = 10, PTRS above. */
  poisson(lam: FloatParam, size: Size): number | NDArray {
    const bg = this.bg;
    return disc(size, [{ value: lam, name: 'lam', cons: 'legacy_poisson' }], (a) => poisson(bg, a[0]));
  }

  /** `standard_exponential(size=None)`: -log(1 - U). */
  standardExponential(size: Size): PyFloat | NDArray {
    const bg = this.bg;
    return cont(size, [], () => legacyStandardExponential(bg));
  }

  /** `exponential(scale=1.0, size=None)`: scale * (-log(1 - U)). */
  exponential(scale: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg;
    return cont(size, [{ value: scale, name: 'scale', cons: 'non_negative' }], (a) => a[0] * legacyStandardExponential(bg));
  }

  /** `lognormal(mean=0.0, sigma=1.0, size=None)`: exp(mean + sigma * gauss), glibc's exp. */
  lognormal(mean: FloatParam, sigma: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg, st = this.gaussState;
    return cont(size, [{ value: mean, name: 'mean', cons: 'none' }, { value: sigma, name: 'sigma', cons: 'non_negative' }],
      (a) => exp(a[0] + a[1] * legacyGauss(bg, st)));
  }

  /** `standard_gamma(shape, size=None)`: the legacy draws (polar gaussian, -log(1 - U)). */
  standardGamma(shape: FloatParam, size: Size): PyFloat | NDArray {
    const src = legacySource(this.bg, this.gaussState);
    return cont(size, [{ value: shape, name: 'shape', cons: 'non_negative' }], (a) => standardGamma(src, a[0]));
  }

  /** `gamma(shape, scale=1.0, size=None)`: scale * legacy standard_gamma(shape). */
  gamma(shape: FloatParam, scale: FloatParam, size: Size): PyFloat | NDArray {
    const src = legacySource(this.bg, this.gaussState);
    return cont(size, [{ value: shape, name: 'shape', cons: 'non_negative' }, { value: scale, name: 'scale', cons: 'non_negative' }],
      (a) => a[1] * standardGamma(src, a[0]));
  }

  /** `beta(a, b, size=None)`: legacy_beta. */
  beta(a: FloatParam, b: FloatParam, size: Size): PyFloat | NDArray {
    const src = legacySource(this.bg, this.gaussState);
    return cont(size, [{ value: a, name: 'a', cons: 'positive' }, { value: b, name: 'b', cons: 'positive' }],
      (v) => beta(src, v[0], v[1], true));
  }

  /** `chisquare(df, size=None)`. */
  chisquare(df: FloatParam, size: Size): PyFloat | NDArray {
    const src = legacySource(this.bg, this.gaussState);
    return cont(size, [{ value: df, name: 'df', cons: 'positive' }], (a) => chisquare(src, a[0]));
  }

  /** `f(dfnum, dfden, size=None)`. */
  f(dfnum: FloatParam, dfden: FloatParam, size: Size): PyFloat | NDArray {
    const src = legacySource(this.bg, this.gaussState);
    return cont(size, [{ value: dfnum, name: 'dfnum', cons: 'positive' }, { value: dfden, name: 'dfden', cons: 'positive' }],
      (a) => fDist(src, a[0], a[1]));
  }

  /** `standard_t(df, size=None)`. */
  standardT(df: FloatParam, size: Size): PyFloat | NDArray {
    const src = legacySource(this.bg, this.gaussState);
    return cont(size, [{ value: df, name: 'df', cons: 'positive' }], (a) => standardT(src, a[0]));
  }

  /** `standard_cauchy(size=None)`. */
  standardCauchy(size: Size): PyFloat | NDArray {
    const src = legacySource(this.bg, this.gaussState);
    return cont(size, [], () => standardCauchy(src));
  }

  /** `weibull(a, size=None)`. */
  weibull(a: FloatParam, size: Size): PyFloat | NDArray {
    const src = legacySource(this.bg, this.gaussState);
    return cont(size, [{ value: a, name: 'a', cons: 'non_negative' }], (v) => weibull(src, v[0]));
  }

  /** `rayleigh(scale=1.0, size=None)`. */
  rayleigh(scale: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg;
    return cont(size, [{ value: scale, name: 'scale', cons: 'non_negative' }], (a) => legacyRayleigh(bg, a[0]));
  }

  /** `triangular(left, mode, right, size=None)`. */
  triangular(left: FloatParam, mode: FloatParam, right: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg;
    return triangularCont(size, left, mode, right, (l, m, r) => triangular(bg, l, m, r));
  }

  /** `hypergeometric(ngood, nbad, nsample, size=None)`: int64 draws; nsample >= 1. */
  hypergeometric(ngood: FloatParam, nbad: FloatParam, nsample: FloatParam, size: Size): number | NDArray {
    const bg = this.bg;
    checkHypergeometricSum(ngood, nbad, nsample);
    return disc(size, [{ value: ngood, name: 'ngood', cons: 'non_negative' }, { value: nbad, name: 'nbad', cons: 'non_negative' },
      { value: nsample, name: 'nsample', cons: 'gte_1' }], (a) => legacyHypergeometric(bg, a[0], a[1], a[2]));
  }

  /** `pareto(a, size=None)`. */
  pareto(a: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg;
    return cont(size, [{ value: a, name: 'a', cons: 'positive' }], (v) => legacyPareto(bg, v[0]));
  }

  /** `power(a, size=None)`. */
  power(a: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg;
    return cont(size, [{ value: a, name: 'a', cons: 'positive' }], (v) => legacyPower(bg, v[0]));
  }

  /** `zipf(a, size=None)`: int64 draws (random_zipf, as Generator's). */
  zipf(a: FloatParam, size: Size): number | NDArray {
    const bg = this.bg;
    return disc(size, [{ value: a, name: 'a', cons: 'gt_1' }], (v) => zipf(bg, v[0]));
  }

  /** `logseries(p, size=None)`: int64 draws. */
  logseries(p: FloatParam, size: Size): number | NDArray {
    const bg = this.bg;
    return disc(size, [{ value: p, name: 'p', cons: 'bounded_lt_0_1' }], (v) => legacyLogseries(bg, v[0]));
  }

  /** `geometric(p, size=None)`: int64 draws. */
  geometric(p: FloatParam, size: Size): number | NDArray {
    const bg = this.bg;
    return disc(size, [{ value: p, name: 'p', cons: 'bounded_gt_0_1' }], (a) => legacyGeometric(bg, a[0]));
  }

  /** `wald(mean, scale, size=None)`. */
  wald(mean: FloatParam, scale: FloatParam, size: Size): PyFloat | NDArray {
    const src = legacySource(this.bg, this.gaussState);
    return cont(size, [{ value: mean, name: 'mean', cons: 'positive' }, { value: scale, name: 'scale', cons: 'positive' }],
      (a) => wald(src, a[0], a[1]));
  }

  /** `dirichlet(alpha, size=None)`: `alpha` is the 1-d float64 parameter; rows of len(alpha) values. */
  dirichlet(alpha: NDArray, size: Size): NDArray {
    const k = alpha.size;
    const a = Float64Array.from(alpha.toArray());
    if (a.some((v) => v <= 0)) throw valueError('alpha <= 0');
    const out = emptyOut([...(size ?? []), k], 'float64');
    dirichletFill(legacySource(this.bg, this.gaussState), a, out.data as Float64Array, false);
    return out;
  }

  /** `negative_binomial(n, p, size=None)`: poisson(legacy gamma(n, (1 - p) / p)). */
  negativeBinomial(n: FloatParam, p: FloatParam, size: Size): number | NDArray {
    const src = legacySource(this.bg, this.gaussState), bg = this.bg;
    return disc(size, [{ value: n, name: 'n', cons: 'positive' }, { value: p, name: 'p', cons: 'bounded_0_1' }],
      (a) => poisson(bg, (1 - a[1]) / a[1] * standardGamma(src, a[0])));
  }

  /** `laplace(loc=0.0, scale=1.0, size=None)`: the same C sampler as Generator's. */
  laplace(loc: FloatParam, scale: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg;
    return cont(size, locScale(loc, scale), (a) => laplace(bg, a[0], a[1]));
  }

  /** `gumbel(loc=0.0, scale=1.0, size=None)`: the same C sampler as Generator's. */
  gumbel(loc: FloatParam, scale: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg;
    return cont(size, locScale(loc, scale), (a) => gumbel(bg, a[0], a[1]));
  }

  /** `logistic(loc=0.0, scale=1.0, size=None)`: the same C sampler as Generator's. */
  logistic(loc: FloatParam, scale: FloatParam, size: Size): PyFloat | NDArray {
    const bg = this.bg;
    return cont(size, locScale(loc, scale), (a) => logistic(bg, a[0], a[1]));
  }
}

/** A seed list for np.asarray: Python ints beyond 2**53 become (rounded) numbers. */
function toNested(x: unknown): Operand {
  if (Array.isArray(x)) return x.map(toNested) as NestedList;
  if (typeof x === 'bigint') return Number(x);
  return x as Operand;
}

/** `MT19937._legacy_seeding(seed)`. */
export function legacySeeding(bg: MT19937, seed0: LegacySeed): void {
  if (seed0 === null) {
    const val = new SeedSequence().generateState(624, 'uint32');
    bg.key.set(val);
    bg.key[0] = 0x80000000;
    return;
  }
  let seed: LegacySeed = seed0;
  if (seed instanceof NDArray) {
    // seed.squeeze(); a 0-d integer array then goes through operator.index
    const squeezed = asarray(seed.toArray(), seed.dtype);
    const shape = seed.shape.filter((d) => d !== 1);
    seed = new NDArray(squeezed.data, seed.dtype, shape, cStrides(shape), 0);
    if (seed.ndim === 0 && seed.dtype !== 'float32' && seed.dtype !== 'float64') {
      seed = seed.dtype === 'bool' ? seed.data[0] !== 0 : seed.data[0];
    }
  }
  if (typeof seed === 'boolean') seed = seed ? 1 : 0;
  if ((typeof seed === 'number' && Number.isInteger(seed)) || typeof seed === 'bigint') {
    if (seed > MAX_SEED || seed < 0) throw valueError('Seed must be between 0 and 2**32 - 1');
    bg.seedLegacy(Number(seed));
    return;
  }
  const obj = seed instanceof NDArray ? seed : asarray(toNested(seed));
  if (obj.size === 0) throw valueError('Seed must be non-empty');
  if (obj.dtype === 'float32' || obj.dtype === 'float64' || (obj.dtype === 'uint64' && obj.ndim > 0)) {
    const what = obj.ndim === 0 ? 'scalar' : 'array data';
    throw new NumpyError('TypeError', `Cannot cast ${what} from dtype('${obj.dtype}') to dtype('int64') according to the rule 'safe'`);
  }
  if (obj.ndim !== 1) throw valueError('Seed array must be 1-d');
  const vals = obj.toArray();
  if (vals.some((v) => v > MAX_SEED || v < 0)) throw valueError('Seed must be between 0 and 2**32 - 1');
  bg.initByArray(vals.map((v) => v >>> 0));
}
