// PCG64 as NumPy 1.24 runs it (numpy/random/src/pcg64): a 128-bit LCG (state*mult + inc)
// with the XSL-RR output, seeded from SeedSequence.generate_state(4, uint64), with NumPy's
// buffered `next_uint32` (the high half of a 64-bit draw is kept for the next call) and
// `next_double` = (next64 >> 11) * 2**-53. The 128-bit state lives in eight 16-bit limbs
// of plain numbers so a step needs no BigInt; BigInt appears only in the state getters.

import { BitGenerator, U64 } from './bitGenerator';
import { SeedSequence } from './seedSequence';

/** PCG_DEFAULT_MULTIPLIER_128 = 2549297995355413924 * 2**64 + 4865540595714422341. */
const MULT = limbsOf((2549297995355413924n << 64n) | 4865540595714422341n);

function limbsOf(v: bigint): Float64Array {
  const out = new Float64Array(8);
  for (let i = 0; i < 8; i++) out[i] = Number((v >> BigInt(16 * i)) & 0xffffn);
  return out;
}

function bigintOf(limbs: ArrayLike<number>): bigint {
  let v = 0n;
  for (let i = 7; i >= 0; i--) v = (v << 16n) | BigInt(limbs[i]);
  return v;
}

export class PCG64 implements BitGenerator {
  readonly name = 'PCG64';
  private readonly s = new Float64Array(8);
  private readonly inc = new Float64Array(8);
  private readonly tmp = new Float64Array(8);
  hasUint32 = false;
  uinteger = 0;
  private readonly out: U64 = { hi: 0, lo: 0 };

  /** `PCG64(seed)`: the state from SeedSequence words, as `pcg64_set_seed` does. */
  constructor(seq: SeedSequence) {
    const w = seq.generateState(4, 'uint64');
    const u64 = (k: number): bigint => (BigInt(w[2 * k + 1]) << 32n) | BigInt(w[2 * k]);
    const initstate = (u64(0) << 64n) | u64(1);
    const initseq = (u64(2) << 64n) | u64(3);
    this.setRaw(0n, ((initseq << 1n) | 1n) & ((1n << 128n) - 1n));
    this.step();
    this.setRaw((bigintOf(this.s) + initstate) & ((1n << 128n) - 1n), bigintOf(this.inc));
    this.step();
  }

  private setRaw(state: bigint, inc: bigint): void {
    this.s.set(limbsOf(state));
    this.inc.set(limbsOf(inc));
  }

  /** state = state * MULT + inc (mod 2**128). */
  private step(): void {
    const s = this.s, t = this.tmp, inc = this.inc;
    let carry = 0;
    for (let i = 0; i < 8; i++) {
      let acc = carry + inc[i];
      for (let j = 0; j <= i; j++) acc += s[j] * MULT[i - j];
      carry = Math.floor(acc / 65536);
      t[i] = acc - carry * 65536;
    }
    s.set(t);
  }

  /** One `pcg64_random_r`: step, then XSL-RR of the new state. */
  next64(out: U64): void {
    this.step();
    const s = this.s;
    const xhi = (((s[7] << 16) | s[6]) ^ ((s[3] << 16) | s[2])) >>> 0;
    const xlo = (((s[5] << 16) | s[4]) ^ ((s[1] << 16) | s[0])) >>> 0;
    const rot = s[7] >>> 10;
    if (rot === 0) { out.hi = xhi; out.lo = xlo; return; }
    if (rot < 32) {
      out.lo = ((xlo >>> rot) | (xhi << (32 - rot))) >>> 0;
      out.hi = ((xhi >>> rot) | (xlo << (32 - rot))) >>> 0;
    } else if (rot === 32) {
      out.lo = xhi;
      out.hi = xlo;
    } else {
      const r = rot - 32;
      out.lo = ((xhi >>> r) | (xlo << (32 - r))) >>> 0;
      out.hi = ((xlo >>> r) | (xhi << (32 - r))) >>> 0;
    }
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

  nextDouble(): number {
    this.next64(this.out);
    // (x >> 11) * 2**-53: the top 53 bits
    return ((this.out.hi * 2097152) + (this.out.lo >>> 11)) / 9007199254740992;
  }

  /** `bit_generator.state['state']` as Python ints. */
  getState(): { state: bigint; inc: bigint; hasUint32: number; uinteger: number } {
    return { state: bigintOf(this.s), inc: bigintOf(this.inc), hasUint32: this.hasUint32 ? 1 : 0, uinteger: this.uinteger };
  }

  setState(state: bigint, inc: bigint, hasUint32: number, uinteger: number): void {
    this.setRaw(state, inc);
    this.hasUint32 = hasUint32 !== 0;
    this.uinteger = uinteger >>> 0;
  }
}

