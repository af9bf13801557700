// MT19937 exactly as NumPy 1.24 runs it (numpy/random/src/mt19937): the twist, tempering,
// `next_double` from two 32-bit draws, NumPy's legacy seeding (`np.random.seed(int)` fills
// the key with Knuth's generator and sets pos = 624; a 1-d array of ints goes through
// init_by_array) and the SeedSequence seeding of `MT19937(seed)`. Uint32 arithmetic with
// Math.imul for single draws; bulk doubles run in the WebAssembly kernel (wasmKernels.ts)
// on a copy of the key. It knows nothing of distributions or of Python values.

import { BitGenerator, U64 } from './bitGenerator';
import { SeedSequence } from './seedSequence';
import { OUT_CAPACITY, runMtDoubles } from './wasmKernels';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

export class MT19937 implements BitGenerator {
  readonly name = 'MT19937';
  readonly key = new Uint32Array(N);
  pos = N;

  /** `mt19937_seed`: what `np.random.seed(s)` does for an int s in [0, 2**32). */
  seedLegacy(seed: number): void {
    const key = this.key;
    let s = seed >>> 0;
    for (let i = 0; i < N; i++) {
      key[i] = s;
      s = (Math.imul(1812433253, (s ^ (s >>> 30)) >>> 0) + i + 1) >>> 0;
    }
    this.pos = N;
  }

  /** `mt19937_init_by_array`: what `np.random.seed([a, b, …])` does. */
  initByArray(initKey: ArrayLike<number>): void {
    const mt = this.key;
    mt[0] = 19650218;
    for (let i = 1; i < N; i++) {
      mt[i] = (Math.imul(1812433253, (mt[i - 1] ^ (mt[i - 1] >>> 30)) >>> 0) + i) >>> 0;
    }
    const len = initKey.length;
    let i = 1, j = 0;
    for (let k = Math.max(N, len); k > 0; k--) {
      mt[i] = ((mt[i] ^ Math.imul(mt[i - 1] ^ (mt[i - 1] >>> 30), 1664525)) + (initKey[j] >>> 0) + j) >>> 0;
      i++;
      j++;
      if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      mt[i] = ((mt[i] ^ Math.imul(mt[i - 1] ^ (mt[i - 1] >>> 30), 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
    }
    mt[0] = 0x80000000;
    this.pos = N;
  }

  /** `MT19937(seed)` (the non-legacy constructor): 624 words from a SeedSequence. */
  seedFromSequence(seq: SeedSequence): void {
    const val = seq.generateState(N, 'uint32');
    this.key.set(val);
    this.key[0] = 0x80000000;
    // NumPy leaves pos at the loop variable's last value, 623: the first draw tempers
    // key[623] before the first twist.
    this.pos = N - 1;
  }

  private twist(): void {
    const key = this.key;
    let i = 0, y: number;
    for (; i < N - M; i++) {
      y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
      key[i] = key[i + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; i < N - 1; i++) {
      y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
      key[i] = key[i + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    y = (key[N - 1] & UPPER_MASK) | (key[0] & LOWER_MASK);
    key[N - 1] = key[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    this.pos = 0;
  }

  next32(): number {
    if (this.pos === N) this.twist();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  next64(out: U64): void {
    out.hi = this.next32();
    out.lo = this.next32();
  }

  nextDouble(): number {
    const a = this.next32() >>> 5, b = this.next32() >>> 6;
    // * 2**-53 is the C code's / 2**53 exactly (a power of two), without a division
    return (a * 67108864.0 + b) * 1.1102230246251565e-16;
  }

  /** next_double n times: the WebAssembly kernel (twist, tempering, doubles), a block at a time. */
  fillDoubles(out: Float64Array, n: number): void {
    for (let done = 0; done < n;) {
      const k = Math.min(n - done, OUT_CAPACITY);
      this.pos = runMtDoubles(this.key, this.pos, k, out, done);
      done += k;
    }
  }

  fill64(hi: Uint32Array, lo: Uint32Array, n: number): void {
    for (let i = 0; i < n; i++) {
      hi[i] = this.next32();
      lo[i] = this.next32();
    }
  }

  /** `random_raw` for MT19937: one 32-bit output widened to uint64. */
  randomRaw(): number {
    return this.next32();
  }

  /** The legacy state's key (a copy) and pos. */
  getState(): { key: Uint32Array; pos: number } {
    return { key: this.key.slice(), pos: this.pos };
  }

  setState(key: ArrayLike<number>, pos: number): void {
    for (let i = 0; i < N; i++) this.key[i] = key[i] >>> 0;
    this.pos = pos;
  }
}

