// The differential fixtures' codec: decodes the JSON that tools/gen_engine_fixtures.py writes
// (calls NumPy 1.24 answered) into engine values, replays one call through a PyCallSurface and
// lists every way the outcome differs from NumPy's. It knows no op and does not print: the
// str/repr NumPy recorded are carried in `Expected` for the printing check to use later.
// Input views ("view": "T" or a basic index) are built here from shape/strides/offset, not
// through the engine, so a broken getItem cannot corrupt every case's inputs.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allocate, DType, dtypeInfo, parseDType } from '../../engine/core/dtype';
import { NumpyError, PyErrorType, QUALIFIED_NAME } from '../../engine/core/errors';
import { cStrides, NDArray, sizeOf } from '../../engine/core/ndarray';
import { ELLIPSIS, PyTuple, Slice } from '../../engine/core/pyvalues';
import { NpScalar, PyFloat } from '../../engine/core/scalar';

// ---- the fixture format --------------------------------------------------------------------

export type Json = null | boolean | number | string | readonly Json[] | JsonObject;
export interface JsonObject { readonly [key: string]: Json }

/** One element of an "nd" argument or of expected data: non-finite floats are strings. */
export type DataItem = number | boolean | 'nan' | 'inf' | '-inf';

/**
 * Arguments (`Json` below) are Python values: JSON int → int, non-integral JSON number →
 * float, true/false, null → None, string, JSON list → list, `{"float": 2.0 | "nan"}`,
 * `{"tuple": [...]}`, `{"slice": [start, stop, step]}`, `{"ellipsis": true}`,
 * `{"npscalar": v, "dtype": d}` → NpScalar, `{"nd": nested, "dtype": d, "shape"?: [...],
 * "view"?: "T" | index}` → NDArray (shape only for size 0, where "nd" is []).
 */
export type InplaceOp = '+=' | '-=' | '*=' | '/=' | '//=' | '%=' | '**=';

export type CallSpec =
  | { readonly fn: string; readonly args: readonly Json[]; readonly kwargs: JsonObject }
  | { readonly method: string; readonly self: Json; readonly args: readonly Json[]; readonly kwargs: JsonObject }
  | { readonly attr: string; readonly self: Json }
  | { readonly getitem: Json; readonly index: Json }
  | { readonly setitem: Json; readonly index: Json; readonly value: Json }
  | { readonly setitem_view: Json; readonly view: Json; readonly index: Json; readonly value: Json }
  | { readonly iop: InplaceOp; readonly self: Json; readonly index: Json; readonly value: Json };

/** NumPy's answer. `data`/`str`/`repr` are null only for np.empty's uninitialised values. */
export type Expected =
  | {
    readonly type: 'ndarray'; readonly dtype: string; readonly shape: readonly number[];
    readonly data: readonly DataItem[] | null; readonly str: string | null; readonly repr: string | null;
  }
  | { readonly type: 'scalar'; readonly dtype: string; readonly value: DataItem; readonly str: string; readonly repr: string }
  | { readonly type: 'py'; readonly value: Json }
  | { readonly type: 'list' | 'tuple'; readonly items: readonly Expected[] }
  | { readonly type: 'error'; readonly pyType: string; readonly message: string };

export interface FixtureCase {
  readonly id: string;
  readonly call: CallSpec;
  readonly expected: Expected;
  /** "ulpN": float results may differ from NumPy's by N units in the last place. */
  readonly tol?: string;
}

export interface FixtureFile {
  readonly numpy: string;
  readonly category: string;
  readonly cases: readonly FixtureCase[];
}

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/engine/', import.meta.url));

/** Every `<category>.json` in the fixture directory, in name order. */
export function loadFixtureFiles(dir = FIXTURE_DIR): FixtureFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as FixtureFile);
}

// ---- decoding arguments --------------------------------------------------------------------

function fixtureError(what: string, j: unknown): Error {
  return new Error(`fixture: ${what}: ${JSON.stringify(j)}`);
}

function isObject(j: Json): j is JsonObject {
  return j !== null && typeof j === 'object' && !Array.isArray(j);
}

export function dtypeOf(name: Json): DType {
  const d = typeof name === 'string' ? parseDType(name) : undefined;
  if (d === undefined) throw fixtureError('unknown dtype', name);
  return d;
}

/** A data item as the number a buffer holds (bools as 0/1). */
export function dataValue(x: Json): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x === 'nan') return NaN;
  if (x === 'inf') return Infinity;
  if (x === '-inf') return -Infinity;
  throw fixtureError('bad data item', x);
}

/** The Python value a JSON argument stands for (see the format above). */
export function decodeArg(j: Json): unknown {
  if (j === null || typeof j === 'boolean' || typeof j === 'number' || typeof j === 'string') return j;
  if (Array.isArray(j)) return j.map(decodeArg);
  if (!isObject(j)) throw fixtureError('bad argument', j);
  if ('nd' in j) return decodeNd(j);
  if ('npscalar' in j) return new NpScalar(dtypeOf(j.dtype), dataValue(j.npscalar));
  if ('float' in j) return new PyFloat(dataValue(j.float));
  if ('tuple' in j) return new PyTuple(asList(j.tuple).map(decodeArg));
  if ('slice' in j) {
    const [start, stop, step] = asList(j.slice).map((x) => (x === null ? null : asInt(x)));
    return new Slice(start, stop, step);
  }
  if ('ellipsis' in j) return ELLIPSIS;
  throw fixtureError('unknown argument kind', j);
}

function asList(j: Json): readonly Json[] {
  if (!Array.isArray(j)) throw fixtureError('expected a list', j);
  return j;
}

function asInt(j: Json): number {
  if (typeof j !== 'number' || !Number.isInteger(j)) throw fixtureError('expected an int', j);
  return j;
}

/** Decodes an argument that must be an array (`self` of a method, the target of setitem). */
export function decodeArray(j: Json): NDArray {
  const a = decodeArg(j);
  if (!(a instanceof NDArray)) throw fixtureError('expected an "nd" argument', j);
  return a;
}

function decodeNd(j: JsonObject): NDArray {
  const dtype = dtypeOf(j.dtype);
  const flat: Json[] = [];
  const shape = 'shape' in j ? asList(j.shape).map(asInt) : nestedShape(j.nd);
  flatten(j.nd, flat);
  if (flat.length !== sizeOf(shape)) throw fixtureError(`data does not fill shape (${shape})`, j);
  const data = allocate(dtype, flat.length);
  flat.forEach((x, i) => { data[i] = dataValue(x); });
  const a = new NDArray(data, dtype, shape, cStrides(shape), 0);
  return 'view' in j ? applyView(a, j.view) : a;
}

function nestedShape(x: Json): number[] {
  if (!Array.isArray(x)) return [];
  if (x.length === 0) return [0];
  const inner = nestedShape(x[0]);
  for (const item of x) {
    if (JSON.stringify(nestedShape(item)) !== JSON.stringify(inner)) throw fixtureError('ragged "nd" data', x);
  }
  return [x.length, ...inner];
}

function flatten(x: Json, out: Json[]): void {
  if (Array.isArray(x)) for (const item of x) flatten(item, out);
  else out.push(x);
}

/** `a.T` or `a[index]` for a basic index (ints, slices, None, Ellipsis), as a view of `a`. */
export function applyView(a: NDArray, view: Json): NDArray {
  if (view === 'T') return a.view([...a.shape].reverse(), [...a.strides].reverse(), a.offset);
  const index = decodeArg(view);
  const items = index instanceof PyTuple ? index.items : [index];
  const consumed = items.filter((it) => typeof it === 'number' || it instanceof Slice).length;
  if (consumed > a.ndim || items.filter((it) => it === ELLIPSIS).length > 1) throw fixtureError('bad view index', view);
  const full = items.includes(ELLIPSIS) ? items : [...items, ELLIPSIS];
  const shape: number[] = [], strides: number[] = [];
  let offset = a.offset, dim = 0;
  for (const it of full) {
    if (it === null) {
      shape.push(1);
      strides.push(0);
    } else if (it === ELLIPSIS) {
      for (let k = 0; k < a.ndim - consumed; k++, dim++) {
        shape.push(a.shape[dim]);
        strides.push(a.strides[dim]);
      }
    } else if (typeof it === 'number' && Number.isInteger(it)) {
      const n = a.shape[dim];
      const i = it < 0 ? it + n : it;
      if (i < 0 || i >= n) throw fixtureError('view index out of range', view);
      offset += i * a.strides[dim++];
    } else if (it instanceof Slice) {
      const { start, length, step } = sliceIndices(it, a.shape[dim]);
      offset += start * a.strides[dim];
      shape.push(length);
      strides.push(a.strides[dim++] * step);
    } else {
      throw fixtureError('views take basic indices only', view);
    }
  }
  return a.view(shape, strides, offset);
}

/** Python's `slice.indices(n)` plus the resulting length. */
export function sliceIndices(s: Slice, n: number): { start: number; length: number; step: number } {
  const step = s.step ?? 1;
  if (step === 0) throw new Error('fixture: slice step cannot be zero');
  const lower = step < 0 ? -1 : 0, upper = step < 0 ? n - 1 : n;
  const clamp = (v: number | null, dflt: number): number => {
    if (v === null) return dflt;
    const w = v < 0 ? v + n : v;
    return Math.min(Math.max(w, lower), upper);
  };
  const start = clamp(s.start, step < 0 ? upper : lower);
  const stop = clamp(s.stop, step < 0 ? lower : upper);
  const length = step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((start - stop) / -step));
  return { start, length, step };
}

// ---- running a case ------------------------------------------------------------------------

/** What engine/pycall.ts exports; tests of the codec pass a fake. */
export interface PyCallSurface {
  callFunction(name: string, args: readonly unknown[], kwargs: Readonly<Record<string, unknown>>): unknown;
  callMethod(self: NDArray, name: string, args: readonly unknown[], kwargs: Readonly<Record<string, unknown>>): unknown;
  getAttribute(self: NDArray, name: string): unknown;
  getItem(self: NDArray, index: unknown): unknown;
  setItem(self: NDArray, index: unknown, value: unknown): void;
}

/** `t op= v` is `t.__iop__(v)` for arrays; a NumPy scalar has no `__iop__`, so Python runs `t op v`. */
export const INPLACE: Record<InplaceOp, { readonly dunder: string; readonly ufunc: string }> = {
  '+=': { dunder: '__iadd__', ufunc: 'add' },
  '-=': { dunder: '__isub__', ufunc: 'subtract' },
  '*=': { dunder: '__imul__', ufunc: 'multiply' },
  '/=': { dunder: '__itruediv__', ufunc: 'true_divide' },
  '//=': { dunder: '__ifloordiv__', ufunc: 'floor_divide' },
  '%=': { dunder: '__imod__', ufunc: 'remainder' },
  '**=': { dunder: '__ipow__', ufunc: 'power' },
};

function decodeKwargs(kw: JsonObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kw)) out[k] = decodeArg(v);
  return out;
}

/** Runs one call the way Python would; setitem/iop cases answer with the (mutated) target. */
export function runCall(call: CallSpec, py: PyCallSurface): unknown {
  if ('fn' in call) return py.callFunction(call.fn, call.args.map(decodeArg), decodeKwargs(call.kwargs));
  if ('method' in call) {
    return py.callMethod(decodeArray(call.self), call.method, call.args.map(decodeArg), decodeKwargs(call.kwargs));
  }
  if ('attr' in call) return py.getAttribute(decodeArray(call.self), call.attr);
  if ('getitem' in call) return py.getItem(decodeArray(call.getitem), decodeArg(call.index));
  if ('setitem' in call) {
    const a = decodeArray(call.setitem), index = decodeArg(call.index), value = decodeArg(call.value);
    py.setItem(a, index, value);
    return a;
  }
  if ('setitem_view' in call) {
    const a = decodeArray(call.setitem_view), view = decodeArg(call.view);
    const index = decodeArg(call.index), value = decodeArg(call.value);
    const v = py.getItem(a, view);
    if (!(v instanceof NDArray)) throw new Error(`getItem returned ${describeValue(v)} for a view index`);
    py.setItem(v, index, value);
    return a;
  }
  const a = decodeArray(call.self), value = decodeArg(call.value), op = INPLACE[call.iop];
  if (op === undefined) throw fixtureError('unknown in-place operator', call.iop);
  if (call.index === null) {
    py.callMethod(a, op.dunder, [value], {});
    return a;
  }
  const index = decodeArg(call.index);
  const t = py.getItem(a, index);
  const r = t instanceof NDArray ? py.callMethod(t, op.dunder, [value], {}) : py.callFunction(op.ufunc, [t, value], {});
  py.setItem(a, index, r);
  return a;
}

export type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: NumpyError };

/** runCall, with a NumpyError as an outcome; any other exception is a bug and propagates. */
export function runOutcome(call: CallSpec, py: PyCallSurface): Outcome {
  try {
    return { ok: true, value: runCall(call, py) };
  } catch (e) {
    if (e instanceof NumpyError) return { ok: false, error: e };
    throw e;
  }
}

// ---- comparing -----------------------------------------------------------------------------

/** "ulpN" → N; no tolerance → 0 (bit-exact). */
export function parseTol(tol: string | undefined): number {
  if (tol === undefined) return 0;
  const m = /^ulp(\d+)$/.exec(tol);
  if (!m) throw new Error(`fixture: bad tol ${JSON.stringify(tol)}`);
  return Number(m[1]);
}

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

/** Bit patterns mapped to a line where adjacent floats differ by 1 and -0 meets +0 at 0. */
function orderedBits(x: number, dtype: 'float32' | 'float64'): bigint {
  if (dtype === 'float32') {
    f32[0] = x;
    const b = i32[0];
    return BigInt(b < 0 ? -(b & 0x7fffffff) : b);
  }
  f64[0] = x;
  const b = i64[0];
  return b < 0n ? -(b & 0x7fffffffffffffffn) : b;
}

/** Units in the last place between two finite floats of the dtype (0 for -0 vs +0). */
export function ulpDistance(a: number, b: number, dtype: 'float32' | 'float64'): number {
  const d = orderedBits(a, dtype) - orderedBits(b, dtype);
  return Number(d < 0n ? -d : d);
}

/** Numbers as Python would show them, except that -0 stays visible. */
export function showNumber(x: number): string {
  return Object.is(x, -0) ? '-0.0' : String(x);
}

/**
 * Why `got` is not NumPy's element `want` of `dtype`, or null when it is: ints and bools
 * exactly (an integer -0 is a bug: it leaks into later float casts), floats bitwise (-0.0
 * differs from 0.0; any NaN matches any NaN) unless `ulps` > 0 lets finite values differ.
 */
export function compareElement(dtype: DType, want: DataItem, got: unknown, ulps = 0): string | null {
  const w = dataValue(want);
  if (typeof got !== 'number') return `expected ${String(want)}, got ${describeValue(got)}`;
  const kind = dtypeInfo(dtype).kind;
  if (kind !== 'f') return Object.is(w, got) ? null : `expected ${showNumber(w)}, got ${showNumber(got)}`;
  if (dtype === 'float32' && !Number.isNaN(got) && Math.fround(got) !== got) return `${got} is not a float32 value`;
  if (Number.isNaN(w) || Number.isNaN(got)) {
    return Number.isNaN(w) && Number.isNaN(got) ? null : `expected ${showNumber(w)}, got ${showNumber(got)}`;
  }
  if (Object.is(w, got)) return null;
  const d = Number.isFinite(w) && Number.isFinite(got) ? ulpDistance(w, got, dtype as 'float32' | 'float64') : Infinity;
  if (ulps > 0 && d <= ulps) return null;
  return `expected ${showNumber(w)}, got ${showNumber(got)} (${d} ulp${ulps ? `, tolerance ${ulps}` : ''})`;
}

const MAX_ELEMENT_REPORTS = 8;

/** Every way `actual` differs from NumPy's `expected` outcome; [] when it matches. */
export function compareOutcome(expected: Expected, actual: Outcome, ulps = 0): string[] {
  const out: string[] = [];
  if (expected.type === 'error') {
    if (actual.ok) {
      out.push(`expected ${expected.pyType}: ${expected.message} — got ${describeValue(actual.value)}`);
    } else {
      if (actual.error.pyType !== expected.pyType) out.push(`error type: expected ${expected.pyType}, got ${actual.error.pyType}`);
      if (actual.error.message !== expected.message) {
        out.push(`error message: expected ${JSON.stringify(expected.message)}, got ${JSON.stringify(actual.error.message)}`);
      }
    }
    return out;
  }
  if (!actual.ok) {
    out.push(`expected ${describeExpected(expected)} — got ${actual.error.pyType}: ${actual.error.message}`);
    return out;
  }
  compareValue(expected, actual.value, ulps, 'result', out);
  return out;
}

function compareValue(e: Expected, v: unknown, ulps: number, path: string, out: string[]): void {
  switch (e.type) {
    case 'ndarray': {
      if (!(v instanceof NDArray)) { out.push(`${path}: expected ${describeExpected(e)}, got ${describeValue(v)}`); return; }
      if (v.dtype !== e.dtype) out.push(`${path}.dtype: expected ${e.dtype}, got ${v.dtype}`);
      if (!sameShape(v.shape, e.shape)) {
        out.push(`${path}.shape: expected ${shapeText(e.shape)}, got ${shapeText(v.shape)}`);
        return;
      }
      if (e.data === null || v.dtype !== e.dtype) return;
      const got = v.toArray();
      let bad = 0;
      for (let i = 0; i < e.data.length; i++) {
        const why = compareElement(v.dtype, e.data[i], got[i], ulps);
        if (why === null) continue;
        if (bad++ < MAX_ELEMENT_REPORTS) out.push(`${path}.flat[${i}]: ${why}`);
      }
      if (bad > MAX_ELEMENT_REPORTS) out.push(`${path}: ${bad - MAX_ELEMENT_REPORTS} more elements differ`);
      return;
    }
    case 'scalar': {
      if (!(v instanceof NpScalar)) { out.push(`${path}: expected ${describeExpected(e)}, got ${describeValue(v)}`); return; }
      if (v.dtype !== e.dtype) { out.push(`${path}.dtype: expected ${e.dtype}, got ${v.dtype}`); return; }
      const why = compareElement(v.dtype, e.value, v.value, ulps);
      if (why !== null) out.push(`${path}.value: ${why}`);
      return;
    }
    case 'py': {
      const why = comparePy(e.value, v);
      if (why !== null) out.push(`${path}: ${why}`);
      return;
    }
    case 'list':
    case 'tuple': {
      const items = e.type === 'list' ? (Array.isArray(v) ? v : null) : v instanceof PyTuple ? v.items : null;
      if (items === null) { out.push(`${path}: expected a ${e.type}, got ${describeValue(v)}`); return; }
      if (items.length !== e.items.length) {
        out.push(`${path}: expected ${e.items.length} items, got ${items.length}`);
        return;
      }
      e.items.forEach((item, i) => compareValue(item, items[i], ulps, `${path}[${i}]`, out));
      return;
    }
    case 'error':
      out.push(`${path}: an error cannot be nested in a result`);
      return;
  }
}

/** Python ints/bools/str/None/floats/tuples/lists compared with Python's types kept apart. */
export function comparePy(e: Json, v: unknown): string | null {
  const mismatch = `expected ${pyText(e)}, got ${describeValue(v)}`;
  if (e === null || typeof e === 'boolean' || typeof e === 'string') return v === e ? null : mismatch;
  if (typeof e === 'number') return typeof v === 'number' && Number.isInteger(v) && Object.is(v, e) ? null : mismatch;
  if (Array.isArray(e)) {
    if (!Array.isArray(v) || v.length !== e.length) return mismatch;
    for (let i = 0; i < e.length; i++) if (comparePy(e[i], v[i]) !== null) return mismatch;
    return null;
  }
  if (isObject(e) && 'tuple' in e) {
    const items = asList(e.tuple);
    if (!(v instanceof PyTuple) || v.items.length !== items.length) return mismatch;
    for (let i = 0; i < items.length; i++) if (comparePy(items[i], v.items[i]) !== null) return mismatch;
    return null;
  }
  if (isObject(e) && 'float' in e) {
    const w = dataValue(e.float);
    const got = v instanceof PyFloat ? v.value : typeof v === 'number' && !Number.isInteger(v) ? v : undefined;
    if (got === undefined) return mismatch;
    return Object.is(w, got) || (Number.isNaN(w) && Number.isNaN(got)) ? null : mismatch;
  }
  throw fixtureError('bad py value', e);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function shapeText(s: readonly number[]): string {
  return s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`;
}

function pyText(e: Json): string {
  if (e === null) return 'None';
  if (typeof e === 'boolean') return e ? 'True' : 'False';
  if (typeof e === 'string') return JSON.stringify(e);
  if (typeof e === 'number') return String(e);
  if (Array.isArray(e)) return `[${e.map(pyText).join(', ')}]`;
  if (isObject(e) && 'tuple' in e) {
    const items = asList(e.tuple);
    return items.length === 1 ? `(${pyText(items[0])},)` : `(${items.map(pyText).join(', ')})`;
  }
  if (isObject(e) && 'float' in e) return `float ${String(e.float)}`;
  return JSON.stringify(e);
}

function describeExpected(e: Expected): string {
  switch (e.type) {
    case 'ndarray': return `ndarray ${e.dtype} ${shapeText(e.shape)}`;
    case 'scalar': return `${e.dtype} scalar ${String(e.value)}`;
    case 'py': return pyText(e.value);
    case 'list': case 'tuple': return `${e.type} of ${e.items.length}`;
    case 'error': return `${e.pyType}: ${e.message}`;
  }
}

/** A short description of an engine value for failure messages. */
export function describeValue(v: unknown): string {
  if (v instanceof NDArray) return `ndarray ${v.dtype} ${shapeText(v.shape)}`;
  if (v instanceof NpScalar) return `${v.dtype} scalar ${showNumber(v.value)}`;
  if (v instanceof PyFloat) return `float ${showNumber(v.value)}`;
  if (v instanceof PyTuple) return `tuple (${v.items.map(describeValue).join(', ')})`;
  if (Array.isArray(v)) return `list [${v.map(describeValue).join(', ')}]`;
  if (typeof v === 'number') return Number.isInteger(v) ? `int ${showNumber(v)}` : `float ${v}`;
  if (typeof v === 'string') return `str ${JSON.stringify(v)}`;
  if (v === null) return 'None';
  if (v === undefined) return 'undefined';
  return `${typeof v} ${String(v)}`;
}

// ---- for testing the codec itself ----------------------------------------------------------

/** The engine-side value NumPy's answer describes (what a perfect engine would return). */
export function materializeExpected(e: Expected): Outcome {
  if (e.type === 'error') {
    if (!Object.prototype.hasOwnProperty.call(QUALIFIED_NAME, e.pyType)) throw fixtureError('unknown error type', e.pyType);
    return { ok: false, error: new NumpyError(e.pyType as PyErrorType, e.message) };
  }
  return { ok: true, value: materializeValue(e) };
}

function materializeValue(e: Exclude<Expected, { type: 'error' }>): unknown {
  switch (e.type) {
    case 'ndarray': {
      const dtype = dtypeOf(e.dtype);
      const data = allocate(dtype, sizeOf(e.shape));
      e.data?.forEach((x, i) => { data[i] = dataValue(x); });
      return new NDArray(data, dtype, [...e.shape], cStrides(e.shape), 0);
    }
    case 'scalar': return new NpScalar(dtypeOf(e.dtype), dataValue(e.value));
    case 'py': return materializePy(e.value);
    case 'list': return e.items.map((i) => materializeValue(i as Exclude<Expected, { type: 'error' }>));
    case 'tuple': return new PyTuple(e.items.map((i) => materializeValue(i as Exclude<Expected, { type: 'error' }>)));
  }
}

function materializePy(e: Json): unknown {
  if (Array.isArray(e)) return e.map(materializePy);
  if (isObject(e) && 'tuple' in e) return new PyTuple(asList(e.tuple).map(materializePy));
  if (isObject(e) && 'float' in e) return new PyFloat(dataValue(e.float));
  return e;
}
