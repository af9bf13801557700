// The float64 pairwise sum of one contiguous row in WebAssembly SIMD (module bytes in
// pairwiseWasmBytes.ts, from pairwiseWasmSource.ts): the row is copied into the module's
// memory (a memcpy) and summed there in NumPy's order, bit for bit what pairwise.ts's JS kernel
// returns (see pairwiseWasmSource.ts). In JS every element costs an index computation and a
// bounds check beside its add, so the JS kernel ran about 1.4x as long as copy plus SIMD sum
// for sum of 1e6 float64. Compiled on first use; where WebAssembly or its SIMD instructions
// are missing, callers keep the JS kernel.

import { lazyInstance } from '../wasm/lazyInstance';
import { PAIRWISE_WASM_BASE64 } from './pairwiseWasmBytes';
import { PAIRWISE_OUT_BYTES } from './pairwiseWasmSource';

interface PairwiseExports {
  memory: { buffer: ArrayBuffer };
  pairwiseF64(p: number, n: number): number;
  pairwiseRowsF64(p: number, m: number, n: number, rowBytes: number, out: number): void;
}

interface Kernel {
  readonly sum: (p: number, n: number) => number;
  readonly rows: (p: number, m: number, n: number, rowBytes: number, out: number) => void;
  readonly mem: Float64Array;
}

/** The most elements one call sums: the module's memory below the sums' area. */
export const PAIRWISE_WASM_MAX = PAIRWISE_OUT_BYTES / 8;

/** The module's instance, on first use (null where it cannot run). */
const kernel = lazyInstance<PairwiseExports, Kernel>(PAIRWISE_WASM_BASE64, (k) => ({ sum: k.pairwiseF64, rows: k.pairwiseRowsF64, mem: new Float64Array(k.memory.buffer) }));


/**
 * NumPy's pairwise sum of `A[ao]…A[ao + n - 1]` (n ≤ PAIRWISE_WASM_MAX), or undefined when
 * this runtime has no WebAssembly SIMD (the caller then runs pairwise.ts's kernel).
 */
export function pairwiseSumF64(A: Float64Array, ao: number, n: number): number | undefined {
  const k = kernel();
  if (k === null || n > PAIRWISE_WASM_MAX) return undefined;
  k.mem.set(A.subarray(ao, ao + n));
  return k.sum(0, n);
}

/**
 * `D[i] = +0 + pairwise sum of row i` for i < rows, row i being the n contiguous float64 from
 * `A[ao + i*rs]` (n ≤ PAIRWISE_WASM_MAX): reduction.ts's sum over the innermost axis, many
 * rows per call. Returns false, having written nothing, without WebAssembly SIMD.
 */
export function pairwiseRowSumsF64(A: Float64Array, ao: number, rs: number, rows: number, n: number, D: Float64Array): boolean {
  const k = kernel();
  if (k === null || n > PAIRWISE_WASM_MAX || n < 1) return false;
  const { mem, rows: sumRows } = k;
  const chunk = Math.max(1, Math.min(rows, Math.floor(PAIRWISE_WASM_MAX / n)));
  const outAt = PAIRWISE_OUT_BYTES / 8;
  for (let r = 0; r < rows; r += chunk) {
    const m = Math.min(chunk, rows - r), o = ao + r * rs;
    if (rs === n) mem.set(A.subarray(o, o + m * n), 0);
    else for (let q = 0; q < m; q++) mem.set(A.subarray(o + q * rs, o + q * rs + n), q * n);
    sumRows(0, m, n, n * 8, PAIRWISE_OUT_BYTES);
    D.set(mem.subarray(outAt, outAt + m), r);
  }
  return true;
}
