// The Python-call surface of the array helpers in engine/ops/{padding,closeness,differences,
// counting,grids,averages}.ts: `callArrayHelper('pad', args, kwargs)` is `np.pad(*args, **kwargs)`
// with NumPy 1.24's parameter names, argument checks and result unwrapping (isclose of scalars
// is a NumPy bool, allclose/array_equal are Python bools, meshgrid/atleast_* of several
// arrays are lists). It converts and dispatches only; it does not import engine/pycall.ts.

import { DType, dtypeInfo, parseDType } from './core/dtype';
import { NDArray } from './core/ndarray';
import { NumpyError, typeError } from './core/errors';
import { NpScalar, PyFloat } from './core/scalar';
import { PyTuple } from './core/pyvalues';
import { astype } from './core/cast';
import { unwrap } from './shape/result';
import { padPairsShape } from './shape/padding';
import { asarray } from './ops/creation';
import { pad, PAD_MODES, PadMode, UNIMPLEMENTED_PAD_MODES } from './ops/padding';
import { allclose, arrayEqual, isclose, Tolerance } from './ops/closeness';
import { diff } from './ops/differences';
import { argwhere, bincount, countNonzero, flatnonzero } from './ops/counting';
import { atleast, meshgrid, triangle, tri } from './ops/grids';
import { average, ptp } from './ops/averages';
import type { Axis } from './ops/reduction';
import { isSeq, itemsOf, PyArgs, PyKwargs, toArray, toOperand } from './pyOperands';

export type { PyArgs, PyKwargs };
const given = (x: unknown): boolean => x !== undefined && x !== null;
const toBool = (x: unknown): boolean => (x instanceof NpScalar ? x.value !== 0 : Boolean(x));

function toInt(x: unknown): number {
  if (typeof x === 'number' && Number.isInteger(x)) return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof NpScalar && dtypeInfo(x.dtype).kind !== 'f') return x.value;
  throw typeError(`'${x instanceof PyFloat || typeof x === 'number' ? 'float' : typeof x}' object cannot be interpreted as an integer`);
}
const toAxis = (x: unknown): Axis => (!given(x) ? null : isSeq(x) ? itemsOf(x).map(toInt) : toInt(x));
const toTolerance = (x: unknown, d: number): Tolerance => (!given(x) ? new PyFloat(d) : x instanceof PyFloat ? x : x instanceof NpScalar ? new PyFloat(x.value) : typeof x === 'number' ? x : Number(x));
const scalarize = (a: NDArray): NDArray | NpScalar => (a.ndim === 0 ? new NpScalar(a.dtype, a.data[a.offset]) : a);

type Params = Record<string, unknown>;
interface Sig { params: readonly string[]; varargs?: boolean; kwonly?: readonly string[]; anyKw?: boolean; impl: (p: Params, rest: PyArgs, kw: PyKwargs) => unknown }

function bind(name: string, sig: Sig, args: PyArgs, kwargs: PyKwargs): { p: Params; rest: PyArgs } {
  const p: Params = {};
  if (!sig.varargs && args.length > sig.params.length) {
    throw typeError(`${name}() takes from 1 to ${sig.params.length} positional arguments but ${args.length} were given`);
  }
  const n = Math.min(args.length, sig.params.length);
  for (let i = 0; i < n; i++) p[sig.params[i]] = args[i];
  for (const [k, v] of Object.entries(kwargs)) {
    if (!sig.anyKw && !sig.params.includes(k) && !sig.kwonly?.includes(k)) throw typeError(`${name}() got an unexpected keyword argument '${k}'`);
    if (k in p) throw typeError(`${name}() got multiple values for argument '${k}'`);
    p[k] = v;
  }
  return { p, rest: sig.varargs ? args.slice(sig.params.length) : [] };
}

/** NumPy's `_as_pairs(x, ndim)`: one (before, after) pair per axis; `asIndex` adds pad_width's checks. */
function asPairs(x: NDArray, ndim: number, asIndex: boolean): [number, number][] {
  const v = x.toArray();
  const negative = () => new NumpyError('ValueError', "index can't contain negative values");
  unwrap(padPairsShape(x.shape, ndim));
  if (x.ndim < 3 && (v.length === 1 || (v.length === 2 && !(x.ndim === 2 && x.shape[0] === 2 && x.shape[1] === 1)))) {
    const [b, e] = v.length === 1 ? [v[0], v[0]] : [v[0], v[1]];
    if (asIndex && (b < 0 || e < 0)) throw negative();
    return Array.from({ length: ndim }, () => [b, e]);
  }
  if (asIndex && v.some((w) => w < 0)) throw negative();
  // broadcast to (ndim, 2): x is (2,), (1, 2), (ndim, 1) or (ndim, 2) here
  const rows = x.ndim === 2 ? x.shape[0] : 1, cols = x.shape[x.ndim - 1];
  return Array.from({ length: ndim }, (_, i) => {
    const r = rows === 1 ? 0 : i;
    return [v[r * cols], v[r * cols + (cols === 1 ? 0 : 1)]];
  });
}

function padCall(p: Params, kw: PyKwargs): NDArray {
  const a = toArray(p.array);
  const width = toArray(p.pad_width);
  if (dtypeInfo(width.dtype).kind !== 'i') throw typeError('`pad_width` must be of integral type.');
  const widths = asPairs(width, a.ndim, true);
  const mode = given(p.mode) ? String(p.mode) : 'constant';
  const allowed: Record<string, string[]> = { constant: ['constant_values'], edge: [], wrap: [], reflect: ['reflect_type'], symmetric: ['reflect_type'] };
  const extra = Object.keys(kw).filter((k) => k !== 'array' && k !== 'pad_width' && k !== 'mode');
  if (!(mode in allowed) && !UNIMPLEMENTED_PAD_MODES.includes(mode)) throw new NumpyError('ValueError', `mode '${mode}' is not supported`);
  if (!PAD_MODES.includes(mode as PadMode)) throw new NumpyError('NotImplementedError', `np.pad(mode='${mode}') is not supported by Shape Lens yet`);
  const bad = extra.filter((k) => !allowed[mode].includes(k));
  if (bad.length) throw new NumpyError('ValueError', `unsupported keyword arguments for mode '${mode}': {${bad.map((k) => `'${k}'`).join(', ')}}`);
  if (given(kw.reflect_type) && kw.reflect_type !== 'even') throw new NumpyError('NotImplementedError', "np.pad(reflect_type='odd') is not supported by Shape Lens yet");
  const values = given(kw.constant_values) ? toArray(kw.constant_values) : asarray(0);
  return pad(a, widths, mode as PadMode, asPairs(values, a.ndim, false), values.dtype);
}

/** `np.bincount`'s first argument: lists are converted to int64 as NumPy's C code asks for intp (so 1.5 → 1). */
function bincountInput(x: unknown): NDArray {
  if (x instanceof NDArray) return x;
  const a = toArray(x);
  return dtypeInfo(a.dtype).kind === 'f' ? astype(a, 'int64') : a;
}

const closeParams = ['a', 'b', 'rtol', 'atol', 'equal_nan'];
const atleastSig = (n: 1 | 2 | 3): Sig => ({
  params: [], varargs: true,
  impl: (_p, rest) => {
    const r = rest.map((x) => atleast(toArray(x), n));
    return r.length === 1 ? r[0] : r;
  },
});
const triSig = (lower: boolean): Sig => ({ params: ['m', 'k'], impl: (p) => triangle(toArray(p.m), given(p.k) ? toInt(p.k) : 0, lower) });

function toDType(x: unknown): DType | undefined {
  if (!given(x)) return undefined;
  const d = typeof x === 'string' ? parseDType(x) : undefined;
  if (!d) throw typeError(`data type '${String(x)}' not understood`);
  return d;
}

const SIGS: Record<string, Sig> = {
  pad: { params: ['array', 'pad_width', 'mode'], anyKw: true, impl: (p, _r, kw) => padCall(p, kw) },
  isclose: {
    params: closeParams,
    impl: (p) => scalarize(isclose(toOperand(p.a), toOperand(p.b), toTolerance(p.rtol, 1e-5), toTolerance(p.atol, 1e-8), toBool(p.equal_nan))),
  },
  allclose: { params: closeParams, impl: (p) => allclose(toOperand(p.a), toOperand(p.b), toTolerance(p.rtol, 1e-5), toTolerance(p.atol, 1e-8), toBool(p.equal_nan)) },
  array_equal: { params: ['a1', 'a2', 'equal_nan'], impl: (p) => arrayEqual(toArray(p.a1), toArray(p.a2), toBool(p.equal_nan)) },
  diff: {
    params: ['a', 'n', 'axis', 'prepend', 'append'],
    impl: (p) => {
      const n = given(p.n) ? toInt(p.n) : 1;
      if (n === 0) return p.a;
      return diff(toArray(p.a), n, given(p.axis) ? toInt(p.axis) : -1, p.prepend === undefined ? null : toArray(p.prepend), p.append === undefined ? null : toArray(p.append));
    },
  },
  bincount: {
    params: ['x', 'weights', 'minlength'],
    impl: (p) => bincount(bincountInput(p.x), given(p.weights) ? toArray(p.weights) : null, given(p.minlength) ? toInt(p.minlength) : 0),
  },
  count_nonzero: {
    params: ['a', 'axis'], kwonly: ['keepdims'],
    impl: (p) => {
      const r = countNonzero(toArray(p.a), toAxis(p.axis), toBool(p.keepdims));
      return typeof r === 'number' ? r : scalarize(r);
    },
  },
  argwhere: { params: ['a'], impl: (p) => argwhere(toArray(p.a)) },
  flatnonzero: { params: ['a'], impl: (p) => flatnonzero(toArray(p.a)) },
  meshgrid: {
    params: [], varargs: true, kwonly: ['copy', 'sparse', 'indexing'],
    impl: (p, rest) => meshgrid(rest.map(toArray), given(p.indexing) ? String(p.indexing) : 'xy', toBool(p.sparse)),
  },
  tri: {
    params: ['N', 'M', 'k', 'dtype'],
    impl: (p) => tri(toInt(p.N), given(p.M) ? toInt(p.M) : null, given(p.k) ? toInt(p.k) : 0, toDType(p.dtype) ?? 'float64'),
  },
  tril: triSig(true), triu: triSig(false),
  atleast_1d: atleastSig(1), atleast_2d: atleastSig(2), atleast_3d: atleastSig(3),
  average: {
    params: ['a', 'axis', 'weights', 'returned'], kwonly: ['keepdims'],
    impl: (p) => {
      const { avg, scale } = average(toArray(p.a), toAxis(p.axis), given(p.weights) ? toArray(p.weights) : null, toBool(p.keepdims));
      return toBool(p.returned) ? new PyTuple([scalarize(avg), scalarize(scale)]) : scalarize(avg);
    },
  },
  ptp: { params: ['a', 'axis', 'out', 'keepdims'], impl: (p) => scalarize(ptp(toArray(p.a), toAxis(p.axis), toBool(p.keepdims))) },
};

export const ARRAY_HELPER_NAMES: readonly string[] = Object.keys(SIGS);

/** `np.<name>(*args, **kwargs)` for the array helpers. Throws NumpyError with NumPy's text on bad input. */
export function callArrayHelper(name: string, args: PyArgs, kwargs: PyKwargs = {}): unknown {
  const sig = SIGS[name];
  if (!sig) throw new NumpyError('AttributeError', `module 'numpy' has no attribute '${name}'`);
  const { p, rest } = bind(name, sig, args, kwargs);
  return sig.impl(p, rest, kwargs);
}
