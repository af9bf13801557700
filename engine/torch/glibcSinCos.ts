// glibc 2.36's double sin and cos (sysdeps/ieee754/dbl-64/s_sin.c, IBM's table-based
// algorithm) as the FMA build (__sin_fma/__cos_fma, picked at load time on AVX2 machines)
// computes them, for |x| < 105414350 — torch's float64 normal kernel calls them on
// theta = 2*pi*u. GCC contracts a product into the add/sub that consumes it (the first
// product of a sum of two); each such pair is an exactly rounded fma() here. A C build of the
// same code with Debian's GCC 12.2 (-O2 -mfma) equals the system libm on 10M inputs, and
// this port equals that build. V8's Math.sin/cos differ from glibc in ~3% of inputs.

import { fma } from '../random/libm';
import { SINCOS_TABLE as TAB } from './sincosTable';

const s1 = -0x15555555555555 / 2 ** 55, s2 = 0x11111111110ece / 2 ** 59, s3 = -0x1a01a019db08b8 / 2 ** 65;
const s4 = 0x171de27b9a7ed9 / 2 ** 71, s5 = -0x1addffc2fcdf59 / 2 ** 78;
const big = 1.5 * 2 ** 45, toint = 1.5 * 2 ** 52;
const hp0 = 0x1921fb54442d18 / 2 ** 52, hp1 = 0x11a62633145c07 / 2 ** 106;
const mp1 = 0x1921fb58000000 / 2 ** 52, mp2 = -0x1dde973c000000 / 2 ** 79;
const pp3 = -0x1cb3b398000000 / 2 ** 107, pp4 = -0x1d747f23e32ed7 / 2 ** 135;
const hpinv = 0x145f306dc9c883 / 2 ** 53;
const sn3 = -1.66666666666664880952546298448555e-1, sn5 = 8.33333214285722277379541354343671e-3;
const cs2 = 4.99999999999999999999950396842453e-1, cs4 = -4.16666666666664434524222570944589e-2;
const cs6 = 1.38888874007937613028114285595617e-3;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** The table row of big + |x| (x rounded to a multiple of 1/128). */
function row(u: number): number {
  return Math.round((u - big) * 128) * 4;
}

function taylorSin(xx: number, a: number, da: number): number {
  const p = fma(fma(fma(fma(s5, xx, s4), xx, s3), xx, s2), xx, s1);
  const t = fma(fma(p, a, -(0.5 * da)), xx, da);
  return a + t;
}

function doCos(x: number, dx: number): number {
  if (x < 0) dx = -dx;
  const u = big + Math.abs(x);
  x = Math.abs(x) - (u - big) + dx;
  const xx = x * x;
  const s = fma(x * xx, fma(xx, sn5, sn3), x);
  const c = xx * fma(xx, fma(xx, cs6, cs4), cs2);
  const k = row(u);
  const sn = TAB[k], ssn = TAB[k + 1], cs = TAB[k + 2], ccs = TAB[k + 3];
  const cor = fma(-sn, s, fma(-cs, c, fma(-s, ssn, ccs)));
  return cs + cor;
}

function doSin(x: number, dx: number): number {
  const xold = x;
  if (Math.abs(x) < 0.126) return taylorSin(x * x, x, dx);
  if (x <= 0) dx = -dx;
  const u = big + Math.abs(x);
  x = Math.abs(x) - (u - big);
  const xx = x * x;
  const s = x + fma(x * xx, fma(xx, sn5, sn3), dx);
  const c = fma(x, dx, xx * fma(xx, fma(xx, cs6, cs4), cs2));
  const k = row(u);
  const sn = TAB[k], ssn = TAB[k + 1], cs = TAB[k + 2], ccs = TAB[k + 3];
  const cor = fma(cs, s, fma(-sn, c, fma(s, ccs, ssn)));
  const r = sn + cor;
  return (xold < 0 || Object.is(xold, -0)) ? -Math.abs(r) : Math.abs(r);
}

/** reduce_sincos: x = n*pi/2 + (a + da), returns [n & 3, a, da]. */
function reduce(x: number): [number, number, number] {
  const t = fma(x, hpinv, toint);
  const xn = t - toint;
  F64[0] = t;
  const n = U32[0] & 3;
  const y = fma(-xn, mp2, fma(-xn, mp1, x));
  const t2 = fma(-xn, pp3, y);
  let db = fma(-xn, pp3, y - t2);
  const b = fma(-xn, pp4, t2);
  db += fma(-xn, pp4, t2 - b);
  return [n, b, db];
}

function doSinCos(a: number, da: number, n: number): number {
  const r = (n & 1) ? doCos(a, da) : doSin(a, da);
  return (n & 2) ? -r : r;
}

/** High word of |x|'s bits, as glibc's range tests read it. */
function highAbs(x: number): number {
  F64[0] = x;
  return U32[1] & 0x7fffffff;
}

/** glibc's sin(x); outside |x| < 105414350 (and for non-finite x) V8's Math.sin. */
export function glibcSin(x: number): number {
  const k = highAbs(x);
  if (k < 0x3e500000) return x;
  if (k < 0x3feb6000) return doSin(x, 0);
  if (k < 0x400368fd) {
    const r = doCos(hp0 - Math.abs(x), hp1);
    return x < 0 ? -Math.abs(r) : Math.abs(r);
  }
  if (k < 0x419921fb) {
    const [n, a, da] = reduce(x);
    return doSinCos(a, da, n);
  }
  return Math.sin(x);
}

/** glibc's cos(x); outside |x| < 105414350 (and for non-finite x) V8's Math.cos. */
export function glibcCos(x: number): number {
  const k = highAbs(x);
  if (k < 0x3e400000) return 1;
  if (k < 0x3feb6000) return doCos(x, 0);
  if (k < 0x400368fd) {
    const y = hp0 - Math.abs(x);
    const a = y + hp1;
    const da = (y - a) + hp1;
    return doSin(a, da);
  }
  if (k < 0x419921fb) {
    const [n, a, da] = reduce(x);
    return doSinCos(a, da, n + 1);
  }
  return Math.cos(x);
}
