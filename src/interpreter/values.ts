// Python values as the interpreter holds them. Engine-compatible where possible, so values
// cross into engine/pycall.ts without conversion: int = integral JS number (bigint only
// beyond 2**53), float = engine PyFloat, list = JS array, tuple = engine PyTuple, None = null,
// Ellipsis = engine ELLIPSIS, arrays and NumPy scalars are engine NDArray / NpScalar.
// Everything else is a class below. This file holds data and type objects only; behaviour
// (operators, attribute lookup, calls) lives in ops.ts, objects.ts and interpreter.ts.

import type * as A from '../python/ast';
import { NDArray } from '../../engine/core/ndarray';
import { NpScalar, PyFloat } from '../../engine/core/scalar';
import { ELLIPSIS, PyTuple } from '../../engine/core/pyvalues';
import type { DType } from '../../engine/core/dtype';
import { PySet } from './pyset';

export { PySet };

export { NDArray, NpScalar, PyFloat, PyTuple, ELLIPSIS };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Value = any;

/** Keyword arguments of a call, in call order (a null-prototype object). */
export type Kwargs = Record<string, Value>;

export const emptyKwargs = (): Kwargs => Object.create(null) as Kwargs;

export class PyDict {
  /** hash key → [key, value], in insertion order. */
  readonly map = new Map<unknown, [Value, Value]>();
  /** collections.Counter / OrderedDict: a dict subclass with its own repr. */
  cls: PyClass | null = null;
  get size(): number { return this.map.size; }
}


export class PyRange {
  constructor(readonly start: number, readonly stop: number, readonly step: number) {}
  get length(): number {
    const { start, stop, step } = this;
    if (step > 0) return stop > start ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
}

export class PySlice {
  constructor(readonly start: Value, readonly stop: Value, readonly step: Value) {}
}

/** A NumPy dtype object (`a.dtype`, `np.dtype('f4')`). */
export class PyDType {
  constructor(readonly name: DType) {}
}

export class PyModule {
  readonly dict = new Map<string, Value>();
  /** Computes attributes on demand (numpy's functions); null when absent. */
  lazy: ((name: string) => Value | undefined) | null = null;
  constructor(readonly name: string, readonly file: string | null = null) {}
}

export type BuiltinFn = (args: Value[], kwargs: Kwargs | null) => Value;

/** A function implemented in TypeScript. With `isMethod`, it is a method descriptor: args[0] is self. */
export class PyBuiltin {
  constructor(readonly name: string, readonly fn: BuiltinFn, readonly isMethod = false, readonly self: Value = undefined, readonly qualname = name) {}
}

export class PyBoundMethod {
  constructor(readonly self: Value, readonly func: Value) {}
}

export class PyProperty {
  constructor(readonly fget: Value, readonly fset: Value = null, readonly fdel: Value = null, public name = '') {}
}

export class PyStaticMethod { constructor(readonly func: Value) {} }
export class PyClassMethod { constructor(readonly func: Value) {} }

export class PySuper {
  constructor(readonly cls: PyClass, readonly self: Value) {}
}

/** Static facts about one function or comprehension body (computed once per AST node). */
export interface ScopeInfo {
  /** Names bound in this scope (parameters, assignments, defs, imports…). */
  readonly locals: ReadonlySet<string>;
  readonly globals: ReadonlySet<string>;
  readonly nonlocals: ReadonlySet<string>;
  readonly isGenerator: boolean;
}

/** A runtime scope: one per function call, comprehension or class body. */
export class Scope {
  constructor(
    readonly vars: Map<string, Value>,
    readonly info: ScopeInfo | null,
    /** The lexically enclosing function scope (class scopes are skipped, as in Python). */
    readonly parent: Scope | null,
  ) {}
}

export class PyFunction {
  /** The class whose body defined it (for zero-argument super()). */
  definingClass: PyClass | null = null;
  readonly dict = new Map<string, Value>();
  doc: Value = null;
  constructor(
    public name: string,
    public qualname: string,
    readonly node: A.FunctionDef | A.Lambda,
    readonly defaults: Value[],
    readonly kwDefaults: Map<string, Value>,
    readonly closure: Scope | null,
    readonly globals: Map<string, Value>,
    readonly info: ScopeInfo,
    readonly module: string,
  ) {}
}

/** AST nodes that carry a source range (what a traceback entry points at). */
export type Located = Exclude<A.Node, A.Comprehension | A.Arguments | A.WithItem>;

export interface TbEntry {
  filename: string;
  name: string;
  node: Located | null;
  line: number;
  /** Source text for frames outside the program (numpy's own files). */
  text?: string;
  /** Caret columns for such frames: [col, endCol, spans more than one line]. */
  cols?: [number, number, boolean];
  /** The interpreter frame (for NameError suggestions); opaque here. */
  frame?: unknown;
}

/** State of a BaseException instance. */
export interface ExcState {
  args: Value[];
  traceback: TbEntry[];
  /** Frame that last added a traceback entry (so each frame adds one per propagation). */
  lastFrame: unknown;
  context: PyInstance | null;
  cause: PyInstance | null;
  suppressContext: boolean;
}

export class PyInstance {
  readonly dict = new Map<string, Value>();
  exc: ExcState | null = null;
  constructor(public cls: PyClass) {}
}

export type NativeCall = (args: Value[], kwargs: Kwargs | null) => Value;

/** Bumped by every write to any class namespace; invalidates PyClass.lookup caches. */
let classEpoch = 0;

/** A class namespace: a Map whose writes invalidate the method-resolution caches. */
export class ClassDict extends Map<string, Value> {
  override set(k: string, v: Value): this {
    classEpoch++;
    return super.set(k, v);
  }
  override delete(k: string): boolean {
    classEpoch++;
    return super.delete(k);
  }
  override clear(): void {
    classEpoch++;
    super.clear();
  }
}

const MISSING_ATTR = Symbol('missing');

export class PyClass {
  mro: PyClass[] = [];
  readonly dict: Map<string, Value> = new ClassDict();
  private lookupCache = new Map<string, Value>();
  private cacheEpoch = -1;
  /** Builtin types: constructs a value (`int('3')`, `list(x)`). */
  nativeCall: NativeCall | null = null;
  /** The numpy scalar type's dtype (np.float32…). */
  npDType: DType | null = null;
  isException = false;
  constructor(
    public name: string,
    public bases: PyClass[],
    public module = 'builtins',
    public qualname = name,
  ) {
    this.mro = computeMro(this);
    this.isException = this.mro.some((c) => c.name === 'BaseException' && c.module === 'builtins');
  }

  /** Attribute lookup along the MRO (cached until any class namespace changes). */
  lookup(name: string): Value | undefined {
    if (this.cacheEpoch !== classEpoch) {
      this.lookupCache.clear();
      this.cacheEpoch = classEpoch;
    }
    const cached = this.lookupCache.get(name);
    if (cached !== undefined) return cached === MISSING_ATTR ? undefined : cached;
    let found: Value = MISSING_ATTR;
    for (const c of this.mro) {
      const v = c.dict.get(name);
      if (v !== undefined) { found = v; break; }
    }
    this.lookupCache.set(name, found);
    return found === MISSING_ATTR ? undefined : found;
  }

  isSubclassOf(other: PyClass): boolean {
    return this === other || this.mro.includes(other);
  }

  /** `numpy.AxisError`, `ValueError`, `MyError` (as tracebacks print a class). */
  get fullName(): string {
    return this.module === 'builtins' || this.module === '__main__' ? this.qualname : `${this.module}.${this.qualname}`;
  }
}

/** C3 linearisation; throws a plain Error with CPython's text when impossible. */
function computeMro(cls: PyClass): PyClass[] {
  if (cls.bases.length === 0) return [cls];
  const seqs = [...cls.bases.map((b) => [...b.mro]), [...cls.bases]];
  const out: PyClass[] = [cls];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return out;
    let cand: PyClass | null = null;
    for (const s of nonEmpty) {
      const head = s[0];
      if (!nonEmpty.some((t) => t.indexOf(head) > 0)) { cand = head; break; }
    }
    if (!cand) throw new MroError(`Cannot create a consistent method resolution order (MRO) for bases ${cls.bases.map((b) => b.name).join(', ')}`);
    out.push(cand);
    for (const s of nonEmpty) if (s[0] === cand) s.shift();
  }
}

export class MroError extends Error {}

/** A Python-level iterator over a JS iterator (list_iterator, zip, map…). */
export class PyIterator {
  constructor(readonly it: Iterator<Value>, readonly typeName = 'iterator') {}
}

/** A generator object: `send` resumes the body; done when the body returns. */
export class PyGenerator {
  running = false;
  finished = false;
  constructor(readonly resume: (send: Value) => IteratorResult<Value, Value>, readonly name: string, readonly qualname: string) {}
}

// ---- builtin type objects ----------------------------------------------------------------

function builtinClass(name: string, bases: PyClass[], module = 'builtins'): PyClass {
  return new PyClass(name, bases, module);
}

export const T_OBJECT = builtinClass('object', []);
export const T_TYPE = builtinClass('type', [T_OBJECT]);
export const T_INT = builtinClass('int', [T_OBJECT]);
export const T_BOOL = builtinClass('bool', [T_INT]);
export const T_FLOAT = builtinClass('float', [T_OBJECT]);
export const T_COMPLEX = builtinClass('complex', [T_OBJECT]);
export const T_STR = builtinClass('str', [T_OBJECT]);
export const T_BYTES = builtinClass('bytes', [T_OBJECT]);
export const T_BYTEARRAY = builtinClass('bytearray', [T_OBJECT]);
export const T_LIST = builtinClass('list', [T_OBJECT]);
export const T_TUPLE = builtinClass('tuple', [T_OBJECT]);
export const T_DICT = builtinClass('dict', [T_OBJECT]);
export const T_SET = builtinClass('set', [T_OBJECT]);
export const T_FROZENSET = builtinClass('frozenset', [T_OBJECT]);
export const T_RANGE = builtinClass('range', [T_OBJECT]);
export const T_SLICE = builtinClass('slice', [T_OBJECT]);
export const T_NONE = builtinClass('NoneType', [T_OBJECT]);
export const T_ELLIPSIS = builtinClass('ellipsis', [T_OBJECT]);
export const T_NOTIMPL = builtinClass('NotImplementedType', [T_OBJECT]);
export const T_FUNCTION = builtinClass('function', [T_OBJECT]);
export const T_BUILTIN = builtinClass('builtin_function_or_method', [T_OBJECT]);
export const T_METHOD = builtinClass('method', [T_OBJECT]);
export const T_MODULE = builtinClass('module', [T_OBJECT]);
export const T_PROPERTY = builtinClass('property', [T_OBJECT]);
export const T_STATICMETHOD = builtinClass('staticmethod', [T_OBJECT]);
export const T_CLASSMETHOD = builtinClass('classmethod', [T_OBJECT]);
export const T_SUPER = builtinClass('super', [T_OBJECT]);
export const T_GENERATOR = builtinClass('generator', [T_OBJECT]);
export const T_ITERATOR = builtinClass('iterator', [T_OBJECT]);
export const T_NDARRAY = builtinClass('ndarray', [T_OBJECT], 'numpy');
export const T_DTYPE = builtinClass('dtype', [T_OBJECT], 'numpy');

/** The NotImplemented singleton. */
export const NOT_IMPLEMENTED = Object.freeze({ notImplemented: true });

// numpy scalar type hierarchy
export const T_NP_GENERIC = builtinClass('generic', [T_OBJECT], 'numpy');
export const T_NP_NUMBER = builtinClass('number', [T_NP_GENERIC], 'numpy');
export const T_NP_INTEGER = builtinClass('integer', [T_NP_NUMBER], 'numpy');
export const T_NP_SIGNED = builtinClass('signedinteger', [T_NP_INTEGER], 'numpy');
export const T_NP_UNSIGNED = builtinClass('unsignedinteger', [T_NP_INTEGER], 'numpy');
export const T_NP_INEXACT = builtinClass('inexact', [T_NP_NUMBER], 'numpy');
export const T_NP_FLOATING = builtinClass('floating', [T_NP_INEXACT], 'numpy');

export const NP_SCALAR_TYPES: Record<DType, PyClass> = {
  bool: builtinClass('bool_', [T_NP_GENERIC], 'numpy'),
  int8: builtinClass('int8', [T_NP_SIGNED], 'numpy'),
  int16: builtinClass('int16', [T_NP_SIGNED], 'numpy'),
  int32: builtinClass('int32', [T_NP_SIGNED], 'numpy'),
  int64: builtinClass('int64', [T_NP_SIGNED], 'numpy'),
  uint8: builtinClass('uint8', [T_NP_UNSIGNED], 'numpy'),
  uint16: builtinClass('uint16', [T_NP_UNSIGNED], 'numpy'),
  uint32: builtinClass('uint32', [T_NP_UNSIGNED], 'numpy'),
  uint64: builtinClass('uint64', [T_NP_UNSIGNED], 'numpy'),
  float32: builtinClass('float32', [T_NP_FLOATING], 'numpy'),
  float64: builtinClass('float64', [T_NP_FLOATING, T_FLOAT], 'numpy'),
};
for (const [d, c] of Object.entries(NP_SCALAR_TYPES)) c.npDType = d as DType;

// ---- exceptions ---------------------------------------------------------------------------

export const EXC: Record<string, PyClass> = {};
function exc(name: string, base: PyClass | null, module = 'builtins', extraBases: PyClass[] = []): PyClass {
  const c = new PyClass(name, base ? [base, ...extraBases] : [T_OBJECT], module);
  EXC[name] = c;
  return c;
}
const BaseException = exc('BaseException', null);
const Exception = exc('Exception', BaseException);
exc('SystemExit', BaseException);
exc('KeyboardInterrupt', BaseException);
exc('GeneratorExit', BaseException);
const ArithmeticError = exc('ArithmeticError', Exception);
exc('ZeroDivisionError', ArithmeticError);
exc('OverflowError', ArithmeticError);
exc('FloatingPointError', ArithmeticError);
const LookupError = exc('LookupError', Exception);
const IndexError = exc('IndexError', LookupError);
exc('KeyError', LookupError);
const ValueError = exc('ValueError', Exception);
const UnicodeError = exc('UnicodeError', ValueError);
exc('UnicodeDecodeError', UnicodeError);
exc('UnicodeEncodeError', UnicodeError);
exc('TypeError', Exception);
const NameError = exc('NameError', Exception);
exc('UnboundLocalError', NameError);
exc('AttributeError', Exception);
const RuntimeError = exc('RuntimeError', Exception);
exc('RecursionError', RuntimeError);
exc('NotImplementedError', RuntimeError);
exc('AssertionError', Exception);
exc('StopIteration', Exception);
exc('StopAsyncIteration', Exception);
const ImportError = exc('ImportError', Exception);
exc('ModuleNotFoundError', ImportError);
const MemoryError = exc('MemoryError', Exception);
const OSError = exc('OSError', Exception);
exc('FileNotFoundError', OSError);
exc('PermissionError', OSError);
exc('TimeoutError', OSError);
exc('EOFError', Exception);
exc('BufferError', Exception);
const SyntaxError = exc('SyntaxError', Exception);
const IndentationError = exc('IndentationError', SyntaxError);
exc('TabError', IndentationError);
const Warning = exc('Warning', Exception);
for (const w of ['UserWarning', 'DeprecationWarning', 'RuntimeWarning', 'FutureWarning', 'PendingDeprecationWarning', 'SyntaxWarning', 'ImportWarning', 'UnicodeWarning', 'ResourceWarning']) exc(w, Warning);
exc('AxisError', ValueError, 'numpy', [IndexError]);
exc('_ArrayMemoryError', MemoryError, 'numpy.core._exceptions');
exc('LinAlgError', Exception, 'numpy.linalg');

export const EXCEPTION_NAMES_BUILTIN = Object.values(EXC).filter((c) => c.module === 'builtins').map((c) => c.name);

export const isList = (v: Value): v is Value[] => Array.isArray(v);
export const isInt = (v: Value): v is number | bigint => typeof v === 'number' || typeof v === 'bigint';

export { ELLIPSIS as Ellipsis };

export class PyDictView {
  constructor(readonly dict: PyDict, readonly kind: 'keys' | 'values' | 'items') {}
}

/** `list[int]`, `Optional[np.ndarray]`: annotations evaluate to these; they only need to exist. */
export class PyGenericAlias {
  constructor(readonly origin: Value, readonly args: Value[], readonly name: string) {}
}

/** A `collections.defaultdict`: a dict with a default factory. */
export class PyDefaultDict extends PyDict {
  constructor(public factory: Value) { super(); }
}

let nextId = 1;
const ids = new WeakMap<object, number>();
/** A stable small id per object, for id(), hashes and default reprs. */
export function objectId(o: object): number {
  let id = ids.get(o);
  if (id === undefined) { id = nextId++; ids.set(o, id); }
  return id;
}
