// glibc 2.36's `pow` (sysdeps/ieee754/dbl-64/e_pow.c, the FMA build selected on x86-64 with
// FMA/AVX2) bit for bit, for the powers NumPy's gamma and beta samplers return: log(x) in
// double-double from pow's own 128-entry table, times y, then exp_inline (libm.ts). Every
// a + b*c GCC fuses there is an exactly rounded fma() here.

import { expInline, fma } from './libm';
import { POW_LN2_HI, POW_LN2_LO, POW_LOG_POLY, POW_LOG_TAB } from './glibcExpPowTables';

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const [A0, A1, A2, A3, A4, A5, A6] = POW_LOG_POLY;
const OFF_HI = 0x3fe69555; // OFF = 0x3fe6955500000000

/** `log_inline`: log(x) as hi + lo for x's bits (hi, lo words) of a positive normal double. */
function logInline(ixHi: number, ixLo: number, out: { hi: number; lo: number }): void {
  const tmpHi = (ixHi - OFF_HI) | 0;
  const i = (tmpHi >>> 13) & 127;
  const k = tmpHi >> 20;
  U32[1] = (ixHi - (tmpHi & 0xfff00000)) >>> 0;
  U32[0] = ixLo;
  const z = F64[0];
  const kd = k;
  const invc = POW_LOG_TAB[3 * i], logc = POW_LOG_TAB[3 * i + 1], logctail = POW_LOG_TAB[3 * i + 2];
  const r = fma(z, invc, -1.0);
  const t1 = kd * POW_LN2_HI + logc; // exact product: ln2hi has few significant bits
  const t2 = t1 + r;
  const lo1 = fma(kd, POW_LN2_LO, logctail);
  const lo2 = t1 - t2 + r;
  const ar = A0 * r;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const hi = t2 + ar2;
  const lo3 = fma(ar, r, -ar2);
  const lo4 = t2 - hi + ar2;
  const q = fma(ar2, fma(ar2, fma(r, A6, A5), fma(r, A4, A3)), fma(r, A2, A1));
  const lo = fma(ar3, q, lo1 + lo2 + lo3 + lo4);
  const y = hi + lo;
  out.hi = y;
  out.lo = hi - y + lo;
}

const logOut = { hi: 0, lo: 0 };

/**
 * glibc's pow(x, y) for x >= 0 (what the samplers pass: uniforms and sums of positives).
 * Zero, infinite and NaN arguments and |y| outside [2**-65, 2**63) take glibc's special
 * cases; a negative x is outside this port and throws.
 */
export function powNonNegative(x: number, y: number): number {
  if (!(x >= 0)) {
    if (Number.isNaN(x)) return y === 0 ? 1 : NaN;
    throw new RangeError(`powNonNegative: x = ${x} < 0`);
  }
  F64[0] = x;
  let ixHi = U32[1], ixLo = U32[0];
  const topx = ixHi >>> 20;
  F64[0] = y;
  const topy = (U32[1] >>> 20) & 0x7ff;
  if (topx === 0 || topx >= 0x7ff || topy - 0x3be >= 0x43e - 0x3be || topy < 0x3be) {
    // zero/inf/nan x or y, subnormal x, or |y| tiny or huge
    if (y === 0 || !Number.isFinite(y)) {
      if (y === 0) return 1.0;
      if (x === 1) return 1.0;
      if (Number.isNaN(y)) return NaN;
      // y = ±inf: 0 or inf by |x| against 1 (x = 0 included)
      return (x < 1) === (y > 0) ? 0 : Infinity;
    }
    if (x === 0 || x === Infinity) {
      const x2 = x * x;
      return y < 0 ? 1 / x2 : x2;
    }
    if (topy - 0x3be >= 0x43e - 0x3be || topy < 0x3be) {
      if (x === 1) return 1.0;
      if (topy < 0x3be) return x > 1 ? 1.0 + y : 1.0 - y;
      return (x > 1) === (y > 0) ? Infinity : 0;
    }
    if (topx === 0) {
      // subnormal x: normalise so the exponent becomes negative
      F64[0] = x * 4503599627370496;
      ixHi = ((U32[1] & 0x7fffffff) - (52 << 20)) >>> 0;
      ixLo = U32[0];
    }
  }
  logInline(ixHi, ixLo, logOut);
  const hi = logOut.hi, lo = logOut.lo;
  const ehi = y * hi;
  const elo = fma(y, lo, fma(y, hi, -ehi));
  return expInline(ehi, elo);
}
