// The `torch` module inside the interpreter: `import torch`, `torch.nn.functional`, `torch.cuda`
// bound to engine/torch/pycall.ts, and torch's values as Python objects: Tensor attributes,
// methods, operators, indexing, truth, len, iteration, int()/float(), format() and printing;
// torch.Size, torch.dtype, torch.device and torch.return_types as classes. nn.Module (user
// subclasses and the built-in layers) lives in torchModules.ts. Nothing is computed here.

import * as TP from '../../engine/torch/pycall';
import { ReturnTypes, Tensor, TorchDevice, TorchSize } from '../../engine/torch/tensor';
import { TorchDType } from '../../engine/torch/dtype';
import { GradModeContext } from '../../engine/torch/autograd';
import { Module as EngineModule } from '../../engine/torch/modules';
import { ArrayMemoryError, NumpyError, torchAllocErrorText } from '../../engine/core/errors';
import type * as A from '../python/ast';
import { pyError, PyRaise } from './errors';
import { attributeError } from './objects';
import { jsContext, numpyError, toEngine } from './npbind';
import type { NumpyFrame } from './numpyFrames';
import { TORCH_FRAMES } from './torchFrames';
import { engineModuleOf, isNnModuleName, nnModuleClass, T_NN_MODULE, wrapEngineModule } from './torchModules';
import {
  Kwargs, NDArray, NOT_IMPLEMENTED, PyBuiltin, PyClass, PyFloat, PyInstance, PyModule, PyTuple, T_OBJECT, T_TUPLE, Value,
} from './values';

export const TORCH_DIR = '/usr/lib/python3/dist-packages/torch';

// ---- classes -------------------------------------------------------------------------------------

export const T_TENSOR = new PyClass('Tensor', [T_OBJECT], 'torch');
export const T_PARAMETER = new PyClass('Parameter', [T_TENSOR], 'torch.nn.parameter');
export const T_SIZE = new PyClass('Size', [T_TUPLE], 'torch');
export const T_TORCH_DTYPE = new PyClass('dtype', [T_OBJECT], 'torch');
export const T_DEVICE = new PyClass('device', [T_OBJECT], 'torch');
const T_GENERATOR = new PyClass('Generator', [T_OBJECT], 'torch._C');
const returnTypeClasses = new Map<string, PyClass>();

T_SIZE.nativeCall = (args, kw) => torchCall('Size', args, kw);
T_DEVICE.nativeCall = (args, kw) => torchCall('device', args, kw);
T_PARAMETER.nativeCall = (args, kw) => torchCall('nn.Parameter', args, kw);
T_TENSOR.nativeCall = (args) => {
  // torch.Tensor(2, 3) is an uninitialised float tensor (zeros here); torch.Tensor(data) copies data as float
  if (args.length > 0 && args.every((a) => typeof a === 'number')) return torchCall('zeros', args, null);
  return torchCall('tensor', args, { dtype: TP.getTorchAttribute('float32') });
};

/** torch's class of an engine value, or undefined for values that are not torch's. */
export function torchTypeOf(v: object): PyClass | undefined {
  if (v instanceof Tensor) return v.isParameter ? T_PARAMETER : T_TENSOR;
  if (v instanceof TorchSize) return T_SIZE;
  if (v instanceof ReturnTypes) {
    let c = returnTypeClasses.get(v.typeName);
    if (!c) { c = new PyClass(v.typeName.replace(/^torch\.return_types\./, ''), [T_TUPLE], 'torch.return_types'); returnTypeClasses.set(v.typeName, c); }
    return c;
  }
  if (v instanceof TorchDType) return T_TORCH_DTYPE;
  if (v instanceof TorchDevice) return T_DEVICE;
  if (v === GENERATOR) return T_GENERATOR;
  return undefined;
}

/** `torch.manual_seed()` returns the default generator; it only needs to exist. */
const GENERATOR = Object.freeze({ torchGenerator: true });

// ---- conversions ---------------------------------------------------------------------------------

/** Interpreter value → torch facade value (modules to their engine Module, lists element-wise). */
export function toTorch(v: Value): unknown {
  if (v instanceof Tensor) return v;
  if (v instanceof PyInstance) return engineModuleOf(v) ?? v;
  if (Array.isArray(v)) return v.map(toTorch);
  if (v instanceof PyTuple && v.constructor === PyTuple) return new PyTuple(v.items.map(toTorch));
  return toEngine(v);
}

function toTorchKwargs(kw: Kwargs | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (kw) for (const k of Object.keys(kw)) out[k] = toTorch(kw[k]);
  return out;
}

/** Torch facade value → interpreter value. */
export function fromTorch(v: unknown): Value {
  if (v === undefined) return null;
  if (v === TP.NOT_IMPLEMENTED) return NOT_IMPLEMENTED;
  if (typeof v === 'number') return Number.isInteger(v) ? v : new PyFloat(v);
  if (v instanceof Tensor || v instanceof TorchSize || v instanceof ReturnTypes) return v;
  if (v instanceof EngineModule) return wrapEngineModule(v);
  if (Array.isArray(v)) return v.map(fromTorch);
  if (v instanceof PyTuple) return new PyTuple(v.items.map(fromTorch));
  if (v instanceof GradModeContext) return jsContext(() => { v.enter(); return null; }, () => v.exit(), 'no_grad');
  return v;
}

/** Runs a facade call, turning its errors into Python exceptions. */
export function torchEngine<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof NumpyError) throw torchError(e);
    throw e;
  }
}

/** An engine error raised under torch: a refused allocation says torch's allocator text. */
function torchError(e: NumpyError): PyRaise {
  return e instanceof ArrayMemoryError ? pyError('RuntimeError', torchAllocErrorText(e.bytes)) : numpyError(e);
}

/** Adds torch's own frames (outermost first) below the caller when `fn` raises from the facade. */
export function withTorchFrames<T>(key: string, fn: () => T, onlyFromEngine = true): T {
  try {
    return fn();
  } catch (e) {
    const r = e instanceof NumpyError ? torchError(e) : e;
    if (r instanceof PyRaise && r.exc.exc && (!onlyFromEngine || r.exc.exc.traceback.length === 0)) addFrames(r, TORCH_FRAMES[key] ?? []);
    throw r;
  }
}

export function addFrames(r: PyRaise, frames: readonly NumpyFrame[]): void {
  const st = r.exc.exc;
  if (!st) return;
  st.traceback.unshift(...frames.map(([filename, line, name, text, col, endCol, multi]) => ({
    filename, line, name, node: null, text, cols: col === null || endCol === null ? undefined : [col, endCol, multi] as [number, number, boolean],
  })));
  st.lastFrame = frames;
}

export function torchCall(path: string, args: Value[], kw: Kwargs | null): Value {
  const key = path.startsWith('nn.functional.') ? `F.${path.slice(14)}` : path;
  return withTorchFrames(key, () => fromTorch(TP.callTorch(path, args.map(toTorch), toTorchKwargs(kw))));
}

// ---- tensors -------------------------------------------------------------------------------------

export const isTorchValue = (v: Value): boolean =>
  v instanceof Tensor || v instanceof TorchSize || v instanceof ReturnTypes || v instanceof TorchDType || v instanceof TorchDevice;

function tensorMethod(t: Tensor, name: string, args: Value[], kw: Kwargs | null): Value {
  return torchEngine(() => fromTorch(TP.callTensorMethod(t, name, args.map(toTorch), toTorchKwargs(kw))));
}

/** `obj.name` for torch values; undefined lets the caller try the class (tuple methods of torch.Size). */
export function torchGetAttr(obj: Value, name: string): Value | undefined {
  if (obj instanceof Tensor) {
    if (name === '__class__') return torchTypeOf(obj);
    if (TP.hasTensorMethod(name)) return new PyBuiltin(name, (args, kw) => tensorMethod(obj, name, args, kw), false, obj);
    try {
      return fromTorch(TP.getTensorAttribute(obj, name));
    } catch (e) {
      if (e instanceof NumpyError && e.pyType === 'AttributeError') throw attributeError(obj, name);
      throw torchEngine(() => { throw e; });
    }
  }
  if (obj instanceof ReturnTypes) return obj.names.includes(name) ? fromTorch(obj.get(name)) : undefined;
  if (obj instanceof TorchSize && name === 'numel') return new PyBuiltin(name, () => obj.dims.reduce((a, b) => a * b, 1), false, obj);
  if (obj instanceof TorchDType) {
    switch (name) {
      case 'is_floating_point': return obj.dtype === 'float32' || obj.dtype === 'float64';
      case 'itemsize': return fromTorch(TP.callTensorMethod(TP.callTorch('zeros', [0], { dtype: obj }) as Tensor, 'element_size', []));
      default: return undefined;
    }
  }
  if (obj instanceof TorchDevice) {
    if (name === 'type') return obj.type;
    if (name === 'index') return obj.index;
  }
  return undefined;
}

export function torchSetAttr(obj: Tensor, name: string, value: Value): void {
  torchEngine(() => TP.setTensorAttribute(obj, name, toTorch(value)));
}

const DUNDER_OF: Record<string, string> = {
  Add: 'add', Sub: 'sub', Mult: 'mul', Div: 'truediv', FloorDiv: 'floordiv', Mod: 'mod', Pow: 'pow', LShift: 'lshift', RShift: 'rshift',
  BitOr: 'or', BitXor: 'xor', BitAnd: 'and', MatMult: 'matmul',
};

function dunder(t: Tensor, name: string, other: Value): Value {
  if (!TP.hasTensorMethod(name)) return NOT_IMPLEMENTED;
  // torch converts a numpy operand (tensor + ndarray is a tensor)
  const o = other instanceof NDArray ? torchEngine(() => TP.callTorch('from_numpy', [other])) : toTorch(other);
  return torchEngine(() => fromTorch(TP.callTensorMethod(t, name, [o])));
}

/** `a op b` where either is a Tensor; NOT_IMPLEMENTED when torch declines. */
export function torchBinary(op: A.BinaryOperator, a: Value, b: Value, inplace = false): Value {
  const d = DUNDER_OF[op];
  if (a instanceof Tensor) {
    if (inplace && op !== 'MatMult') {
      const r = dunder(a, `__i${d}__`, b);
      if (r !== NOT_IMPLEMENTED) return r;
    }
    const r = dunder(a, `__${d}__`, b);
    if (r !== NOT_IMPLEMENTED) return r;
  }
  if (b instanceof Tensor && !(a instanceof NDArray)) return dunder(b, `__r${d}__`, a);
  return NOT_IMPLEMENTED;
}

const CMP_DUNDER: Record<string, [string, string]> = {
  Eq: ['__eq__', '__eq__'], NotEq: ['__ne__', '__ne__'], Lt: ['__lt__', '__gt__'], LtE: ['__le__', '__ge__'], Gt: ['__gt__', '__lt__'], GtE: ['__ge__', '__le__'],
};

export function torchCompare(op: string, a: Value, b: Value): Value {
  const [fwd, refl] = CMP_DUNDER[op];
  if (a instanceof Tensor) {
    const r = dunder(a, fwd, b);
    if (r !== NOT_IMPLEMENTED) return r;
  }
  if (b instanceof Tensor) return dunder(b, refl, a);
  return NOT_IMPLEMENTED;
}

export function torchUnary(op: A.UnaryOperator, t: Tensor): Value {
  return tensorMethod(t, op === 'USub' ? '__neg__' : op === 'UAdd' ? '__pos__' : '__invert__', [], null);
}

export const torchTruth = (t: Tensor): boolean => tensorMethod(t, '__bool__', [], null) as boolean;
export const torchLen = (t: Tensor): number => tensorMethod(t, '__len__', [], null) as number;
export const torchGetItem = (t: Tensor, idx: Value): Value => tensorMethod(t, '__getitem__', [idx], null);
export const torchContains = (t: Tensor, x: Value): boolean => tensorMethod(t, '__contains__', [x], null) as boolean;
export function torchSetItem(t: Tensor, idx: Value, value: Value): void { tensorMethod(t, '__setitem__', [idx, value], null); }
export function torchIterate(t: Tensor): Iterator<Value> { return (tensorMethod(t, '__iter__', [], null) as Value[])[Symbol.iterator](); }

/** int(t) / float(t) / operator.index(t). */
export function torchToNumber(t: Tensor, kind: 'int' | 'float' | 'index'): Value {
  return tensorMethod(t, kind === 'int' ? '__int__' : kind === 'float' ? '__float__' : '__index__', [], null);
}

/** Tensor.__format__: a 0-d tensor formats its item(); others only with an empty spec. */
export function torchFormatValue(t: Tensor): Value | undefined {
  return t.ndim === 0 ? tensorMethod(t, 'item', [], null) : undefined;
}

export function torchRepr(v: Value): string | undefined {
  return TP.reprValue(v);
}

export function torchStr(v: Value): string | undefined {
  return TP.strValue(v);
}

// ---- modules -------------------------------------------------------------------------------------

function torchFunction(path: string): PyBuiltin {
  const name = path.split('.').pop() as string;
  return new PyBuiltin(name, (args, kw) => torchCall(path, args, kw), false, undefined, name);
}

function lazyModule(name: string, file: string | null, lookup: (attr: string) => Value | undefined): PyModule {
  const m = new PyModule(name, file);
  m.lazy = lookup;
  return m;
}

function torchLazy(name: string): Value | undefined {
  switch (name) {
    case 'Tensor': return T_TENSOR;
    case 'Size': return T_SIZE;
    case 'dtype': return T_TORCH_DTYPE;
    case 'device': return T_DEVICE;
    case 'nn': return torchSubmodule('torch.nn');
    case 'cuda': return torchSubmodule('torch.cuda');
    case 'optim': return torchSubmodule('torch.optim');
    case 'utils': return torchSubmodule('torch.utils');
    case 'manual_seed': return new PyBuiltin(name, (args, kw) => { torchCall('manual_seed', args, kw); return GENERATOR; }, false, undefined, name);
    case 'FloatTensor': case 'LongTensor': case 'IntTensor': case 'DoubleTensor': case 'BoolTensor': return undefined;
    default: break;
  }
  if (TP.hasTorchFunction(name)) return torchFunction(name);
  try {
    return fromTorch(TP.getTorchAttribute(name));
  } catch (e) {
    if (e instanceof NumpyError && e.pyType === 'AttributeError') return undefined;
    throw torchEngine(() => { throw e; });
  }
}

function nnLazy(name: string): Value | undefined {
  if (name === 'Module') return T_NN_MODULE;
  if (name === 'Parameter') return T_PARAMETER;
  if (name === 'functional') return torchSubmodule('torch.nn.functional');
  if (isNnModuleName(name)) return nnModuleClass(name);
  if (/^[A-Z]/.test(name)) {
    // a real torch.nn class the facade does not model: fail when used, with the reason
    return new PyBuiltin(name, () => { throw pyError('NotImplementedError', `torch.nn.${name} is not supported by Shape Lens`); }, false, undefined, name);
  }
  if (name === 'init') return torchSubmodule('torch.nn.init');
  return undefined;
}

/** Functions of a torch submodule the facade does not model raise its NotImplementedError when called. */
const unsupportedLazy = (prefix: string) => (name: string): Value | undefined =>
  (name.startsWith('__') ? undefined : new PyBuiltin(name, (args, kw) => torchCall(`${prefix}.${name}`, args, kw), false, undefined, name));

const SUBMODULES: Record<string, () => PyModule> = {
  torch: () => lazyModule('torch', `${TORCH_DIR}/__init__.py`, torchLazy),
  'torch.nn': () => lazyModule('torch.nn', `${TORCH_DIR}/nn/__init__.py`, nnLazy),
  'torch.nn.functional': () => lazyModule('torch.nn.functional', `${TORCH_DIR}/nn/functional.py`,
    (name) => (TP.hasTorchFunction(`nn.functional.${name}`) ? torchFunction(`nn.functional.${name}`) : undefined)),
  'torch.cuda': () => lazyModule('torch.cuda', `${TORCH_DIR}/cuda/__init__.py`,
    (name) => (TP.hasTorchFunction(`cuda.${name}`) ? torchFunction(`cuda.${name}`) : unsupportedLazy('cuda')(name))),
  'torch.optim': () => lazyModule('torch.optim', `${TORCH_DIR}/optim/__init__.py`, unsupportedLazy('optim')),
  'torch.nn.init': () => lazyModule('torch.nn.init', `${TORCH_DIR}/nn/init.py`, unsupportedLazy('nn.init')),
  'torch.utils': () => lazyModule('torch.utils', `${TORCH_DIR}/utils/__init__.py`, (name) => (name === 'data' ? torchSubmodule('torch.utils.data') : undefined)),
  'torch.utils.data': () => lazyModule('torch.utils.data', `${TORCH_DIR}/utils/data/__init__.py`, unsupportedLazy('utils.data')),
};

let modules = new Map<string, PyModule>();

/** Forgets the module objects (a new run starts fresh). */
export function resetTorch(): void {
  modules = new Map();
}

export function torchSubmodule(name: string): PyModule {
  let m = modules.get(name);
  if (!m) {
    m = SUBMODULES[name]();
    modules.set(name, m);
  }
  return m;
}

/** The module factories `import` knows: `torch`, `torch.nn`, `torch.nn.functional`, … */
export const TORCH_MODULE_NAMES = Object.keys(SUBMODULES);
