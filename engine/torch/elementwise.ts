// Elementwise tensor math with torch's rules: result dtype by torch.result_type (categories:
// dimensioned tensors, 0-d tensors, Python scalars), int true division and float functions
// of ints give the default float dtype, broadcasting with torch's error text, in-place ops
// that refuse a result dtype they cannot hold. Operands are cast to the computation dtype
// first and the engine's ufunc loops do the arithmetic (so float32 math rounds per op as
// torch's does). Shapes come from engine/shape/torch.ts.

import { DType } from '../core/dtype';
import { emptyArray, NDArray } from '../core/ndarray';
import { astype, castValue, copyInto } from '../core/cast';
import { NumpyError } from '../core/errors';
import { PyFloat, pyScalarDType, pyScalarValue } from '../core/scalar';
import { unwrap } from '../shape/result';
import { torchBroadcastAll, torchInplaceShape } from '../shape/torch';
import { applyUfunc } from '../ops/ufunc';
import { clip, where as npWhere } from '../ops/elementwise';
import { broadcastTo } from '../ops/manipulation';
import { getDefaultDType, isFloatDType, PromotionOperand, resultTypeTorch, canCastTorch, torchDType } from './dtype';
import { isGradEnabled, result } from './autograd';
import { Tensor } from './tensor';

/** A Python number as an operand (int: integer JS number; float: PyFloat or non-integer). */
export type Scalar = number | boolean | PyFloat;
export type Operand = Tensor | Scalar;

export const runtimeError = (msg: string): NumpyError => new NumpyError('RuntimeError', msg);

export function isScalar(x: unknown): x is Scalar {
  return typeof x === 'number' || typeof x === 'boolean' || x instanceof PyFloat;
}

export function promotionOf(x: Operand): PromotionOperand {
  if (x instanceof Tensor) return { kind: 'tensor', dtype: x.dtype, ndim: x.ndim };
  return { kind: 'scalar', dtype: pyScalarDType(x) };
}

/** The operand as an array of `dtype` (scalars become 0-d arrays, wrapped like C casts). */
export function asArrayOf(x: Operand, dtype: DType): NDArray {
  if (x instanceof Tensor) return x.arr.dtype === dtype ? x.arr : astype(x.arr, dtype);
  const a = emptyArray([], dtype);
  a.data[0] = castValue(pyScalarValue(x), pyScalarDType(x), dtype);
  return a;
}

const shapeOf = (x: Operand): readonly number[] => (x instanceof Tensor ? x.shape : []);

// ---- binary ops ----------------------------------------------------------------------------

export type BinaryName =
  | 'add' | 'sub' | 'mul' | 'div' | 'floor_divide' | 'remainder' | 'pow'
  | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'maximum' | 'minimum'
  | 'bitwise_and' | 'bitwise_or' | 'bitwise_xor' | 'logical_and' | 'logical_or' | 'logical_xor' | 'atan2';

interface BinaryDef {
  readonly ufunc: string;
  /** result is bool; computed in the common dtype */
  readonly compare?: boolean;
  /** integral inputs compute in the default float dtype (true division, atan2) */
  readonly floatOnly?: boolean;
  readonly grad?: string;
}

const BINARY: Record<BinaryName, BinaryDef> = {
  add: { ufunc: 'add', grad: 'AddBackward0' },
  sub: { ufunc: 'subtract', grad: 'SubBackward0' },
  mul: { ufunc: 'multiply', grad: 'MulBackward0' },
  div: { ufunc: 'divide', floatOnly: true, grad: 'DivBackward0' },
  floor_divide: { ufunc: 'floor_divide' },
  remainder: { ufunc: 'remainder', grad: 'RemainderBackward0' },
  pow: { ufunc: 'power', grad: 'PowBackward1' },
  eq: { ufunc: 'equal', compare: true }, ne: { ufunc: 'not_equal', compare: true },
  lt: { ufunc: 'less', compare: true }, le: { ufunc: 'less_equal', compare: true },
  gt: { ufunc: 'greater', compare: true }, ge: { ufunc: 'greater_equal', compare: true },
  maximum: { ufunc: 'maximum', grad: 'MaximumBackward0' },
  minimum: { ufunc: 'minimum', grad: 'MinimumBackward0' },
  bitwise_and: { ufunc: 'bitwise_and' }, bitwise_or: { ufunc: 'bitwise_or' }, bitwise_xor: { ufunc: 'bitwise_xor' },
  logical_and: { ufunc: 'logical_and', compare: true }, logical_or: { ufunc: 'logical_or', compare: true },
  logical_xor: { ufunc: 'logical_xor', compare: true },
  atan2: { ufunc: 'arctan2', floatOnly: true, grad: 'Atan2Backward0' },
};

/** The dtype the op computes in (before comparisons turn it into bool). */
export function binaryComputeType(name: BinaryName, a: Operand, b: Operand): DType {
  const common = resultTypeTorch([promotionOf(a), promotionOf(b)]);
  if (BINARY[name].floatOnly && !isFloatDType(common)) return getDefaultDType();
  return common;
}

function checkBinary(name: BinaryName, a: Operand, b: Operand, common: DType): void {
  const da = promotionOf(a).dtype, db = promotionOf(b).dtype;
  if (name === 'sub') {
    if (da === 'bool' && db === 'bool') {
      throw runtimeError('Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.');
    }
    if (da === 'bool' || db === 'bool') {
      throw runtimeError('Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.');
    }
  }
  if ((name === 'floor_divide' || name === 'remainder') && common === 'bool') {
    throw runtimeError(`"${name === 'floor_divide' ? 'div_floor_cpu' : 'remainder_cpu'}" not implemented for 'Bool'`);
  }
  if ((name === 'floor_divide' || name === 'remainder') && !isFloatDType(common)) {
    const divisor = b instanceof Tensor ? b.arr.toArray() : [pyScalarValue(b)];
    if (divisor.some((v) => v === 0)) throw runtimeError('ZeroDivisionError');
  }
  if (name.startsWith('bitwise') && isFloatDType(common)) {
    throw runtimeError(`"${name}_cpu" not implemented for '${torchDType(common).scalarTypeName}'`);
  }
  if (name === 'pow' && !isFloatDType(common) && !(b instanceof Tensor) && pyScalarValue(b) < 0) {
    throw runtimeError('Integers to negative integer powers are not allowed.');
  }
}

/** Integer power with a tensor exponent: torch computes it (1/2 → 0), unlike NumPy's error. */
function intPow(x: NDArray, y: NDArray, dtype: DType): NDArray {
  const shape = unwrap(torchBroadcastAll([x.shape, y.shape])) as number[];
  const xs = broadcastTo(x, shape).toArray(), ys = broadcastTo(y, shape).toArray();
  const out = emptyArray(shape, dtype);
  for (let i = 0; i < xs.length; i++) {
    const base = xs[i], e = ys[i];
    let v: number;
    if (e < 0) v = base === 1 ? 1 : base === -1 ? (e % 2 === 0 ? 1 : -1) : 0;
    else {
      let r = 1n;
      const b = BigInt(base);
      for (let k = 0; k < e; k++) r *= b;
      v = Number(BigInt.asIntN(64, r));
    }
    out.data[i] = castValue(v, 'int64', dtype);
  }
  return out;
}

/** torch's float remainder: fmod, moved into the divisor's sign (a zero keeps fmod's sign). */
function floatRemainder(x: NDArray, y: NDArray, dtype: DType): NDArray {
  const shape = unwrap(torchBroadcastAll([x.shape, y.shape])) as number[];
  const xs = broadcastTo(x, shape).toArray(), ys = broadcastTo(y, shape).toArray();
  const out = emptyArray(shape, dtype);
  for (let i = 0; i < xs.length; i++) {
    const b = ys[i];
    let m = xs[i] % b;
    if (m !== 0 && (b < 0) !== (m < 0)) m += b;
    out.data[i] = m;
  }
  return out;
}

function compute(name: BinaryName, a: Operand, b: Operand, dtype: DType): NDArray {
  const def = BINARY[name];
  const x = asArrayOf(a, dtype), y = asArrayOf(b, dtype);
  if (name === 'remainder' && isFloatDType(dtype)) return floatRemainder(x, y, dtype);
  if (name === 'pow' && !isFloatDType(dtype) && dtype !== 'bool' && y.toArray().some((v) => v < 0)) return intPow(x, y, dtype);
  if (name === 'pow' && dtype === 'bool') return intPow(x, y, 'bool');
  const r = applyUfunc(def.ufunc, x, y);
  if (!def.compare && r.dtype !== dtype) return astype(r, dtype);
  return r;
}

/**
 * `a + b`, `torch.add(a, b)` and the rest: `binary('add', t, 1.5)`. At least one operand
 * is a Tensor. `gradFn` overrides the op's own name (`1 - t` is RsubBackward1).
 */
export function binary(name: BinaryName, a: Operand, b: Operand, gradFn?: string): Tensor {
  const dtype = binaryComputeType(name, a, b);
  checkBinary(name, a, b, dtype);
  unwrap(torchBroadcastAll([shapeOf(a), shapeOf(b)]));
  const r = compute(name, a, b, dtype);
  const def = BINARY[name];
  let grad = gradFn ?? def.grad ?? `${name}`;
  if (name === 'pow' && !(b instanceof Tensor) && gradFn === undefined) grad = 'PowBackward0';
  return result(r, [a, b], grad);
}

/**
 * `t += b` / `t.add_(b)`: computed in the common dtype, then stored into `t` (which must be
 * able to hold it: torch refuses float results in int tensors) at `t`'s own shape.
 */
export function binaryInplace(name: BinaryName, t: Tensor, b: Operand): Tensor {
  checkLeafInplace(t);
  const dtype = binaryComputeType(name, t, b);
  checkBinary(name, t, b, dtype);
  unwrap(torchInplaceShape(t.shape, [t.shape, shapeOf(b)]));
  const resDtype = BINARY[name].compare ? 'bool' : dtype;
  if (!canCastTorch(resDtype, t.dtype)) {
    throw runtimeError(`result type ${torchDType(resDtype).scalarTypeName} can't be cast to the desired output type ${torchDType(t.dtype).scalarTypeName}`);
  }
  const r = compute(name, t, b, dtype);
  copyInto(t.arr, r);
  if (!isGradEnabled()) return t;
  if (!t.requiresGrad && b instanceof Tensor && b.requiresGrad && isFloatDType(t.dtype)) {
    t.requiresGrad = true;
    t.gradFn = BINARY[name].grad ?? null;
  } else if (t.requiresGrad) {
    t.gradFn = BINARY[name].grad ?? t.gradFn;
  }
  return t;
}

export function checkLeafInplace(t: Tensor): void {
  if (t.requiresGrad && t.isLeaf && isGradEnabled()) {
    throw runtimeError('a leaf Variable that requires grad is being used in an in-place operation.');
  }
}

// ---- unary ops -----------------------------------------------------------------------------

export type UnaryName =
  | 'neg' | 'abs' | 'exp' | 'log' | 'log2' | 'log10' | 'log1p' | 'expm1' | 'sqrt' | 'rsqrt' | 'sin' | 'cos' | 'tan'
  | 'tanh' | 'sigmoid' | 'relu' | 'floor' | 'ceil' | 'round' | 'trunc' | 'sign' | 'square' | 'reciprocal'
  | 'logical_not' | 'bitwise_not' | 'isnan' | 'isinf' | 'isfinite' | 'asin' | 'acos' | 'atan' | 'sinh' | 'cosh';

interface UnaryDef {
  /** an engine ufunc, or a custom kernel */
  readonly ufunc?: string;
  readonly kernel?: (v: number) => number;
  /** integral inputs are computed in the default float dtype */
  readonly float?: boolean;
  readonly boolOut?: boolean;
  /** torch's error for bool input (null: bool is fine) */
  readonly boolError?: string;
  readonly grad?: string;
}

const FLOAT_FNS: Partial<Record<UnaryName, string>> = {
  exp: 'exp', log: 'log', log2: 'log2', log10: 'log10', log1p: 'log1p', expm1: 'expm1', sqrt: 'sqrt', sin: 'sin',
  cos: 'cos', tan: 'tan', tanh: 'tanh', asin: 'arcsin', acos: 'arccos', atan: 'arctan', sinh: 'sinh', cosh: 'cosh',
};

const UNARY = {
  ...Object.fromEntries(Object.entries(FLOAT_FNS).map(([k, uf]) => [k, { ufunc: uf, float: true, grad: `${k[0].toUpperCase()}${k.slice(1)}Backward0` }])) as Record<string, UnaryDef>,
  neg: {
    ufunc: 'negative', grad: 'NegBackward0',
    boolError: 'Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.',
  },
  abs: { ufunc: 'absolute', grad: 'AbsBackward0', boolError: '"abs_cpu" not implemented for \'Bool\'' },
  rsqrt: { kernel: (v) => 1 / Math.sqrt(v), float: true, grad: 'RsqrtBackward0' },
  sigmoid: { kernel: (v) => 1 / (1 + Math.exp(-v)), float: true, grad: 'SigmoidBackward0' },
  // clamp_min(x, 0): -0.0 and NaN pass through
  relu: { kernel: (v) => (v < 0 ? 0 : v), grad: 'ReluBackward0', boolError: 'Boolean inputs not supported for relu' },
  floor: { ufunc: 'floor', grad: 'FloorBackward0', boolError: '"floor_vml_cpu" not implemented for \'Bool\'' },
  ceil: { ufunc: 'ceil', grad: 'CeilBackward0', boolError: '"ceil_vml_cpu" not implemented for \'Bool\'' },
  round: { ufunc: 'rint', grad: 'RoundBackward0', boolError: '"round_vml_cpu" not implemented for \'Bool\'' },
  trunc: { ufunc: 'trunc', grad: 'TruncBackward0', boolError: '"trunc_vml_cpu" not implemented for \'Bool\'' },
  // (0 < x) - (x < 0): NaN and -0.0 give +0
  sign: { kernel: (v) => (v > 0 ? 1 : 0) - (v < 0 ? 1 : 0), grad: 'SignBackward0' },
  square: { grad: 'PowBackward0' },
  reciprocal: { kernel: (v) => 1 / v, float: true, grad: 'ReciprocalBackward0' },
  logical_not: { ufunc: 'logical_not', boolOut: true },
  bitwise_not: { ufunc: 'invert', boolError: undefined },
  isnan: { ufunc: 'isnan', boolOut: true },
  isinf: { ufunc: 'isinf', boolOut: true },
  isfinite: { ufunc: 'isfinite', boolOut: true },
} as Record<UnaryName, UnaryDef>;

/** `torch.exp(t)`, `t.relu()`, `-t` … */
export function unary(name: UnaryName, t: Tensor): Tensor {
  const def = UNARY[name];
  // torch.square is pow(x, 2): bool squares to int64
  if (name === 'square') return binary('pow', t, 2);
  if (t.dtype === 'bool' && def.boolError) throw runtimeError(def.boolError);
  let x = t.arr;
  if (def.float && !isFloatDType(x.dtype)) x = astype(x, getDefaultDType());
  // integer floor/ceil/round/trunc are the identity in torch
  if (!isFloatDType(x.dtype) && (name === 'floor' || name === 'ceil' || name === 'round' || name === 'trunc')) {
    return result(astype(x, x.dtype), [t], def.grad ?? name);
  }
  if (name === 'bitwise_not' && isFloatDType(x.dtype)) {
    throw runtimeError(`"bitwise_not_cpu" not implemented for '${torchDType(x.dtype).scalarTypeName}'`);
  }
  let out: NDArray;
  if (def.ufunc) {
    out = applyUfunc(def.ufunc, x);
    if (!def.boolOut && out.dtype !== x.dtype) out = astype(out, x.dtype);
  } else {
    // kernels return values of x's dtype (float kernels only see float inputs), so a plain store is the cast
    out = emptyArray(x.shape, x.dtype);
    const vals = x.toArray();
    const k = def.kernel as (v: number) => number;
    const d = out.data;
    for (let i = 0; i < vals.length; i++) d[i] = k(vals[i]);
  }
  return result(out, [t], def.grad ?? name);
}

/** In-place unary (`t.relu_()`, `t.exp_()`): float results into an int tensor are refused. */
export function unaryInplace(name: UnaryName, t: Tensor): Tensor {
  checkLeafInplace(t);
  const r = unary(name, t);
  if (!canCastTorch(r.dtype, t.dtype)) {
    throw runtimeError(`result type ${torchDType(r.dtype).scalarTypeName} can't be cast to the desired output type ${torchDType(t.dtype).scalarTypeName}`);
  }
  copyInto(t.arr, r.arr);
  return t;
}

// ---- clamp / where -------------------------------------------------------------------------

/**
 * `torch.clamp(t, min=None, max=None)`: the bounds take part in type promotion (an int
 * tensor clamped at 0.5 becomes float32); NaN stays NaN; min > max gives max.
 */
export function clamp(t: Tensor, min: Operand | null, max: Operand | null): Tensor {
  if (min === null && max === null) throw runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
  const ops: Operand[] = [t, ...(min === null ? [] : [min]), ...(max === null ? [] : [max])];
  const dtype = resultTypeTorch(ops.map(promotionOf));
  if (dtype === 'bool') throw runtimeError('"clamp_cpu" not implemented for \'Bool\'');
  unwrap(torchBroadcastAll(ops.map(shapeOf)));
  const x = asArrayOf(t, dtype);
  const lo = min === null ? null : asArrayOf(min, dtype), hi = max === null ? null : asArrayOf(max, dtype);
  let out: NDArray;
  if (lo && hi) {
    // torch: min(max(x, lo), hi) with NaN of x propagating
    out = clip(x, lo, hi);
    if (out.dtype !== dtype) out = astype(out, dtype);
  } else {
    out = applyUfunc(lo ? 'maximum' : 'minimum', x, (lo ?? hi) as NDArray);
  }
  const grad = min instanceof Tensor || max instanceof Tensor ? 'ClampBackward0' : 'ClampBackward1';
  return result(out, ops, grad);
}

/** `torch.where(condition, x, y)`: condition must be bool; dtype is result_type(x, y). */
export function where(cond: Tensor, x: Operand, y: Operand): Tensor {
  if (cond.dtype !== 'bool' && cond.dtype !== 'uint8') {
    throw runtimeError(`where expected condition to be a boolean tensor, but got a tensor with dtype ${torchDType(cond.dtype).scalarTypeName}`);
  }
  const dtype = resultTypeTorch([promotionOf(x), promotionOf(y)]);
  unwrap(torchBroadcastAll([cond.shape, shapeOf(x), shapeOf(y)]));
  const out = npWhere(cond.arr, asArrayOf(x, dtype), asArrayOf(y, dtype));
  return result(out.dtype === dtype ? out : astype(out, dtype), [x, y], 'WhereBackward0');
}
