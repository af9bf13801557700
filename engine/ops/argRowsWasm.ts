// np.argmax/np.argmin of float64 along contiguous rows in WebAssembly SIMD (module bytes in
// argRowsWasmBytes.ts, from argRowsWasmSource.ts): rows are copied into the module's memory in
// chunks (one memcpy when they are adjacent), each row is scanned as argRow.ts scans it (16
// elements tested per step against the best so far, in eight f64x2 comparisons instead of
// JS loads and compares with their bounds checks), and the answers come back as float64 (the
// int64 result's storage). Same answers as argRow.ts, NaN rules included. Compiled on first
// use; where WebAssembly or its SIMD instructions are missing, the JS rows run.

import { lazyInstance, reserveMemory } from '../wasm/lazyInstance';
import { ARG_ROWS_WASM_BASE64 } from './argRowsWasmBytes';

type ArgRows = (rows: number, m: number, n: number, out: number) => void;

interface ArgRowsExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  argmaxF64: ArgRows;
  argminF64: ArgRows;
}

/** Bytes of input rows per chunk: the chunk stays in the L2 cache between its copy and its scan. */
const CHUNK_BYTES = 64 * 1024;
/** Rows shorter than this stay in JS (the copy and call cost more than they save); longer than MAX_ROW too (memory). */
const MIN_ROW = 64, MAX_ROW = 1 << 17;

/** The module's instance, on first use (null where it cannot run). */
const kernel = lazyInstance<ArgRowsExports>(ARG_ROWS_WASM_BASE64);


/** Whether this runtime runs the WebAssembly rows (compiles the module on first call). */
export function argRowsWasmAvailable(): boolean {
  return kernel() !== null;
}

/**
 * `D[k0 + i]` = arg-extreme of row i (n elements from `A[ao + i*rs]`, contiguous) for
 * i < rows. Returns false, having written nothing, when this path does not take them.
 */
export function argRowsF64(which: 'max' | 'min', A: Float64Array, ao: number, rs: number, rows: number, n: number, D: Float64Array, k0: number): boolean {
  if (n < MIN_ROW || n > MAX_ROW || (rows > 1 && rs < n)) return false;
  if (!argRowsWasmAvailable()) return false;
  const k = kernel() as ArgRowsExports;
  const chunk = Math.max(1, Math.min(rows, Math.floor(CHUNK_BYTES / (n * 8))));
  const outAt = chunk * n * 8;
  const need = outAt + chunk * 8;
  if (!reserveMemory(k.memory, need)) return false;
  const M = new Float64Array(k.memory.buffer);
  const run = which === 'max' ? k.argmaxF64 : k.argminF64;
  for (let r = 0; r < rows; r += chunk) {
    const m = Math.min(chunk, rows - r), o = ao + r * rs;
    if (rs === n || m === 1) M.set(A.subarray(o, o + m * n), 0);
    else for (let q = 0; q < m; q++) M.set(A.subarray(o + q * rs, o + q * rs + n), q * n);
    run(0, m, n, outAt);
    D.set(M.subarray(outAt / 8, outAt / 8 + m), k0 + r);
  }
  return true;
}
