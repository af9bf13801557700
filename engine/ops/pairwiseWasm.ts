// The float64 pairwise sum of one contiguous row in WebAssembly SIMD (module bytes in
// pairwiseWasmBytes.ts, from pairwiseWasmSource.ts): the row is copied into the module's
// memory (a memcpy) and summed there in NumPy's order, bit for bit what pairwise.ts's JS kernel
// returns (see pairwiseWasmSource.ts). In JS every element costs an index computation and a
// bounds check beside its add, so the JS kernel ran about 1.4x as long as copy plus SIMD sum
// for sum of 1e6 float64. Compiled on first use; where WebAssembly or its SIMD instructions
// are missing, callers keep the JS kernel.

import { fromBase64 } from '../wasm/base64';
import { PAIRWISE_WASM_BASE64 } from './pairwiseWasmBytes';
import { PAIRWISE_PAGES } from './pairwiseWasmSource';

/** The slice of the WebAssembly JS API used here (the project's lib settings carry no DOM types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

interface PairwiseExports {
  memory: { buffer: ArrayBuffer };
  pairwiseF64(p: number, n: number): number;
}

interface Kernel { readonly sum: (p: number, n: number) => number; readonly mem: Float64Array }

/** The most elements one call sums: the module's memory. */
export const PAIRWISE_WASM_MAX = (PAIRWISE_PAGES * 65536) / 8;

/** undefined: not tried yet; null: unavailable here. */
let kernel: Kernel | null | undefined;

function instantiate(): Kernel | null {
  const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm === undefined) return null;
  try {
    const k = new wasm.Instance(new wasm.Module(fromBase64(PAIRWISE_WASM_BASE64)), {}).exports as PairwiseExports;
    return { sum: k.pairwiseF64, mem: new Float64Array(k.memory.buffer) };
  } catch {
    // no SIMD (CompileError), or a host that refuses synchronous compilation (RangeError)
    return null;
  }
}

/**
 * NumPy's pairwise sum of `A[ao]…A[ao + n - 1]` (n ≤ PAIRWISE_WASM_MAX), or undefined when
 * this runtime has no WebAssembly SIMD (the caller then runs pairwise.ts's kernel).
 */
export function pairwiseSumF64(A: Float64Array, ao: number, n: number): number | undefined {
  if (kernel === undefined) kernel = instantiate();
  if (kernel === null || n > PAIRWISE_WASM_MAX) return undefined;
  kernel.mem.set(A.subarray(ao, ao + n));
  return kernel.sum(0, n);
}
