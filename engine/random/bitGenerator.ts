// The bit-generator interface every sampler draws from, as NumPy's C `bitgen_t`: 32-bit
// and 64-bit words and a double in [0, 1). 64-bit words come back as two uint32 halves
// (`next64` writes `hi`/`lo` of a reused U64) so hot loops never allocate or use BigInt.
// Implementations: MT19937 (mt19937.ts) and PCG64 (pcg64.ts). No sampling logic here.

/** A mutable unsigned 64-bit value as two uint32 halves. */
export interface U64 { hi: number; lo: number }

export interface BitGenerator {
  /** NumPy's class name: 'MT19937' or 'PCG64'. */
  readonly name: string;
  /** `next_uint32`: a uint32 as a non-negative number. */
  next32(): number;
  /** `next_uint64` into `out`. */
  next64(out: U64): void;
  /** `next_double`: a double in [0, 1) with 53 random bits. */
  nextDouble(): number;
  /** `out[i] = next_double()` for i < n, in order (a tight loop for bulk samplers). */
  fillDoubles(out: Float64Array, n: number): void;
  /** n `next_uint64` draws in order into `hi[i]`/`lo[i]` (a tight loop for bulk samplers). */
  fill64(hi: Uint32Array, lo: Uint32Array, n: number): void;
}

export const TWO32 = 4294967296;
