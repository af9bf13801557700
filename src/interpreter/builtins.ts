// The builtins module and the methods of builtin types (list, str, dict, set, tuple, int,
// float, object, BaseException, generator…), with CPython 3.11's behaviour and error texts.
// Sandbox: there is no file, process or network access; open/eval/exec raise a clear error.
// Frame-aware builtins (super(), locals(), globals(), vars()) are wired via FRAME_BUILTINS.

import { bytesFrom, decodeBytes, encodeStr, PyBytes } from './pybytes';
import { Interrupt, keyError, newException, pyError, PyRaise } from './errors';
import {
  FormatSpec, floatDivmod, floatToInt, intFloorDiv, intMod, intToFloat, MAX_STR_DIGITS, normBig, PyInt, roundFloat, roundHalfEven, roundInt, toBig,
} from './numfmt';
import {
  binaryOp, callMethod, callValue, contains, delAttr, dictDelete, dictGet, dictSet, genericSetAttr, getAttr, getAttrOrUndefined,
  getItem, hashKey, hashOf, isInstance, isIterable, iterate, iterToArray, lessThan, lookupSpecial, newDict, newSet, pyEq, pyIter,
  pyLen, pyNext, setAdd, setAttr, setHas, setOperation, sliceIndices, strChars, strLen, toFloat, toIndex, toIndexValue, truth, typeName,
  typeOf, className, richCompare, getIterator,
} from './objects';
import { address as addressOf, asciiRepr, exceptionStr, pyFormat, pyRepr, pyStr, strFormat } from './repr';
import { rt } from './runtime';
import {
  EXC, Kwargs, NDArray, NOT_IMPLEMENTED, NpScalar, objectId, PyBoundMethod, PyBuiltin, PyClass, PyClassMethod, PyDefaultDict, PyDict,
  PyDictView, PyFloat, PyFunction, PyGenerator, PyInstance, PyIterator, PyModule, PyProperty, PyRange, PySet, PySlice, PyStaticMethod,
  PySuper, PyTuple, T_BOOL, T_CLASSMETHOD, T_COMPLEX, T_DICT, T_FLOAT, T_FROZENSET, T_GENERATOR, T_INT, T_LIST, T_OBJECT, T_PROPERTY,
  T_RANGE, T_SET, T_SLICE, T_STATICMETHOD, T_STR, T_SUPER, T_TUPLE, T_TYPE, T_BYTES, T_BYTEARRAY, Value, ELLIPSIS,
} from './values';
import { FRAME_BUILTINS, frameLocals, superFromFrame, type Frame } from './interpreter';
import { npRound, npToNumber } from './npbind';
import { Tensor } from '../../engine/torch/tensor';
import { torchToNumber } from './torchbind';
import { isNnModule, nnModuleDir } from './torchModules';
import { TENSOR_DIR } from './torchFrames';
import { importModule } from './modules';

// ---- helpers -------------------------------------------------------------------------------

type Fn = (args: Value[], kw: Kwargs | null) => Value;

function fn(name: string, impl: Fn): PyBuiltin {
  return new PyBuiltin(name, impl);
}

function noKw(name: string, kw: Kwargs | null): void {
  if (kw && Object.keys(kw).length) throw pyError('TypeError', `${name}() takes no keyword arguments`);
}

function nargs(name: string, args: Value[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    if (min === max) throw pyError('TypeError', `${name}() takes exactly ${min === 1 ? 'one argument' : `${min} arguments`} (${args.length} given)`);
    if (args.length > max) throw pyError('TypeError', `${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${args.length}`);
    throw pyError('TypeError', `${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${args.length}`);
  }
}

function kwArg(kw: Kwargs | null, name: string, dflt: Value): Value {
  return kw && name in kw ? kw[name] : dflt;
}

function onlyKw(fname: string, kw: Kwargs | null, allowed: string[]): void {
  if (!kw) return;
  for (const k of Object.keys(kw)) if (!allowed.includes(k)) throw pyError('TypeError', `'${k}' is an invalid keyword argument for ${fname}()`);
}

/** A method descriptor on a builtin type: args[0] is self (checked). */
function method(cls: PyClass, name: string, impl: (self: Value, args: Value[], kw: Kwargs | null) => Value): void {
  const qual = `${cls.name}.${name}`;
  cls.dict.set(name, new PyBuiltin(name, (args, kw) => {
    if (args.length === 0) throw pyError('TypeError', `unbound method ${qual}() needs an argument`);
    const self = args[0];
    if (!isInstance(self, cls)) throw pyError('TypeError', `descriptor '${name}' for '${cls.name}' objects doesn't apply to a '${typeName(self)}' object`);
    return impl(self, args.slice(1), kw);
  }, true, undefined, qual));
}

function asInt(v: Value): PyInt {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

// ---- conversions ---------------------------------------------------------------------------


export function parseIntLiteral(s: string, base: number): PyInt | null {
  let t = s.trim().toLowerCase();
  let neg = false;
  if (t.startsWith('-') || t.startsWith('+')) { neg = t[0] === '-'; t = t.slice(1); }
  if (base === 0) {
    if (/^0x/.test(t)) { base = 16; t = t.slice(2); }
    else if (/^0o/.test(t)) { base = 8; t = t.slice(2); }
    else if (/^0b/.test(t)) { base = 2; t = t.slice(2); }
    else { base = 10; if (/^0+[1-9]/.test(t)) return null; }
    if (t.startsWith('_')) t = t.slice(1);
  } else if ((base === 16 && /^0x/.test(t)) || (base === 8 && /^0o/.test(t)) || (base === 2 && /^0b/.test(t))) {
    t = t.slice(2);
    if (t.startsWith('_')) t = t.slice(1);
  }
  if (!t || t.startsWith('_') || t.endsWith('_') || t.includes('__')) return null;
  t = t.replace(/_/g, '');
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, base);
  let r = 0n;
  const B = BigInt(base);
  for (const ch of t) {
    const d = digits.indexOf(ch);
    if (d < 0) return null;
    r = r * B + BigInt(d);
  }
  return normBig(neg ? -r : r);
}

/**
 * CPython 3.11's int(str) digit limit: the run of digits after the sign (underscores between
 * them skipped) is counted before the literal is validated, for every base but powers of two.
 */
function checkStrDigits(text: string, base: number): void {
  let s = text.trim();
  if (s[0] === '+' || s[0] === '-') s = s.slice(1);
  if (base === 0) {
    if (/^0[xXoObB]/.test(s)) return;
    base = 10;
  }
  if ((base & (base - 1)) === 0) return;
  let digits = 0, prev = '';
  for (const ch of s) {
    if (ch === '_') {
      if (prev === '_') return; // CPython reports the invalid literal instead
    } else {
      const d = parseInt(ch, 36);
      if (Number.isNaN(d) || d >= base) break;
      digits++;
    }
    prev = ch;
  }
  if (digits > MAX_STR_DIGITS) {
    throw pyError('ValueError', `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`);
  }
}

export function toPyInt(x: Value, base?: Value): Value {
  if (base !== undefined) {
    if (typeof x !== 'string') throw pyError('TypeError', "int() can't convert non-string with explicit base");
    const b = Number(toIndexValue(base));
    if (b !== 0 && (b < 2 || b > 36)) throw pyError('ValueError', 'int() base must be >= 2 and <= 36, or 0');
    checkStrDigits(x, b);
    const r = parseIntLiteral(x, b);
    if (r === null) throw pyError('ValueError', `invalid literal for int() with base ${b}: ${pyRepr(x)}`);
    return r;
  }
  if (typeof x === 'number' || typeof x === 'bigint') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof PyFloat) return floatToInt(x.value);
  if (typeof x === 'string') {
    checkStrDigits(x, 10);
    const r = parseIntLiteral(x, 10);
    if (r === null) throw pyError('ValueError', `invalid literal for int() with base 10: ${pyRepr(x)}`);
    return r;
  }
  if (x instanceof NpScalar || x instanceof NDArray) return npToNumber(x, 'int');
  if (x instanceof Tensor) return torchToNumber(x, 'int');
  if (x instanceof PyInstance) {
    for (const m of ['__int__', '__index__', '__trunc__']) {
      const f = lookupSpecial(x, m);
      if (f !== undefined) return callValue(f, [x], null);
    }
  }
  throw pyError('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${typeName(x)}'`);
}

const FLOAT_RE = /^[+-]?((\d(_?\d)*)?(\.(\d(_?\d)*)?)?([eE][+-]?\d(_?\d)*)?|inf|infinity|nan)$/i;

export function toPyFloat(x: Value): PyFloat {
  if (x instanceof PyFloat) return x;
  if (typeof x === 'number' || typeof x === 'bigint') return new PyFloat(intToFloat(x));
  if (typeof x === 'boolean') return new PyFloat(x ? 1 : 0);
  if (typeof x === 'string') {
    const t = x.trim();
    if (!FLOAT_RE.test(t) || !/\d|inf|nan/i.test(t) || /^[+-]?\.?([eE]|$)/.test(t)) throw pyError('ValueError', `could not convert string to float: ${pyRepr(x)}`);
    const low = t.toLowerCase().replace(/_/g, '');
    const sign = low.startsWith('-') ? -1 : 1;
    const body = low.replace(/^[+-]/, '');
    if (body === 'inf' || body === 'infinity') return new PyFloat(sign * Infinity);
    if (body === 'nan') return new PyFloat(NaN);
    return new PyFloat(Number(low));
  }
  if (x instanceof NpScalar || x instanceof NDArray) return npToNumber(x, 'float') as PyFloat;
  if (x instanceof Tensor) return torchToNumber(x, 'float') as PyFloat;
  if (x instanceof PyInstance) {
    const f = lookupSpecial(x, '__float__');
    if (f !== undefined) {
      const r = callValue(f, [x], null);
      if (!(r instanceof PyFloat)) throw pyError('TypeError', `${x.cls.name}.__float__ returned non-float (type ${typeName(r)})`);
      return r;
    }
    const i = lookupSpecial(x, '__index__');
    if (i !== undefined) return toPyFloat(callValue(i, [x], null));
  }
  throw pyError('TypeError', `float() argument must be a string or a real number, not '${typeName(x)}'`);
}

function dictFrom(args: Value[], kw: Kwargs | null, d: PyDict = new PyDict()): PyDict {
  if (args.length > 1) throw pyError('TypeError', `dict expected at most 1 argument, got ${args.length}`);
  if (args.length === 1) updateDict(d, args[0]);
  if (kw) for (const k of Object.keys(kw)) dictSet(d, k, kw[k]);
  return d;
}

function updateDict(d: PyDict, src: Value): void {
  if (src instanceof PyDict) {
    for (const [k, e] of src.map) { const old = d.map.get(k); if (old) old[1] = e[1]; else d.map.set(k, [e[0], e[1]]); }
    return;
  }
  const keys = src instanceof PyInstance ? lookupSpecial(src, 'keys') : undefined;
  if (keys !== undefined) {
    for (const k of iterToArray(callValue(keys, [src], null))) dictSet(d, k, getItem(src, k));
    return;
  }
  if (!isIterable(src)) throw pyError('TypeError', `'${typeName(src)}' object is not iterable`);
  let i = 0;
  for (const item of iterate(src)) {
    if (!isIterable(item)) throw pyError('TypeError', `cannot convert dictionary update sequence element #${i} to a sequence`);
    const pair = iterToArray(item);
    if (pair.length !== 2) throw pyError('ValueError', `dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
    dictSet(d, pair[0], pair[1]);
    i++;
  }
}

function setFrom(x: Value, frozen: boolean): PySet {
  const s = new PySet(frozen);
  if (x instanceof PySet) { s.merge(x); return s; }
  if (x instanceof PyDict) {
    s.reserve(x.size);
    for (const [, [k]] of x.map) setAdd(s, k);
    return s;
  }
  for (const v of iterate(x)) setAdd(s, v);
  return s;
}

// ---- type constructors ------------------------------------------------------------------------

T_INT.nativeCall = (args, kw) => {
  if (args.length > 2) throw pyError('TypeError', `int() takes at most 2 arguments (${args.length} given)`);
  const base = args[1] ?? kwArg(kw, 'base', undefined);
  if (args.length === 0) return base === undefined ? 0 : (() => { throw pyError('TypeError', 'int() missing string argument'); })();
  return toPyInt(args[0], base);
};
T_FLOAT.nativeCall = (args) => (args.length === 0 ? new PyFloat(0) : toPyFloat(args[0]));
T_BOOL.nativeCall = (args) => (args.length === 0 ? false : truth(args[0]));
T_STR.nativeCall = (args, kw) => {
  if (args.length === 0) return '';
  const encoding = args[1] ?? kwArg(kw, 'encoding', undefined);
  if (encoding !== undefined) {
    if (!(args[0] instanceof PyBytes)) throw pyError('TypeError', `decoding to str: need a bytes-like object, ${typeName(args[0])} found`);
    return decodeBytes(args[0], String(encoding));
  }
  if (args.length > 1 || kw) throw pyError('NotImplementedError', 'str() with errors= is not supported by Shape Lens');
  return pyStr(args[0]);
};
T_LIST.nativeCall = (args) => {
  nargs('list', args, 0, 1);
  return args.length ? iterToArray(args[0]) : [];
};
T_TUPLE.nativeCall = (args) => {
  nargs('tuple', args, 0, 1);
  if (args.length === 0) return new PyTuple([]);
  return args[0] instanceof PyTuple && args[0].constructor === PyTuple ? args[0] : new PyTuple(iterToArray(args[0]));
};
T_DICT.nativeCall = (args, kw) => dictFrom(args, kw);
T_SET.nativeCall = (args) => { nargs('set', args, 0, 1); return args.length ? setFrom(args[0], false) : new PySet(); };
T_FROZENSET.nativeCall = (args) => { nargs('frozenset', args, 0, 1); return args.length ? setFrom(args[0], true) : new PySet(true); };
T_RANGE.nativeCall = (args, kw) => {
  noKw('range', kw);
  if (args.length === 0) throw pyError('TypeError', 'range expected at least 1 argument, got 0');
  if (args.length > 3) throw pyError('TypeError', `range expected at most 3 arguments, got ${args.length}`);
  const n = args.map((a) => toIndex(a));
  if (n.length === 1) return new PyRange(0, n[0], 1);
  if (n.length === 3 && n[2] === 0) throw pyError('ValueError', 'range() arg 3 must not be zero');
  return new PyRange(n[0], n[1], n.length === 3 ? n[2] : 1);
};
T_SLICE.nativeCall = (args) => {
  nargs('slice', args, 1, 3);
  if (args.length === 1) return new PySlice(null, args[0], null);
  return new PySlice(args[0], args[1], args[2] ?? null);
};
T_OBJECT.nativeCall = (args, kw) => {
  if (args.length || (kw && Object.keys(kw).length)) throw pyError('TypeError', 'object() takes no arguments');
  return new PyInstance(T_OBJECT);
};
T_TYPE.nativeCall = (args) => {
  if (args.length === 1) return typeOf(args[0]);
  if (args.length !== 3) throw pyError('TypeError', 'type() takes 1 or 3 arguments');
  const [name, bases, ns] = args;
  const bs = iterToArray(bases) as PyClass[];
  const cls = new PyClass(String(name), bs.length ? bs : [T_OBJECT], '__main__');
  if (ns instanceof PyDict) for (const [, [k, v]] of ns.map) cls.dict.set(String(k), v);
  return cls;
};
T_COMPLEX.nativeCall = () => { throw pyError('NotImplementedError', 'complex numbers are not supported by Shape Lens'); };
/** `bytes(...)` / `bytearray(...)`: no argument, a count, an iterable of ints, or a str with an encoding. */
function makeBytes(name: string, mutable: boolean, args: Value[], kw: Kwargs | null): PyBytes {
  nargs(name, args, 0, 3);
  const source = args[0] ?? kwArg(kw, 'source', undefined);
  const encoding = args[1] ?? kwArg(kw, 'encoding', undefined);
  if (source === undefined) return new PyBytes(new Uint8Array(0), mutable);
  if (encoding !== undefined) {
    if (typeof source !== 'string') throw pyError('TypeError', 'encoding without a string argument');
    return encodeStr(source, String(encoding), mutable);
  }
  return bytesFrom(source, mutable, (x) => iterate(x), (n) => rt.checkSize(n));
}
T_BYTES.nativeCall = (args, kw) => makeBytes('bytes', false, args, kw);
T_BYTEARRAY.nativeCall = (args, kw) => makeBytes('bytearray', true, args, kw);
T_PROPERTY.nativeCall = (args, kw) => new PyProperty(args[0] ?? kwArg(kw, 'fget', null), args[1] ?? kwArg(kw, 'fset', null), args[2] ?? kwArg(kw, 'fdel', null));
T_STATICMETHOD.nativeCall = (args) => { nargs('staticmethod', args, 1, 1); return new PyStaticMethod(args[0]); };
T_CLASSMETHOD.nativeCall = (args) => { nargs('classmethod', args, 1, 1); return new PyClassMethod(args[0]); };
T_SUPER.nativeCall = (args) => {
  if (args.length !== 2) throw pyError('RuntimeError', 'super(): no arguments');
  const [cls, obj] = args;
  if (!(cls instanceof PyClass)) throw pyError('TypeError', `super() argument 1 must be a type, not ${typeName(cls)}`);
  return new PySuper(cls, obj);
};

// ---- the builtin functions ------------------------------------------------------------------------

function printImpl(args: Value[], kw: Kwargs | null): Value {
  onlyKw('print', kw, ['sep', 'end', 'file', 'flush']);
  const sep = kwArg(kw, 'sep', null), end = kwArg(kw, 'end', null), file = kwArg(kw, 'file', null);
  if (sep !== null && typeof sep !== 'string') throw pyError('TypeError', `sep must be None or a string, not ${typeName(sep)}`);
  if (end !== null && typeof end !== 'string') throw pyError('TypeError', `end must be None or a string, not ${typeName(end)}`);
  let out = '';
  for (let i = 0; i < args.length; i++) {
    if (i > 0) out += sep ?? ' ';
    const a = args[i];
    out += typeof a === 'string' ? a : pyStr(a);
  }
  out += end ?? '\n';
  if (file === null) rt.write(out);
  else callMethod(file, 'write', [out]);
  return null;
}

function minmax(name: 'min' | 'max', args: Value[], kw: Kwargs | null): Value {
  onlyKw(name, kw, ['key', 'default']);
  const key = kwArg(kw, 'key', null);
  const hasDefault = kw !== null && 'default' in kw;
  let items: Value[];
  if (args.length === 0) throw pyError('TypeError', `${name} expected at least 1 argument, got 0`);
  if (args.length === 1) {
    items = iterToArray(args[0]);
    if (items.length === 0) {
      if (hasDefault) return kw!.default;
      throw pyError('ValueError', `${name}() arg is an empty sequence`);
    }
  } else {
    if (hasDefault) throw pyError('TypeError', `Cannot specify a default for ${name}() with multiple positional arguments`);
    items = args;
  }
  let best = items[0];
  let bestKey = key === null ? best : callValue(key, [best], null);
  for (let i = 1; i < items.length; i++) {
    const v = items[i];
    const k = key === null ? v : callValue(key, [v], null);
    if (name === 'max' ? lessThan(bestKey, k) : lessThan(k, bestKey)) { best = v; bestKey = k; }
  }
  return best;
}

function sumImpl(args: Value[], kw: Kwargs | null): Value {
  if (args.length === 0) throw pyError('TypeError', 'sum() takes at least 1 positional argument (0 given)');
  if (args.length > 2) throw pyError('TypeError', `sum() takes at most 2 arguments (${args.length} given)`);
  let acc: Value = args.length > 1 ? args[1] : kwArg(kw, 'start', 0);
  if (typeof acc === 'string') throw pyError('TypeError', "sum() can't sum strings [use ''.join(seq) instead]");
  const it = getIterator(args[0]);
  let n = 0;
  for (;;) {
    const r = it.next();
    if (r.done) return acc;
    const v = r.value;
    if (typeof acc === 'number' && typeof v === 'number') {
      const s = acc + v;
      acc = Number.isSafeInteger(s) ? s : binaryOp('Add', acc, v);
    } else if (acc instanceof PyFloat && v instanceof PyFloat) acc = new PyFloat(acc.value + v.value);
    else acc = binaryOp('Add', acc, v);
    if ((++n & 1023) === 0) rt.tick();
  }
}

export function sortValues(items: Value[], key: Value, reverse: boolean): void {
  const keys = key === null ? items : items.map((v) => callValue(key, [v], null));
  const idx = items.map((_, i) => i);
  idx.sort((i, j) => {
    const a = keys[i], b = keys[j];
    if (reverse) return lessThan(b, a) ? -1 : lessThan(a, b) ? 1 : 0;
    return lessThan(a, b) ? -1 : lessThan(b, a) ? 1 : 0;
  });
  const sorted = idx.map((i) => items[i]);
  for (let i = 0; i < items.length; i++) items[i] = sorted[i];
}

function sortedImpl(args: Value[], kw: Kwargs | null): Value {
  if (args.length !== 1) throw pyError('TypeError', `sorted expected 1 argument, got ${args.length}`);
  onlyKw('sort', kw, ['key', 'reverse']);
  const items = iterToArray(args[0]);
  sortValues(items, kwArg(kw, 'key', null), truth(kwArg(kw, 'reverse', false)));
  return items;
}

function* reversedIter(items: readonly Value[]): Generator<Value> {
  for (let i = items.length - 1; i >= 0; i--) yield items[i];
}

function reversedImpl(args: Value[]): Value {
  nargs('reversed', args, 1, 1);
  const x = args[0];
  if (Array.isArray(x)) {
    const list = x;
    return new PyIterator((function* () { for (let i = list.length - 1; i >= 0; i--) { if (i < list.length) yield list[i]; } })(), 'list_reverseiterator');
  }
  if (x instanceof PyTuple || typeof x === 'string' || x instanceof PyRange || x instanceof NDArray) {
    return new PyIterator(reversedIter(iterToArray(x)), x instanceof PyRange ? 'range_iterator' : 'reversed');
  }
  if (x instanceof PyDict) return new PyIterator(reversedIter(iterToArray(x)), 'dict_reversekeyiterator');
  if (x instanceof PyInstance) {
    const r = lookupSpecial(x, '__reversed__');
    if (r !== undefined) return callValue(r, [x], null);
    if (lookupSpecial(x, '__len__') !== undefined && lookupSpecial(x, '__getitem__') !== undefined) {
      const n = pyLen(x);
      return new PyIterator((function* () { for (let i = n - 1; i >= 0; i--) yield getItem(x, i); })(), 'reversed');
    }
  }
  throw pyError('TypeError', `'${typeName(x)}' object is not reversible`);
}

function zipImpl(args: Value[], kw: Kwargs | null): Value {
  onlyKw('zip', kw, ['strict']);
  const strict = truth(kwArg(kw, 'strict', false));
  const its = args.map((a) => {
    if (!isIterable(a)) throw pyError('TypeError', `'${typeName(a)}' object is not iterable`);
    return getIterator(a);
  });
  return new PyIterator((function* () {
    if (its.length === 0) return;
    for (;;) {
      const row: Value[] = [];
      for (let i = 0; i < its.length; i++) {
        const r = its[i].next();
        if (r.done) {
          if (strict) {
            if (i > 0) throw pyError('ValueError', `zip() argument ${i + 1} is shorter than argument${i > 1 ? `s 1-${i}` : ' 1'}`);
            for (let j = 1; j < its.length; j++) if (!its[j].next().done) throw pyError('ValueError', `zip() argument ${j + 1} is longer than argument${j > 1 ? `s 1-${j}` : ' 1'}`);
          }
          return;
        }
        row.push(r.value);
      }
      yield new PyTuple(row);
    }
  })(), 'zip');
}

function mapImpl(args: Value[]): Value {
  if (args.length < 2) throw pyError('TypeError', 'map() must have at least two arguments.');
  const f = args[0];
  const its = args.slice(1).map((a) => getIterator(a));
  return new PyIterator((function* () {
    for (;;) {
      const vals: Value[] = [];
      for (const it of its) {
        const r = it.next();
        if (r.done) return;
        vals.push(r.value);
      }
      yield callValue(f, vals, null);
    }
  })(), 'map');
}

function filterImpl(args: Value[]): Value {
  nargs('filter', args, 2, 2);
  const [f, src] = args;
  const it = getIterator(src);
  return new PyIterator((function* () {
    for (;;) {
      const r = it.next();
      if (r.done) return;
      if (truth(f === null ? r.value : callValue(f, [r.value], null))) yield r.value;
    }
  })(), 'filter');
}

function enumerateImpl(args: Value[], kw: Kwargs | null): Value {
  const src = args[0] ?? kwArg(kw, 'iterable', undefined);
  if (src === undefined) throw pyError('TypeError', "enumerate() missing required argument 'iterable' (pos 1)");
  let i = toIndexValue(args[1] ?? kwArg(kw, 'start', 0));
  const it = getIterator(src);
  return new PyIterator((function* () {
    for (;;) {
      const r = it.next();
      if (r.done) return;
      yield new PyTuple([i, r.value]);
      i = typeof i === 'number' ? i + 1 : normBig(toBig(i) + 1n);
    }
  })(), 'enumerate');
}

function absImpl(args: Value[]): Value {
  nargs('abs', args, 1, 1);
  const x = args[0];
  if (typeof x === 'number') return Math.abs(x);
  if (typeof x === 'bigint') return x < 0n ? -x : x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof PyFloat) return new PyFloat(Math.abs(x.value));
  if (x instanceof NDArray || x instanceof NpScalar) return callValue(getAttrOrUndefined(importModule('numpy'), 'absolute'), [x], null);
  if (x instanceof PyInstance) {
    const f = lookupSpecial(x, '__abs__');
    if (f !== undefined) return callValue(f, [x], null);
  }
  throw pyError('TypeError', `bad operand type for abs(): '${typeName(x)}'`);
}

function roundImpl(args: Value[], kw: Kwargs | null): Value {
  const x = args[0] ?? kwArg(kw, 'number', undefined);
  if (x === undefined) throw pyError('TypeError', "round() missing required argument 'number' (pos 1)");
  const nd = args.length > 1 ? args[1] : kwArg(kw, 'ndigits', null);
  if (typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean') {
    return nd === null ? asInt(x) : roundInt(asInt(x), toIndex(nd));
  }
  if (x instanceof PyFloat) {
    if (nd === null) return roundHalfEven(x.value);
    return new PyFloat(roundFloat(x.value, toIndex(nd)));
  }
  if (x instanceof NpScalar || x instanceof NDArray) return npRound(x, nd);
  if (x instanceof PyInstance) {
    const f = lookupSpecial(x, '__round__');
    if (f !== undefined) return callValue(f, nd === null ? [x] : [x, nd], null);
  }
  throw pyError('TypeError', `type ${typeName(x)} doesn't define __round__ method`);
}

function divmodImpl(args: Value[]): Value {
  nargs('divmod', args, 2, 2);
  const [a, b] = args;
  const isI = (v: Value) => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
  if (isI(a) && isI(b)) {
    const x = asInt(a), y = asInt(b);
    if (y === 0 || y === 0n) throw pyError('ZeroDivisionError', 'integer division or modulo by zero');
    return new PyTuple([intFloorDiv(x, y), intMod(x, y)]);
  }
  if ((isI(a) || a instanceof PyFloat) && (isI(b) || b instanceof PyFloat)) {
    const [q, r] = floatDivmod(toFloat(a), toFloat(b));
    return new PyTuple([new PyFloat(q), new PyFloat(r)]);
  }
  if (a instanceof PyInstance) {
    const f = lookupSpecial(a, '__divmod__');
    if (f !== undefined) return callValue(f, [a, b], null);
  }
  return new PyTuple([binaryOp('FloorDiv', a, b), binaryOp('Mod', a, b)]);
}

function powImpl(args: Value[], kw: Kwargs | null): Value {
  const base = args[0] ?? kwArg(kw, 'base', undefined), exp = args[1] ?? kwArg(kw, 'exp', undefined);
  const mod = args.length > 2 ? args[2] : kwArg(kw, 'mod', null);
  if (base === undefined || exp === undefined) throw pyError('TypeError', "pow() missing required argument 'exp' (pos 2)");
  if (mod === null) return binaryOp('Pow', base, exp);
  const isI = (v: Value) => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
  if (!isI(base) || !isI(exp) || !isI(mod)) throw pyError('TypeError', 'pow() 3rd argument not allowed unless all arguments are integers');
  let b = toBig(asInt(base)), e = toBig(asInt(exp));
  const m = toBig(asInt(mod));
  if (m === 0n) throw pyError('ValueError', 'pow() 3rd argument cannot be 0');
  if (e < 0n) throw pyError('ValueError', 'base is not invertible for the given modulus');
  let r = 1n;
  b = ((b % m) + m) % m;
  while (e > 0n) { if (e & 1n) r = (r * b) % m; b = (b * b) % m; e >>= 1n; }
  if (m < 0n && r > 0n) r += m;
  return normBig(r);
}

function isinstanceImpl(args: Value[]): Value {
  nargs('isinstance', args, 2, 2);
  const [obj, t] = args;
  const check = (c: Value): boolean => {
    if (c instanceof PyTuple) return c.items.some(check);
    if (!(c instanceof PyClass)) {
      if (c !== null && typeof c === 'object' && 'origin' in c) throw pyError('TypeError', 'isinstance() argument 2 cannot be a parameterized generic');
      throw pyError('TypeError', 'isinstance() arg 2 must be a type, a tuple of types, or a union');
    }
    return isInstance(obj, c);
  };
  return check(t);
}

function issubclassImpl(args: Value[]): Value {
  nargs('issubclass', args, 2, 2);
  const [c, t] = args;
  if (!(c instanceof PyClass)) throw pyError('TypeError', 'issubclass() arg 1 must be a class');
  const check = (x: Value): boolean => {
    if (x instanceof PyTuple) return x.items.some(check);
    if (!(x instanceof PyClass)) throw pyError('TypeError', 'issubclass() arg 2 must be a class, a tuple of classes, or a union');
    return x === T_OBJECT || c.isSubclassOf(x);
  };
  return check(t);
}

function getattrImpl(args: Value[]): Value {
  nargs('getattr', args, 2, 3);
  const [obj, name] = args;
  if (typeof name !== 'string') throw pyError('TypeError', `attribute name must be string, not '${typeName(name)}'`);
  if (args.length === 3) {
    const v = getAttrOrUndefined(obj, name);
    return v === undefined ? args[2] : v;
  }
  return getAttr(obj, name);
}

export function dirOf(obj: Value): string[] {
  if (obj instanceof Tensor) return [...TENSOR_DIR];
  if (isNnModule(obj)) return nnModuleDir(obj);
  const names = new Set<string>();
  if (obj instanceof PyInstance) {
    for (const k of obj.dict.keys()) names.add(k);
    for (const c of obj.cls.mro) for (const k of c.dict.keys()) names.add(k);
  } else if (obj instanceof PyModule) {
    for (const k of obj.dict.keys()) names.add(k);
  } else if (obj instanceof PyClass) {
    for (const c of obj.mro) for (const k of c.dict.keys()) names.add(k);
  } else {
    for (const c of typeOf(obj).mro) for (const k of c.dict.keys()) names.add(k);
  }
  return [...names].sort();
}

function hexLike(prefix: string, radix: number): Fn {
  return (args) => {
    nargs(prefix === '0x' ? 'hex' : prefix === '0o' ? 'oct' : 'bin', args, 1, 1);
    const n = toBig(toIndexValue(args[0]));
    return (n < 0n ? '-' : '') + prefix + (n < 0n ? -n : n).toString(radix);
  };
}

function sandboxed(name: string): PyBuiltin {
  return fn(name, () => { throw pyError('NotImplementedError', `${name}() is not available in Shape Lens (code runs in a sandbox without eval, files, processes or network)`); });
}

function inputImpl(args: Value[]): Value {
  if (args.length) rt.write(pyStr(args[0]));
  throw pyError('EOFError', 'EOF when reading a line');
}

function openImpl(args: Value[]): Value {
  const path = args.length ? pyStr(args[0]) : '';
  const r = pyError('PermissionError', `[Errno 13] Permission denied: ${pyRepr(path)} (Shape Lens runs code in a sandbox without file access)`);
  throw r;
}

function exitImpl(args: Value[]): Value {
  throw new PyRaise(newException(EXC.SystemExit, args.length ? [args[0]] : []));
}

/** The builtins namespace, in CPython's order (it decides NameError suggestions). */
export function makeBuiltins(): Map<string, Value> {
  const b = new Map<string, Value>();
  const add = (name: string, v: Value) => b.set(name, v);
  add('__name__', 'builtins');
  add('__doc__', null);
  add('__import__', fn('__import__', (args) => importModule(String(args[0]))));
  add('abs', fn('abs', absImpl));
  add('all', fn('all', (args) => { nargs('all', args, 1, 1); for (const v of iterate(args[0])) if (!truth(v)) return false; return true; }));
  add('any', fn('any', (args) => { nargs('any', args, 1, 1); for (const v of iterate(args[0])) if (truth(v)) return true; return false; }));
  add('ascii', fn('ascii', (args) => asciiRepr(args[0])));
  add('bin', fn('bin', hexLike('0b', 2)));
  add('breakpoint', fn('breakpoint', () => null));
  add('callable', fn('callable', (args) => {
    const x = args[0];
    return x instanceof PyFunction || x instanceof PyBuiltin || x instanceof PyBoundMethod || x instanceof PyClass || (x instanceof PyInstance && lookupSpecial(x, '__call__') !== undefined);
  }));
  add('chr', fn('chr', (args) => {
    nargs('chr', args, 1, 1);
    const n = Number(toIndexValue(args[0]));
    if (n < 0 || n > 0x10ffff) throw pyError('ValueError', 'chr() arg not in range(0x110000)');
    return String.fromCodePoint(n);
  }));
  add('compile', sandboxed('compile'));
  add('delattr', fn('delattr', (args) => { nargs('delattr', args, 2, 2); delAttr(args[0], String(args[1])); return null; }));
  add('dir', fn('dir', (args) => dirOf(args[0])));
  add('divmod', fn('divmod', divmodImpl));
  add('eval', sandboxed('eval'));
  add('exec', sandboxed('exec'));
  add('format', fn('format', (args) => { nargs('format', args, 1, 2); return pyFormat(args[0], args.length > 1 ? String(args[1]) : ''); }));
  add('getattr', fn('getattr', getattrImpl));
  add('globals', fn('globals', () => null));
  add('hasattr', fn('hasattr', (args) => {
    nargs('hasattr', args, 2, 2);
    if (typeof args[1] !== 'string') throw pyError('TypeError', `attribute name must be string, not '${typeName(args[1])}'`);
    return getAttrOrUndefined(args[0], args[1]) !== undefined;
  }));
  add('hash', fn('hash', (args) => { nargs('hash', args, 1, 1); return normBig(hashOf(args[0])); }));
  add('hex', fn('hex', hexLike('0x', 16)));
  add('id', fn('id', (args) => { nargs('id', args, 1, 1); const x = args[0]; return typeof x === 'object' && x !== null ? 139637976727552 + objectId(x) * 16 : 9784672 + (typeof x === 'number' ? x * 32 : 0); }));
  add('input', fn('input', inputImpl));
  add('isinstance', fn('isinstance', isinstanceImpl));
  add('issubclass', fn('issubclass', issubclassImpl));
  add('iter', fn('iter', (args) => {
    nargs('iter', args, 1, 2);
    if (args.length === 2) {
      const [f, sentinel] = args;
      return new PyIterator((function* () { for (;;) { const v = callValue(f, [], null); if (pyEq(v, sentinel)) return; yield v; } })(), 'callable_iterator');
    }
    return pyIter(args[0]);
  }));
  add('len', fn('len', (args) => { nargs('len', args, 1, 1); return pyLen(args[0]); }));
  add('locals', fn('locals', () => null));
  add('max', fn('max', (args, kw) => minmax('max', args, kw)));
  add('min', fn('min', (args, kw) => minmax('min', args, kw)));
  add('next', fn('next', (args) => {
    nargs('next', args, 1, 2);
    const v = pyNext(args[0]);
    if (v !== undefined) return v;
    if (args.length === 2) return args[1];
    throw new PyRaise(newException(EXC.StopIteration, []));
  }));
  add('oct', fn('oct', hexLike('0o', 8)));
  add('open', fn('open', openImpl));
  add('ord', fn('ord', (args) => {
    nargs('ord', args, 1, 1);
    const s = args[0];
    if (typeof s !== 'string') throw pyError('TypeError', `ord() expected string of length 1, but ${typeName(s)} found`);
    const n = strLen(s);
    if (n !== 1) throw pyError('TypeError', `ord() expected a character, but string of length ${n} found`);
    return s.codePointAt(0)!;
  }));
  add('pow', fn('pow', powImpl));
  add('print', fn('print', printImpl));
  add('repr', fn('repr', (args) => { nargs('repr', args, 1, 1); return pyRepr(args[0]); }));
  add('round', fn('round', roundImpl));
  add('setattr', fn('setattr', (args) => { nargs('setattr', args, 3, 3); setAttr(args[0], String(args[1]), args[2]); return null; }));
  add('sorted', fn('sorted', sortedImpl));
  add('sum', fn('sum', sumImpl));
  add('vars', fn('vars', (args) => {
    const o = args[0];
    if (o instanceof PyInstance) return newDict([...o.dict.entries()]);
    if (o instanceof PyModule || o instanceof PyClass) return newDict([...o.dict.entries()]);
    throw pyError('TypeError', 'vars() argument must have __dict__ attribute');
  }));
  add('None', null);
  add('Ellipsis', ELLIPSIS);
  add('NotImplemented', NOT_IMPLEMENTED);
  add('False', false);
  add('True', true);
  add('bool', T_BOOL);
  add('bytes', T_BYTES);
  add('bytearray', T_BYTEARRAY);
  add('classmethod', T_CLASSMETHOD);
  add('complex', T_COMPLEX);
  add('dict', T_DICT);
  add('enumerate', fn('enumerate', enumerateImpl));
  add('filter', fn('filter', filterImpl));
  add('float', T_FLOAT);
  add('frozenset', T_FROZENSET);
  add('property', T_PROPERTY);
  add('int', T_INT);
  add('list', T_LIST);
  add('map', fn('map', mapImpl));
  add('object', T_OBJECT);
  add('range', T_RANGE);
  add('reversed', fn('reversed', reversedImpl));
  add('set', T_SET);
  add('slice', T_SLICE);
  add('staticmethod', T_STATICMETHOD);
  add('str', T_STR);
  add('super', T_SUPER);
  add('tuple', T_TUPLE);
  add('type', T_TYPE);
  add('zip', fn('zip', zipImpl));
  add('__debug__', true);
  for (const c of Object.values(EXC)) if (c.module === 'builtins') add(c.name, c);
  add('EnvironmentError', EXC.OSError);
  add('IOError', EXC.OSError);
  add('quit', fn('quit', exitImpl));
  add('exit', fn('exit', exitImpl));
  // frame-aware builtins
  FRAME_BUILTINS.clear();
  FRAME_BUILTINS.set(b.get('globals'), (f: Frame) => newDict([...f.globals.entries()]));
  FRAME_BUILTINS.set(b.get('locals'), (f: Frame) => newDict([...frameLocals(f).entries()]));
  FRAME_BUILTINS.set(b.get('vars'), (f: Frame, args, kw) => (args.length === 0 ? newDict([...frameLocals(f).entries()]) : callValue(b.get('vars'), args, kw)));
  FRAME_BUILTINS.set(b.get('dir'), (f: Frame, args, kw) => (args.length === 0 ? [...frameLocals(f).keys()].sort() : callValue(b.get('dir'), args, kw)));
  return b;
}

/** The CPython builtins names (for "Did you mean" suggestions), in builtins.__dict__ order. */
export const CPYTHON_BUILTIN_NAMES = ['__name__', '__doc__', '__package__', '__loader__', '__spec__', '__build_class__', '__import__', 'abs', 'all', 'any', 'ascii', 'bin', 'breakpoint', 'callable', 'chr', 'compile', 'delattr', 'dir', 'divmod', 'eval', 'exec', 'format', 'getattr', 'globals', 'hasattr', 'hash', 'hex', 'id', 'input', 'isinstance', 'issubclass', 'iter', 'aiter', 'len', 'locals', 'max', 'min', 'next', 'anext', 'oct', 'ord', 'pow', 'print', 'repr', 'round', 'setattr', 'sorted', 'sum', 'vars', 'None', 'Ellipsis', 'NotImplemented', 'False', 'True', 'bool', 'memoryview', 'bytearray', 'bytes', 'classmethod', 'complex', 'dict', 'enumerate', 'filter', 'float', 'frozenset', 'property', 'int', 'list', 'map', 'object', 'range', 'reversed', 'set', 'slice', 'staticmethod', 'str', 'super', 'tuple', 'type', 'zip', '__debug__', 'BaseException', 'BaseExceptionGroup', 'Exception', 'GeneratorExit', 'KeyboardInterrupt', 'SystemExit', 'ArithmeticError', 'AssertionError', 'AttributeError', 'BufferError', 'EOFError', 'ImportError', 'LookupError', 'MemoryError', 'NameError', 'OSError', 'ReferenceError', 'RuntimeError', 'StopAsyncIteration', 'StopIteration', 'SyntaxError', 'SystemError', 'TypeError', 'ValueError', 'Warning', 'FloatingPointError', 'OverflowError', 'ZeroDivisionError', 'BytesWarning', 'DeprecationWarning', 'EncodingWarning', 'FutureWarning', 'ImportWarning', 'PendingDeprecationWarning', 'ResourceWarning', 'RuntimeWarning', 'SyntaxWarning', 'UnicodeWarning', 'UserWarning', 'BlockingIOError', 'ChildProcessError', 'ConnectionError', 'FileExistsError', 'FileNotFoundError', 'InterruptedError', 'IsADirectoryError', 'NotADirectoryError', 'PermissionError', 'ProcessLookupError', 'TimeoutError', 'IndentationError', 'IndexError', 'KeyError', 'ModuleNotFoundError', 'NotImplementedError', 'RecursionError', 'UnboundLocalError', 'UnicodeError', 'BrokenPipeError', 'ConnectionAbortedError', 'ConnectionRefusedError', 'ConnectionResetError', 'TabError', 'UnicodeDecodeError', 'UnicodeEncodeError', 'UnicodeTranslateError', 'ExceptionGroup', 'EnvironmentError', 'IOError', 'open', 'quit', 'exit', 'copyright', 'credits', 'license', 'help'];

// ---- methods of builtin types ---------------------------------------------------------------------------

function listIndex(list: readonly Value[], x: Value, start: Value, stop: Value, what: string): number {
  const n = list.length;
  const [s, e] = sliceIndices(new PySlice(start ?? null, stop ?? null, null), n);
  for (let i = s; i < e; i++) if (list[i] === x || pyEq(list[i], x)) return i;
  throw pyError('ValueError', what);
}

// list
method(T_LIST, 'append', (self, args) => { nargs('list.append', args, 1, 1); self.push(args[0]); return null; });
method(T_LIST, 'extend', (self, args) => {
  nargs('list.extend', args, 1, 1);
  const items = iterToArray(args[0]);
  rt.checkSize(self.length + items.length);
  for (const x of items) self.push(x);
  return null;
});
method(T_LIST, 'insert', (self, args) => {
  if (args.length !== 2) throw pyError('TypeError', `insert expected 2 arguments, got ${args.length}`);
  let i = toIndex(args[0]);
  const n = self.length;
  if (i < 0) i = Math.max(0, i + n);
  if (i > n) i = n;
  self.splice(i, 0, args[1]);
  return null;
});
method(T_LIST, 'remove', (self, args) => {
  nargs('list.remove', args, 1, 1);
  const i = listIndex(self, args[0], null, null, 'list.remove(x): x not in list');
  self.splice(i, 1);
  return null;
});
method(T_LIST, 'pop', (self, args) => {
  nargs('pop', args, 0, 1);
  if (self.length === 0) throw pyError('IndexError', 'pop from empty list');
  let i = args.length ? toIndex(args[0]) : self.length - 1;
  if (i < 0) i += self.length;
  if (i < 0 || i >= self.length) throw pyError('IndexError', 'pop index out of range');
  return self.splice(i, 1)[0];
});
method(T_LIST, 'clear', (self) => { self.length = 0; return null; });
method(T_LIST, 'index', (self, args) => {
  nargs('index', args, 1, 3);
  return listIndex(self, args[0], args[1], args[2], `${pyRepr(args[0])} is not in list`);
});
method(T_LIST, 'count', (self, args) => { nargs('list.count', args, 1, 1); let n = 0; for (const x of self) if (x === args[0] || pyEq(x, args[0])) n++; return n; });
method(T_LIST, 'sort', (self, args, kw) => {
  if (args.length) throw pyError('TypeError', 'sort() takes no positional arguments');
  onlyKw('sort', kw, ['key', 'reverse']);
  sortValues(self, kwArg(kw, 'key', null), truth(kwArg(kw, 'reverse', false)));
  return null;
});
method(T_LIST, 'reverse', (self) => { self.reverse(); return null; });
method(T_LIST, 'copy', (self) => self.slice());

// tuple
method(T_TUPLE, 'count', (self, args) => { let n = 0; for (const x of self.items) if (x === args[0] || pyEq(x, args[0])) n++; return n; });
method(T_TUPLE, 'index', (self, args) => listIndex(self.items, args[0], args[1], args[2], 'tuple.index(x): x not in tuple'));

// dict
method(T_DICT, 'keys', (self) => new PyDictView(self, 'keys'));
method(T_DICT, 'values', (self) => new PyDictView(self, 'values'));
method(T_DICT, 'items', (self) => new PyDictView(self, 'items'));
method(T_DICT, 'get', (self, args) => {
  nargs('get', args, 1, 2);
  const v = dictGet(self, args[0]);
  return v === undefined ? (args.length > 1 ? args[1] : null) : v;
});
method(T_DICT, 'pop', (self, args) => {
  nargs('pop', args, 1, 2);
  const v = dictGet(self, args[0]);
  if (v === undefined) {
    if (args.length > 1) return args[1];
    throw keyError(args[0]);
  }
  dictDelete(self, args[0]);
  return v;
});
method(T_DICT, 'popitem', (self) => {
  const last = [...self.map.entries()].pop();
  if (!last) throw keyError('popitem(): dictionary is empty');
  self.map.delete(last[0]);
  return new PyTuple([last[1][0], last[1][1]]);
});
method(T_DICT, 'setdefault', (self, args) => {
  nargs('setdefault', args, 1, 2);
  const v = dictGet(self, args[0]);
  if (v !== undefined) return v;
  const d = args.length > 1 ? args[1] : null;
  dictSet(self, args[0], d);
  return d;
});
method(T_DICT, 'update', (self, args, kw) => { dictFrom(args, kw, self); return null; });
method(T_DICT, 'clear', (self) => { self.map.clear(); return null; });
method(T_DICT, 'copy', (self) => {
  const d = self instanceof PyDefaultDict ? new PyDefaultDict(self.factory) : new PyDict();
  for (const [k, e] of self.map) d.map.set(k, [e[0], e[1]]);
  return d;
});
T_DICT.dict.set('fromkeys', new PyClassMethod(new PyBuiltin('fromkeys', (args) => {
  const [, keys, value] = args;
  const d = new PyDict();
  for (const k of iterate(keys)) dictSet(d, k, value ?? null);
  return d;
}, true, undefined, 'dict.fromkeys')));

// set / frozenset
function setArg(x: Value): PySet {
  return x instanceof PySet ? x : setFrom(x, false);
}
for (const cls of [T_SET, T_FROZENSET]) {
  method(cls, 'copy', (self) => { const s = new PySet(self.frozen); s.merge(self); return s; });
  method(cls, 'union', (self, args) => args.reduce((acc: PySet, x: Value) => setOperation('BitOr', acc, setArg(x)), self.frozen ? setOperation('BitOr', self, new PySet(true)) : setOperation('BitOr', self, new PySet())));
  method(cls, 'intersection', (self, args) => args.reduce((acc: PySet, x: Value) => setOperation('BitAnd', acc, setArg(x)), self));
  method(cls, 'difference', (self, args) => args.reduce((acc: PySet, x: Value) => setOperation('Sub', acc, setArg(x)), args.length ? self : setOperation('BitOr', self, new PySet(self.frozen))));
  method(cls, 'symmetric_difference', (self, args) => { nargs('symmetric_difference', args, 1, 1); return setOperation('BitXor', self, setArg(args[0])); });
  method(cls, 'issubset', (self, args) => richCompare('LtE', self, setArg(args[0])));
  method(cls, 'issuperset', (self, args) => richCompare('GtE', self, setArg(args[0])));
  method(cls, 'isdisjoint', (self, args) => { const o = setArg(args[0]); return self.values().every((v: Value) => !setHas(o, v)); });
}
method(T_SET, 'add', (self, args) => { nargs('set.add', args, 1, 1); setAdd(self, args[0]); return null; });
method(T_SET, 'remove', (self, args) => { if (!self.discard(hashKey(args[0]))) throw keyError(args[0]); return null; });
method(T_SET, 'discard', (self, args) => { self.discard(hashKey(args[0])); return null; });
method(T_SET, 'pop', (self) => { if (self.size === 0) throw keyError('pop from an empty set'); return self.pop(); });
method(T_SET, 'clear', (self) => { self.clear(); return null; });
method(T_SET, 'update', (self, args) => { for (const x of args) { if (x instanceof PySet) self.merge(x); else for (const v of iterate(x)) setAdd(self, v); } return null; });
method(T_SET, 'intersection_update', (self, args) => { let r: PySet = self; for (const x of args) r = setOperation('BitAnd', r, setArg(x)); self.clear(); self.merge(r); return null; });
method(T_SET, 'difference_update', (self, args) => { for (const x of args) for (const v of iterate(x)) self.discard(hashKey(v)); return null; });
method(T_SET, 'symmetric_difference_update', (self, args) => { const r = setOperation('BitXor', self, setArg(args[0])); self.clear(); self.merge(r); return null; });

// int / float
method(T_INT, 'bit_length', (self) => { const n = toBig(asInt(self)); return (n < 0n ? -n : n).toString(2).replace(/^0$/, '').length; });
method(T_INT, 'conjugate', (self) => asInt(self));
method(T_INT, 'as_integer_ratio', (self) => new PyTuple([asInt(self), 1]));
method(T_INT, '__index__', (self) => asInt(self));
method(T_INT, '__int__', (self) => asInt(self));
method(T_INT, '__float__', (self) => new PyFloat(intToFloat(asInt(self))));
method(T_FLOAT, 'is_integer', (self) => Number.isInteger(self.value));
method(T_FLOAT, 'conjugate', (self) => self);
method(T_FLOAT, 'as_integer_ratio', (self) => {
  const x: number = self.value;
  if (!Number.isFinite(x)) throw pyError(Number.isNaN(x) ? 'ValueError' : 'OverflowError', Number.isNaN(x) ? 'cannot convert NaN to integer ratio' : 'cannot convert Infinity to integer ratio');
  let num = x, den = 1n;
  while (!Number.isInteger(num)) { num *= 2; den *= 2n; }
  let n = BigInt(num);
  const g = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : g(b, a % b));
  const d = g(n, den);
  n /= d;
  return new PyTuple([normBig(n), normBig(den / d)]);
});
method(T_FLOAT, '__int__', (self) => floatToInt(self.value));
method(T_FLOAT, '__float__', (self) => self);
method(T_FLOAT, 'hex', (self) => {
  const x: number = self.value;
  if (x === 0) return Object.is(x, -0) ? '-0x0.0p+0' : '0x0.0p+0';
  const f64 = new Float64Array([Math.abs(x)]);
  const u = new BigUint64Array(f64.buffer)[0];
  const e = Number((u >> 52n) & 0x7ffn);
  const m = (u & ((1n << 52n) - 1n)).toString(16).padStart(13, '0').replace(/0+$/, '') || '0';
  return `${x < 0 ? '-' : ''}0x${e === 0 ? '0' : '1'}.${m}p${e === 0 ? '-1022' : (e - 1023 >= 0 ? '+' : '') + (e - 1023)}`;
});

// str
const WS = /\s/;
function isSpaceChar(c: string): boolean { return WS.test(c) || c === '\x1c' || c === '\x1d' || c === '\x1e' || c === '\x1f' || c === '\x85'; }

function strSplit(s: string, sep: Value, maxsplit: number): string[] {
  if (sep === null) {
    const out: string[] = [];
    let i = 0;
    const n = s.length;
    while (i < n) {
      while (i < n && isSpaceChar(s[i])) i++;
      if (i >= n) break;
      if (maxsplit >= 0 && out.length === maxsplit) {
        let rest = s.slice(i);
        rest = rest.replace(/\s+$/, '');
        out.push(rest);
        return out;
      }
      let j = i;
      while (j < n && !isSpaceChar(s[j])) j++;
      out.push(s.slice(i, j));
      i = j;
    }
    return out;
  }
  if (typeof sep !== 'string') throw pyError('TypeError', `must be str or None, not ${typeName(sep)}`);
  if (sep === '') throw pyError('ValueError', 'empty separator');
  const parts = s.split(sep);
  if (maxsplit < 0 || parts.length - 1 <= maxsplit) return parts;
  return [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(sep)];
}

function strRSplit(s: string, sep: Value, maxsplit: number): string[] {
  if (maxsplit < 0) return strSplit(s, sep, -1);
  if (sep === null) {
    const out: string[] = [];
    let j = s.length;
    while (j > 0) {
      while (j > 0 && isSpaceChar(s[j - 1])) j--;
      if (j <= 0) break;
      if (out.length === maxsplit) { out.unshift(s.slice(0, j).replace(/^\s+/, '')); return out; }
      let i = j;
      while (i > 0 && !isSpaceChar(s[i - 1])) i--;
      out.unshift(s.slice(i, j));
      j = i;
    }
    return out;
  }
  if (typeof sep !== 'string') throw pyError('TypeError', `must be str or None, not ${typeName(sep)}`);
  if (sep === '') throw pyError('ValueError', 'empty separator');
  const parts = s.split(sep);
  if (parts.length - 1 <= maxsplit) return parts;
  return [parts.slice(0, parts.length - maxsplit).join(sep), ...parts.slice(parts.length - maxsplit)];
}

function stripChars(s: string, chars: Value, left: boolean, right: boolean): string {
  const isStrip = chars === null || chars === undefined ? isSpaceChar : (c: string) => (chars as string).includes(c);
  if (chars !== null && chars !== undefined && typeof chars !== 'string') throw pyError('TypeError', `strip arg must be None or str`);
  let i = 0, j = s.length;
  if (left) while (i < j && isStrip(s[i])) i++;
  if (right) while (j > i && isStrip(s[j - 1])) j--;
  return s.slice(i, j);
}

function subRange(s: string, start: Value, end: Value): [number, number] {
  const [a, b] = sliceIndices(new PySlice(start ?? null, end ?? null, null), s.length);
  return [a, Math.max(a, b)];
}

function strArg(name: string, v: Value): string {
  if (typeof v !== 'string') throw pyError('TypeError', `${name} arg must be str, not ${typeName(v)}`);
  return v;
}

const cased = (c: string) => c.toLowerCase() !== c.toUpperCase();

method(T_STR, 'split', (self, args, kw) => strSplit(self, args[0] ?? kwArg(kw, 'sep', null), Number(args[1] ?? kwArg(kw, 'maxsplit', -1))));
method(T_STR, 'rsplit', (self, args, kw) => strRSplit(self, args[0] ?? kwArg(kw, 'sep', null), Number(args[1] ?? kwArg(kw, 'maxsplit', -1))));
method(T_STR, 'join', (self, args) => {
  nargs('str.join', args, 1, 1);
  const items = iterToArray(args[0]);
  items.forEach((x, i) => { if (typeof x !== 'string') throw pyError('TypeError', `sequence item ${i}: expected str instance, ${typeName(x)} found`); });
  const r = items.join(self);
  rt.checkSize(r.length);
  return r;
});
method(T_STR, 'strip', (self, args) => stripChars(self, args[0], true, true));
method(T_STR, 'lstrip', (self, args) => stripChars(self, args[0], true, false));
method(T_STR, 'rstrip', (self, args) => stripChars(self, args[0], false, true));
method(T_STR, 'replace', (self, args) => {
  nargs('replace', args, 2, 3);
  const [old, nw] = [strArg('replace()', args[0]), strArg('replace()', args[1])];
  let count = args.length > 2 ? toIndex(args[2]) : -1;
  if (count < 0) {
    if (old === '') { const cs = strChars(self); const r = nw + cs.join(nw) + nw; rt.checkSize(r.length); return r; }
    const r = self.split(old).join(nw);
    rt.checkSize(r.length);
    return r;
  }
  let out = '', i = 0;
  while (count > 0) {
    const j = self.indexOf(old, i);
    if (j < 0) break;
    out += self.slice(i, j) + nw;
    i = j + old.length;
    if (old === '') { out += self[i] ?? ''; i++; }
    count--;
  }
  return out + self.slice(i);
});
method(T_STR, 'upper', (self) => self.toUpperCase());
method(T_STR, 'lower', (self) => self.toLowerCase());
method(T_STR, 'casefold', (self) => self.toLowerCase());
method(T_STR, 'swapcase', (self) => [...self].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''));
method(T_STR, 'capitalize', (self) => { const cs = [...self]; return cs.length ? cs[0].toUpperCase() + cs.slice(1).join('').toLowerCase() : ''; });
method(T_STR, 'title', (self) => {
  let prevCased = false, out = '';
  for (const c of self) { out += prevCased ? c.toLowerCase() : c.toUpperCase(); prevCased = cased(c); }
  return out;
});
for (const [name, fwd] of [['startswith', true], ['endswith', false]] as const) {
  method(T_STR, name, (self, args) => {
    nargs(name, args, 1, 3);
    const [a, b] = subRange(self, args[1], args[2]);
    const sub = self.slice(a, b);
    const test = (p: Value): boolean => {
      if (typeof p !== 'string') throw pyError('TypeError', `${name} first arg must be str or a tuple of str, not ${typeName(p)}`);
      return fwd ? sub.startsWith(p) : sub.endsWith(p);
    };
    return args[0] instanceof PyTuple ? args[0].items.some(test) : test(args[0]);
  });
}
for (const name of ['find', 'rfind', 'index', 'rindex'] as const) {
  method(T_STR, name, (self, args) => {
    nargs(name, args, 1, 3);
    const sub = strArg(`${name}()`, args[0]);
    const [a, b] = subRange(self, args[1], args[2]);
    const region = self.slice(a, b);
    const i = name === 'find' || name === 'index' ? region.indexOf(sub) : region.lastIndexOf(sub);
    if (i < 0) {
      if (name === 'index' || name === 'rindex') throw pyError('ValueError', 'substring not found');
      return -1;
    }
    return i + a;
  });
}
method(T_STR, 'count', (self, args) => {
  nargs('count', args, 1, 3);
  const sub = strArg('count()', args[0]);
  const [a, b] = subRange(self, args[1], args[2]);
  const region = self.slice(a, b);
  if (sub === '') return strLen(region) + 1;
  return region.split(sub).length - 1;
});
const strPred = (name: string, test: (c: string) => boolean, emptyTrue = false) =>
  method(T_STR, name, (self) => (self.length === 0 ? emptyTrue : [...self].every(test)));
strPred('isdigit', (c) => /\p{Nd}|[²³¹]/u.test(c));
strPred('isdecimal', (c) => /\p{Nd}/u.test(c));
strPred('isnumeric', (c) => /\p{N}/u.test(c));
strPred('isalpha', (c) => /\p{L}/u.test(c));
strPred('isalnum', (c) => /[\p{L}\p{N}]/u.test(c));
strPred('isspace', isSpaceChar);
strPred('isprintable', (c) => !/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(c) && (c === ' ' || !/\p{Zs}/u.test(c)), true);
strPred('isascii', (c) => c.charCodeAt(0) < 128, true);
method(T_STR, 'isupper', (self) => { const cs = [...self].filter(cased); return cs.length > 0 && cs.every((c) => c === c.toUpperCase()); });
method(T_STR, 'islower', (self) => { const cs = [...self].filter(cased); return cs.length > 0 && cs.every((c) => c === c.toLowerCase()); });
method(T_STR, 'istitle', (self) => self.length > 0 && self === T_STR.dict.get('title').fn([self]) && [...self].some(cased));
method(T_STR, 'isidentifier', (self) => /^[\p{L}_][\p{L}\p{N}_]*$/u.test(self));
function padMethod(name: string, where: 'left' | 'right' | 'center'): void {
  method(T_STR, name, (self, args) => {
    nargs(name, args, 1, 2);
    const width = toIndex(args[0]);
    const fill = args.length > 1 ? args[1] : ' ';
    if (typeof fill !== 'string' || strLen(fill) !== 1) throw pyError('TypeError', 'The fill character must be exactly one character long');
    const n = width - strLen(self);
    if (n <= 0) return self;
    rt.checkSize(width);
    if (where === 'left') return self + fill.repeat(n);
    if (where === 'right') return fill.repeat(n) + self;
    const left = Math.floor(n / 2) + (n & width & 1);
    return fill.repeat(left) + self + fill.repeat(n - left);
  });
}
padMethod('ljust', 'left');
padMethod('rjust', 'right');
padMethod('center', 'center');
method(T_STR, 'zfill', (self, args) => {
  const width = toIndex(args[0]);
  const n = width - strLen(self);
  if (n <= 0) return self;
  if (self[0] === '+' || self[0] === '-') return self[0] + '0'.repeat(n) + self.slice(1);
  return '0'.repeat(n) + self;
});
method(T_STR, 'splitlines', (self, args, kw) => {
  const keep = truth(args[0] ?? kwArg(kw, 'keepends', false));
  const out: string[] = [];
  const re = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(self))) {
    out.push(self.slice(last, keep ? m.index + m[0].length : m.index));
    last = m.index + m[0].length;
  }
  if (last < self.length) out.push(self.slice(last));
  return out;
});
method(T_STR, 'partition', (self, args) => {
  const sep = strArg('partition()', args[0]);
  if (sep === '') throw pyError('ValueError', 'empty separator');
  const i = self.indexOf(sep);
  return i < 0 ? new PyTuple([self, '', '']) : new PyTuple([self.slice(0, i), sep, self.slice(i + sep.length)]);
});
method(T_STR, 'rpartition', (self, args) => {
  const sep = strArg('rpartition()', args[0]);
  if (sep === '') throw pyError('ValueError', 'empty separator');
  const i = self.lastIndexOf(sep);
  return i < 0 ? new PyTuple(['', '', self]) : new PyTuple([self.slice(0, i), sep, self.slice(i + sep.length)]);
});
method(T_STR, 'format', (self, args, kw) => strFormat(self, args, kw));
method(T_STR, 'format_map', (self, args) => {
  const m = args[0];
  const kw = Object.create(null) as Kwargs;
  if (m instanceof PyDict) for (const [, [k, v]] of m.map) kw[String(k)] = v;
  return strFormat(self, [], kw);
});
method(T_STR, 'removeprefix', (self, args) => { const p = strArg('removeprefix()', args[0]); return self.startsWith(p) ? self.slice(p.length) : self; });
method(T_STR, 'removesuffix', (self, args) => { const p = strArg('removesuffix()', args[0]); return p && self.endsWith(p) ? self.slice(0, -p.length) : self; });
method(T_STR, 'expandtabs', (self, args) => {
  const size = args.length ? toIndex(args[0]) : 8;
  let col = 0, out = '';
  for (const c of self) {
    if (c === '\t') { const n = size > 0 ? size - (col % size) : 0; out += ' '.repeat(n); col += n; }
    else if (c === '\n' || c === '\r') { out += c; col = 0; }
    else { out += c; col++; }
  }
  return out;
});
method(T_STR, 'encode', (self, args, kw) => encodeStr(self, String(args[0] ?? kwArg(kw, 'encoding', 'utf-8')), false));
method(T_BYTES, 'decode', (self, args, kw) => decodeBytes(self, String(args[0] ?? kwArg(kw, 'encoding', 'utf-8'))));
method(T_BYTEARRAY, 'decode', (self, args, kw) => decodeBytes(self, String(args[0] ?? kwArg(kw, 'encoding', 'utf-8'))));
method(T_STR, '__len__', (self) => strLen(self));

// object and BaseException (for super() calls)
T_OBJECT.dict.set('__init__', new PyBuiltin('__init__', () => null, true, undefined, 'object.__init__'));
T_OBJECT.dict.set('__setattr__', new PyBuiltin('__setattr__', (args) => {
  const [self, name, v] = args;
  if (self instanceof PyInstance) genericSetAttr(self, String(name), v);
  else setAttr(self, String(name), v);
  return null;
}, true, undefined, 'object.__setattr__'));
T_OBJECT.dict.set('__repr__', new PyBuiltin('__repr__', (args) => {
  const self = args[0];
  if (self instanceof PyInstance) return `<${self.cls.module}.${self.cls.qualname} object at ${addressOf(self)}>`;
  return pyRepr(self);
}, true, undefined, 'object.__repr__'));
T_OBJECT.dict.set('__str__', new PyBuiltin('__str__', (args) => {
  const self = args[0];
  if (self instanceof PyInstance && self.exc) return exceptionStr(self);
  return pyRepr(self);
}, true, undefined, 'object.__str__'));
T_OBJECT.dict.set('__eq__', new PyBuiltin('__eq__', (args) => (args[0] === args[1] ? true : NOT_IMPLEMENTED), true, undefined, 'object.__eq__'));
T_OBJECT.dict.set('__ne__', new PyBuiltin('__ne__', (args) => (args[0] === args[1] ? false : NOT_IMPLEMENTED), true, undefined, 'object.__ne__'));
T_OBJECT.dict.set('__hash__', new PyBuiltin('__hash__', (args) => normBig(hashOf(args[0])), true, undefined, 'object.__hash__'));
T_OBJECT.dict.set('__format__', new PyBuiltin('__format__', (args) => {
  if (args[1]) throw pyError('TypeError', `unsupported format string passed to ${typeName(args[0])}.__format__`);
  return pyStr(args[0]);
}, true, undefined, 'object.__format__'));
T_OBJECT.dict.set('__getattribute__', new PyBuiltin('__getattribute__', (args) => getAttr(args[0], String(args[1])), true, undefined, 'object.__getattribute__'));

const BaseExc = EXC.BaseException;
BaseExc.dict.set('__init__', new PyBuiltin('__init__', (args, kw) => {
  const self = args[0];
  if (kw && Object.keys(kw).length) throw pyError('TypeError', `${self.cls.name}() takes no keyword arguments`);
  if (self instanceof PyInstance && self.exc) self.exc.args = args.slice(1);
  return null;
}, true, undefined, 'BaseException.__init__'));
BaseExc.dict.set('__str__', new PyBuiltin('__str__', (args) => exceptionStr(args[0]), true, undefined, 'BaseException.__str__'));
BaseExc.dict.set('with_traceback', new PyBuiltin('with_traceback', (args) => args[0], true, undefined, 'BaseException.with_traceback'));
BaseExc.dict.set('add_note', new PyBuiltin('add_note', () => null, true, undefined, 'BaseException.add_note'));

// type
T_TYPE.dict.set('mro', new PyBuiltin('mro', (args) => [...(args[0] as PyClass).mro], true, undefined, 'type.mro'));

// property
method(T_PROPERTY, 'setter', (self, args) => new PyProperty(self.fget, args[0], self.fdel, self.name));
method(T_PROPERTY, 'getter', (self, args) => new PyProperty(args[0], self.fset, self.fdel, self.name));
method(T_PROPERTY, 'deleter', (self, args) => new PyProperty(self.fget, self.fset, args[0], self.name));

// generators
method(T_GENERATOR, 'send', (self, args) => {
  const g = self as PyGenerator;
  const r = g.resume(args[0] ?? null);
  if (r.done) throw new PyRaise(newException(EXC.StopIteration, r.value === null || r.value === undefined ? [] : [r.value]));
  return r.value;
});
method(T_GENERATOR, 'close', (self) => { (self as PyGenerator).finished = true; return null; });
method(T_GENERATOR, '__next__', (self) => {
  const r = (self as PyGenerator).resume(null);
  if (r.done) throw new PyRaise(newException(EXC.StopIteration, []));
  return r.value;
});
method(T_GENERATOR, '__iter__', (self) => self);
