// torch dtypes over the engine's storage types, and torch 1.13's type promotion, which is
// not NumPy's: int + float gives the float (`int64 + float32` → float32), and operands rank by
// category — dimensioned tensors over 0-d tensors over Python scalars — so a 0-d float64
// tensor does not widen a float32 tensor, and a Python float makes an int tensor the default
// float dtype (float32). Pure data and functions; knows nothing of tensors or printing.

import { DType, promoteTypes } from '../core/dtype';
import { NumpyError } from '../core/errors';

/** The engine dtypes torch 1.13 has (no uint16/32/64; float16/complex are not stored). */
export type TorchDTypeName = 'bool' | 'uint8' | 'int8' | 'int16' | 'int32' | 'int64' | 'float32' | 'float64';

/**
 * `torch.float32` and friends as Python values: one shared instance per dtype, so identity
 * (`t.dtype is torch.float32`) and `==` both work. `str()`/`repr()` is `torch.float32`.
 */
export class TorchDType {
  private constructor(
    readonly name: TorchDTypeName,
    /** c10's ScalarType name used in error texts: Float, Double, Long … */
    readonly scalarTypeName: string,
    /** caffe2 TypeMeta name used in some kernel errors ("Input type (double) and bias type (float)") */
    readonly cName: string,
  ) {}

  get dtype(): DType { return this.name; }
  get isFloatingPoint(): boolean { return this.name === 'float32' || this.name === 'float64'; }
  get isSigned(): boolean { return this.name !== 'bool' && this.name !== 'uint8'; }
  toString(): string { return `torch.${this.name}`; }

  static readonly ALL: Readonly<Record<TorchDTypeName, TorchDType>> = {
    bool: new TorchDType('bool', 'Bool', 'bool'),
    uint8: new TorchDType('uint8', 'Byte', 'unsigned char'),
    int8: new TorchDType('int8', 'Char', 'signed char'),
    int16: new TorchDType('int16', 'Short', 'short int'),
    int32: new TorchDType('int32', 'Int', 'int'),
    int64: new TorchDType('int64', 'Long', 'long int'),
    float32: new TorchDType('float32', 'Float', 'float'),
    float64: new TorchDType('float64', 'Double', 'double'),
  };
}

export const TORCH_DTYPES = TorchDType.ALL;

/** `torch.<attr>` names that are dtypes (`torch.float`, `torch.long` …). */
export const DTYPE_ATTRIBUTES: Readonly<Record<string, TorchDTypeName>> = {
  float32: 'float32', float: 'float32', float64: 'float64', double: 'float64',
  int64: 'int64', long: 'int64', int32: 'int32', int: 'int32', int16: 'int16', short: 'int16',
  int8: 'int8', uint8: 'uint8', bool: 'bool',
};

/** Dtypes torch has but the engine does not store: named so the error can say so. */
const UNSUPPORTED = new Set(['float16', 'half', 'bfloat16', 'complex64', 'complex128', 'cfloat', 'cdouble', 'complex32', 'chalf']);

export function isUnsupportedTorchDTypeName(name: string): boolean {
  return UNSUPPORTED.has(name);
}

export function unsupportedDType(name: string): NumpyError {
  return new NumpyError('NotImplementedError', `torch.${name} is not supported by Shape Lens (float32, float64, int8/16/32/64, uint8 and bool are)`);
}

export function torchDType(name: DType): TorchDType {
  const d = (TORCH_DTYPES as Record<string, TorchDType | undefined>)[name];
  if (!d) throw new NumpyError('TypeError', `torch has no dtype ${name}`);
  return d;
}

export function isTorchDTypeName(name: string): name is TorchDTypeName {
  return Object.prototype.hasOwnProperty.call(TORCH_DTYPES, name);
}

// ---- default dtype ------------------------------------------------------------------------

let defaultFloat: 'float32' | 'float64' = 'float32';

/** `torch.get_default_dtype()`: what Python floats and int true division become. */
export function getDefaultDType(): 'float32' | 'float64' { return defaultFloat; }

export function setDefaultDType(d: DType): void {
  if (d !== 'float32' && d !== 'float64') {
    throw new NumpyError('TypeError', 'only floating-point types are supported as the default type');
  }
  defaultFloat = d;
}

// ---- promotion ------------------------------------------------------------------------------

export const isFloatDType = (d: DType): boolean => d === 'float32' || d === 'float64';
export const isIntegralDType = (d: DType, includeBool: boolean): boolean => (d === 'bool' ? includeBool : !isFloatDType(d));

/** `torch.promote_types(a, b)`: NumPy's table except that int with float gives the float. */
export function promoteTypesTorch(a: DType, b: DType): DType {
  if (a === b) return a;
  const fa = isFloatDType(a), fb = isFloatDType(b);
  if (fa && !fb) return a;
  if (fb && !fa) return b;
  return promoteTypes(a, b);
}

/** One operand as torch's result_type sees it. */
export type PromotionOperand =
  | { readonly kind: 'tensor'; readonly dtype: DType; readonly ndim: number }
  /** a Python number ("wrapped number"): int → int64, float → the default dtype, bool → bool */
  | { readonly kind: 'scalar'; readonly dtype: DType };

/** c10's combine_categories(higher, lower). */
function combine(higher: DType | undefined, lower: DType | undefined): DType | undefined {
  if (higher === undefined) return lower;
  if (lower === undefined) return higher;
  if (isFloatDType(higher)) return higher;
  if (higher === 'bool' || isFloatDType(lower)) return promoteTypesTorch(higher, lower);
  return higher;
}

/**
 * `torch.result_type(*operands)`: dimensioned tensors, then 0-d tensors, then Python
 * scalars; a lower class only matters when its category is higher.
 *   float32[3] + float64 0-d → float32;   int64[3] + 2.5 → float32;   bool[2] + 1 → int64
 */
export function resultTypeTorch(ops: readonly PromotionOperand[]): DType {
  let dim: DType | undefined, zero: DType | undefined, wrapped: DType | undefined;
  const up = (acc: DType | undefined, d: DType) => (acc === undefined ? d : promoteTypesTorch(acc, d));
  for (const o of ops) {
    if (o.kind === 'scalar') {
      wrapped = up(wrapped, isFloatDType(o.dtype) ? defaultFloat : o.dtype);
    } else if (o.ndim > 0) {
      dim = up(dim, o.dtype);
    } else {
      zero = up(zero, o.dtype);
    }
  }
  const r = combine(dim, combine(zero, wrapped));
  if (r === undefined) throw new Error('internal error: result type of no operands');
  return r;
}

/** c10::canCast: no float → integral, no non-bool → bool (torch's in-place/out= rule). */
export function canCastTorch(from: DType, to: DType): boolean {
  if (isFloatDType(from) && !isFloatDType(to)) return false;
  if (from !== 'bool' && to === 'bool') return false;
  return true;
}
