// Creating tensors: torch.tensor (dtype inference: any float → the default float dtype,
// else int64, else bool; NumPy inputs keep their dtype), torch.from_numpy / as_tensor
// (sharing the NDArray's memory), zeros/ones/empty/full and their _like forms, arange,
// linspace, eye, and the random constructors rand/randn/randint/randperm on a module-level
// generator that torch.manual_seed reseeds (random.ts: torch's mt19937 and sampling rules).

import { DType, dtypeInfo } from '../core/dtype';
import { emptyArray, NDArray } from '../core/ndarray';
import { astype, castValue } from '../core/cast';
import { NumpyError } from '../core/errors';
import { PyTuple } from '../core/pyvalues';
import { NpScalar, PyFloat } from '../core/scalar';
import { defaultGenerator } from './random';
import { fmaf } from './avxMathfun';
import { fma } from '../random/libm';
import { getDefaultDType, isFloatDType, isTorchDTypeName, promoteTypesTorch } from './dtype';
import { runtimeError, Scalar } from './elementwise';
import { Tensor } from './tensor';

export interface CreateOptions {
  dtype?: DType;
  requiresGrad?: boolean;
}

function finish(arr: NDArray, o: CreateOptions = {}): Tensor {
  if (o.requiresGrad) {
    if (!isFloatDType(arr.dtype)) throw runtimeError('Only Tensors of floating point and complex dtype can require gradients');
    return new Tensor(arr, { requiresGrad: true });
  }
  return new Tensor(arr);
}

/** The dtype torch gives a lone Python number. */
export function scalarDType(x: Scalar): DType {
  if (typeof x === 'boolean') return 'bool';
  if (x instanceof PyFloat || !Number.isInteger(x)) return getDefaultDType();
  return 'int64';
}

const scalarValue = (x: Scalar): number => (typeof x === 'boolean' ? (x ? 1 : 0) : x instanceof PyFloat ? x.value : x);

// ---- torch.tensor ----------------------------------------------------------------------------

interface Leaf { value: number; dtype: DType; py?: boolean }

const isSeq = (x: unknown): x is readonly unknown[] | PyTuple => Array.isArray(x) || x instanceof PyTuple;
const seqItems = (x: readonly unknown[] | PyTuple): readonly unknown[] => (x instanceof PyTuple ? x.items : x);

/** Shape of nested data, with torch's error for ragged input. */
function discoverShape(x: unknown, dim: number, shape: number[]): void {
  if (x instanceof NDArray || x instanceof Tensor) {
    const a = x instanceof Tensor ? x.arr : x;
    if (x instanceof Tensor && dim > 0 && a.ndim > 0) throw new NumpyError('ValueError', 'only one element tensors can be converted to Python scalars');
    shape.push(...a.shape);
    return;
  }
  if (!isSeq(x)) return;
  const items = seqItems(x);
  shape.push(items.length);
  if (items.length > 0) discoverShape(items[0], dim + 1, shape);
}

function flatten(x: unknown, dim: number, shape: readonly number[], out: Leaf[]): void {
  if (dim === shape.length) {
    if (isSeq(x)) throw new NumpyError('ValueError', `expected sequence of length ${shape[dim - 1] ?? 0} at dim ${dim} (got ${seqItems(x).length})`);
    out.push(leafOf(x));
    return;
  }
  if (x instanceof NDArray || x instanceof Tensor) {
    const a = x instanceof Tensor ? x.arr : x;
    for (const v of a.toArray()) out.push({ value: v, dtype: a.dtype });
    return;
  }
  if (!isSeq(x)) throw new NumpyError('TypeError', 'not a sequence');
  const items = seqItems(x);
  if (items.length !== shape[dim]) {
    throw new NumpyError('ValueError', `expected sequence of length ${shape[dim]} at dim ${dim} (got ${items.length})`);
  }
  for (const it of items) flatten(it, dim + 1, shape, out);
}

function leafOf(x: unknown): Leaf {
  if (typeof x === 'number' || typeof x === 'boolean' || x instanceof PyFloat) return { value: scalarValue(x), dtype: scalarDType(x), py: true };
  if (x instanceof NpScalar) return { value: x.value, dtype: x.dtype };
  if (x instanceof Tensor || x instanceof NDArray) {
    const a = x instanceof Tensor ? x.arr : x;
    if (a.size !== 1) throw new NumpyError('ValueError', 'only one element tensors can be converted to Python scalars');
    return { value: a.data[a.offset], dtype: a.dtype };
  }
  throw new NumpyError('TypeError', `Could not infer dtype of ${x === null ? 'NoneType' : typeof x}`);
}

/**
 * `torch.tensor(data, dtype=None, requires_grad=False)`: always a copy.
 *   tensor([1., 2.]) → float32;  tensor([1, 2]) → int64;  tensor(np.arange(3.)) → float64
 */
export function tensor(data: unknown, o: CreateOptions = {}): Tensor {
  if (data instanceof NDArray || data instanceof Tensor) {
    const a = data instanceof Tensor ? data.arr : data;
    checkNumpyDType(a.dtype);
    return finish(astype(a, o.dtype ?? a.dtype, 'C'), o);
  }
  const shape: number[] = [];
  discoverShape(data, 0, shape);
  const leaves: Leaf[] = [];
  flatten(data, 0, shape, leaves);
  let inferred: DType | undefined;
  for (const l of leaves) inferred = inferred === undefined ? l.dtype : promoteTypesTorch(inferred, l.dtype);
  const dtype = o.dtype ?? inferred ?? getDefaultDType();
  const out = emptyArray(shape, dtype);
  leaves.forEach((l, i) => {
    if (l.py && overflows(l, dtype)) throw runtimeError(`value cannot be converted to type ${dtype} without overflow`);
    out.data[i] = castValue(l.value, l.dtype, dtype);
  });
  return finish(out, o);
}

/** c10::overflows for a Python number stored as `to` (negative ints may wrap into unsigned). */
function overflows(l: Leaf, to: DType): boolean {
  if (to === 'bool') return false;
  const { min, max } = dtypeInfo(to);
  const v = l.value;
  if (isFloatDType(l.dtype)) {
    if (isFloatDType(to)) return Number.isFinite(v) && (v < min || v > max);
    return v !== v || v < min || v > max;
  }
  if (to === 'uint8') return v > max || (v < 0 && -v > max);
  return v < min || v > max;
}

/** The NumPy dtypes torch accepts (torch 1.13 has no uint16/32/64). */
function checkNumpyDType(d: DType): void {
  if (!isTorchDTypeName(d)) {
    throw new NumpyError('TypeError', `can't convert np.ndarray of type numpy.${d}. The only supported types are: float64, float32, float16, complex64, complex128, int64, int32, int16, int8, uint8, and bool.`);
  }
}

/** `torch.from_numpy(x)`: shares x's memory (writes either way are seen by both). */
export function fromNumpy(x: unknown): Tensor {
  if (!(x instanceof NDArray)) {
    const got = Array.isArray(x) ? 'list' : x instanceof PyTuple ? 'tuple' : x instanceof Tensor ? 'Tensor' : typeof x === 'number' ? (Number.isInteger(x) ? 'int' : 'float') : String(typeof x);
    throw new NumpyError('TypeError', `expected np.ndarray (got ${got})`);
  }
  checkNumpyDType(x.dtype);
  if (x.strides.some((s, i) => s < 0 && x.shape[i] > 1)) {
    throw new NumpyError('ValueError', 'At least one stride in the given numpy array is negative, and tensors with negative strides are not currently supported. (You can probably work around this by making a copy of your array  with array.copy().) ');
  }
  return new Tensor(x.view(x.shape, x.strides, x.offset, true));
}

/** `torch.as_tensor(data, dtype=None)`: no copy when data already has the dtype. */
export function asTensor(data: unknown, o: CreateOptions = {}): Tensor {
  if (data instanceof Tensor && (o.dtype === undefined || o.dtype === data.dtype)) return data;
  if (data instanceof NDArray && (o.dtype === undefined || o.dtype === data.dtype)) return fromNumpy(data);
  return tensor(data, o);
}

/** `t.numpy()`: an NDArray over the same memory. */
export function toNumpy(t: Tensor): NDArray {
  if (t.requiresGrad) throw runtimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
  return t.arr.view(t.arr.shape, t.arr.strides, t.arr.offset, true);
}

// ---- filled tensors ----------------------------------------------------------------------------

function checkedShape(shape: readonly number[]): number[] {
  for (const d of shape) {
    if (d < 0) throw runtimeError(`Trying to create tensor with negative dimension ${d}: [${shape.join(', ')}]`);
  }
  return [...shape];
}

export function full(shape: readonly number[], fill: Scalar, o: CreateOptions = {}): Tensor {
  const dtype = o.dtype ?? scalarDType(fill);
  const out = emptyArray(checkedShape(shape), dtype);
  out.data.fill(castValue(scalarValue(fill), typeof fill === 'boolean' ? 'bool' : fill instanceof PyFloat || !Number.isInteger(fill) ? 'float64' : 'int64', dtype));
  return finish(out, o);
}

export const zeros = (shape: readonly number[], o: CreateOptions = {}): Tensor => full(shape, 0, { ...o, dtype: o.dtype ?? getDefaultDType() });
export const ones = (shape: readonly number[], o: CreateOptions = {}): Tensor => full(shape, 1, { ...o, dtype: o.dtype ?? getDefaultDType() });

export function fullLike(t: Tensor, fill: Scalar, o: CreateOptions = {}): Tensor {
  return full(t.shape, fill, { ...o, dtype: o.dtype ?? t.dtype });
}

/** `torch.eye(n, m=None, dtype=None)`. */
export function eye(n: number, m: number | null = null, o: CreateOptions = {}): Tensor {
  const cols = m ?? n;
  if (n < 0) throw runtimeError(`n must be greater or equal to 0, got ${n}`);
  if (cols < 0) throw runtimeError(`m must be greater or equal to 0, got ${cols}`);
  const out = emptyArray([n, cols], o.dtype ?? getDefaultDType());
  for (let i = 0; i < Math.min(n, cols); i++) out.data[i * cols + i] = 1;
  return finish(out, o);
}

/**
 * `torch.arange(start=0, end, step=1, dtype=None)`: int64 unless an argument is a float
 * (then the default float dtype); values start + i*step computed in double, like ATen.
 */
export function arange(start: Scalar, end: Scalar | null, step: Scalar = 1, o: CreateOptions = {}): Tensor {
  let s = scalarValue(start), e: number;
  if (end === null) { e = s; s = 0; } else e = scalarValue(end);
  const st = scalarValue(step);
  const anyFloat = [start, end, step].some((x) => x !== null && scalarDType(x) !== 'int64' && scalarDType(x) !== 'bool');
  const dtype = o.dtype ?? (anyFloat ? getDefaultDType() : 'int64');
  if (st === 0) throw runtimeError('step must be nonzero');
  if (!Number.isFinite(s) || !Number.isFinite(e)) throw runtimeError(`unsupported range: ${s} -> ${e}`);
  if ((st > 0 && e < s) || (st < 0 && e > s)) throw runtimeError('upper bound and larger bound inconsistent with step sign');
  const n = Math.ceil((e - s) / st);
  const out = emptyArray([Math.max(n, 0)], dtype);
  if (isFloatDType(dtype)) {
    // ATen's vectorised kernel in double (acc type): 2 vectors (8 floats / 4 doubles) per
    // step, each vector's base fma(step, i, start) cast to the dtype, its lanes
    // fma(k, step, base); the tail fma(step, i, start) (GCC's contraction, checked on ~65k
    // values of random ranges against torch for both dtypes)
    const r = dtype === 'float32' ? Math.fround : (v: number): number => v;
    const w = dtype === 'float32' ? 8 : 4;
    const vectorEnd = Math.floor(out.size / (2 * w)) * 2 * w;
    for (let i = 0; i < vectorEnd; i += w) {
      const base = r(fma(st, i, s));
      out.data[i] = base;
      for (let k = 1; k < w; k++) out.data[i + k] = r(fma(k, st, base));
    }
    for (let i = vectorEnd; i < out.size; i++) out.data[i] = r(fma(st, i, s));
  } else {
    for (let i = 0; i < out.size; i++) out.data[i] = castValue(s + i * st, 'float64', dtype);
  }
  return finish(out, o);
}

/**
 * `torch.linspace(start, end, steps, dtype=None)`: ATen's CPU kernel. step = (end - start) /
 * (steps - 1) in the dtype; the first half counts up from start, the second down from end.
 * Float dtypes run vectorised: 2 vectors (8 floats / 4 doubles each) per step, each vector's
 * base a fused `start + step * i` (or `end - step * (steps - i - 1)`), its lanes
 * `base + k * step` unfused, and the tail elements fused like the bases (GCC's contraction,
 * checked against torch on ~900k values of random ranges).
 */
export function linspace(start: number, end: number, steps: number, o: CreateOptions = {}): Tensor {
  if (steps < 0) throw runtimeError('number of steps must be non-negative');
  const dtype = o.dtype ?? getDefaultDType();
  const out = emptyArray([steps], dtype);
  if (steps === 1) out.data[0] = castValue(start, 'float64', dtype);
  else if (steps > 1 && isFloatDType(dtype)) {
    const f32 = dtype === 'float32';
    const r = f32 ? Math.fround : (v: number): number => v;
    const fused = f32 ? fmaf : fma;
    const a = r(start), b = r(end);
    const step = r(r(b - a) / r(steps - 1));
    const halfway = Math.floor(steps / 2);
    const at = (i: number): number => (i < halfway ? fused(step, r(i), a) : fused(-step, r(steps - i - 1), b));
    const w = f32 ? 8 : 4;
    const vectorEnd = Math.floor(steps / (2 * w)) * 2 * w;
    for (let i = 0; i < vectorEnd; i += w) {
      const base = at(i);
      out.data[i] = base;
      for (let k = 1; k < w; k++) out.data[i + k] = r(base + r(k * step));
    }
    for (let i = vectorEnd; i < steps; i++) out.data[i] = at(i);
  } else if (steps > 1) {
    const step = (end - start) / (steps - 1);
    const halfway = Math.floor(steps / 2);
    for (let i = 0; i < steps; i++) {
      const v = i < halfway ? start + step * i : end - step * (steps - i - 1);
      out.data[i] = castValue(Math.trunc(v), 'float64', dtype);
    }
  }
  return finish(out, o);
}

// ---- random ----------------------------------------------------------------------------------

const rng = defaultGenerator;

/** The generator as a fresh process has it. */
export function resetGenerator(): void {
  rng.manualSeed(67280421310721);
}

/** `torch.manual_seed(seed)`: reseeds the default generator as torch does. */
export function manualSeed(seed: number): void {
  rng.manualSeed(seed);
}

function filled(shape: readonly number[], dtype: DType, draw: () => number): NDArray {
  const out = emptyArray(checkedShape(shape), dtype);
  for (let i = 0; i < out.size; i++) out.data[i] = draw();
  return out;
}

function floatOnly(dtype: DType, fn: string): void {
  if (!isFloatDType(dtype)) throw runtimeError(`"${fn}" not implemented for '${dtype === 'int64' ? 'Long' : dtype}'`);
}

/** `torch.rand(*size)`: uniform on [0, 1), torch's values for float32 and float64. */
export function rand(shape: readonly number[], o: CreateOptions = {}): Tensor {
  const dtype = o.dtype ?? getDefaultDType();
  floatOnly(dtype, 'check_uniform_bounds');
  const draw = dtype === 'float64' ? () => rng.uniformDouble() : () => rng.uniformFloat();
  return finish(filled(shape, dtype, draw), o);
}

/** `torch.randn(*size)`: standard normal, drawn as torch's CPU normal kernel draws it. */
export function randn(shape: readonly number[], o: CreateOptions = {}): Tensor {
  const dtype = o.dtype ?? getDefaultDType();
  floatOnly(dtype, 'normal_kernel_cpu');
  const out = emptyArray(checkedShape(shape), dtype);
  const values = rng.normalFill(out.size, dtype !== 'float64');
  for (let i = 0; i < out.size; i++) out.data[i] = values[i];
  return finish(out, o);
}

/** `torch.normal(mean, std, size)` with float mean and std: torch's normal kernel with them. */
export function normal(mean: number, std: number, shape: readonly number[], o: CreateOptions = {}): Tensor {
  const dtype = o.dtype ?? getDefaultDType();
  floatOnly(dtype, 'normal_kernel_cpu');
  if (!(std >= 0)) throw runtimeError(`normal expects std >= 0.0, but found std ${std}`);
  const out = emptyArray(checkedShape(shape), dtype);
  const values = rng.normalFill(out.size, dtype !== 'float64', mean, std);
  for (let i = 0; i < out.size; i++) out.data[i] = values[i];
  return finish(out, o);
}

/** `torch.randint(low=0, high, size)`: int64 in [low, high), torch's random_from_to. */
export function randint(low: number, high: number, shape: readonly number[], o: CreateOptions = {}): Tensor {
  if (high <= low) throw runtimeError(`random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`);
  const span = high - low;
  return finish(filled(shape, o.dtype ?? 'int64', () => rng.randomFromTo(low, span)), o);
}

/** `torch.randperm(n)`: torch's CPU shuffle (swap i with i + random() % (n - i)). */
export function randperm(n: number, o: CreateOptions = {}): Tensor {
  const out = emptyArray([n], o.dtype ?? 'int64');
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n - 1; i++) {
    const z = i + (rng.random() % (n - i));
    [p[i], p[z]] = [p[z], p[i]];
  }
  p.forEach((v, i) => { out.data[i] = v; });
  return finish(out, o);
}

/** `torch.empty(shape).uniform_(from, to)` for a float dtype, torch's values. */
export function uniform(shape: readonly number[], from: number, to: number, dtype: DType): NDArray {
  const float32 = dtype !== 'float64';
  return filled(shape, dtype, () => rng.uniformRange(from, to, float32));
}

/**
 * `tensor.normal_(mean, std)`'s values for a tensor of `shape`: contiguous tensors of 16+
 * elements take the block kernel, the rest one normal_distribution<double> draw each.
 */
export function normalValues(shape: readonly number[], mean: number, std: number, dtype: DType, contiguous: boolean): NDArray {
  floatOnly(dtype, 'normal_kernel_cpu');
  if (!(std >= 0)) throw runtimeError(`normal expects std >= 0.0, but found std ${std}`);
  const out = emptyArray(checkedShape(shape), dtype);
  const values = contiguous ? rng.normalFill(out.size, dtype !== 'float64', mean, std) : rng.normalSerial(out.size, mean, std);
  for (let i = 0; i < out.size; i++) out.data[i] = values[i];
  return out;
}

/**
 * `values` (drawn one after another) laid out in the order torch's TensorIterator visits a
 * view of `shape`/`strides`: dims by descending stride, so a transposed view is filled in
 * memory order. Returns a C-ordered array to assign through the view.
 */
export function inIterationOrder(shape: readonly number[], strides: readonly number[], values: NDArray): NDArray {
  const out = emptyArray(shape, values.dtype);
  const n = shape.length;
  const perm = Array.from({ length: n }, (_, i) => i).sort((a, b) => Math.abs(strides[b]) - Math.abs(strides[a]) || a - b);
  const cStride: number[] = [];
  for (let d = n - 1, acc = 1; d >= 0; d--) { cStride[d] = acc; acc *= shape[d]; }
  const idx = new Array<number>(n).fill(0);
  for (let k = 0; k < values.size; k++) {
    let o = 0;
    for (let d = 0; d < n; d++) o += idx[d] * cStride[d];
    out.data[o] = values.data[k];
    for (let q = n - 1; q >= 0; q--) { const d = perm[q]; if (++idx[d] < shape[d]) break; idx[d] = 0; }
  }
  return out;
}

/** `torch.randint_like(input, low=0, high)`: randint with the input's shape and dtype. */
export function randintLike(t: Tensor, low: number, high: number, o: CreateOptions = {}): Tensor {
  return randint(low, high, t.shape, { ...o, dtype: o.dtype ?? t.dtype });
}

/**
 * `torch.bernoulli(p)`: 1 where a uniform below p[i]; float64 probabilities draw doubles,
 * float32 ones floats (bernoulli_distribution<p's type>), in p's dtype.
 */
export function bernoulli(p: Tensor): Tensor {
  floatOnly(p.dtype, 'bernoulli_tensor_cpu_p_');
  const probs = p.arr.toArray();
  const out = emptyArray(p.shape, p.dtype);
  const draw = p.dtype === 'float64' ? () => rng.uniformDouble() : () => rng.uniformFloat();
  for (let i = 0; i < probs.length; i++) out.data[i] = draw() < Number(probs[i]) ? 1 : 0;
  return new Tensor(out);
}

/** `tensor.bernoulli_(keep)` on CPU without MKL: 1 where a uniform double is below `keep`. */
export function bernoulliMask(shape: readonly number[], keep: number, dtype: DType): NDArray {
  return filled(shape, dtype, () => (rng.uniformDouble() < keep ? 1 : 0));
}
