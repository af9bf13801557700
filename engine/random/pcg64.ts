// PCG64 as NumPy 1.24 runs it (numpy/random/src/pcg64): a 128-bit LCG (state*mult + inc)
// with the XSL-RR output, seeded from SeedSequence.generate_state(4, uint64), with NumPy's
// buffered `next_uint32` (the high half of a 64-bit draw is kept for the next call) and
// `next_double` = (next64 >> 11) * 2**-53. The steps run in the WebAssembly kernel
// (wasmKernels.ts, native 64-bit multiplies), a block at a time for bulk fills; the state
// lives here as eight u32 words, copied in and out around each kernel call. BigInt appears
// only in seeding and the state getters.

import { BitGenerator, U64 } from './bitGenerator';
import { SeedSequence } from './seedSequence';
import { OUT32, OUT_CAPACITY, runPcg64, runPcg64Normals } from './wasmKernels';

const MASK128 = (1n << 128n) - 1n;
/** PCG_DEFAULT_MULTIPLIER_128. */
const MULT = (2549297995355413924n << 64n) | 4865540595714422341n;
/** 2**-53: multiplying by it is exact, and cheaper than dividing. */
const TWO_M53 = 1 / 9007199254740992;

/** Four u32 words, least significant first, of a 128-bit value. */
function wordsOf(v: bigint, out: Uint32Array, at: number): void {
  for (let k = 0; k < 4; k++) out[at + k] = Number((v >> BigInt(32 * k)) & 0xffffffffn);
}

function bigintOf(w: Uint32Array, at: number): bigint {
  let v = 0n;
  for (let k = 3; k >= 0; k--) v = (v << 32n) | BigInt(w[at + k]);
  return v;
}

export class PCG64 implements BitGenerator {
  readonly name = 'PCG64';
  /** state (words 0–3) and increment (words 4–7), least significant first: the kernel's slot layout. */
  private readonly st = new Uint32Array(8);
  hasUint32 = false;
  uinteger = 0;
  private readonly out: U64 = { hi: 0, lo: 0 };

  /** `PCG64(seed)`: the state from SeedSequence words, as `pcg64_set_seed` does. */
  constructor(seq: SeedSequence) {
    const w = seq.generateState(4, 'uint64');
    const u64 = (k: number): bigint => (BigInt(w[2 * k + 1]) << 32n) | BigInt(w[2 * k]);
    const initstate = (u64(0) << 64n) | u64(1);
    const initseq = (u64(2) << 64n) | u64(3);
    const inc = ((initseq << 1n) | 1n) & MASK128;
    let state = inc; // one step from state 0
    state = (((state + initstate) & MASK128) * MULT + inc) & MASK128;
    this.setRaw(state, inc);
  }

  private setRaw(state: bigint, inc: bigint): void {
    wordsOf(state, this.st, 0);
    wordsOf(inc, this.st, 4);
  }

  /** One `pcg64_random_r`: step, then XSL-RR of the new state. */
  next64(out: U64): void {
    const m = runPcg64(this.st, 1);
    out.lo = m[OUT32];
    out.hi = m[OUT32 + 1];
  }

  next32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.next64(this.out);
    this.hasUint32 = true;
    this.uinteger = this.out.hi;
    return this.out.lo;
  }

  /**
   * n draws in order, left in the kernel's memory a block at a time: `use(m, base, k, done)`
   * reads draw t of the block at m[base + 2t] (low) and m[base + 2t + 1] (high).
   */
  private blocks(n: number, use: (m: Uint32Array, base: number, k: number, done: number) => void): void {
    for (let done = 0; done < n;) {
      const k = Math.min(n - done, OUT_CAPACITY);
      use(runPcg64(this.st, k), OUT32, k, done);
      done += k;
    }
  }

  fill64(hi: Uint32Array, lo: Uint32Array, n: number): void {
    this.blocks(n, (m, base, k, done) => {
      for (let t = 0; t < k; t++) {
        lo[done + t] = m[base + 2 * t];
        hi[done + t] = m[base + 2 * t + 1];
      }
    });
  }

  fillDoubles(out: Float64Array, n: number): void {
    this.blocks(n, (m, base, k, done) => {
      for (let t = 0; t < k; t++) out[done + t] = (m[base + 2 * t + 1] * 2097152 + (m[base + 2 * t] >>> 11)) * TWO_M53;
    });
  }

  /** `random_standard_normal` for each element of d in order: the kernel's ziggurat, a block at a time. */
  fillStandardNormal(d: Float64Array): void {
    const n = d.length;
    for (let done = 0; done < n;) {
      const k = Math.min(n - done, OUT_CAPACITY);
      runPcg64Normals(this.st, k, d, done);
      done += k;
    }
  }

  nextDouble(): number {
    this.next64(this.out);
    // (x >> 11) * 2**-53: the top 53 bits
    return ((this.out.hi * 2097152) + (this.out.lo >>> 11)) * TWO_M53;
  }

  /** `bit_generator.state['state']` as Python ints. */
  getState(): { state: bigint; inc: bigint; hasUint32: number; uinteger: number } {
    return { state: bigintOf(this.st, 0), inc: bigintOf(this.st, 4), hasUint32: this.hasUint32 ? 1 : 0, uinteger: this.uinteger };
  }

  setState(state: bigint, inc: bigint, hasUint32: number, uinteger: number): void {
    this.setRaw(state, inc);
    this.hasUint32 = hasUint32 !== 0;
    this.uinteger = uinteger >>> 0;
  }
}
