// glibc 2.36's expm1 (sysdeps/ieee754/dbl-64/s_expm1.c), bit for bit, as Debian 12's libm
// runs it on an x86-64 CPU with FMA: its expm1 is an IFUNC picking an -mfma build, whose
// fused operations (read from its disassembly) are the fma() calls below. It differs from
// V8's Math.expm1 (fdlibm's Horner polynomial, no fusion) in ~0.1% of inputs, which would
// change Generator.pareto/power/logseries in the last bit.

import { fma } from './libm';

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

const O_THRESHOLD = 7.09782712893383973096e+02;
const LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e+00;
const Q1 = -3.33333333333331316428e-02, Q2 = 1.58730158725481460165e-03, Q3 = -7.93650757867487942473e-05,
  Q4 = 4.00821782732936239552e-06, Q5 = -2.01099218183624371326e-07;

function highWord(x: number): number {
  F64[0] = x;
  return U32[1];
}

/** `x` with `add` added to its high word (its exponent, for `add = k << 20`). */
function addHighWord(x: number, add: number): number {
  F64[0] = x;
  U32[1] = (U32[1] + add) >>> 0;
  return F64[0];
}

function fromHighWord(hi: number): number {
  F64[0] = 0;
  U32[1] = hi >>> 0;
  return F64[0];
}

/** glibc's `expm1(x)`. */
export function expm1(x: number): number {
  let hx = highWord(x);
  const neg = (hx & 0x80000000) !== 0;
  hx &= 0x7fffffff;
  if (hx >= 0x4043687a) { // |x| >= 56 ln2
    if (hx >= 0x40862e42) {
      if (hx >= 0x7ff00000) return Number.isNaN(x) ? x + x : (neg ? -1.0 : x);
      if (x > O_THRESHOLD) return Infinity;
    }
    if (neg) return 1e-300 - 1.0;
  }
  let k: number, c = 0;
  if (hx > 0x3fd62e42) { // |x| > 0.5 ln2
    let hi: number, lo: number;
    if (hx < 0x3ff0a2b2) {
      if (!neg) { hi = x - LN2_HI; lo = LN2_LO; k = 1; } else { hi = x + LN2_HI; lo = -LN2_LO; k = -1; }
    } else {
      k = Math.trunc(INV_LN2 * x + (neg ? -0.5 : 0.5));
      const t = k;
      hi = x - t * LN2_HI; // exact
      lo = t * LN2_LO;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (hx < 0x3c900000) { // |x| < 2**-54
    return x;
  } else {
    k = 0;
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const R1 = fma(hxs, Q1, 1.0), h2 = hxs * hxs;
  const R2 = fma(hxs, Q3, Q2), h4 = h2 * h2;
  const R3 = fma(hxs, Q5, Q4);
  const r1 = fma(h4, R3, fma(h2, R2, R1));
  let t = fma(-r1, hfx, 3.0);
  let e = hxs * ((r1 - t) / fma(-x, t, 6.0));
  if (k === 0) return x - fma(x, e, -hxs);
  e = fma(x, e - c, -c);
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1.0 + 2.0 * (x - e);
  if (k <= -2 || k > 56) return addHighWord(1.0 - (e - x), k << 20) - 1.0;
  if (k < 20) {
    t = fromHighWord(0x3ff00000 - (0x200000 >> k)); // 1 - 2**-k
    return addHighWord(t - (e - x), k << 20);
  }
  t = fromHighWord((0x3ff - k) << 20); // 2**-k
  return addHighWord((x - (e + t)) + 1.0, k << 20);
}
