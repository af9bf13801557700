// The shapes gemm's WebAssembly module (gemmWasmSource.ts) and its driver (gemmWasm.ts)
// agree on: the micro-tile per accumulation mode, and the cache blocks the driver packs.

/** Micro-tile: MR rows of C by NV v128 vectors of columns (MR·NV accumulators in registers). */
export const F64_MR = 4, F64_NV = 2; // 4 × 4 doubles
export const F32_MR = 4, F32_NV = 2; // 4 × 8 floats
export const F64_NR = 2 * F64_NV, F32_NR = 4 * F32_NV;

/**
 * Cache blocks: k depth of a panel, rows of an A block, columns of a B panel, and rows of the
 * C block kept in the module's memory across k chunks (a multiple of MC and of every MR).
 * They bound the module's memory, which never shrinks: A block, B panel, C block and the
 * staged A and B, (2·MC·KC + 2·KC·NC + MB·NC) elements: at most 8.9 MB of float64s.
 */
export const KC = 256, MC = 128, NC = 1024, MB = 512;

/**
 * The k depth of a panel for float32 accumulation: twice KC, so its panels take the bytes
 * float64's do (the memory bound above holds for both). Deeper panels mean half the jobs and
 * the threads' barriers between them; 512² float32 products took 4% less time (3.26-3.39
 * against 3.39-3.58 ms, A/B on 2 threads); float64 gained nothing measurable from 512.
 * The results are the same bit for bit at any depth: C is stored and reloaded between k
 * chunks in its own type, which is exact.
 */
export const KC_F32 = 2 * KC;
