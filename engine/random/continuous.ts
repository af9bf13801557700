// NumPy 1.24's continuous samplers beyond the normal, transcribed operation for operation
// from numpy/random/src/distributions/distributions.c and src/legacy/legacy-distributions.c:
// the exponential ziggurat (float64 on 64-bit draws, float32 on 32-bit draws), its inversion
// form, the legacy -log(1 - U) exponential, and the one-uniform transforms laplace, gumbel
// and logistic (shared by Generator and RandomState). Outputs go through glibc-exact log and
// log1p (libm.ts); exp appears only inside accept/reject comparisons. Plain functions on
// numbers: argument checks and shapes belong to generator.ts/legacy.ts.

import { BitGenerator, U64 } from './bitGenerator';
import { nextFloat } from './distributions';
import { log, log1p, log1pf } from './libm';
import { FE_DOUBLE, FE_FLOAT, KE_DOUBLE, KE_FLOAT, WE_DOUBLE, WE_FLOAT, ZIGGURAT_EXP_R, ZIGGURAT_EXP_R_F } from './zigguratExpTables';

const fr = Math.fround;
const scratch: U64 = { hi: 0, lo: 0 };

/** `random_standard_exponential`: the 256-layer ziggurat on 64-bit draws (53 bits after the index). */
export function standardExponential(bg: BitGenerator): number {
  for (;;) {
    bg.next64(scratch);
    const idx = (scratch.lo >>> 3) & 0xff;
    // (u64 >> 3) >> 8: the top 53 bits, exact in a double
    const ri = scratch.hi * 2097152 + (scratch.lo >>> 11);
    const x = ri * WE_DOUBLE[idx];
    if (ri < KE_DOUBLE[idx]) return x;
    if (idx === 0) return ZIGGURAT_EXP_R - log1p(-bg.nextDouble());
    if ((FE_DOUBLE[idx - 1] - FE_DOUBLE[idx]) * bg.nextDouble() + FE_DOUBLE[idx] < Math.exp(-x)) return x;
    // otherwise NumPy calls random_standard_exponential again
  }
}

/** `random_standard_exponential_f`: the float32 ziggurat on 32-bit draws, float arithmetic. */
export function standardExponentialF(bg: BitGenerator): number {
  for (;;) {
    const r = bg.next32() >>> 1;
    const idx = r & 0xff;
    const ri = r >>> 8;
    const x = fr(ri * WE_FLOAT[idx]);
    if (ri < KE_FLOAT[idx]) return x;
    if (idx === 0) return fr(ZIGGURAT_EXP_R_F - log1pf(-nextFloat(bg)));
    if (fr(fr(fr(FE_FLOAT[idx - 1] - FE_FLOAT[idx]) * nextFloat(bg)) + FE_FLOAT[idx]) < fr(Math.exp(-x))) return x;
  }
}

/** `random_standard_exponential_inv_fill`'s element: -log1p(-U). */
export const standardExponentialInv = (bg: BitGenerator): number => -log1p(-bg.nextDouble());

/** The float32 inversion: a float U, log1p in double, stored as float32. */
export const standardExponentialInvF = (bg: BitGenerator): number => fr(-log1p(-nextFloat(bg)));

/** `legacy_standard_exponential`: -log(1 - U). */
export const legacyStandardExponential = (bg: BitGenerator): number => -log(1.0 - bg.nextDouble());

/** `random_laplace`: U == 0 is rejected and drawn again. */
export function laplace(bg: BitGenerator, loc: number, scale: number): number {
  for (;;) {
    const U = bg.nextDouble();
    if (U >= 0.5) return loc - scale * log(2.0 - U - U);
    if (U > 0.0) return loc + scale * log(U + U);
  }
}

/** `random_gumbel`: U = 1 - next_double; U == 1 is rejected and drawn again. */
export function gumbel(bg: BitGenerator, loc: number, scale: number): number {
  for (;;) {
    const U = 1.0 - bg.nextDouble();
    if (U < 1.0) return loc - scale * log(-log(U));
  }
}

/** `random_logistic`: U == 0 is rejected and drawn again. */
export function logistic(bg: BitGenerator, loc: number, scale: number): number {
  for (;;) {
    const U = bg.nextDouble();
    if (U > 0.0) return loc + scale * log(U / (1.0 - U));
  }
}

/** `random_rayleigh`: mode * sqrt(2 * the ziggurat exponential). */
export const rayleigh = (bg: BitGenerator, mode: number): number => mode * Math.sqrt(2.0 * standardExponential(bg));

/** `legacy_rayleigh`: mode * sqrt(-2 * log1p(-U)). */
export const legacyRayleigh = (bg: BitGenerator, mode: number): number => mode * Math.sqrt(-2.0 * log1p(-bg.nextDouble()));

/** `random_triangular` (also RandomState's). */
export function triangular(bg: BitGenerator, left: number, mode: number, right: number): number {
  const base = right - left;
  const leftbase = mode - left;
  const ratio = leftbase / base;
  const leftprod = leftbase * base;
  const rightprod = (right - mode) * base;
  const U = bg.nextDouble();
  if (U <= ratio) return left + Math.sqrt(U * leftprod);
  return right - Math.sqrt((1.0 - U) * rightprod);
}

const TWO63 = 9223372036854775808;

/** C's (int64_t) conversion of a double on x86-64: truncation; out of range gives INT64_MIN. */
const toInt64 = (x: number): number => (x > -TWO63 && x < TWO63 ? Math.trunc(x) : -TWO63);

/** `random_geometric_search`: the first X with U <= P(1) + … + P(X). */
function geometricSearch(bg: BitGenerator, p: number): number {
  let X = 1;
  let sum = p, prod = p;
  const q = 1.0 - p;
  const U = bg.nextDouble();
  while (U > sum) {
    prod *= q;
    sum += prod;
    X++;
  }
  return X;
}

/** `random_geometric`: search for p >= 1/3, else ceil(-E / log1p(-p)) with the ziggurat exponential. */
export function geometric(bg: BitGenerator, p: number): number {
  if (p >= 0.333333333333333333333333) return geometricSearch(bg, p);
  return toInt64(Math.ceil(-standardExponential(bg) / log1p(-p)));
}

/** `legacy_random_geometric`: search for p >= 1/3, else ceil(log1p(-U) / log(1 - p)). */
export function legacyGeometric(bg: BitGenerator, p: number): number {
  if (p >= 0.333333333333333333333333) return geometricSearch(bg, p);
  return toInt64(Math.ceil(log1p(-bg.nextDouble()) / log(1 - p)));
}
