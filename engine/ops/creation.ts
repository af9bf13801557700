// Array creation: np.array/asarray from nested lists, zeros/ones/full/empty and their
// *_like forms, arange (NumPy's length and fill rules), linspace, eye/identity, diag.
// Shapes and dtypes follow NumPy 1.24; nothing here does arithmetic beyond filling.

import { allocateFloat64, DType, promoteTypes } from '../core/dtype';
import { emptyArray, NDArray, sizeOf } from '../core/ndarray';
import { assignBroadcast, castValue, copyInto } from '../core/cast';
import { ArrayMemoryError, NumpyError, valueError } from '../core/errors';
import { isPyScalar, NpScalar, Operand, PyFloat, pyScalarDType, pyScalarValue } from '../core/scalar';
import { shapeTextTuple } from '../shape/dim';

const GiB = 1024 ** 3;
/** Allocation budget per array; NumPy raises _ArrayMemoryError past what the OS gives. */
export let maxArrayBytes = 2 * GiB;
export function setMaxArrayBytes(n: number): void { maxArrayBytes = n; }

/** Checks a requested shape and size before allocating (NumPy's texts). */
export function checkedEmpty(shape: readonly number[], dtype: DType): NDArray {
  for (const d of shape) {
    if (!Number.isInteger(d)) throw new NumpyError('TypeError', `'float' object cannot be interpreted as an integer`);
    if (d < 0) throw valueError('negative dimensions are not allowed');
  }
  const n = sizeOf(shape);
  const itemsize = dtype === 'bool' || dtype === 'int8' || dtype === 'uint8' ? 1
    : dtype === 'int16' || dtype === 'uint16' ? 2 : dtype === 'int32' || dtype === 'uint32' || dtype === 'float32' ? 4 : 8;
  const bytes = n * itemsize;
  if (bytes > maxArrayBytes || !Number.isSafeInteger(n)) {
    throw new ArrayMemoryError(bytes, shape, dtype);
  }
  return emptyArray(shape, dtype);
}

// ---- np.array --------------------------------------------------------------------------

interface Discovered { shape: number[]; dtype: DType | undefined; ragged: boolean }

/** Finds the shape and dtype of nested lists; `ragged` means only a prefix of the shape is regular. */
function discover(x: unknown): Discovered {
  if (x instanceof NDArray) return { shape: [...x.shape], dtype: x.dtype, ragged: false };
  if (x instanceof NpScalar) return { shape: [], dtype: x.dtype, ragged: false };
  if (isPyScalar(x)) return { shape: [], dtype: pyScalarDType(x), ragged: false };
  if (!Array.isArray(x)) throw new NumpyError('TypeError', `cannot make an array from ${typeof x}`);
  if (x.length === 0) return { shape: [0], dtype: undefined, ragged: false };
  const parts = x.map(discover);
  let dtype: DType | undefined;
  for (const p of parts) if (p.dtype) dtype = dtype ? promoteTypes(dtype, p.dtype) : p.dtype;
  const first = parts[0].shape;
  let common = first.length;
  let ragged = parts[0].ragged;
  for (const p of parts) {
    let k = 0;
    while (k < common && k < p.shape.length && p.shape[k] === first[k]) k++;
    if (k < common || p.shape.length !== first.length || p.ragged) ragged = true;
    common = Math.min(common, k);
  }
  return { shape: [x.length, ...first.slice(0, common)], dtype, ragged };
}

function discoverChecked(x: unknown): Discovered {
  const d = discover(x);
  if (d.ragged) {
    throw valueError(`setting an array element with a sequence. The requested array has an inhomogeneous shape after ${d.shape.length} dimensions. The detected shape was ${shapeTextTuple(d.shape)} + inhomogeneous part.`);
  }
  return d;
}

function fill(out: NDArray, x: unknown, srcDtype: DType): void {
  const data = out.data;
  let k = 0;
  const to = out.dtype;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) { for (const e of v) walk(e); return; }
    if (v instanceof NDArray) {
      for (const e of v.toArray()) data[k++] = castValue(e, v.dtype, to);
      return;
    }
    if (v instanceof NpScalar) { data[k++] = castValue(v.value, v.dtype, to); return; }
    const s = v as number | boolean | PyFloat;
    const value = pyScalarValue(s);
    if (pyScalarDType(s) === 'float64' && to !== 'float32' && to !== 'float64' && to !== 'bool' && !Number.isFinite(value)) {
      // Python float → int goes through int(): NaN and inf are errors, not garbage
      if (value !== value) throw valueError('cannot convert float NaN to integer');
      throw new NumpyError('OverflowError', 'cannot convert float infinity to integer');
    }
    data[k++] = castValue(value, pyScalarDType(s), to);
  };
  void srcDtype;
  walk(x);
}

/** `np.array(obj, dtype=None)`: always a new C-contiguous array. */
export function array(obj: Operand | NpScalar, dtype?: DType): NDArray {
  if (obj instanceof NDArray) {
    const out = checkedEmpty(obj.shape, dtype ?? obj.dtype);
    copyInto(out, obj);
    return out;
  }
  const d = discoverChecked(obj);
  const dt = dtype ?? d.dtype ?? 'float64';
  const out = checkedEmpty(d.shape, dt);
  fill(out, obj, dt);
  return out;
}

/** `np.asarray(obj, dtype=None)`: no copy when `obj` already is an array of that dtype. */
export function asarray(obj: Operand | NpScalar, dtype?: DType): NDArray {
  if (obj instanceof NDArray && (dtype === undefined || dtype === obj.dtype)) return obj;
  return array(obj, dtype);
}

// ---- filled arrays ---------------------------------------------------------------------

export function full(shape: readonly number[], fillValue: Operand | NpScalar, dtype?: DType): NDArray {
  const v = fillValue instanceof NDArray || Array.isArray(fillValue) ? asarray(fillValue as Operand) : undefined;
  const dt = dtype ?? (v ? v.dtype : fillValue instanceof NpScalar ? fillValue.dtype : pyScalarDType(fillValue as number));
  const out = checkedEmpty(shape, dt);
  if (v) { assignBroadcast(out, v); return out; }
  const value = fillValue instanceof NpScalar ? castValue(fillValue.value, fillValue.dtype, dt)
    : castValue(pyScalarValue(fillValue as number), pyScalarDType(fillValue as number), dt);
  out.data.fill(value);
  return out;
}

export const zeros = (shape: readonly number[], dtype: DType = 'float64'): NDArray => checkedEmpty(shape, dtype);
export const empty = zeros;
export const ones = (shape: readonly number[], dtype: DType = 'float64'): NDArray => full(shape, 1, dtype);

export const zerosLike = (a: NDArray, dtype?: DType): NDArray => zeros(a.shape, dtype ?? a.dtype);
export const onesLike = (a: NDArray, dtype?: DType): NDArray => ones(a.shape, dtype ?? a.dtype);
export const fullLike = (a: NDArray, v: Operand | NpScalar, dtype?: DType): NDArray => full(a.shape, v, dtype ?? a.dtype);

// ---- ranges ----------------------------------------------------------------------------

const isFloatArg = (x: number | PyFloat | undefined): boolean =>
  x instanceof PyFloat || (typeof x === 'number' && !Number.isInteger(x));
const num = (x: number | PyFloat): number => (x instanceof PyFloat ? x.value : x);

/**
 * `np.arange(start, stop, step)`: length ceil((stop - start) / step); like NumPy, values
 * are start + i*delta with delta = (start + step) - start, so float steps round as NumPy's do.
 */
export function arange(startArg: number | PyFloat, stopArg?: number | PyFloat | null, stepArg?: number | PyFloat | null, dtype?: DType): NDArray {
  let start = num(startArg), stop: number, step = stepArg === undefined || stepArg === null ? 1 : num(stepArg);
  if (stopArg === undefined || stopArg === null) { stop = start; start = 0; } else stop = num(stopArg);
  const anyFloat = isFloatArg(startArg) || isFloatArg(stopArg ?? undefined) || isFloatArg(stepArg ?? undefined);
  const dt = dtype ?? (anyFloat ? 'float64' : 'int64');
  if (step === 0) throw new NumpyError('ZeroDivisionError', anyFloat ? 'float division by zero' : 'division by zero');
  const len = Math.max(0, Math.ceil((stop - start) / step));
  if (!Number.isFinite(len)) throw valueError('Maximum allowed size exceeded');
  if (dt === 'bool' && len > 2) throw new NumpyError('TypeError', 'arange() is only supported for booleans when the result has at most length 2.');
  const out = checkedEmpty([len], dt);
  if (len === 0) return out;
  const d = out.data;
  const v0 = castValue(start, 'float64', dt);
  d[0] = v0;
  if (len > 1) {
    const v1 = castValue(start + step, 'float64', dt);
    d[1] = v1;
    const delta = d[1] - d[0];
    const first = d[0];
    for (let i = 2; i < len; i++) d[i] = first + i * delta;
    if (dt !== 'float64' && dt !== 'float32') for (let i = 2; i < len; i++) d[i] = castValue(d[i], 'float64', dt);
  }
  return out;
}

/** `np.linspace(start, stop, num=50, endpoint=True)` with NumPy's formula (step multiply, last = stop). */
export function linspace(start: number, stop: number, n = 50, endpoint = true, dtype?: DType): NDArray {
  if (n < 0) throw valueError(`Number of samples, ${n}, must be non-negative.`);
  const div = endpoint ? n - 1 : n;
  const delta = stop - start;
  const y = allocateFloat64(n);
  const step = div > 0 ? delta / div : NaN;
  for (let i = 0; i < n; i++) {
    if (div > 0) y[i] = step === 0 ? (i / div) * delta : i * step;
    else y[i] = i * delta;
    y[i] += start;
  }
  if (endpoint && n > 1) y[n - 1] = stop;
  const dt = dtype ?? 'float64';
  const out = checkedEmpty([n], dt);
  const isInt = dt !== 'float64' && dt !== 'float32' && dt !== 'bool';
  for (let i = 0; i < n; i++) out.data[i] = castValue(isInt ? Math.floor(y[i]) : y[i], 'float64', dt);
  return out;
}

export function eye(n: number, m?: number | null, k = 0, dtype: DType = 'float64'): NDArray {
  const cols = m ?? n;
  const out = checkedEmpty([n, cols], dtype);
  for (let i = 0; i < n; i++) {
    const j = i + k;
    if (j >= 0 && j < cols) out.data[i * cols + j] = 1;
  }
  return out;
}

export const identity = (n: number, dtype: DType = 'float64'): NDArray => eye(n, n, 0, dtype);

/** `np.diag(v, k)`: 1-D → 2-D with v on diagonal k; 2-D → its k-th diagonal (a copy here). */
export function diag(v: NDArray, k = 0): NDArray {
  if (v.ndim === 1) {
    const n = v.shape[0] + Math.abs(k);
    const out = checkedEmpty([n, n], v.dtype);
    for (let i = 0; i < v.shape[0]; i++) {
      const r = k >= 0 ? i : i - k, c = k >= 0 ? i + k : i;
      out.data[r * n + c] = v.data[v.offset + i * v.strides[0]];
    }
    return out;
  }
  if (v.ndim === 2) {
    const [rows, cols] = v.shape;
    const len = Math.max(0, k >= 0 ? Math.min(rows, cols - k) : Math.min(rows + k, cols));
    const out = checkedEmpty([len], v.dtype);
    for (let i = 0; i < len; i++) {
      const r = k >= 0 ? i : i - k, c = k >= 0 ? i + k : i;
      out.data[i] = v.data[v.offset + r * v.strides[0] + c * v.strides[1]];
    }
    return out;
  }
  throw valueError('Input must be 1- or 2-d.');
}
