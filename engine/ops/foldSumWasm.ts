// Float64 outer-axis sums (sum(axis=0) of a C-contiguous matrix, and mean's sum) in
// WebAssembly SIMD (module bytes in foldSumWasmBytes.ts, from foldSumWasmSource.ts): the
// output row is copied into the module's memory, the input rows follow in chunks (one memcpy
// each when they are adjacent), the module adds each chunk's rows into the output in row
// order, and the output row is copied back. Same additions in the same order as
// outerReduce.ts's fold, so the same bits (see foldSumWasmSource.ts). In JS each element
// costs an index computation and a bounds check beside its add. Compiled on first use; where
// WebAssembly or its SIMD instructions are missing, reduction.ts keeps the JS fold.

import { fromBase64 } from '../wasm/base64';
import { FOLD_SUM_WASM_BASE64 } from './foldSumWasmBytes';

/** The slice of the WebAssembly JS API used here (the project's lib settings carry no DOM types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

interface FoldSumExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  foldF64(d: number, rows: number, m: number, n: number): void;
}

/** Bytes of input rows per chunk: the chunk stays in the L2 cache between its copy and its sum. */
const CHUNK_BYTES = 64 * 1024;
/** Output rows longer than this stay in JS (the module's memory never shrinks). */
const MAX_ROW = 1 << 17;
/** Output rows shorter than this, or fewer input rows, stay in JS (the copies and calls cost more than they save). */
const MIN_ROW = 64, MIN_ROWS = 4;

/** undefined: not tried yet; null: unavailable here. */
let kernel: FoldSumExports | null | undefined;

function instantiate(): FoldSumExports | null {
  const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm === undefined) return null;
  try {
    return new wasm.Instance(new wasm.Module(fromBase64(FOLD_SUM_WASM_BASE64)), {}).exports as FoldSumExports;
  } catch {
    // no SIMD (CompileError), or a host that refuses synchronous compilation (RangeError)
    return null;
  }
}

/** Whether this runtime runs the WebAssembly fold (compiles the module on first call). */
export function foldSumWasmAvailable(): boolean {
  if (kernel === undefined) kernel = instantiate();
  return kernel !== null;
}

/**
 * For rows r < L in order: `D[d0 + j] = D[d0 + j] + A[ao + r*rs + j]` (j < n), contiguous
 * rows and output. Returns false, having changed nothing, when this path does not take it.
 */
export function foldSumF64(L: number, n: number, A: Float64Array, ao: number, rs: number, D: Float64Array, d0: number): boolean {
  if (n < MIN_ROW || n > MAX_ROW || L < MIN_ROWS || rs < n) return false;
  if (!foldSumWasmAvailable()) return false;
  const k = kernel as FoldSumExports;
  const chunk = Math.max(1, Math.min(L, Math.floor(CHUNK_BYTES / (n * 8))));
  const rowsAt = Math.ceil((n * 8) / 16) * 16;
  const need = rowsAt + chunk * n * 8;
  if (k.memory.buffer.byteLength < need) {
    try {
      k.memory.grow(Math.ceil((need - k.memory.buffer.byteLength) / 65536));
    } catch {
      return false;
    }
  }
  const M = new Float64Array(k.memory.buffer);
  const r0 = rowsAt / 8;
  M.set(D.subarray(d0, d0 + n), 0);
  for (let r = 0; r < L; r += chunk) {
    const m = Math.min(chunk, L - r), o = ao + r * rs;
    if (rs === n) M.set(A.subarray(o, o + m * n), r0);
    else for (let q = 0; q < m; q++) M.set(A.subarray(o + q * rs, o + q * rs + n), r0 + q * n);
    k.foldF64(0, rowsAt, m, n);
  }
  D.set(M.subarray(0, n), d0);
  return true;
}
