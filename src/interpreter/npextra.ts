// NumPy functions learners use that engine/pycall.ts does not offer yet (isclose/allclose,
// array_equal, count_nonzero, diff, argwhere, bincount, meshgrid, tril/triu, pad …), built here
// from engine primitives with NumPy 1.24's results and texts.
// Each should move into the engine when it grows the op; this file is the interpreter's stopgap.

import * as P from '../../engine/pycall';
import { DType } from '../../engine/core/dtype';
import { emptyArray, NDArray } from '../../engine/core/ndarray';
import { NumpyError } from '../../engine/core/errors';
import { NpScalar, PyFloat } from '../../engine/core/scalar';
import { PyTuple } from '../../engine/core/pyvalues';
import * as M from '../../engine/ops/manipulation';
import { pyError } from './errors';
import { truth } from './objects';
import { PySlice as SliceV, type Kwargs, type Value } from './values';
import { fromEngine, numpyError, toEngine } from './npbind';

type Fn = (args: Value[], kw: Kwargs | null) => Value;

function run<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof NumpyError) throw numpyError(e);
    throw e;
  }
}

/** Binds positional/keyword arguments to names (NumPy's signatures). */
function params(name: string, names: string[], args: Value[], kw: Kwargs | null, required = 1): Record<string, Value> {
  if (args.length > names.length) throw pyError('TypeError', `${name}() takes from ${required} to ${names.length} positional arguments but ${args.length} were given`);
  const p: Record<string, Value> = {};
  args.forEach((a, i) => { p[names[i]] = a; });
  if (kw) {
    for (const k of Object.keys(kw)) {
      if (!names.includes(k)) throw pyError('TypeError', `${name}() got an unexpected keyword argument '${k}'`);
      if (k in p) throw pyError('TypeError', `${name}() got multiple values for argument '${k}'`);
      p[k] = kw[k];
    }
  }
  for (let i = 0; i < required; i++) {
    if (!(names[i] in p)) throw pyError('TypeError', `${name}() missing 1 required positional argument: '${names[i]}'`);
  }
  return p;
}

const arr = (v: Value, dtype?: DType): NDArray => run(() => P.toArray(toEngine(v), dtype));
const intOr = (v: Value, d: number): number => (v === undefined || v === null ? d : Number(toEngine(v)));
const numOf = (v: Value, d: number): number => (v === undefined || v === null ? d : v instanceof PyFloat || v instanceof NpScalar ? v.value : Number(v));

function normAxis(axis: number, ndim: number): number {
  if (axis < -ndim || axis >= ndim) throw numpyError(new NumpyError('AxisError', `axis ${axis} is out of bounds for array of dimension ${ndim}`));
  return axis < 0 ? axis + ndim : axis;
}

const pyReprLite = (v: Value): string => (typeof v === 'string' ? `'${v}'` : String(v));

const scalarize = (a: NDArray): Value => (a.ndim === 0 ? new NpScalar(a.dtype, a.data[a.offset]) : a);

function fromValues(vals: number[], dtype: DType, shape: number[] = [vals.length]): NDArray {
  const out = emptyArray(shape, dtype);
  for (let i = 0; i < vals.length; i++) out.data[i] = vals[i];
  return out;
}

function isclose(aV: Value, bV: Value, rtol: number, atol: number, equalNan: boolean): NDArray {
  const [x, y] = run(() => P.callFunction('broadcast_arrays', [toEngine(aV), toEngine(bV)])) as NDArray[];
  const xs = x.toArray(), ys = y.toArray();
  const r = xs.map((a, i) => {
    const b = ys[i];
    if (Number.isNaN(a) || Number.isNaN(b)) return equalNan && Number.isNaN(a) && Number.isNaN(b) ? 1 : 0;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b ? 1 : 0;
    return Math.abs(a - b) <= atol + rtol * Math.abs(b) ? 1 : 0;
  });
  return fromValues(r, 'bool', [...x.shape]);
}

export const NPEXTRA: Record<string, Fn> = {
  pad: (args, kw) => {
    const p = params('pad', ['array', 'pad_width', 'mode', 'constant_values'], args, kw, 2);
    const a = arr(p.array);
    const mode = p.mode ?? 'constant';
    if (mode !== 'constant' && mode !== 'edge') throw pyError('NotImplementedError', `np.pad(mode=${pyReprLite(mode)}) is not supported by Shape Lens yet`);
    const pw = arr(p.pad_width).toArray();
    const widths = a.shape.map((_, i) => (pw.length === 1 ? [pw[0], pw[0]] : pw.length === 2 && arr(p.pad_width).ndim === 1 ? [pw[0], pw[1]] : [pw[2 * i], pw[2 * i + 1]]));
    const shape = a.shape.map((d, i) => d + widths[i][0] + widths[i][1]);
    const cv = p.constant_values === undefined ? 0 : Number(arr(p.constant_values).toArray()[0]);
    const out = run(() => P.callFunction('full', [new PyTuple(shape), mode === 'constant' ? cv : 0], { dtype: a.dtype })) as NDArray;
    const inner = new PyTuple(a.shape.map((d, i) => toEngine(new SliceV(widths[i][0], widths[i][0] + d, null))));
    run(() => P.setItem(out, inner, a));
    if (mode === 'edge') {
      for (let i = 0; i < a.ndim; i++) {
        const [before, after] = widths[i];
        const sl = (k: number) => new PyTuple(shape.map((_, j) => (j === i ? k : toEngine(new SliceV(null, null, null)))));
        for (let k = 0; k < before; k++) run(() => P.setItem(out, sl(k), P.getItem(out, sl(before))));
        for (let k = 0; k < after; k++) run(() => P.setItem(out, sl(shape[i] - 1 - k), P.getItem(out, sl(shape[i] - 1 - after))));
      }
    }
    return out;
  },
  isclose: (args, kw) => {
    const p = params('isclose', ['a', 'b', 'rtol', 'atol', 'equal_nan'], args, kw, 2);
    const r = isclose(p.a, p.b, numOf(p.rtol, 1e-5), numOf(p.atol, 1e-8), truth(p.equal_nan ?? false));
    return scalarize(r);
  },
  allclose: (args, kw) => {
    const p = params('allclose', ['a', 'b', 'rtol', 'atol', 'equal_nan'], args, kw, 2);
    const r = isclose(p.a, p.b, numOf(p.rtol, 1e-5), numOf(p.atol, 1e-8), truth(p.equal_nan ?? false));
    return r.toArray().every((v) => v !== 0);
  },
  array_equal: (args, kw) => {
    const p = params('array_equal', ['a1', 'a2', 'equal_nan'], args, kw, 2);
    const a = arr(p.a1), b = arr(p.a2);
    if (a.ndim !== b.ndim || a.shape.some((d, i) => d !== b.shape[i])) return false;
    const x = a.toArray(), y = b.toArray();
    return x.every((v, i) => v === y[i]);
  },
  count_nonzero: (args, kw) => {
    const p = params('count_nonzero', ['a', 'axis', 'keepdims'], args, kw);
    const a = arr(p.a);
    if (p.axis === undefined || p.axis === null) return a.toArray().filter((v) => v !== 0).length;
    const b = run(() => P.callFunction('not_equal', [a, 0])) as NDArray;
    return fromEngine(run(() => P.callFunction('sum', [b], { axis: toEngine(p.axis), keepdims: toEngine(p.keepdims ?? false) })));
  },
  diff: (args, kw) => {
    const p = params('diff', ['a', 'n', 'axis', 'prepend', 'append'], args, kw);
    let a = arr(p.a);
    const n = intOr(p.n, 1);
    if (n === 0) return a;
    if (a.ndim === 0) throw pyError('ValueError', 'diff requires input that is at least one dimensional');
    const ax = normAxis(intOr(p.axis, -1), a.ndim);
    for (let k = 0; k < n; k++) {
      const len = a.shape[ax];
      const sl = (start: number, stop: number) => new PyTuple(a.shape.map((_, i) => (i === ax ? toEngine(new SliceV(start, stop, null)) : toEngine(new SliceV(null, null, null)))));
      const upper = run(() => P.getItem(a, sl(1, len))) as NDArray;
      const lower = run(() => P.getItem(a, sl(0, Math.max(0, len - 1)))) as NDArray;
      a = run(() => P.callFunction(a.dtype === 'bool' ? 'not_equal' : 'subtract', [upper, lower])) as NDArray;
    }
    return a;
  },
  argwhere: (args, kw) => {
    const p = params('argwhere', ['a'], args, kw);
    const a = arr(p.a);
    const nz = run(() => P.callFunction('nonzero', [a.ndim === 0 ? M.reshape(a, [1]) : a])) as PyTuple;
    const cols = nz.items as NDArray[];
    const n = cols.length ? cols[0].size : 0;
    const out = emptyArray([n, a.ndim], 'int64');
    cols.forEach((c, j) => c.toArray().forEach((v, i) => { out.data[i * a.ndim + j] = v; }));
    return out;
  },
  flatnonzero: (args, kw) => {
    const p = params('flatnonzero', ['a'], args, kw);
    const vals = arr(p.a).toArray();
    return fromValues(vals.flatMap((v, i) => (v !== 0 ? [i] : [])), 'int64');
  },
  atleast_1d: (args) => {
    const r = args.map((x) => { const a = arr(x); return a.ndim === 0 ? M.reshape(a, [1]) : a; });
    return r.length === 1 ? r[0] : r;
  },
  atleast_2d: (args) => {
    const r = args.map((x) => { const a = arr(x); return a.ndim === 0 ? M.reshape(a, [1, 1]) : a.ndim === 1 ? M.reshape(a, [1, a.shape[0]]) : a; });
    return r.length === 1 ? r[0] : r;
  },
  ptp: (args, kw) => {
    const p = params('ptp', ['a', 'axis', 'out', 'keepdims'], args, kw);
    const a = arr(p.a);
    const o = { axis: toEngine(p.axis ?? null), keepdims: toEngine(p.keepdims ?? false) };
    const mx = run(() => P.callFunction('max', [a], o)), mn = run(() => P.callFunction('min', [a], o));
    return fromEngine(run(() => P.callFunction('subtract', [mx, mn])));
  },
  bincount: (args, kw) => {
    const p = params('bincount', ['x', 'weights', 'minlength'], args, kw);
    const x = arr(p.x);
    if (x.ndim !== 1) throw pyError('ValueError', 'object too deep for desired array');
    const vals = x.toArray();
    if (vals.some((v) => v < 0)) throw pyError('ValueError', "'list' argument must have no negative elements");
    const len = Math.max(intOr(p.minlength, 0), vals.length ? Math.max(...vals) + 1 : 0);
    const w = p.weights === undefined || p.weights === null ? null : arr(p.weights).toArray();
    const out = new Array<number>(len).fill(0);
    vals.forEach((v, i) => { out[v] += w ? w[i] : 1; });
    return fromValues(out, w ? 'float64' : 'int64');
  },
  meshgrid: (args, kw) => {
    const indexing = kw?.indexing ?? 'xy';
    const xs = args.map((x) => M.ravel(arr(x)));
    const n = xs.length;
    const shape = xs.map((x) => x.size);
    if (indexing === 'xy' && n > 1) { [shape[0], shape[1]] = [shape[1], shape[0]]; }
    return xs.map((x, i) => {
      const s = new Array<number>(n).fill(1);
      let pos = i;
      if (indexing === 'xy' && n > 1 && i < 2) pos = 1 - i;
      s[pos] = x.size;
      return M.copy(M.broadcastTo(M.reshape(x, s), shape));
    });
  },
  tril: (args, kw) => triangle(args, kw, true),
  triu: (args, kw) => triangle(args, kw, false),
  average: (args, kw) => {
    const p = params('average', ['a', 'axis', 'weights', 'returned', 'keepdims'], args, kw);
    if (p.weights === undefined || p.weights === null) return fromEngine(run(() => P.callFunction('mean', [toEngine(p.a)], { axis: toEngine(p.axis ?? null) })));
    const a = arr(p.a), w = arr(p.weights);
    const num = run(() => P.callFunction('sum', [P.callFunction('multiply', [a, w])], { axis: toEngine(p.axis ?? null) }));
    const den = run(() => P.callFunction('sum', [w], { axis: toEngine(p.axis ?? null) }));
    return fromEngine(run(() => P.callFunction('divide', [num, den])));
  },
};

function triangle(args: Value[], kw: Kwargs | null, lower: boolean): NDArray {
  const p = params(lower ? 'tril' : 'triu', ['m', 'k'], args, kw);
  const m = M.copy(arr(p.m));
  const k = intOr(p.k, 0);
  if (m.ndim < 2) throw pyError('NotImplementedError', `np.${lower ? 'tril' : 'triu'} of a 1-d array is not supported by Shape Lens yet`);
  const r = m.shape[m.ndim - 2], c = m.shape[m.ndim - 1];
  for (let off = 0; off < m.size; off += r * c) {
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) {
      if (lower ? j - i > k : j - i < k) m.data[off + i * c + j] = 0;
    }
  }
  return m;
}
