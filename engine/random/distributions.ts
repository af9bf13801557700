// NumPy 1.24's C samplers over a BitGenerator, transcribed operation for operation from
// numpy/random/src/distributions/distributions.c and src/legacy/legacy-distributions.c:
// bounded integers (masked and Lemire rejection, with the 8/16-bit buffering), the
// shuffle interval draw, the legacy polar gaussian, the ziggurat normal (float64 and
// float32), binomial (inversion and BTPE) and poisson (multiplication and PTRS). Plain
// functions on numbers; argument checking and array shapes belong to legacy.ts/generator.ts.

import { BitGenerator, TWO32, U64 } from './bitGenerator';
import { log, log1p, log1pf } from './libm';
import { MT19937 } from './mt19937';
import { PCG64 } from './pcg64';
import { OUT_CAPACITY, runMtGaussPairs } from './wasmKernels';
import {
  FI_DOUBLE, FI_FLOAT, KI_DOUBLE, KI_FLOAT, WI_DOUBLE, WI_FLOAT, ZIGGURAT_NOR_INV_R, ZIGGURAT_NOR_INV_R_F,
  ZIGGURAT_NOR_R, ZIGGURAT_NOR_R_F,
} from './tables';

const fr = Math.fround;
const scratch: U64 = { hi: 0, lo: 0 };
const TWO63 = 9223372036854775808;
const TWO_M53 = 1 / 9007199254740992;

/** `next_float`: 24 random bits as a float32 in [0, 1). */
export function nextFloat(bg: BitGenerator): number {
  return (bg.next32() >>> 8) * (1 / 16777216);
}

/** Smallest 2**k - 1 >= max, for max < 2**32. */
export function genMask32(max: number): number {
  let m = max >>> 0;
  m |= m >>> 1;
  m |= m >>> 2;
  m |= m >>> 4;
  m |= m >>> 8;
  m |= m >>> 16;
  return m >>> 0;
}

/** The high 32 bits of the 64-bit product of two uint32 values. */
function mulhi32(a: number, b: number): number {
  const a0 = a & 0xffff, a1 = a >>> 16, b0 = b & 0xffff, b1 = b >>> 16;
  const p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  return p11 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
}

// ---- bounded integers -------------------------------------------------------------------

/** The 8/16-bit draws' buffer (`bcnt`, `buf`), fresh for each fill call as in NumPy. */
export interface BitBuffer { bcnt: number; buf: number }
export const newBuffer = (): BitBuffer => ({ bcnt: 0, buf: 0 });

function buffered16(bg: BitGenerator, b: BitBuffer): number {
  if (b.bcnt === 0) { b.buf = bg.next32(); b.bcnt = 1; } else { b.buf >>>= 16; b.bcnt -= 1; }
  return b.buf & 0xffff;
}

function buffered8(bg: BitGenerator, b: BitBuffer): number {
  if (b.bcnt === 0) { b.buf = bg.next32(); b.bcnt = 3; } else { b.buf >>>= 8; b.bcnt -= 1; }
  return b.buf & 0xff;
}

function maskedU32(bg: BitGenerator, rng: number, mask: number): number {
  let v: number;
  while ((v = (bg.next32() & mask) >>> 0) > rng);
  return v;
}

function lemireU32(bg: BitGenerator, rng: number): number {
  const excl = rng + 1;
  let x = bg.next32();
  let leftover = Math.imul(x, excl) >>> 0;
  if (leftover < excl) {
    const threshold = (0xffffffff - rng) % excl;
    while (leftover < threshold) {
      x = bg.next32();
      leftover = Math.imul(x, excl) >>> 0;
    }
  }
  return mulhi32(x, excl);
}

/**
 * One value in [0, rng] for a range of at most 32 bits, as `random_bounded_uint64_fill`,
 * `random_bounded_uint32_fill` and `random_bounded_uint64` draw it (the 32-bit paths
 * buffer nothing).
 */
export function bounded32(bg: BitGenerator, rng: number, mask: number, masked: boolean): number {
  if (rng === 0) return 0;
  if (rng === 0xffffffff) return bg.next32();
  return masked ? maskedU32(bg, rng, mask) : lemireU32(bg, rng);
}

/** One value in [0, rng] for 16-bit dtypes (`random_buffered_bounded_uint16`). */
export function bounded16(bg: BitGenerator, rng: number, mask: number, masked: boolean, b: BitBuffer): number {
  if (rng === 0) return 0;
  if (rng === 0xffff) return buffered16(bg, b);
  if (masked) {
    let v: number;
    while ((v = buffered16(bg, b) & mask) > rng);
    return v;
  }
  const excl = rng + 1;
  let m = buffered16(bg, b) * excl;
  let leftover = m & 0xffff;
  if (leftover < excl) {
    const threshold = (0xffff - rng) % excl;
    while (leftover < threshold) {
      m = buffered16(bg, b) * excl;
      leftover = m & 0xffff;
    }
  }
  return m >>> 16;
}

/** One value in [0, rng] for 8-bit dtypes (`random_buffered_bounded_uint8`). */
export function bounded8(bg: BitGenerator, rng: number, mask: number, masked: boolean, b: BitBuffer): number {
  if (rng === 0) return 0;
  if (rng === 0xff) return buffered8(bg, b);
  if (masked) {
    let v: number;
    while ((v = buffered8(bg, b) & mask) > rng);
    return v;
  }
  const excl = rng + 1;
  let m = buffered8(bg, b) * excl;
  let leftover = m & 0xff;
  if (leftover < excl) {
    const threshold = (0xff - rng) % excl;
    while (leftover < threshold) {
      m = buffered8(bg, b) * excl;
      leftover = m & 0xff;
    }
  }
  return m >>> 8;
}

/** `buffered_bounded_bool`: off when rng is 0, else one buffered bit. */
export function boundedBool(bg: BitGenerator, off: number, rng: number, b: BitBuffer): number {
  if (rng === 0) return off;
  if (b.bcnt === 0) { b.buf = bg.next32(); b.bcnt = 31; } else { b.buf >>>= 1; b.bcnt -= 1; }
  return b.buf & 1;
}

const U64_MAX = (1n << 64n) - 1n;

/**
 * One value in [0, rng] for a range wider than 32 bits (rng < 2**64): masked rejection on
 * 64-bit draws (legacy) or Lemire's 128-bit product (Generator). Returns a bigint; only
 * ranges beyond 2**32 come here, so the common paths stay BigInt-free.
 */
export function bounded64Wide(bg: BitGenerator, rng: bigint, masked: boolean): bigint {
  if (rng === U64_MAX) { bg.next64(scratch); return (BigInt(scratch.hi) << 32n) | BigInt(scratch.lo); }
  if (masked) {
    const rhi = Number(rng >> 32n), rlo = Number(rng & 0xffffffffn);
    const mhi = genMask32(rhi), mlo = 0xffffffff;
    for (;;) {
      bg.next64(scratch);
      const hi = (scratch.hi & mhi) >>> 0, lo = (scratch.lo & mlo) >>> 0;
      if (hi < rhi || (hi === rhi && lo <= rlo)) return (BigInt(hi) << 32n) | BigInt(lo);
    }
  }
  const excl = rng + 1n;
  const draw = (): bigint => { bg.next64(scratch); return (BigInt(scratch.hi) << 32n) | BigInt(scratch.lo); };
  let m = draw() * excl;
  let leftover = m & U64_MAX;
  if (leftover < excl) {
    const threshold = (U64_MAX - rng) % excl;
    while (leftover < threshold) {
      m = draw() * excl;
      leftover = m & U64_MAX;
    }
  }
  return m >> 64n;
}

/** `random_interval(max)`: masked rejection in [0, max], used by shuffle and permutation. */
export function randomInterval(bg: BitGenerator, max: number): number {
  if (max === 0) return 0;
  if (max <= 0xffffffff) {
    const mask = genMask32(max);
    let v: number;
    while ((v = (bg.next32() & mask) >>> 0) > max);
    return v;
  }
  const rhi = Math.floor(max / TWO32), rlo = max % TWO32;
  const mhi = genMask32(rhi);
  for (;;) {
    bg.next64(scratch);
    const hi = (scratch.hi & mhi) >>> 0, lo = scratch.lo;
    if (hi < rhi || (hi === rhi && lo <= rlo)) return hi * TWO32 + lo;
  }
}

/** `random_bounded_uint64(state, 0, max, 0, use_masked=false)` for max < 2**53 (choice, _shuffle_int). */
export function boundedLemireIndex(bg: BitGenerator, max: number): number {
  if (max <= 0xffffffff) return bounded32(bg, max, 0, false);
  return Number(bounded64Wide(bg, BigInt(max), false));
}

// ---- normals ------------------------------------------------------------------------------

/** The legacy generator's gaussian cache (`aug_bitgen_t`). */
export interface GaussState { hasGauss: boolean; gauss: number }

/** `legacy_gauss`: the polar Box–Muller method, returning the cached second value first. */
export function legacyGauss(bg: BitGenerator, st: GaussState): number {
  if (st.hasGauss) {
    const t = st.gauss;
    st.hasGauss = false;
    st.gauss = 0;
    return t;
  }
  let x1: number, x2: number, r2: number;
  do {
    x1 = 2.0 * bg.nextDouble() - 1.0;
    x2 = 2.0 * bg.nextDouble() - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 === 0.0);
  const f = Math.sqrt(-2.0 * log(r2) / r2);
  st.gauss = f * x1;
  st.hasGauss = true;
  return f * x2;
}

/**
 * `d[i] = legacyGauss(bg, st)` for each i in order, a pair per polar draw: the same values
 * and the same cache afterwards, without the cache round trip between the two of a pair.
 * The uniforms come in blocks of exactly two per pair still to make (each pair takes at
 * least two), so no more are drawn than the one-at-a-time loop draws.
 */
export function fillLegacyGauss(bg: BitGenerator, st: GaussState, d: Float64Array): void {
  const n = d.length;
  let i = 0;
  if (n > 0 && st.hasGauss) d[i++] = legacyGauss(bg, st);
  const pairs = (n - i) >> 1;
  if (bg instanceof MT19937) {
    // the WebAssembly kernel's polar loop (wasmMt19937.ts), a block of pairs at a time
    const cap = OUT_CAPACITY >> 1;
    for (let done = 0; done < pairs;) {
      const k = Math.min(pairs - done, cap);
      bg.pos = runMtGaussPairs(bg.key, bg.pos, k, d, i);
      i += 2 * k;
      done += k;
    }
    if (i < n) d[i] = legacyGauss(bg, st);
    return;
  }
  const u = new Float64Array(Math.min(2 * pairs, 1 << 14));
  let have = 0, j = 0;
  for (let done = 0; done < pairs; done++, i += 2) {
    let x1: number, x2: number, r2: number;
    do {
      if (j === have) {
        have = Math.min(2 * (pairs - done), u.length);
        bg.fillDoubles(u, have);
        j = 0;
      }
      x1 = 2.0 * u[j] - 1.0;
      x2 = 2.0 * u[j + 1] - 1.0;
      j += 2;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 === 0.0);
    const f = Math.sqrt(-2.0 * log(r2) / r2);
    d[i] = f * x2;
    d[i + 1] = f * x1;
  }
  if (i < n) d[i] = legacyGauss(bg, st);
}

/** `random_standard_normal`: the 256-layer ziggurat on 64-bit draws. */
export function standardNormal(bg: BitGenerator): number {
  for (;;) {
    bg.next64(scratch);
    const hi = scratch.hi, lo = scratch.lo;
    const idx = lo & 0xff;
    const sign = (lo >>> 8) & 1;
    const rabs = (hi & 0x1fffffff) * 8388608 + (lo >>> 9);
    let x = rabs * WI_DOUBLE[idx];
    if (sign) x = -x;
    if (rabs < KI_DOUBLE[idx]) return x;
    if (idx === 0) {
      for (;;) {
        const xx = -ZIGGURAT_NOR_INV_R * log1p(-bg.nextDouble());
        const yy = -log1p(-bg.nextDouble());
        if (yy + yy > xx * xx) return ((lo >>> 17) & 1) ? -(ZIGGURAT_NOR_R + xx) : ZIGGURAT_NOR_R + xx;
      }
    } else if ((FI_DOUBLE[idx - 1] - FI_DOUBLE[idx]) * bg.nextDouble() + FI_DOUBLE[idx] < Math.exp(-0.5 * x * x)) {
      return x;
    }
  }
}

/**
 * `d[i] = standardNormal(bg)` for each i in order: PCG64's WebAssembly ziggurat (wasmPcg64.ts),
 * or for MT19937 the loop below. Its 64-bit draws come in blocks of at most one per normal
 * still to make (each takes at least one), so no more are drawn than the one-at-a-time loop
 * draws; the rare paths take their doubles from the same blocks.
 */
export function fillStandardNormal(bg: BitGenerator, d: Float64Array): void {
  if (bg instanceof PCG64) { bg.fillStandardNormal(d); return; }
  const n = d.length;
  // next_double from one 64-bit draw, as each generator makes it
  const mt = bg.name === 'MT19937';
  if (!mt && bg.name !== 'PCG64') {
    for (let i = 0; i < n; i++) d[i] = standardNormal(bg);
    return;
  }
  const block = Math.min(n, 4096);
  const H = new Uint32Array(block), L = new Uint32Array(block);
  let have = 0, j = 0, i = 0;
  // the next draw's position in H/L, refilling for the normals i.. still to make
  const take = (): number => {
    if (j === have) { have = Math.min(n - i, block); bg.fill64(H, L, have); j = 0; }
    return j++;
  };
  const double = (): number => {
    const k = take();
    return mt ? ((H[k] >>> 5) * 67108864 + (L[k] >>> 6)) * TWO_M53 : (H[k] * 2097152 + (L[k] >>> 11)) * TWO_M53;
  };
  for (; i < n; i++) {
    for (;;) {
      if (j === have) { have = Math.min(n - i, block); bg.fill64(H, L, have); j = 0; }
      const hi = H[j], lo = L[j];
      j++;
      const idx = lo & 0xff;
      const sign = (lo >>> 8) & 1;
      const rabs = (hi & 0x1fffffff) * 8388608 + (lo >>> 9);
      let x = rabs * WI_DOUBLE[idx];
      if (sign) x = -x;
      if (rabs < KI_DOUBLE[idx]) { d[i] = x; break; }
      if (idx === 0) {
        let done = false;
        while (!done) {
          const xx = -ZIGGURAT_NOR_INV_R * log1p(-double());
          const yy = -log1p(-double());
          if (yy + yy > xx * xx) { d[i] = ((lo >>> 17) & 1) ? -(ZIGGURAT_NOR_R + xx) : ZIGGURAT_NOR_R + xx; done = true; }
        }
        break;
      } else if ((FI_DOUBLE[idx - 1] - FI_DOUBLE[idx]) * double() + FI_DOUBLE[idx] < Math.exp(-0.5 * x * x)) {
        d[i] = x;
        break;
      }
    }
  }
}

/** `random_standard_normal_f`: the float32 ziggurat on 32-bit draws, float arithmetic. */
export function standardNormalF(bg: BitGenerator): number {
  for (;;) {
    const r = bg.next32();
    const idx = r & 0xff;
    const sign = (r >>> 8) & 1;
    const rabs = (r >>> 9) & 0x7fffff;
    let x = fr(rabs * WI_FLOAT[idx]);
    if (sign) x = -x;
    if (rabs < KI_FLOAT[idx]) return x;
    if (idx === 0) {
      for (;;) {
        const xx = fr(-ZIGGURAT_NOR_INV_R_F * log1pf(-nextFloat(bg)));
        const yy = -log1pf(-nextFloat(bg));
        if (fr(yy + yy) > fr(xx * xx)) return ((rabs >>> 8) & 1) ? -fr(ZIGGURAT_NOR_R_F + xx) : fr(ZIGGURAT_NOR_R_F + xx);
      }
    } else if (fr(fr(fr(FI_FLOAT[idx - 1] - FI_FLOAT[idx]) * nextFloat(bg)) + FI_FLOAT[idx]) < Math.exp(-0.5 * x * x)) {
      return x;
    }
  }
}

// ---- binomial -----------------------------------------------------------------------------

/** `binomial_t`: constants cached between calls with the same (n, p). */
export interface BinomialState {
  has: boolean; nsave: number; psave: number;
  r: number; q: number; fm: number; m: number; p1: number; xm: number; xl: number; xr: number;
  c: number; laml: number; lamr: number; p2: number; p3: number; p4: number;
}

export const newBinomialState = (): BinomialState => ({
  has: false, nsave: 0, psave: 0, r: 0, q: 0, fm: 0, m: 0, p1: 0, xm: 0, xl: 0, xr: 0, c: 0, laml: 0, lamr: 0, p2: 0, p3: 0, p4: 0,
});

/** C's (int64_t) conversion of a double on x86-64: truncation; out of range gives INT64_MIN. */
function toInt64(x: number): number {
  return x > -TWO63 && x < TWO63 ? Math.trunc(x) : -TWO63;
}

function binomialBtpe(bg: BitGenerator, n: number, p: number, b: BinomialState): number {
  if (!b.has || b.nsave !== n || b.psave !== p) {
    b.nsave = n;
    b.psave = p;
    b.has = true;
    b.r = Math.min(p, 1.0 - p);
    b.q = 1.0 - b.r;
    b.fm = n * b.r + b.r;
    b.m = toInt64(Math.floor(b.fm));
    b.p1 = Math.floor(2.195 * Math.sqrt(n * b.r * b.q) - 4.6 * b.q) + 0.5;
    b.xm = b.m + 0.5;
    b.xl = b.xm - b.p1;
    b.xr = b.xm + b.p1;
    b.c = 0.134 + 20.5 / (15.3 + b.m);
    let a = (b.fm - b.xl) / (b.fm - b.xl * b.r);
    b.laml = a * (1.0 + a / 2.0);
    a = (b.xr - b.fm) / (b.xr * b.q);
    b.lamr = a * (1.0 + a / 2.0);
    b.p2 = b.p1 * (1.0 + 2.0 * b.c);
    b.p3 = b.p2 + b.c / b.laml;
    b.p4 = b.p3 + b.c / b.lamr;
  }
  const { r, q, fm, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 } = b;
  void fm;
  let y: number;
  for (;;) {
    // Step10
    const nrq = n * r * q;
    const u = bg.nextDouble() * p4;
    let v = bg.nextDouble();
    if (u <= p1) {
      y = toInt64(Math.floor(xm - p1 * v + u));
      break;
    }
    if (u <= p2) {
      // Step20
      const x = xl + (u - p1) / c;
      v = v * c + 1.0 - Math.abs(m - x + 0.5) / p1;
      if (v > 1.0) continue;
      y = toInt64(Math.floor(x));
    } else if (u <= p3) {
      // Step30
      y = toInt64(Math.floor(xl + log(v) / laml));
      if (y < 0 || v === 0.0) continue;
      v = v * (u - p2) * laml;
    } else {
      // Step40
      y = toInt64(Math.floor(xr - log(v) / lamr));
      if (y > n || v === 0.0) continue;
      v = v * (u - p3) * lamr;
    }
    // Step50
    const k = Math.abs(y - m);
    if (!(k > 20 && k < nrq / 2.0 - 1)) {
      const s = r / q;
      const a = s * (n + 1);
      let F = 1.0;
      if (m < y) {
        for (let i = m + 1; i <= y; i++) F *= a / i - s;
      } else if (m > y) {
        for (let i = y + 1; i <= m; i++) F /= a / i - s;
      }
      if (v > F) continue;
      break;
    }
    // Step52
    const rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    const t = -(k * k) / (2 * nrq);
    const A = log(v);
    if (A < t - rho) break;
    if (A > t + rho) continue;
    const x1 = y + 1, f1 = m + 1, z = n + 1 - m, w = n - y + 1;
    const x2 = x1 * x1, f2 = f1 * f1, z2 = z * z, w2 = w * w;
    if (A > (xm * log(f1 / x1) + (n - m + 0.5) * log(z / w) + (y - m) * log(w * r / (x1 * q))
      + (13680. - (462. - (132. - (99. - 140. / f2) / f2) / f2) / f2) / f1 / 166320.
      + (13680. - (462. - (132. - (99. - 140. / z2) / z2) / z2) / z2) / z / 166320.
      + (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x1 / 166320.
      + (13680. - (462. - (132. - (99. - 140. / w2) / w2) / w2) / w2) / w / 166320.)) {
      continue;
    }
    break;
  }
  // Step60
  if (p > 0.5) y = n - y;
  return y;
}

function binomialInversion(bg: BitGenerator, n: number, p: number, b: BinomialState): number {
  let q: number, qn: number, bound: number;
  if (!b.has || b.nsave !== n || b.psave !== p) {
    b.nsave = n;
    b.psave = p;
    b.has = true;
    b.q = q = 1.0 - p;
    b.r = qn = Math.exp(n * log(q));
    const np = n * p;
    b.c = np;
    b.m = bound = toInt64(Math.min(n, np + 10.0 * Math.sqrt(np * q + 1)));
  } else {
    q = b.q;
    qn = b.r;
    bound = b.m;
  }
  let X = 0;
  let px = qn;
  let U = bg.nextDouble();
  while (U > px) {
    X++;
    if (X > bound) {
      X = 0;
      px = qn;
      U = bg.nextDouble();
    } else {
      U -= px;
      px = ((n - X + 1) * p * px) / (X * q);
    }
  }
  return X;
}

/**
 * `random_binomial` (Generator: n == 0 or p == 0 return 0 without a draw) and
 * `legacy_random_binomial` (RandomState: no such shortcut, so it still draws once).
 */
export function binomial(bg: BitGenerator, p: number, n: number, b: BinomialState, legacy: boolean): number {
  if (!legacy && (n === 0 || p === 0)) return 0;
  if (p <= 0.5) {
    return p * n <= 30.0 ? binomialInversion(bg, n, p, b) : binomialBtpe(bg, n, p, b);
  }
  const q = 1.0 - p;
  return n - (q * n <= 30.0 ? binomialInversion(bg, n, q, b) : binomialBtpe(bg, n, q, b));
}

// ---- poisson ------------------------------------------------------------------------------

const LOGGAM_A = [8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04, -5.952380952380952e-04,
  8.417508417508418e-04, -1.917526917526918e-03, 6.410256410256410e-03, -2.955065359477124e-02,
  1.796443723688307e-01, -1.39243221690590e+00];

/** `random_loggam`: log-gamma by Stirling's series, shifted up to x >= 7. */
export function loggam(x: number): number {
  if (x === 1.0 || x === 2.0) return 0.0;
  const n = x < 7.0 ? toInt64(7 - x) : 0;
  let x0 = x + n;
  const x2 = (1.0 / x0) * (1.0 / x0);
  const lg2pi = 1.8378770664093453e+00;
  let gl0 = LOGGAM_A[9];
  for (let k = 8; k >= 0; k--) {
    gl0 *= x2;
    gl0 += LOGGAM_A[k];
  }
  let gl = gl0 / x0 + 0.5 * lg2pi + (x0 - 0.5) * log(x0) - x0;
  if (x < 7.0) {
    for (let k = 1; k <= n; k++) {
      gl -= log(x0 - 1.0);
      x0 -= 1.0;
    }
  }
  return gl;
}

function poissonMult(bg: BitGenerator, lam: number): number {
  const enlam = Math.exp(-lam);
  let X = 0;
  let prod = 1.0;
  for (;;) {
    prod *= bg.nextDouble();
    if (prod > enlam) X += 1;
    else return X;
  }
}

function poissonPtrs(bg: BitGenerator, lam: number): number {
  const slam = Math.sqrt(lam);
  const loglam = log(lam);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const U = bg.nextDouble() - 0.5;
    const V = bg.nextDouble();
    const us = 0.5 - Math.abs(U);
    const k = toInt64(Math.floor((2 * a / us + b) * U + lam + 0.43));
    if (us >= 0.07 && V <= vr) return k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if (log(V) + log(invalpha) - log(a / (us * us) + b) <= -lam + k * loglam - loggam(k + 1)) return k;
  }
}

/** `random_poisson` (also what `legacy_random_poisson` calls). */
export function poisson(bg: BitGenerator, lam: number): number {
  if (lam >= 10) return poissonPtrs(bg, lam);
  if (lam === 0) return 0;
  return poissonMult(bg, lam);
}
