// The float32 log and sincos that torch 1.13's AVX2 normal kernel (normal_fill_16_AVX2 in
// aten/src/ATen/native/cpu/DistributionTemplates.h) calls: log256_ps and sincos256_ps from
// aten/src/ATen/native/cpu/avx_mathfun.h (Cephes polynomials, not Sleef), one lane at a time.
// GCC 12 compiles that file with -mfma and contracts mul+add pairs into fused multiply-adds;
// which pairs it fused was read off the disassembly of the same source built with Debian's
// GCC 12.2 (-O2 -mavx2 -mfma), and the result matches Debian's torch on 4M randn values.
// Every other operation is a float32 operation: Math.fround after each one.

const fr = Math.fround;
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const F32 = new Float32Array(1);
const I32 = new Int32Array(F32.buffer);

/**
 * Correctly rounded float32 a*b + c for float32 operands. The product is exact in double;
 * the double sum is rounded to odd (the TwoSum error decides the sticky bit), and a value
 * rounded to odd with 53 >= 24 + 2 bits rounds to float32 exactly as the real sum would.
 */
export function fmaf(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  const bb = s - p;
  const err = (p - (s - bb)) + (c - bb);
  if (err === 0 || !Number.isFinite(s)) return fr(s);
  F64[0] = s;
  if ((U32[0] & 1) !== 0) return fr(s);
  // s is even: step to the neighbour on err's side so the result is odd (sticky)
  if ((err > 0) === (s > 0)) {
    if (U32[0] === 0xffffffff) { U32[0] = 0; U32[1] += 1; } else U32[0] += 1;
  } else if (U32[0] === 0) { U32[0] = 0xffffffff; U32[1] -= 1; } else U32[0] -= 1;
  return fr(F64[0]);
}

const ONE = 1;
const HALF = 0.5;
const SQRTHF = fr(0.707106781186547524);
const LOG_P = [7.0376836292e-2, -1.1514610310e-1, 1.1676998740e-1, -1.2420140846e-1, 1.4249322787e-1,
  -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1].map(fr);
const LOG_Q1 = fr(-2.12194440e-4);
const LOG_Q2 = fr(0.693359375);

/** log256_ps for one lane: NaN for x <= 0, denormals clamped to the smallest normal. */
export function logf256(xIn: number): number {
  if (!(xIn > 0)) return NaN;
  F32[0] = Math.max(fr(xIn), 2 ** -126);
  const bits = I32[0];
  I32[0] = (bits & ~0x7f800000) | 0x3f000000; // the mantissa as a value in [0.5, 1)
  let x = F32[0];
  let e = ((bits >>> 23) - 127) + 1;
  const below = x < SQRTHF;
  const tmp = below ? x : 0;
  x = fr(x - ONE);
  if (below) e -= 1;
  x = fr(x + tmp);
  const z = fr(x * x);
  let y = LOG_P[0];
  for (let k = 1; k < 9; k++) y = fmaf(y, x, LOG_P[k]);
  y = fr(y * x);
  y = fmaf(y, z, fr(e * LOG_Q1));
  y = fmaf(-z, HALF, y);
  x = fr(x + y);
  return fmaf(e, LOG_Q2, x);
}

const FOPI = fr(1.27323954473516); // 4 / pi
const DP1 = fr(-0.78515625), DP2 = fr(-2.4187564849853515625e-4), DP3 = fr(-3.77489497744594108e-8);
const SIN_P0 = fr(-1.9515295891e-4), SIN_P1 = fr(8.3321608736e-3), SIN_P2 = fr(-1.6666654611e-1);
const COS_P0 = fr(2.443315711809948e-5), COS_P1 = fr(-1.388731625493765e-3), COS_P2 = fr(4.166664568298827e-2);

/** sincos256_ps for one lane: [sin x, cos x], accurate for |x| < 8192 as Cephes' sinf is. */
export function sincosf256(xIn: number): [number, number] {
  const negative = xIn < 0 || Object.is(xIn, -0);
  let x = Math.abs(xIn);
  let j = Math.trunc(fr(x * FOPI)) | 0; // cvttps2dq
  j = (j + 1) & ~1;
  const yj = fr(j);
  const sinNegative = negative !== ((j & 4) !== 0);
  const cosNegative = (~(j - 2) & 4) !== 0;
  const cosPolyIsCos = (j & 2) === 0;
  x = fmaf(yj, DP1, x);
  x = fmaf(yj, DP2, x);
  x = fmaf(yj, DP3, x);
  const z = fr(x * x);
  const halfZ = fr(z * HALF);
  let yc = fmaf(COS_P0, z, COS_P1);
  yc = fmaf(yc, z, COS_P2);
  yc = fr(z * yc);
  yc = fmaf(z, yc, -halfZ);
  yc = fr(yc + ONE);
  let ys = fmaf(SIN_P0, z, SIN_P1);
  ys = fmaf(ys, z, SIN_P2);
  ys = fr(z * ys);
  ys = fmaf(x, ys, x);
  const s = cosPolyIsCos ? ys : yc;
  const c = cosPolyIsCos ? yc : ys;
  return [sinNegative ? -s : s, cosNegative ? -c : c];
}

const TWO_PI_F32 = fr(2 * Math.PI);

/**
 * normal_fill_16_AVX2 on d[o..o+16): u1 = 1 - d[o+j], u2 = d[o+j+8] (uniform floats), written
 * back as fma(radius * cos, std, mean) and fma(radius * sin, std, mean) for j < 8.
 */
export function normalFill16Avx2(d: Float64Array, o: number, mean: number, std: number): void {
  const m = fr(mean), s = fr(std);
  for (let j = 0; j < 8; j++) {
    const u1 = fr(ONE - d[o + j]), u2 = d[o + j + 8];
    const radius = fr(Math.sqrt(fr(-2 * logf256(u1))));
    const [sin, cos] = sincosf256(fr(TWO_PI_F32 * u2));
    d[o + j] = fmaf(fr(radius * cos), s, m);
    d[o + j + 8] = fmaf(fr(radius * sin), s, m);
  }
}
