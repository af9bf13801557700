// Python's object protocols over the interpreter's values: type(), truth, hashing and equality,
// comparisons, arithmetic (with CPython's int/float semantics and error texts), attribute
// lookup with descriptors, calls, instantiation, subscripts, len, `in` and iteration.
// NumPy arrays and scalars are delegated to npbind.ts; str()/repr() live in repr.ts.
// This file does not walk the AST: user functions are run through interpreter.ts.

import type * as A from '../python/ast';
import { keyError, newException, pyError, PyRaise } from './errors';
import {
  floatFloorDiv, floatMod, floatPow, intAdd, intBitOp, intCompare, intFloatCompare, intFloorDiv, intMod, intMul, intNeg,
  intPow, intShift, intSub, intToFloat, normBig, PyInt, toBig,
} from './numfmt';
import { hashFloat, hashInt, hashStr, hashTuple } from './pyset';
import { rt } from './runtime';
import {
  ELLIPSIS, EXC, emptyKwargs, Kwargs, NDArray, NOT_IMPLEMENTED, NP_SCALAR_TYPES, NpScalar, objectId, PyBoundMethod, PyBuiltin, PyClass,
  PyClassMethod, PyDefaultDict, PyDict, PyDictView, PyDType, PyFloat, PyFunction, PyGenerator, PyGenericAlias, PyInstance, PyIterator,
  PyModule, PyProperty, PyRange, PySet, PySlice, PyStaticMethod, PySuper, PyTuple, T_BOOL, T_BUILTIN, T_BYTEARRAY, T_BYTES, T_CLASSMETHOD, T_DICT, T_DTYPE,
  T_ELLIPSIS, T_FLOAT, T_FROZENSET, T_FUNCTION, T_GENERATOR, T_INT, T_LIST, T_METHOD, T_MODULE, T_NDARRAY, T_NONE, T_NOTIMPL,
  T_OBJECT, T_PROPERTY, T_RANGE, T_SET, T_SLICE, T_STATICMETHOD, T_STR, T_SUPER, T_TUPLE, T_TYPE, Value,
} from './values';
import { callFunction } from './interpreter';
import {
  npBinary, npCompare, npContains, npGetAttr, npGetItem, npIterate, npLen, npScalarGetAttr, npSetItem, npTruth, npUnary,
  dtypeGetAttr, foreignGetAttr, NUMPY_FILE,
} from './npbind';
import { percentFormat, pyRepr, pyStr } from './repr';
import { Tensor } from '../../engine/torch/tensor';
import {
  torchBinary, torchCompare, torchContains, torchGetAttr, torchGetItem, torchIterate, torchLen, torchSetAttr, torchSetItem, torchToNumber,
  torchTruth, torchTypeOf, torchUnary,
} from './torchbind';
import { isNnModule, nnSetAttr } from './torchModules';
import { bytesEqual, PyBytes } from './pybytes';

// ---- types and names ------------------------------------------------------------------------

const iteratorClasses = new Map<string, PyClass>();
function iteratorClass(name: string): PyClass {
  let c = iteratorClasses.get(name);
  if (!c) { c = new PyClass(name, [T_OBJECT]); iteratorClasses.set(name, c); }
  return c;
}
const T_DICT_KEYS = new PyClass('dict_keys', [T_OBJECT]);
const T_DICT_VALUES = new PyClass('dict_values', [T_OBJECT]);
const T_DICT_ITEMS = new PyClass('dict_items', [T_OBJECT]);
const T_GENERIC_ALIAS = new PyClass('GenericAlias', [T_OBJECT], 'types');
export const T_DEFAULTDICT = new PyClass('defaultdict', [T_DICT], 'collections');

export function typeOf(v: Value): PyClass {
  switch (typeof v) {
    case 'number': case 'bigint': return T_INT;
    case 'boolean': return T_BOOL;
    case 'string': return T_STR;
    case 'symbol': return T_ELLIPSIS;
    case 'undefined': return T_NONE;
    default: break;
  }
  if (v === null) return T_NONE;
  if (v instanceof PyFloat) return T_FLOAT;
  if (v instanceof PyBytes) return v.mutable ? T_BYTEARRAY : T_BYTES;
  if (Array.isArray(v)) return T_LIST;
  if (v instanceof PyInstance) return v.cls;
  if (v instanceof PyTuple) return v.constructor === PyTuple ? T_TUPLE : torchTypeOf(v) ?? T_TUPLE;
  if (v instanceof NDArray) return T_NDARRAY;
  if (v instanceof Tensor) return torchTypeOf(v) as PyClass;
  if (v instanceof NpScalar) return NP_SCALAR_TYPES[v.dtype];
  if (v instanceof PyDefaultDict) return T_DEFAULTDICT;
  if (v instanceof PyDict) return v.cls ?? T_DICT;
  if (v instanceof PySet) return v.frozen ? T_FROZENSET : T_SET;
  if (v instanceof PyFunction) return T_FUNCTION;
  if (v instanceof PyBuiltin) return T_BUILTIN;
  if (v instanceof PyBoundMethod) return v.func instanceof PyBuiltin ? T_BUILTIN : T_METHOD;
  if (v instanceof PyClass) return T_TYPE;
  if (v instanceof PyRange) return T_RANGE;
  if (v instanceof PySlice) return T_SLICE;
  if (v instanceof PyModule) return T_MODULE;
  if (v instanceof PyIterator) return iteratorClass(v.typeName);
  if (v instanceof PyGenerator) return T_GENERATOR;
  if (v instanceof PyDType) return T_DTYPE;
  if (v instanceof PyProperty) return T_PROPERTY;
  if (v instanceof PyStaticMethod) return T_STATICMETHOD;
  if (v instanceof PyClassMethod) return T_CLASSMETHOD;
  if (v instanceof PySuper) return T_SUPER;
  if (v instanceof PyDictView) return v.kind === 'keys' ? T_DICT_KEYS : v.kind === 'values' ? T_DICT_VALUES : T_DICT_ITEMS;
  if (v instanceof PyGenericAlias) return T_GENERIC_ALIAS;
  if (v === NOT_IMPLEMENTED) return T_NOTIMPL;
  return torchTypeOf(v) ?? foreignClass(v);
}

const foreignClasses = new Map<string, PyClass>();
/** Engine objects without a Python class of their own (np.random Generators…). */
function foreignClass(v: Value): PyClass {
  const name = (v && typeof v === 'object' && v.constructor && v.constructor.name) || 'object';
  let c = foreignClasses.get(name);
  if (!c) { c = new PyClass(name, [T_OBJECT], 'numpy.random'); foreignClasses.set(name, c); }
  return c;
}

/** CPython's `tp_name`: `int`, `numpy.ndarray`, `Foo`. */
export function typeName(v: Value): string {
  const c = typeOf(v);
  return c.module === 'numpy' ? `numpy.${c.name}` : c.name;
}

export function className(c: PyClass): string {
  return c.module === 'numpy' ? `numpy.${c.name}` : c.name;
}

export const isNp = (v: Value): boolean => v instanceof NDArray || v instanceof NpScalar;

export function isInstance(v: Value, cls: PyClass): boolean {
  if (cls === T_OBJECT) return true;
  const t = typeOf(v);
  return t === cls || t.mro.includes(cls);
}

// ---- truth ------------------------------------------------------------------------------------

export function truth(v: Value): boolean {
  switch (typeof v) {
    case 'boolean': return v;
    case 'number': return v !== 0;
    case 'string': return v.length > 0;
    case 'bigint': return v !== 0n;
    case 'symbol': return true;
    default: break;
  }
  if (v === null || v === undefined) return false;
  if (v instanceof PyFloat) return v.value !== 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof PyTuple) return v.items.length > 0;
  if (v instanceof PyDict || v instanceof PySet) return v.size > 0;
  if (v instanceof NDArray || v instanceof NpScalar) return npTruth(v);
  if (v instanceof Tensor) return torchTruth(v);
  if (v instanceof PyRange) return v.length > 0;
  if (v instanceof PyDictView) return v.dict.size > 0;
  if (v instanceof PyInstance) {
    const b = lookupSpecial(v, '__bool__');
    if (b !== undefined) {
      const r = callValue(b, [v], null);
      if (typeof r !== 'boolean') throw pyError('TypeError', `__bool__ should return bool, returned ${typeName(r)}`);
      return r;
    }
    const l = lookupSpecial(v, '__len__');
    if (l !== undefined) return pyLen(v) > 0;
    return true;
  }
  return true;
}

// ---- hashing -----------------------------------------------------------------------------------

/** A Map key that is equal exactly when the Python values are equal (and hashable). */
export function hashKey(v: Value): unknown {
  switch (typeof v) {
    case 'number': return v;
    case 'bigint': return v;
    case 'boolean': return v ? 1 : 0;
    case 'string': return v.charCodeAt(0) === 1 ? `\u0001${v}` : v;
    case 'symbol': return v;
    default: break;
  }
  if (v === null) return null;
  if (v instanceof PyFloat) return floatKey(v.value);
  if (v instanceof PyTuple) return `\u0001(${v.items.map(keyString).join(',')})`;
  if (v instanceof NpScalar) return v.dtype === 'float32' || v.dtype === 'float64' ? floatKey(v.value) : v.value;
  if (Array.isArray(v) || v instanceof PyDict || (v instanceof PySet && !v.frozen) || v instanceof NDArray) {
    throw pyError('TypeError', `unhashable type: '${typeName(v)}'`);
  }
  if (v instanceof PySet) return `\u0001f{${v.values().map(keyString).sort().join(',')}}`;
  if (v instanceof PyInstance) {
    const h = v.cls.lookup('__hash__');
    if (h === null) throw pyError('TypeError', `unhashable type: '${v.cls.name}'`);
    if (h !== undefined && !(h instanceof PyBuiltin)) return userHashKey(v);
    if (h === undefined && v.cls.lookup('__eq__') instanceof PyFunction) throw pyError('TypeError', `unhashable type: '${v.cls.name}'`);
    return v;
  }
  if (v instanceof PyDType) return `\u0003${v.name}`;
  return v;
}

/**
 * Keys for instances with a user __hash__: equal hashes share a bucket, and within it each
 * class of equal (==) objects gets its own key, so unequal objects never merge.
 */
function userHashKey(v: PyInstance): string {
  const h = hashOf(v);
  let bucket = rt.hashBuckets.get(h);
  if (!bucket) { bucket = []; rt.hashBuckets.set(h, bucket); }
  for (const [rep, key] of bucket) if (rep === v || pyEq(rep, v)) return key;
  const key = `\u0002${h}:${bucket.length}`;
  bucket.push([v, key]);
  return key;
}

function floatKey(f: number): unknown {
  if (Number.isInteger(f)) return Number.isSafeInteger(f) ? f + 0 : BigInt(f);
  return f;
}

function keyString(v: Value): string {
  const k = hashKey(v);
  switch (typeof k) {
    case 'number': return `n${k}`;
    case 'bigint': return `n${k}`;
    case 'string': return `s${JSON.stringify(k)}`;
    case 'symbol': return 'E';
    default: return k === null ? 'N' : `o${objectId(k as object)}`;
  }
}

/** CPython's hash() (str hashes are deterministic here; CPython randomises them). */
export function hashOf(v: Value): bigint {
  switch (typeof v) {
    case 'number': case 'bigint': return hashInt(v);
    case 'boolean': return v ? 1n : 0n;
    case 'string': return hashStr(v);
    default: break;
  }
  if (v === null) return 0x5f3759dn;
  if (v instanceof PyFloat) return hashFloat(v.value);
  if (v instanceof NpScalar) return v.dtype.startsWith('float') ? hashFloat(v.value) : hashInt(v.value);
  if (v instanceof PyTuple) return hashTuple(v.items.map(hashOf));
  if (v instanceof PyInstance) {
    const h = v.cls.lookup('__hash__');
    if (h !== undefined && h !== null && !(h instanceof PyBuiltin)) {
      const r = callValue(h, [v], null);
      if (typeof r !== 'number' && typeof r !== 'bigint') throw pyError('TypeError', '__hash__ method should return an integer');
      return hashInt(r);
    }
  }
  hashKey(v); // raises for unhashable values
  if (v instanceof PySet) return hashStr(String(hashKey(v)));
  if (typeof v === 'object' || typeof v === 'symbol') return BigInt(objectId(v as object) * 16 + 0x7f0000);
  return 0n;
}

// ---- dicts and sets --------------------------------------------------------------------------

export function dictGet(d: PyDict, k: Value): Value | undefined {
  const e = d.map.get(hashKey(k));
  return e === undefined ? undefined : e[1];
}

export function dictSet(d: PyDict, k: Value, v: Value): void {
  const key = hashKey(k);
  const e = d.map.get(key);
  if (e) e[1] = v;
  else d.map.set(key, [k, v]);
}

export function dictDelete(d: PyDict, k: Value): boolean {
  return d.map.delete(hashKey(k));
}

export function newDict(entries: [Value, Value][] = []): PyDict {
  const d = new PyDict();
  for (const [k, v] of entries) dictSet(d, k, v);
  return d;
}

export function setAdd(s: PySet, v: Value): void {
  const k = hashKey(v);
  if (!s.has(k)) s.add(k, v, hashOf(v));
}

export function setHas(s: PySet, v: Value): boolean {
  return s.has(hashKey(v));
}

export function newSet(items: Iterable<Value>, frozen = false): PySet {
  const s = new PySet(frozen);
  for (const v of items) setAdd(s, v);
  return s;
}

// ---- equality and comparison -----------------------------------------------------------------

/** `a == b` as a JS boolean (containers, `in`, dict lookups, list.index…). */
export function pyEq(a: Value, b: Value): boolean {
  if (a === b) return !(a instanceof PyFloat && Number.isNaN(a.value));
  const ta = typeof a, tb = typeof b;
  if (ta === 'number' && tb === 'number') return a === b;
  if (ta === 'string' || tb === 'string') return false;
  return truth(richCompare('Eq', a, b));
}

const numericKind = (v: Value): 0 | 1 | 2 => {
  const t = typeof v;
  if (t === 'number' || t === 'bigint' || t === 'boolean') return 1;
  if (v instanceof PyFloat) return 2;
  return 0;
};

const asInt = (v: Value): PyInt => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

/** Three-way numeric comparison of Python numbers (NaN → NaN). */
function numCmp(a: Value, b: Value): number {
  const ka = numericKind(a), kb = numericKind(b);
  if (ka === 1 && kb === 1) return intCompare(asInt(a), asInt(b));
  if (ka === 2 && kb === 2) { const x = a.value, y = b.value; return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN; }
  if (ka === 1) return intFloatCompare(asInt(a), b.value);
  const r = intFloatCompare(asInt(b), a.value);
  return Number.isNaN(r) ? r : -r;
}

const OPSYM: Record<string, string> = { Lt: '<', LtE: '<=', Gt: '>', GtE: '>=', Eq: '==', NotEq: '!=' };
const CMP_DUNDER: Record<string, [string, string]> = {
  Eq: ['__eq__', '__eq__'], NotEq: ['__ne__', '__ne__'], Lt: ['__lt__', '__gt__'], LtE: ['__le__', '__ge__'],
  Gt: ['__gt__', '__lt__'], GtE: ['__ge__', '__le__'],
};

function cmpResult(op: string, c: number): boolean {
  if (Number.isNaN(c)) return op === 'NotEq';
  switch (op) {
    case 'Eq': return c === 0;
    case 'NotEq': return c !== 0;
    case 'Lt': return c < 0;
    case 'LtE': return c <= 0;
    case 'Gt': return c > 0;
    default: return c >= 0;
  }
}

/** Rich comparison (`==`, `<`, …): may return an array for NumPy operands. */
export function richCompare(op: 'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE', a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return cmpResult(op, a < b ? -1 : a > b ? 1 : 0);
  if (a instanceof PyBytes && b instanceof PyBytes && (op === 'Eq' || op === 'NotEq')) return bytesEqual(a, b) === (op === 'Eq');
  if (a instanceof PyInstance || b instanceof PyInstance) {
    const r = instanceCompare(op, a, b);
    if (r !== NOT_IMPLEMENTED) return r;
  } else if (a instanceof Tensor || b instanceof Tensor) {
    const r = torchCompare(op, a, b);
    if (r !== NOT_IMPLEMENTED) return r;
  } else if (isNp(a) || isNp(b)) {
    const r = npCompare(op, a, b);
    if (r !== NOT_IMPLEMENTED) return r;
  }
  const ka = numericKind(a), kb = numericKind(b);
  if (ka && kb) return cmpResult(op, numCmp(a, b));
  if (typeof a === 'string' && typeof b === 'string') return cmpResult(op, a < b ? -1 : a > b ? 1 : 0);
  if ((Array.isArray(a) && Array.isArray(b)) || (a instanceof PyTuple && b instanceof PyTuple)) {
    const x: readonly Value[] = Array.isArray(a) ? a : a.items, y: readonly Value[] = Array.isArray(b) ? b : b.items;
    const n = Math.min(x.length, y.length);
    let i = 0;
    for (; i < n; i++) if (!pyEq(x[i], y[i])) break;
    if (i >= n) return cmpResult(op, x.length - y.length);
    if (op === 'Eq') return false;
    if (op === 'NotEq') return true;
    return richCompare(op, x[i], y[i]);
  }
  if (op === 'Eq' || op === 'NotEq') {
    let eq: boolean;
    if (a instanceof PyDict && b instanceof PyDict) eq = dictEquals(a, b);
    else if (a instanceof PySet && b instanceof PySet) eq = a.size === b.size && a.values().every((v) => setHas(b, v));
    else if (a instanceof PyRange && b instanceof PyRange) eq = rangeEquals(a, b);
    else if (a instanceof PyDType && b instanceof PyDType) eq = a.name === b.name;
    else if (a instanceof PyDType || b instanceof PyDType) eq = dtypeEquals(a, b);
    else if (a instanceof PySlice && b instanceof PySlice) eq = pyEq(a.start, b.start) && pyEq(a.stop, b.stop) && pyEq(a.step, b.step);
    else if (a instanceof PyDictView && b instanceof PyDictView && a.kind !== 'values' && b.kind === a.kind) eq = a.dict.size === b.dict.size && [...iterate(a)].every((k) => contains(b, k));
    else eq = a === b;
    return op === 'Eq' ? eq : !eq;
  }
  if (a instanceof PySet && b instanceof PySet) {
    const sub = (x: PySet, y: PySet) => x.values().every((v) => setHas(y, v));
    switch (op) {
      case 'Lt': return a.size < b.size && sub(a, b);
      case 'LtE': return sub(a, b);
      case 'Gt': return a.size > b.size && sub(b, a);
      default: return sub(b, a);
    }
  }
  throw pyError('TypeError', `'${OPSYM[op]}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

function dtypeEquals(a: Value, b: Value): boolean {
  const d = a instanceof PyDType ? a : b, o = a instanceof PyDType ? b : a;
  if (typeof o === 'string') return o === d.name || dtypeAlias(o) === d.name;
  if (o instanceof PyClass) return o.npDType === d.name || (o === T_FLOAT && d.name === 'float64') || (o === T_INT && d.name === 'int64') || (o === T_BOOL && d.name === 'bool');
  return false;
}

const DTYPE_ALIASES: Record<string, string> = {
  float: 'float64', double: 'float64', f8: 'float64', int: 'int64', i8: 'int64', f4: 'float32', i4: 'int32', bool_: 'bool', '?': 'bool', u1: 'uint8',
};
const dtypeAlias = (s: string): string | undefined => DTYPE_ALIASES[s];

function rangeEquals(a: PyRange, b: PyRange): boolean {
  const la = a.length, lb = b.length;
  if (la !== lb) return false;
  if (la === 0) return true;
  if (a.start !== b.start) return false;
  return la === 1 || a.step === b.step;
}

function dictEquals(a: PyDict, b: PyDict): boolean {
  if (a.size !== b.size) return false;
  for (const [k, [, v]] of a.map) {
    const e = b.map.get(k);
    if (!e || !pyEq(v, e[1])) return false;
  }
  return true;
}

function instanceCompare(op: keyof typeof CMP_DUNDER, a: Value, b: Value): Value {
  const [name, reflected] = CMP_DUNDER[op];
  const tryCall = (self: Value, meth: string, other: Value): Value => {
    if (!(self instanceof PyInstance)) return NOT_IMPLEMENTED;
    const f = lookupSpecial(self, meth);
    if (f === undefined) return NOT_IMPLEMENTED;
    return callValue(f, [self, other], null);
  };
  // a subclass's reflected method goes first, as in CPython
  if (b instanceof PyInstance && a instanceof PyInstance && b.cls !== a.cls && b.cls.isSubclassOf(a.cls)) {
    const r = tryCall(b, reflected, a);
    if (r !== NOT_IMPLEMENTED) return r;
  }
  let r = tryCall(a, name, b);
  if (r !== NOT_IMPLEMENTED) return r;
  r = tryCall(b, reflected, a);
  if (r !== NOT_IMPLEMENTED) return r;
  if (op === 'NotEq') {
    const eq = tryCall(a, '__eq__', b);
    if (eq !== NOT_IMPLEMENTED) return !truth(eq);
  }
  if (op === 'Eq' || op === 'NotEq') return (a === b) === (op === 'Eq');
  return NOT_IMPLEMENTED;
}

/** `<` for sorting, min and max. */
export function lessThan(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (a instanceof PyFloat && b instanceof PyFloat) return a.value < b.value;
  if (typeof a === 'string' && typeof b === 'string') return a < b;
  return truth(richCompare('Lt', a, b));
}

export function compareOp(op: A.CompareOperator, a: Value, b: Value): Value {
  switch (op) {
    case 'Is': return a === b || (typeof a === 'number' && a === b);
    case 'IsNot': return a !== b;
    case 'In': return contains(b, a);
    case 'NotIn': return !contains(b, a);
    default: return richCompare(op, a, b);
  }
}

// ---- arithmetic ---------------------------------------------------------------------------------

export const BINOP_SYMBOL: Record<A.BinaryOperator, string> = {
  Add: '+', Sub: '-', Mult: '*', MatMult: '@', Div: '/', Mod: '%', Pow: '**', LShift: '<<', RShift: '>>',
  BitOr: '|', BitXor: '^', BitAnd: '&', FloorDiv: '//',
};
const BINOP_DUNDER: Record<A.BinaryOperator, string> = {
  Add: 'add', Sub: 'sub', Mult: 'mul', MatMult: 'matmul', Div: 'truediv', Mod: 'mod', Pow: 'pow', LShift: 'lshift',
  RShift: 'rshift', BitOr: 'or', BitXor: 'xor', BitAnd: 'and', FloorDiv: 'floordiv',
};

const bitBudget = (): number => rt.limits.maxObjectSize * 8;

function intBinary(op: A.BinaryOperator, a: PyInt, b: PyInt): Value {
  switch (op) {
    case 'Add': return intAdd(a, b);
    case 'Sub': return intSub(a, b);
    case 'Mult': return intMul(a, b);
    case 'Div': {
      if (b === 0 || b === 0n) throw pyError('ZeroDivisionError', 'division by zero');
      if (typeof a === 'number' && typeof b === 'number') return new PyFloat(a / b);
      return new PyFloat(bigTrueDiv(toBig(a), toBig(b)));
    }
    case 'FloorDiv': return intFloorDiv(a, b);
    case 'Mod':
      if (b === 0 || b === 0n) throw pyError('ZeroDivisionError', 'integer modulo by zero');
      return intMod(a, b);
    case 'Pow':
      if (b < 0) {
        if (a === 0 || a === 0n) throw pyError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
        return new PyFloat(floatPow(intToFloat(a), intToFloat(b)));
      }
      return intPow(a, b, bitBudget());
    case 'LShift': return intShift(a, b, true, bitBudget());
    case 'RShift': return intShift(a, b, false, bitBudget());
    case 'BitAnd': return intBitOp(a, b, '&');
    case 'BitOr': return intBitOp(a, b, '|');
    case 'BitXor': return intBitOp(a, b, '^');
    case 'MatMult': return NOT_IMPLEMENTED;
  }
}

function bigTrueDiv(a: bigint, b: bigint): number {
  const neg = (a < 0n) !== (b < 0n);
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  // scale so the quotient has 64+ significant bits, then let Number() round
  const shift = Math.max(0, 64 - (a.toString(2).length - b.toString(2).length));
  const q = (a << BigInt(shift)) / b;
  const r = Number(q) / 2 ** shift;
  if (!Number.isFinite(r)) throw pyError('OverflowError', 'integer division result too large for a float');
  return neg ? -r : r;
}

function floatBinary(op: A.BinaryOperator, x: number, y: number): Value {
  switch (op) {
    case 'Add': return new PyFloat(x + y);
    case 'Sub': return new PyFloat(x - y);
    case 'Mult': return new PyFloat(x * y);
    case 'Div':
      if (y === 0) throw pyError('ZeroDivisionError', 'float division by zero');
      return new PyFloat(x / y);
    case 'FloorDiv': return new PyFloat(floatFloorDiv(x, y));
    case 'Mod': return new PyFloat(floatMod(x, y));
    case 'Pow': return new PyFloat(floatPow(x, y));
    default: return NOT_IMPLEMENTED;
  }
}

function numericBinary(op: A.BinaryOperator, a: Value, b: Value, ka: number, kb: number): Value {
  if (ka === 1 && kb === 1) {
    if (typeof a === 'boolean' && typeof b === 'boolean') {
      if (op === 'BitAnd') return a && b;
      if (op === 'BitOr') return a || b;
      if (op === 'BitXor') return a !== b;
    }
    return intBinary(op, asInt(a), asInt(b));
  }
  const x = ka === 2 ? a.value : intToFloat(asInt(a));
  const y = kb === 2 ? b.value : intToFloat(asInt(b));
  return floatBinary(op, x, y);
}

function unsupported(op: A.BinaryOperator, a: Value, b: Value, inplace = false): PyRaise {
  return pyError('TypeError', `unsupported operand type(s) for ${BINOP_SYMBOL[op]}${inplace ? '=' : ''}: '${typeName(a)}' and '${typeName(b)}'`);
}

export function binaryOp(op: A.BinaryOperator, a: Value, b: Value, inplace = false): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case 'Add': { const r = a + b; if (Number.isSafeInteger(r)) return r; break; }
      case 'Sub': { const r = a - b; if (Number.isSafeInteger(r)) return r; break; }
      case 'Mult': { const r = a * b; if (Number.isSafeInteger(r)) return r + 0; break; }
      default: break;
    }
    const r = intBinary(op, a, b);
    if (r === NOT_IMPLEMENTED) throw unsupported(op, a, b, inplace);
    return r;
  }
  if (a instanceof PyFloat && b instanceof PyFloat) {
    const r = floatBinary(op, a.value, b.value);
    if (r === NOT_IMPLEMENTED) throw unsupported(op, a, b, inplace);
    return r;
  }
  const ka = numericKind(a), kb = numericKind(b);
  if (ka && kb) {
    const r = numericBinary(op, a, b, ka, kb);
    if (r === NOT_IMPLEMENTED) throw unsupported(op, a, b, inplace);
    return r;
  }
  if (a instanceof PyInstance || b instanceof PyInstance) {
    const r = instanceBinary(op, a, b);
    if (r !== NOT_IMPLEMENTED) return r;
    throw unsupported(op, a, b, inplace);
  }
  if (op === 'Mod' && typeof a === 'string') return percentFormat(a, b);
  if (a instanceof Tensor || b instanceof Tensor) {
    const r = torchBinary(op, a, b, inplace);
    if (r !== NOT_IMPLEMENTED) return r;
    throw unsupported(op, a, b, inplace);
  }
  if (isNp(a) || isNp(b)) {
    const r = npBinary(op, a, b);
    if (r !== NOT_IMPLEMENTED) return r;
    throw unsupported(op, a, b, inplace);
  }
  const r = builtinBinary(op, a, b);
  if (r !== NOT_IMPLEMENTED) return r;
  throw unsupported(op, a, b, inplace);
}

const SSIZE_MAX = 2n ** 63n - 1n;

function seqRepeat(seq: Value, n: Value): Value {
  if (typeof n === 'boolean') n = n ? 1 : 0;
  if (n instanceof NpScalar && !n.dtype.startsWith('float')) n = n.value;
  if (typeof n !== 'number' && typeof n !== 'bigint') {
    const idx = n instanceof PyInstance ? lookupSpecial(n, '__index__') : undefined;
    if (idx === undefined) throw pyError('TypeError', `can't multiply sequence by non-int of type '${typeName(n)}'`);
    n = callValue(idx, [n], null);
  }
  // CPython converts the count with PyNumber_AsSsize_t(n, OverflowError) before anything else
  const big = BigInt(n as number | bigint);
  if (big > SSIZE_MAX || big < -SSIZE_MAX - 1n) throw pyError('OverflowError', "cannot fit 'int' into an index-sized integer");
  const count = Number(n) < 0 ? 0 : Number(n);
  const len = typeof seq === 'string' ? seq.length : Array.isArray(seq) ? seq.length : (seq as PyTuple).items.length;
  if (len > 0 && BigInt(len) * big > SSIZE_MAX) {
    // str's repeat reports the overflow; list and tuple raise a bare MemoryError (PyErr_NoMemory)
    throw typeof seq === 'string' ? pyError('OverflowError', 'repeated string is too long') : pyError('MemoryError');
  }
  if (len > 0) rt.checkSize(count * len);
  if (typeof seq === 'string') return seq.repeat(count);
  const items: readonly Value[] = Array.isArray(seq) ? seq : (seq as PyTuple).items;
  const out: Value[] = new Array(count * len);
  for (let i = 0, k = 0; i < count; i++) for (let j = 0; j < len; j++) out[k++] = items[j];
  return Array.isArray(seq) ? out : new PyTuple(out);
}

function builtinBinary(op: A.BinaryOperator, a: Value, b: Value): Value {
  switch (op) {
    case 'Add':
      if (typeof a === 'string') {
        if (typeof b !== 'string') throw pyError('TypeError', `can only concatenate str (not "${typeName(b)}") to str`);
        rt.checkSize(a.length + b.length);
        return a + b;
      }
      if (Array.isArray(a)) {
        if (!Array.isArray(b)) throw pyError('TypeError', `can only concatenate list (not "${typeName(b)}") to list`);
        return a.concat(b);
      }
      if (a instanceof PyTuple) {
        if (!(b instanceof PyTuple)) throw pyError('TypeError', `can only concatenate tuple (not "${typeName(b)}") to tuple`);
        return new PyTuple([...a.items, ...b.items]);
      }
      return NOT_IMPLEMENTED;
    case 'Mult':
      if (typeof a === 'string' || Array.isArray(a) || a instanceof PyTuple) return seqRepeat(a, b);
      if (typeof b === 'string' || Array.isArray(b) || b instanceof PyTuple) return seqRepeat(b, a);
      return NOT_IMPLEMENTED;
    case 'Mod':
      if (typeof a === 'string') return percentFormat(a, b);
      return NOT_IMPLEMENTED;
    case 'BitOr': case 'BitAnd': case 'Sub': case 'BitXor':
      if (a instanceof PySet && b instanceof PySet) return setOperation(op, a, b);
      if (op === 'BitOr' && a instanceof PyDict && b instanceof PyDict) {
        const d = new PyDict();
        for (const [k, e] of a.map) d.map.set(k, [e[0], e[1]]);
        for (const [k, e] of b.map) { const old = d.map.get(k); if (old) old[1] = e[1]; else d.map.set(k, [e[0], e[1]]); }
        return d;
      }
      return NOT_IMPLEMENTED;
    default:
      return NOT_IMPLEMENTED;
  }
}

/** CPython's set operators, which decide the result's iteration order. */
export function setOperation(op: A.BinaryOperator, a: PySet, b: PySet): PySet {
  const frozen = a.frozen;
  switch (op) {
    case 'BitOr': {
      const r = new PySet(frozen);
      r.merge(a);
      r.merge(b);
      return r;
    }
    case 'BitAnd': {
      const r = new PySet(frozen);
      let so = a, other = b;
      if (other.size > so.size) { so = b; other = a; }
      for (const [k, v, h] of other.entries()) if (so.has(k)) r.add(k, v, h);
      return r;
    }
    case 'Sub': {
      if ((a.size >> 2) > b.size) {
        const r = new PySet(frozen);
        r.merge(a);
        for (const [k] of b.entries()) r.discard(k);
        return r;
      }
      const r = new PySet(frozen);
      for (const [k, v, h] of a.entries()) if (!b.has(k)) r.add(k, v, h);
      return r;
    }
    default: {
      const r = new PySet(frozen);
      r.merge(b);
      for (const [k, v, h] of a.entries()) {
        if (r.has(k)) r.discard(k);
        else r.add(k, v, h);
      }
      return r;
    }
  }
}

function instanceBinary(op: A.BinaryOperator, a: Value, b: Value): Value {
  const name = BINOP_DUNDER[op];
  const call = (self: Value, meth: string, other: Value): Value => {
    if (!(self instanceof PyInstance)) return NOT_IMPLEMENTED;
    const f = lookupSpecial(self, meth);
    if (f === undefined) return NOT_IMPLEMENTED;
    return callValue(f, [self, other], null);
  };
  if (a instanceof PyInstance && b instanceof PyInstance && a.cls !== b.cls && b.cls.isSubclassOf(a.cls)) {
    const r = call(b, `__r${name}__`, a);
    if (r !== NOT_IMPLEMENTED) return r;
  }
  let r = call(a, `__${name}__`, b);
  if (r !== NOT_IMPLEMENTED) return r;
  if (!(a instanceof PyInstance)) {
    // the builtin left operand first (`2 * vec` tries int.__mul__, which declines)
    const ka = numericKind(a);
    if (!ka && !isNp(a)) {
      const br = builtinBinarySafe(op, a, b);
      if (br !== NOT_IMPLEMENTED) return br;
    }
  }
  r = call(b, `__r${name}__`, a);
  return r;
}

function builtinBinarySafe(op: A.BinaryOperator, a: Value, b: Value): Value {
  // str % instance formats the instance; list * instance uses __index__
  if (op === 'Mod' && typeof a === 'string') return percentFormat(a, b);
  if (op === 'Mult' && (typeof a === 'string' || Array.isArray(a) || a instanceof PyTuple) && lookupSpecial(b, '__index__')) return seqRepeat(a, b);
  return NOT_IMPLEMENTED;
}

/** `a op= b`: in place for lists, arrays and instances with `__iop__`. */
export function inplaceOp(op: A.BinaryOperator, a: Value, b: Value): Value {
  if (typeof a === 'number' || a instanceof PyFloat || typeof a === 'string') return binaryOp(op, a, b, true);
  if (Array.isArray(a)) {
    if (op === 'Add') {
      const items = iterToArray(b);
      for (const x of items) a.push(x);
      return a;
    }
    if (op === 'Mult') {
      const r = seqRepeat(a, b) as Value[];
      a.length = 0;
      for (const x of r) a.push(x);
      return a;
    }
  }
  if (a instanceof NDArray && op !== 'MatMult') return npBinary(op, a, b, true);
  if (a instanceof Tensor) {
    const r = torchBinary(op, a, b, true);
    if (r !== NOT_IMPLEMENTED) return r;
    throw unsupported(op, a, b, true);
  }
  if (a instanceof PyInstance) {
    const f = lookupSpecial(a, `__i${BINOP_DUNDER[op]}__`);
    if (f !== undefined) {
      const r = callValue(f, [a, b], null);
      if (r !== NOT_IMPLEMENTED) return r;
    }
  }
  if (a instanceof PySet && b instanceof PySet && op !== 'Add') {
    const r = setOperation(op, a, b);
    a.clear();
    a.merge(r);
    return a;
  }
  if (a instanceof PyDict && b instanceof PyDict && op === 'BitOr') {
    for (const [k, e] of b.map) { const old = a.map.get(k); if (old) old[1] = e[1]; else a.map.set(k, [e[0], e[1]]); }
    return a;
  }
  return binaryOp(op, a, b, true);
}

export function unaryOp(op: A.UnaryOperator, v: Value): Value {
  if (op === 'Not') return !truth(v);
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') {
    const n = asInt(v);
    switch (op) {
      case 'USub': return intNeg(n);
      case 'UAdd': return n;
      case 'Invert': return typeof n === 'number' && Number.isSafeInteger(-n - 1) ? -n - 1 : normBig(~toBig(n));
    }
  }
  if (v instanceof PyFloat) {
    if (op === 'USub') return new PyFloat(-v.value);
    if (op === 'UAdd') return v;
  }
  if (isNp(v)) return npUnary(op, v);
  if (v instanceof Tensor) return torchUnary(op, v);
  if (v instanceof PyInstance) {
    const name = op === 'USub' ? '__neg__' : op === 'UAdd' ? '__pos__' : '__invert__';
    const f = lookupSpecial(v, name);
    if (f !== undefined) return callValue(f, [v], null);
  }
  const sym = op === 'USub' ? '-' : op === 'UAdd' ? '+' : '~';
  throw pyError('TypeError', `bad operand type for unary ${sym}: '${typeName(v)}'`);
}

// ---- attributes ------------------------------------------------------------------------------

/** A special method looked up on the type (never the instance dict), or undefined. */
export function lookupSpecial(v: Value, name: string): Value | undefined {
  if (!(v instanceof PyInstance)) return undefined;
  const f = v.cls.lookup(name);
  if (f === undefined || (f instanceof PyBuiltin && f.qualname.startsWith('object.'))) return undefined;
  return f;
}

function bindDescriptor(d: Value, obj: Value, cls: PyClass): Value {
  if (d instanceof PyFunction) return new PyBoundMethod(obj, d);
  if (d instanceof PyBuiltin && d.isMethod) return new PyBoundMethod(obj, d);
  if (d instanceof PyStaticMethod) return d.func;
  if (d instanceof PyClassMethod) return new PyBoundMethod(cls, d.func);
  if (d instanceof PyProperty) {
    if (d.fget === null) throw pyError('AttributeError', `property '${d.name}' of '${cls.name}' object has no getter`);
    return callValue(d.fget, [obj], null);
  }
  return d;
}

export function attributeError(obj: Value, name: string): PyRaise {
  let msg: string;
  if (obj instanceof PyModule) msg = `module '${obj.name}' has no attribute '${name}'`;
  else if (obj instanceof PyClass) msg = `type object '${className(obj)}' has no attribute '${name}'`;
  else msg = `'${typeName(obj)}' object has no attribute '${name}'`;
  const r = pyError('AttributeError', msg);
  r.exc.dict.set('name', name);
  r.exc.dict.set('obj', obj);
  return r;
}

export function getAttr(obj: Value, name: string): Value {
  if (obj instanceof PyInstance) return instanceGetAttr(obj, name);
  if (obj instanceof PyModule) return moduleGetAttr(obj, name);
  if (obj instanceof PyClass) return classGetAttr(obj, name);
  if (obj instanceof NDArray) return npGetAttr(obj, name);
  if (obj instanceof NpScalar) return npScalarGetAttr(obj, name);
  if (obj instanceof PySuper) return superGetAttr(obj, name);
  if (obj instanceof Tensor) return torchGetAttr(obj, name);
  const cls = typeOf(obj);
  const d = cls.lookup(name);
  if (d !== undefined) return bindDescriptor(d, obj, cls);
  const special = nativeAttr(obj, name);
  if (special !== undefined) return special;
  const torchAttr = torchGetAttr(obj, name);
  if (torchAttr !== undefined) return torchAttr;
  const foreign = foreignGetAttr(obj, name);
  if (foreign !== undefined) return foreign;
  throw attributeError(obj, name);
}

function instanceGetAttr(inst: PyInstance, name: string): Value {
  const cls = inst.cls;
  const cv = cls.lookup(name);
  if (cv instanceof PyProperty) return bindDescriptor(cv, inst, cls);
  const own = inst.dict.get(name);
  if (own !== undefined) return own;
  if (cv !== undefined) return bindDescriptor(cv, inst, cls);
  if (inst.exc) {
    const e = inst.exc;
    switch (name) {
      case 'args': return new PyTuple(e.args);
      case '__cause__': return e.cause;
      case '__context__': return e.context;
      case '__suppress_context__': return e.suppressContext;
      case '__traceback__': return null;
      case 'value': if (cls.isSubclassOf(EXC.StopIteration)) return e.args.length ? e.args[0] : null; break;
      case 'code': if (cls.isSubclassOf(EXC.SystemExit)) return e.args.length === 0 ? null : e.args.length === 1 ? e.args[0] : new PyTuple(e.args); break;
      default: break;
    }
  }
  if (name === '__class__') return cls;
  if (name === '__dict__') return newDict([...inst.dict.entries()]);
  const ga = cls.lookup('__getattr__');
  if (ga !== undefined) return callValue(ga, [inst, name], null);
  throw attributeError(inst, name);
}

function moduleGetAttr(m: PyModule, name: string): Value {
  const v = m.dict.get(name);
  if (v !== undefined) return v;
  if (m.lazy) {
    const l = m.lazy(name);
    if (l !== undefined) { m.dict.set(name, l); return l; }
  }
  if (name === '__name__') return m.name;
  if (name === '__dict__') return newDict([...m.dict.entries()]);
  if (name === '__file__' && m.file) return m.file;
  const err = attributeError(m, name);
  if (m.name === 'numpy' && m.file === NUMPY_FILE) {
    // NumPy raises this from its module __getattr__, so CPython shows that frame too
    if (name === 'bool' || name === 'str' || name === 'object' || name === 'long' || name === 'ulong' || name === 'bytes') {
      rt.warn('FutureWarning', `In the future \`np.${name}\` will be defined as the corresponding NumPy scalar.`);
    }
    const former = FORMER_NUMPY_ATTRS[name];
    if (former !== undefined) {
      err.exc.exc!.args = [`module 'numpy' has no attribute '${name}'.\n\`np.${name}\` was a deprecated alias for the builtin \`${name}\`. To avoid this error in existing code, use \`${name}\` by itself. Doing this will not modify any behavior and is safe. ${former}\nThe aliases was originally deprecated in NumPy 1.20; for more details and guidance see the original release note at:\n    https://numpy.org/devdocs/release/1.20.0-notes.html#deprecations`];
      err.exc.exc!.traceback.push({ filename: NUMPY_FILE, name: '__getattr__', node: null, line: 305, text: '        raise AttributeError(__former_attrs__[attr])' });
    } else {
      err.exc.exc!.traceback.push({ filename: NUMPY_FILE, name: '__getattr__', node: null, line: 320, text: '    raise AttributeError("module {!r} has no attribute "' });
    }
    err.exc.exc!.lastFrame = NUMPY_FILE;
  }
  throw err;
}

/** NumPy 1.24's removed aliases (np.float, np.int…) and the advice its error message gives. */
const FORMER_NUMPY_ATTRS: Record<string, string> = {
  object: '', bool: 'If you specifically wanted the numpy scalar type, use `np.bool_` here.',
  float: 'If you specifically wanted the numpy scalar type, use `np.float64` here.',
  complex: 'If you specifically wanted the numpy scalar type, use `np.complex128` here.',
  str: 'If you specifically wanted the numpy scalar type, use `np.str_` here.',
  int: 'When replacing `np.int`, you may wish to use e.g. `np.int64` or `np.int32` to specify the precision. If you wish to review your current use, check the release note link for additional information.',
};

function classGetAttr(cls: PyClass, name: string): Value {
  switch (name) {
    case '__name__': return cls.name;
    case '__qualname__': return cls.qualname;
    case '__module__': return cls.module;
    case '__mro__': return new PyTuple(cls.mro);
    case '__bases__': return new PyTuple(cls.bases);
    case '__base__': return cls.bases[0] ?? null;
    case '__class__': return T_TYPE;
    case '__dict__': return newDict([...cls.dict.entries()]);
    case '__doc__': return cls.dict.get('__doc__') ?? null;
    default: break;
  }
  const v = cls.lookup(name);
  if (v !== undefined) {
    if (v instanceof PyClassMethod) return new PyBoundMethod(cls, v.func);
    if (v instanceof PyStaticMethod) return v.func;
    return v;
  }
  const meta = T_TYPE.lookup(name);
  if (meta !== undefined) return bindDescriptor(meta, cls, T_TYPE);
  throw attributeError(cls, name);
}

function superGetAttr(s: PySuper, name: string): Value {
  const self = s.self;
  const mro = self instanceof PyClass && self.isSubclassOf(s.cls) ? self.mro : typeOf(self).mro;
  const start = mro.indexOf(s.cls);
  for (let i = start + 1; i < mro.length; i++) {
    const v = mro[i].dict.get(name);
    if (v === undefined) continue;
    if (self instanceof PyClass && self.isSubclassOf(s.cls)) {
      if (v instanceof PyClassMethod) return new PyBoundMethod(self, v.func);
      if (v instanceof PyStaticMethod) return v.func;
      return v;
    }
    return bindDescriptor(v, self, typeOf(self));
  }
  throw pyError('AttributeError', `'super' object has no attribute '${name}'`);
}

/** Attributes of builtin values that are not methods. */
function nativeAttr(obj: Value, name: string): Value | undefined {
  if (name === '__class__') return typeOf(obj);
  if (obj instanceof PyFunction) {
    switch (name) {
      case '__name__': return obj.name;
      case '__qualname__': return obj.qualname;
      case '__doc__': return obj.doc;
      case '__module__': return obj.module;
      case '__defaults__': return obj.defaults.length ? new PyTuple(obj.defaults) : null;
      case '__dict__': return newDict([...obj.dict.entries()]);
      default: return obj.dict.get(name);
    }
  }
  if (obj instanceof PyBuiltin) {
    if (name === '__name__') return obj.name;
    if (name === '__qualname__') return obj.qualname;
    if (name === '__self__') return obj.self ?? null;
    if (name === '__doc__') return null;
    return undefined;
  }
  if (obj instanceof PyBoundMethod) {
    if (name === '__self__') return obj.self;
    if (name === '__func__') return obj.func;
    return getAttrOrUndefined(obj.func, name);
  }
  if (typeof obj === 'number' || typeof obj === 'bigint' || typeof obj === 'boolean') {
    if (name === 'real' || name === 'numerator') return asInt(obj);
    if (name === 'imag') return 0;
    if (name === 'denominator') return 1;
  }
  if (obj instanceof PyFloat) {
    if (name === 'real') return obj;
    if (name === 'imag') return new PyFloat(0);
  }
  if (obj instanceof PyRange || obj instanceof PySlice) {
    if (name === 'start' || name === 'stop' || name === 'step') return obj[name];
  }
  if (obj instanceof PyDType) return dtypeGetAttr(obj, name);
  if (obj instanceof PyProperty) {
    if (name === 'fget' || name === 'fset' || name === 'fdel') return obj[name];
  }
  if (obj instanceof PyGenerator) {
    if (name === '__name__') return obj.name;
    if (name === '__qualname__') return obj.qualname;
  }
  return undefined;
}

export function getAttrOrUndefined(obj: Value, name: string): Value | undefined {
  try {
    return getAttr(obj, name);
  } catch (e) {
    if (e instanceof PyRaise && e.exc.cls.isSubclassOf(EXC.AttributeError)) return undefined;
    throw e;
  }
}

export function setAttr(obj: Value, name: string, value: Value): void {
  if (obj instanceof PyInstance) {
    const cls = obj.cls;
    const sa = cls.lookup('__setattr__');
    if (sa !== undefined && !(sa instanceof PyBuiltin)) { callValue(sa, [obj, name, value], null); return; }
    if (isNnModule(obj) && !(cls.lookup(name) instanceof PyProperty) && nnSetAttr(obj, name, value)) return;
    genericSetAttr(obj, name, value);
    return;
  }
  if (obj instanceof PyClass) {
    if (obj.module === 'builtins' || obj.module === 'numpy') {
      throw pyError('TypeError', `cannot set '${name}' attribute of immutable type '${className(obj)}'`);
    }
    obj.dict.set(name, value);
    return;
  }
  if (obj instanceof PyModule) { obj.dict.set(name, value); return; }
  if (obj instanceof PyFunction) {
    if (name === '__name__') { obj.name = String(value); return; }
    if (name === '__qualname__') { obj.qualname = String(value); return; }
    if (name === '__doc__') { obj.doc = value; return; }
    obj.dict.set(name, value);
    return;
  }
  if (obj instanceof NDArray) throw npSetAttrError(name);
  if (obj instanceof Tensor) { torchSetAttr(obj, name, value); return; }
  if (typeOf(obj).lookup(name) !== undefined || nativeAttr(obj, name) !== undefined) {
    throw pyError('AttributeError', `'${typeName(obj)}' object attribute '${name}' is read-only`);
  }
  throw pyError('AttributeError', `'${typeName(obj)}' object has no attribute '${name}'`);
}

function npSetAttrError(name: string): PyRaise {
  if (['shape', 'dtype', 'strides'].includes(name)) {
    return pyError('AttributeError', `setting ndarray.${name} is not supported by Shape Lens; use reshape()/astype() instead`);
  }
  if (['ndim', 'size', 'T', 'itemsize', 'nbytes', 'base'].includes(name)) {
    return pyError('AttributeError', `attribute '${name}' of 'numpy.ndarray' objects is not writable`);
  }
  return pyError('AttributeError', `'numpy.ndarray' object has no attribute '${name}'`);
}

/** object.__setattr__: properties, then the instance dict. */
export function genericSetAttr(obj: PyInstance, name: string, value: Value): void {
  const cv = obj.cls.lookup(name);
  if (cv instanceof PyProperty) {
    if (cv.fset === null) throw pyError('AttributeError', `property '${cv.name || name}' of '${obj.cls.name}' object has no setter`);
    callValue(cv.fset, [obj, value], null);
    return;
  }
  if (obj.exc && name === 'args') { obj.exc.args = iterToArray(value); return; }
  if (obj.exc && name === '__cause__') { obj.exc.cause = value; obj.exc.suppressContext = true; return; }
  if (obj.exc && name === '__context__') { obj.exc.context = value; return; }
  obj.dict.set(name, value);
}

export function delAttr(obj: Value, name: string): void {
  if (obj instanceof PyInstance) {
    const cv = obj.cls.lookup(name);
    if (cv instanceof PyProperty) {
      if (cv.fdel === null) throw pyError('AttributeError', `property '${cv.name || name}' of '${obj.cls.name}' object has no deleter`);
      callValue(cv.fdel, [obj], null);
      return;
    }
    if (!obj.dict.delete(name)) throw attributeError(obj, name);
    return;
  }
  if (obj instanceof PyClass && obj.dict.delete(name)) return;
  if (obj instanceof PyModule && obj.dict.delete(name)) return;
  if (obj instanceof PyFunction && obj.dict.delete(name)) return;
  throw attributeError(obj, name);
}

// ---- calls -------------------------------------------------------------------------------------

export function callValue(f: Value, args: Value[], kwargs: Kwargs | null): Value {
  if (f instanceof PyFunction) return callFunction(f, args, kwargs);
  if (f instanceof PyBoundMethod) {
    const fn = f.func;
    if (fn instanceof PyFunction) return callFunction(fn, [f.self, ...args], kwargs);
    return callValue(fn, [f.self, ...args], kwargs);
  }
  if (f instanceof PyBuiltin) {
    rt.tick();
    return f.fn(args, kwargs);
  }
  if (f instanceof PyClass) return instantiate(f, args, kwargs);
  if (f instanceof PyInstance) {
    const c = lookupSpecial(f, '__call__');
    if (c !== undefined) return callValue(c, [f, ...args], kwargs);
  }
  throw pyError('TypeError', `'${typeName(f)}' object is not callable`);
}

/** `obj.name(*args)` without allocating a bound method in the common cases. */
export function callMethod(obj: Value, name: string, args: Value[], kwargs: Kwargs | null = null): Value {
  if (obj instanceof PyInstance) {
    const cv = obj.cls.lookup(name);
    if (cv instanceof PyFunction && !obj.dict.has(name)) return callFunction(cv, [obj, ...args], kwargs);
  } else if (!(obj instanceof PyClass) && !(obj instanceof PyModule) && !(obj instanceof NDArray) && !(obj instanceof NpScalar) && !(obj instanceof Tensor)) {
    const d = typeOf(obj).lookup(name);
    if (d instanceof PyBuiltin && d.isMethod) { rt.tick(); return d.fn([obj, ...args], kwargs); }
  }
  return callValue(getAttr(obj, name), args, kwargs);
}

export function instantiate(cls: PyClass, args: Value[], kwargs: Kwargs | null): Value {
  const native = nativeBase(cls);
  if (native === cls && cls.nativeCall) return cls.nativeCall(args, kwargs);
  let inst: Value;
  const newFn = cls.lookup('__new__');
  if (newFn !== undefined && !(newFn instanceof PyBuiltin)) {
    const f = newFn instanceof PyStaticMethod ? newFn.func : newFn;
    inst = callValue(f, [cls, ...args], kwargs);
    if (!isInstance(inst, cls)) return inst;
  } else if (native && native !== T_OBJECT && !cls.isException && native.nativeCall) {
    throw pyError('TypeError', `Shape Lens does not support subclassing the builtin type '${native.name}' yet`);
  } else {
    inst = cls.isException ? newException(cls, args) : new PyInstance(cls);
  }
  const init = cls.lookup('__init__');
  if (init !== undefined && !(init instanceof PyBuiltin && init.qualname === 'object.__init__')) {
    const r = callValue(init, [inst, ...args], kwargs);
    if (r !== null) throw pyError('TypeError', `__init__() should return None, not '${typeName(r)}'`);
  } else if ((args.length > 0 || (kwargs && Object.keys(kwargs).length > 0)) && (newFn === undefined || newFn instanceof PyBuiltin)) {
    throw pyError('TypeError', `${cls.name}() takes no arguments`);
  }
  return inst;
}

/** The first builtin class in the MRO (object for plain user classes). */
function nativeBase(cls: PyClass): PyClass | null {
  for (const c of cls.mro) if (c.module === 'builtins' || c.nativeCall) return c;
  return null;
}

export function kwargsOf(entries: [string, Value][]): Kwargs {
  const k = emptyKwargs();
  for (const [n, v] of entries) k[n] = v;
  return k;
}

// ---- integers and indices ---------------------------------------------------------------------

/** operator.index(): ints, bools, NumPy integer scalars, `__index__`. */
export function toIndexValue(v: Value, what?: () => string): PyInt {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof NpScalar && !v.dtype.startsWith('float')) return v.value;
  if (v instanceof Tensor) return torchToNumber(v, 'index') as PyInt;
  if (v instanceof PyInstance) {
    const f = lookupSpecial(v, '__index__');
    if (f !== undefined) return toIndexValue(callValue(f, [v], null));
  }
  throw pyError('TypeError', what ? what() : `'${typeName(v)}' object cannot be interpreted as an integer`);
}

export function toIndex(v: Value, what?: () => string): number {
  const i = toIndexValue(v, what);
  return typeof i === 'bigint' ? Number(i) : i;
}

/** Python's number protocol for math functions: `__float__` (and ints). */
export function toFloat(v: Value, fname?: string): number {
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return intToFloat(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof NpScalar) return v.value;
  if (v instanceof NDArray && v.size === 1) return v.data[v.offset];
  if (v instanceof NDArray) throw pyError('TypeError', 'only size-1 arrays can be converted to Python scalars');
  if (v instanceof Tensor) return (torchToNumber(v, 'float') as PyFloat).value;
  if (v instanceof PyInstance) {
    const f = lookupSpecial(v, '__float__');
    if (f !== undefined) return toFloat(callValue(f, [v], null));
    const i = lookupSpecial(v, '__index__');
    if (i !== undefined) return toFloat(callValue(i, [v], null));
  }
  throw pyError('TypeError', fname ? `${fname}` : `must be real number, not ${typeName(v)}`);
}

// ---- slices ---------------------------------------------------------------------------------------

/** slice.indices(length): CPython's PySlice_Unpack + PySlice_AdjustIndices. */
export function sliceIndices(s: PySlice, length: number): [number, number, number, number] {
  const conv = (v: Value): number | null => {
    if (v === null) return null;
    return toIndex(v, () => 'slice indices must be integers or None or have an __index__ method');
  };
  let step = conv(s.step) ?? 1;
  if (step === 0) throw pyError('ValueError', 'slice step cannot be zero');
  let start = conv(s.start), stop = conv(s.stop);
  if (start === null) start = step < 0 ? length - 1 : 0;
  else if (start < 0) { start += length; if (start < 0) start = step < 0 ? -1 : 0; }
  else if (start >= length) start = step < 0 ? length - 1 : length;
  if (stop === null) stop = step < 0 ? -1 : length;
  else if (stop < 0) { stop += length; if (stop < 0) stop = step < 0 ? -1 : 0; }
  else if (stop >= length) stop = step < 0 ? length - 1 : length;
  let n: number;
  if (step < 0) n = stop < start ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  else n = start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
  step = step || 1;
  return [start, stop, step, n];
}

function sliceSeq<T>(items: readonly T[], s: PySlice): T[] {
  const [start, , step, n] = sliceIndices(s, items.length);
  if (step === 1) return items.slice(start, start + n);
  const out: T[] = new Array(n);
  for (let i = 0, j = start; i < n; i++, j += step) out[i] = items[j];
  return out;
}

// ---- strings as code points -------------------------------------------------------------------------

const SURROGATE = /[\uD800-\uDFFF]/;
export function strLen(s: string): number {
  return SURROGATE.test(s) ? [...s].length : s.length;
}
export function strChars(s: string): string[] {
  return SURROGATE.test(s) ? [...s] : s.split('');
}

// ---- subscripts ------------------------------------------------------------------------------------

function seqIndex(i: Value, len: number, kind: string, errName: string): number {
  let n: number;
  if (typeof i === 'number') n = i;
  else if (typeof i === 'boolean') n = i ? 1 : 0;
  else n = toIndex(i, () => kind === 'str' ? `string indices must be integers, not '${typeName(i)}'` : `${kind} indices must be integers or slices, not ${typeName(i)}`);
  if (n < 0) n += len;
  if (n < 0 || n >= len) throw pyError('IndexError', `${errName} index out of range`);
  return n;
}

export function getItem(obj: Value, idx: Value): Value {
  if (Array.isArray(obj)) {
    if (idx instanceof PySlice) return sliceSeq(obj, idx);
    return obj[seqIndex(idx, obj.length, 'list', 'list')];
  }
  if (obj instanceof NDArray) return npGetItem(obj, idx);
  if (obj instanceof Tensor) return torchGetItem(obj, idx);
  if (obj instanceof PyDict) {
    const v = dictGet(obj, idx);
    if (v !== undefined) return v;
    if (obj.cls && obj.cls.name === 'Counter' && obj.cls.module === 'collections') return 0;
    if (obj instanceof PyDefaultDict && obj.factory !== null) {
      const d = callValue(obj.factory, [], null);
      dictSet(obj, idx, d);
      return d;
    }
    throw keyError(idx);
  }
  if (obj instanceof PyBytes) {
    if (idx instanceof PySlice) return new PyBytes(Uint8Array.from(sliceSeq([...obj.data], idx)), obj.mutable);
    const n = obj.data.length;
    let i = typeof idx === 'number' ? idx : typeof idx === 'boolean' ? Number(idx) : Number(toIndex(idx, () => `${obj.mutable ? 'bytearray' : 'byte'} indices must be integers or slices, not ${typeName(idx)}`));
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw pyError('IndexError', obj.mutable ? 'bytearray index out of range' : 'index out of range');
    return obj.data[i];
  }
  if (obj instanceof PyTuple) {
    if (idx instanceof PySlice) return new PyTuple(sliceSeq(obj.items, idx));
    return obj.items[seqIndex(idx, obj.items.length, 'tuple', 'tuple')];
  }
  if (typeof obj === 'string') {
    const chars = SURROGATE.test(obj) ? [...obj] : null;
    if (idx instanceof PySlice) return chars ? sliceSeq(chars, idx).join('') : sliceSeq(obj.split(''), idx).join('');
    const len = chars ? chars.length : obj.length;
    const i = seqIndex(idx, len, 'str', 'string');
    return chars ? chars[i] : obj[i];
  }
  if (obj instanceof PyInstance) {
    const f = lookupSpecial(obj, '__getitem__');
    if (f !== undefined) return callValue(f, [obj, idx], null);
  }
  if (obj instanceof PyRange) {
    if (idx instanceof PySlice) {
      const [start, , step, n] = sliceIndices(idx, obj.length);
      const s = obj.start + start * obj.step, st = obj.step * step;
      return new PyRange(s, s + n * st, st);
    }
    return obj.start + seqIndex(idx, obj.length, 'range', 'range object') * obj.step;
  }
  if (obj instanceof PyClass) {
    const cg = obj.lookup('__class_getitem__');
    if (cg !== undefined) return callValue(cg instanceof PyClassMethod ? new PyBoundMethod(obj, cg.func) : cg, [idx], null);
    if (obj.module === 'builtins' || obj.module === 'numpy') return new PyGenericAlias(obj, idx instanceof PyTuple ? [...idx.items] : [idx], obj.name);
    throw pyError('TypeError', `type '${obj.name}' is not subscriptable`);
  }
  if (obj instanceof PyGenericAlias) return new PyGenericAlias(obj, idx instanceof PyTuple ? [...idx.items] : [idx], obj.name);
  if (obj instanceof NpScalar) return npGetItem(obj, idx);
  throw pyError('TypeError', `'${typeName(obj)}' object is not subscriptable`);
}

export function setItem(obj: Value, idx: Value, value: Value): void {
  if (Array.isArray(obj)) {
    if (idx instanceof PySlice) { listSetSlice(obj, idx, value); return; }
    obj[seqIndex(idx, obj.length, 'list', 'list assignment')] = value;
    return;
  }
  if (obj instanceof NDArray) { npSetItem(obj, idx, value); return; }
  if (obj instanceof Tensor) { torchSetItem(obj, idx, value); return; }
  if (obj instanceof PyDict) { dictSet(obj, idx, value); return; }
  if (obj instanceof PyInstance) {
    const f = lookupSpecial(obj, '__setitem__');
    if (f !== undefined) { callValue(f, [obj, idx, value], null); return; }
  }
  throw pyError('TypeError', `'${typeName(obj)}' object does not support item assignment`);
}

function listSetSlice(list: Value[], s: PySlice, value: Value): void {
  const [start, , step, n] = sliceIndices(s, list.length);
  let items: Value[];
  if (value === list) items = [...list];
  else {
    if (!isIterable(value)) throw pyError('TypeError', step === 1 ? 'can only assign an iterable' : 'must assign iterable to extended slice');
    items = iterToArray(value);
  }
  if (step === 1) {
    list.splice(start, Math.max(0, n), ...items);
    return;
  }
  if (items.length !== n) throw pyError('ValueError', `attempt to assign sequence of size ${items.length} to extended slice of size ${n}`);
  for (let i = 0, j = start; i < n; i++, j += step) list[j] = items[i];
}

export function delItem(obj: Value, idx: Value): void {
  if (Array.isArray(obj)) {
    if (idx instanceof PySlice) {
      const [start, , step, n] = sliceIndices(idx, obj.length);
      if (step === 1) { obj.splice(start, n); return; }
      const drop = new Set<number>();
      for (let i = 0, j = start; i < n; i++, j += step) drop.add(j);
      const kept = obj.filter((_, i) => !drop.has(i));
      obj.length = 0;
      obj.push(...kept);
      return;
    }
    obj.splice(seqIndex(idx, obj.length, 'list', 'list assignment'), 1);
    return;
  }
  if (obj instanceof PyDict) {
    if (!dictDelete(obj, idx)) throw keyError(idx);
    return;
  }
  if (obj instanceof PyInstance) {
    const f = lookupSpecial(obj, '__delitem__');
    if (f !== undefined) { callValue(f, [obj, idx], null); return; }
  }
  throw pyError('TypeError', `'${typeName(obj)}' object doesn't support item deletion`);
}

// ---- len and `in` -------------------------------------------------------------------------------------

export function pyLen(v: Value): number {
  if (Array.isArray(v)) return v.length;
  if (typeof v === 'string') return strLen(v);
  if (v instanceof PyTuple) return v.items.length;
  if (v instanceof PyBytes) return v.data.length;
  if (v instanceof PyDict || v instanceof PySet) return v.size;
  if (v instanceof NDArray) return npLen(v);
  if (v instanceof Tensor) return torchLen(v);
  if (v instanceof PyRange) return v.length;
  if (v instanceof PyDictView) return v.dict.size;
  if (v instanceof PyInstance) {
    const f = lookupSpecial(v, '__len__');
    if (f !== undefined) {
      const r = callValue(f, [v], null);
      const n = toIndex(r, () => `'${typeName(r)}' object cannot be interpreted as an integer`);
      if (n < 0) throw pyError('ValueError', '__len__() should return >= 0');
      return n;
    }
  }
  throw pyError('TypeError', `object of type '${typeName(v)}' has no len()`);
}

export function contains(container: Value, item: Value): boolean {
  if (Array.isArray(container)) {
    for (const x of container) if (x === item || pyEq(x, item)) return true;
    return false;
  }
  if (typeof container === 'string') {
    if (typeof item !== 'string') throw pyError('TypeError', `'in <string>' requires string as left operand, not ${typeName(item)}`);
    return container.includes(item);
  }
  if (container instanceof PyDict) return container.map.has(hashKey(item));
  if (container instanceof PySet) return container.has(hashKey(item));
  if (container instanceof PyTuple) {
    for (const x of container.items) if (x === item || pyEq(x, item)) return true;
    return false;
  }
  if (container instanceof PyRange) {
    if (typeof item === 'number' || typeof item === 'boolean') {
      const n = Number(item);
      const { start, stop, step } = container;
      if (step > 0 ? n < start || n >= stop : n > start || n <= stop) return false;
      return (n - start) % step === 0;
    }
  }
  if (container instanceof NDArray) return npContains(container, item);
  if (container instanceof Tensor) return torchContains(container, item);
  if (container instanceof PyDictView) {
    if (container.kind === 'keys') return container.dict.map.has(hashKey(item));
  }
  if (container instanceof PyInstance) {
    const f = lookupSpecial(container, '__contains__');
    if (f !== undefined) return truth(callValue(f, [container, item], null));
  }
  if (!isIterable(container)) throw pyError('TypeError', `argument of type '${typeName(container)}' is not iterable`);
  for (const x of iterate(container)) if (x === item || pyEq(x, item)) return true;
  return false;
}

// ---- iteration ---------------------------------------------------------------------------------------

export function isIterable(v: Value): boolean {
  if (Array.isArray(v) || typeof v === 'string' || v instanceof PyTuple || v instanceof PyDict || v instanceof PySet
    || v instanceof PyRange || v instanceof NDArray || v instanceof Tensor || v instanceof PyIterator || v instanceof PyGenerator || v instanceof PyDictView) return true;
  if (v instanceof PyInstance) return lookupSpecial(v, '__iter__') !== undefined || lookupSpecial(v, '__getitem__') !== undefined;
  return false;
}

class ListIterator implements Iterator<Value> {
  i = 0;
  constructor(readonly list: Value[]) {}
  next(): IteratorResult<Value> {
    if (this.i < this.list.length) return { value: this.list[this.i++], done: false };
    return { value: undefined, done: true };
  }
}

class RangeIterator implements Iterator<Value> {
  i = 0;
  readonly n: number;
  constructor(readonly r: PyRange) { this.n = r.length; }
  next(): IteratorResult<Value> {
    if (this.i < this.n) return { value: this.r.start + this.i++ * this.r.step, done: false };
    return { value: undefined, done: true };
  }
}

function* dictIterator(d: PyDict, kind: 'keys' | 'values' | 'items'): Generator<Value> {
  const size = d.size;
  for (const [, e] of d.map) {
    yield kind === 'keys' ? e[0] : kind === 'values' ? e[1] : new PyTuple([e[0], e[1]]);
    if (d.size !== size) throw pyError('RuntimeError', 'dictionary changed size during iteration');
  }
}

function* setIterator(s: PySet): Generator<Value> {
  const version = s.version, size = s.size;
  for (const v of s.values()) {
    if (s.version !== version && s.size !== size) throw pyError('RuntimeError', 'Set changed size during iteration');
    yield v;
  }
}

function* instanceIterator(it: Value): Generator<Value> {
  const next = it instanceof PyInstance ? lookupSpecial(it, '__next__') : undefined;
  if (next === undefined) throw pyError('TypeError', `iter() returned non-iterator of type '${typeName(it)}'`);
  for (;;) {
    let v: Value;
    try {
      v = callValue(next, [it], null);
    } catch (e) {
      if (e instanceof PyRaise && e.exc.cls.isSubclassOf(EXC.StopIteration)) return;
      throw e;
    }
    yield v;
  }
}

function* sequenceIterator(obj: PyInstance, getitem: Value): Generator<Value> {
  for (let i = 0; ; i++) {
    let v: Value;
    try {
      v = callValue(getitem, [obj, i], null);
    } catch (e) {
      if (e instanceof PyRaise && (e.exc.cls.isSubclassOf(EXC.IndexError) || e.exc.cls.isSubclassOf(EXC.StopIteration))) return;
      throw e;
    }
    yield v;
  }
}

function* generatorIterator(g: PyGenerator): Generator<Value> {
  for (;;) {
    const r = g.resume(null);
    if (r.done) return;
    yield r.value;
  }
}

/** A JS iterator over any Python iterable (TypeError otherwise). */
export function getIterator(v: Value): Iterator<Value> {
  if (Array.isArray(v)) return new ListIterator(v);
  if (v instanceof PyRange) return new RangeIterator(v);
  if (v instanceof PyTuple) return (v.items as Value[])[Symbol.iterator]();
  if (v instanceof PyBytes) return [...v.data][Symbol.iterator]();
  if (typeof v === 'string') return strChars(v)[Symbol.iterator]();
  if (v instanceof PyDict) return dictIterator(v, 'keys');
  if (v instanceof PySet) return setIterator(v);
  if (v instanceof PyIterator) return v.it;
  if (v instanceof PyGenerator) return generatorIterator(v);
  if (v instanceof NDArray) return npIterate(v);
  if (v instanceof Tensor) return torchIterate(v);
  if (v instanceof PyDictView) return dictIterator(v.dict, v.kind);
  if (v instanceof PyInstance) {
    const f = lookupSpecial(v, '__iter__');
    if (f !== undefined) {
      const it = callValue(f, [v], null);
      if (it instanceof PyIterator) return it.it;
      if (it instanceof PyGenerator) return generatorIterator(it);
      return instanceIterator(it);
    }
    const gi = lookupSpecial(v, '__getitem__');
    if (gi !== undefined) return sequenceIterator(v, gi);
  }
  throw pyError('TypeError', `'${typeName(v)}' object is not iterable`);
}

export function iterate(v: Value): Iterable<Value> {
  const it = getIterator(v);
  return { [Symbol.iterator]: () => it };
}

/** The Python iterator object `iter(v)` returns. */
export function pyIter(v: Value): Value {
  if (v instanceof PyIterator || v instanceof PyGenerator) return v;
  if (v instanceof PyInstance) {
    const f = lookupSpecial(v, '__iter__');
    if (f !== undefined) return callValue(f, [v], null);
  }
  const name = Array.isArray(v) ? 'list_iterator' : v instanceof PyTuple ? 'tuple_iterator' : typeof v === 'string' ? 'str_ascii_iterator'
    : v instanceof PyDict ? 'dict_keyiterator' : v instanceof PyRange ? 'range_iterator' : v instanceof PySet ? 'set_iterator' : 'iterator';
  return new PyIterator(getIterator(v), name);
}

/** next(it): the value, or `undefined` when exhausted. */
export function pyNext(it: Value): Value | undefined {
  if (it instanceof PyIterator) {
    const r = it.it.next();
    return r.done ? undefined : r.value;
  }
  if (it instanceof PyGenerator) {
    const r = it.resume(null);
    return r.done ? undefined : r.value;
  }
  if (it instanceof PyInstance) {
    const f = lookupSpecial(it, '__next__');
    if (f !== undefined) {
      try {
        return callValue(f, [it], null);
      } catch (e) {
        if (e instanceof PyRaise && e.exc.cls.isSubclassOf(EXC.StopIteration)) return undefined;
        throw e;
      }
    }
  }
  throw pyError('TypeError', `'${typeName(it)}' object is not an iterator`);
}

export function iterToArray(v: Value): Value[] {
  if (Array.isArray(v)) return v.slice();
  if (v instanceof PyTuple) return v.items.slice();
  const out: Value[] = [];
  const it = getIterator(v);
  for (;;) {
    const r = it.next();
    if (r.done) return out;
    out.push(r.value);
    if ((out.length & 1023) === 0) { rt.tick(); rt.checkSize(out.length); }
  }
}

export { pyRepr, pyStr };
