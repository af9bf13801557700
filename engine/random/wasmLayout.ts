// Where the random kernels' WebAssembly module (wasmKernels.ts) keeps things in its one
// fixed-size memory: the slots a generator's state is copied into around a kernel call,
// the output buffer, and the constant tables written once at load. Byte offsets.

export const PCG_STATE = 0; // state lo, state hi, inc lo, inc hi: four little-endian u64
export const MT_POS = 32; // i32
export const MT_KEY = 64; // 624 u32
export const MT_TEMPERED = MT_KEY + 4 * 624; // 624 u32: the key's words tempered, for the draws
export const OUT = 8192; // kernel output: u64 words or f64 values
/** How many 8-byte results one kernel call may write at OUT. */
export const OUT_CAPACITY = 16384;
export const ZIG_KI = OUT + 8 * OUT_CAPACITY; // 256 f64: ki_double (integers below 2**53)
export const ZIG_WI = ZIG_KI + 8 * 256; // 256 f64: wi_double
export const ZIG_FI = ZIG_WI + 8 * 256; // 256 f64: fi_double
export const LOG_TABLE = ZIG_FI + 8 * 256; // 128 (invc, logc) f64 pairs: glibc log's table
export const LOG_INVC_SPLIT = LOG_TABLE + 16 * 128; // 128 (hi, lo) f64 pairs: invc split in 26-bit halves
export const DEFERRED = LOG_INVC_SPLIT + 16 * 128; // OUT_CAPACITY / 2 i32: addresses of gaussian pairs whose log is finished in a later pass
export const END = DEFERRED + 4 * (OUT_CAPACITY / 2);
export const PAGES = Math.ceil(END / 65536);
