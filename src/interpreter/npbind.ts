// The `numpy` module and NumPy values inside the interpreter: `np.<name>` bound to
// engine/pycall.ts (functions, ufuncs, constants), engine/linalgPycall.ts (matmul family,
// np.linalg) and engine/random/pycall.ts (np.random); ndarray/NumPy-scalar attributes,
// methods, operators, indexing, truth, len and iteration; dtype objects and scalar types.
// It converts between interpreter values and engine values and computes nothing itself.

import * as P from '../../engine/pycall';
import { callLinalg, callMatmulFunction, LINALG_FUNCTION_NAMES, MATMUL_FUNCTION_NAMES } from '../../engine/linalgPycall';
import { callRandom, callRandomMethod, getRandomAttribute, hasRandomFunction, isRandomObject } from '../../engine/random/pycall';
import { DType, dtypeInfo, parseDType } from '../../engine/core/dtype';
import { NumpyError } from '../../engine/core/errors';
import { getUfunc } from '../../engine/ops/ufunc';
import { Slice } from '../../engine/core/pyvalues';
import { getPrintOptions, setPrintOptions } from '../../engine/format';
import type * as A from '../python/ast';
import { newException, pyError, PyRaise } from './errors';
import { floatToInt, powCorrect } from './numfmt';
import {
  callValue, dictSet, isInstance, iterToArray, newDict, toIndex, truth, typeName, attributeError, kwargsOf,
} from './objects';
import { rt } from './runtime';
import {
  ELLIPSIS, EXC, Kwargs, NDArray, NOT_IMPLEMENTED, NP_SCALAR_TYPES, NpScalar, PyBuiltin, PyClass, PyDict, PyDType, PyFloat,
  PyGenerator, PyInstance, PyIterator, PyModule, PyRange, PySlice, PyTuple, T_BOOL, T_COMPLEX, T_DTYPE, T_FLOAT, T_INT, T_NDARRAY,
  T_NP_FLOATING, T_NP_GENERIC, T_NP_INEXACT, T_NP_INTEGER, T_NP_NUMBER, T_NP_SIGNED, T_NP_UNSIGNED, T_OBJECT, Value,
} from './values';
import { NUMPY_FRAMES } from './numpyFrames';
import { ARRAY_HELPER_FRAMES } from './arrayHelperFrames';

export const NUMPY_FILE = '/usr/lib/python3/dist-packages/numpy/__init__.py';

// ---- conversions --------------------------------------------------------------------------------

const INT64_MAX = 2n ** 63n;

/** Interpreter value → engine value (bigints, slices, ranges, dtype objects, dicts). */
export function toEngine(v: Value): unknown {
  switch (typeof v) {
    case 'number': case 'boolean': case 'string': case 'symbol': return v;
    case 'bigint':
      if (v >= -INT64_MAX && v < INT64_MAX) return Number(v);
      if (v >= 0n && v < 2n * INT64_MAX) return Number(v);
      throw pyError('OverflowError', 'Python int too large to convert to C long');
    default: break;
  }
  if (v === null || v === undefined) return null;
  if (v instanceof NDArray || v instanceof NpScalar || v instanceof PyFloat) return v;
  if (Array.isArray(v)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      const c = typeof x === 'number' || x instanceof PyFloat || x instanceof NDArray || typeof x === 'boolean' ? x : toEngine(x);
      if (c !== x && out === null) out = v.slice(0, i);
      if (out) out.push(c);
    }
    return out ?? v;
  }
  if (v instanceof PyTuple) return new PyTuple(v.items.map(toEngine));
  if (v instanceof PySlice) {
    const c = (x: Value) => (x === null ? null : toIndex(x, () => 'slice indices must be integers or None or have an __index__ method'));
    return new Slice(c(v.start), c(v.stop), c(v.step));
  }
  if (v instanceof PyRange) return iterToArray(v);
  if (v instanceof PyDType) return v.name;
  if (v instanceof PyClass) return dtypeNameOfClass(v) ?? v;
  if (v instanceof PyDict) {
    const m = new Map<unknown, unknown>();
    for (const [, [k, x]] of v.map) m.set(toEngine(k), toEngine(x));
    return m;
  }
  return v;
}

function dtypeNameOfClass(c: PyClass): string | undefined {
  if (c.npDType) return c.npDType;
  if (c === T_FLOAT) return 'float';
  if (c === T_INT) return 'int';
  if (c === T_BOOL) return 'bool';
  if (c === T_COMPLEX) throw pyError('NotImplementedError', 'complex dtypes are not supported by Shape Lens');
  if (c === FLOAT16) throw pyError('NotImplementedError', 'float16 is not supported by Shape Lens');
  return undefined;
}

const engineArgs = (args: Value[]): unknown[] => args.map(toEngine);

function engineKwargs(kw: Kwargs | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (kw) for (const k of Object.keys(kw)) out[k] = toEngine(kw[k]);
  return out;
}

/** Engine value → interpreter value. */
export function fromEngine(v: unknown): Value {
  if (v === undefined) return null;
  if (typeof v === 'number') return Number.isInteger(v) ? v : new PyFloat(v);
  if (v instanceof PyTuple) return v.items.every((x) => x instanceof NDArray || typeof x !== 'object' || x === null) && v.items.every((x) => typeof x !== 'number' || Number.isInteger(x)) ? v : new PyTuple(v.items.map(fromEngine));
  if (Array.isArray(v)) return v.map(fromEngine);
  if (v instanceof Map) {
    const d = new PyDict();
    for (const [k, x] of v) dictSet(d, fromEngine(k), fromEngine(x));
    return d;
  }
  return v;
}

/** Runs an engine call, turning its errors into Python exceptions with NumPy's class names. */
function engine<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof NumpyError) throw numpyError(e);
    throw e;
  }
}

export function numpyError(e: NumpyError): PyRaise {
  const msg = e.message;
  if (e.pyType === 'TypeError' && /^Cannot cast ufunc '.*' output from/.test(msg)) return new PyRaise(excOf(UFUNC_CAST_ERROR, msg));
  if (e.pyType === 'TypeError' && /^ufunc '.*' did not contain a loop with signature matching types/.test(msg)) return new PyRaise(excOf(UFUNC_NOLOOP_ERROR, msg));
  if (e.pyType === 'TypeError' && /^Cannot cast ufunc '.*' input/.test(msg)) return new PyRaise(excOf(UFUNC_INPUT_CAST_ERROR, msg));
  const name = e.pyType === 'AxisError' ? 'AxisError' : e.pyType === 'MemoryError' ? '_ArrayMemoryError' : e.pyType === 'LinAlgError' ? 'LinAlgError' : e.pyType;
  if (name === 'KeyError') return new PyRaise(excOf(EXC.KeyError, msg));
  return pyError(EXC[name] ? name : 'RuntimeError', msg);
}

const excOf = (cls: PyClass, msg: string) => newException(cls, [msg]);
const UFUNC_CAST_ERROR = new PyClass('_UFuncOutputCastingError', [EXC.TypeError], 'numpy.core._exceptions');
const UFUNC_NOLOOP_ERROR = new PyClass('_UFuncNoLoopError', [EXC.TypeError], 'numpy.core._exceptions');
const UFUNC_INPUT_CAST_ERROR = new PyClass('_UFuncInputCastingError', [EXC.TypeError], 'numpy.core._exceptions');

// ---- scalar types and dtypes -------------------------------------------------------------------

export const FLOAT16 = new PyClass('float16', [T_NP_FLOATING], 'numpy');

function makeScalar(dtype: DType, args: Value[]): Value {
  if (args.length === 0) return new NpScalar(dtype, 0);
  const x = args[0];
  if (typeof x === 'string') {
    const t = x.trim();
    const n = dtype.startsWith('float') ? Number(t.replace(/_/g, '')) : Number.parseInt(t, 10);
    if (t === '' || Number.isNaN(n) && !/^[+-]?nan$/i.test(t)) {
      throw pyError('ValueError', dtype.startsWith('float') ? `could not convert string to float: ${JSON.stringify(x).replace(/"/g, "'")}` : `invalid literal for int() with base 10: '${x}'`);
    }
    return scalarOf(engine(() => P.callFunction('asarray', [dtype.startsWith('float') ? new PyFloat(n) : n], { dtype })) as NDArray);
  }
  const arr = engine(() => P.callFunction('asarray', [toEngine(x)], { dtype })) as NDArray;
  return arr.ndim === 0 ? scalarOf(arr) : arr;
}

function scalarOf(a: NDArray): NpScalar {
  return new NpScalar(a.dtype, a.data[a.offset]);
}

for (const [d, cls] of Object.entries(NP_SCALAR_TYPES)) {
  cls.nativeCall = (args) => makeScalar(d as DType, args);
}
FLOAT16.nativeCall = () => { throw pyError('NotImplementedError', 'float16 is not supported by Shape Lens'); };
T_NDARRAY.nativeCall = (args, kw) => {
  const shape = args[0] ?? kw?.shape;
  const dtype = args[1] ?? kw?.dtype ?? 'float64';
  return engine(() => P.callFunction('zeros', [toEngine(shape)], { dtype: toEngine(dtype) }));
};
T_DTYPE.nativeCall = (args) => toDTypeObject(args[0]);

export function toDTypeObject(x: Value): PyDType {
  if (x instanceof PyDType) return x;
  if (x === null) return new PyDType('float64');
  if (x instanceof NDArray) return new PyDType(x.dtype);
  const name = toEngine(x);
  if (typeof name === 'string') {
    const d = parseDType(name === 'float' ? 'float64' : name === 'int' ? 'int64' : name);
    if (d) return new PyDType(d);
    throw pyError('TypeError', `data type '${name}' not understood`);
  }
  throw pyError('TypeError', `Cannot interpret '${x instanceof PyClass ? `<class '${x.name}'>` : String(x)}' as a data type`);
}

const DTYPE_STR: Record<DType, string> = {
  bool: '|b1', int8: '|i1', int16: '<i2', int32: '<i4', int64: '<i8', uint8: '|u1', uint16: '<u2', uint32: '<u4', uint64: '<u8',
  float32: '<f4', float64: '<f8',
};

export function dtypeGetAttr(d: PyDType, name: string): Value | undefined {
  const info = dtypeInfo(d.name);
  switch (name) {
    case 'name': return d.name;
    case 'itemsize': return info.itemsize;
    case 'kind': return info.kind;
    case 'char': return info.char;
    case 'type': return NP_SCALAR_TYPES[d.name];
    case 'str': return DTYPE_STR[d.name];
    case 'ndim': return 0;
    case 'shape': return new PyTuple([]);
    case 'byteorder': return info.itemsize === 1 ? '|' : '=';
    case 'alignment': return info.itemsize;
    default: return undefined;
  }
}

// ---- arrays -------------------------------------------------------------------------------------

const ARRAY_ATTRS = new Set(['shape', 'ndim', 'size', 'dtype', 'T', 'strides', 'itemsize', 'nbytes', 'base']);
const ENGINE_METHODS = new Set(['reshape', 'flatten', 'ravel', 'clip', 'transpose', 'astype', 'copy', 'fill', 'sum', 'prod', 'mean',
  'std', 'var', 'max', 'min', 'any', 'all', 'argmax', 'argmin', 'cumsum', 'cumprod', 'squeeze', 'swapaxes', 'repeat', 'round', 'nonzero']);
const LOCAL_METHODS = new Set(['tolist', 'item', 'dot', 'trace', 'view', '__len__', '__array__', 'sort', 'argsort', 'ptp', 'conj', 'conjugate']);

function arrayMethod(a: NDArray, name: string, args: Value[], kw: Kwargs | null): Value {
  return withNumpyFrames(`ndarray.${name}`, () => arrayMethodImpl(a, name, args, kw));
}

function arrayMethodImpl(a: NDArray, name: string, args: Value[], kw: Kwargs | null): Value {
  switch (name) {
    case 'tolist': return toList(a);
    case 'item': {
      const r = engine(() => P.callMethod(a, 'item', engineArgs(args), engineKwargs(kw)));
      if (args.length > 0) {
        const idx = args.length === 1 ? toEngine(args[0]) : new PyTuple(engineArgs(args));
        const s = engine(() => P.getItem(a, idx));
        return s instanceof NpScalar ? scalarToPython(s) : fromEngine(s);
      }
      return r instanceof NpScalar ? scalarToPython(r) : fromEngine(r);
    }
    case 'dot': return engine(() => fromEngine(callMatmulFunction('dot', [a, ...engineArgs(args)], engineKwargs(kw))));
    case 'trace': return engine(() => fromEngine(callMatmulFunction('trace', [a, ...engineArgs(args)], engineKwargs(kw))));
    case 'view': return a.view(a.shape, a.strides, a.offset);
    case '__len__': return npLen(a);
    case '__array__': return a;
    case 'conj': case 'conjugate': return a;
    default: {
      const r = engine(() => fromEngine(P.callMethod(a, name, engineArgs(args), engineKwargs(kw))));
      if (name === 'mean' && a.size === 0) meanOfEmpty(args[0] ?? kw?.axis);
      return r;
    }
  }
}

/** NumPy's two warnings for the mean of an empty array (the second comes from numpy's own code). */
function meanOfEmpty(axis: Value): void {
  if (axis !== undefined && axis !== null) return;
  rt.warn('RuntimeWarning', 'Mean of empty slice.');
  rt.warn('RuntimeWarning', 'invalid value encountered in scalar divide',
    { filename: '/usr/lib/python3/dist-packages/numpy/core/_methods.py', line: 192, text: 'ret = ret.dtype.type(ret / rcount)' });
}

export function npGetAttr(a: NDArray, name: string): Value {
  if (ARRAY_ATTRS.has(name)) {
    const v = engine(() => P.getAttribute(a, name));
    if (name === 'dtype') return new PyDType(v as DType);
    return fromEngine(v);
  }
  if (ENGINE_METHODS.has(name) || LOCAL_METHODS.has(name)) {
    return new PyBuiltin(name, (args, kw) => arrayMethod(a, name, args, kw), false, a);
  }
  switch (name) {
    case 'flat': return new PyIterator(flatIterator(a), 'numpy.flatiter');
    case 'real': return a;
    case '__class__': return T_NDARRAY;
    case '__array_priority__': return new PyFloat(0);
    default: break;
  }
  throw attributeError(a, name);
}

function* flatIterator(a: NDArray): Generator<Value> {
  const vals = a.toArray();
  for (const v of vals) yield new NpScalar(a.dtype, v);
}

/** ndarray.tolist(): Python ints/floats/bools in nested lists. */
export function toList(a: NDArray): Value {
  const vals = a.toArray();
  const kind = dtypeInfo(a.dtype).kind;
  const conv = kind === 'f' ? (v: number) => new PyFloat(a.dtype === 'float32' ? Math.fround(v) : v) : kind === 'b' ? (v: number) => v !== 0 : (v: number) => v;
  let k = 0;
  const build = (dim: number): Value => {
    if (dim === a.ndim) return conv(vals[k++]);
    const out: Value[] = [];
    for (let i = 0; i < a.shape[dim]; i++) out.push(build(dim + 1));
    return out;
  };
  return build(0);
}

/** np.float64(1.5).item() → 1.5 (a Python float). */
export function scalarToPython(s: NpScalar): Value {
  const kind = dtypeInfo(s.dtype).kind;
  if (kind === 'f') return new PyFloat(s.value);
  if (kind === 'b') return s.value !== 0;
  return s.value;
}

export function npScalarGetAttr(s: NpScalar, name: string): Value {
  switch (name) {
    case 'dtype': return new PyDType(s.dtype);
    case 'shape': return new PyTuple([]);
    case 'ndim': return 0;
    case 'size': return 1;
    case 'itemsize': return dtypeInfo(s.dtype).itemsize;
    case 'nbytes': return dtypeInfo(s.dtype).itemsize;
    case 'T': case 'real': return s;
    case 'imag': return new NpScalar(s.dtype, 0);
    case '__class__': return NP_SCALAR_TYPES[s.dtype];
    case 'item': case 'tolist': return new PyBuiltin(name, () => scalarToPython(s), false, s);
    case 'is_integer': return new PyBuiltin(name, () => Number.isInteger(s.value), false, s);
    case 'astype': return new PyBuiltin(name, (args) => makeScalar(toDTypeObject(args[0]).name, [s]), false, s);
    default: break;
  }
  if (ENGINE_METHODS.has(name) || name === 'dot') {
    return new PyBuiltin(name, (args, kw) => {
      const a = engine(() => P.callFunction('asarray', [s])) as NDArray;
      const r = arrayMethod(a, name, args, kw);
      return r instanceof NDArray && r.ndim === 0 ? scalarOf(r) : r;
    }, false, s);
  }
  throw attributeError(s, name);
}

export function npTruth(v: NDArray | NpScalar): boolean {
  if (v instanceof NpScalar) return v.value !== 0;
  if (v.size === 1) return v.data[v.offset] !== 0;
  if (v.size === 0) {
    rt.warn('DeprecationWarning', 'The truth value of an empty array is ambiguous. Returning False, but in future this will result in an error. Use `array.size > 0` to check that an array is not empty.');
    return false;
  }
  throw pyError('ValueError', 'The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()');
}

export function npLen(a: NDArray): number {
  if (a.ndim === 0) throw pyError('TypeError', 'len() of unsized object');
  return a.shape[0];
}

export function* npIterate(a: NDArray): Generator<Value> {
  if (a.ndim === 0) throw pyError('TypeError', 'iteration over a 0-d array');
  const n = a.shape[0];
  for (let i = 0; i < n; i++) yield engine(() => P.getItem(a, i));
}

export function npContains(a: NDArray, item: Value): boolean {
  const eq = engine(() => P.callFunction('equal', [a, toEngine(item)]));
  if (eq instanceof NpScalar) return eq.value !== 0;
  return (engine(() => P.callMethod(eq as NDArray, 'any', [])) as NpScalar).value !== 0;
}

export function npGetItem(obj: NDArray | NpScalar, idx: Value): Value {
  if (obj instanceof NpScalar) {
    if (idx instanceof PyTuple && idx.items.length === 0) return obj;
    if (idx === ELLIPSIS) return engine(() => P.callFunction('asarray', [obj]));
    throw pyError('IndexError', 'invalid index to scalar variable.');
  }
  const i = toEngine(idx);
  return engine(() => fromEngine(P.getItem(obj, i)));
}

export function npSetItem(a: NDArray, idx: Value, value: Value): void {
  const i = toEngine(idx);
  const v = toEngine(value);
  engine(() => P.setItem(a, i, v));
}

// ---- floating-point warnings (NumPy's default np.seterr: warn on divide, over, invalid) -------------

const DIVIDE_UFUNCS = new Set(['divide', 'floor_divide', 'remainder', 'fmod', 'log', 'log2', 'log10', 'log1p', 'reciprocal', 'arctanh', 'power']);

function flatValues(x: unknown, shape: readonly number[]): number[] | number {
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof PyFloat || x instanceof NpScalar) return x.value;
  const arr = x instanceof NDArray ? x : (P.toArray(x) as NDArray);
  if (arr.ndim === 0) return arr.data[arr.offset];
  return (P.callFunction('broadcast_to', [arr, new PyTuple(shape)]) as NDArray).toArray();
}

function hasNonFinite(a: NDArray): boolean {
  const d = a.data;
  if (a.offset === 0 && d.length === a.size) {
    for (let i = 0; i < d.length; i++) { const v = d[i]; if (v - v !== 0) return true; }
    return false;
  }
  return a.toArray().some((v) => v - v !== 0);
}

/** Emits (or raises, under np.seterr(...='raise')) the RuntimeWarnings NumPy's FP checks give. */
function fpCheck(ufunc: string, inputs: readonly unknown[], result: unknown, scalarOp: boolean): void {
  let shape: readonly number[];
  let out: number[];
  let dtype: DType;
  if (result instanceof NpScalar) { shape = []; out = [result.value]; dtype = result.dtype; }
  else if (result instanceof NDArray) { shape = result.shape; dtype = result.dtype; out = []; }
  else return;
  const isFloat = dtype === 'float32' || dtype === 'float64';
  const flags = { divide: false, over: false, invalid: false };
  if (isFloat) {
    if (result instanceof NDArray) {
      if (!hasNonFinite(result)) return;
      out = result.toArray();
    } else if (out[0] - out[0] === 0) return;
    const ins = inputs.map((x) => flatValues(x, shape));
    const at = (k: number, i: number) => { const v = ins[k]; return typeof v === 'number' ? v : v[i]; };
    for (let i = 0; i < out.length; i++) {
      const v = out[i];
      if (v - v === 0) continue;
      let anyNaN = false, allFinite = true, anyZero = false;
      for (let k = 0; k < ins.length; k++) {
        const x = at(k, i);
        if (Number.isNaN(x)) anyNaN = true;
        if (!Number.isFinite(x)) allFinite = false;
        if (x === 0) anyZero = true;
      }
      if (Number.isNaN(v)) { if (!anyNaN) flags.invalid = true; }
      else if (allFinite) {
        if (DIVIDE_UFUNCS.has(ufunc) && anyZero) flags.divide = true;
        else flags.over = true;
      }
    }
  } else if ((ufunc === 'floor_divide' || ufunc === 'remainder' || ufunc === 'fmod') && inputs.length === 2) {
    const d = flatValues(inputs[1], shape);
    if (typeof d === 'number' ? d === 0 : d.includes(0)) flags.divide = true;
  } else return;
  const what = { divide: 'divide by zero', over: 'overflow', invalid: 'invalid value' } as const;
  for (const k of ['divide', 'over', 'invalid'] as const) {
    if (!flags[k]) continue;
    const mode = rt.fpMode[k];
    const msg = `${what[k]} encountered in ${scalarOp ? 'scalar ' : ''}${ufunc}`;
    if (mode === 'ignore') continue;
    if (mode === 'raise') throw pyError('FloatingPointError', msg);
    if (mode === 'print') { rt.write(`Warning: ${msg}\n`); continue; }
    rt.warn('RuntimeWarning', msg);
  }
}

const scalarNumber = (v: unknown): number | null =>
  (typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : v instanceof PyFloat || v instanceof NpScalar ? v.value : null);

const isArrayLike = (v: Value): boolean => v instanceof NDArray || Array.isArray(v) || v instanceof PyTuple;

// ---- operators -------------------------------------------------------------------------------------

const UFUNC_OF: Record<string, string> = {
  Add: 'add', Sub: 'subtract', Mult: 'multiply', Div: 'divide', FloorDiv: 'floor_divide', Mod: 'remainder', Pow: 'power',
  LShift: 'left_shift', RShift: 'right_shift', BitOr: 'bitwise_or', BitXor: 'bitwise_xor', BitAnd: 'bitwise_and',
};
const DUNDER_OF: Record<string, string> = {
  Add: 'add', Sub: 'sub', Mult: 'mul', Div: 'truediv', FloorDiv: 'floordiv', Mod: 'mod', Pow: 'pow', LShift: 'lshift', RShift: 'rshift',
  BitOr: 'or', BitXor: 'xor', BitAnd: 'and',
};

function isOperand(v: Value): boolean {
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || v instanceof PyFloat || v instanceof NDArray
    || v instanceof NpScalar || Array.isArray(v) || v instanceof PyTuple;
}

export function npBinary(op: A.BinaryOperator, a: Value, b: Value, inplace = false): Value {
  if (!isOperand(a) || !isOperand(b)) return NOT_IMPLEMENTED;
  const x = toEngine(a), y = toEngine(b);
  if (op === 'MatMult') {
    if (inplace) throw pyError('TypeError', "In-place matrix multiplication is not (yet) supported. Use 'a = a @ b' instead of 'a @= b'.");
    return engine(() => fromEngine(callMatmulFunction('matmul', [x, y])));
  }
  const dunder = DUNDER_OF[op];
  let r: Value;
  if (inplace && a instanceof NDArray) r = engine(() => fromEngine(P.callMethod(a, `__i${dunder}__`, [y])));
  else if (a instanceof NDArray) r = engine(() => fromEngine(P.callMethod(a, `__${dunder}__`, [y])));
  else if (b instanceof NDArray) r = engine(() => fromEngine(P.callMethod(b, `__r${dunder}__`, [x])));
  else r = engine(() => fromEngine(P.callFunction(UFUNC_OF[op], [x, y])));
  fpCheck(UFUNC_OF[op], [x, y], r, !isArrayLike(a) && !isArrayLike(b));
  // engine workaround: its float power is V8's `**`, not correctly rounded (10.0 ** -5); fix scalars
  if (op === 'Pow' && r instanceof NpScalar && r.dtype === 'float64') {
    const base = scalarNumber(x), exp = scalarNumber(y);
    if (base !== null && exp !== null && Number.isInteger(exp)) return new NpScalar('float64', powCorrect(base, exp));
  }
  return r;
}

const CMP_UFUNC: Record<string, string> = { Eq: 'equal', NotEq: 'not_equal', Lt: 'less', LtE: 'less_equal', Gt: 'greater', GtE: 'greater_equal' };

export function npCompare(op: string, a: Value, b: Value): Value {
  if (!isOperand(a) || !isOperand(b)) {
    const other = isOperand(a) ? b : a;
    const arr = isOperand(a) ? a : b;
    if ((op === 'Eq' || op === 'NotEq') && arr instanceof NDArray && (other === null || typeof other === 'string')) {
      return engine(() => P.callFunction('full', [new PyTuple(arr.shape), op === 'NotEq'], { dtype: 'bool' }));
    }
    return NOT_IMPLEMENTED;
  }
  const x = toEngine(a), y = toEngine(b);
  return engine(() => fromEngine(P.callFunction(CMP_UFUNC[op], [x, y])));
}

export function npUnary(op: A.UnaryOperator, v: NDArray | NpScalar): Value {
  const name = op === 'USub' ? '__neg__' : op === 'UAdd' ? '__pos__' : '__invert__';
  if (v instanceof NDArray) return engine(() => fromEngine(P.callMethod(v, name, [])));
  const uf = op === 'USub' ? 'negative' : op === 'UAdd' ? 'positive' : 'invert';
  return engine(() => fromEngine(P.callFunction(uf, [v])));
}

/** int(x)/float(x) of NumPy values (size-1 arrays allowed, as NumPy 1.24 does). */
export function npToNumber(v: NDArray | NpScalar, kind: 'int' | 'float'): Value {
  let value: number, dtype: DType;
  if (v instanceof NDArray) {
    if (v.size !== 1) throw pyError('TypeError', 'only size-1 arrays can be converted to Python scalars');
    value = v.data[v.offset];
    dtype = v.dtype;
    if (v.ndim > 0 && v.size === 1) { const s = v.toArray()[0]; value = s; }
  } else { value = v.value; dtype = v.dtype; }
  if (kind === 'float') return new PyFloat(dtype === 'float32' ? Math.fround(value) : value);
  return floatToInt(value);
}

/** round(x[, n]) of NumPy values. */
export function npRound(v: NDArray | NpScalar, ndigits: Value): Value {
  if (v instanceof NpScalar && (ndigits === null || ndigits === undefined)) {
    const r = engine(() => P.callFunction('round', [v])) as NpScalar;
    return floatToInt(r.value);
  }
  return engine(() => fromEngine(P.callFunction('round', [v, ndigits === null || ndigits === undefined ? 0 : toEngine(ndigits)])));
}

// ---- the numpy module ------------------------------------------------------------------------------------

const SCALAR_ALIASES: Record<string, DType> = {
  float_: 'float64', double: 'float64', single: 'float32', int_: 'int64', intc: 'int32', intp: 'int64', uint: 'uint64',
  bool8: 'bool', longlong: 'int64', byte: 'int8', ubyte: 'uint8', short: 'int16', ushort: 'uint16', uintc: 'uint32',
  longdouble: 'float64', ulonglong: 'uint64',
};
const ABSTRACT: Record<string, PyClass> = {
  generic: T_NP_GENERIC, number: T_NP_NUMBER, integer: T_NP_INTEGER, signedinteger: T_NP_SIGNED, unsignedinteger: T_NP_UNSIGNED,
  inexact: T_NP_INEXACT, floating: T_NP_FLOATING,
};
const EXTRA_CONSTANTS: Record<string, number> = { NaN: NaN, NAN: NaN, Inf: Infinity, Infinity: Infinity, infty: Infinity, PINF: Infinity, NINF: -Infinity, PZERO: 0, NZERO: -0 };

function npFunction(name: string, impl: (args: Value[], kw: Kwargs | null) => Value, frameKey = name): PyBuiltin {
  return new PyBuiltin(name, (args, kw) => withNumpyFrames(frameKey, () => impl(args, kw)), false, undefined, name);
}

/** Adds the frames NumPy's own Python code shows when `key` (np.fn or ndarray.method) raises. */
export function withNumpyFrames<T>(key: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof PyRaise && e.exc.exc && e.exc.exc.traceback.length === 0) {
      const cls = e.exc.cls.name, message = e.exc.exc.args[0];
      const frames = NUMPY_FRAMES[`${key}|${cls}`] ?? ARRAY_HELPER_FRAMES[`${key}|${cls}`]
        ?? (typeof message === 'string' ? ARRAY_HELPER_FRAMES[`${key}|${cls}|${shapelessMessage(message)}`] : undefined);
      if (frames) {
        for (const [filename, line, name, text, col, endCol, multi] of frames) {
          e.exc.exc.traceback.push({
            filename, line, name, node: null, text,
            cols: col === null || endCol === null ? undefined : [col, endCol, multi],
          });
        }
        e.exc.exc.lastFrame = key;
      }
    }
    throw e;
  }
}

/** An error message with parenthesised parts emptied and numbers as #: how tools/gen_array_helper_frames.py keys by message. */
function shapelessMessage(message: string): string {
  return message.replace(/\([^)]*\)/g, '()').replace(/-?\d+/g, '#');
}

/** `<__array_function__ internals>` frames NumPy 1.24 shows for errors in these C-implemented functions. */
export const ARRAY_FUNCTION_C = new Set(['concatenate', 'inner', 'where', 'lexsort', 'can_cast', 'min_scalar_type', 'result_type', 'dot', 'vdot',
  'bincount', 'ravel_multi_index', 'unravel_index', 'copyto', 'putmask', 'packbits', 'unpackbits', 'shares_memory', 'may_share_memory']);

function npLazy(name: string): Value | undefined {
  const c = (P.CONSTANTS as Record<string, unknown>)[name];
  if (c !== undefined || name === 'newaxis') return fromEngine(c ?? null);
  if (name in EXTRA_CONSTANTS) return new PyFloat(EXTRA_CONSTANTS[name]);
  const d = parseScalarName(name);
  if (d) return NP_SCALAR_TYPES[d];
  if (name in ABSTRACT) return ABSTRACT[name];
  switch (name) {
    case 'float16': case 'half': return FLOAT16;
    case 'ndarray': return T_NDARRAY;
    case 'dtype': return T_DTYPE;
    case 'linalg': return linalgModule();
    case 'random': return randomModule();
    case 'AxisError': return EXC.AxisError;
    case '__version__': return '1.24.2';
    case 'get_printoptions': return npFunction(name, () => {
      const o = getPrintOptions() as unknown as Record<string, unknown>;
      const d = newDict();
      for (const k of ['edgeitems', 'threshold', 'floatmode', 'precision', 'suppress', 'linewidth']) dictSet(d, k, fromEngine(o[k]));
      dictSet(d, 'nanstr', 'nan'); dictSet(d, 'infstr', 'inf'); dictSet(d, 'sign', o.sign); dictSet(d, 'formatter', null); dictSet(d, 'legacy', false);
      return d;
    });
    case 'printoptions': return npFunction(name, (args, kw) => printOptionsContext(kw));
    case 'errstate': return npFunction(name, (args, kw) => {
      let saved: Record<'divide' | 'over' | 'under' | 'invalid', string> | null = null;
      return jsContext(() => { saved = { ...rt.fpMode }; setErr(kw); return null; }, () => { if (saved) rt.fpMode = saved; }, 'errstate');
    });
    case 'seterr': return npFunction(name, (args, kw) => {
      const d = newDict();
      for (const k of ['divide', 'over', 'under', 'invalid'] as const) dictSet(d, k, rt.fpMode[k]);
      setErr(kw);
      return d;
    });
    case 'geterr': return npFunction(name, () => {
      const d = newDict();
      for (const k of ['divide', 'over', 'under', 'invalid'] as const) dictSet(d, k, rt.fpMode[k]);
      return d;
    });
    default: break;
  }
  if (MATMUL_FUNCTION_NAMES.includes(name)) {
    return npFunction(name, (args, kw) => engine(() => fromEngine(callMatmulFunction(name, engineArgs(args), engineKwargs(kw)))));
  }
  if (P.hasFunction(name)) {
    if (name === 'result_type' || name === 'promote_types') {
      return npFunction(name, (args, kw) => toDTypeObject(engine(() => P.callFunction(name, engineArgs(args), engineKwargs(kw))) as string));
    }
    const uf = getUfunc(name);
    if (uf) {
      return npFunction(name, (args, kw) => {
        const ea = engineArgs(args);
        const r = engine(() => fromEngine(P.callFunction(name, ea, engineKwargs(kw))));
        fpCheck(uf.name, ea.slice(0, uf.nin), r, false);
        return r;
      });
    }
    if (name === 'nanmax' || name === 'nanmin' || name === 'nanmean') {
      // NumPy's nanfunctions warn (from Python, at the caller's line) when a slice is all NaN
      return npFunction(name, (args, kw) => {
        const r = engine(() => fromEngine(P.callFunction(name, engineArgs(args), engineKwargs(kw))));
        const vals = r instanceof NDArray ? r.toArray() : r instanceof NpScalar ? [r.value] : [];
        if (vals.some((v) => Number.isNaN(v))) rt.warn('RuntimeWarning', name === 'nanmean' ? 'Mean of empty slice' : 'All-NaN slice encountered');
        return r;
      });
    }
    if (name === 'mean') {
      return npFunction(name, (args, kw) => {
        const r = engine(() => fromEngine(P.callFunction(name, engineArgs(args), engineKwargs(kw))));
        const a = args[0];
        if ((a instanceof NDArray && a.size === 0) || (Array.isArray(a) && a.length === 0)) meanOfEmpty(args[1] ?? kw?.axis);
        return r;
      });
    }
    return npFunction(name, (args, kw) => engine(() => fromEngine(P.callFunction(name, engineArgs(args), engineKwargs(kw)))));
  }
  return undefined;
}

function parseScalarName(name: string): DType | undefined {
  if (name in NP_SCALAR_TYPES && name !== 'bool') return name as DType;
  if (name === 'bool_') return 'bool';
  return SCALAR_ALIASES[name];
}

let ctxClass: PyClass | null = null;
/** A context manager instance whose __enter__/__exit__ run JS callbacks. */
export function jsContext(enter: () => Value, exit: () => void, name = 'context'): PyInstance {
  ctxClass ??= new PyClass('_GeneratorContextManager', [T_OBJECT], 'contextlib');
  const cls = new PyClass(name, [ctxClass], 'contextlib');
  cls.dict.set('__enter__', new PyBuiltin('__enter__', () => enter(), true, undefined, `${name}.__enter__`));
  cls.dict.set('__exit__', new PyBuiltin('__exit__', () => { exit(); return false; }, true, undefined, `${name}.__exit__`));
  return new PyInstance(cls);
}

function setErr(kw: Kwargs | null): void {
  if (!kw) return;
  const all = kw.all;
  for (const k of ['divide', 'over', 'under', 'invalid'] as const) {
    const v = kw[k] ?? all;
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' || !['ignore', 'warn', 'raise', 'call', 'print', 'log'].includes(v)) throw pyError('ValueError', `invalid error mode ${pyReprLite(v)}`);
    rt.fpMode[k] = v;
  }
}

const pyReprLite = (v: Value): string => (typeof v === 'string' ? `'${v}'` : String(v));

function printOptionsContext(kw: Kwargs | null): PyInstance {
  const saved = getPrintOptions();
  return jsContext(() => {
    engine(() => P.callFunction('set_printoptions', [], engineKwargs(kw)));
    return null;
  }, () => setPrintOptions(saved), 'printoptions');
}

let numpyModule: PyModule | null = null;
let linalg: PyModule | null = null;
let random: PyModule | null = null;

export function resetNumpy(): void {
  numpyModule = null;
  linalg = null;
  random = null;
}

export function makeNumpyModule(): PyModule {
  if (numpyModule) return numpyModule;
  const m = new PyModule('numpy', NUMPY_FILE);
  m.lazy = npLazy;
  numpyModule = m;
  return m;
}

export function linalgModule(): PyModule {
  if (linalg) return linalg;
  const m = new PyModule('numpy.linalg', '/usr/lib/python3/dist-packages/numpy/linalg/__init__.py');
  m.lazy = (name) => {
    if (name === 'LinAlgError') return EXC.LinAlgError;
    if (LINALG_FUNCTION_NAMES.includes(name)) {
      return npFunction(name, (args, kw) => engine(() => fromEngine(callLinalg(name, engineArgs(args), engineKwargs(kw)))), `linalg.${name}`);
    }
    if (name === 'matmul' || name === 'multi_dot') return undefined;
    return undefined;
  };
  linalg = m;
  return m;
}

export function randomModule(): PyModule {
  if (random) return random;
  const m = new PyModule('numpy.random', '/usr/lib/python3/dist-packages/numpy/random/__init__.py');
  m.lazy = (name) => {
    if (!hasRandomFunction(name)) return undefined;
    return npFunction(name, (args, kw) => engine(() => fromEngine(callRandom(name, engineArgs(args), engineKwargs(kw)))));
  };
  random = m;
  return m;
}

/** Attributes of np.random objects (Generator, RandomState, bit generators). */
export function foreignGetAttr(obj: Value, name: string): Value | undefined {
  if (!isRandomObject(obj)) return undefined;
  try {
    return fromEngine(getRandomAttribute(obj, name));
  } catch (e) {
    if (!(e instanceof NumpyError)) throw e;
  }
  return new PyBuiltin(name, (args, kw) => engine(() => fromEngine(callRandomMethod(obj, name, engineArgs(args), engineKwargs(kw)))), false, obj);
}
