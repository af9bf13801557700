// The engine's Python-call surface: NumPy's function and method names with NumPy's
// parameter names and positions, taking Python values (engine/core/pyvalues.ts). The
// interpreter binds `np.*` to this, and the differential tests call it with the same
// arguments NumPy got. Results follow NumPy's unwrapping: ufuncs, reductions and integer
// indexing give NpScalar for 0-d results; creation and manipulation keep 0-d arrays.
// This file converts and dispatches only; every computation lives in engine/ops/.

import { canCastSafe, canCastSameKind, DType, parseDType, promoteTypes } from './core/dtype';
import { NDArray } from './core/ndarray';
import { NumpyError, typeError } from './core/errors';
import { isPyScalar, NpScalar, Operand, PyFloat } from './core/scalar';
import { ELLIPSIS, PyTuple, Slice } from './core/pyvalues';
import { astype } from './core/cast';
import { shapeTextTuple } from './shape/dim';
import { unwrap } from './shape/result';
import { broadcastShapesNamed } from './shape/broadcast';
import * as C from './ops/creation';
import * as M from './ops/manipulation';
import * as R from './ops/reduction';
import * as I from './ops/indexing';
import { applyUfunc, getUfunc, operandsResultType } from './ops/ufunc';
import { nonzero } from './ops/search';
import * as So from './ops/sorting';
import * as St from './ops/statistics';
import * as Nan from './ops/nanReductions';
import * as Ix from './ops/indexHelpers';
import { ARRAY_HELPER_NAMES, callArrayHelper } from './arrayHelpersPycall';
import { emptyArray } from './core/ndarray';
import { clip, round, where } from './ops/elementwise';
import { setPrintOptions } from './format';
import { Tensor } from './torch/tensor';
import { callLinalg, callMatmulFunction, LINALG_FUNCTION_NAMES, MATMUL_FUNCTION_NAMES } from './linalgPycall';

export type PyArgs = readonly unknown[];
export type PyKwargs = Readonly<Record<string, unknown>>;

/** NumPy's module constants (`np.pi`, `np.newaxis` …) as Python values. */
export const CONSTANTS: Readonly<Record<string, unknown>> = {
  pi: new PyFloat(Math.PI), e: new PyFloat(Math.E), inf: new PyFloat(Infinity), nan: new PyFloat(NaN),
  newaxis: null, euler_gamma: new PyFloat(0.5772156649015329),
};

// ---- conversions from Python values ----------------------------------------------------

function isSeq(x: unknown): x is readonly unknown[] | PyTuple {
  return Array.isArray(x) || x instanceof PyTuple;
}
const items = (x: readonly unknown[] | PyTuple): readonly unknown[] => (x instanceof PyTuple ? x.items : x);

/** Python value → Operand for np.array (tuples count as lists). */
function toOperand(x: unknown): Operand | NpScalar {
  if (x instanceof NDArray || x instanceof NpScalar || isPyScalar(x)) return x;
  // np.array(t) / np.mean(t) on a CPU tensor reads its storage, as NumPy's __array__ does
  if (x instanceof Tensor) return x.arr;
  if (isSeq(x)) return items(x).map(toOperand) as Operand;
  if (x === null) throw typeError("unsupported operand type(s): 'NoneType'");
  throw typeError(`cannot convert ${String(x)} to an array`);
}

export function toArray(x: unknown, dtype?: DType): NDArray {
  return C.asarray(toOperand(x), dtype);
}

function toInt(x: unknown, what = 'integer'): number {
  if (typeof x === 'number' && Number.isInteger(x)) return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof NpScalar && Number.isInteger(x.value)) return x.value;
  if (x instanceof NDArray && x.ndim === 0 && x.dtype !== 'float32' && x.dtype !== 'float64') return x.data[x.offset];
  const tname = pyTypeName(x);
  throw typeError(`'${tname}' object cannot be interpreted as an ${what}`);
}

function pyTypeName(x: unknown): string {
  if (x instanceof PyFloat || typeof x === 'number') return 'float';
  if (x === null) return 'NoneType';
  if (x instanceof PyTuple) return 'tuple';
  if (Array.isArray(x)) return 'list';
  if (typeof x === 'string') return 'str';
  if (x instanceof NDArray) return 'numpy.ndarray';
  return typeof x;
}

function toNumber(x: unknown): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof PyFloat || x instanceof NpScalar) return x.value;
  if (x instanceof NDArray && x.size === 1) return x.data[x.offset];
  throw typeError(`expected a number, got ${String(x)}`);
}

function toShape(x: unknown): number[] {
  if (isSeq(x)) return items(x).map((d) => toInt(d));
  return [toInt(x)];
}

/** Shapes for array constructors, with NumPy's wording for a bad one. */
function toCreationShape(x: unknown): number[] {
  const bad = (d: unknown) => typeError(`expected a sequence of integers or a single integer, got '${d instanceof PyFloat ? pyFloatText(d.value) : String(d)}'`);
  const one = (d: unknown) => {
    if (d instanceof PyFloat || (typeof d === 'number' && !Number.isInteger(d))) throw bad(d);
    return toInt(d);
  };
  return isSeq(x) ? items(x).map((d) => toInt(d)) : [one(x)];
}

function pyFloatText(v: number): string {
  return Number.isInteger(v) ? `${v}.0` : String(v);
}

/** `reshape(2, 3)` and `reshape((2, 3))` both. */
function shapeArgs(args: PyArgs): number[] {
  if (args.length === 1) return toShape(args[0]);
  return args.map((d) => toInt(d));
}

function toAxis(x: unknown): R.Axis {
  if (x === null || x === undefined) return null;
  if (isSeq(x)) return items(x).map((d) => toInt(d));
  return toInt(x);
}

function toDType(x: unknown): DType | undefined {
  if (x === null || x === undefined) return undefined;
  if (typeof x === 'string') {
    const d = parseDType(x);
    if (!d) throw typeError(`data type '${x}' not understood`);
    return d;
  }
  throw typeError(`Cannot interpret '${String(x)}' as a data type`);
}

const toBool = (x: unknown): boolean => (x instanceof NpScalar ? x.value !== 0 : Boolean(x));

/** 0-d results of ufuncs and reductions become NumPy scalars. */
function scalarize(a: NDArray): NDArray | NpScalar {
  return a.ndim === 0 ? new NpScalar(a.dtype, a.data[a.offset]) : a;
}

// ---- binding ---------------------------------------------------------------------------

type Params = Record<string, unknown>;
interface Sig { params: readonly string[]; varargs?: boolean; kwonly?: readonly string[]; impl: (p: Params, rest: PyArgs) => unknown }

/** Binds Python args to NumPy's parameter names (positional first, then keywords). */
function bind(name: string, sig: Sig, args: PyArgs, kwargs: PyKwargs): { p: Params; rest: PyArgs } {
  const p: Params = {};
  const n = sig.varargs ? Math.min(args.length, sig.params.length) : args.length;
  if (!sig.varargs && args.length > sig.params.length) {
    throw typeError(`${name}() takes from 1 to ${sig.params.length} positional arguments but ${args.length} were given`);
  }
  for (let i = 0; i < n; i++) p[sig.params[i]] = args[i];
  for (const [k, v] of Object.entries(kwargs)) {
    if (!sig.params.includes(k) && !sig.kwonly?.includes(k)) throw typeError(`${name}() got an unexpected keyword argument '${k}'`);
    if (k in p) throw typeError(`${name}() got multiple values for argument '${k}'`);
    p[k] = v;
  }
  return { p, rest: sig.varargs ? args.slice(sig.params.length) : [] };
}

const reduceOpts = (p: Params): R.ReduceOptions => ({ axis: toAxis(p.axis), keepdims: toBool(p.keepdims), dtype: toDType(p.dtype) });
const outOf = (p: Params): NDArray | undefined => (p.out instanceof NDArray ? p.out : undefined);

function ufuncSig(name: string, nin: 1 | 2): Sig {
  return {
    params: nin === 1 ? ['x', 'out'] : ['x1', 'x2', 'out'],
    impl: (p) => {
      const x = toOperand(nin === 1 ? p.x : p.x1);
      const y = nin === 2 ? toOperand(p.x2) : undefined;
      const r = applyUfunc(name, x, y, outOf(p));
      return p.out instanceof NDArray ? r : scalarize(r);
    },
  };
}

/** mean/std/var count items with operator.index-free code: a float axis gets this text. */
function checkCountAxis(axis: unknown): undefined {
  const bad = (x: unknown) => x instanceof PyFloat || (typeof x === 'number' && !Number.isInteger(x));
  if (bad(axis) || (isSeq(axis) && items(axis).some(bad))) throw typeError('integer argument expected, got float');
  return undefined;
}

const reduction = (fn: (a: NDArray, o: R.ReduceOptions) => NDArray): Sig => ({
  params: ['a', 'axis', 'dtype', 'out', 'keepdims'],
  impl: (p) => (fn === R.mean ? checkCountAxis(p.axis) : undefined) ?? scalarize(fn(toArray(p.a), reduceOpts(p))),
});
const minmax = (fn: (a: NDArray, o: R.ReduceOptions) => NDArray): Sig => ({
  params: ['a', 'axis', 'out', 'keepdims'],
  impl: (p) => scalarize(fn(toArray(p.a), reduceOpts(p))),
});
const varLike = (fn: (a: NDArray, o: R.VarOptions) => NDArray): Sig => ({
  params: ['a', 'axis', 'dtype', 'out', 'ddof', 'keepdims'],
  impl: (p) => checkCountAxis(p.axis) ?? scalarize(fn(toArray(p.a), { ...reduceOpts(p), ddof: p.ddof === undefined ? 0 : toNumber(p.ddof) })),
});
const argSig = (which: 'max' | 'min'): Sig => ({
  params: ['a', 'axis', 'out', 'keepdims'],
  impl: (p) => scalarize(R.argExtreme(toArray(p.a), which, p.axis === undefined || p.axis === null ? null : toInt(p.axis), toBool(p.keepdims))),
});
const accSig = (op: 'add' | 'multiply'): Sig => ({
  params: ['a', 'axis', 'dtype', 'out'],
  impl: (p) => R.accumulate(toArray(p.a), op, p.axis === undefined || p.axis === null ? null : toInt(p.axis), toDType(p.dtype)),
});
const filled = (fn: (s: number[], d?: DType) => NDArray): Sig => ({
  params: ['shape', 'dtype', 'order'],
  impl: (p) => fn(toCreationShape(p.shape), toDType(p.dtype) ?? 'float64'),
});
const likeSig = (fn: (a: NDArray, d?: DType) => NDArray): Sig => ({
  params: ['a', 'dtype', 'order', 'subok', 'shape'],
  impl: (p) => {
    const a = toArray(p.a);
    return p.shape === undefined || p.shape === null ? fn(a, toDType(p.dtype)) : fn(C.zeros(toShape(p.shape), a.dtype), toDType(p.dtype));
  },
});
const seqOf = (x: unknown): Operand[] => {
  if (x instanceof NDArray) return Array.from({ length: x.shape[0] }, (_, i) => I.getItem(x, [i]) as unknown as NDArray);
  if (!isSeq(x)) throw typeError('expected a sequence of arrays');
  return items(x).map((e) => toArray(e));
};

const numOrFloat = (x: unknown): number | PyFloat => (x instanceof PyFloat ? x : x instanceof NpScalar ? (Number.isInteger(x.value) && x.dtype.includes('int') ? x.value : new PyFloat(x.value)) : toNumber(x));

/** `axis` of sort/argsort (-1 by default, None for the flattened array); `order=` needs fields. */
function sortAxis(p: Params): number | null {
  if (p.order !== undefined && p.order !== null) throw valueErr('Cannot specify order when the array has no fields.');
  if (p.kind !== undefined && p.kind !== null && !['quicksort', 'mergesort', 'heapsort', 'stable'].includes(String(p.kind))) {
    throw valueErr(`sort kind must be one of 'quick', 'heap', or 'stable' (got '${String(p.kind)}')`);
  }
  return p.axis === undefined ? -1 : p.axis === null ? null : toInt(p.axis);
}

/** np.quantile (scale 1) / np.percentile (scale 100) with the default method='linear'. */
function quantileSig(scale: number): Sig {
  return {
    params: ['a', 'q', 'axis', 'out', 'overwrite_input', 'method', 'keepdims'],
    impl: (p) => {
      const name = scale === 1 ? 'quantile' : 'percentile';
      if (p.method !== undefined && p.method !== 'linear') throw new NumpyError('NotImplementedError', `np.${name}(method=${String(p.method)}) is not supported by Shape Lens yet`);
      const q = toArray(p.q, 'float64');
      const fractions = emptyArray(q.shape, 'float64');
      q.toArray().forEach((x, i) => { fractions.data[i] = x / scale; });
      const axis = p.axis === undefined || p.axis === null ? null : toInt(p.axis);
      return scalarize(St.quantile(toArray(p.a), fractions, axis, toBool(p.keepdims), scale === 1 ? 'Quantiles' : 'Percentiles'));
    },
  };
}

const FUNCTIONS: Record<string, Sig> = {
  array: { params: ['object', 'dtype', 'copy', 'order', 'subok', 'ndmin'], impl: (p) => C.array(toOperand(p.object), toDType(p.dtype)) },
  asarray: { params: ['a', 'dtype', 'order'], impl: (p) => C.asarray(toOperand(p.a), toDType(p.dtype)) },
  zeros: filled(C.zeros), ones: filled(C.ones), empty: filled(C.zeros),
  full: { params: ['shape', 'fill_value', 'dtype', 'order'], impl: (p) => C.full(toCreationShape(p.shape), toOperand(p.fill_value), toDType(p.dtype)) },
  zeros_like: likeSig(C.zerosLike), ones_like: likeSig(C.onesLike), empty_like: likeSig(C.zerosLike),
  full_like: { params: ['a', 'fill_value', 'dtype'], impl: (p) => C.fullLike(toArray(p.a), toOperand(p.fill_value), toDType(p.dtype)) },
  arange: {
    params: ['start', 'stop', 'step', 'dtype'],
    impl: (p) => {
      const given = (v: unknown) => v !== undefined && v !== null;
      // np.arange(stop=4) is accepted: start defaults to 0
      const start = given(p.start) ? numOrFloat(p.start) : 0;
      const stop = given(p.stop) ? numOrFloat(p.stop) : null;
      if (!given(p.start) && stop !== null) return C.arange(0, stop, given(p.step) ? numOrFloat(p.step) : null, toDType(p.dtype));
      return C.arange(start, stop, given(p.step) ? numOrFloat(p.step) : null, toDType(p.dtype));
    },
  },
  linspace: {
    params: ['start', 'stop', 'num', 'endpoint', 'retstep', 'dtype', 'axis'],
    impl: (p) => {
      const num = p.num === undefined ? 50 : toInt(p.num), endpoint = p.endpoint === undefined ? true : toBool(p.endpoint);
      const y = C.linspace(toNumber(p.start), toNumber(p.stop), num, endpoint, toDType(p.dtype));
      if (!toBool(p.retstep)) return y;
      const div = endpoint ? num - 1 : num;
      const step = div > 0 ? (toNumber(p.stop) - toNumber(p.start)) / div : NaN;
      return new PyTuple([y, div > 0 ? new NpScalar('float64', step) : new PyFloat(NaN)]);
    },
  },
  eye: {
    params: ['N', 'M', 'k', 'dtype', 'order'],
    impl: (p) => C.eye(toInt(p.N), p.M === undefined || p.M === null ? null : toInt(p.M), p.k === undefined ? 0 : toInt(p.k), toDType(p.dtype) ?? 'float64'),
  },
  identity: { params: ['n', 'dtype'], impl: (p) => C.identity(toInt(p.n), toDType(p.dtype) ?? 'float64') },
  diag: { params: ['v', 'k'], impl: (p) => C.diag(toArray(p.v), p.k === undefined ? 0 : toInt(p.k)) },

  sum: reduction(R.sum), prod: reduction(R.prod), mean: reduction(R.mean),
  amax: minmax(R.amax), amin: minmax(R.amin), max: minmax(R.amax), min: minmax(R.amin),
  any: minmax(R.any), all: minmax(R.all),
  std: varLike(R.std), var: varLike(R.variance),
  argmax: argSig('max'), argmin: argSig('min'),
  cumsum: accSig('add'), cumprod: accSig('multiply'),

  reshape: { params: ['a', 'newshape', 'order'], impl: (p) => reshapeOrder(toArray(p.a), toShape(p.newshape), p.order) },
  ravel: { params: ['a', 'order'], impl: (p) => ravelOrder(toArray(p.a), p.order) },
  transpose: { params: ['a', 'axes'], impl: (p) => M.transpose(toArray(p.a), p.axes === undefined || p.axes === null ? null : toShape(p.axes)) },
  swapaxes: { params: ['a', 'axis1', 'axis2'], impl: (p) => M.swapaxes(toArray(p.a), toInt(p.axis1), toInt(p.axis2)) },
  moveaxis: { params: ['a', 'source', 'destination'], impl: (p) => M.moveaxis(toArray(p.a), toShape(p.source), toShape(p.destination)) },
  squeeze: { params: ['a', 'axis'], impl: (p) => M.squeeze(toArray(p.a), toAxis(p.axis)) },
  expand_dims: { params: ['a', 'axis'], impl: (p) => M.expandDims(toArray(p.a), toAxis(p.axis) as number | number[]) },
  concatenate: {
    params: ['arrays', 'axis', 'out', 'dtype'],
    impl: (p) => M.concatenate(seqOf(p.arrays), p.axis === null ? null : p.axis === undefined ? 0 : toInt(p.axis), toDType(p.dtype)),
  },
  stack: { params: ['arrays', 'axis', 'out'], impl: (p) => M.stack(seqOf(p.arrays), p.axis === undefined ? 0 : toInt(p.axis)) },
  vstack: { params: ['tup'], impl: (p) => M.vstack(seqOf(p.tup)) },
  row_stack: { params: ['tup'], impl: (p) => M.vstack(seqOf(p.tup)) },
  hstack: { params: ['tup'], impl: (p) => M.hstack(seqOf(p.tup)) },
  dstack: { params: ['tup'], impl: (p) => M.dstack(seqOf(p.tup)) },
  column_stack: { params: ['tup'], impl: (p) => M.columnStack(seqOf(p.tup)) },
  split: { params: ['ary', 'indices_or_sections', 'axis'], impl: (p) => splitChecked(toArray(p.ary), sectionsOf(p.indices_or_sections), p.axis === undefined ? 0 : toInt(p.axis), true) },
  array_split: { params: ['ary', 'indices_or_sections', 'axis'], impl: (p) => splitChecked(toArray(p.ary), sectionsOf(p.indices_or_sections), p.axis === undefined ? 0 : toInt(p.axis), false) },
  tile: { params: ['A', 'reps'], impl: (p) => M.tile(toArray(p.A), toShape(p.reps)) },
  repeat: { params: ['a', 'repeats', 'axis'], impl: (p) => M.repeat(toArray(p.a), isSeq(p.repeats) ? toShape(p.repeats) : toInt(p.repeats), p.axis === undefined || p.axis === null ? null : toInt(p.axis)) },
  copy: { params: ['a', 'order'], impl: (p) => M.copy(toArray(p.a)) },
  flip: {
    params: ['m', 'axis'],
    impl: (p) => {
      const a = toArray(p.m);
      // np.flip(0-d) is m[()], a scalar; an axis still has to exist
      return a.ndim === 0 && (p.axis === undefined || p.axis === null) ? scalarize(a) : M.flip(a, toAxis(p.axis));
    },
  },
  fliplr: { params: ['m'], impl: (p) => flipChecked(toArray(p.m), 1) },
  flipud: { params: ['m'], impl: (p) => flipChecked(toArray(p.m), 0) },
  roll: {
    params: ['a', 'shift', 'axis'],
    impl: (p) => M.roll(toArray(p.a), isSeq(p.shift) ? toShape(p.shift) : toInt(p.shift), p.axis === undefined || p.axis === null ? null : toAxis(p.axis) as number | number[]),
  },
  promote_types: { params: ['type1', 'type2'], impl: (p) => promoteTypes(toDType(p.type1) as DType, toDType(p.type2) as DType) },
  can_cast: {
    params: ['from_', 'to', 'casting'],
    impl: (p) => {
      const from = typeof p.from_ === 'string' ? toDType(p.from_) as DType : toArray(p.from_).dtype, to = toDType(p.to) as DType;
      const casting = p.casting === undefined ? 'safe' : String(p.casting);
      if (casting === 'same_kind') return canCastSameKind(from, to);
      if (casting === 'unsafe') return true;
      if (casting === 'no' || casting === 'equiv') return from === to;
      return canCastSafe(from, to);
    },
  },
  broadcast_to: { params: ['array', 'shape', 'subok'], impl: (p) => M.broadcastTo(toArray(p.array), toShape(p.shape)) },
  broadcast_arrays: { params: [], varargs: true, impl: (_p, rest) => M.broadcastArrays(rest.map((x) => toArray(x))) },
  broadcast_shapes: {
    params: [], varargs: true,
    impl: (_p, rest) => new PyTuple(unwrap(broadcastShapesNamed(...rest.map(toShape))) as number[]),
  },
  where: {
    params: ['condition', 'x', 'y'],
    impl: (p) => {
      if (p.x === undefined && p.y === undefined) return new PyTuple(nonzero(toArray(p.condition)));
      if (p.x === undefined || p.y === undefined) throw valueErr('either both or neither of x and y should be given');
      return where(toOperand(p.condition), toOperand(p.x), toOperand(p.y));
    },
  },
  nonzero: { params: ['a'], impl: (p) => new PyTuple(nonzero(toArray(p.a))) },
  sort: { params: ['a', 'axis', 'kind', 'order'], impl: (p) => So.sort(toArray(p.a), sortAxis(p)) },
  argsort: { params: ['a', 'axis', 'kind', 'order'], impl: (p) => So.argsort(toArray(p.a), sortAxis(p)) },
  unique: {
    params: ['ar', 'return_index', 'return_inverse', 'return_counts', 'axis', 'equal_nan'],
    impl: (p) => {
      if (p.axis !== undefined && p.axis !== null) throw new NumpyError('NotImplementedError', 'np.unique(axis=...) is not supported by Shape Lens yet');
      const r = So.unique(toArray(p.ar), { index: toBool(p.return_index), inverse: toBool(p.return_inverse), counts: toBool(p.return_counts), equalNan: p.equal_nan === undefined ? true : toBool(p.equal_nan) });
      const extra = [r.index, r.inverse, r.counts].filter((x): x is NDArray => x !== undefined);
      return extra.length ? new PyTuple([r.values, ...extra]) : r.values;
    },
  },
  quantile: quantileSig(1), percentile: quantileSig(100),
  take: {
    params: ['a', 'indices', 'axis', 'out', 'mode'],
    impl: (p) => {
      if (p.mode !== undefined && p.mode !== 'raise') throw new NumpyError('NotImplementedError', `np.take(mode=${String(p.mode)}) is not supported by Shape Lens yet`);
      return Ix.take(toArray(p.a), toArray(p.indices), p.axis === undefined || p.axis === null ? null : toInt(p.axis));
    },
  },
  unravel_index: {
    params: ['indices', 'shape', 'order'],
    impl: (p) => {
      if (p.order !== undefined && p.order !== 'C') throw new NumpyError('NotImplementedError', "np.unravel_index(order='F') is not supported by Shape Lens yet");
      return new PyTuple(Ix.unravelIndex(toArray(p.indices), isSeq(p.shape) ? toShape(p.shape) : [toInt(p.shape)]).map(scalarize));
    },
  },
  nansum: { params: ['a', 'axis', 'dtype', 'out', 'keepdims'], impl: (p) => scalarize(Nan.nansum(toArray(p.a), reduceOpts(p))) },
  nanmean: { params: ['a', 'axis', 'dtype', 'out', 'keepdims'], impl: (p) => scalarize(Nan.nanmean(toArray(p.a), reduceOpts(p))) },
  nanmax: { params: ['a', 'axis', 'out', 'keepdims'], impl: (p) => scalarize(Nan.nanExtreme(toArray(p.a), 'max', reduceOpts(p))) },
  nanmin: { params: ['a', 'axis', 'out', 'keepdims'], impl: (p) => scalarize(Nan.nanExtreme(toArray(p.a), 'min', reduceOpts(p))) },
  median: {
    params: ['a', 'axis', 'out', 'overwrite_input', 'keepdims'],
    impl: (p) => scalarize(St.median(toArray(p.a), p.axis === undefined || p.axis === null ? null : toInt(p.axis), toBool(p.keepdims))),
  },
  searchsorted: {
    params: ['a', 'v', 'side', 'sorter'],
    impl: (p) => {
      if (p.sorter !== undefined && p.sorter !== null) throw new NumpyError('NotImplementedError', 'np.searchsorted(sorter=...) is not supported by Shape Lens yet');
      const side = p.side === undefined || p.side === null ? 'left' : String(p.side);
      if (side !== 'left' && side !== 'right') throw valueErr(`search side must be 'left' or 'right' (got '${side}')`);
      return scalarize(So.searchsorted(toArray(p.a), toArray(p.v), side));
    },
  },
  clip: {
    params: ['a', 'a_min', 'a_max', 'out'],
    impl: (p) => scalarize(clip(toOperand(p.a), p.a_min === null ? null : toOperand(p.a_min), p.a_max === null ? null : toOperand(p.a_max))),
  },
  round: { params: ['a', 'decimals', 'out'], impl: (p) => scalarize(round(toOperand(p.a), p.decimals === undefined ? 0 : toInt(p.decimals))) },
  around: { params: ['a', 'decimals', 'out'], impl: (p) => scalarize(round(toOperand(p.a), p.decimals === undefined ? 0 : toInt(p.decimals))) },
  result_type: { params: [], varargs: true, impl: (_p, rest) => resultTypeOf(rest) },
  set_printoptions: {
    params: ['precision', 'threshold', 'edgeitems', 'linewidth', 'suppress', 'nanstr', 'infstr', 'formatter', 'sign', 'floatmode', 'legacy'],
    impl: (p) => {
      const opts: Record<string, unknown> = {};
      for (const k of ['precision', 'threshold', 'edgeitems', 'linewidth', 'suppress', 'sign', 'floatmode']) {
        if (p[k] !== undefined && p[k] !== null) opts[k] = typeof p[k] === 'number' || typeof p[k] === 'boolean' || typeof p[k] === 'string' ? p[k] : toNumber(p[k]);
      }
      setPrintOptions(opts);
      return null;
    },
  },
  shape: { params: ['a'], impl: (p) => new PyTuple(toArray(p.a).shape) },
  ndim: { params: ['a'], impl: (p) => toArray(p.a).ndim },
  size: { params: ['a'], impl: (p) => toArray(p.a).size },
};

function valueErr(msg: string): NumpyError { return new NumpyError('ValueError', msg); }

function flipChecked(a: NDArray, axis: 0 | 1): NDArray {
  if (a.ndim < 2 && axis === 1) throw valueErr('Input must be >= 2-d.');
  if (a.ndim < 1) throw valueErr('Input must be >= 1-d.');
  return M.flip(a, axis);
}

/**
 * `ravel` (order C) is a view only of a C-contiguous array; anything else is copied
 * (PyArray_Ravel), even when a no-copy reshape would exist (`a[:, ::2].ravel()` copies,
 * `a[:, ::2].reshape(-1)` may not). `order='F'` ravels the transposed data.
 */
function ravelOrder(a: NDArray, order: unknown): NDArray {
  if (order === 'F') return reshapeOrder(a, [-1], order);
  return a.isCContiguous ? M.reshape(a, [-1]) : M.flatten(a);
}

/** `order='F'` reshapes/ravels the transposed data, as NumPy does. */
function reshapeOrder(a: NDArray, shape: number[], order: unknown): NDArray {
  if (order === 'F') return M.transpose(M.reshape(M.transpose(a), [...shape].reverse()));
  return M.reshape(a, shape);
}

function splitChecked(a: NDArray, sections: number | number[], axis: number, strict: boolean): NDArray[] {
  if (axis >= a.ndim || axis < -a.ndim) throw new NumpyError('IndexError', 'tuple index out of range');
  if (strict && sections === 0) throw new NumpyError('ZeroDivisionError', 'integer modulo by zero');
  return M.split(a, sections, axis, strict);
}

function sectionsOf(x: unknown): number | number[] {
  return isSeq(x) || x instanceof NDArray ? (x instanceof NDArray ? x.toArray() : toShape(x)) : toInt(x);
}

function resultTypeOf(args: PyArgs): string {
  if (args.length === 0) throw valueErr('at least one array or dtype is required');
  return operandsResultType(args.map((a) => (typeof a === 'string' ? C.zeros([1], toDType(a)) : toOperand(a))));
}

/** `np.<name>(*args, **kwargs)`. Throws NumpyError with NumPy's text on bad input. */
export function callFunction(name: string, args: PyArgs, kwargs: PyKwargs = {}): unknown {
  if (MATMUL_FUNCTION_NAMES.includes(name)) return callMatmulFunction(name, args, kwargs);
  if (ARRAY_HELPER_NAMES.includes(name)) return callArrayHelper(name, args, kwargs);
  if (name.startsWith('linalg.')) return callLinalg(name.slice(7), args, kwargs);
  const sig = FUNCTIONS[name];
  if (sig) {
    const { p, rest } = bind(name, sig, args, kwargs);
    return sig.impl(p, rest);
  }
  const uf = getUfunc(name);
  if (uf) {
    const s = ufuncSig(name, uf.nin);
    const { p } = bind(name, s, args, kwargs);
    return s.impl(p, []);
  }
  throw new NumpyError('AttributeError', `module 'numpy' has no attribute '${name}'`);
}

export function hasFunction(name: string): boolean {
  if (name.startsWith('linalg.')) return LINALG_FUNCTION_NAMES.includes(name.slice(7));
  return name in FUNCTIONS || getUfunc(name) !== undefined || MATMUL_FUNCTION_NAMES.includes(name) || ARRAY_HELPER_NAMES.includes(name);
}

// ---- methods and attributes ------------------------------------------------------------

const METHODS: Record<string, Sig> = {
  reshape: {
    params: [], kwonly: ['order'], varargs: true,
    impl: (p, rest) => {
      // `a.reshape()` is not `a.reshape(())`
      if (rest.length === 0) throw typeError('reshape() takes exactly 1 argument (0 given)');
      return reshapeOrder(p.self as NDArray, shapeArgs(rest), p.order);
    },
  },
  flatten: { params: ['order'], impl: (p) => (p.order === 'F' ? M.flatten(M.transpose(p.self as NDArray)) : M.flatten(p.self as NDArray)) },
  ravel: { params: ['order'], impl: (p) => ravelOrder(p.self as NDArray, p.order) },
  clip: {
    params: ['min', 'max', 'out'],
    impl: (p) => scalarize(clip(p.self as NDArray, p.min === undefined || p.min === null ? null : toOperand(p.min), p.max === undefined || p.max === null ? null : toOperand(p.max))),
  },
  transpose: { params: [], varargs: true, impl: (p, rest) => M.transpose(p.self as NDArray, rest.length === 0 || (rest.length === 1 && rest[0] === null) ? null : shapeArgs(rest)) },
  astype: { params: ['dtype', 'order', 'casting', 'subok', 'copy'], impl: (p) => astype(p.self as NDArray, toDType(p.dtype) as DType) },
  copy: { params: ['order'], impl: (p) => M.copy(p.self as NDArray) },
  tolist: { params: [], impl: (p) => (p.self as NDArray).toList() },
  item: {
    params: [], varargs: true,
    impl: (p) => {
      const a = p.self as NDArray;
      if (a.size !== 1) throw valueErr('can only convert an array of size 1 to a Python scalar');
      return new NpScalar(a.dtype, a.data[a.offset]);
    },
  },
  fill: { params: ['value'], impl: (p) => { I.setItem(p.self as NDArray, [ELLIPSIS], toOperand(p.value)); return null; } },
  sort: { params: ['axis', 'kind', 'order'], impl: (p) => { So.sortInPlace(p.self as NDArray, sortAxis(p) ?? -1); return null; } },
  argsort: { params: ['axis', 'kind', 'order'], impl: (p) => So.argsort(p.self as NDArray, sortAxis(p)) },
};

const FUNCTION_METHODS = ['sum', 'prod', 'mean', 'std', 'var', 'max', 'min', 'any', 'all', 'argmax', 'argmin', 'cumsum', 'cumprod',
  'squeeze', 'swapaxes', 'repeat', 'round', 'nonzero', 'ptp'];

/** Python's operator protocol on arrays: `a + b` is `a.__add__(b)` is `np.add(a, b)`. */
const BINARY_DUNDERS: Record<string, string> = {
  add: 'add', sub: 'subtract', mul: 'multiply', truediv: 'divide', floordiv: 'floor_divide', mod: 'remainder',
  pow: 'power', and: 'bitwise_and', or: 'bitwise_or', xor: 'bitwise_xor', lshift: 'left_shift', rshift: 'right_shift',
};
const COMPARE_DUNDERS: Record<string, string> = {
  eq: 'equal', ne: 'not_equal', lt: 'less', le: 'less_equal', gt: 'greater', ge: 'greater_equal',
};
const UNARY_DUNDERS: Record<string, string> = { neg: 'negative', pos: 'positive', abs: 'absolute', invert: 'invert' };

const DUNDERS: Record<string, (self: NDArray, args: PyArgs) => unknown> = {};
for (const [k, uf] of Object.entries({ ...BINARY_DUNDERS, ...COMPARE_DUNDERS })) {
  DUNDERS[`__${k}__`] = (self, args) => scalarize(applyUfunc(uf, self, toOperand(args[0])));
}
for (const [k, uf] of Object.entries(BINARY_DUNDERS)) {
  DUNDERS[`__r${k}__`] = (self, args) => scalarize(applyUfunc(uf, toOperand(args[0]), self));
  DUNDERS[`__i${k}__`] = (self, args) => applyUfunc(uf, self, toOperand(args[0]), self);
}
for (const [k, uf] of Object.entries(UNARY_DUNDERS)) {
  DUNDERS[`__${k}__`] = (self) => scalarize(applyUfunc(uf, self));
}
DUNDERS.__matmul__ = (self, args) => callMatmulFunction('matmul', [self, toOperand(args[0])]);
DUNDERS.__rmatmul__ = (self, args) => callMatmulFunction('matmul', [toOperand(args[0]), self]);
DUNDERS.__imatmul__ = (self, args) => callMatmulFunction('matmul', [self, toOperand(args[0])], { out: self });
// `+a` on a bool array copies (NumPy 1.24 keeps this deprecated path)
DUNDERS.__pos__ = (self) => (self.dtype === 'bool' ? M.copy(self) : scalarize(applyUfunc('positive', self)));

/** `a.<name>(*args, **kwargs)`. */
export function callMethod(self: NDArray, name: string, args: PyArgs, kwargs: PyKwargs = {}): unknown {
  const sig = METHODS[name];
  if (sig) {
    const { p, rest } = bind(name, sig, args, kwargs);
    p.self = self;
    return sig.impl(p, rest);
  }
  const dunder = DUNDERS[name];
  if (dunder) return dunder(self, args);
  if (FUNCTION_METHODS.includes(name)) return callFunction(name, [self, ...args], kwargs);
  if (name === 'dot' || name === 'trace') return callMatmulFunction(name, [self, ...args], kwargs);
  throw new NumpyError('AttributeError', `'numpy.ndarray' object has no attribute '${name}'`);
}

/** `a.<name>` for attributes: shape, ndim, size, dtype, T, strides, itemsize, nbytes. */
export function getAttribute(self: NDArray, name: string): unknown {
  switch (name) {
    case 'shape': return new PyTuple(self.shape);
    case 'ndim': return self.ndim;
    case 'size': return self.size;
    case 'dtype': return self.dtype;
    case 'T': return M.transpose(self);
    case 'strides': return new PyTuple(self.byteStrides);
    case 'itemsize': return self.itemsize;
    case 'nbytes': return self.nbytes;
    case 'base': return self.base;
    default: throw new NumpyError('AttributeError', `'numpy.ndarray' object has no attribute '${name}'`);
  }
}

// ---- indexing --------------------------------------------------------------------------

/** `a[index]`. A PyTuple index is a multi-index; anything else is one index item. */
export function getItem(self: NDArray, index: unknown): unknown {
  return I.getItem(self, I.indexItems(index));
}

/** `a[index] = value` (writes through views). */
export function setItem(self: NDArray, index: unknown, value: unknown): void {
  I.setItem(self, I.indexItems(index), toOperand(value) as I.AssignValue);
}

export { shapeTextTuple };
