// Shape models of NumPy's array manipulations beyond reshaping: pad, tile, repeat, diff,
// cumsum/cumprod (functions and methods), flip, roll, sort/argsort and unique, through the
// rules in engine/shape/arrayOps.ts and padding.ts. unique's length depends on the values, so
// it is a symbol named after the call (`unique(labels)`), shared by its counts/inverse outputs.
// Not modelled: pad widths given as arrays, repeat with counts of unknown number.

import { DType } from '../../engine/core/dtype';
import { axisKeepingShape, diffShape, meshgridShapes, repeatShape, tileShape, triShape } from '../../engine/shape/arrayOps';
import { Dim, isNum, sym } from '../../engine/shape/dim';
import { paddedDims, padPairs } from '../../engine/shape/padding';
import { CallArgs } from './context';
import { arr, axisArg, boolArg, dimOf, isArr, known, literalShape, Model, result, shapeArg } from './modelArgs';
import { AValue, tuple, UNKNOWN } from './values';

/** The array a function or method works on, and where its other arguments start. */
function subject(a: CallArgs, self: AValue | null): { x: AValue | undefined; off: number; name: string } {
  return self ? { x: self, off: 0, name: 'self' } : { x: a.args[0] ?? a.kwargs.get('a'), off: 1, name: a.argTexts[0] ?? 'a' };
}

/** cumsum/cumprod accumulate in the platform int (int64) for small ints and bool, uint64 for uints. */
const accumulateDType = (d: DType | null): DType | null =>
  d === null ? null : d === 'bool' || d.startsWith('int') ? 'int64' : d.startsWith('uint') ? 'uint64' : d;

/** An op keeping the shape along `axis` (default `dflt`; None flattens when `flattenNone`). */
function axisKeeping(dflt: number | null, flattenNone: boolean, dtypeOf: (d: DType | null) => DType | null, axisIndex = 0, zeroDAsOneD = false): Model {
  return (a, ctx, self) => {
    const { x, off, name } = subject(a, self);
    if (!isArr(x)) return UNKNOWN;
    const dtype = a.kwargs.has('dtype') ? null : dtypeOf(x.dtype);
    const axisV = a.kwargs.get('axis') ?? a.args[off + axisIndex];
    const axis = axisV === undefined ? dflt : axisArg(axisV);
    if (axis === null && axisV !== undefined && axisV.kind !== 'none') return arr('numpy', null, dtype, ctx);
    if (!known(x.shape)) return arr('numpy', null, dtype, ctx);
    const shape = result(axisKeepingShape(x.shape, axis ?? null, flattenNone, zeroDAsOneD), ctx, 'shape-axis', [{ name, value: x }]);
    return arr('numpy', shape, dtype, ctx);
  };
}

const same = (d: DType | null): DType | null => d;

/** `np.pad(a, pad_width, mode=…)`: widths as an int, a pair, or one pair per axis (NumPy's `_as_pairs`). */
const padModel: Model = (a, ctx) => {
  const x = a.args[0];
  const w = a.args[1] ?? a.kwargs.get('pad_width');
  if (!isArr(x)) return UNKNOWN;
  if (!w || !known(x.shape)) return arr('numpy', null, x.dtype, ctx);
  const { shape: wShape } = literalShape(w);
  const values = flatInts(w);
  if (!wShape || !values || wShape.length > 2 || !wShape.every(isNum) || values.length !== (wShape as number[]).reduce((p, d) => p * d, 1)) return arr('numpy', null, x.dtype, ctx);
  const pairs = result(padPairs(wShape as number[], values, x.shape.length), ctx, 'shape-broadcast', [{ name: a.argTexts[1] ?? 'pad_width', value: w }]);
  if (!pairs) return arr('numpy', null, x.dtype, ctx);
  if (pairs.some(([p, q]) => p < 0 || q < 0)) return arr('numpy', null, x.dtype, ctx);
  return arr('numpy', paddedDims(x.shape, pairs), x.dtype, ctx);
};

/** The ints of an int or (nested) tuple/list of ints, in order; null when any is unknown. */
function flatInts(v: AValue): number[] | null {
  if (v.kind === 'int') return typeof v.value === 'number' ? [v.value] : null;
  const items = v.kind === 'tuple' ? v.items : v.kind === 'list' ? v.items : null;
  if (!items) return null;
  const out: number[] = [];
  for (const it of items) {
    const r = flatInts(it);
    if (!r) return null;
    out.push(...r);
  }
  return out;
}

/** `np.tile(a, reps)`. */
const tileModel: Model = (a, ctx) => {
  const x = a.args[0] ?? a.kwargs.get('A');
  const reps = shapeArg(a.args[1] ?? a.kwargs.get('reps'));
  if (!x) return UNKNOWN;
  const { shape, dtype } = isArr(x) ? { shape: x.shape, dtype: x.dtype } : literalShape(x);
  if (!known(shape) || !reps) return isArr(x) ? arr('numpy', null, dtype, ctx) : UNKNOWN;
  return arr('numpy', result(tileShape(shape, reps), ctx, 'shape-axis', [{ name: a.argTexts[0] ?? 'A', value: x }]), dtype, ctx);
};

/** `np.repeat(a, repeats, axis=None)` and `a.repeat(repeats, axis=None)`. */
const repeatModel: Model = (a, ctx, self) => {
  const { x, off, name } = subject(a, self);
  if (!isArr(x)) return UNKNOWN;
  const rv = a.args[off] ?? a.kwargs.get('repeats');
  const axisV = a.args[off + 1] ?? a.kwargs.get('axis');
  const axis = axisV === undefined ? undefined : axisArg(axisV);
  if (!rv || axis === null || Array.isArray(axis) || !known(x.shape)) return arr('numpy', null, x.dtype, ctx);
  let repeats: Dim | { counts: Dim[] };
  if (rv.kind === 'int') repeats = rv.value ?? sym('?');
  else if (rv.kind === 'list' || rv.kind === 'tuple') {
    const items = rv.kind === 'tuple' ? rv.items : rv.items;
    if (!items) return arr('numpy', null, x.dtype, ctx);
    repeats = { counts: items.map((i) => dimOf(i) ?? sym('?')) };
  } else return arr('numpy', null, x.dtype, ctx);
  const shape = result(repeatShape(x.shape, repeats, axis ?? null), ctx, 'shape-axis', [{ name, value: x }]);
  return arr('numpy', shape, x.dtype, ctx);
};

/** `np.diff(a, n=1, axis=-1)`. */
const diffModel: Model = (a, ctx) => {
  const x = a.args[0];
  if (!isArr(x)) return UNKNOWN;
  const nV = a.args[1] ?? a.kwargs.get('n');
  const axisV = a.args[2] ?? a.kwargs.get('axis');
  const n = nV === undefined ? 1 : dimOf(nV);
  const axis = axisV === undefined ? -1 : axisArg(axisV);
  const dtype = x.dtype === 'bool' ? 'bool' : x.dtype;
  if (n === null || !isNum(n) || typeof axis !== 'number' || !known(x.shape) || a.kwargs.has('prepend') || a.kwargs.has('append')) return arr('numpy', null, dtype, ctx);
  return arr('numpy', result(diffShape(x.shape, n, axis), ctx, 'shape-axis', [{ name: a.argTexts[0] ?? 'a', value: x }]), dtype, ctx);
};

/**
 * `np.unique(ar, return_index, return_inverse, return_counts, axis=None)`: a 1-D array of
 * distinct values whose length is a symbol; the extra outputs make a tuple.
 */
const uniqueModel: Model = (a, ctx) => {
  const x = a.args[0];
  if (!x) return UNKNOWN;
  const { shape, dtype } = isArr(x) ? { shape: x.shape, dtype: x.dtype } : literalShape(x);
  const flags = ['return_index', 'return_inverse', 'return_counts'].map((k, i) => boolArg(a.args[i + 1] ?? a.kwargs.get(k), false));
  const axisV = a.kwargs.get('axis') ?? a.args[4];
  if (flags.some((f) => f === null) || (axisV && axisV.kind !== 'none')) return UNKNOWN;
  const text = a.argTexts[0] ?? '';
  const n = sym(/^[A-Za-z_][\w.]{0,19}$/.test(text) ? `unique(${text})` : 'n_unique');
  const values = arr('numpy', [n], dtype, ctx);
  if (!flags.some(Boolean)) return values;
  const size: Dim | null = known(shape) ? shape.reduce<Dim>((p, d) => (isNum(p) && isNum(d) ? p * d : sym('?')), 1) : null;
  const out: AValue[] = [values];
  if (flags[0]) out.push(arr('numpy', [n], 'int64', ctx));
  if (flags[1]) out.push(arr('numpy', size === null ? null : [size], 'int64', ctx));
  if (flags[2]) out.push(arr('numpy', [n], 'int64', ctx));
  return tuple(out);
};

/** `np.triu(m, k)`/`np.tril(m, k)`. */
const triModel: Model = (a, ctx) => {
  const x = a.args[0] ?? a.kwargs.get('m');
  if (!isArr(x)) return UNKNOWN;
  if (!known(x.shape)) return arr('numpy', null, x.dtype, ctx);
  return arr('numpy', result(triShape(x.shape), ctx, 'shape-axis', [{ name: a.argTexts[0] ?? 'm', value: x }]), x.dtype, ctx);
};

/** `np.meshgrid(*xi, indexing='xy', sparse=False)`: a list of arrays (NumPy 1.24). */
const meshgridModel: Model = (a, ctx) => {
  const inputs = a.args.map((v) => (isArr(v) ? { shape: v.shape, dtype: v.dtype } : literalShape(v)));
  const ix = a.kwargs.get('indexing');
  const indexing = ix === undefined ? 'xy' : ix.kind === 'str' ? ix.value : null;
  const sparse = boolArg(a.kwargs.get('sparse'), false);
  if (a.opaque || indexing === null || sparse === null || a.kwargs.has('copy') && boolArg(a.kwargs.get('copy'), true) === null) return UNKNOWN;
  const sizes = inputs.map((i) => (known(i.shape) ? i.shape.reduce<Dim>((p, d) => (isNum(p) && isNum(d) ? p * d : sym('?')), 1) : null));
  if (sizes.some((x) => x === null)) return UNKNOWN;
  const shapes = result(meshgridShapes(sizes as Dim[], indexing, sparse), ctx, 'shape-axis', []);
  if (!shapes) return UNKNOWN;
  const items = shapes.map((s, i) => arr('numpy', s, inputs[i].dtype, ctx));
  return { kind: 'list', items, elem: items[0] ?? UNKNOWN };
};

/** `np.nonzero(a)` and one-argument `np.where(cond)`: a tuple of ndim index arrays of one unknown length. */
const nonzeroModel: Model = (a, ctx) => {
  const x = a.args[0];
  if (!isArr(x) || !known(x.shape)) return UNKNOWN;
  const n = sym('nnz');
  return tuple(Array.from({ length: Math.max(1, x.shape.length) }, () => arr('numpy', [n], 'int64', ctx)));
};

/** Models by their path under `numpy.`. */
export const ARRAY_OP_MODELS: Record<string, Model> = {
  triu: triModel, tril: triModel, meshgrid: meshgridModel, nonzero: nonzeroModel,
  pad: padModel, tile: tileModel, repeat: repeatModel, diff: diffModel, unique: uniqueModel,
  cumsum: axisKeeping(null, true, accumulateDType, 0, true), cumprod: axisKeeping(null, true, accumulateDType, 0, true),
  flip: axisKeeping(null, false, same), roll: axisKeeping(null, false, same, 1),
  sort: axisKeeping(-1, true, same), argsort: axisKeeping(-1, true, () => 'int64', 0, true),
  fliplr: (a, ctx, self) => axisKeeping(null, false, same)({ ...a, kwargs: new Map([['axis', { kind: 'int', value: 1 }]]) }, ctx, self),
  flipud: (a, ctx, self) => axisKeeping(null, false, same)({ ...a, kwargs: new Map([['axis', { kind: 'int', value: 0 }]]) }, ctx, self),
};

/** ndarray methods: `x.cumsum(axis=0)`, `x.argsort()`, `x.repeat(2)`. `x.sort()` sorts in place (None). */
export const ARRAY_OP_METHODS: Record<string, Model> = {
  cumsum: ARRAY_OP_MODELS.cumsum, cumprod: ARRAY_OP_MODELS.cumprod,
  argsort: ARRAY_OP_MODELS.argsort, repeat: repeatModel,
  sort: () => ({ kind: 'none' }),
};
