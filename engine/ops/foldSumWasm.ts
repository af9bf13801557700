// Float64 outer-axis sums (sum(axis=0) of a C-contiguous matrix, and mean's sum) in
// WebAssembly SIMD (module bytes in foldSumWasmBytes.ts, from foldSumWasmSource.ts): the
// output row is copied into the module's memory, the input rows follow in chunks (one memcpy
// each when they are adjacent), the module adds each chunk's rows into the output in row
// order, and the output row is copied back. Same additions in the same order as
// outerReduce.ts's fold, so the same bits (see foldSumWasmSource.ts). In JS each element
// costs an index computation and a bounds check beside its add. Compiled on first use; where
// WebAssembly or its SIMD instructions are missing, reduction.ts keeps the JS fold.

import { lazyInstance, reserveMemory } from '../wasm/lazyInstance';
import { FOLD_SUM_WASM_BASE64 } from './foldSumWasmBytes';

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

/** The module's instance, on first use (null where it cannot run). */
const kernel = lazyInstance<FoldSumExports>(FOLD_SUM_WASM_BASE64);


/** Whether this runtime runs the WebAssembly fold (compiles the module on first call). */
export function foldSumWasmAvailable(): boolean {
  return kernel() !== null;
}

/**
 * For rows r < L in order: `D[d0 + j] = D[d0 + j] + A[ao + r*rs + j]` (j < n), contiguous
 * rows and output. Returns false, having changed nothing, when this path does not take it.
 */
export function foldSumF64(L: number, n: number, A: Float64Array, ao: number, rs: number, D: Float64Array, d0: number): boolean {
  if (n < MIN_ROW || n > MAX_ROW || L < MIN_ROWS || rs < n) return false;
  if (!foldSumWasmAvailable()) return false;
  const k = kernel() as FoldSumExports;
  const chunk = Math.max(1, Math.min(L, Math.floor(CHUNK_BYTES / (n * 8))));
  const rowsAt = Math.ceil((n * 8) / 16) * 16;
  const need = rowsAt + chunk * n * 8;
  if (!reserveMemory(k.memory, need)) return false;
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
