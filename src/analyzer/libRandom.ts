// Shape models of NumPy's random sampling: the legacy functions (`np.random.randn(3, 4)`,
// `np.random.normal(0, 1, size=5)`), the same methods on a `np.random.RandomState(seed)`
// object, and a `np.random.default_rng(seed)` Generator's (`rng.standard_normal((512, 784))`,
// `rng.integers(0, 10, size=512)`); also torch's randn/rand/randint/randperm. A sampler's
// result has the `size` shape, or without `size` the broadcast shape of its array parameters,
// or is a Python/NumPy scalar. Parameter lists follow NumPy 1.24's signatures. Does not model
// the bit generators (PCG64, MT19937) or report samplers' own argument errors.

import { DType } from '../../engine/core/dtype';
import { broadcastShapes } from '../../engine/shape/broadcast';
import { Dim, sym } from '../../engine/shape/dim';
import { normalizeAxis } from '../../engine/shape/axes';
import { CallArgs, CallContext } from './context';
import { arr, axisArg, dtypeArg, isArr, known, literalShape, Model, shapeArg, shapeFromVarargs } from './modelArgs';
import { AValue, FLOAT, int, NONE, UNKNOWN } from './values';

/** An object of a NumPy random class: its methods resolve to `PATH.method` models below. */
export const GENERATOR = 'numpy.random.Generator';
export const RANDOM_STATE = 'numpy.random.RandomState';

/** Binds positional then keyword arguments to a signature's names. */
function bind(a: CallArgs, params: readonly string[]): Map<string, AValue> {
  const m = new Map<string, AValue>();
  a.args.forEach((v, i) => { if (i < params.length) m.set(params[i], v); });
  for (const [k, v] of a.kwargs) m.set(k, v);
  return m;
}

/** Shape and dtype of an array-like parameter (array, number, nested list), null when unknowable. */
function paramShape(v: AValue): { shape: Dim[]; dtype: DType | null } | null {
  if (isArr(v)) return known(v.shape) ? { shape: [...v.shape], dtype: v.dtype } : null;
  const { shape, dtype } = literalShape(v);
  return shape ? { shape, dtype } : null;
}

const present = (v: AValue | undefined): v is AValue => v !== undefined && v.kind !== 'none';

/**
 * A distribution sampler: `size` gives the shape; without it, array parameters broadcast
 * (`rng.normal(np.zeros(3))` is (3,)) and scalar ones give one sample (a float, or for
 * integer distributions a NumPy int).
 */
function sampler(params: readonly string[], dflt: DType, dist: readonly string[], dtypeParam = false): Model {
  return (a, ctx) => {
    const p = bind(a, params);
    const explicit = dtypeParam ? dtypeArg(p.get('dtype')) : undefined;
    const dtype = explicit === undefined ? dflt : explicit;
    const size = p.get('size');
    if (present(size)) return arr('numpy', shapeArg(size), dtype, ctx);
    const shapes: Dim[][] = [];
    for (const name of dist) {
      const v = p.get(name);
      if (!present(v)) continue;
      const s = paramShape(v);
      if (!s) return isArr(v) ? arr('numpy', null, dtype, ctx) : UNKNOWN;
      // a 0-d array parameter counts as a scalar: one sample, a Python/NumPy scalar
      if (s.shape.length > 0) shapes.push(s.shape);
    }
    if (shapes.length === 0) return dtype === null ? UNKNOWN : dtype.startsWith('float') ? FLOAT : int(null);
    const r = broadcastShapes(...shapes);
    // a mismatch is NumPy's error, but with the sampler's own wording: stay silent
    return arr('numpy', r.ok ? r.value : null, dtype, ctx);
  };
}

/** Samplers whose parameters all broadcast: name → (signature, result dtype). */
const FLOAT_DISTS: Record<string, readonly string[]> = {
  normal: ['loc', 'scale', 'size'], uniform: ['low', 'high', 'size'], exponential: ['scale', 'size'],
  beta: ['a', 'b', 'size'], gamma: ['shape', 'scale', 'size'], lognormal: ['mean', 'sigma', 'size'],
  laplace: ['loc', 'scale', 'size'], logistic: ['loc', 'scale', 'size'], gumbel: ['loc', 'scale', 'size'],
  standard_gamma: ['shape', 'size'], chisquare: ['df', 'size'], standard_t: ['df', 'size'], weibull: ['a', 'size'],
  pareto: ['a', 'size'], power: ['a', 'size'], rayleigh: ['scale', 'size'], triangular: ['left', 'mode', 'right', 'size'],
  vonmises: ['mu', 'kappa', 'size'], wald: ['mean', 'scale', 'size'], f: ['dfnum', 'dfden', 'size'],
};
const INT_DISTS: Record<string, readonly string[]> = {
  binomial: ['n', 'p', 'size'], poisson: ['lam', 'size'], geometric: ['p', 'size'], negative_binomial: ['n', 'p', 'size'],
  hypergeometric: ['ngood', 'nbad', 'nsample', 'size'], zipf: ['a', 'size'], logseries: ['p', 'size'],
};

function distributions(): Record<string, Model> {
  const out: Record<string, Model> = {};
  for (const [name, params] of Object.entries(FLOAT_DISTS)) out[name] = sampler(params, 'float64', params.slice(0, -1));
  for (const [name, params] of Object.entries(INT_DISTS)) out[name] = sampler(params, 'int64', params.slice(0, -1));
  return out;
}

/** `choice(a, size, …, axis)`: `size` replaces the sampled axis of `a` (an int `a` is `arange(a)`). */
function choiceModel(params: readonly string[]): Model {
  return (a, ctx) => {
    const p = bind(a, params);
    const pop = p.get('a');
    const size = p.get('size');
    const sizeShape = present(size) ? shapeArg(size) : [];
    if (!pop) return UNKNOWN;
    let shape: Dim[], dtype: DType | null;
    if (pop.kind === 'int') { shape = [pop.value ?? sym('?')]; dtype = 'int64'; }
    else {
      const s = paramShape(pop);
      if (!s) return isArr(pop) ? arr('numpy', null, pop.dtype, ctx) : UNKNOWN;
      shape = s.shape; dtype = s.dtype;
    }
    const axisV = axisArg(p.get('axis'));
    if (axisV === null || Array.isArray(axisV) || shape.length === 0) return present(size) ? arr('numpy', null, dtype, ctx) : UNKNOWN;
    const ax = normalizeAxis(axisV ?? 0, shape.length);
    if (!ax.ok || sizeShape === null) return arr('numpy', null, dtype, ctx);
    const out = [...shape.slice(0, ax.value), ...sizeShape, ...shape.slice(ax.value + 1)];
    if (out.length > 0) return arr('numpy', out, dtype, ctx);
    return dtype === null ? UNKNOWN : dtype.startsWith('float') ? FLOAT : dtype === 'bool' ? UNKNOWN : int(null);
  };
}

/** `permutation(x)`: an int gives a shuffled `arange(x)`; an array a shuffled copy. */
const permutationModel: Model = (a, ctx) => {
  const x = a.args[0] ?? a.kwargs.get('x');
  if (x?.kind === 'int') return arr('numpy', [x.value ?? sym('?')], 'int64', ctx);
  if (!x) return UNKNOWN;
  const s = paramShape(x);
  return s ? arr('numpy', s.shape, s.dtype, ctx) : isArr(x) ? arr('numpy', null, x.dtype, ctx) : UNKNOWN;
};

/** `integers`/`randint`: `size` or the broadcast of array bounds; the dtype argument (`int` is int64 on Linux) or int64. */
const integersModel = (params: readonly string[]): Model => sampler(params, 'int64', ['low', 'high'], true);

/** `multivariate_normal(mean, cov, size)`, `dirichlet(alpha, size)`, `multinomial(n, pvals, size)`: size + (k,). */
function vectorSampler(params: readonly string[], vectorParam: string, dtype: DType): Model {
  return (a, ctx) => {
    const p = bind(a, params);
    const v = p.get(vectorParam);
    const s = v ? paramShape(v) : null;
    if (!s || s.shape.length !== 1) return arr('numpy', null, dtype, ctx);
    const size = p.get('size');
    const sizeShape = present(size) ? shapeArg(size) : [];
    return arr('numpy', sizeShape ? [...sizeShape, s.shape[0]] : null, dtype, ctx);
  };
}

/** `rand(3, 4)`/`randn(3, 4)`: varargs dims; no arguments gives one Python float. */
const varargsFloat: Model = (a, ctx) => (a.args.length === 0 ? FLOAT : arr('numpy', shapeFromVarargs(a.args), 'float64', ctx));

const NONE_MODEL: Model = () => NONE;

/** RandomState's methods, which are also the module-level `np.random.*` functions. */
const LEGACY: Record<string, Model> = {
  ...distributions(),
  seed: NONE_MODEL, shuffle: NONE_MODEL,
  rand: varargsFloat, randn: varargsFloat,
  random_sample: sampler(['size'], 'float64', []), random: sampler(['size'], 'float64', []),
  sample: sampler(['size'], 'float64', []), ranf: sampler(['size'], 'float64', []),
  standard_normal: sampler(['size'], 'float64', []), standard_exponential: sampler(['size'], 'float64', []),
  standard_cauchy: sampler(['size'], 'float64', []),
  randint: integersModel(['low', 'high', 'size', 'dtype']),
  random_integers: sampler(['low', 'high', 'size'], 'int64', ['low', 'high']),
  choice: choiceModel(['a', 'size', 'replace', 'p']),
  permutation: permutationModel,
  multivariate_normal: vectorSampler(['mean', 'cov', 'size'], 'mean', 'float64'),
  dirichlet: vectorSampler(['alpha', 'size'], 'alpha', 'float64'),
  multinomial: vectorSampler(['n', 'pvals', 'size'], 'pvals', 'int64'),
};

/** A Generator's methods (NumPy 1.24): float samplers take `dtype=` (float64/float32), `integers` has `endpoint`. */
const GENERATOR_METHODS: Record<string, Model> = {
  ...distributions(),
  shuffle: NONE_MODEL,
  random: sampler(['size', 'dtype', 'out'], 'float64', [], true),
  standard_normal: sampler(['size', 'dtype', 'out'], 'float64', [], true),
  standard_exponential: sampler(['size', 'dtype', 'method', 'out'], 'float64', [], true),
  standard_gamma: sampler(['shape', 'size', 'dtype', 'out'], 'float64', ['shape'], true),
  standard_cauchy: sampler(['size'], 'float64', []),
  integers: integersModel(['low', 'high', 'size', 'dtype', 'endpoint']),
  choice: choiceModel(['a', 'size', 'replace', 'p', 'axis', 'shuffle']),
  permutation: permutationModel,
  permuted: (a, ctx) => permutationModel({ ...a, args: a.args.slice(0, 1) }, ctx, null),
  multivariate_normal: vectorSampler(['mean', 'cov', 'size'], 'mean', 'float64'),
  dirichlet: vectorSampler(['alpha', 'size'], 'alpha', 'float64'),
  multinomial: vectorSampler(['n', 'pvals', 'size'], 'pvals', 'int64'),
};

const randomObject = (path: string): Model => () => ({ kind: 'libobj', path });

/** torch's samplers: `torch.randn(2, 3)` (float32 unless `dtype=`), `torch.randint(0, 10, (64,))`, `torch.randperm(8)`. */
const torchVarargs: Model = (a, ctx) => arr('torch', shapeFromVarargs(a.args), dtypeArg(a.kwargs.get('dtype')) ?? 'float32', ctx);
export const TORCH_RANDOM_MODELS: Record<string, Model> = {
  randn: torchVarargs, rand: torchVarargs,
  // randint(high, size) or randint(low, high, size): the size is the last positional argument
  randint: (a, ctx) => {
    const size = a.kwargs.get('size') ?? (a.args.length >= 2 ? a.args[a.args.length - 1] : undefined);
    const dtype = dtypeArg(a.kwargs.get('dtype'));
    return size ? arr('torch', shapeArg(size), dtype === undefined ? 'int64' : dtype, ctx) : UNKNOWN;
  },
  randperm: (a, ctx) => {
    const n = a.args[0] ?? a.kwargs.get('n');
    const dtype = dtypeArg(a.kwargs.get('dtype'));
    return n?.kind === 'int' ? arr('torch', [n.value ?? sym('?')], dtype === undefined ? 'int64' : dtype, ctx) : UNKNOWN;
  },
};

/** Tensor methods that fill in place with random values and return the tensor. */
export const TENSOR_RANDOM_METHODS: Record<string, Model> = Object.fromEntries(
  ['uniform_', 'normal_', 'random_', 'bernoulli_', 'exponential_'].map((m) => [m, (_a: CallArgs, ctx: CallContext, self: AValue | null) => (isArr(self) ? arr('torch', self.shape, self.dtype, ctx) : UNKNOWN)]),
);

/** Models by their path under `numpy.` (`random.normal`, `random.Generator.integers`). */
export const RANDOM_MODELS: Record<string, Model> = {
  ...Object.fromEntries(Object.entries(LEGACY).map(([k, m]) => [`random.${k}`, m])),
  ...Object.fromEntries(Object.entries(LEGACY).map(([k, m]) => [`random.RandomState.${k}`, m])),
  ...Object.fromEntries(Object.entries(GENERATOR_METHODS).map(([k, m]) => [`random.Generator.${k}`, m])),
  'random.default_rng': randomObject(GENERATOR),
  'random.Generator': randomObject(GENERATOR),
  'random.RandomState': randomObject(RANDOM_STATE),
};
