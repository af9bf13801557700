// torch.nn modules: the `Module` base (a registry of parameters and submodules in
// assignment order, train/eval, parameters(), repr in torch's nested format, `__call__` →
// forward) and the built-in layers Linear, Conv2d, MaxPool2d, ReLU, Sigmoid, Tanh, Softmax,
// LogSoftmax, Flatten, Dropout, Identity, Sequential, CrossEntropyLoss, MSELoss.
// Parameters are initialised as torch initialises them (kaiming_uniform_(a=sqrt(5)) on the
// weight, uniform ±1/sqrt(fan_in) on the bias, in that order) from torch's generator, so
// seeded layers hold torch's values. A user subclass (`class Net(nn.Module)`) is
// a plain Module whose `userForward` the interpreter sets to the Python forward method.

import { DType } from '../core/dtype';
import { astype } from '../core/cast';
import { NumpyError } from '../core/errors';
import { getDefaultDType, isFloatDType } from './dtype';
import { uniform } from './creation';
import { runtimeError, unary } from './elementwise';
import * as F from './functional';
import { flatten } from './shapeOps';
import { tensorRepr } from './format';
import { Tensor } from './tensor';

export type ForwardFn = (args: readonly unknown[], kwargs: Readonly<Record<string, unknown>>) => unknown;

/** Python's repr of a value inside extra_repr (ints, floats, tuples, None, bools, strings). */
export function pyReprSimple(x: unknown): string {
  if (x === null || x === undefined) return 'None';
  if (typeof x === 'boolean') return x ? 'True' : 'False';
  if (typeof x === 'string') return `'${x}'`;
  if (typeof x === 'number') return String(x);
  if (Array.isArray(x)) return x.length === 1 ? `(${pyReprSimple(x[0])},)` : `(${x.map(pyReprSimple).join(', ')})`;
  return String(x);
}

const floatRepr = (x: number): string => (Number.isInteger(x) ? `${x}.0` : String(x));

export class Module {
  readonly params = new Map<string, Tensor | null>();
  readonly children = new Map<string, Module | null>();
  training = true;
  /** the Python `forward` of a user subclass */
  userForward: ForwardFn | null = null;

  constructor(public typeName: string) {}

  /** The layer's own computation; built-ins override it. */
  forward(args: readonly unknown[], kwargs: Readonly<Record<string, unknown>>): unknown {
    if (this.userForward) return this.userForward(args, kwargs);
    throw new NumpyError('NotImplementedError', `Module [${this.typeName}] is missing the required "forward" function`);
  }

  /** torch's `extra_repr()`. */
  extraRepr(): string { return ''; }

  /** `module(*args)`. */
  call(args: readonly unknown[], kwargs: Readonly<Record<string, unknown>> = {}): unknown {
    return this.forward(args, kwargs);
  }

  /** Registers a parameter (`self.w = nn.Parameter(...)`). */
  registerParameter(name: string, p: Tensor | null): void {
    this.children.delete(name);
    this.params.set(name, p);
  }

  addModule(name: string, m: Module | null): void {
    this.params.delete(name);
    this.children.set(name, m);
  }

  /** `parameters()` in torch's order (own first, then children's), each once. */
  namedParameters(prefix = '', seen = new Set<Tensor>()): [string, Tensor][] {
    const out: [string, Tensor][] = [];
    for (const [k, p] of this.params) {
      if (p && !seen.has(p)) { seen.add(p); out.push([prefix + k, p]); }
    }
    for (const [k, m] of this.children) if (m) out.push(...m.namedParameters(`${prefix}${k}.`, seen));
    return out;
  }

  /** `modules()`: self first, then every descendant once. */
  allModules(seen = new Set<Module>()): Module[] {
    if (seen.has(this)) return [];
    seen.add(this);
    const out: Module[] = [this];
    for (const m of this.children.values()) if (m) out.push(...m.allModules(seen));
    return out;
  }

  train(mode = true): this {
    for (const m of this.allModules()) m.training = mode;
    return this;
  }

  /** `.to(dtype)` / `.double()` / `.float()`: casts floating parameters in place. */
  castParameters(dtype: DType): this {
    for (const m of this.allModules()) {
      for (const p of m.params.values()) if (p && isFloatDType(p.dtype) && p.dtype !== dtype) p.arr = astype(p.arr, dtype, 'C');
    }
    return this;
  }

  /** torch's Module.__repr__. */
  repr(): string {
    const extra = this.extraRepr();
    const extraLines = extra ? extra.split('\n') : [];
    const childLines: string[] = [];
    for (const [k, m] of this.children) childLines.push(`(${k}): ${addIndent(m ? m.repr() : 'None', 2)}`);
    const lines = [...extraLines, ...childLines];
    let main = `${this.typeName}(`;
    if (lines.length) {
      if (extraLines.length === 1 && childLines.length === 0) main += extraLines[0];
      else main += `\n  ${lines.join('\n  ')}\n`;
    }
    return `${main})`;
  }
}

function addIndent(s: string, n: number): string {
  const lines = s.split('\n');
  if (lines.length === 1) return s;
  const first = lines.shift() as string;
  return `${first}\n${lines.map((l) => ' '.repeat(n) + l).join('\n')}`;
}

/** `nn.Parameter(data, requires_grad=True)`: shares data's memory. */
export function parameter(data: Tensor, requiresGrad = true): Tensor {
  if (requiresGrad && !isFloatDType(data.dtype)) throw runtimeError('Only Tensors of floating point and complex dtype can require gradients');
  return new Tensor(data.arr, { requiresGrad, isParameter: true });
}

function uniformParam(shape: readonly number[], bound: number, dtype: DType): Tensor {
  return parameter(new Tensor(uniform(shape, -bound, bound, dtype)));
}

/** kaiming_uniform_(w, a=sqrt(5)) bound, computed in init.py's order of double operations. */
function kaimingBound(fanIn: number): number {
  if (fanIn <= 0) return 0;
  const a = Math.sqrt(5);
  const gain = Math.sqrt(2 / (1 + a ** 2));
  return Math.sqrt(3) * (gain / Math.sqrt(fanIn));
}

function one(args: readonly unknown[], name: string): Tensor {
  const x = args[0];
  if (!(x instanceof Tensor)) {
    throw new NumpyError('TypeError', `${name}(): argument 'input' (position 1) must be Tensor, not ${x === undefined ? 'NoneType' : typeof x === 'number' ? (Number.isInteger(x) ? 'int' : 'float') : Array.isArray(x) ? 'list' : typeof x}`);
  }
  return x;
}

// ---- layers ----------------------------------------------------------------------------------

export class Linear extends Module {
  constructor(readonly inFeatures: number, readonly outFeatures: number, bias = true, dtype: DType = getDefaultDType()) {
    super('Linear');
    const bound = inFeatures > 0 ? 1 / Math.sqrt(inFeatures) : 0;
    this.registerParameter('weight', uniformParam([outFeatures, inFeatures], kaimingBound(inFeatures), dtype));
    this.registerParameter('bias', bias ? uniformParam([outFeatures], bound, dtype) : null);
  }
  override forward(args: readonly unknown[]): unknown {
    return F.linear(one(args, 'linear'), this.params.get('weight') as Tensor, this.params.get('bias') ?? null);
  }
  override extraRepr(): string {
    return `in_features=${this.inFeatures}, out_features=${this.outFeatures}, bias=${this.params.get('bias') ? 'True' : 'False'}`;
  }
}

export type PairArg = number | readonly number[];
const pairOf = (x: PairArg): [number, number] => (typeof x === 'number' ? [x, x] : [x[0], x[x.length > 1 ? 1 : 0]]);

export class Conv2d extends Module {
  readonly kernelSize: [number, number];
  readonly stride: [number, number];
  readonly padding: [number, number] | 'same' | 'valid';
  readonly dilation: [number, number];
  constructor(
    readonly inChannels: number, readonly outChannels: number, kernelSize: PairArg, stride: PairArg = 1,
    padding: PairArg | 'same' | 'valid' = 0, dilation: PairArg = 1, readonly groups = 1, bias = true,
    readonly paddingMode = 'zeros', dtype: DType = getDefaultDType(),
  ) {
    super('Conv2d');
    if (groups <= 0) throw new NumpyError('ValueError', 'groups must be a positive integer');
    if (inChannels % groups !== 0) throw new NumpyError('ValueError', 'in_channels must be divisible by groups');
    if (outChannels % groups !== 0) throw new NumpyError('ValueError', 'out_channels must be divisible by groups');
    if (typeof padding === 'string' && padding !== 'same' && padding !== 'valid') {
      throw new NumpyError('ValueError', `Invalid padding string '${padding}', should be one of {'valid', 'same'}`);
    }
    this.kernelSize = pairOf(kernelSize);
    this.stride = pairOf(stride);
    if (padding === 'same' && (this.stride[0] !== 1 || this.stride[1] !== 1)) {
      throw new NumpyError('ValueError', "padding='same' is not supported for strided convolutions");
    }
    this.padding = typeof padding === 'string' ? padding : pairOf(padding);
    this.dilation = pairOf(dilation);
    if (paddingMode !== 'zeros') throw new NumpyError('NotImplementedError', `padding_mode='${paddingMode}' is not supported by Shape Lens`);
    const fanIn = (inChannels / groups) * this.kernelSize[0] * this.kernelSize[1];
    const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
    this.registerParameter('weight', uniformParam([outChannels, inChannels / groups, ...this.kernelSize], kaimingBound(fanIn), dtype));
    this.registerParameter('bias', bias ? uniformParam([outChannels], bound, dtype) : null);
  }
  override forward(args: readonly unknown[]): unknown {
    return F.conv2d(one(args, 'conv2d'), this.params.get('weight') as Tensor, this.params.get('bias') ?? null,
      { stride: this.stride, padding: this.padding, dilation: this.dilation, groups: this.groups });
  }
  override extraRepr(): string {
    const t = (p: readonly number[]) => `(${p.join(', ')})`;
    let s = `${this.inChannels}, ${this.outChannels}, kernel_size=${t(this.kernelSize)}, stride=${t(this.stride)}`;
    if (typeof this.padding === 'string') s += `, padding=${this.padding}`;
    else if (this.padding.some((p) => p !== 0)) s += `, padding=${t(this.padding)}`;
    if (this.dilation.some((d) => d !== 1)) s += `, dilation=${t(this.dilation)}`;
    if (this.groups !== 1) s += `, groups=${this.groups}`;
    if (!this.params.get('bias')) s += ', bias=False';
    return s;
  }
}

export class MaxPool2d extends Module {
  constructor(readonly kernelSize: PairArg, readonly stride: PairArg | null = null, readonly padding: PairArg = 0,
    readonly dilation: PairArg = 1, readonly returnIndices = false, readonly ceilMode = false) {
    super('MaxPool2d');
  }
  override forward(args: readonly unknown[]): unknown {
    const r = F.maxPool2d(one(args, 'max_pool2d'), { kernelSize: this.kernelSize, stride: this.stride ?? this.kernelSize, padding: this.padding, dilation: this.dilation, ceilMode: this.ceilMode }, this.returnIndices);
    return r;
  }
  override extraRepr(): string {
    return `kernel_size=${pyReprSimple(this.kernelSize)}, stride=${pyReprSimple(this.stride ?? this.kernelSize)}, padding=${pyReprSimple(this.padding)}, dilation=${pyReprSimple(this.dilation)}, ceil_mode=${this.ceilMode ? 'True' : 'False'}`;
  }
}

export class Activation extends Module {
  constructor(typeName: string, private readonly fn: (t: Tensor) => Tensor, readonly inplace = false) {
    super(typeName);
  }
  override forward(args: readonly unknown[]): unknown { return this.fn(one(args, this.typeName.toLowerCase())); }
  override extraRepr(): string { return this.inplace ? 'inplace=True' : ''; }
}

export class SoftmaxModule extends Module {
  constructor(typeName: 'Softmax' | 'LogSoftmax', readonly dim: number | null = null) { super(typeName); }
  override forward(args: readonly unknown[]): unknown {
    const x = one(args, 'softmax');
    return this.typeName === 'Softmax' ? F.softmax(x, this.dim) : F.logSoftmax(x, this.dim);
  }
  override extraRepr(): string { return `dim=${this.dim === null ? 'None' : this.dim}`; }
}

export class Flatten extends Module {
  constructor(readonly startDim = 1, readonly endDim = -1) { super('Flatten'); }
  override forward(args: readonly unknown[]): unknown { return flatten(one(args, 'flatten'), this.startDim, this.endDim); }
  override extraRepr(): string { return `start_dim=${this.startDim}, end_dim=${this.endDim}`; }
}

export class Dropout extends Module {
  constructor(readonly p = 0.5, readonly inplace = false) {
    super('Dropout');
    if (p < 0 || p > 1) throw new NumpyError('ValueError', `dropout probability has to be between 0 and 1, but got ${p}`);
  }
  override forward(args: readonly unknown[]): unknown { return F.dropout(one(args, 'dropout'), this.p, this.training); }
  override extraRepr(): string { return `p=${floatRepr(this.p)}, inplace=${this.inplace ? 'True' : 'False'}`; }
}

export class Identity extends Module {
  constructor() { super('Identity'); }
  override forward(args: readonly unknown[]): unknown { return args[0]; }
}

export class Sequential extends Module {
  constructor(mods: readonly Module[]) {
    super('Sequential');
    mods.forEach((m, i) => this.addModule(String(i), m));
  }
  override forward(args: readonly unknown[], kwargs: Readonly<Record<string, unknown>>): unknown {
    let x: unknown = args[0];
    let first = true;
    for (const m of this.children.values()) {
      if (!m) continue;
      x = first ? m.call(args, kwargs) : m.call([x]);
      first = false;
    }
    return first ? args[0] : x;
  }
  get length(): number { return this.children.size; }
  /** `seq[i]` (negative from the end). */
  at(i: number): Module {
    const mods = [...this.children.values()];
    const k = i < 0 ? i + mods.length : i;
    if (k < 0 || k >= mods.length) throw new NumpyError('IndexError', `index ${i} is out of range`);
    return mods[k] as Module;
  }
}

export class Loss extends Module {
  constructor(typeName: 'CrossEntropyLoss' | 'MSELoss' | 'NLLLoss', readonly weight: Tensor | null = null,
    readonly ignoreIndex = -100, readonly reduction = 'mean', readonly labelSmoothing = 0) {
    super(typeName);
  }
  override forward(args: readonly unknown[]): unknown {
    const input = one(args, this.typeName), target = args[1];
    if (!(target instanceof Tensor)) throw new NumpyError('TypeError', `${this.typeName}.forward() target must be a Tensor`);
    if (this.typeName === 'MSELoss') return F.mseLoss(input, target, this.reduction);
    if (this.typeName === 'NLLLoss') return F.nllLoss(input, target, this.weight, this.ignoreIndex, this.reduction);
    return F.crossEntropy(input, target, this.weight, this.ignoreIndex, this.reduction, this.labelSmoothing);
  }
}

/** The activation layers by name. */
export const ACTIVATIONS: Readonly<Record<string, (t: Tensor) => Tensor>> = {
  ReLU: (t) => unary('relu', t),
  Sigmoid: (t) => unary('sigmoid', t),
  Tanh: (t) => unary('tanh', t),
};

/** repr of a module's parameter, as `model.fc.weight` prints. */
export const parameterRepr = (p: Tensor): string => tensorRepr(p);
