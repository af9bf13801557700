// takeRows.ts's row gather in WebAssembly (module bytes in takeRowsWasmBytes.ts, from
// takeRowsWasmSource.ts), for a table that is small beside the result: the table is packed
// into the module's memory once, then for each chunk of rows the index values are copied in,
// the module checks them and copies each row 16 bytes at a time into a chunk buffer, and the
// chunk goes to the result with one `set` (a memcpy). In JS each element of a row costs a
// load and a store with their bounds checks, and np.eye(10)[labels] with 1e5 labels (8 MB of
// result) spent most of its time there; the module moves a row of ten float64 in five v128
// copies. Values are copied as bytes, so every dtype arrives unchanged. Where WebAssembly is
// missing, or for other index classes than float64 (int64/uint64 storage) and int32, callers
// keep the JS kernels.

import { TypedArray } from '../core/dtype';
import { lazyInstance, reserveMemory } from '../wasm/lazyInstance';
import { TAKE_ROWS_WASM_BASE64 } from './takeRowsWasmBytes';

type Gather = (table: number, rowBytes: number, size: number, idx: number, n: number, out: number) => number;

interface TakeRowsExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  gatherF64: Gather;
  gatherI32: Gather;
}

type TypedArrayClass = new (buffer: ArrayBuffer) => TypedArray;

/** Bytes of result rows per chunk: the chunk buffer stays in the L2 cache between its writes and the copy out. */
const CHUNK_BYTES = 64 * 1024;
/** The largest table packed into the module's memory (which never shrinks). */
const TABLE_MAX_BYTES = 4 * 1024 * 1024;
/** Results smaller than this stay in JS (the packing and the calls cost more than they save). */
let minResultBytes = 16 * 1024;

/** The module's instance, on first use (null where it cannot run). */
const kernel = lazyInstance<TakeRowsExports>(TAKE_ROWS_WASM_BASE64);
/** Views of the module's memory per typed-array class (remade when the memory grows). */
let views = new Map<TypedArrayClass, TypedArray>();
let viewsOf: ArrayBuffer | null = null;


/** Whether this runtime runs the WebAssembly gather (compiles the module on first call). */
export function takeRowsWasmAvailable(): boolean {
  return kernel() !== null;
}

function view(k: TakeRowsExports, cls: TypedArrayClass): TypedArray {
  if (viewsOf !== k.memory.buffer) { views = new Map(); viewsOf = k.memory.buffer; }
  let v = views.get(cls);
  if (!v) { v = new cls(k.memory.buffer); views.set(cls, v); }
  return v;
}

const align16 = (b: number): number => Math.ceil(b / 16) * 16;

/** Memory layout of one gather: table from byte 0, then the chunk's indices, then its rows. */
interface Layout { readonly k: TakeRowsExports; readonly chunk: number; readonly idxAt: number; readonly outAt: number }

/**
 * Whether takeRowsWasm takes this gather (S the table's buffer, x the index buffer, `size`
 * rows of `sub` elements, `n` index values); undefined when not, with nothing changed. Grows
 * the module's memory for it.
 */
export function takeRowsWasmLayout(S: TypedArray, x: TypedArray, size: number, sub: number, n: number): Layout | undefined {
  const rowBytes = sub * S.BYTES_PER_ELEMENT, tableBytes = size * rowBytes;
  if (n * rowBytes < minResultBytes || tableBytes > TABLE_MAX_BYTES || tableBytes > n * rowBytes) return undefined;
  const xsz = x instanceof Float64Array ? 8 : x instanceof Int32Array ? 4 : 0;
  if (xsz === 0) return undefined;
  const k = kernel();
  if (k === null) return undefined;
  const chunk = Math.max(1, Math.floor(CHUNK_BYTES / rowBytes));
  const idxAt = align16(tableBytes), outAt = align16(idxAt + chunk * xsz);
  return reserveMemory(k.memory, outAt + chunk * rowBytes) ? { k, chunk, idxAt, outAt } : undefined;
}

/**
 * Rows 0 ≤ t < n of `a[x]` into D (row t = D[t*sub …], `sub` elements; D of S's class), row t
 * being the block `S[base + i*scale + j*ss]` (j < sub) of index value `i = x[k0 + t*st]`
 * (negative ones counted from `size`), with the layout takeRowsWasmLayout gave for these
 * buffers and sizes. Returns the first t whose index is outside [-size, size) (rows before it
 * may or may not be written: the caller drops D then), or -1 when every row is written.
 */
export function takeRowsWasm(
  L: Layout, D: TypedArray, S: TypedArray, base: number, size: number, scale: number, sub: number, ss: number,
  x: TypedArray, k0: number, st: number, n: number,
): number {
  const { k, chunk, idxAt, outAt } = L;
  const esz = D.BYTES_PER_ELEMENT, rowBytes = sub * esz, f64Index = x instanceof Float64Array;
  const M = view(k, D.constructor as TypedArrayClass);
  const X = view(k, (f64Index ? Float64Array : Int32Array) as unknown as TypedArrayClass);
  // the table, packed: rows of `sub` elements from byte 0
  if (scale === sub && ss === 1) M.set(S.subarray(base, base + size * sub), 0);
  else {
    for (let r = 0, d = 0; r < size; r++) {
      for (let j = 0, s = base + r * scale; j < sub; j++, s += ss) M[d++] = S[s];
    }
  }
  const gather = f64Index ? k.gatherF64 : k.gatherI32;
  const xAt = idxAt / X.BYTES_PER_ELEMENT, mAt = outAt / esz;
  for (let t0 = 0; t0 < n; t0 += chunk) {
    const c = Math.min(chunk, n - t0);
    const kb = k0 + t0 * st;
    if (st === 1) X.set(x.subarray(kb, kb + c), xAt);
    else for (let q = 0, kk = kb; q < c; q++, kk += st) X[xAt + q] = x[kk];
    const bad = gather(0, rowBytes, size, idxAt, c, outAt);
    if (bad >= 0) return t0 + bad;
    D.set(M.subarray(mAt, mAt + c * sub), t0 * sub);
  }
  return -1;
}

/** Tests: the smallest result (in bytes) this path takes; returns the previous setting. */
export function setTakeRowsWasmMinBytes(bytes: number): number {
  const prev = minResultBytes;
  minResultBytes = bytes;
  return prev;
}
