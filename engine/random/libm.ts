// The few libm functions whose results NumPy's random streams expose, computed exactly as
// glibc 2.36 (Debian 12) on an x86-64 CPU with FMA/AVX2 computes them: `log` and `log1p`
// are the FMA builds glibc selects at load time, so every operation GCC fused there is an
// exactly rounded fma() here; `log1pf` is plain float32 fdlibm code. V8's Math.log differs
// from glibc's in ~7% of inputs, which would change legacy gaussians in the last bit. `log`
// is hot (one per legacy gaussian pair), so it first runs without the emulated fma and
// proves the last bit from an error bound, falling back to the emulation when it cannot. `exp`
// is here for lognormal, which returns it; where exp only feeds an accept/reject comparison the
// samplers keep Math.exp: a 1-ulp difference there flips a decision with probability ~2**-52.

import { LOG_LN2HI, LOG_LN2LO, LOG_POLY, LOG_POLY1, LOG_TAB } from './tables';
import {
  EXP_INV_LN2_N, EXP_NEG_LN2_HI_N, EXP_NEG_LN2_LO_N, EXP_POLY, EXP_SBITS_HI, EXP_SBITS_LO, EXP_SHIFT, EXP_TAIL,
} from './glibcExpPowTables';

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const F32 = new Float32Array(1);
const I32 = new Int32Array(F32.buffer);
const fr = Math.fround;

const SPLIT = 134217729; // 2**27 + 1, Veltkamp's splitter

/**
 * Correctly rounded a*b + c for finite operands far from overflow and underflow: Dekker's
 * exact product, then Boldo & Melquiond's emulation RN(th + RO(tl + pl)) with RO rounding
 * to odd. Enough for libm kernels whose operands are moderate by construction.
 */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  const pl = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  const th = c + p;
  const bb = th - c;
  const tl = (c - (th - bb)) + (p - bb);
  let v = tl + pl;
  const bv = v - tl;
  const ve = (tl - (v - bv)) + (pl - bv);
  if (ve !== 0) {
    F64[0] = v;
    if ((U32[0] & 1) === 0) {
      // round to odd: take the other neighbour of the exact sum
      if ((ve > 0) === (v > 0)) U32[0] += 1;
      else if (U32[0] === 0) { U32[0] = 0xffffffff; U32[1] -= 1; } else U32[0] -= 1;
      v = F64[0];
    }
  }
  return th + v;
}

const [A0, A1, A2, A3, A4] = LOG_POLY;
const [, B1, B2, B3, B4, B5, B6, B7, B8, B9, B10] = LOG_POLY1;

/** Each table 1/c split into 26-bit halves (Veltkamp), for the exact product invc*z in `log`. */
export const LOG_INVC_SPLIT = (() => {
  const out = new Float64Array(LOG_TAB.length);
  for (let i = 0; i < out.length; i += 2) {
    const a = LOG_TAB[i], t = SPLIT * a;
    out[i] = t - (t - a);
    out[i + 1] = a - out[i];
  }
  return out;
})();

/**
 * glibc's `log` (sysdeps/ieee754/dbl-64/e_log.c, __log_fma), bit for bit. The main path
 * first tries the polynomial tail without emulated fma (5× faster) and keeps the result only
 * when the tail's error bound cannot change the final rounding; otherwise, and near 1, it
 * takes logExact.
 */
export function log(x: number): number {
  if (x >= 0.9375 && x < 1.064697265625) return logNear1(x);
  F64[0] = x;
  const ixHi = U32[1];
  const top = ixHi >>> 16;
  if (top - 0x0010 >= 0x7ff0 - 0x0010 || top < 0x0010) return logExact(x);
  const tmpHi = (ixHi - 0x3fe60000) | 0;
  const i = (tmpHi >>> 13) & 127;
  const k = tmpHi >> 20;
  U32[1] = (ixHi - (tmpHi & 0xfff00000)) >>> 0;
  const z = F64[0];
  const invc = LOG_TAB[2 * i], logc = LOG_TAB[2 * i + 1];
  // r = fma(invc, z, -1), exactly: invc*z = p + e (Dekker's product), and p - 1 is exact
  // (Sterbenz: p is within 2**-7 of 1), so one rounding of (p - 1) + e is the fma's
  const ih = LOG_INVC_SPLIT[2 * i], il = LOG_INVC_SPLIT[2 * i + 1];
  const t = SPLIT * z;
  const zh = t - (t - z), zl = z - zh;
  const pr = invc * z;
  const r = (pr - 1) + ((((ih * zh - pr) + ih * zl) + il * zh) + il * zl);
  const kd = k;
  const w = kd * LOG_LN2HI + logc;
  const hi = r + w;
  // the tail v = fma(r3, p, q) with each fma as a multiply and an add; q is exact anyway
  // when lo is (r2 * A0 is exact: A0 = -0.5)
  const kl = kd * LOG_LN2LO;
  const lo = kl + ((w - hi) + r);
  const r2 = r * r;
  const q = r2 * A0 + lo;
  const r3 = r * r2;
  const p = (r * A4 + A3) * r2 + (r * A2 + A1);
  const v = r3 * p + q;
  // |v - glibc's v| stays below ~2**-50 of these magnitudes (p ≈ 1/3 to a few ulp, one
  // extra rounding per split fma); 2**-47 leaves a margin of 8
  const eps = (Math.abs(r3) + Math.abs(kl) + Math.abs(lo) + Math.abs(q) + Math.abs(v)) * 7.105427357601002e-15;
  const y = hi + (v - eps);
  if (y === hi + (v + eps)) return y;
  return logExact(x);
}

/** `log`'s path for x near 1 (glibc's separate polynomial), fast path and check as in `log`. */
function logNear1(x: number): number {
  if (x === 1) return 0;
  const r = x - 1;
  const r2 = r * r;
  const r3 = r * r2;
  const p5 = r2 * B3 + (r * B2 + B1);
  const p9 = r2 * B6 + (r * B5 + B4);
  const p15 = r3 * B10 + (r2 * B9 + (r * B8 + B7));
  const p19 = (p15 * r3 + p9) * r3 + p5;
  const w = r * 134217728;
  const rhi = r + w - w;
  const rlo = r - rhi;
  const sq = rhi * rhi;
  const hi = r + sq * -0.5;
  const lo0 = (r - hi) + sq * -0.5;
  const c = rlo * -0.5 * (r + rhi);
  const lo = c + lo0;
  const v = p19 * r3 + lo;
  // p19 ≈ 1/3 to ~2**-51; each split fma adds one rounding: 2**-47 leaves a margin of 8
  const eps = (Math.abs(r3) + Math.abs(c) + Math.abs(lo) + Math.abs(v)) * 7.105427357601002e-15;
  const y = hi + (v - eps);
  if (y === hi + (v + eps)) return y;
  return logExact(x);
}

/** glibc's `log` with every fma emulated exactly: the reference the fast paths fall back to. */
export function logExact(x: number): number {
  if (x >= 0.9375 && x < 1.064697265625) {
    // close to 1: the separate polynomial path
    if (x === 1) return 0;
    const r = x - 1;
    const r2 = r * r;
    const r3 = r * r2;
    const p5 = fma(r2, B3, fma(r, B2, B1));
    const p9 = fma(r2, B6, fma(r, B5, B4));
    const p15 = fma(r3, B10, fma(r2, B9, fma(r, B8, B7)));
    const p19 = fma(fma(p15, r3, p9), r3, p5);
    const w = r * 134217728;
    const rhi = r + w - w;
    const rlo = r - rhi;
    const sq = rhi * rhi;
    const hi = r + sq * -0.5;
    let lo = (r - hi) + sq * -0.5;
    lo = fma(rlo * -0.5, r + rhi, lo);
    return hi + fma(p19, r3, lo);
  }
  F64[0] = x;
  let ixHi = U32[1];
  let ixLo = U32[0];
  const top = ixHi >>> 16;
  if (top - 0x0010 >= 0x7ff0 - 0x0010 || top < 0x0010) {
    if (x === 0) return -Infinity;
    if (x === Infinity) return x;
    if (!(x > 0)) return NaN;
    // subnormal: scale into the normal range
    F64[0] = x * 4503599627370496;
    ixHi = (U32[1] - (52 << 20)) >>> 0;
    ixLo = U32[0];
  }
  const tmpHi = (ixHi - 0x3fe60000) | 0;
  const i = (tmpHi >>> 13) & 127;
  const k = tmpHi >> 20;
  U32[1] = (ixHi - (tmpHi & 0xfff00000)) >>> 0;
  U32[0] = ixLo;
  const z = F64[0];
  const invc = LOG_TAB[2 * i], logc = LOG_TAB[2 * i + 1];
  const r = fma(invc, z, -1);
  const kd = k;
  const w = kd * LOG_LN2HI + logc; // exact product: ln2hi has 42 significant bits
  const hi = r + w;
  const lo = fma(kd, LOG_LN2LO, (w - hi) + r);
  const r2 = r * r;
  const q = fma(r2, A0, lo);
  const r3 = r * r2;
  const p = fma(fma(r, A4, A3), r2, fma(r, A2, A1));
  return fma(r3, p, q) + hi;
}

// ---- log1p (sysdeps/ieee754/dbl-64/s_log1p.c) ----------------------------------------

const LN2_HI = 6.93147180369123816490e-01;
const LN2_LO = 1.90821492927058770002e-10;
const LP1 = 6.666666666666735130e-01, LP2 = 3.999999999940941908e-01, LP3 = 2.857142874366239149e-01,
  LP4 = 2.222219843214978396e-01, LP5 = 1.818357216161805012e-01, LP6 = 1.531383769920937332e-01,
  LP7 = 1.479819860511658591e-01;

function highWord(x: number): number {
  F64[0] = x;
  return U32[1] | 0;
}

function withHighWord(x: number, hi: number): number {
  F64[0] = x;
  U32[1] = hi >>> 0;
  return F64[0];
}

/** glibc's `log1p` (sysdeps/ieee754/dbl-64/s_log1p.c, FMA build), bit for bit. */
export function log1p(x: number): number {
  const hx = highWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1, f = 0, hu = 0, c = 0;
  if (hx < 0x3fda827a) {
    if (ax >= 0x3ff00000) return x === -1 ? -Infinity : NaN;
    if (ax < 0x3e200000) {
      if (ax < 0x3c900000) return x;
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) { k = 0; f = x; hu = 1; }
  } else if (hx >= 0x7ff00000) {
    return x + x;
  }
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1 - (u - x) : x - (u - 1);
      c /= u;
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      u = withHighWord(u, hu | 0x3ff00000);
    } else {
      k += 1;
      u = withHighWord(u, hu | 0x3fe00000);
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1;
  }
  const hfsq = 0.5 * f * f;
  // k * LN2_HI is exact (LN2_HI has 32 significant bits), so only the LN2_LO and
  // polynomial terms below are fused, as GCC fuses them.
  if (hu === 0) {
    if (f === 0) {
      if (k === 0) return 0;
      return k * LN2_HI + fma(k, LN2_LO, c);
    }
    const R = fma(-f, 0.66666666666666666, 1) * hfsq;
    if (k === 0) return f - R;
    return k * LN2_HI - ((R - fma(k, LN2_LO, c)) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const z2 = z * z, z4 = z2 * z2, z6 = z2 * z4;
  const R2 = fma(z, LP3, LP2), R3 = fma(z, LP5, LP4), R4 = fma(z, LP7, LP6);
  const R = fma(z6, R4, fma(z4, R3, fma(z, LP1, z2 * R2)));
  const sR = s * (R + hfsq);
  if (k === 0) return f - (hfsq - sR);
  return k * LN2_HI - ((hfsq - (fma(k, LN2_LO, c) + sR)) - f);
}

// ---- log1pf (sysdeps/ieee754/flt-32/s_log1pf.c), every operation rounded to float32 ----

const LN2_HI_F = fr(6.9313812256e-01), LN2_LO_F = fr(9.0580006145e-06);
const LPF = [6.6666668653e-01, 4.0000000596e-01, 2.8571429849e-01, 2.2222198546e-01,
  1.8183572590e-01, 1.5313838422e-01, 1.4798198640e-01].map(fr);
const TWO_THIRDS_F = fr(0.66666666666666666);

function floatWord(x: number): number {
  F32[0] = x;
  return I32[0];
}

function fromFloatWord(w: number): number {
  I32[0] = w;
  return F32[0];
}

/** glibc's `log1pf` for a float32 argument, bit for bit. */
export function log1pf(x: number): number {
  const hx = floatWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1, f = 0, hu = 0, c = 0;
  if (hx < 0x3ed413d7) {
    if (ax >= 0x3f800000) return x === -1 ? -Infinity : NaN;
    if (ax < 0x31000000) {
      if (ax < 0x24800000) return x;
      return fr(x - fr(fr(x * x) * 0.5));
    }
    if (hx > 0 || hx <= (0xbe95f61f | 0)) { k = 0; f = x; hu = 1; }
  }
  if (hx >= 0x7f800000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x5a000000) {
      u = fr(1 + x);
      hu = floatWord(u);
      k = (hu >> 23) - 127;
      c = k > 0 ? fr(1 - fr(u - x)) : fr(x - fr(u - 1));
      c = fr(c / u);
    } else {
      u = x;
      hu = floatWord(u);
      k = (hu >> 23) - 127;
      c = 0;
    }
    hu &= 0x007fffff;
    if (hu < 0x3504f7) {
      u = fromFloatWord(hu | 0x3f800000);
    } else {
      k += 1;
      u = fromFloatWord(hu | 0x3f000000);
      hu = (0x00800000 - hu) >> 2;
    }
    f = fr(u - 1);
  }
  const kf = fr(k);
  const hfsq = fr(fr(0.5 * f) * f);
  if (hu === 0) {
    if (f === 0) {
      if (k === 0) return 0;
      c = fr(c + fr(kf * LN2_LO_F));
      return fr(fr(kf * LN2_HI_F) + c);
    }
    const R = fr(hfsq * fr(1 - fr(TWO_THIRDS_F * f)));
    if (k === 0) return fr(f - R);
    return fr(fr(kf * LN2_HI_F) - fr(fr(R - fr(fr(kf * LN2_LO_F) + c)) - f));
  }
  const s = fr(f / fr(2 + f));
  const z = fr(s * s);
  let t = fr(LPF[5] + fr(z * LPF[6]));
  for (let j = 4; j >= 0; j--) t = fr(LPF[j] + fr(z * t));
  const R = fr(z * t);
  if (k === 0) return fr(f - fr(hfsq - fr(s * fr(hfsq + R))));
  return fr(fr(kf * LN2_HI_F) - fr(fr(hfsq - fr(fr(s * fr(hfsq + R)) + fr(fr(kf * LN2_LO_F) + c))) - f));
}

// ---- exp (sysdeps/ieee754/dbl-64/e_exp.c, the FMA build) -------------------------------

const [EC2, EC3, EC4, EC5] = EXP_POLY;
const TWO_P1009 = 2 ** 1009;
const TWO_M1022 = 2 ** -1022;

function bitsToDouble(hi: number, lo: number): number {
  U32[1] = hi >>> 0;
  U32[0] = lo >>> 0;
  return F64[0];
}

/** `specialcase`: |x| beyond ~512, where scale = 2^(k/N) itself may overflow or be subnormal. */
function expSpecial(tmp: number, sHi: number, sLo: number, k: number): number {
  if (k >= 0) {
    const scale = bitsToDouble(sHi - (1009 << 20), sLo);
    return TWO_P1009 * fma(scale, tmp, scale);
  }
  // scale * tmp has two uses here, so GCC computes it once and fuses neither sum
  const scale = bitsToDouble(sHi + (1022 << 20), sLo);
  const p = scale * tmp;
  let y = scale + p;
  if (y < 1.0) {
    let lo = scale - y + p;
    const hi = 1.0 + y;
    lo = 1.0 - hi + y + lo;
    y = (hi + lo) - 1.0;
    if (y === 0) y = 0;
  }
  return TWO_M1022 * y;
}

/**
 * glibc's `exp` (__exp_fma), bit for bit: x = k ln2/128 + r, then 2^(k/128) from the table
 * times a degree-5 polynomial in r. Every a + b*c GCC fuses in the FMA build is an exactly
 * rounded fma() here.
 */
export function exp(x: number): number {
  F64[0] = x;
  const top = (U32[1] >>> 20) & 0x7ff;
  if (top >= 0x409) {
    if (x === -Infinity) return 0;
    if (top >= 0x7ff) return 1.0 + x;
  }
  return expInline(x, 0);
}

/**
 * `exp_inline(x, xtail, sign_bias=0)` of e_pow.c, which `exp` shares: e^(x + xtail) for finite
 * x, with xtail a correction far below x's last bit (pow's low part; 0 for exp).
 */
export function expInline(x: number, xtail: number): number {
  F64[0] = x;
  const top = (U32[1] >>> 20) & 0x7ff;
  let special = false;
  if (top - 0x3c9 >= 0x408 - 0x3c9 || top < 0x3c9) {
    // |x| < 2**-54 (top12(0x1p-54) = 0x3c9) or |x| >= 512 (top12(512) = 0x408)
    if (top < 0x3c9) return 1.0 + x;
    if (top >= 0x409) return x < 0 ? 0 : Infinity;
    special = true;
  }
  let kd = fma(EXP_INV_LN2_N, x, EXP_SHIFT);
  F64[0] = kd;
  const k = U32[0] | 0; // the low word of kd's bits: k, as Shift's low word is 0
  kd -= EXP_SHIFT;
  let r = fma(kd, EXP_NEG_LN2_LO_N, fma(kd, EXP_NEG_LN2_HI_N, x));
  r += xtail;
  const i = k & 127;
  const tail = EXP_TAIL[i];
  const sHi = (EXP_SBITS_HI[i] + (k << 13)) | 0, sLo = EXP_SBITS_LO[i];
  const r2 = r * r;
  const tmp = fma(r2 * r2, fma(r, EC5, EC4), fma(r2, fma(r, EC3, EC2), tail + r));
  if (special) return expSpecial(tmp, sHi, sLo, k);
  const scale = bitsToDouble(sHi, sLo);
  return fma(scale, tmp, scale);
}
