// Conversions from Python values to what engine/random's samplers take, as pycall.ts receives
// them (integer number = int, PyFloat, PyTuple, JS array = list, NDArray, NpScalar; bigint for
// big ints): sizes, float parameters, integer counts and bounds, multinomial's pvals, with
// NumPy's TypeError texts for values it refuses.

import { DType } from '../core/dtype';
import { NDArray } from '../core/ndarray';
import { typeError } from '../core/errors';
import { isPyScalar, NestedList, NpScalar, Operand, PyFloat } from '../core/scalar';
import { PyTuple } from '../core/pyvalues';
import { asarray } from '../ops/creation';
import { astype } from '../core/cast';
import { FloatParam, Size } from './common';
import { IntParam } from './integers';
import { Pvals } from './multinomial';

export const isSeq = (x: unknown): x is readonly unknown[] | PyTuple => Array.isArray(x) || x instanceof PyTuple;
export const itemsOf = (x: readonly unknown[] | PyTuple): readonly unknown[] => (x instanceof PyTuple ? x.items : x);

export function pyTypeName(x: unknown): string {
  if (x instanceof PyFloat || (typeof x === 'number' && !Number.isInteger(x))) return 'float';
  if (typeof x === 'number' || typeof x === 'bigint') return 'int';
  if (typeof x === 'boolean') return 'bool';
  if (x === null || x === undefined) return 'NoneType';
  if (typeof x === 'string') return 'str';
  if (x instanceof PyTuple) return 'tuple';
  if (Array.isArray(x)) return 'list';
  if (x instanceof NpScalar) return `numpy.${x.dtype === 'bool' ? 'bool_' : x.dtype}`;
  if (x instanceof NDArray) return 'numpy.ndarray';
  return typeof x;
}

function pyFloatRepr(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return `${v}.0`;
  return String(v);
}

export function pyRepr(x: unknown): string {
  if (x instanceof PyFloat) return pyFloatRepr(x.value);
  if (typeof x === 'number') return Number.isInteger(x) ? String(x) : pyFloatRepr(x);
  if (typeof x === 'string') return `'${x}'`;
  return String(x);
}

/** Python int → number (exact below 2**53), for sizes and counts. */
export function toInt(x: unknown): number {
  if (typeof x === 'number' && Number.isInteger(x)) return x;
  if (typeof x === 'bigint') return Number(x);
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof NpScalar && x.dtype !== 'float32' && x.dtype !== 'float64') return x.value;
  throw typeError(`'${pyTypeName(x)}' object cannot be interpreted as an integer`);
}

/** `size`: None, an int, or a sequence of ints (as np.empty takes them). */
export function toSize(x: unknown): Size {
  if (x === undefined || x === null) return null;
  if (isSeq(x)) return itemsOf(x).map(toInt);
  if (x instanceof NDArray) return x.toArray();
  if (x instanceof PyFloat || (typeof x === 'number' && !Number.isInteger(x))) {
    throw typeError(`expected a sequence of integers or a single integer, got '${pyRepr(x)}'`);
  }
  return [toInt(x)];
}

/** Anything np.array takes, as an NDArray (lists and tuples alike). */
export function toNdarray(x: unknown, dtype?: DType): NDArray {
  const conv = (v: unknown): Operand | NpScalar => {
    if (isSeq(v)) return itemsOf(v).map(conv) as NestedList;
    if (typeof v === 'bigint') return Number(v);
    if (v instanceof NDArray || v instanceof NpScalar || isPyScalar(v)) return v;
    throw typeError(`could not convert ${pyTypeName(v)} to an array`);
  };
  if (x instanceof NDArray) return dtype && x.dtype !== dtype ? astype(x, dtype) : x;
  return asarray(conv(x), dtype);
}

/** A float parameter (`PyArray_FROM_OTF(x, NPY_DOUBLE)` / `PyFloat_AsDouble`). */
export function toFloatParam(x: unknown): FloatParam {
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint') return Number(x);
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof PyFloat || x instanceof NpScalar) return x.value;
  if (x instanceof NDArray || isSeq(x)) return toNdarray(x, 'float64');
  throw typeError(`must be real number, not ${pyTypeName(x)}`);
}

/**
 * hypergeometric's counts (`PyArray_FROM_OTF(x, NPY_INT64, NPY_ALIGNED)`, then `<int64_t>x`
 * for scalars): Python floats truncate, lists become int64 arrays, float ndarrays refuse.
 */
export function toCountParam(x: unknown): FloatParam {
  if (x instanceof NDArray) {
    if (x.dtype === 'float32' || x.dtype === 'float64' || x.dtype === 'uint64') {
      throw typeError(`Cannot cast array data from dtype('${x.dtype}') to dtype('int64') according to the rule 'safe'`);
    }
    return x.ndim === 0 ? x.data[x.offset] : x;
  }
  if (isSeq(x)) return astype(toNdarray(x), 'int64');
  const v = toFloatParam(x);
  return typeof v === 'number' ? Math.trunc(v) : v;
}

/** multinomial's pvals: float64 values, and the original when a narrower float ndarray (for its error text). */
export function toPvals(x: unknown): Pvals {
  const narrow = x instanceof NDArray && x.dtype === 'float32';
  return { p: toNdarray(x, 'float64'), narrowFloat: narrow ? x : null };
}

const scalarNumber = (v: FloatParam): number => (typeof v === 'number' ? v : v.data[v.offset]);

/** RandomState.multinomial's `np.npy_intp n`: an int, a float (truncated) or a one-element array. */
export function toIntp(x: unknown): number {
  const v = x instanceof NDArray && x.size === 1 ? x.data[x.offset] : x;
  if (v instanceof NDArray || isSeq(v) || typeof v === 'string') throw typeError('an integer is required');
  return Math.trunc(scalarNumber(toFloatParam(v)));
}

/** An integer bound for randint/integers: Python int, Python float (int() truncates) or array. */
export function toIntParam(x: unknown): IntParam {
  if (typeof x === 'number' || typeof x === 'bigint') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof PyFloat || x instanceof NpScalar) return x.value;
  if (x instanceof NDArray || isSeq(x)) return toNdarray(x);
  throw typeError(`int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(x)}'`);
}
