// glibc 2.36's float32 `logf` and `powf` (sysdeps/ieee754/flt-32/e_logf.c, e_powf.c, the FMA
// builds x86-64 selects with FMA/AVX2) bit for bit, for NumPy's float32 standard_gamma. Both
// work in double from small tables (glibcFloatTables.ts) and round once to float32; every
// a + b*c GCC fuses there is an exactly rounded fma() here. Arguments are float32 values.

import { fma } from './libm';
import {
  EXP2F_POLY, EXP2F_SHIFT_SCALED, EXP2F_TAB_HI, EXP2F_TAB_LO, LOGF_LN2, LOGF_POLY, LOGF_TAB, POWF_LOG2_POLY, POWF_LOG2_TAB,
} from './glibcFloatTables';

const fr = Math.fround;
const F32 = new Float32Array(1);
const U32F = new Uint32Array(F32.buffer);
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const OFF = 0x3f330000;

const floatBits = (x: number): number => { F32[0] = x; return U32F[0]; };
const bitsFloat = (w: number): number => { U32F[0] = w >>> 0; return F32[0]; };

/** glibc's `logf`. */
export function logf(x: number): number {
  let ix = floatBits(x);
  if (ix === 0x3f800000) return 0;
  if (ix - 0x00800000 >= 0x7f800000 - 0x00800000 || ix < 0x00800000) {
    // x < 0x1p-126, inf or nan
    if ((ix & 0x7fffffff) === 0) return -Infinity;
    if (ix === 0x7f800000) return x;
    if ((ix & 0x80000000) !== 0 || (ix & 0x7fffffff) >= 0x7f800000) return NaN;
    // subnormal: normalise
    ix = floatBits(fr(bitsFloat(ix) * 8388608)) - (23 << 23);
  }
  const tmp = (ix - OFF) | 0;
  const i = (tmp >>> 19) & 15;
  const k = tmp >> 23;
  const z = bitsFloat(ix - (tmp & 0xff800000));
  const invc = LOGF_TAB[2 * i], logc = LOGF_TAB[2 * i + 1];
  const r = fma(z, invc, -1);
  const y0 = fma(k, LOGF_LN2, logc);
  const r2 = r * r;
  let y = fma(LOGF_POLY[1], r, LOGF_POLY[2]);
  y = fma(LOGF_POLY[0], r2, y);
  y = fma(y, r2, y0 + r);
  return fr(y);
}

const [P0, P1, P2, P3, P4] = POWF_LOG2_POLY;
const [C0, C1, C2] = EXP2F_POLY;

/** `log2_inline` of e_powf.c: log2(x) in double for x's float bits (normal, positive). */
function log2Inline(ix: number): number {
  const tmp = (ix - OFF) | 0;
  const i = (tmp >>> 19) & 15;
  const top = tmp & 0xff800000;
  const z = bitsFloat(ix - top);
  const k = top >> 23;
  const invc = POWF_LOG2_TAB[2 * i], logc = POWF_LOG2_TAB[2 * i + 1];
  const r = fma(z, invc, -1);
  const y0 = logc + k;
  const r2 = r * r;
  const y = fma(P0, r, P1);
  const p = fma(P2, r, P3);
  const r4 = r2 * r2;
  let q = fma(P4, r, y0);
  q = fma(p, r2, q);
  return fma(y, r4, q);
}

/** `exp2_inline` of e_powf.c (sign_bias 0): 2^xd rounded to float32. */
function exp2Inline(xd: number): number {
  let kd = xd + EXP2F_SHIFT_SCALED;
  F64[0] = kd;
  const k = U32[0] | 0; // k/32 units: the shift's low word is 0
  kd -= EXP2F_SHIFT_SCALED;
  const r = xd - kd;
  const i = k & 31;
  F64[0] = 0;
  U32[1] = (EXP2F_TAB_HI[i] + (k << 15)) >>> 0;
  U32[0] = EXP2F_TAB_LO[i];
  const s = F64[0];
  const z = fma(C0, r, C1);
  const r2 = r * r;
  let y = fma(C2, r, 1);
  y = fma(z, r2, y);
  return fr(y * s);
}

/** glibc's `powf` for x >= 0 (what the samplers pass); a negative x is outside this port and throws. */
export function powfNonNegative(x: number, y: number): number {
  let ix = floatBits(x);
  const iy = floatBits(y);
  if ((ix & 0x80000000) !== 0 && ix !== 0x80000000) throw new RangeError(`powfNonNegative: x = ${x} < 0`);
  const yZeroInfNan = ((2 * iy) >>> 0) - 1 >= ((2 * 0x7f800000) >>> 0) - 1 || iy === 0 || iy === 0x80000000;
  if (ix - 0x00800000 >= 0x7f800000 - 0x00800000 || ix < 0x00800000 || yZeroInfNan) {
    if (yZeroInfNan) {
      if ((iy & 0x7fffffff) === 0) return 1.0;
      if (ix === 0x3f800000) return 1.0;
      if ((ix & 0x7fffffff) > 0x7f800000 || (iy & 0x7fffffff) > 0x7f800000) return fr(x + y);
      if ((ix & 0x7fffffff) === 0x3f800000) return 1.0;
      if (((ix & 0x7fffffff) < 0x3f800000) === ((iy & 0x80000000) === 0)) return 0.0;
      return fr(y * y);
    }
    if ((ix & 0x7fffffff) === 0 || (ix & 0x7fffffff) >= 0x7f800000) {
      const x2 = fr(x * x);
      return (iy & 0x80000000) !== 0 ? fr(1 / x2) : x2;
    }
    // subnormal x: normalise so the exponent becomes negative
    ix = ((floatBits(fr(bitsFloat(ix) * 8388608)) & 0x7fffffff) - (23 << 23)) | 0;
  }
  const logx = log2Inline(ix);
  const ylogx = y * logx;
  if (Math.abs(ylogx) >= 126) {
    if (ylogx > 127.99999995700433) return Infinity; // 0x1.fffffffd1d571p+6
    if (ylogx <= -150.0) return 0;
  }
  return exp2Inline(ylogx);
}
