// str(), repr(), format() and the two string-formatting languages (`%` and str.format) with
// CPython's exact texts: shortest round-trip floats, quote choice and escapes in str reprs,
// container reprs with recursion guards, NumPy's array/scalar printing (engine/format).
// It calls user `__repr__`/`__str__`/`__format__` through objects.ts; it evaluates no AST.

import { arrayRepr, arrayStr, scalarRepr, scalarStr } from '../../engine/format';
import { Tensor, TorchDevice } from '../../engine/torch/tensor';
import { torchFormatValue, torchRepr, torchStr, torchTypeOf } from './torchbind';
import { keyError, pyError, PyRaise } from './errors';
import { rt } from './runtime';
import { bytesRepr, PyBytes } from './pybytes';
import { decimalText, floatRepr, formatFloat, formatInt, formatStr, parseFormatSpec, FormatSpec, PyInt, floatToInt } from './numfmt';
import { callValue, getAttr, getItem, lookupSpecial, toFloat, toIndexValue, typeName } from './objects';
import {
  ELLIPSIS, EXC, Kwargs, NDArray, NOT_IMPLEMENTED, NpScalar, objectId, PyBoundMethod, PyBuiltin, PyClass, PyClassMethod, PyDefaultDict,
  PyDict, PyDictView, PyDType, PyFloat, PyFunction, PyGenerator, PyGenericAlias, PyInstance, PyIterator, PyModule, PyProperty, PyRange,
  PySet, PySlice, PyStaticMethod, PySuper, PyTuple, Value,
} from './values';

export function address(o: object): string {
  return `0x7f${(0x4a1c0000 + objectId(o) * 0x30).toString(16).padStart(10, '0')}`;
}

const active = new Set<unknown>();

function guarded(v: object, open: string, close: string, body: () => string): string {
  if (active.has(v)) return `${open}...${close}`;
  active.add(v);
  try {
    return body();
  } finally {
    active.delete(v);
  }
}

// ---- str reprs ------------------------------------------------------------------------------

const NONPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp < 0x7f || cp === 0x20) out += ch;
    else if (NONPRINTABLE.test(ch)) {
      out += cp < 0x100 ? `\\x${cp.toString(16).padStart(2, '0')}` : cp < 0x10000 ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
    } else out += ch;
  }
  return out + quote;
}

export function asciiRepr(v: Value): string {
  const r = pyRepr(v);
  let out = '';
  for (const ch of r) {
    const cp = ch.codePointAt(0)!;
    out += cp < 0x80 ? ch : cp < 0x100 ? `\\x${cp.toString(16).padStart(2, '0')}` : cp < 0x10000 ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return out;
}

export function intRepr(v: PyInt | boolean): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return decimalText(v);
}

function classRepr(c: PyClass): string {
  return c.module === 'builtins' ? `<class '${c.qualname}'>` : `<class '${c.module}.${c.qualname}'>`;
}

/**
 * Nesting of repr calls in progress. CPython's PyObject_Repr enters a recursive call per object,
 * sharing the limit with Python frames, so a repr nested as deep as the frames left raises
 * RecursionError (a 998-deep list at module level with the default limit).
 */
let reprDepth = 0;
const reprTooDeep = (): PyRaise => pyError('RecursionError', 'maximum recursion depth exceeded while getting the repr of an object');
const callTooDeep = (): PyRaise => pyError('RecursionError', 'maximum recursion depth exceeded while calling a Python object');

/** repr(v). */
export function pyRepr(v: Value): string {
  // the +1 is the builtin repr()/str() call that entered first; a frame push (not counted here)
  // can leave no room for even that call, which CPython words as a call's failure
  const used = rt.depth + reprDepth;
  if (used + 1 >= rt.limits.recursionLimit) throw used >= rt.limits.recursionLimit ? callTooDeep() : reprTooDeep();
  if (typeof v !== 'object' || v === null) return reprValue(v);
  reprDepth++;
  try {
    return reprValue(v);
  } finally {
    reprDepth--;
  }
}

/** Runs `fn` as if `levels` more (or fewer) repr calls were in progress: str() and format() reach repr by other C paths. */
function withReprLevels<T>(levels: number, fn: () => T): T {
  reprDepth += levels;
  try {
    return fn();
  } finally {
    reprDepth -= levels;
  }
}

function reprValue(v: Value): string {
  switch (typeof v) {
    case 'number': case 'bigint': case 'boolean': return intRepr(v);
    case 'string': return strRepr(v);
    case 'symbol': return 'Ellipsis';
    case 'undefined': return 'None';
    default: break;
  }
  if (v === null) return 'None';
  if (v instanceof PyFloat) return floatRepr(v.value);
  if (v instanceof Tensor) return torchRepr(v) as string;
  if (v instanceof PyTuple && v.constructor !== PyTuple) return torchRepr(v) ?? tupleRepr(v);
  if (Array.isArray(v)) return guarded(v, '[', ']', () => `[${v.map(pyRepr).join(', ')}]`);
  if (v instanceof PyTuple) return tupleRepr(v);
  if (v instanceof PyBytes) return bytesRepr(v);
  if (v instanceof NDArray) return arrayRepr(v);
  if (v instanceof NpScalar) return scalarRepr(v.dtype, v.value);
  if (v instanceof PyInstance) return instanceRepr(v);
  if (v instanceof PyDict) {
    const body = guarded(v, '{', '}', () => `{${[...v.map.values()].map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`);
    if (v instanceof PyDefaultDict) return `defaultdict(${v.factory === null ? 'None' : pyRepr(v.factory)}, ${body})`;
    if (v.cls && v.cls.name === 'Counter') return v.size === 0 ? 'Counter()' : `Counter(${counterBody(v)})`;
    if (v.cls && v.cls.name === 'OrderedDict') {
      return v.size === 0 ? 'OrderedDict()' : `OrderedDict([${[...v.map.values()].map(([k, x]) => `(${pyRepr(k)}, ${pyRepr(x)})`).join(', ')}])`;
    }
    return body;
  }
  if (v instanceof PySet) {
    const items = v.values();
    const name = v.frozen ? 'frozenset' : 'set';
    if (items.length === 0) return `${name}()`;
    const body = guarded(v, '{', '}', () => `{${items.map(pyRepr).join(', ')}}`);
    return v.frozen ? `frozenset(${body})` : body;
  }
  if (v instanceof PyRange) return v.step === 1 ? `range(${v.start}, ${v.stop})` : `range(${v.start}, ${v.stop}, ${v.step})`;
  if (v instanceof PySlice) return `slice(${pyRepr(v.start)}, ${pyRepr(v.stop)}, ${pyRepr(v.step)})`;
  if (v instanceof PyClass) return classRepr(v);
  if (v instanceof PyFunction) return `<function ${v.qualname} at ${address(v)}>`;
  if (v instanceof PyBuiltin) {
    if (v.self !== undefined) return `<built-in method ${v.name} of ${typeName(v.self)} object at ${address(v.self)}>`;
    return `<built-in function ${v.name}>`;
  }
  if (v instanceof PyBoundMethod) {
    if (v.func instanceof PyBuiltin) {
      if (v.self instanceof PyClass) return `<built-in method ${v.func.name} of type object at ${address(v.self)}>`;
      return `<built-in method ${v.func.name} of ${typeName(v.self)} object at ${address(v.self)}>`;
    }
    const q = v.func instanceof PyFunction ? v.func.qualname : String(getAttr(v.func, '__qualname__'));
    return `<bound method ${q} of ${pyRepr(v.self)}>`;
  }
  if (v instanceof PyModule) {
    if (v.file) return `<module '${v.name}' from '${v.file}'>`;
    return `<module '${v.name}' (built-in)>`;
  }
  if (v instanceof PyDType) return `dtype('${v.name}')`;
  if (v instanceof PyGenerator) return `<generator object ${v.qualname} at ${address(v)}>`;
  if (v instanceof PyIterator) return `<${v.typeName} object at ${address(v)}>`;
  if (v instanceof PyDictView) {
    const name = `dict_${v.kind}`;
    const items = [...v.dict.map.values()].map(([k, x]) => (v.kind === 'keys' ? pyRepr(k) : v.kind === 'values' ? pyRepr(x) : `(${pyRepr(k)}, ${pyRepr(x)})`));
    return `${name}([${items.join(', ')}])`;
  }
  if (v instanceof PyProperty) return `<property object at ${address(v)}>`;
  if (v instanceof PyStaticMethod) return `<staticmethod(${pyRepr(v.func)})>`;
  if (v instanceof PyClassMethod) return `<classmethod(${pyRepr(v.func)})>`;
  if (v instanceof PySuper) return `<super: ${classRepr(v.cls)}, <${typeName(v.self)} object>>`;
  if (v instanceof PyGenericAlias) return genericAliasRepr(v);
  if (v === NOT_IMPLEMENTED) return 'NotImplemented';
  const t = torchRepr(v);
  if (t !== undefined) return t;
  if (torchTypeOf(v)) return `<torch._C.Generator object at ${address(v)}>`;
  return `<${typeName(v)} object at ${address(v)}>`;
}

function tupleRepr(v: PyTuple): string {
  if (v.items.length === 1) return guarded(v, '(', ')', () => `(${pyRepr(v.items[0])},)`);
  return guarded(v, '(', ')', () => `(${v.items.map(pyRepr).join(', ')})`);
}

/** Counter's repr lists items by count, largest first (stable for ties), as most_common() does. */
function counterBody(v: PyDict): string {
  const items = [...v.map.values()];
  const idx = items.map((_, i) => i);
  idx.sort((i, j) => {
    const a = items[i][1], b = items[j][1];
    const gt = (x: Value, y: Value) => (typeof x === 'number' && typeof y === 'number' ? x > y : false);
    return gt(a, b) ? -1 : gt(b, a) ? 1 : i - j;
  });
  return `{${idx.map((i) => `${pyRepr(items[i][0])}: ${pyRepr(items[i][1])}`).join(', ')}}`;
}

function genericAliasRepr(g: PyGenericAlias): string {
  const name = (o: Value): string => (o instanceof PyClass ? (o.module === 'builtins' ? o.name : `${o.module}.${o.name}`) : o instanceof PyGenericAlias ? genericAliasRepr(o) : o === null ? 'None' : o === ELLIPSIS ? '...' : pyRepr(o));
  return `${name(g.origin)}[${g.args.map(name).join(', ')}]`;
}

function instanceRepr(v: PyInstance): string {
  const f = lookupSpecial(v, '__repr__');
  if (f !== undefined) {
    // CPython's recursion counter has three entries per `repr(self)` level: the frame, the
    // builtin call and PyObject_Repr; this is the third, and the call is where CPython runs out
    if (rt.depth + reprDepth + 3 >= rt.limits.recursionLimit) throw callTooDeep();
    const r = withReprLevels(1, () => callValue(f, [v], null));
    if (typeof r !== 'string') throw pyError('TypeError', `__repr__ returned non-string (type ${typeName(r)})`);
    return r;
  }
  if (v.exc) {
    const args = v.exc.args;
    const inner = args.length === 1 ? pyRepr(args[0]) : args.map(pyRepr).join(', ');
    return `${v.cls.name}(${inner})`;
  }
  return `<${v.cls.module}.${v.cls.qualname} object at ${address(v)}>`;
}

/** str(v). */
export function pyStr(v: Value): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyFloat) return floatRepr(v.value);
  if (v instanceof NDArray) return arrayStr(v);
  if (v instanceof NpScalar) return scalarStr(v.dtype, v.value);
  if (v instanceof PyDType) return v.name;
  if (v instanceof Tensor || v instanceof TorchDevice) return torchStr(v) as string;
  if (v instanceof PyInstance) {
    const f = lookupSpecial(v, '__str__');
    if (f !== undefined) {
      const r = callValue(f, [v], null);
      if (typeof r !== 'string') throw pyError('TypeError', `__str__ returned non-string (type ${typeName(r)})`);
      return r;
    }
    if (v.exc) return exceptionStr(v);
    return instanceRepr(v);
  }
  // CPython's str() of a container calls its tp_repr directly, one PyObject_Repr level fewer
  return typeof v === 'object' && v !== null ? withReprLevels(-1, () => pyRepr(v)) : pyRepr(v);
}

/** BaseException.__str__ (KeyError shows the repr of a lone key). */
export function exceptionStr(v: PyInstance): string {
  const args = v.exc!.args;
  if (args.length === 0) return '';
  if (args.length === 1) return v.cls.isSubclassOf(EXC.KeyError) ? pyRepr(args[0]) : pyStr(args[0]);
  return pyRepr(new PyTuple(args));
}

// ---- format() -------------------------------------------------------------------------------

/** format(value, spec): `__format__` of the value's type. */
export function pyFormat(v: Value, spec: string): string {
  if (typeof v === 'string') return spec === '' ? v : formatStr(v, parseFormatSpec(spec));
  if (typeof v === 'number' || typeof v === 'bigint') return spec === '' ? decimalText(v) : formatInt(v, parseFormatSpec(spec));
  if (typeof v === 'boolean') return spec === '' ? (v ? 'True' : 'False') : formatInt(v ? 1 : 0, parseFormatSpec(spec));
  if (v instanceof PyFloat) return spec === '' ? floatRepr(v.value) : formatFloat(v.value, parseFormatSpec(spec));
  if (v instanceof NpScalar) {
    if (spec === '') return scalarStr(v.dtype, v.value);
    if (v.dtype === 'bool') return formatStr(v.value ? 'True' : 'False', parseFormatSpec(spec));
    if (v.dtype.startsWith('float')) return formatFloat(v.dtype === 'float32' ? Math.fround(v.value) : v.value, parseFormatSpec(spec));
    return formatInt(v.value, parseFormatSpec(spec));
  }
  if (v instanceof PyInstance) {
    const f = lookupSpecial(v, '__format__');
    if (f !== undefined) {
      const r = callValue(f, [v, spec], null);
      if (typeof r !== 'string') throw pyError('TypeError', `__format__ must return a str, not ${typeName(r)}`);
      return r;
    }
  }
  if (v instanceof Tensor) {
    const item = torchFormatValue(v);
    if (item !== undefined) return pyFormat(item, spec);
  }
  if (spec !== '') throw pyError('TypeError', `unsupported format string passed to ${typeName(v)}.__format__`);
  // object.__format__ is a method call before str(): one level more than str()
  return withReprLevels(1, () => pyStr(v));
}

// ---- % formatting -----------------------------------------------------------------------------

/** `fmt % args` (printf-style). */
export function percentFormat(fmt: string, args: Value): string {
  const isMapping = args instanceof PyDict || (args instanceof PyInstance && lookupSpecial(args, '__getitem__') !== undefined && !(args instanceof PyTuple));
  const list: Value[] = args instanceof PyTuple ? [...args.items] : [args];
  let argi = 0;
  let usedMapping = false;
  const nextArg = (): Value => {
    if (argi >= list.length) throw pyError('TypeError', 'not enough arguments for format string');
    return list[argi++];
  };
  let out = '';
  let i = 0;
  while (i < fmt.length) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) { out += fmt.slice(i); break; }
    out += fmt.slice(i, pct);
    i = pct + 1;
    if (i >= fmt.length) throw pyError('ValueError', 'incomplete format');
    let key: string | null = null;
    if (fmt[i] === '(') {
      let depth = 1, j = i + 1;
      while (j < fmt.length && depth > 0) { if (fmt[j] === '(') depth++; else if (fmt[j] === ')') depth--; j++; }
      if (depth > 0) throw pyError('ValueError', 'incomplete format key');
      key = fmt.slice(i + 1, j - 1);
      i = j;
    }
    const spec: FormatSpec = { fill: ' ', align: '>', sign: '', z: false, alt: false, zero: false, width: -1, grouping: '', precision: -1, type: '' };
    let left = false;
    for (; i < fmt.length && '-+ #0'.includes(fmt[i]); i++) {
      const c = fmt[i];
      if (c === '-') left = true;
      else if (c === '+') spec.sign = '+';
      else if (c === ' ') { if (spec.sign !== '+') spec.sign = ' '; }
      else if (c === '#') spec.alt = true;
      else spec.zero = true;
    }
    if (fmt[i] === '*') { spec.width = Number(toIndexValue(nextArg())); i++; }
    else { let w = ''; while (i < fmt.length && fmt[i] >= '0' && fmt[i] <= '9') w += fmt[i++]; if (w) spec.width = Number(w); }
    if (fmt[i] === '.') {
      i++;
      if (fmt[i] === '*') { spec.precision = Number(toIndexValue(nextArg())); i++; }
      else { let p = ''; while (i < fmt.length && fmt[i] >= '0' && fmt[i] <= '9') p += fmt[i++]; spec.precision = p ? Number(p) : 0; }
    }
    while (i < fmt.length && 'hlL'.includes(fmt[i])) i++;
    if (i >= fmt.length) throw pyError('ValueError', 'incomplete format');
    const type = fmt[i++];
    if (type === '%') { out += '%'; continue; }
    let arg: Value;
    if (key !== null) {
      if (!isMapping) throw pyError('TypeError', 'format requires a mapping');
      usedMapping = true;
      arg = getItem(args, key);
    } else arg = nextArg();
    if (left) { spec.align = '<'; spec.zero = false; }
    if (spec.zero && !left) { spec.fill = '0'; spec.align = '='; }
    out += percentOne(type, arg, spec);
  }
  if (argi < list.length && !usedMapping && !(isMapping && !(args instanceof PyTuple))) {
    throw pyError('TypeError', 'not all arguments converted during string formatting');
  }
  return out;
}

function percentOne(type: string, arg: Value, spec: FormatSpec): string {
  switch (type) {
    case 's': case 'r': case 'a': {
      let s = type === 's' ? pyStr(arg) : type === 'r' ? pyRepr(arg) : asciiRepr(arg);
      if (spec.precision >= 0) s = [...s].slice(0, spec.precision).join('');
      return formatStr(s, { ...spec, sign: '', alt: false, precision: -1, fill: ' ', align: spec.align === '=' ? '>' : spec.align });
    }
    case 'd': case 'i': case 'u': {
      const n = percentInt(arg, type, true);
      const s = formatInt(n, { ...spec, type: 'd', precision: -1 });
      return spec.precision > 0 ? padIntPrecision(s, spec.precision) : s;
    }
    case 'o': case 'x': case 'X': {
      const n = percentInt(arg, type, false);
      return formatInt(n, { ...spec, type, precision: -1 });
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
      const x = percentFloat(arg);
      return formatFloat(x, { ...spec, type, precision: spec.precision < 0 ? 6 : spec.precision });
    }
    case 'c': {
      if (typeof arg === 'string') {
        if ([...arg].length !== 1) throw pyError('TypeError', '%c requires int or char');
        return formatStr(arg, { ...spec, sign: '', precision: -1, align: spec.align === '=' ? '>' : spec.align });
      }
      if (!(typeof arg === 'number' || typeof arg === 'bigint' || typeof arg === 'boolean' || (arg instanceof NpScalar && !arg.dtype.startsWith('float')))) {
        throw pyError('TypeError', '%c requires int or char');
      }
      return formatInt(percentInt(arg, 'c', false), { ...spec, type: 'c', sign: '', precision: -1 });
    }
    default:
      throw pyError('ValueError', `unsupported format character '${type}' (0x${type.charCodeAt(0).toString(16)})`);
  }
}

function padIntPrecision(s: string, prec: number): string {
  const m = /^(\s*)([-+ ]?)(\d+)(\s*)$/.exec(s);
  if (!m) return s;
  return m[1] + m[2] + m[3].padStart(prec, '0') + m[4];
}

function percentInt(arg: Value, type: string, allowFloat: boolean): PyInt {
  if (typeof arg === 'number' || typeof arg === 'bigint') return arg;
  if (typeof arg === 'boolean') return arg ? 1 : 0;
  if (allowFloat && arg instanceof PyFloat) return floatToInt(arg.value);
  if (arg instanceof NpScalar) {
    if (arg.dtype.startsWith('float')) {
      if (allowFloat) return floatToInt(arg.value);
    } else return arg.value;
  }
  if (arg instanceof PyInstance) {
    const f = lookupSpecial(arg, allowFloat ? '__int__' : '__index__') ?? lookupSpecial(arg, '__index__');
    if (f !== undefined) return toIndexValue(callValue(f, [arg], null));
  }
  const what = allowFloat ? 'a real number' : 'an integer';
  throw pyError('TypeError', `%${type} format: ${what} is required, not ${typeName(arg)}`);
}

function percentFloat(arg: Value): number {
  try {
    return toFloat(arg);
  } catch (e) {
    if (e instanceof PyRaise) throw pyError('TypeError', `must be real number, not ${typeName(arg)}`);
    throw e;
  }
}

// ---- str.format ---------------------------------------------------------------------------------

/** `fmt.format(*args, **kwargs)`. */
export function strFormat(fmt: string, args: Value[], kwargs: Kwargs | null): string {
  const state = { auto: 0, mode: '' as '' | 'auto' | 'manual' };
  return formatTemplate(fmt, args, kwargs, state, 2);
}

function formatTemplate(fmt: string, args: Value[], kwargs: Kwargs | null, state: { auto: number; mode: string }, depth: number): string {
  if (depth < 0) throw pyError('ValueError', 'Max string recursion exceeded');
  let out = '';
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i];
    if (c === '{') {
      if (fmt[i + 1] === '{') { out += '{'; i += 2; continue; }
      // find the matching close brace (nested braces allowed in the spec)
      let j = i + 1, level = 1;
      while (j < fmt.length) {
        if (fmt[j] === '{') level++;
        else if (fmt[j] === '}') { level--; if (level === 0) break; }
        j++;
      }
      if (j >= fmt.length) throw pyError('ValueError', "expected '}' before end of string");
      out += formatField(fmt.slice(i + 1, j), args, kwargs, state, depth);
      i = j + 1;
      continue;
    }
    if (c === '}') {
      if (fmt[i + 1] === '}') { out += '}'; i += 2; continue; }
      throw pyError('ValueError', "Single '}' encountered in format string");
    }
    out += c;
    i++;
  }
  return out;
}

function formatField(field: string, args: Value[], kwargs: Kwargs | null, state: { auto: number; mode: string }, depth: number): string {
  // split name / conversion / spec at the top level
  let k = 0;
  let bracket = 0;
  while (k < field.length) {
    const ch = field[k];
    if (ch === '[') bracket++;
    else if (ch === ']') bracket--;
    else if (bracket === 0 && (ch === '!' || ch === ':')) break;
    k++;
  }
  const name = field.slice(0, k);
  let conv: string | null = null;
  let spec = '';
  if (field[k] === '!') {
    conv = field[k + 1] ?? '';
    if (field[k + 2] !== undefined && field[k + 2] !== ':') throw pyError('ValueError', 'expected \':\' after conversion specifier');
    spec = field.slice(k + 3);
    if (!['r', 's', 'a'].includes(conv)) throw pyError('ValueError', `Unknown conversion specifier ${conv || '\\x00'}`);
  } else if (field[k] === ':') spec = field.slice(k + 1);
  let v = resolveField(name, args, kwargs, state);
  if (conv === 'r') v = pyRepr(v);
  else if (conv === 's') v = pyStr(v);
  else if (conv === 'a') v = asciiRepr(v);
  if (spec.includes('{')) spec = formatTemplate(spec, args, kwargs, state, depth - 1);
  return pyFormat(v, spec);
}

function resolveField(name: string, args: Value[], kwargs: Kwargs | null, state: { auto: number; mode: string }): Value {
  const m = /^([^.[]*)(.*)$/s.exec(name)!;
  const first = m[1];
  let rest = m[2];
  let v: Value;
  if (first === '') {
    if (state.mode === 'manual') throw pyError('ValueError', 'cannot switch from manual field specification to automatic field numbering');
    state.mode = 'auto';
    const idx = state.auto++;
    if (idx >= args.length) throw pyError('IndexError', `Replacement index ${idx} out of range for positional args tuple`);
    v = args[idx];
  } else if (/^\d+$/.test(first)) {
    if (state.mode === 'auto') throw pyError('ValueError', 'cannot switch from automatic field numbering to manual field specification');
    state.mode = 'manual';
    const idx = Number(first);
    if (idx >= args.length) throw pyError('IndexError', `Replacement index ${idx} out of range for positional args tuple`);
    v = args[idx];
  } else {
    if (!kwargs || !(first in kwargs)) throw keyErrorOf(first);
    v = kwargs[first];
  }
  while (rest) {
    if (rest[0] === '.') {
      const mm = /^\.([^.[]*)/.exec(rest)!;
      v = getAttr(v, mm[1]);
      rest = rest.slice(mm[0].length);
    } else if (rest[0] === '[') {
      const close = rest.indexOf(']');
      if (close < 0) throw pyError('ValueError', "Missing ']' in format string");
      const key = rest.slice(1, close);
      v = getItem(v, /^\d+$/.test(key) ? Number(key) : key);
      rest = rest.slice(close + 1);
    } else throw pyError('ValueError', 'Only \'.\' or \'[\' may follow \']\' in format field specifier');
  }
  return v;
}

function keyErrorOf(k: string): PyRaise {
  return keyError(k);
}
