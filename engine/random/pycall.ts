// np.random's Python-call surface: `np.random.<name>(...)` on the global RandomState, and
// methods/attributes of RandomState, Generator and bit generators, taking Python values as
// engine/pycall.ts does (integer number = int, PyFloat, PyTuple, JS array = list, NDArray;
// also bigint for big ints, Map for a dict). dtype 'int'/'bool'/'float' name Python's
// builtins (size=None then gives a Python scalar where NumPy does); 'int64', 'bool_', …
// name NumPy types. Converts (pycallArgs.ts) and dispatches only: algorithms live in
// legacy.ts/generator.ts and the sampler files.

import { DType, parseDType } from '../core/dtype';
import { NDArray } from '../core/ndarray';
import { NumpyError, typeError } from '../core/errors';
import { NpScalar, PyFloat } from '../core/scalar';
import { PyTuple } from '../core/pyvalues';
import { FloatParam, emptyOut, Size } from './common';
import { IntDType, IntParam } from './integers';
import { LegacySeed, PyDict, RandomState } from './legacy';
import { FloatDType, Generator, unsupportedDtype } from './generator';
import { PCG64 } from './pcg64';
import { MT19937 } from './mt19937';
import { checkEntropy, Entropy, SeedSequence } from './seedSequence';
import { generatorMultinomial, legacyMultinomial } from './multinomial';
import {
  isSeq, itemsOf, pyRepr, pyTypeName, toCountParam, toFloatParam, toInt, toIntParam, toIntp, toNdarray, toPvals, toSize,
} from './pycallArgs';

export type PyArgs = readonly unknown[];
export type PyKwargs = Readonly<Record<string, unknown>>;

/** The objects np.random hands out. */
export type RandomObject = RandomState | Generator | PCG64 | MT19937;

export function isRandomObject(x: unknown): x is RandomObject {
  return x instanceof RandomState || x instanceof Generator || x instanceof PCG64 || x instanceof MT19937;
}

let globalState: RandomState | undefined;

/** `np.random.mtrand._rand`, created (from OS entropy, as NumPy does) on first use. */
export function globalRandomState(): RandomState {
  globalState ??= new RandomState();
  return globalState;
}

const INT_DTYPES: readonly string[] = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64'];

/** A dtype argument → the NumPy dtype, and whether it named a Python builtin type. */
function toDtype(x: unknown, fallback: string): { dtype: DType; builtin: boolean; name: string } {
  const name = x === undefined || x === null ? fallback : x;
  if (typeof name !== 'string') throw typeError(`Cannot interpret '${pyRepr(name)}' as a data type`);
  const builtin = name === 'int' || name === 'bool' || name === 'float';
  const dtype = parseDType(name);
  if (!dtype) throw typeError(`data type '${name}' not understood`);
  return { dtype, builtin, name };
}

function toBool(x: unknown): boolean {
  if (x instanceof NpScalar) return x.value !== 0;
  if (x instanceof PyFloat) return x.value !== 0;
  if (x instanceof NDArray) return x.size > 0 && x.data[x.offset] !== 0;
  if (isSeq(x)) return itemsOf(x).length > 0;
  return Boolean(x);
}

/** `p=` for choice: the values and whether p was an ndarray (its dtype sets the tolerance). */
function toP(x: unknown): { p: NDArray | null; isNdarray: boolean } {
  if (x === undefined || x === null) return { p: null, isNdarray: false };
  if (x instanceof NDArray) return { p: x, isNdarray: true };
  if (isSeq(x)) return { p: toNdarray(x, 'float64'), isNdarray: false };
  // `d = len(p)` comes first
  throw typeError(`object of type '${pyTypeName(x)}' has no len()`);
}

/** dirichlet's `alpha`: len(alpha), then a 1-d float64 array (PyArray_FROMANY(alpha, NPY_DOUBLE, 1, 1)). */
function toAlpha(x: unknown): NDArray {
  if (!(x instanceof NDArray) && !isSeq(x)) throw typeError(`object of type '${pyTypeName(x)}' has no len()`);
  const a = toNdarray(x, 'float64');
  if (a.ndim === 0) throw typeError('len() of unsized object');
  if (a.ndim > 1) throw new NumpyError('ValueError', 'object too deep for desired array');
  return a;
}

/** `x` for permutation: is it a Python/NumPy integer (then arange(x))? */
function isPyInt(x: unknown): boolean {
  return (typeof x === 'number' && Number.isInteger(x)) || typeof x === 'bigint' || typeof x === 'boolean'
    || (x instanceof NpScalar && x.dtype !== 'float32' && x.dtype !== 'float64');
}

function toSeed(x: unknown): LegacySeed {
  if (x === undefined || x === null) return null;
  if (typeof x === 'number' && !Number.isInteger(x)) return toNdarray(x, 'float64');
  if (x instanceof PyFloat) return toNdarray(x.value, 'float64');
  if (x instanceof NpScalar) return toNdarray(x.value, x.dtype);
  if (x instanceof PyTuple) return [...x.items];
  return x as LegacySeed;
}

function toEntropy(x: unknown): Entropy | null {
  if (x instanceof NpScalar && x.dtype !== 'float32' && x.dtype !== 'float64') return x.value;
  if (x instanceof NDArray) return x.toArray();
  if (x instanceof PyTuple) return itemsOf(x).map((e) => (e instanceof PyTuple ? toEntropy(e) : e)) as Entropy;
  if (x instanceof PyFloat || x instanceof NpScalar) {
    throw typeError(`SeedSequence expects int or sequence of ints for entropy not ${pyRepr(x)}`);
  }
  if (typeof x === 'boolean') return x ? 1 : 0;
  return checkEntropy(x);
}

/** `default_rng(seed)` / `PCG64(seed)` / `MT19937(seed)`: a SeedSequence from Python entropy. */
function seedSequenceOf(x: unknown): SeedSequence {
  if (x instanceof SeedSequence) return x;
  return new SeedSequence(toEntropy(x ?? null));
}

// ---- binding -------------------------------------------------------------------------------

type Params = Record<string, unknown>;
/**
 * `required`: how many leading params Cython requires (its "takes at least N positional
 * arguments"); `single`: a one-argument RandomState method (METH_O: exactly one positional).
 */
interface Sig { readonly params: readonly string[]; readonly varargs?: boolean; readonly required?: number; readonly single?: boolean }

/** Binds Python args to parameter names; a varargs signature (rand/randn) takes positionals only. */
function bind(name: string, sig: Sig, args: PyArgs, kwargs: PyKwargs): { p: Params; rest: PyArgs } {
  const p: Params = {};
  if (sig.single) {
    if (Object.keys(kwargs).length > 0) throw typeError(`RandomState.${name}() takes no keyword arguments`);
    if (args.length !== 1) throw typeError(`RandomState.${name}() takes exactly one argument (${args.length} given)`);
  }
  if (!sig.varargs && args.length > sig.params.length) {
    throw typeError(`${name}() takes at most ${sig.params.length} positional arguments (${args.length} given)`);
  }
  const n = Math.min(args.length, sig.params.length);
  for (let i = 0; i < n; i++) p[sig.params[i]] = args[i];
  for (const [k, v] of Object.entries(kwargs)) {
    if (sig.varargs || !sig.params.includes(k)) throw typeError(`${name}() got an unexpected keyword argument '${k}'`);
    if (k in p) throw typeError(`${name}() got multiple values for keyword argument '${k}'`);
    p[k] = v;
  }
  const need = sig.required ?? 0;
  if (need > 0 && sig.params.slice(0, need).some((k) => !(k in p))) {
    throw typeError(`${name}() takes at least ${need} positional argument${need > 1 ? 's' : ''} (${args.length} given)`);
  }
  return { p, rest: sig.varargs ? args : [] };
}

function required(name: string, p: Params, key: string): unknown {
  if (!(key in p)) throw typeError(`${name}() missing required positional argument '${key}'`);
  return p[key];
}

const floatOr = (x: unknown, dflt: number): FloatParam => (x === undefined ? dflt : toFloatParam(x));
const intOrNull = (x: unknown): IntParam | null => (x === undefined || x === null ? null : toIntParam(x));

function intDtypeOf(x: unknown, fallback: string, method: string): { dtype: IntDType; builtin: boolean } {
  const d = toDtype(x, fallback);
  if (!INT_DTYPES.includes(d.dtype)) throw unsupportedDtype(d.dtype, method);
  return { dtype: d.dtype as IntDType, builtin: d.builtin && d.name !== 'float' };
}

function floatDtypeOf(x: unknown, method: string): FloatDType {
  const d = toDtype(x, 'float64');
  if (d.dtype !== 'float64' && d.dtype !== 'float32') throw unsupportedDtype(d.dtype, method);
  return d.dtype;
}

function shuffleTarget(x: unknown): NDArray | unknown[] {
  if (x instanceof NDArray || Array.isArray(x)) return x as NDArray | unknown[];
  if (x instanceof PyTuple) {
    if (x.items.length > 1) throw typeError("'tuple' object does not support item assignment");
    return [...x.items];
  }
  throw typeError(`object of type '${pyTypeName(x)}' has no len()`);
}

/** RandomState's methods; the module-level functions are these, bound to the global state. */
type LegacyImpl = (rs: RandomState, p: Params, rest: PyArgs) => unknown;
const legacyMethods: Record<string, Sig & { impl: LegacyImpl }> = {
  seed: { params: ['seed'], impl: (rs, p) => { rs.seed(toSeed(p.seed)); return null; } },
  get_state: { params: ['legacy'], impl: (rs, p) => rs.getState(p.legacy === undefined ? true : toBool(p.legacy)) },
  set_state: { params: ['state'], single: true, impl: (rs, p) => rs.setState(required('set_state', p, 'state')) },
  random_sample: { params: ['size'], impl: (rs, p) => rs.randomSample(toSize(p.size)) },
  random: { params: ['size'], impl: (rs, p) => rs.randomSample(toSize(p.size)) },
  sample: { params: ['size'], impl: (rs, p) => rs.randomSample(toSize(p.size)) },
  ranf: { params: ['size'], impl: (rs, p) => rs.randomSample(toSize(p.size)) },
  rand: { params: [], varargs: true, impl: (rs, _p, rest) => rs.randomSample(rest.length === 0 ? null : rest.map(toInt)) },
  randn: { params: [], varargs: true, impl: (rs, _p, rest) => rs.standardNormal(rest.length === 0 ? null : rest.map(toInt)) },
  standard_normal: { params: ['size'], impl: (rs, p) => rs.standardNormal(toSize(p.size)) },
  normal: { params: ['loc', 'scale', 'size'], impl: (rs, p) => rs.normal(floatOr(p.loc, 0), floatOr(p.scale, 1), toSize(p.size)) },
  uniform: { params: ['low', 'high', 'size'], impl: (rs, p) => rs.uniform(floatOr(p.low, 0), floatOr(p.high, 1), toSize(p.size)) },
  randint: {
    params: ['low', 'high', 'size', 'dtype'], required: 1,
    impl: (rs, p) => {
      const d = intDtypeOf(p.dtype, 'int', 'randint');
      return rs.randint(toIntParam(required('randint', p, 'low')), intOrNull(p.high), toSize(p.size), d.dtype, d.builtin);
    },
  },
  random_integers: {
    params: ['low', 'high', 'size'], required: 1,
    impl: (rs, p) => {
      const low = toIntParam(required('random_integers', p, 'low'));
      const [lo, hi] = p.high === undefined || p.high === null ? [1, low] : [low, toIntParam(p.high)];
      const hiPlus = hi instanceof NDArray ? hi : typeof hi === 'bigint' ? hi + 1n : Math.trunc(hi) + 1;
      return rs.randint(lo, hiPlus, toSize(p.size), 'int64', false);
    },
  },
  choice: {
    params: ['a', 'size', 'replace', 'p'], required: 1,
    impl: (rs, p) => {
      const { p: pv, isNdarray } = toP(p.p);
      return rs.choice(toNdarray(required('choice', p, 'a')), toSize(p.size), p.replace === undefined ? true : toBool(p.replace), pv, isNdarray);
    },
  },
  permutation: {
    params: ['x'], single: true,
    impl: (rs, p) => {
      const x = required('permutation', p, 'x');
      return isPyInt(x) ? rs.permutation(toInt(x), true) : rs.permutation(toNdarray(x), false);
    },
  },
  shuffle: { params: ['x'], single: true, impl: (rs, p) => rs.shuffle(shuffleTarget(required('shuffle', p, 'x'))) },
  binomial: {
    params: ['n', 'p', 'size'], required: 2,
    impl: (rs, p) => rs.binomial(toFloatParam(required('binomial', p, 'n')), toFloatParam(required('binomial', p, 'p')), toSize(p.size)),
  },
  poisson: { params: ['lam', 'size'], impl: (rs, p) => rs.poisson(floatOr(p.lam, 1), toSize(p.size)) },
  standard_exponential: { params: ['size'], impl: (rs, p) => rs.standardExponential(toSize(p.size)) },
  exponential: { params: ['scale', 'size'], impl: (rs, p) => rs.exponential(floatOr(p.scale, 1), toSize(p.size)) },
  standard_gamma: {
    params: ['shape', 'size'], required: 1,
    impl: (rs, p) => rs.standardGamma(toFloatParam(required('standard_gamma', p, 'shape')), toSize(p.size)),
  },
  gamma: {
    params: ['shape', 'scale', 'size'], required: 1,
    impl: (rs, p) => rs.gamma(toFloatParam(required('gamma', p, 'shape')), floatOr(p.scale, 1), toSize(p.size)),
  },
  beta: {
    params: ['a', 'b', 'size'], required: 2,
    impl: (rs, p) => rs.beta(toFloatParam(required('beta', p, 'a')), toFloatParam(required('beta', p, 'b')), toSize(p.size)),
  },
  chisquare: { params: ['df', 'size'], required: 1, impl: (rs, p) => rs.chisquare(toFloatParam(p.df), toSize(p.size)) },
  f: {
    params: ['dfnum', 'dfden', 'size'], required: 2,
    impl: (rs, p) => rs.f(toFloatParam(p.dfnum), toFloatParam(p.dfden), toSize(p.size)),
  },
  standard_t: { params: ['df', 'size'], required: 1, impl: (rs, p) => rs.standardT(toFloatParam(p.df), toSize(p.size)) },
  standard_cauchy: { params: ['size'], impl: (rs, p) => rs.standardCauchy(toSize(p.size)) },
  weibull: { params: ['a', 'size'], required: 1, impl: (rs, p) => rs.weibull(toFloatParam(p.a), toSize(p.size)) },
  rayleigh: { params: ['scale', 'size'], impl: (rs, p) => rs.rayleigh(floatOr(p.scale, 1), toSize(p.size)) },
  triangular: {
    params: ['left', 'mode', 'right', 'size'], required: 3,
    impl: (rs, p) => rs.triangular(toFloatParam(p.left), toFloatParam(p.mode), toFloatParam(p.right), toSize(p.size)),
  },
  geometric: { params: ['p', 'size'], required: 1, impl: (rs, p) => rs.geometric(toFloatParam(p.p), toSize(p.size)) },
  hypergeometric: {
    params: ['ngood', 'nbad', 'nsample', 'size'], required: 3,
    impl: (rs, p) => rs.hypergeometric(toCountParam(p.ngood), toCountParam(p.nbad), toCountParam(p.nsample), toSize(p.size)),
  },
  multinomial: { params: ['n', 'pvals', 'size'], required: 2, impl: (rs, p) => legacyMultinomial(rs.bg, rs.binomialState, toIntp(p.n), toPvals(p.pvals), toSize(p.size)) },
  pareto: { params: ['a', 'size'], required: 1, impl: (rs, p) => rs.pareto(toFloatParam(p.a), toSize(p.size)) },
  power: { params: ['a', 'size'], required: 1, impl: (rs, p) => rs.power(toFloatParam(p.a), toSize(p.size)) },
  zipf: { params: ['a', 'size'], required: 1, impl: (rs, p) => rs.zipf(toFloatParam(p.a), toSize(p.size)) },
  logseries: { params: ['p', 'size'], required: 1, impl: (rs, p) => rs.logseries(toFloatParam(p.p), toSize(p.size)) },
  wald: {
    params: ['mean', 'scale', 'size'], required: 2,
    impl: (rs, p) => rs.wald(toFloatParam(p.mean), toFloatParam(p.scale), toSize(p.size)),
  },
  dirichlet: { params: ['alpha', 'size'], required: 1, impl: (rs, p) => rs.dirichlet(toAlpha(p.alpha), toSize(p.size)) },
  negative_binomial: {
    params: ['n', 'p', 'size'], required: 2,
    impl: (rs, p) => rs.negativeBinomial(toFloatParam(p.n), toFloatParam(p.p), toSize(p.size)),
  },
  lognormal: { params: ['mean', 'sigma', 'size'], impl: (rs, p) => rs.lognormal(floatOr(p.mean, 0), floatOr(p.sigma, 1), toSize(p.size)) },
  laplace: { params: ['loc', 'scale', 'size'], impl: (rs, p) => rs.laplace(floatOr(p.loc, 0), floatOr(p.scale, 1), toSize(p.size)) },
  gumbel: { params: ['loc', 'scale', 'size'], impl: (rs, p) => rs.gumbel(floatOr(p.loc, 0), floatOr(p.scale, 1), toSize(p.size)) },
  logistic: { params: ['loc', 'scale', 'size'], impl: (rs, p) => rs.logistic(floatOr(p.loc, 0), floatOr(p.scale, 1), toSize(p.size)) },
};

type GenImpl = (g: Generator, p: Params) => unknown;
const generatorMethods: Record<string, Sig & { impl: GenImpl }> = {
  random: {
    params: ['size', 'dtype', 'out'],
    impl: (g, p) => g.random(toSize(p.size), floatDtypeOf(p.dtype, 'random'), p.out ?? null),
  },
  integers: {
    params: ['low', 'high', 'size', 'dtype', 'endpoint'], required: 1,
    impl: (g, p) => {
      const d = intDtypeOf(p.dtype, 'int64', 'integers');
      return g.integers(toIntParam(required('integers', p, 'low')), intOrNull(p.high), toSize(p.size), d.dtype,
        p.endpoint === undefined ? false : toBool(p.endpoint), d.builtin);
    },
  },
  standard_normal: {
    params: ['size', 'dtype', 'out'],
    impl: (g, p) => g.standardNormal(toSize(p.size), floatDtypeOf(p.dtype, 'standard_normal'), p.out ?? null),
  },
  normal: { params: ['loc', 'scale', 'size'], impl: (g, p) => g.normal(floatOr(p.loc, 0), floatOr(p.scale, 1), toSize(p.size)) },
  uniform: { params: ['low', 'high', 'size'], impl: (g, p) => g.uniform(floatOr(p.low, 0), floatOr(p.high, 1), toSize(p.size)) },
  choice: {
    params: ['a', 'size', 'replace', 'p', 'axis', 'shuffle'], required: 1,
    impl: (g, p) => {
      const a = required('choice', p, 'a');
      const { p: pv, isNdarray } = toP(p.p);
      return g.choice(toNdarray(a), pyTypeName(a), toSize(p.size), p.replace === undefined ? true : toBool(p.replace), pv, isNdarray,
        p.axis === undefined ? 0 : toInt(p.axis), p.shuffle === undefined ? true : toBool(p.shuffle));
    },
  },
  permutation: {
    params: ['x', 'axis'], required: 1,
    impl: (g, p) => {
      const x = required('permutation', p, 'x');
      const axis = p.axis === undefined ? 0 : toInt(p.axis);
      return isPyInt(x) ? g.permutation(toInt(x), true, axis) : g.permutation(toNdarray(x), false, axis);
    },
  },
  shuffle: {
    params: ['x', 'axis'], required: 1,
    impl: (g, p) => g.shuffle(shuffleTarget(required('shuffle', p, 'x')), p.axis === undefined ? 0 : toInt(p.axis)),
  },
  binomial: {
    params: ['n', 'p', 'size'], required: 2,
    impl: (g, p) => g.binomial(toFloatParam(required('binomial', p, 'n')), toFloatParam(required('binomial', p, 'p')), toSize(p.size)),
  },
  poisson: { params: ['lam', 'size'], impl: (g, p) => g.poisson(floatOr(p.lam, 1), toSize(p.size)) },
  standard_exponential: {
    params: ['size', 'dtype', 'method', 'out'],
    impl: (g, p) => {
      const dtype = floatDtypeOf(p.dtype, 'standard_exponential');
      return g.standardExponential(toSize(p.size), dtype, p.method === undefined ? 'zig' : String(p.method), p.out ?? null);
    },
  },
  exponential: { params: ['scale', 'size'], impl: (g, p) => g.exponential(floatOr(p.scale, 1), toSize(p.size)) },
  standard_gamma: {
    params: ['shape', 'size', 'dtype', 'out'], required: 1,
    impl: (g, p) => {
      const shape = toFloatParam(required('standard_gamma', p, 'shape'));
      return g.standardGamma(shape, toSize(p.size), floatDtypeOf(p.dtype, 'standard_gamma'), p.out ?? null);
    },
  },
  gamma: {
    params: ['shape', 'scale', 'size'], required: 1,
    impl: (g, p) => g.gamma(toFloatParam(required('gamma', p, 'shape')), floatOr(p.scale, 1), toSize(p.size)),
  },
  beta: {
    params: ['a', 'b', 'size'], required: 2,
    impl: (g, p) => g.beta(toFloatParam(required('beta', p, 'a')), toFloatParam(required('beta', p, 'b')), toSize(p.size)),
  },
  chisquare: { params: ['df', 'size'], required: 1, impl: (g, p) => g.chisquare(toFloatParam(p.df), toSize(p.size)) },
  f: {
    params: ['dfnum', 'dfden', 'size'], required: 2,
    impl: (g, p) => g.f(toFloatParam(p.dfnum), toFloatParam(p.dfden), toSize(p.size)),
  },
  standard_t: { params: ['df', 'size'], required: 1, impl: (g, p) => g.standardT(toFloatParam(p.df), toSize(p.size)) },
  standard_cauchy: { params: ['size'], impl: (g, p) => g.standardCauchy(toSize(p.size)) },
  weibull: { params: ['a', 'size'], required: 1, impl: (g, p) => g.weibull(toFloatParam(p.a), toSize(p.size)) },
  rayleigh: { params: ['scale', 'size'], impl: (g, p) => g.rayleigh(floatOr(p.scale, 1), toSize(p.size)) },
  triangular: {
    params: ['left', 'mode', 'right', 'size'], required: 3,
    impl: (g, p) => g.triangular(toFloatParam(p.left), toFloatParam(p.mode), toFloatParam(p.right), toSize(p.size)),
  },
  geometric: { params: ['p', 'size'], required: 1, impl: (g, p) => g.geometric(toFloatParam(p.p), toSize(p.size)) },
  hypergeometric: {
    params: ['ngood', 'nbad', 'nsample', 'size'], required: 3,
    impl: (g, p) => g.hypergeometric(toCountParam(p.ngood), toCountParam(p.nbad), toCountParam(p.nsample), toSize(p.size)),
  },
  multinomial: { params: ['n', 'pvals', 'size'], required: 2, impl: (g, p) => generatorMultinomial(g.bitGenerator, g.binomialState, toCountParam(p.n), toPvals(p.pvals), toSize(p.size)) },
  pareto: { params: ['a', 'size'], required: 1, impl: (g, p) => g.pareto(toFloatParam(p.a), toSize(p.size)) },
  power: { params: ['a', 'size'], required: 1, impl: (g, p) => g.power(toFloatParam(p.a), toSize(p.size)) },
  zipf: { params: ['a', 'size'], required: 1, impl: (g, p) => g.zipf(toFloatParam(p.a), toSize(p.size)) },
  logseries: { params: ['p', 'size'], required: 1, impl: (g, p) => g.logseries(toFloatParam(p.p), toSize(p.size)) },
  wald: {
    params: ['mean', 'scale', 'size'], required: 2,
    impl: (g, p) => g.wald(toFloatParam(p.mean), toFloatParam(p.scale), toSize(p.size)),
  },
  dirichlet: { params: ['alpha', 'size'], required: 1, impl: (g, p) => g.dirichlet(toAlpha(p.alpha), toSize(p.size)) },
  negative_binomial: {
    params: ['n', 'p', 'size'], required: 2,
    impl: (g, p) => g.negativeBinomial(toFloatParam(p.n), toFloatParam(p.p), toSize(p.size)),
  },
  lognormal: { params: ['mean', 'sigma', 'size'], impl: (g, p) => g.lognormal(floatOr(p.mean, 0), floatOr(p.sigma, 1), toSize(p.size)) },
  laplace: { params: ['loc', 'scale', 'size'], impl: (g, p) => g.laplace(floatOr(p.loc, 0), floatOr(p.scale, 1), toSize(p.size)) },
  gumbel: { params: ['loc', 'scale', 'size'], impl: (g, p) => g.gumbel(floatOr(p.loc, 0), floatOr(p.scale, 1), toSize(p.size)) },
  logistic: { params: ['loc', 'scale', 'size'], impl: (g, p) => g.logistic(floatOr(p.loc, 0), floatOr(p.scale, 1), toSize(p.size)) },
};

/** `np.random.default_rng(seed=None)`. */
function defaultRng(seed: unknown): Generator {
  if (seed instanceof Generator) return seed;
  if (seed instanceof PCG64 || seed instanceof MT19937) return new Generator(seed);
  return new Generator(new PCG64(seedSequenceOf(seed)));
}

function mt19937Of(seed: unknown): MT19937 {
  const bg = new MT19937();
  bg.seedFromSequence(seedSequenceOf(seed));
  return bg;
}

/** Module-level names that are not RandomState methods. */
const MODULE: Record<string, Sig & { impl: (p: Params) => unknown }> = {
  default_rng: { params: ['seed'], impl: (p) => defaultRng(p.seed) },
  RandomState: {
    params: ['seed'],
    impl: (p) => new RandomState(p.seed instanceof MT19937 ? p.seed : toSeed(p.seed)),
  },
  Generator: {
    params: ['bit_generator'],
    impl: (p) => {
      const bg = required('Generator', p, 'bit_generator');
      if (!(bg instanceof PCG64 || bg instanceof MT19937)) throw typeError('Invalid bit generator. The bit generator must be instantiated.');
      return new Generator(bg);
    },
  },
  PCG64: { params: ['seed'], impl: (p) => new PCG64(seedSequenceOf(p.seed)) },
  MT19937: { params: ['seed'], impl: (p) => mt19937Of(p.seed) },
  SeedSequence: { params: ['entropy'], impl: (p) => new SeedSequence(toEntropy(p.entropy ?? null)) },
};

/**
 * `np.random.<name>(*args, **kwargs)`. Throws NumpyError with NumPy's text on bad input.
 *
 *   callRandom('seed', [0]); callRandom('rand', [])           → PyFloat(0.5488135039273248)
 *   callRandom('randint', [0, 10, new PyTuple([2, 3])])       → int64 NDArray, shape [2, 3]
 *   callRandom('randint', [5])                                → a Python int (a number)
 *   callRandomMethod(callRandom('default_rng', [0]), 'integers', [5]) → NpScalar('int64', 4)
 */
export function callRandom(name: string, args: PyArgs, kwargs: PyKwargs = {}): unknown {
  const m = MODULE[name];
  if (m) return m.impl(bind(name, m, args, kwargs).p);
  const lm = legacyMethods[name];
  if (lm) {
    const { p, rest } = bind(name, lm, args, kwargs);
    return lm.impl(globalRandomState(), p, rest);
  }
  throw new NumpyError('AttributeError', `module 'numpy.random' has no attribute '${name}'`);
}

export function hasRandomFunction(name: string): boolean {
  return name in MODULE || name in legacyMethods;
}

/** `obj.<name>(*args, **kwargs)` on a RandomState, Generator or bit generator. */
export function callRandomMethod(obj: unknown, name: string, args: PyArgs, kwargs: PyKwargs = {}): unknown {
  if (obj instanceof RandomState) {
    const lm = legacyMethods[name];
    if (!lm) throw new NumpyError('AttributeError', `'numpy.random.mtrand.RandomState' object has no attribute '${name}'`);
    const { p, rest } = bind(name, lm, args, kwargs);
    return lm.impl(obj, p, rest);
  }
  if (obj instanceof Generator) {
    const gm = generatorMethods[name];
    if (!gm) throw new NumpyError('AttributeError', `'numpy.random._generator.Generator' object has no attribute '${name}'`);
    return gm.impl(obj, bind(name, gm, args, kwargs).p);
  }
  if (obj instanceof PCG64 || obj instanceof MT19937) {
    if (name !== 'random_raw') {
      throw new NumpyError('AttributeError', `'${obj.name}' object has no attribute '${name}'`);
    }
    const { p } = bind(name, { params: ['size', 'output'] }, args, kwargs);
    return randomRaw(obj, toSize(p.size), p.output === undefined ? true : toBool(p.output));
  }
  throw typeError(`'${pyTypeName(obj)}' is not a numpy.random object`);
}

/** `bit_generator.random_raw(size=None, output=True)`: raw uint64 words (MT19937: 32-bit). */
function randomRaw(bg: PCG64 | MT19937, size: Size, output: boolean): unknown {
  const draw = (): number => {
    if (bg instanceof MT19937) return bg.randomRaw();
    const o = { hi: 0, lo: 0 };
    bg.next64(o);
    return o.hi * 4294967296 + o.lo;
  };
  if (size === null) { const v = draw(); return output ? v : null; }
  const out = emptyOut(size, 'uint64');
  for (let i = 0; i < out.data.length; i++) out.data[i] = draw();
  return output ? out : null;
}

/** `obj.<name>` for attributes: Generator.bit_generator, the bit generators' `state`. */
export function getRandomAttribute(obj: unknown, name: string): unknown {
  if (obj instanceof Generator && name === 'bit_generator') return obj.bitGenerator;
  if (obj instanceof PCG64 && name === 'state') {
    const s = obj.getState();
    return new Map<string, unknown>([
      ['bit_generator', 'PCG64'],
      ['state', new Map<string, unknown>([['state', s.state], ['inc', s.inc]])],
      ['has_uint32', s.hasUint32],
      ['uinteger', s.uinteger],
    ]) as PyDict;
  }
  if (obj instanceof MT19937 && name === 'state') {
    const { key, pos } = obj.getState();
    const keyArr = emptyOut([624], 'uint32');
    keyArr.data.set(key);
    return new Map<string, unknown>([
      ['bit_generator', 'MT19937'],
      ['state', new Map<string, unknown>([['key', keyArr], ['pos', pos]])],
    ]) as PyDict;
  }
  if (obj instanceof RandomState && name === '_bit_generator') return obj.bg;
  throw new NumpyError('AttributeError', `'${pyTypeName(obj)}' object has no attribute '${name}'`);
}

