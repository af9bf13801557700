// The torch facade's Python-call surface, as engine/pycall.ts is NumPy's: `import torch`
// binds to these entry points, with torch's parameter names and Python values.
//
//   callTorch(path, args, kwargs)           torch.<path>(…): 'zeros', 'nn.functional.relu', 'cuda.is_available', 'nn.Parameter'
//   getTorchAttribute(path)                 torch.<path> that is not called: 'float32', 'pi', 'long'
//   callTensorMethod(t, name, args, kwargs) t.<name>(…), dunders included ('__add__', '__getitem__', '__iadd__' …)
//   getTensorAttribute(t, name) / setTensorAttribute(t, name, v)
//   makeModule(name, args, kwargs)          nn.<name>(…): 'Linear', 'Sequential', 'Module' (a user subclass's base)
//   callModule(m, args, kwargs)             m(…) → forward; callModuleMethod / getModuleAttribute / setModuleAttribute
//   reprValue(x) / strValue(x)              repr()/str() of every torch value
//
// Python values are engine/pycall.ts's: an integer JS number is a Python int, PyFloat (or a
// non-integer number) a float, booleans, null = None, strings, JS arrays = lists, PyTuple,
// Slice, ELLIPSIS, NDArray (numpy arrays), NpScalar. Torch's own values: Tensor, TorchSize
// (a PyTuple), TorchDType (`torch.float32`: one shared object per dtype; dtype arguments
// must be these objects, as in torch), TorchDevice, ReturnTypes (a PyTuple whose fields
// `.values`/`.indices` are `get(name)`), Module (Sequential also answers `__len__`,
// `__getitem__`, `__iter__` through callModuleMethod),
// GradModeContext (`with torch.no_grad():` — call enter()/exit()), GradFn (`t.grad_fn`).
// `t.item()` gives a number for ints, PyFloat for floats, boolean for bool. Dunders that do
// not apply (a numpy array operand) return NOT_IMPLEMENTED, Python's NotImplemented.
// Argument binding is positional-then-keyword by parameter name; torch's multi-overload
// "received an invalid combination of arguments" texts are not reproduced (a plainer
// TypeError is raised instead), except for the few learners meet (`torch.zeros()`,
// `max(dim=(0, 1))`). Errors are NumpyError(pyType, torch's message); `.to('cuda')` raises
// torch's AssertionError, a pyType engine/core/errors.ts does not list yet.

import { NDArray } from '../core/ndarray';
import { NumpyError, PyErrorType } from '../core/errors';
import { PyTuple } from '../core/pyvalues';
import { NpScalar, PyFloat } from '../core/scalar';
import { astype } from '../core/cast';
import {
  DTYPE_ATTRIBUTES, getDefaultDType, isFloatDType, isUnsupportedTorchDTypeName, resultTypeTorch, setDefaultDType,
  promoteTypesTorch, TORCH_DTYPES, TorchDType, torchDType, unsupportedDType, canCastTorch,
} from './dtype';
import { GradModeContext, isGradEnabled, result, setGradEnabled } from './autograd';
import { CPU, ReturnTypes, Tensor, TorchDevice, TorchSize } from './tensor';
import { getTorchPrintOptions, resetTorchPrintOptions, returnTypesRepr, setTorchPrintOptions, sizeRepr, tensorRepr } from './format';
import * as E from './elementwise';
import * as R from './reduce';
import * as S from './shapeOps';
import * as L from './linalg';
import * as C from './creation';
import * as F from './functional';
import * as M from './modules';
import { multinomial } from './multinomial';

export type PyArgs = readonly unknown[];
export type PyKwargs = Readonly<Record<string, unknown>>;

/** `t.grad_fn`: prints as `<AddBackward0 object at 0x…>` (the address is made up). */
export class GradFn {
  constructor(readonly name: string) {}
  repr(): string { return `<${this.name} object at 0x7f0000000000>`; }
}

const err = (t: PyErrorType, m: string): NumpyError => new NumpyError(t, m);
const typeErr = (m: string): NumpyError => err('TypeError', m);

// ---- conversions -----------------------------------------------------------------------------

export function pyTypeName(x: unknown): string {
  if (x === null || x === undefined) return 'NoneType';
  if (typeof x === 'boolean') return 'bool';
  if (typeof x === 'number') return Number.isInteger(x) ? 'int' : 'float';
  if (x instanceof PyFloat) return 'float';
  if (typeof x === 'string') return 'str';
  if (x instanceof TorchSize) return 'torch.Size';
  if (x instanceof PyTuple) return 'tuple';
  if (Array.isArray(x)) return 'list';
  if (x instanceof Tensor) return 'Tensor';
  if (x instanceof NDArray) return 'numpy.ndarray';
  if (x instanceof TorchDType) return 'torch.dtype';
  if (x instanceof M.Module) return x.typeName;
  return typeof x;
}

const isSeq = (x: unknown): x is readonly unknown[] | PyTuple => Array.isArray(x) || x instanceof PyTuple;
const seqItems = (x: readonly unknown[] | PyTuple): readonly unknown[] => (x instanceof PyTuple ? x.items : x);
const given = (x: unknown): boolean => x !== undefined && x !== null;

function toInt(x: unknown, what = 'an integer'): number {
  if (typeof x === 'number' && Number.isInteger(x)) return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof NpScalar && Number.isInteger(x.value) && !isFloatDType(x.dtype)) return x.value;
  if (x instanceof Tensor && x.numel === 1 && !isFloatDType(x.dtype)) return x.arr.data[x.arr.offset];
  throw typeErr(`expected ${what}, got ${pyTypeName(x)}`);
}

function toNumber(x: unknown): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof PyFloat || x instanceof NpScalar) return x.value;
  if (x instanceof Tensor && x.numel === 1) return x.arr.data[x.arr.offset];
  throw typeErr(`expected a number, got ${pyTypeName(x)}`);
}

const toBool = (x: unknown): boolean => (x instanceof NpScalar ? x.value !== 0 : x instanceof Tensor ? tensorBool(x) : Boolean(x));

/** A list of ints from `view(2, 3)`, `view((2, 3))`, `view([2, 3])` or `view(torch.Size)`. */
function intList(args: PyArgs, name: string): number[] {
  if (args.length === 1 && isSeq(args[0])) return seqItems(args[0]).map((d) => toInt(d));
  return args.map((d) => {
    if (isSeq(d)) throw typeErr(`${name}(): argument 'size' must be tuple of ints, but found element of type ${pyTypeName(d)}`);
    return toInt(d);
  });
}

/** `dim` as None, an int, or a list/tuple of ints. */
function toDims(x: unknown): R.Dims {
  if (!given(x)) return null;
  if (isSeq(x)) return seqItems(x).map((d) => toInt(d));
  return toInt(x);
}

function toDType(x: unknown): TorchDType | undefined {
  if (!given(x)) return undefined;
  if (x instanceof TorchDType) return x;
  throw typeErr(`dtype must be torch.dtype, not ${pyTypeName(x)}`);
}

const dtypeOpt = (x: unknown) => toDType(x)?.dtype;

function toTensor(x: unknown, fn: string, param = 'input', pos = 1): Tensor {
  if (x instanceof Tensor) return x;
  throw typeErr(`${fn}(): argument '${param}' (position ${pos}) must be Tensor, not ${pyTypeName(x)}`);
}

/** An operand of arithmetic: Tensor or Python number (numpy arrays and scalars convert). */
function toOperand(x: unknown): E.Operand {
  if (x instanceof Tensor || E.isScalar(x)) return x as E.Operand;
  if (x instanceof NDArray) return C.tensor(x);
  if (x instanceof NpScalar) return x.dtype === 'bool' ? x.value !== 0 : isFloatDType(x.dtype) ? new PyFloat(x.value) : x.value;
  throw typeErr(`unsupported operand type: '${pyTypeName(x)}'`);
}

function toOperandOrNull(x: unknown): E.Operand | null {
  return given(x) ? toOperand(x) : null;
}

function tensorList(x: unknown, fn: string): Tensor[] {
  if (x instanceof Tensor) return Array.from({ length: x.shape[0] ?? 0 }, (_, i) => S.getItem(x, i));
  if (!isSeq(x)) throw typeErr(`${fn}(): argument 'tensors' (position 1) must be tuple of Tensors, not ${pyTypeName(x)}`);
  return seqItems(x).map((t, i) => {
    if (!(t instanceof Tensor)) throw typeErr(`expected Tensor as element ${i} in argument 0, but got ${pyTypeName(t)}`);
    return t;
  });
}

function pyNumber(v: number, dtype: string): unknown {
  if (dtype === 'bool') return v !== 0;
  if (dtype === 'float32' || dtype === 'float64') return new PyFloat(v);
  return v;
}

function tensorBool(t: Tensor): boolean {
  if (t.numel !== 1) throw err('RuntimeError', `Boolean value of Tensor with more than one value is ambiguous`);
  return t.arr.data[t.arr.offset] !== 0;
}

function item(t: Tensor): unknown {
  if (t.numel !== 1) throw err('ValueError', 'only one element tensors can be converted to Python scalars');
  return pyNumber(t.arr.data[t.arr.offset], t.dtype);
}

function tolist(t: Tensor): unknown {
  const a = t.arr;
  const walk = (dim: number, off: number): unknown => {
    if (dim === a.ndim) return pyNumber(a.data[off], a.dtype);
    return Array.from({ length: a.shape[dim] }, (_, i) => walk(dim + 1, off + i * a.strides[dim]));
  };
  return walk(0, a.offset);
}

// ---- devices -------------------------------------------------------------------------------

const DEVICE_TYPES = 'cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, ort, xla, lazy, vulkan, mps, meta, hpu, privateuseone';

export function parseDevice(x: unknown): TorchDevice {
  if (x instanceof TorchDevice) return x;
  if (typeof x === 'number' && Number.isInteger(x)) return new TorchDevice('cuda', x);
  if (typeof x !== 'string') throw typeErr(`Expected a torch.device or string, got ${pyTypeName(x)}`);
  const m = /^([a-z_]+)(?::(\d+))?$/.exec(x);
  const types = DEVICE_TYPES.split(', ');
  if (!m || !types.includes(m[1])) {
    throw err('RuntimeError', `Expected one of ${DEVICE_TYPES} device type at start of device string: ${x}`);
  }
  return new TorchDevice(m[1], m[2] === undefined ? null : Number(m[2]));
}

/** Moving to a device: only the CPU exists (torch's own errors for the others). */
function checkDevice(d: TorchDevice): void {
  if (d.type === 'cpu') return;
  if (d.type === 'cuda') throw err('AssertionError' as PyErrorType, 'Torch not compiled with CUDA enabled');
  if (d.type === 'mps') throw err('RuntimeError', 'PyTorch is not linked with support for mps devices');
  throw err('RuntimeError', `Could not run 'aten::empty_strided' with arguments from the '${d.type.toUpperCase()}' backend.`);
}

// ---- dtype conversion ------------------------------------------------------------------------

/** `t.to(dtype)`, `.float()` …: t itself when the dtype already matches. */
function toDTypeTensor(t: Tensor, dtype: TorchDType | undefined, copy = false): Tensor {
  if (dtype === undefined || (dtype.dtype === t.dtype && !copy)) return copy ? S.clone(t) : t;
  return result(astype(t.arr, dtype.dtype, 'K'), [t], 'ToCopyBackward0');
}

/** `t.to(*args, **kwargs)`: dtype, device, another tensor, or device and dtype. */
function toMethod(t: Tensor, args: PyArgs, kwargs: PyKwargs): Tensor {
  let dtype = dtypeOpt(kwargs.dtype) ? toDType(kwargs.dtype) : undefined;
  let device: TorchDevice | undefined = given(kwargs.device) ? parseDevice(kwargs.device) : undefined;
  for (const a of args) {
    if (a instanceof TorchDType) dtype = a;
    else if (a instanceof Tensor) { dtype = a.torchDType; device = CPU; } else if (typeof a === 'string' || a instanceof TorchDevice || typeof a === 'number') device = parseDevice(a);
    else if (typeof a === 'boolean') continue;
    else if (a !== null) throw typeErr(`to() received an invalid combination of arguments - got (${pyTypeName(a)})`);
  }
  if (device) checkDevice(device);
  return toDTypeTensor(t, dtype, toBool(kwargs.copy));
}

// ---- binding ---------------------------------------------------------------------------------

type Params = Record<string, unknown>;
interface Sig {
  readonly params: readonly string[];
  /** `*args` after the named positional params (e.g. `zeros(*size)`) */
  readonly varargs?: boolean;
  readonly kwonly?: readonly string[];
  /** minimum positional/keyword params that must be given */
  readonly required?: number;
  /** a Python-level function (nn.functional, nn modules): CPython's argument errors */
  readonly python?: boolean;
  readonly impl: (p: Params, rest: PyArgs) => unknown;
}

function bind(name: string, sig: Sig, args: PyArgs, kwargs: PyKwargs, python = sig.python ?? false): { p: Params; rest: PyArgs } {
  const p: Params = {};
  const n = sig.varargs ? Math.min(args.length, sig.params.length) : args.length;
  if (!sig.varargs && args.length > sig.params.length) {
    throw typeErr(`${name}() takes ${sig.params.length} positional argument${sig.params.length === 1 ? '' : 's'} but ${args.length} were given`);
  }
  for (let i = 0; i < n; i++) p[sig.params[i]] = args[i];
  for (const [k, v] of Object.entries(kwargs)) {
    if (!sig.params.includes(k) && !sig.kwonly?.includes(k)) throw typeErr(`${name}() got an unexpected keyword argument '${k}'`);
    if (k in p) throw typeErr(`${name}() got multiple values for argument '${k}'`);
    p[k] = v;
  }
  const req = sig.required ?? 0;
  const missing = sig.params.slice(0, req).filter((k) => !(k in p));
  if (missing.length) throw missingArgs(name, missing, python);
  return { p, rest: sig.varargs ? args.slice(sig.params.length) : [] };
}

/** torch's C++ binding says "arguments" even for one; Python functions (nn.functional) say CPython's text. */
function missingArgs(name: string, missing: readonly string[], python: boolean): NumpyError {
  const n = missing.length;
  if (python) {
    const names = missing.map((m) => `'${m}'`);
    const list = n === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[n - 1]}`;
    return typeErr(`${name}() missing ${n} required positional argument${n === 1 ? '' : 's'}: ${list}`);
  }
  return typeErr(`${name}() missing ${n} required positional arguments: ${missing.map((m) => `"${m}"`).join(', ')}`);
}

function call(name: string, sig: Sig, args: PyArgs, kwargs: PyKwargs, python?: boolean): unknown {
  const { p, rest } = bind(name, sig, args, kwargs, python);
  return sig.impl(p, rest);
}

// ---- torch.* functions -----------------------------------------------------------------------

const CREATE_KW = ['out', 'dtype', 'layout', 'device', 'requires_grad', 'pin_memory', 'memory_format', 'generator'];

function createOpts(p: Params): C.CreateOptions {
  if (given(p.device)) checkDevice(parseDevice(p.device));
  return { dtype: dtypeOpt(p.dtype), requiresGrad: toBool(p.requires_grad) };
}

const sizeFn = (fn: (shape: readonly number[], o: C.CreateOptions) => Tensor, name: string): Sig => ({
  params: [], varargs: true, kwonly: ['size', ...CREATE_KW],
  impl: (p, rest) => {
    if (!given(p.size) && rest.length === 0) throw noSizeError(name);
    return fn(given(p.size) ? intList([p.size], name) : intList(rest, name), createOpts(p));
  },
});

/** torch's arg-parser text for `torch.zeros()` with no size. */
function noSizeError(name: string): NumpyError {
  const fmt = name === 'empty' ? 'torch.memory_format memory_format, ' : '';
  const lines = name === 'rand' || name === 'randn'
    ? [` * (tuple of ints size, *, torch.Generator generator, tuple of names names, torch.dtype dtype, torch.layout layout, torch.device device, bool pin_memory, bool requires_grad)`,
      ` * (tuple of ints size, *, tuple of names names, torch.dtype dtype, torch.layout layout, torch.device device, bool pin_memory, bool requires_grad)`]
    : [` * (tuple of ints size, *, tuple of names names, ${fmt}torch.dtype dtype, torch.layout layout, torch.device device, bool pin_memory, bool requires_grad)`,
      ` * (tuple of SymInts size, *, ${fmt}Tensor out, torch.dtype dtype, torch.layout layout, torch.device device, bool pin_memory, bool requires_grad)`];
  return typeErr(`${name}() received an invalid combination of arguments - got (), but expected one of:\n${lines.join('\n')}\n`);
}

const likeFn = (fn: (shape: readonly number[], o: C.CreateOptions) => Tensor, name: string): Sig => ({
  params: ['input'], kwonly: CREATE_KW, required: 1,
  impl: (p) => {
    const t = toTensor(p.input, name);
    return fn(t.shape, { ...createOpts(p), dtype: dtypeOpt(p.dtype) ?? t.dtype });
  },
});

const unaryFn = (op: E.UnaryName, name: string = op): Sig => ({
  params: ['input'], kwonly: ['out'], required: 1,
  impl: (p) => E.unary(op, toTensor(p.input, name)),
});

const binaryFn = (op: E.BinaryName, name: string, second = 'other'): Sig => ({
  params: ['input', second], kwonly: ['out', 'alpha'], required: 2,
  impl: (p) => {
    const a = p.input instanceof Tensor ? p.input : toOperand(p.input);
    let b = toOperand(p[second]);
    if (!(a instanceof Tensor) && !(b instanceof Tensor)) throw typeErr(`${name}(): argument 'input' (position 1) must be Tensor, not ${pyTypeName(p.input)}`);
    if (given(p.alpha) && (op === 'add' || op === 'sub')) b = b instanceof Tensor ? E.binary('mul', b, toOperand(p.alpha)) : scaleScalar(b, toOperand(p.alpha) as E.Scalar);
    return E.binary(op, a, b);
  },
});

function scaleScalar(b: E.Scalar, alpha: E.Scalar): E.Scalar {
  const v = (typeof b === 'boolean' ? Number(b) : b instanceof PyFloat ? b.value : b) * (typeof alpha === 'boolean' ? Number(alpha) : alpha instanceof PyFloat ? alpha.value : alpha);
  return b instanceof PyFloat || alpha instanceof PyFloat ? new PyFloat(v) : v;
}

const cmpFn = (op: E.BinaryName, name: string): Sig => ({
  params: ['input', 'other'], kwonly: ['out'], required: 2,
  impl: (p) => E.binary(op, toTensor(p.input, name), toOperand(p.other)),
});

const tensorPairFn = (fn: (a: Tensor, b: Tensor) => Tensor, name: string, names: [string, string] = ['input', 'other']): Sig => ({
  params: names, kwonly: ['out'], required: 2,
  impl: (p) => fn(toTensor(p[names[0]], name, names[0], 1), toTensor(p[names[1]], name, names[1], 2)),
});

function maxMin(which: 'max' | 'min'): Sig {
  return {
    params: ['input', 'dim', 'keepdim'], kwonly: ['out'], required: 1,
    impl: (p) => {
      const t = toTensor(p.input, which);
      if (p.dim instanceof Tensor) return E.binary(which === 'max' ? 'maximum' : 'minimum', t, p.dim);
      if (!given(p.dim)) {
        if (given(p.keepdim)) throw typeErr(`${which}() received an invalid combination of arguments - got (keepdim=bool)`);
        return R.extremeAll(t, which);
      }
      if (isSeq(p.dim)) {
        throw typeErr(`${which}() received an invalid combination of arguments - got (dim=${pyTypeName(p.dim)}, ), but expected one of:\n * ()\n      didn't match because some of the keywords were incorrect: dim\n * (Tensor other)\n      didn't match because some of the keywords were incorrect: dim\n * (int dim, bool keepdim)\n * (name dim, bool keepdim)\n`);
      }
      return R.extremeDim(t, which, toInt(p.dim), toBool(p.keepdim));
    },
  };
}

function argFn(which: 'max' | 'min'): Sig {
  return {
    params: ['input', 'dim', 'keepdim'], required: 1,
    impl: (p) => R.argExtreme(toTensor(p.input, `arg${which}`), which, given(p.dim) ? toInt(p.dim) : null, toBool(p.keepdim)),
  };
}

function varFn(std: boolean): Sig {
  return {
    params: ['input', 'dim', 'unbiased', 'keepdim'], kwonly: ['correction', 'out'], required: 1,
    impl: (p) => {
      const t = toTensor(p.input, std ? 'std' : 'var');
      let dim = p.dim, unbiased = p.unbiased;
      // std(t, False): the single positional bool is `unbiased`
      if (typeof dim === 'boolean') { unbiased = dim; dim = null; }
      const correction = given(p.correction) ? toNumber(p.correction) : given(unbiased) && !toBool(unbiased) ? 0 : 1;
      return R.variance(t, toDims(dim), correction, toBool(p.keepdim), std);
    },
  };
}

const reduceFn = (fn: (t: Tensor, d: R.Dims, k: boolean, dt?: import('../core/dtype').DType) => Tensor, name: string): Sig => ({
  params: ['input', 'dim', 'keepdim'], kwonly: ['dtype', 'out'], required: 1,
  impl: (p) => fn(toTensor(p.input, name), toDims(p.dim), toBool(p.keepdim), dtypeOpt(p.dtype)),
});

const softmaxFn = (log: boolean): Sig => ({
  params: ['input', 'dim', '_stacklevel', 'dtype'], required: 1,
  impl: (p) => (log ? F.logSoftmax : F.softmax)(toTensor(p.input, log ? 'log_softmax' : 'softmax'), given(p.dim) ? toInt(p.dim) : null, dtypeOpt(p.dtype)),
});

function shapeArg(x: unknown): number[] {
  return isSeq(x) ? seqItems(x).map((d) => toInt(d)) : [toInt(x)];
}

const pairArg = (x: unknown): number | number[] => (isSeq(x) ? seqItems(x).map((d) => toInt(d)) : toInt(x));

const TORCH: Record<string, Sig> = {
  tensor: { params: ['data'], kwonly: ['dtype', 'device', 'requires_grad', 'pin_memory'], required: 1, impl: (p) => C.tensor(p.data, createOpts(p)) },
  as_tensor: { params: ['data', 'dtype', 'device'], required: 1, impl: (p) => { if (given(p.device)) checkDevice(parseDevice(p.device)); return C.asTensor(p.data, { dtype: dtypeOpt(p.dtype) }); } },
  from_numpy: { params: ['ndarray'], required: 1, impl: (p) => C.fromNumpy(p.ndarray) },
  zeros: sizeFn(C.zeros, 'zeros'), ones: sizeFn(C.ones, 'ones'), empty: sizeFn(C.zeros, 'empty'),
  rand: sizeFn(C.rand, 'rand'), randn: sizeFn(C.randn, 'randn'),
  zeros_like: likeFn(C.zeros, 'zeros_like'), ones_like: likeFn(C.ones, 'ones_like'), empty_like: likeFn(C.zeros, 'empty_like'),
  rand_like: likeFn(C.rand, 'rand_like'), randn_like: likeFn(C.randn, 'randn_like'),
  randint_like: {
    params: ['input', 'low', 'high'], kwonly: CREATE_KW, required: 2,
    impl: (p) => {
      const t = toTensor(p.input, 'randint_like');
      const [low, high] = given(p.high) ? [toInt(p.low), toInt(p.high)] : [0, toInt(p.low)];
      return C.randintLike(t, low, high, { ...createOpts(p), dtype: dtypeOpt(p.dtype) ?? t.dtype });
    },
  },
  normal: {
    // the float-mean, float-std overload: torch.normal(mean, std, size)
    params: ['mean', 'std', 'size'], kwonly: ['generator', 'out', ...CREATE_KW], required: 3,
    impl: (p) => C.normal(toNumber(p.mean), toNumber(p.std), shapeArg(p.size), createOpts(p)),
  },
  bernoulli: { params: ['input'], kwonly: ['generator', 'out'], required: 1, impl: (p) => C.bernoulli(toTensor(p.input, 'bernoulli')) },
  multinomial: {
    params: ['input', 'num_samples', 'replacement'], kwonly: ['generator', 'out'], required: 2,
    impl: (p) => multinomial(toTensor(p.input, 'multinomial'), toInt(p.num_samples), given(p.replacement) ? toBool(p.replacement) : false),
  },
  full: {
    params: ['size', 'fill_value'], kwonly: CREATE_KW, required: 2,
    impl: (p) => C.full(shapeArg(p.size), toOperand(p.fill_value) as E.Scalar, createOpts(p)),
  },
  full_like: {
    params: ['input', 'fill_value'], kwonly: CREATE_KW, required: 2,
    impl: (p) => { const t = toTensor(p.input, 'full_like'); return C.fullLike(t, toOperand(p.fill_value) as E.Scalar, createOpts(p)); },
  },
  arange: {
    params: ['start', 'end', 'step'], kwonly: CREATE_KW, required: 1,
    impl: (p) => C.arange(toOperand(p.start) as E.Scalar, given(p.end) ? toOperand(p.end) as E.Scalar : null, given(p.step) ? toOperand(p.step) as E.Scalar : 1, createOpts(p)),
  },
  linspace: {
    params: ['start', 'end', 'steps'], kwonly: CREATE_KW, required: 3,
    impl: (p) => C.linspace(toNumber(p.start), toNumber(p.end), toInt(p.steps), createOpts(p)),
  },
  eye: { params: ['n', 'm'], kwonly: CREATE_KW, required: 1, impl: (p) => C.eye(toInt(p.n), given(p.m) ? toInt(p.m) : null, createOpts(p)) },
  randint: {
    params: ['low', 'high', 'size'], kwonly: CREATE_KW, required: 2,
    impl: (p) => {
      // randint(high, size) or randint(low, high, size)
      if (!given(p.size)) return C.randint(0, toInt(p.low), shapeArg(p.high), { ...createOpts(p), dtype: dtypeOpt(p.dtype) ?? 'int64' });
      return C.randint(toInt(p.low), toInt(p.high), shapeArg(p.size), { ...createOpts(p), dtype: dtypeOpt(p.dtype) ?? 'int64' });
    },
  },
  randperm: { params: ['n'], kwonly: CREATE_KW, required: 1, impl: (p) => C.randperm(toInt(p.n), createOpts(p)) },
  manual_seed: { params: ['seed'], required: 1, impl: (p) => { C.manualSeed(toInt(p.seed)); return null; } },

  add: binaryFn('add', 'add'), sub: binaryFn('sub', 'sub'), subtract: binaryFn('sub', 'subtract'),
  mul: binaryFn('mul', 'mul'), multiply: binaryFn('mul', 'multiply'),
  div: {
    params: ['input', 'other'], kwonly: ['rounding_mode', 'out'], required: 2,
    impl: (p) => {
      const a = toTensor(p.input, 'div'), b = toOperand(p.other);
      if (p.rounding_mode === 'floor') return E.binary('floor_divide', a, b);
      if (p.rounding_mode === 'trunc') return truncDiv(a, b);
      if (given(p.rounding_mode)) throw err('RuntimeError', `div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '${String(p.rounding_mode)}'`);
      return E.binary('div', a, b);
    },
  },
  divide: { params: ['input', 'other'], kwonly: ['rounding_mode', 'out'], required: 2, impl: (p) => TORCH.div.impl(p, []) },
  true_divide: binaryFn('div', 'true_divide'),
  floor_divide: binaryFn('floor_divide', 'floor_divide'), remainder: binaryFn('remainder', 'remainder'),
  pow: {
    params: ['input', 'exponent'], kwonly: ['out'], required: 2,
    impl: (p) => {
      if (p.input instanceof Tensor) return E.binary('pow', p.input, toOperand(p.exponent));
      return E.binary('pow', toOperand(p.input), toTensor(p.exponent, 'pow', 'exponent', 2), 'PowBackward1');
    },
  },
  atan2: tensorPairFn((a, b) => E.binary('atan2', a, b), 'atan2'),
  maximum: tensorPairFn((a, b) => E.binary('maximum', a, b), 'maximum'),
  minimum: tensorPairFn((a, b) => E.binary('minimum', a, b), 'minimum'),
  eq: cmpFn('eq', 'eq'), ne: cmpFn('ne', 'ne'), lt: cmpFn('lt', 'lt'), le: cmpFn('le', 'le'), gt: cmpFn('gt', 'gt'), ge: cmpFn('ge', 'ge'),
  greater: cmpFn('gt', 'greater'), less: cmpFn('lt', 'less'), greater_equal: cmpFn('ge', 'greater_equal'), less_equal: cmpFn('le', 'less_equal'),
  not_equal: cmpFn('ne', 'not_equal'),
  logical_and: cmpFn('logical_and', 'logical_and'), logical_or: cmpFn('logical_or', 'logical_or'), logical_xor: cmpFn('logical_xor', 'logical_xor'),
  bitwise_and: cmpFn('bitwise_and', 'bitwise_and'), bitwise_or: cmpFn('bitwise_or', 'bitwise_or'), bitwise_xor: cmpFn('bitwise_xor', 'bitwise_xor'),
  neg: unaryFn('neg'), negative: unaryFn('neg', 'negative'), abs: unaryFn('abs'), absolute: unaryFn('abs', 'absolute'),
  exp: unaryFn('exp'), log: unaryFn('log'), log2: unaryFn('log2'), log10: unaryFn('log10'), log1p: unaryFn('log1p'), expm1: unaryFn('expm1'),
  sqrt: unaryFn('sqrt'), rsqrt: unaryFn('rsqrt'), sin: unaryFn('sin'), cos: unaryFn('cos'), tan: unaryFn('tan'), tanh: unaryFn('tanh'),
  asin: unaryFn('asin'), acos: unaryFn('acos'), atan: unaryFn('atan'), sinh: unaryFn('sinh'), cosh: unaryFn('cosh'),
  sigmoid: unaryFn('sigmoid'), relu: unaryFn('relu'), floor: unaryFn('floor'), ceil: unaryFn('ceil'), trunc: unaryFn('trunc'),
  round: unaryFn('round'), sign: unaryFn('sign'), square: unaryFn('square'), reciprocal: unaryFn('reciprocal'),
  logical_not: unaryFn('logical_not'), bitwise_not: unaryFn('bitwise_not'), isnan: unaryFn('isnan'), isinf: unaryFn('isinf'), isfinite: unaryFn('isfinite'),
  clamp: {
    params: ['input', 'min', 'max'], kwonly: ['out'], required: 1,
    impl: (p) => E.clamp(toTensor(p.input, 'clamp'), toOperandOrNull(p.min), toOperandOrNull(p.max)),
  },
  clip: { params: ['input', 'min', 'max'], kwonly: ['out'], required: 1, impl: (p) => TORCH.clamp.impl(p, []) },
  where: {
    params: ['condition', 'input', 'other'], kwonly: ['out'], required: 1,
    impl: (p) => {
      const cond = toTensor(p.condition, 'where', 'condition');
      if (p.input === undefined && p.other === undefined) return nonzeroTuple(cond);
      return E.where(cond, toOperand(p.input), toOperand(p.other));
    },
  },
  nonzero: {
    params: ['input'], kwonly: ['as_tuple', 'out'], required: 1,
    impl: (p) => {
      const t = toTensor(p.input, 'nonzero');
      const cols = nonzeroTuple(t);
      if (toBool(p.as_tuple)) return cols;
      const n = t.numel === 0 ? 0 : (cols.items[0] as Tensor).numel;
      return S.stack(cols.items.length ? (cols.items as Tensor[]) : [C.zeros([n], { dtype: 'int64' })], 1);
    },
  },

  matmul: tensorPairFn(L.matmul, 'matmul'), mm: tensorPairFn(L.mm, 'mm', ['input', 'mat2']),
  bmm: tensorPairFn(L.bmm, 'bmm', ['input', 'mat2']), mv: tensorPairFn(L.mv, 'mv', ['input', 'vec']),
  dot: tensorPairFn(L.dot, 'dot', ['input', 'tensor']),

  sum: reduceFn(R.sum, 'sum'), mean: reduceFn(R.mean, 'mean'),
  prod: {
    params: ['input', 'dim', 'keepdim'], kwonly: ['dtype'], required: 1,
    impl: (p) => R.prod(toTensor(p.input, 'prod'), given(p.dim) ? toInt(p.dim) : null, toBool(p.keepdim), dtypeOpt(p.dtype)),
  },
  max: maxMin('max'), min: maxMin('min'), amax: reduceFn((t, d, k) => R.amaxDims(t, 'max', d, k), 'amax'), amin: reduceFn((t, d, k) => R.amaxDims(t, 'min', d, k), 'amin'),
  argmax: argFn('max'), argmin: argFn('min'),
  std: varFn(true), var: varFn(false),
  any: { params: ['input', 'dim', 'keepdim'], required: 1, impl: (p) => R.anyAll(toTensor(p.input, 'any'), 'any', given(p.dim) ? toInt(p.dim) : null, toBool(p.keepdim)) },
  all: { params: ['input', 'dim', 'keepdim'], required: 1, impl: (p) => R.anyAll(toTensor(p.input, 'all'), 'all', given(p.dim) ? toInt(p.dim) : null, toBool(p.keepdim)) },

  cat: { params: ['tensors', 'dim'], kwonly: ['out'], required: 1, impl: (p) => S.cat(tensorList(p.tensors, 'cat'), given(p.dim) ? toInt(p.dim) : 0) },
  concat: { params: ['tensors', 'dim'], kwonly: ['out'], required: 1, impl: (p) => S.cat(tensorList(p.tensors, 'concat'), given(p.dim) ? toInt(p.dim) : 0) },
  stack: { params: ['tensors', 'dim'], kwonly: ['out'], required: 1, impl: (p) => S.stack(tensorList(p.tensors, 'stack'), given(p.dim) ? toInt(p.dim) : 0) },
  reshape: { params: ['input', 'shape'], required: 2, impl: (p) => S.reshape(toTensor(p.input, 'reshape'), shapeArg(p.shape)) },
  flatten: {
    params: ['input', 'start_dim', 'end_dim'], required: 1,
    impl: (p) => S.flatten(toTensor(p.input, 'flatten'), given(p.start_dim) ? toInt(p.start_dim) : 0, given(p.end_dim) ? toInt(p.end_dim) : -1),
  },
  squeeze: { params: ['input', 'dim'], required: 1, impl: (p) => S.squeeze(toTensor(p.input, 'squeeze'), given(p.dim) ? toInt(p.dim) : null) },
  unsqueeze: { params: ['input', 'dim'], required: 2, impl: (p) => S.unsqueeze(toTensor(p.input, 'unsqueeze'), toInt(p.dim)) },
  transpose: { params: ['input', 'dim0', 'dim1'], required: 3, impl: (p) => S.transpose(toTensor(p.input, 'transpose'), toInt(p.dim0), toInt(p.dim1)) },
  swapaxes: { params: ['input', 'axis0', 'axis1'], required: 3, impl: (p) => S.transpose(toTensor(p.input, 'swapaxes'), toInt(p.axis0), toInt(p.axis1)) },
  permute: { params: ['input', 'dims'], required: 2, impl: (p) => S.permute(toTensor(p.input, 'permute'), shapeArg(p.dims)) },
  t: { params: ['input'], required: 1, impl: (p) => S.tMethod(toTensor(p.input, 't')) },
  clone: { params: ['input'], kwonly: ['memory_format'], required: 1, impl: (p) => S.clone(toTensor(p.input, 'clone')) },
  detach: { params: ['input'], required: 1, impl: (p) => new Tensor(toTensor(p.input, 'detach').arr) },
  numel: { params: ['input'], required: 1, impl: (p) => toTensor(p.input, 'numel').numel },
  is_tensor: { params: ['obj'], required: 1, impl: (p) => p.obj instanceof Tensor },
  is_floating_point: { params: ['input'], required: 1, impl: (p) => isFloatDType(toTensor(p.input, 'is_floating_point').dtype) },
  softmax: softmaxFn(false), log_softmax: softmaxFn(true),
  allclose: {
    params: ['input', 'other', 'rtol', 'atol', 'equal_nan'], required: 2,
    impl: (p) => closeness(toTensor(p.input, 'allclose'), toTensor(p.other, 'allclose', 'other', 2), given(p.rtol) ? toNumber(p.rtol) : 1e-5, given(p.atol) ? toNumber(p.atol) : 1e-8, toBool(p.equal_nan)).every(Boolean),
  },
  equal: {
    params: ['input', 'other'], required: 2,
    impl: (p) => {
      const a = toTensor(p.input, 'equal'), b = toTensor(p.other, 'equal', 'other', 2);
      if (a.ndim !== b.ndim || a.shape.some((d, i) => d !== b.shape[i])) return false;
      const x = a.arr.toArray(), y = b.arr.toArray();
      return x.every((v, i) => v === y[i]);
    },
  },
  result_type: {
    params: ['tensor1', 'tensor2'], required: 2,
    impl: (p) => torchDType(resultTypeTorch([E.promotionOf(toOperand(p.tensor1)), E.promotionOf(toOperand(p.tensor2))])),
  },
  promote_types: {
    params: ['type1', 'type2'], required: 2,
    impl: (p) => torchDType(promoteTypesTorch((toDType(p.type1) as TorchDType).dtype, (toDType(p.type2) as TorchDType).dtype)),
  },
  can_cast: { params: ['from', 'to'], required: 2, impl: (p) => canCastTorch((toDType(p.from) as TorchDType).dtype, (toDType(p.to) as TorchDType).dtype) },
  no_grad: { params: [], impl: () => new GradModeContext(false) },
  enable_grad: { params: [], impl: () => new GradModeContext(true) },
  set_grad_enabled: { params: ['mode'], required: 1, impl: (p) => new GradModeContext(toBool(p.mode), true) },
  is_grad_enabled: { params: [], impl: () => isGradEnabled() },
  get_default_dtype: { params: [], impl: () => torchDType(getDefaultDType()) },
  set_default_dtype: { params: ['d'], required: 1, impl: (p) => { setDefaultDType((toDType(p.d) as TorchDType).dtype); return null; } },
  set_printoptions: {
    params: ['precision', 'threshold', 'edgeitems', 'linewidth', 'profile', 'sci_mode'],
    impl: (p) => {
      const num = (x: unknown) => (given(x) ? toNumber(x) : undefined);
      setTorchPrintOptions({
        precision: num(p.precision), threshold: num(p.threshold), edgeitems: num(p.edgeitems), linewidth: num(p.linewidth),
        profile: typeof p.profile === 'string' ? p.profile : null, sciMode: given(p.sci_mode) ? toBool(p.sci_mode) : null,
      });
      return null;
    },
  },
  Size: { params: ['sizes'], impl: (p) => new TorchSize(given(p.sizes) ? shapeArg(p.sizes) : []) },
  device: { params: ['type', 'index'], required: 1, impl: (p) => { const d = parseDevice(p.type); return given(p.index) ? new TorchDevice(d.type, toInt(p.index)) : d; } },
  'cuda.is_available': { params: [], impl: () => false },
  'cuda.device_count': { params: [], impl: () => 0 },
  'backends.mps.is_available': { params: [], impl: () => false },
  one_hot: { params: ['tensor', 'num_classes'], required: 1, impl: (p) => F.oneHot(toTensor(p.tensor, 'one_hot'), given(p.num_classes) ? toInt(p.num_classes) : -1) },
  'nn.Parameter': { params: ['data', 'requires_grad'], impl: (p) => M.parameter(given(p.data) ? toTensor(p.data, 'Parameter') : C.zeros([0]), given(p.requires_grad) ? toBool(p.requires_grad) : true) },
  'nn.parameter.Parameter': { params: ['data', 'requires_grad'], impl: (p) => TORCH['nn.Parameter'].impl(p, []) },

  // torch.nn.functional
  'nn.functional.relu': { params: ['input', 'inplace'], required: 1, impl: (p) => (toBool(p.inplace) ? E.unaryInplace('relu', toTensor(p.input, 'relu')) : F.relu(toTensor(p.input, 'relu'))) },
  'nn.functional.sigmoid': unaryFn('sigmoid'),
  'nn.functional.tanh': unaryFn('tanh'),
  'nn.functional.softmax': softmaxFn(false),
  'nn.functional.log_softmax': softmaxFn(true),
  'nn.functional.linear': {
    params: ['input', 'weight', 'bias'], required: 2,
    impl: (p) => F.linear(toTensor(p.input, 'linear'), toTensor(p.weight, 'linear', 'weight', 2), given(p.bias) ? toTensor(p.bias, 'linear', 'bias', 3) : null),
  },
  'nn.functional.conv2d': {
    params: ['input', 'weight', 'bias', 'stride', 'padding', 'dilation', 'groups'], required: 2,
    impl: (p) => F.conv2d(toTensor(p.input, 'conv2d'), toTensor(p.weight, 'conv2d', 'weight', 2), given(p.bias) ? toTensor(p.bias, 'conv2d', 'bias', 3) : null, {
      stride: given(p.stride) ? pairArg(p.stride) : 1,
      padding: typeof p.padding === 'string' ? paddingString(p.padding) : given(p.padding) ? pairArg(p.padding) : 0,
      dilation: given(p.dilation) ? pairArg(p.dilation) : 1, groups: given(p.groups) ? toInt(p.groups) : 1,
    }),
  },
  'nn.functional.max_pool2d': {
    params: ['input', 'kernel_size', 'stride', 'padding', 'dilation', 'ceil_mode', 'return_indices'], required: 2,
    impl: (p) => {
      const r = F.maxPool2d(toTensor(p.input, 'max_pool2d'), {
        kernelSize: pairArg(p.kernel_size), stride: given(p.stride) ? pairArg(p.stride) : null,
        padding: given(p.padding) ? pairArg(p.padding) : 0, dilation: given(p.dilation) ? pairArg(p.dilation) : 1, ceilMode: toBool(p.ceil_mode),
      }, toBool(p.return_indices));
      return Array.isArray(r) ? new PyTuple(r) : r;
    },
  },
  'nn.functional.cross_entropy': {
    params: ['input', 'target', 'weight', 'size_average', 'ignore_index', 'reduce', 'reduction', 'label_smoothing'], required: 2,
    impl: (p) => F.crossEntropy(toTensor(p.input, 'cross_entropy'), toTensor(p.target, 'cross_entropy', 'target', 2), given(p.weight) ? toTensor(p.weight, 'cross_entropy', 'weight', 3) : null,
      given(p.ignore_index) ? toInt(p.ignore_index) : -100, given(p.reduction) ? String(p.reduction) : 'mean', given(p.label_smoothing) ? toNumber(p.label_smoothing) : 0),
  },
  'nn.functional.nll_loss': {
    params: ['input', 'target', 'weight', 'size_average', 'ignore_index', 'reduce', 'reduction'], required: 2,
    impl: (p) => F.nllLoss(toTensor(p.input, 'nll_loss'), toTensor(p.target, 'nll_loss', 'target', 2), given(p.weight) ? toTensor(p.weight, 'nll_loss', 'weight', 3) : null,
      given(p.ignore_index) ? toInt(p.ignore_index) : -100, given(p.reduction) ? String(p.reduction) : 'mean'),
  },
  'nn.functional.mse_loss': {
    params: ['input', 'target', 'size_average', 'reduce', 'reduction'], required: 2,
    impl: (p) => F.mseLoss(toTensor(p.input, 'mse_loss'), toTensor(p.target, 'mse_loss', 'target', 2), given(p.reduction) ? String(p.reduction) : 'mean'),
  },
  'nn.functional.one_hot': { params: ['tensor', 'num_classes'], required: 1, impl: (p) => TORCH.one_hot.impl(p, []) },
  'nn.functional.dropout': {
    params: ['input', 'p', 'training', 'inplace'], required: 1,
    impl: (p) => F.dropout(toTensor(p.input, 'dropout'), given(p.p) ? toNumber(p.p) : 0.5, given(p.training) ? toBool(p.training) : true),
  },
};

function paddingString(s: string): 'same' | 'valid' {
  if (s !== 'same' && s !== 'valid') throw err('RuntimeError', `Invalid padding string: '${s}'`);
  return s;
}

function truncDiv(a: Tensor, b: E.Operand): Tensor {
  const q = E.binary('div', a, b);
  const dtype = E.binaryComputeType('mul', a, b);
  const t = E.unary('trunc', q);
  return new Tensor(dtype === t.dtype ? t.arr : astype(t.arr, dtype));
}

function nonzeroTuple(t: Tensor): PyTuple {
  const vals = t.arr.toArray();
  const cols: number[][] = t.shape.map(() => []);
  const nd = t.ndim;
  for (let i = 0; i < vals.length; i++) {
    if (vals[i] === 0) continue;
    let rem = i;
    for (let d = nd - 1; d >= 0; d--) { cols[d].push(rem % t.shape[d]); rem = Math.floor(rem / t.shape[d]); }
  }
  if (nd === 0) return new PyTuple([C.tensor(vals[0] !== 0 ? [0] : [], { dtype: 'int64' })]);
  return new PyTuple(cols.map((c) => C.tensor(c, { dtype: 'int64' })));
}

function closeness(a: Tensor, b: Tensor, rtol: number, atol: number, equalNan: boolean): boolean[] {
  const shape = E.binary('sub', a, b).shape;
  const x = S.expand(a, shape).arr.toArray(), y = S.expand(b, shape).arr.toArray();
  return x.map((v, i) => {
    const w = y[i];
    if (v !== v || w !== w) return equalNan && v !== v && w !== w;
    if (v === w) return true;
    return Math.abs(v - w) <= atol + rtol * Math.abs(w);
  });
}

/** Parts of torch users meet that the facade does not model, with the reason. */
const UNSUPPORTED_WHY: Record<string, string> = {
  'optim.': 'no autograd, so no optimizer steps', 'autograd.': 'no autograd', 'utils.data.': 'no data loading',
  'cuda.': 'CPU only', 'nn.init.': 'use the default initialisation or assign weights',
};
const UNSUPPORTED_MODULES = Object.keys(UNSUPPORTED_WHY);

/** `torch.<path>(*args, **kwargs)`. */
export function callTorch(path: string, args: PyArgs, kwargs: PyKwargs = {}): unknown {
  const name = path.startsWith('torch.') ? path.slice(6) : path;
  const fn = TORCH[name];
  if (fn) return call(name.split('.').pop() as string, fn, args, kwargs, name.startsWith('nn.'));
  const unsupported = UNSUPPORTED_MODULES.find((m) => name.startsWith(m));
  if (unsupported) throw err('NotImplementedError', `torch.${name} is not supported by Shape Lens (${UNSUPPORTED_WHY[unsupported]})`);
  if (name.startsWith('nn.') && isModuleName(name.slice(3))) return makeModule(name.slice(3), args, kwargs);
  throw err('AttributeError', `module 'torch' has no attribute '${name}'`);
}

export function hasTorchFunction(path: string): boolean {
  const name = path.startsWith('torch.') ? path.slice(6) : path;
  return name in TORCH || (name.startsWith('nn.') && isModuleName(name.slice(3)));
}

/** `torch.<path>` as a value: dtypes, constants, `torch.Tensor`'s dtype aliases. */
export function getTorchAttribute(path: string): unknown {
  const name = path.startsWith('torch.') ? path.slice(6) : path;
  const d = DTYPE_ATTRIBUTES[name];
  if (d) return TORCH_DTYPES[d];
  if (isUnsupportedTorchDTypeName(name)) throw unsupportedDType(name);
  switch (name) {
    case 'pi': return new PyFloat(Math.PI);
    case 'e': return new PyFloat(Math.E);
    case 'inf': return new PyFloat(Infinity);
    case 'nan': return new PyFloat(NaN);
    case '__version__': return '1.13.0';
    default: throw err('AttributeError', `module 'torch' has no attribute '${name}'`);
  }
}

// ---- tensor methods --------------------------------------------------------------------------

const self = (p: Params): Tensor => p.self as Tensor;

const METHODS: Record<string, Sig> = {
  view: {
    params: [], varargs: true,
    impl: (p, rest) => {
      if (rest.length === 1 && rest[0] instanceof TorchDType) return viewDType(self(p), rest[0]);
      return S.view(self(p), intList(rest, 'view'));
    },
  },
  view_as: { params: ['other'], required: 1, impl: (p) => S.view(self(p), toTensor(p.other, 'view_as', 'other').shape) },
  reshape: { params: [], varargs: true, impl: (p, rest) => S.reshape(self(p), intList(rest, 'reshape')) },
  reshape_as: { params: ['other'], required: 1, impl: (p) => S.reshape(self(p), toTensor(p.other, 'reshape_as', 'other').shape) },
  expand: { params: [], varargs: true, impl: (p, rest) => S.expand(self(p), intList(rest, 'expand')) },
  repeat: { params: [], varargs: true, impl: (p, rest) => S.repeat(self(p), intList(rest, 'repeat')) },
  expand_as: { params: ['other'], required: 1, impl: (p) => S.expand(self(p), toTensor(p.other, 'expand_as', 'other').shape) },
  permute: { params: [], varargs: true, impl: (p, rest) => S.permute(self(p), intList(rest, 'permute')) },
  transpose: { params: ['dim0', 'dim1'], required: 2, impl: (p) => S.transpose(self(p), toInt(p.dim0), toInt(p.dim1)) },
  size: {
    params: ['dim'],
    impl: (p) => {
      const t = self(p);
      if (!given(p.dim)) return new TorchSize([...t.shape]);
      const d = toInt(p.dim);
      const n = Math.max(t.ndim, 1);
      if (d < -n || d >= n || t.ndim === 0) throw err('IndexError', `Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${d})`);
      return t.shape[d < 0 ? d + t.ndim : d];
    },
  },
  stride: {
    params: ['dim'],
    impl: (p) => {
      const t = self(p);
      if (!given(p.dim)) return new PyTuple([...t.arr.strides]);
      const d = toInt(p.dim);
      const n = Math.max(t.ndim, 1);
      if (d < -n || d >= n) throw err('IndexError', `Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${d})`);
      return t.arr.strides[d < 0 ? d + t.ndim : d];
    },
  },
  dim: { params: [], impl: (p) => self(p).ndim },
  ndimension: { params: [], impl: (p) => self(p).ndim },
  numel: { params: [], impl: (p) => self(p).numel },
  nelement: { params: [], impl: (p) => self(p).numel },
  element_size: { params: [], impl: (p) => self(p).arr.itemsize },
  item: { params: [], impl: (p) => item(self(p)) },
  tolist: { params: [], impl: (p) => tolist(self(p)) },
  numpy: { params: [], kwonly: ['force'], impl: (p) => (toBool(p.force) ? C.toNumpy(new Tensor(self(p).arr)) : C.toNumpy(self(p))) },
  detach: { params: [], impl: (p) => new Tensor(self(p).arr) },
  detach_: { params: [], impl: (p) => { const t = self(p); t.requiresGrad = false; t.gradFn = null; return t; } },
  cpu: { params: [], kwonly: ['memory_format'], impl: (p) => self(p) },
  cuda: { params: ['device', 'non_blocking'], impl: () => { checkDevice(new TorchDevice('cuda')); return null; } },
  to: { params: [], varargs: true, kwonly: ['dtype', 'device', 'non_blocking', 'copy', 'memory_format'], impl: (p, rest) => toMethod(self(p), rest, Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'self'))) },
  type: {
    params: ['dtype', 'non_blocking'],
    impl: (p) => {
      const t = self(p);
      if (!given(p.dtype)) return `torch.${t.torchDType.scalarTypeName}Tensor`;
      return toDTypeTensor(t, toDType(p.dtype));
    },
  },
  type_as: { params: ['other'], required: 1, impl: (p) => toDTypeTensor(self(p), toTensor(p.other, 'type_as', 'other').torchDType) },
  float: { params: [], kwonly: ['memory_format'], impl: (p) => toDTypeTensor(self(p), TORCH_DTYPES.float32) },
  double: { params: [], kwonly: ['memory_format'], impl: (p) => toDTypeTensor(self(p), TORCH_DTYPES.float64) },
  long: { params: [], kwonly: ['memory_format'], impl: (p) => toDTypeTensor(self(p), TORCH_DTYPES.int64) },
  int: { params: [], kwonly: ['memory_format'], impl: (p) => toDTypeTensor(self(p), TORCH_DTYPES.int32) },
  short: { params: [], kwonly: ['memory_format'], impl: (p) => toDTypeTensor(self(p), TORCH_DTYPES.int16) },
  char: { params: [], kwonly: ['memory_format'], impl: (p) => toDTypeTensor(self(p), TORCH_DTYPES.int8) },
  byte: { params: [], kwonly: ['memory_format'], impl: (p) => toDTypeTensor(self(p), TORCH_DTYPES.uint8) },
  bool: { params: [], kwonly: ['memory_format'], impl: (p) => toDTypeTensor(self(p), TORCH_DTYPES.bool) },
  half: { params: [], impl: () => { throw unsupportedDType('float16'); } },
  contiguous: { params: [], kwonly: ['memory_format'], impl: (p) => S.contiguous(self(p)) },
  is_contiguous: { params: [], kwonly: ['memory_format'], impl: (p) => self(p).isContiguous },
  is_floating_point: { params: [], impl: (p) => isFloatDType(self(p).dtype) },
  clone: { params: [], kwonly: ['memory_format'], impl: (p) => S.clone(self(p)) },
  t: { params: [], impl: (p) => S.tMethod(self(p)) },
  unsqueeze: { params: ['dim'], required: 1, impl: (p) => S.unsqueeze(self(p), toInt(p.dim)) },
  squeeze: { params: ['dim'], impl: (p) => S.squeeze(self(p), given(p.dim) ? toInt(p.dim) : null) },
  flatten: { params: ['start_dim', 'end_dim'], impl: (p) => S.flatten(self(p), given(p.start_dim) ? toInt(p.start_dim) : 0, given(p.end_dim) ? toInt(p.end_dim) : -1) },
  softmax: { params: ['dim', 'dtype'], impl: (p) => F.softmax(self(p), given(p.dim) ? toInt(p.dim) : null, dtypeOpt(p.dtype)) },
  log_softmax: { params: ['dim', 'dtype'], impl: (p) => F.logSoftmax(self(p), given(p.dim) ? toInt(p.dim) : null, dtypeOpt(p.dtype)) },
  fill_: { params: ['value'], required: 1, impl: (p) => { const t = self(p); S.setItem(t, new PyTuple([]), toOperand(p.value)); return t; } },
  zero_: { params: [], impl: (p) => { const t = self(p); S.setItem(t, new PyTuple([]), 0); return t; } },
  multinomial: {
    params: ['num_samples', 'replacement'], kwonly: ['generator'], required: 1,
    impl: (p) => multinomial(self(p), toInt(p.num_samples), given(p.replacement) ? toBool(p.replacement) : false),
  },
  uniform_: {
    params: ['from', 'to'], kwonly: ['generator'],
    impl: (p) => fillWith(self(p), (t) => C.uniform(t.shape, given(p.from) ? toNumber(p.from) : 0, given(p.to) ? toNumber(p.to) : 1, t.dtype)),
  },
  normal_: {
    params: ['mean', 'std'], kwonly: ['generator'],
    impl: (p) => fillWith(self(p), (t) => C.normalValues(t.shape, given(p.mean) ? toNumber(p.mean) : 0, given(p.std) ? toNumber(p.std) : 1, t.dtype, t.arr.isCContiguous)),
  },
  bernoulli_: {
    params: ['p'], kwonly: ['generator'],
    impl: (p) => fillWith(self(p), (t) => C.bernoulliMask(t.shape, given(p.p) ? toNumber(p.p) : 0.5, t.dtype)),
  },
  masked_fill: {
    params: ['mask', 'value'], required: 2,
    impl: (p) => maskedFill(S.clone(self(p)), toTensor(p.mask, 'masked_fill', 'mask'), toOperand(p.value), self(p)),
  },
  masked_fill_: { params: ['mask', 'value'], required: 2, impl: (p) => maskedFill(self(p), toTensor(p.mask, 'masked_fill_', 'mask'), toOperand(p.value), null) },
  requires_grad_: {
    params: ['requires_grad'],
    impl: (p) => {
      const t = self(p), on = given(p.requires_grad) ? toBool(p.requires_grad) : true;
      setRequiresGrad(t, on);
      return t;
    },
  },
  backward: { params: ['gradient', 'retain_graph', 'create_graph', 'inputs'], impl: () => { throw err('NotImplementedError', 'Shape Lens does not compute gradients: backward() is not supported'); } },
  apply_: { params: ['callable'], impl: () => { throw err('NotImplementedError', 'Tensor.apply_ is not supported by Shape Lens'); } },
  max: { params: ['dim', 'keepdim'], impl: (p) => maxMin('max').impl({ ...p, input: self(p) }, []) },
  min: { params: ['dim', 'keepdim'], impl: (p) => maxMin('min').impl({ ...p, input: self(p) }, []) },
  std: { params: ['dim', 'unbiased', 'keepdim'], kwonly: ['correction'], impl: (p) => varFn(true).impl({ ...p, input: self(p) }, []) },
  var: { params: ['dim', 'unbiased', 'keepdim'], kwonly: ['correction'], impl: (p) => varFn(false).impl({ ...p, input: self(p) }, []) },
  add_: inplaceSig('add'), sub_: inplaceSig('sub'), mul_: inplaceSig('mul'), div_: inplaceSig('div'), pow_: inplaceSig('pow'),
  clamp_: {
    params: ['min', 'max'],
    impl: (p) => { const t = self(p); E.checkLeafInplace(t); const r = E.clamp(t, toOperandOrNull(p.min), toOperandOrNull(p.max)); assignInplace(t, r); return t; },
  },
  copy_: {
    params: ['src', 'non_blocking'], required: 1,
    impl: (p) => { const t = self(p); S.setItem(t, new PyTuple([]), toTensor(p.src, 'copy_', 'src')); return t; },
  },
};

/** torch.nn.init's _calculate_fan_in_and_fan_out. */
function fans(t: Tensor): [number, number] {
  if (t.ndim < 2) throw err('ValueError', 'Fan in and fan out can not be computed for tensor with fewer than 2 dimensions');
  const receptive = t.shape.slice(2).reduce((p, d) => p * d, 1);
  return [t.shape[1] * receptive, t.shape[0] * receptive];
}

/** torch.nn.init.calculate_gain(nonlinearity, param=None). */
function calculateGain(nonlinearity: string, param: unknown): number {
  const linear = ['linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d'];
  if (linear.includes(nonlinearity) || nonlinearity === 'sigmoid') return 1;
  if (nonlinearity === 'tanh') return 5.0 / 3;
  if (nonlinearity === 'relu') return Math.sqrt(2.0);
  if (nonlinearity === 'leaky_relu') {
    const slope = given(param) ? toNumber(param) : 0.01;
    return Math.sqrt(2.0 / (1 + slope ** 2));
  }
  if (nonlinearity === 'selu') return 3.0 / 4;
  throw err('ValueError', `Unsupported nonlinearity ${nonlinearity}`);
}

/** kaiming's fan: mode 'fan_in' or 'fan_out'. */
function kaimingFan(t: Tensor, mode: unknown): number {
  const m = given(mode) ? String(mode) : 'fan_in';
  if (m !== 'fan_in' && m !== 'fan_out') throw err('ValueError', `Mode ${m} not supported, please use one of fan_in, fan_out`);
  const [fanIn, fanOut] = fans(t);
  return m === 'fan_in' ? fanIn : fanOut;
}

/** An init function's in-place fill, under no_grad as torch.nn.init runs it. */
function initFill(t: Tensor, draw: (t: Tensor) => NDArray): Tensor {
  const prev = isGradEnabled();
  setGradEnabled(false);
  try { return fillWith(t, draw); } finally { setGradEnabled(prev); }
}

const uniformInit = (t: Tensor, a: number, b: number): Tensor => initFill(t, (x) => C.uniform(x.shape, a, b, x.dtype));
const normalInit = (t: Tensor, mean: number, std: number): Tensor =>
  initFill(t, (x) => C.normalValues(x.shape, mean, std, x.dtype, x.arr.isCContiguous));
const num = (v: unknown, d: number): number => (given(v) ? toNumber(v) : d);

/** torch.nn.init's functions, each drawing what torch draws (uniform_ / normal_ with its bounds). */
const NN_INIT: Record<string, Sig> = {
  'nn.init.uniform_': { params: ['tensor', 'a', 'b'], required: 1, impl: (p) => uniformInit(toTensor(p.tensor, 'uniform_'), num(p.a, 0), num(p.b, 1)) },
  'nn.init.normal_': { params: ['tensor', 'mean', 'std'], required: 1, impl: (p) => normalInit(toTensor(p.tensor, 'normal_'), num(p.mean, 0), num(p.std, 1)) },
  'nn.init.constant_': {
    params: ['tensor', 'val'], required: 2,
    impl: (p) => initFill(toTensor(p.tensor, 'constant_'), (x) => C.full(x.shape, toNumber(p.val), { dtype: x.dtype }).arr),
  },
  'nn.init.zeros_': { params: ['tensor'], required: 1, impl: (p) => initFill(toTensor(p.tensor, 'zeros_'), (x) => C.full(x.shape, 0, { dtype: x.dtype }).arr) },
  'nn.init.ones_': { params: ['tensor'], required: 1, impl: (p) => initFill(toTensor(p.tensor, 'ones_'), (x) => C.full(x.shape, 1, { dtype: x.dtype }).arr) },
  'nn.init.calculate_gain': { params: ['nonlinearity', 'param'], required: 1, impl: (p) => new PyFloat(calculateGain(String(p.nonlinearity), p.param)) },
  'nn.init.xavier_uniform_': {
    params: ['tensor', 'gain'], required: 1,
    impl: (p) => {
      const t = toTensor(p.tensor, 'xavier_uniform_');
      const [fanIn, fanOut] = fans(t);
      const a = Math.sqrt(3.0) * (num(p.gain, 1) * Math.sqrt(2.0 / (fanIn + fanOut)));
      return uniformInit(t, -a, a);
    },
  },
  'nn.init.xavier_normal_': {
    params: ['tensor', 'gain'], required: 1,
    impl: (p) => {
      const t = toTensor(p.tensor, 'xavier_normal_');
      const [fanIn, fanOut] = fans(t);
      return normalInit(t, 0, num(p.gain, 1) * Math.sqrt(2.0 / (fanIn + fanOut)));
    },
  },
  'nn.init.kaiming_uniform_': {
    params: ['tensor', 'a', 'mode', 'nonlinearity'], required: 1,
    impl: (p) => {
      const t = toTensor(p.tensor, 'kaiming_uniform_');
      if (t.numel === 0) return t;
      const std = calculateGain(given(p.nonlinearity) ? String(p.nonlinearity) : 'leaky_relu', given(p.a) ? p.a : 0) / Math.sqrt(kaimingFan(t, p.mode));
      const bound = Math.sqrt(3.0) * std;
      return uniformInit(t, -bound, bound);
    },
  },
  'nn.init.kaiming_normal_': {
    params: ['tensor', 'a', 'mode', 'nonlinearity'], required: 1,
    impl: (p) => {
      const t = toTensor(p.tensor, 'kaiming_normal_');
      if (t.numel === 0) return t;
      const std = calculateGain(given(p.nonlinearity) ? String(p.nonlinearity) : 'leaky_relu', given(p.a) ? p.a : 0) / Math.sqrt(kaimingFan(t, p.mode));
      return normalInit(t, 0, std);
    },
  },
};

Object.assign(TORCH, NN_INIT);

/** An in-place random fill: the values drawn for `t`'s shape, written through its view. */
function fillWith(t: Tensor, draw: (t: Tensor) => NDArray): Tensor {
  S.setItem(t, new PyTuple([]), new Tensor(C.inIterationOrder(t.shape, t.arr.strides, draw(t))));
  return t;
}

function inplaceSig(op: E.BinaryName): Sig {
  return {
    params: ['other'], kwonly: ['alpha'], required: 1,
    impl: (p) => {
      let b = toOperand(p.other);
      if (given(p.alpha)) b = b instanceof Tensor ? E.binary('mul', b, toOperand(p.alpha)) : scaleScalar(b, toOperand(p.alpha) as E.Scalar);
      return E.binaryInplace(op, self(p), b);
    },
  };
}

for (const u of ['relu', 'sigmoid', 'tanh', 'exp', 'log', 'sqrt', 'abs', 'neg', 'floor', 'ceil', 'round', 'trunc', 'sin', 'cos'] as E.UnaryName[]) {
  METHODS[`${u}_`] = { params: [], impl: (p) => E.unaryInplace(u, self(p)) };
}

function assignInplace(t: Tensor, r: Tensor): void {
  if (!canCastTorch(r.dtype, t.dtype)) {
    throw err('RuntimeError', `result type ${torchDType(r.dtype).scalarTypeName} can't be cast to the desired output type ${torchDType(t.dtype).scalarTypeName}`);
  }
  S.setItem(new Tensor(t.arr), new PyTuple([]), r);
}

function maskedFill(t: Tensor, mask: Tensor, value: E.Operand, src: Tensor | null): Tensor {
  if (mask.dtype !== 'bool') throw err('RuntimeError', `masked_fill_ only supports boolean masks, but got mask with dtype ${mask.torchDType.scalarTypeName === 'Byte' ? 'unsigned char' : mask.dtype}`);
  const m = S.expand(mask, t.shape);
  const filled = E.where(m, value instanceof Tensor ? value : value, new Tensor(t.arr));
  S.setItem(new Tensor(t.arr), new PyTuple([]), new Tensor(astype(filled.arr, t.dtype)));
  if (src) return result(t.arr, [src], 'MaskedFillBackward0');
  return t;
}

function viewDType(t: Tensor, d: TorchDType): Tensor {
  if (d.dtype === t.dtype) return t;
  throw err('NotImplementedError', 'Tensor.view(dtype) reinterpreting memory is not supported by Shape Lens');
}

function setRequiresGrad(t: Tensor, on: boolean): void {
  if (!t.isLeaf) {
    if (!on) throw err('RuntimeError', "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
    return;
  }
  if (on && !isFloatDType(t.dtype)) throw err('RuntimeError', 'only Tensors of floating point dtype can require gradients');
  t.requiresGrad = on;
}

/** Methods that are torch functions with the tensor as `input`. */
const FUNCTION_METHODS = [
  'add', 'sub', 'subtract', 'mul', 'multiply', 'div', 'divide', 'true_divide', 'floor_divide', 'remainder', 'pow', 'atan2',
  'maximum', 'minimum', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'greater', 'less', 'greater_equal', 'less_equal', 'not_equal',
  'logical_and', 'logical_or', 'logical_xor', 'logical_not', 'bitwise_and', 'bitwise_or', 'bitwise_xor', 'bitwise_not',
  'neg', 'negative', 'abs', 'absolute', 'exp', 'log', 'log2', 'log10', 'log1p', 'expm1', 'sqrt', 'rsqrt', 'sin', 'cos', 'tan', 'tanh',
  'asin', 'acos', 'atan', 'sinh', 'cosh', 'sigmoid', 'relu', 'floor', 'ceil', 'trunc', 'round', 'sign', 'square', 'reciprocal',
  'isnan', 'isinf', 'isfinite', 'clamp', 'clip', 'matmul', 'mm', 'bmm', 'mv', 'dot', 'sum', 'mean', 'prod', 'amax', 'amin',
  'argmax', 'argmin', 'any', 'all', 'allclose', 'equal', 'nonzero', 'swapaxes',
];

function binaryDunder(op: E.BinaryName, reflected: boolean, grad?: string) {
  return (t: Tensor, args: PyArgs): unknown => {
    const other = args[0];
    // torch's dunders return NotImplemented for numpy arrays (Python then asks the array)
    if (other instanceof M.Module || other instanceof NDArray || typeof other === 'string' || other === null) return NOT_IMPLEMENTED;
    const o = toOperand(other);
    return reflected ? E.binary(op, o, t, grad) : E.binary(op, t, o);
  };
}

/** Returned by dunders that do not apply, so the interpreter tries the other operand (Python's NotImplemented). */
export const NOT_IMPLEMENTED: unique symbol = Symbol('NotImplemented');

const DUNDERS: Record<string, (t: Tensor, args: PyArgs) => unknown> = {
  __add__: binaryDunder('add', false), __radd__: binaryDunder('add', true, 'AddBackward0'),
  __sub__: binaryDunder('sub', false), __rsub__: binaryDunder('sub', true, 'RsubBackward1'),
  __mul__: binaryDunder('mul', false), __rmul__: binaryDunder('mul', true, 'MulBackward0'),
  __truediv__: binaryDunder('div', false), __rtruediv__: binaryDunder('div', true, 'MulBackward0'),
  __floordiv__: binaryDunder('floor_divide', false), __rfloordiv__: binaryDunder('floor_divide', true),
  __mod__: binaryDunder('remainder', false), __rmod__: binaryDunder('remainder', true),
  __pow__: binaryDunder('pow', false), __rpow__: binaryDunder('pow', true, 'PowBackward1'),
  __and__: binaryDunder('bitwise_and', false), __rand__: binaryDunder('bitwise_and', true),
  __or__: binaryDunder('bitwise_or', false), __ror__: binaryDunder('bitwise_or', true),
  __xor__: binaryDunder('bitwise_xor', false), __rxor__: binaryDunder('bitwise_xor', true),
  __eq__: binaryDunder('eq', false), __ne__: binaryDunder('ne', false), __lt__: binaryDunder('lt', false),
  __le__: binaryDunder('le', false), __gt__: binaryDunder('gt', false), __ge__: binaryDunder('ge', false),
  __matmul__: (t, a) => (a[0] instanceof Tensor ? L.matmul(t, a[0]) : NOT_IMPLEMENTED),
  __rmatmul__: () => NOT_IMPLEMENTED,
  __neg__: (t) => E.unary('neg', t),
  __pos__: (t) => t,
  __abs__: (t) => E.unary('abs', t),
  __invert__: (t) => (t.dtype === 'bool' ? E.unary('logical_not', t) : E.unary('bitwise_not', t)),
  __getitem__: (t, a) => S.getItem(t, a[0]),
  __setitem__: (t, a) => { S.setItem(t, a[0], a[1] instanceof NDArray ? C.tensor(a[1]) : a[1] instanceof NpScalar ? toOperand(a[1]) : a[1]); return null; },
  __len__: (t) => {
    if (t.ndim === 0) throw typeErr('len() of a 0-d tensor');
    return t.shape[0];
  },
  __iter__: (t) => {
    if (t.ndim === 0) throw typeErr('iteration over a 0-d tensor');
    return Array.from({ length: t.shape[0] }, (_, i) => S.getItem(t, i));
  },
  __bool__: (t) => tensorBool(t),
  __float__: (t) => {
    if (t.numel !== 1) throw err('ValueError', 'only one element tensors can be converted to Python scalars');
    return new PyFloat(t.arr.data[t.arr.offset]);
  },
  __int__: (t) => {
    if (t.numel !== 1) throw err('ValueError', 'only one element tensors can be converted to Python scalars');
    return Math.trunc(t.arr.data[t.arr.offset]);
  },
  __index__: (t) => {
    if (t.numel !== 1 || isFloatDType(t.dtype) || t.dtype === 'bool') throw typeErr('only integer tensors of a single element can be converted to an index');
    return t.arr.data[t.arr.offset];
  },
  __contains__: (t, a) => {
    const o = toOperand(a[0]);
    return (R.anyAll(E.binary('eq', t, o), 'any').arr.data[0]) !== 0;
  },
  __repr__: (t) => tensorRepr(t),
  __str__: (t) => tensorRepr(t),
};

const INPLACE: Record<string, E.BinaryName> = {
  __iadd__: 'add', __isub__: 'sub', __imul__: 'mul', __itruediv__: 'div', __ifloordiv__: 'floor_divide',
  __imod__: 'remainder', __ipow__: 'pow', __iand__: 'bitwise_and', __ior__: 'bitwise_or', __ixor__: 'bitwise_xor',
};

/** `t.<name>(*args, **kwargs)`, dunders included. */
export function callTensorMethod(t: Tensor, name: string, args: PyArgs, kwargs: PyKwargs = {}): unknown {
  const m = METHODS[name];
  if (m) {
    const { p, rest } = bind(name, m, args, kwargs);
    p.self = t;
    return m.impl(p, rest);
  }
  const d = DUNDERS[name];
  if (d) return d(t, args);
  const ip = INPLACE[name];
  if (ip) return E.binaryInplace(ip, t, toOperand(args[0]));
  if (FUNCTION_METHODS.includes(name)) return callTorch(name, [t, ...args], kwargs);
  throw err('AttributeError', `'Tensor' object has no attribute '${name}'`);
}

/** True when `t.<name>(…)` is a method the facade has (so `t.<name>` is a bound method). */
export function hasTensorMethod(name: string): boolean {
  return name in METHODS || name in DUNDERS || name in INPLACE || FUNCTION_METHODS.includes(name);
}

/** `t.<name>` for attributes (shape, dtype, device, T, data, requires_grad, grad, grad_fn …). */
export function getTensorAttribute(t: Tensor, name: string): unknown {
  switch (name) {
    case 'shape': return new TorchSize([...t.shape]);
    case 'dtype': return t.torchDType;
    case 'device': return CPU;
    case 'ndim': return t.ndim;
    case 'T': return S.bigT(t);
    case 'mT': return S.mT(t);
    case 'data': return new Tensor(t.arr);
    case 'requires_grad': return t.requiresGrad;
    case 'grad': return null;
    case 'is_leaf': return t.isLeaf;
    case 'grad_fn': return t.gradFn === null ? null : new GradFn(t.gradFn);
    case 'is_cuda': return false;
    case 'is_cpu': return true;
    default: throw err('AttributeError', `'Tensor' object has no attribute '${name}'`);
  }
}

/** `t.<name> = value` (requires_grad, data, grad). */
export function setTensorAttribute(t: Tensor, name: string, value: unknown): void {
  switch (name) {
    case 'requires_grad': setRequiresGrad(t, toBool(value)); return;
    case 'data': t.arr = toTensor(value, 'data').arr; return;
    case 'grad': if (value !== null) throw err('NotImplementedError', 'Shape Lens does not keep gradients'); return;
    default: throw err('AttributeError', `'Tensor' object attribute '${name}' is read-only`);
  }
}

// ---- nn modules ------------------------------------------------------------------------------

const MODULES: Record<string, Sig> = {
  Module: { params: [], varargs: true, impl: () => new M.Module('Module') },
  Linear: {
    params: ['in_features', 'out_features', 'bias'], kwonly: ['device', 'dtype'], required: 2,
    impl: (p) => new M.Linear(toInt(p.in_features), toInt(p.out_features), given(p.bias) ? toBool(p.bias) : true, dtypeOpt(p.dtype) ?? getDefaultDType()),
  },
  Conv2d: {
    params: ['in_channels', 'out_channels', 'kernel_size', 'stride', 'padding', 'dilation', 'groups', 'bias', 'padding_mode'], kwonly: ['device', 'dtype'], required: 3,
    impl: (p) => new M.Conv2d(toInt(p.in_channels), toInt(p.out_channels), pairArg(p.kernel_size), given(p.stride) ? pairArg(p.stride) : 1,
      typeof p.padding === 'string' ? (p.padding as 'same') : given(p.padding) ? pairArg(p.padding) : 0, given(p.dilation) ? pairArg(p.dilation) : 1,
      given(p.groups) ? toInt(p.groups) : 1, given(p.bias) ? toBool(p.bias) : true, given(p.padding_mode) ? String(p.padding_mode) : 'zeros', dtypeOpt(p.dtype) ?? getDefaultDType()),
  },
  MaxPool2d: {
    params: ['kernel_size', 'stride', 'padding', 'dilation', 'return_indices', 'ceil_mode'], required: 1,
    impl: (p) => new M.MaxPool2d(pairArg(p.kernel_size), given(p.stride) ? pairArg(p.stride) : null, given(p.padding) ? pairArg(p.padding) : 0,
      given(p.dilation) ? pairArg(p.dilation) : 1, toBool(p.return_indices), toBool(p.ceil_mode)),
  },
  ReLU: { params: ['inplace'], impl: (p) => new M.Activation('ReLU', toBool(p.inplace) ? (t) => E.unaryInplace('relu', t) : M.ACTIVATIONS.ReLU, toBool(p.inplace)) },
  Sigmoid: { params: [], impl: () => new M.Activation('Sigmoid', M.ACTIVATIONS.Sigmoid) },
  Tanh: { params: [], impl: () => new M.Activation('Tanh', M.ACTIVATIONS.Tanh) },
  Softmax: { params: ['dim'], impl: (p) => new M.SoftmaxModule('Softmax', given(p.dim) ? toInt(p.dim) : null) },
  LogSoftmax: { params: ['dim'], impl: (p) => new M.SoftmaxModule('LogSoftmax', given(p.dim) ? toInt(p.dim) : null) },
  Flatten: { params: ['start_dim', 'end_dim'], impl: (p) => new M.Flatten(given(p.start_dim) ? toInt(p.start_dim) : 1, given(p.end_dim) ? toInt(p.end_dim) : -1) },
  Dropout: { params: ['p', 'inplace'], impl: (p) => new M.Dropout(given(p.p) ? toNumber(p.p) : 0.5, toBool(p.inplace)) },
  Identity: { params: [], varargs: true, impl: () => new M.Identity() },
  Sequential: {
    params: [], varargs: true,
    impl: (_p, rest) => new M.Sequential(rest.map((m) => {
      if (!(m instanceof M.Module)) throw typeErr(`${pyTypeName(m)} is not a Module subclass`);
      return m;
    })),
  },
  CrossEntropyLoss: {
    params: ['weight', 'size_average', 'ignore_index', 'reduce', 'reduction', 'label_smoothing'],
    impl: (p) => new M.Loss('CrossEntropyLoss', given(p.weight) ? toTensor(p.weight, 'CrossEntropyLoss', 'weight') : null,
      given(p.ignore_index) ? toInt(p.ignore_index) : -100, given(p.reduction) ? String(p.reduction) : 'mean', given(p.label_smoothing) ? toNumber(p.label_smoothing) : 0),
  },
  NLLLoss: {
    params: ['weight', 'size_average', 'ignore_index', 'reduce', 'reduction'],
    impl: (p) => new M.Loss('NLLLoss', given(p.weight) ? toTensor(p.weight, 'NLLLoss', 'weight') : null,
      given(p.ignore_index) ? toInt(p.ignore_index) : -100, given(p.reduction) ? String(p.reduction) : 'mean'),
  },
  MSELoss: { params: ['size_average', 'reduce', 'reduction'], impl: (p) => new M.Loss('MSELoss', null, -100, given(p.reduction) ? String(p.reduction) : 'mean') },
};

export function isModuleName(name: string): boolean {
  return name in MODULES;
}

/** `nn.<name>(*args, **kwargs)`. `makeModule('Module', [], {})` is the base of a user subclass. */
export function makeModule(name: string, args: PyArgs, kwargs: PyKwargs = {}): M.Module {
  const n = name.replace(/^(torch\.)?nn\./, '');
  const sig = MODULES[n];
  if (!sig) throw err('AttributeError', `module 'torch.nn' has no attribute '${n}'`);
  return call(n, sig, args, kwargs, true) as M.Module;
}

/** `m(*args, **kwargs)` → forward. */
export function callModule(m: M.Module, args: PyArgs, kwargs: PyKwargs = {}): unknown {
  const r = m.call(args, kwargs);
  return Array.isArray(r) ? new PyTuple(r) : r;
}

/** `m.<name>` for what the module holds (parameters, submodules, layer settings); undefined when it holds nothing by that name. */
export function getModuleAttribute(m: M.Module, name: string): unknown {
  if (m.params.has(name)) return m.params.get(name) ?? null;
  if (m.children.has(name)) return m.children.get(name) ?? null;
  if (name === 'training') return m.training;
  const fields: Record<string, unknown> = {};
  if (m instanceof M.Linear) Object.assign(fields, { in_features: m.inFeatures, out_features: m.outFeatures });
  if (m instanceof M.Conv2d) {
    Object.assign(fields, {
      in_channels: m.inChannels, out_channels: m.outChannels, kernel_size: new PyTuple(m.kernelSize), stride: new PyTuple(m.stride),
      padding: typeof m.padding === 'string' ? m.padding : new PyTuple(m.padding), dilation: new PyTuple(m.dilation), groups: m.groups, padding_mode: m.paddingMode,
    });
  }
  if (m instanceof M.MaxPool2d) {
    const v = (x: M.PairArg) => (typeof x === 'number' ? x : new PyTuple(x));
    Object.assign(fields, { kernel_size: v(m.kernelSize), stride: v(m.stride ?? m.kernelSize), padding: v(m.padding), dilation: v(m.dilation), ceil_mode: m.ceilMode, return_indices: m.returnIndices });
  }
  if (m instanceof M.SoftmaxModule) fields.dim = m.dim;
  if (m instanceof M.Flatten) Object.assign(fields, { start_dim: m.startDim, end_dim: m.endDim });
  if (m instanceof M.Dropout) Object.assign(fields, { p: new PyFloat(m.p), inplace: m.inplace });
  if (m instanceof M.Activation) fields.inplace = m.inplace;
  if (m instanceof M.Loss) Object.assign(fields, { reduction: m.reduction, ignore_index: m.ignoreIndex, weight: m.weight });
  return name in fields ? fields[name] : undefined;
}

/**
 * `m.<name> = value`: Parameters and Modules are registered (in order, as torch does); returns
 * false for anything else, which the interpreter keeps as a plain attribute.
 */
export function setModuleAttribute(m: M.Module, name: string, value: unknown): boolean {
  if (value instanceof Tensor && value.isParameter) { m.registerParameter(name, value); return true; }
  if (value instanceof M.Module) { m.addModule(name, value); return true; }
  if (m.params.has(name)) {
    if (value === null) { m.params.set(name, null); return true; }
    throw typeErr(`cannot assign '${value instanceof Tensor ? `torch.${value.torchDType.scalarTypeName}Tensor` : pyTypeName(value)}' as parameter '${name}' (torch.nn.Parameter or None expected)`);
  }
  if (m.children.has(name)) {
    if (value === null) { m.children.set(name, null); return true; }
    throw typeErr(`cannot assign '${pyTypeName(value)}' as child module '${name}' (torch.nn.Module or None expected)`);
  }
  return false;
}

/** `m.<name>(*args)`: parameters(), named_parameters(), children(), train(), eval(), to(), … */
export function callModuleMethod(m: M.Module, name: string, args: PyArgs, kwargs: PyKwargs = {}): unknown {
  switch (name) {
    case 'forward': return callModule(m, args, kwargs);
    case '__call__': return callModule(m, args, kwargs);
    case 'parameters': return m.namedParameters().map(([, p]) => p);
    case 'named_parameters': return m.namedParameters().map(([k, p]) => new PyTuple([k, p]));
    case 'children': return [...m.children.values()].filter((c) => c !== null);
    case 'named_children': return [...m.children.entries()].filter(([, c]) => c !== null).map(([k, c]) => new PyTuple([k, c]));
    case 'modules': return m.allModules();
    case 'train': return m.train(args.length ? toBool(args[0]) : given(kwargs.mode) ? toBool(kwargs.mode) : true);
    case 'eval': return m.train(false);
    case 'zero_grad': return null;
    case 'requires_grad_': {
      const on = args.length ? toBool(args[0]) : given(kwargs.requires_grad) ? toBool(kwargs.requires_grad) : true;
      for (const [, p] of m.namedParameters()) p.requiresGrad = on;
      return m;
    }
    case 'cpu': return m;
    case 'cuda': checkDevice(new TorchDevice('cuda')); return m;
    case 'float': return m.castParameters('float32');
    case 'double': return m.castParameters('float64');
    case 'to': {
      for (const a of [...args, kwargs.dtype, kwargs.device]) {
        if (a instanceof TorchDType) m.castParameters(a.dtype);
        else if (typeof a === 'string' || a instanceof TorchDevice) checkDevice(parseDevice(a));
      }
      return m;
    }
    case 'add_module': case 'register_module': m.addModule(String(args[0]), (args[1] as M.Module) ?? null); return null;
    case 'register_parameter': m.registerParameter(String(args[0]), (args[1] as Tensor) ?? null); return null;
    case 'extra_repr': return m.extraRepr();
    case '__repr__': case '__str__': return m.repr();
    case '__len__':
      if (m instanceof M.Sequential) return m.length;
      break;
    case '__getitem__':
      if (m instanceof M.Sequential) {
        const i = args[0];
        if (typeof i === 'number') return m.at(i);
        if (i && typeof i === 'object' && 'start' in i) {
          const mods = [...m.children.values()].filter((c): c is M.Module => c !== null);
          const s = i as { start: number | null; stop: number | null; step: number | null };
          const n = mods.length, step = s.step ?? 1;
          const norm = (x: number | null, d: number) => (x === null ? d : x < 0 ? Math.max(x + n, 0) : Math.min(x, n));
          const out: M.Module[] = [];
          for (let k = norm(s.start, 0); k < norm(s.stop, n); k += step) out.push(mods[k]);
          return new M.Sequential(out);
        }
      }
      break;
    case '__iter__':
      if (m instanceof M.Sequential) return [...m.children.values()].filter((c) => c !== null);
      break;
    default: break;
  }
  throw err('AttributeError', `'${m.typeName}' object has no attribute '${name}'`);
}

// ---- printing --------------------------------------------------------------------------------

/** `repr(x)` for the facade's values (undefined for values that are not torch's). */
export function reprValue(x: unknown): string | undefined {
  if (x instanceof Tensor) return tensorRepr(x);
  if (x instanceof TorchSize) return sizeRepr(x);
  if (x instanceof ReturnTypes) return returnTypesRepr(x);
  if (x instanceof TorchDType) return String(x);
  if (x instanceof TorchDevice) return x.repr();
  if (x instanceof M.Module) return x.repr();
  if (x instanceof GradFn) return x.repr();
  return undefined;
}

/** `str(x)`: as repr, except a device prints as `cpu`. */
export function strValue(x: unknown): string | undefined {
  if (x instanceof TorchDevice) return x.toString();
  return reprValue(x);
}

export { getTorchPrintOptions };

/** Back to a fresh `import torch`: print options, default dtype, grad mode and the generator's seed. */
export function resetTorchState(): void {
  resetTorchPrintOptions();
  setDefaultDType('float32');
  setGradEnabled(true);
  C.resetGenerator();
}
