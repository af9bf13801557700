// dtypes: names, storage, and NumPy 1.24's promotion rules (including legacy value-based
// casting of scalars, `np.result_type`). Pure data and functions; knows nothing of arrays.
//
// int64/uint64 are stored in Float64Array: exact for |x| <= 2**53 (every value these users
// meet: indices, labels, counts). Beyond that values round instead of wrapping like NumPy's.
// We chose this over BigInt64Array because a BigInt per element read would make every int64
// loop allocate; the limit is documented in ARCHITECTURE.md.

import { admitBuffer, IN_HEAP_BYTES } from './memory';

export type DType =
  | 'bool'
  | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint8' | 'uint16' | 'uint32' | 'uint64'
  | 'float32' | 'float64';

export type TypedArray =
  | Uint8Array | Int8Array | Int16Array | Int32Array
  | Uint16Array | Uint32Array | Float32Array | Float64Array;

export type Kind = 'b' | 'i' | 'u' | 'f';

export interface DTypeInfo {
  readonly name: DType;
  readonly kind: Kind;
  /** NumPy's itemsize in bytes (what `.itemsize`, `.nbytes` and byte strides report). */
  readonly itemsize: number;
  readonly min: number;
  readonly max: number;
  /** NumPy's one-letter `char` code, used by repr of scalars and error texts. */
  readonly char: string;
}

const INFO: Record<DType, DTypeInfo> = {
  bool: { name: 'bool', kind: 'b', itemsize: 1, min: 0, max: 1, char: '?' },
  int8: { name: 'int8', kind: 'i', itemsize: 1, min: -128, max: 127, char: 'b' },
  int16: { name: 'int16', kind: 'i', itemsize: 2, min: -32768, max: 32767, char: 'h' },
  int32: { name: 'int32', kind: 'i', itemsize: 4, min: -2147483648, max: 2147483647, char: 'i' },
  int64: { name: 'int64', kind: 'i', itemsize: 8, min: -9223372036854775808, max: 9223372036854775807, char: 'l' },
  uint8: { name: 'uint8', kind: 'u', itemsize: 1, min: 0, max: 255, char: 'B' },
  uint16: { name: 'uint16', kind: 'u', itemsize: 2, min: 0, max: 65535, char: 'H' },
  uint32: { name: 'uint32', kind: 'u', itemsize: 4, min: 0, max: 4294967295, char: 'I' },
  uint64: { name: 'uint64', kind: 'u', itemsize: 8, min: 0, max: 18446744073709551615, char: 'L' },
  float32: { name: 'float32', kind: 'f', itemsize: 4, min: -3.4028234663852886e38, max: 3.4028234663852886e38, char: 'f' },
  float64: { name: 'float64', kind: 'f', itemsize: 8, min: -Number.MAX_VALUE, max: Number.MAX_VALUE, char: 'd' },
};

export const DTYPES = Object.keys(INFO) as DType[];

export function dtypeInfo(d: DType): DTypeInfo {
  return INFO[d];
}

export function isDType(name: string): name is DType {
  return Object.prototype.hasOwnProperty.call(INFO, name);
}

/** Accepts NumPy's spellings: 'float64', 'float', 'f8', 'int', 'i4', 'bool', '?', 'double'… */
export function parseDType(name: string): DType | undefined {
  if (isDType(name)) return name;
  return ALIASES[name];
}

const ALIASES: Record<string, DType> = {
  float: 'float64', double: 'float64', f8: 'float64', d: 'float64', '<f8': 'float64', float_: 'float64',
  single: 'float32', f4: 'float32', f: 'float32', '<f4': 'float32',
  int: 'int64', int_: 'int64', i8: 'int64', l: 'int64', long: 'int64', '<i8': 'int64', intp: 'int64',
  i4: 'int32', i: 'int32', intc: 'int32', '<i4': 'int32',
  i2: 'int16', h: 'int16', short: 'int16', i1: 'int8', b: 'int8', byte: 'int8',
  u1: 'uint8', B: 'uint8', ubyte: 'uint8', u2: 'uint16', H: 'uint16', u4: 'uint32', I: 'uint32',
  u8: 'uint64', L: 'uint64', uint: 'uint64', uintp: 'uint64',
  bool_: 'bool', '?': 'bool', b1: 'bool',
};

/**
 * The one place array buffers are made: every array's storage and every scratch buffer sized
 * by array data comes from here, so core/memory.ts sees it. `shape` is only for the error text
 * (NumPy's `_ArrayMemoryError`) when the live-bytes budget refuses it.
 */
export function allocate(d: DType, n: number, shape: readonly number[] = [n]): TypedArray {
  admitBuffer(n * INFO[d].itemsize, shape, d);
  return newBuffer(d, n);
}

/**
 * Up to this size a zeroed typed array is as cheap as an uninitialised Buffer plus the view
 * on it (an add of 10 float64 took 7% longer through the Buffer; one of 1e4, 10% less).
 * Never below IN_HEAP_BYTES: those arrays live on the V8 heap.
 */
const UNINIT_MIN_BYTES = Math.max(8192, IN_HEAP_BYTES);

/**
 * Like `allocate`, but the buffer's contents are NOT zeroed: they are whatever the process's
 * allocator last held there, which may be other data of this process. NumPy's ufunc and copy
 * outputs come from np.empty for the same reason (V8's zero fill of a fresh 8 MB buffer cost
 * about a quarter of `a + b` on 1e6 float64).
 *
 * SAFETY RULE: only a kernel that provably writes every element of the buffer before anything
 * else can read it may call this, and the buffer must not escape (be returned, stored or
 * wrapped in a returned array) if the kernel can stop early. Anything else (zeros, accumulators,
 * scatters, partial writes) uses `allocate`. test/engine/uninitAlloc.test.ts dirties the
 * allocator and checks every caller for leaked bytes; add a new caller there too.
 *
 * In Node it takes `Buffer.allocUnsafeSlow` (its own ArrayBuffer, never a pooled slice); in
 * browsers and web workers, and up to UNINIT_MIN_BYTES, a normal zeroed buffer. Charged to the
 * memory budget exactly as `allocate` charges.
 */
export function allocateUninit(d: DType, n: number, shape: readonly number[] = [n]): TypedArray {
  const bytes = n * INFO[d].itemsize;
  admitBuffer(bytes, shape, d);
  if (poisonByte !== null) return poisoned(newBuffer(d, n), poisonByte);
  const factory = unsafeBufferFactory;
  if (!factory || bytes <= UNINIT_MIN_BYTES) return newBuffer(d, n);
  const b = factory.allocUnsafeSlow(bytes);
  // Node gives each such Buffer its own ArrayBuffer at offset 0; anything else is not ours to view
  if (b.byteOffset !== 0 || b.buffer.byteLength !== bytes) return newBuffer(d, n);
  return viewAs(d, b.buffer, n);
}

let poisonByte: number | null = null;

/**
 * Makes every `allocateUninit` buffer (of any size) come filled with `byte` (null: off), like
 * glibc's MALLOC_PERTURB_: tests compare results made with two poison bytes, so an element a
 * kernel failed to write shows up whatever the allocator happens to return.
 */
export function setUninitPoison(byte: number | null): void {
  poisonByte = byte;
}

function poisoned(t: TypedArray, byte: number): TypedArray {
  new Uint8Array(t.buffer, t.byteOffset, t.byteLength).fill(byte);
  return t;
}

/** The slice of Node's `Buffer` this file uses: typed here so engine/ needs no Node types at run time. */
interface UnsafeBufferFactory {
  allocUnsafeSlow(size: number): { readonly buffer: ArrayBufferLike; readonly byteOffset: number };
}

const unsafeBufferFactory: UnsafeBufferFactory | undefined =
  (globalThis as unknown as { Buffer?: UnsafeBufferFactory }).Buffer;

/**
 * `n` elements of dtype `d` over `buf`, in the typed-array class `newBuffer` picks for `d` (its
 * switch stays the one mapping: a class table made every small allocation ~10 ns slower; this
 * path only sees buffers over UNINIT_MIN_BYTES, where an empty probe array costs nothing).
 */
function viewAs(d: DType, buf: ArrayBufferLike, n: number): TypedArray {
  const BufferClass = newBuffer(d, 0).constructor as new (buffer: ArrayBufferLike, byteOffset: number, length: number) => TypedArray;
  return new BufferClass(buf, 0, n);
}

/** A float64 scratch buffer (kernels' temporaries), counted like an array's. */
export function allocateFloat64(n: number): Float64Array {
  return allocate('float64', n) as Float64Array;
}

function newBuffer(d: DType, n: number): TypedArray {
  switch (d) {
    case 'bool': case 'uint8': return new Uint8Array(n);
    case 'int8': return new Int8Array(n);
    case 'int16': return new Int16Array(n);
    case 'int32': return new Int32Array(n);
    case 'uint16': return new Uint16Array(n);
    case 'uint32': return new Uint32Array(n);
    case 'float32': return new Float32Array(n);
    case 'int64': case 'uint64': case 'float64': return new Float64Array(n);
  }
}

/** True when stores into the dtype's typed array already do NumPy's conversion (wrap, round to float32). */
export function storeIsExact(d: DType): boolean {
  return d !== 'bool' && d !== 'int64' && d !== 'uint64';
}

export const isInteger = (d: DType): boolean => INFO[d].kind === 'i' || INFO[d].kind === 'u';
export const isFloat = (d: DType): boolean => INFO[d].kind === 'f';

// ---- promotion -------------------------------------------------------------------------

const SIGNED: DType[] = ['int8', 'int16', 'int32', 'int64'];
const UNSIGNED: DType[] = ['uint8', 'uint16', 'uint32', 'uint64'];
/** Size rank 0..3 for 1, 2, 4, 8 byte ints. */
const rank = (d: DType) => Math.log2(INFO[d].itemsize);

/** The smallest float that holds every value of an integer type (float16 is not stored: it
 * only ever loses against a float32/float64 operand, so float32 stands in for it here). */
function floatFor(d: DType): DType {
  return INFO[d].itemsize <= 2 ? 'float32' : 'float64';
}

/** `np.promote_types(a, b)` for the dtypes we store. */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  const ka = INFO[a].kind, kb = INFO[b].kind;
  if (ka === 'b') return b;
  if (kb === 'b') return a;
  if (ka === 'f' || kb === 'f') {
    if (ka === 'f' && kb === 'f') return INFO[a].itemsize >= INFO[b].itemsize ? a : b;
    const f = ka === 'f' ? a : b, i = ka === 'f' ? b : a;
    // float16 stand-in: int8/uint8 promote with float16 to float16, which we never hold.
    const need = floatFor(i);
    return INFO[need].itemsize > INFO[f].itemsize ? need : f;
  }
  if (ka === kb) return rank(a) >= rank(b) ? a : b;
  const s = ka === 'i' ? a : b, u = ka === 'u' ? a : b;
  if (rank(s) > rank(u)) return s;
  if (rank(u) === 3) return 'float64';
  return SIGNED[rank(u) + 1];
}

/** A Python-level (weakly typed) scalar operand: NumPy 1.24 value-based casting applies. */
export interface ScalarOperand {
  readonly value: number;
  /** the dtype NumPy gives the scalar on its own: int64 for int, float64 for float, … */
  readonly dtype: DType;
}

const KIND_ORDER: Record<Kind, number> = { b: 0, i: 1, u: 1, f: 2 };

/** `np.min_scalar_type`, plus whether a non-negative int also fits the signed type of the
 * same size (NumPy's "small unsigned", which promotes with signed arrays as that type). */
function minScalarType(s: ScalarOperand): { dtype: DType; smallUnsigned: boolean } {
  const k = INFO[s.dtype].kind;
  const v = s.value;
  if (k === 'b') return { dtype: 'bool', smallUnsigned: false };
  if (k === 'f') {
    // float16 is never the answer once promoted with an array of float kind; float32's range
    // decides between float32 and float64.
    if (!Number.isFinite(v) || Math.abs(v) <= 3.4028234663852886e38) return { dtype: 'float32', smallUnsigned: false };
    return { dtype: 'float64', smallUnsigned: false };
  }
  if (v >= 0) {
    for (const u of UNSIGNED) {
      if (v <= INFO[u].max) {
        const signedTwin = SIGNED[rank(u)];
        return { dtype: u, smallUnsigned: v <= INFO[signedTwin].max };
      }
    }
    return { dtype: 'uint64', smallUnsigned: false };
  }
  for (const s2 of SIGNED) if (v >= INFO[s2].min) return { dtype: s2, smallUnsigned: false };
  return { dtype: 'int64', smallUnsigned: false };
}

/**
 * `np.result_type` with NumPy 1.24's legacy rules: `arrays` are dtypes of operands with
 * ndim > 0; `scalars` are Python scalars, NumPy scalars and 0-d arrays. When the scalars'
 * kind is no higher than the arrays', scalars take the smallest type that holds their value
 * (`int8_array + 1000` → int16, `float32_array + 1.5` → float32, `uint8_array + -1` → int16).
 */
export function resultType(arrays: readonly DType[], scalars: readonly ScalarOperand[] = []): DType {
  if (arrays.length === 0) {
    if (scalars.length === 0) throw new Error('at least one array or dtype is required');
    return scalars.map((s) => s.dtype).reduce(promoteTypes);
  }
  let arr = arrays.reduce(promoteTypes);
  if (scalars.length === 0) return arr;
  const maxArrayKind = Math.max(...arrays.map((d) => KIND_ORDER[INFO[d].kind]));
  const maxScalarKind = Math.max(...scalars.map((s) => KIND_ORDER[INFO[s.dtype].kind]));
  if (maxScalarKind > maxArrayKind) {
    return scalars.map((s) => s.dtype).reduce(promoteTypes, arr);
  }
  const arraySigned = arrays.some((d) => INFO[d].kind === 'i');
  for (const s of scalars) {
    const m = minScalarType(s);
    let t = m.dtype;
    if (m.smallUnsigned && arraySigned) t = SIGNED[rank(t)];
    arr = promoteTypes(arr, t);
  }
  return arr;
}

/** `np.can_cast(from, to, casting='same_kind')`. */
export function canCastSameKind(from: DType, to: DType): boolean {
  const kf = KIND_ORDER[INFO[from].kind], kt = KIND_ORDER[INFO[to].kind];
  if (kf < kt) return true;
  if (kf > kt) return false;
  if (INFO[from].kind === 'u' && INFO[to].kind === 'i') return true;
  if (INFO[from].kind === 'i' && INFO[to].kind === 'u') return false;
  return true;
}

/** `np.can_cast(from, to, casting='safe')`. */
export function canCastSafe(from: DType, to: DType): boolean {
  return promoteTypes(from, to) === to;
}
