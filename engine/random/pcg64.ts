// PCG64 as NumPy 1.24 runs it (numpy/random/src/pcg64): a 128-bit LCG (state*mult + inc)
// with the XSL-RR output, seeded from SeedSequence.generate_state(4, uint64), with NumPy's
// buffered `next_uint32` (the high half of a 64-bit draw is kept for the next call) and
// `next_double` = (next64 >> 11) * 2**-53. The 128-bit state lives in six plain-number limbs
// of 24, 24, 24, 24, 24 and 8 bits, so a step is 21 exact double products (each < 2**48)
// with no BigInt and no allocation; BigInt appears only in seeding and the state getters.

import { BitGenerator, U64 } from './bitGenerator';
import { SeedSequence } from './seedSequence';

const LIMB_BITS = [24, 24, 24, 24, 24, 8];
const TWO24 = 16777216;
const INV24 = 1 / 16777216;
const MASK128 = (1n << 128n) - 1n;
/** 2**-53: multiplying by it is exact, and cheaper than dividing. */
const TWO_M53 = 1 / 9007199254740992;

function limbsOf(v: bigint): number[] {
  const out: number[] = [];
  let shift = 0n;
  for (const w of LIMB_BITS) {
    out.push(Number((v >> shift) & ((1n << BigInt(w)) - 1n)));
    shift += BigInt(w);
  }
  return out;
}

/** PCG_DEFAULT_MULTIPLIER_128 = 2549297995355413924 * 2**64 + 4865540595714422341. */
const [M0, M1, M2, M3, M4, M5] = limbsOf((2549297995355413924n << 64n) | 4865540595714422341n);

export class PCG64 implements BitGenerator {
  readonly name = 'PCG64';
  // state limbs, least significant first
  private s0 = 0; private s1 = 0; private s2 = 0; private s3 = 0; private s4 = 0; private s5 = 0;
  // increment limbs
  private i0 = 0; private i1 = 0; private i2 = 0; private i3 = 0; private i4 = 0; private i5 = 0;
  hasUint32 = false;
  uinteger = 0;
  private readonly out: U64 = { hi: 0, lo: 0 };

  /** `PCG64(seed)`: the state from SeedSequence words, as `pcg64_set_seed` does. */
  constructor(seq: SeedSequence) {
    const w = seq.generateState(4, 'uint64');
    const u64 = (k: number): bigint => (BigInt(w[2 * k + 1]) << 32n) | BigInt(w[2 * k]);
    const initstate = (u64(0) << 64n) | u64(1);
    const initseq = (u64(2) << 64n) | u64(3);
    this.setRaw(0n, ((initseq << 1n) | 1n) & MASK128);
    this.step();
    this.setRaw((this.stateBigint() + initstate) & MASK128, this.incBigint());
    this.step();
  }

  private setRaw(state: bigint, inc: bigint): void {
    [this.s0, this.s1, this.s2, this.s3, this.s4, this.s5] = limbsOf(state);
    [this.i0, this.i1, this.i2, this.i3, this.i4, this.i5] = limbsOf(inc);
  }

  private stateBigint(): bigint {
    return bigintOf([this.s0, this.s1, this.s2, this.s3, this.s4, this.s5]);
  }

  private incBigint(): bigint {
    return bigintOf([this.i0, this.i1, this.i2, this.i3, this.i4, this.i5]);
  }

  /** state = state * MULT + inc (mod 2**128), schoolbook over the limbs; carries stay exact. */
  private step(): void {
    const a0 = this.s0, a1 = this.s1, a2 = this.s2, a3 = this.s3, a4 = this.s4, a5 = this.s5;
    let c = a0 * M0 + this.i0;
    let k = Math.floor(c * INV24);
    this.s0 = c - k * TWO24;
    c = a0 * M1 + a1 * M0 + this.i1 + k;
    k = Math.floor(c * INV24);
    this.s1 = c - k * TWO24;
    c = a0 * M2 + a1 * M1 + a2 * M0 + this.i2 + k;
    k = Math.floor(c * INV24);
    this.s2 = c - k * TWO24;
    c = a0 * M3 + a1 * M2 + a2 * M1 + a3 * M0 + this.i3 + k;
    k = Math.floor(c * INV24);
    this.s3 = c - k * TWO24;
    c = a0 * M4 + a1 * M3 + a2 * M2 + a3 * M1 + a4 * M0 + this.i4 + k;
    k = Math.floor(c * INV24);
    this.s4 = c - k * TWO24;
    c = a0 * M5 + a1 * M4 + a2 * M3 + a3 * M2 + a4 * M1 + a5 * M0 + this.i5 + k;
    this.s5 = c - Math.floor(c * (1 / 256)) * 256;
  }

  /** One `pcg64_random_r`: step, then XSL-RR of the new state. */
  next64(out: U64): void {
    this.step();
    const s1 = this.s1, s2 = this.s2, s5 = this.s5;
    // the state's four 32-bit words from the 24-bit limbs
    const w0 = this.s0 | ((s1 & 0xff) << 24);
    const w1 = (s1 >>> 8) | ((s2 & 0xffff) << 16);
    const w2 = (s2 >>> 16) | (this.s3 << 8);
    const w3 = this.s4 | (s5 << 24);
    const xhi = (w3 ^ w1) >>> 0;
    const xlo = (w2 ^ w0) >>> 0;
    const rot = s5 >>> 2;
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

  /** next64 n times with the state in locals (step and XSL-RR as there), written back at the end. */
  fill64(hi: Uint32Array, lo: Uint32Array, n: number): void {
    let s0 = this.s0, s1 = this.s1, s2 = this.s2, s3 = this.s3, s4 = this.s4, s5 = this.s5;
    const i0 = this.i0, i1 = this.i1, i2 = this.i2, i3 = this.i3, i4 = this.i4, i5 = this.i5;
    for (let t = 0; t < n; t++) {
      const a0 = s0, a1 = s1, a2 = s2, a3 = s3, a4 = s4, a5 = s5;
      let c = a0 * M0 + i0;
      let k = Math.floor(c * INV24);
      s0 = c - k * TWO24;
      c = a0 * M1 + a1 * M0 + i1 + k;
      k = Math.floor(c * INV24);
      s1 = c - k * TWO24;
      c = a0 * M2 + a1 * M1 + a2 * M0 + i2 + k;
      k = Math.floor(c * INV24);
      s2 = c - k * TWO24;
      c = a0 * M3 + a1 * M2 + a2 * M1 + a3 * M0 + i3 + k;
      k = Math.floor(c * INV24);
      s3 = c - k * TWO24;
      c = a0 * M4 + a1 * M3 + a2 * M2 + a3 * M1 + a4 * M0 + i4 + k;
      k = Math.floor(c * INV24);
      s4 = c - k * TWO24;
      c = a0 * M5 + a1 * M4 + a2 * M3 + a3 * M2 + a4 * M1 + a5 * M0 + i5 + k;
      s5 = c - Math.floor(c * (1 / 256)) * 256;
      const w0 = s0 | ((s1 & 0xff) << 24);
      const w1 = (s1 >>> 8) | ((s2 & 0xffff) << 16);
      const w2 = (s2 >>> 16) | (s3 << 8);
      const w3 = s4 | (s5 << 24);
      const xhi = (w3 ^ w1) >>> 0;
      const xlo = (w2 ^ w0) >>> 0;
      const rot = s5 >>> 2;
      if (rot === 0) {
        hi[t] = xhi; lo[t] = xlo;
      } else if (rot < 32) {
        lo[t] = (xlo >>> rot) | (xhi << (32 - rot));
        hi[t] = (xhi >>> rot) | (xlo << (32 - rot));
      } else if (rot === 32) {
        lo[t] = xhi; hi[t] = xlo;
      } else {
        const r = rot - 32;
        lo[t] = (xhi >>> r) | (xlo << (32 - r));
        hi[t] = (xlo >>> r) | (xhi << (32 - r));
      }
    }
    this.s0 = s0; this.s1 = s1; this.s2 = s2; this.s3 = s3; this.s4 = s4; this.s5 = s5;
  }

  fillDoubles(out: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) out[i] = this.nextDouble();
  }

  nextDouble(): number {
    this.next64(this.out);
    // (x >> 11) * 2**-53: the top 53 bits
    return ((this.out.hi * 2097152) + (this.out.lo >>> 11)) * TWO_M53;
  }

  /** `bit_generator.state['state']` as Python ints. */
  getState(): { state: bigint; inc: bigint; hasUint32: number; uinteger: number } {
    return { state: this.stateBigint(), inc: this.incBigint(), hasUint32: this.hasUint32 ? 1 : 0, uinteger: this.uinteger };
  }

  setState(state: bigint, inc: bigint, hasUint32: number, uinteger: number): void {
    this.setRaw(state, inc);
    this.hasUint32 = hasUint32 !== 0;
    this.uinteger = uinteger >>> 0;
  }
}


function bigintOf(limbs: readonly number[]): bigint {
  let v = 0n;
  for (let i = LIMB_BITS.length - 1; i >= 0; i--) v = (v << BigInt(LIMB_BITS[i])) | BigInt(limbs[i]);
  return v;
}
