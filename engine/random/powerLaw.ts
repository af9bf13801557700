// NumPy 1.24's pareto, power, zipf and logseries samplers, transcribed operation for
// operation from numpy/random/src/distributions/distributions.c (Generator) and
// src/legacy/legacy-distributions.c (RandomState): the Generator forms use expm1/log1p, the
// legacy ones exp(x) - 1 and log(1 - p). Every libm call is a glibc-exact port (expm1, exp,
// log, log1p, pow), since each result is returned or floored into the integer returned.
// Plain functions on numbers: argument checks and shapes belong to generator.ts/legacy.ts.

import { BitGenerator } from './bitGenerator';
import { legacyStandardExponential, standardExponential } from './continuous';
import { exp, log, log1p } from './libm';
import { expm1 } from './libmExpm1';
import { powNonNegative as pow } from './libmPow';

/** (double)INT64_MAX, the bound zipf rejects above. */
const INT64_MAX_D = 2 ** 63;

/** `random_pareto`: expm1(E / a), E the ziggurat exponential. */
export const pareto = (bg: BitGenerator, a: number): number => expm1(standardExponential(bg) / a);

/** `legacy_pareto`: exp(E / a) - 1, E = -log(1 - U). */
export const legacyPareto = (bg: BitGenerator, a: number): number => exp(legacyStandardExponential(bg) / a) - 1;

/** `random_power`: pow(-expm1(-E), 1 / a). */
export const power = (bg: BitGenerator, a: number): number => pow(-expm1(-standardExponential(bg)), 1.0 / a);

/** `legacy_power`: pow(1 - exp(-E), 1 / a). */
export const legacyPower = (bg: BitGenerator, a: number): number => pow(1 - exp(-legacyStandardExponential(bg)), 1.0 / a);

/**
 * `random_zipf` (RandomState's legacy_random_zipf is the same): rejection from
 * floor(U ** (-1 / (a - 1))), refusing values beyond int64.
 */
export function zipf(bg: BitGenerator, a: number): number {
  const am1 = a - 1.0;
  const b = pow(2.0, am1);
  for (;;) {
    const U = 1.0 - bg.nextDouble();
    const V = bg.nextDouble();
    const X = Math.floor(pow(U, -1.0 / am1));
    if (X > INT64_MAX_D || X < 1.0) continue;
    const T = pow(1.0 + 1.0 / X, am1);
    // (int64_t)X: 2**63 itself converts to INT64_MIN on x86-64 (cvttsd2si's overflow value)
    if (V * X * (T - 1.0) / (b - 1.0) <= T / b) return X === INT64_MAX_D ? -INT64_MAX_D : X;
  }
}

/** The loop shared by random_logseries and legacy_logseries, given r and q(r * U). */
function logseriesLoop(bg: BitGenerator, p: number, r: number, qOf: (ru: number) => number): number {
  for (;;) {
    const V = bg.nextDouble();
    if (V >= p) return 1;
    const U = bg.nextDouble();
    const q = qOf(r * U);
    if (V <= q * q) {
      const result = Math.floor(1 + log(V) / log(q));
      if (result < 1 || V === 0.0) continue;
      return result;
    }
    if (V >= q) return 1;
    return 2;
  }
}

/** `random_logseries`: r = log1p(-p), q = -expm1(r * U). */
export const logseries = (bg: BitGenerator, p: number): number => logseriesLoop(bg, p, log1p(-p), (ru) => -expm1(ru));

/** `legacy_logseries`: r = log(1 - p), q = 1 - exp(r * U). */
export const legacyLogseries = (bg: BitGenerator, p: number): number => logseriesLoop(bg, p, log(1.0 - p), (ru) => 1.0 - exp(ru));
