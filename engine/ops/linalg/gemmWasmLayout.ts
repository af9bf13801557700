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
