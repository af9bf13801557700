// NumPy 1.24's gamma and beta samplers, transcribed operation for operation from
// numpy/random/src/distributions/distributions.c (random_standard_gamma, random_beta) and
// src/legacy/legacy-distributions.c (legacy_standard_gamma, legacy_beta): Marsaglia–Tsang for
// shape > 1, Johnk's rejection for shape < 1, Johnk's algorithm or a ratio of gammas for beta.
// Generator and RandomState differ only in their normal, exponential and uniform draws (and
// beta's acceptance test), so one body takes them as a `GammaSource`. Results that are powers,
// logs or exps go through the glibc-exact ports (libm.ts, libmPow.ts).

import { BitGenerator } from './bitGenerator';
import { standardExponential, standardExponentialF } from './continuous';
import { GaussState, legacyGauss, nextFloat, standardNormal, standardNormalF } from './distributions';
import { exp, log } from './libm';
import { logf, powfNonNegative as powf } from './libmFloat';
import { powNonNegative as pow } from './libmPow';

const fr = Math.fround;

/** The three draws a gamma sampler makes, as Generator or RandomState makes them. */
export interface GammaSource {
  uniform(): number;
  exponential(): number;
  normal(): number;
}

/** Generator's draws: next_double, the ziggurat exponential and the ziggurat normal. */
export function generatorSource(bg: BitGenerator): GammaSource {
  return { uniform: () => bg.nextDouble(), exponential: () => standardExponential(bg), normal: () => standardNormal(bg) };
}

/** RandomState's draws: next_double, -log(1 - U) and the cached polar gaussian. */
export function legacySource(bg: BitGenerator, st: GaussState): GammaSource {
  return { uniform: () => bg.nextDouble(), exponential: () => -log(1.0 - bg.nextDouble()), normal: () => legacyGauss(bg, st) };
}

/** `random_standard_gamma` / `legacy_standard_gamma`. */
export function standardGamma(src: GammaSource, shape: number): number {
  if (shape === 1.0) return src.exponential();
  if (shape === 0.0) return 0.0;
  if (shape < 1.0) {
    for (;;) {
      const U = src.uniform();
      const V = src.exponential();
      if (U <= 1.0 - shape) {
        const X = pow(U, 1.0 / shape);
        if (X <= V) return X;
      } else {
        const Y = -log((1 - U) / shape);
        const X = pow(1.0 - shape + shape * Y, 1.0 / shape);
        if (X <= V + Y) return X;
      }
    }
  }
  const b = shape - 1.0 / 3.0;
  const c = 1.0 / Math.sqrt(9 * b);
  for (;;) {
    let X: number, V: number;
    do {
      X = src.normal();
      V = 1.0 + c * X;
    } while (V <= 0.0);
    V = V * V * V;
    const U = src.uniform();
    if (U < 1.0 - 0.0331 * (X * X) * (X * X)) return b * V;
    if (log(U) < 0.5 * X * X + b * (1.0 - V + log(V))) return b * V;
  }
}

/** `random_standard_gamma_f`: the float32 sampler, every operation rounded to float32. */
export function standardGammaF(bg: BitGenerator, shape: number): number {
  if (shape === 1.0) return standardExponentialF(bg);
  if (shape === 0.0) return 0.0;
  if (shape < 1.0) {
    for (;;) {
      const U = nextFloat(bg);
      const V = standardExponentialF(bg);
      if (U <= fr(1.0 - shape)) {
        const X = powf(U, fr(1.0 / shape));
        if (X <= V) return X;
      } else {
        const Y = -logf(fr(fr(1.0 - U) / shape));
        const X = powf(fr(fr(1.0 - shape) + fr(shape * Y)), fr(1.0 / shape));
        if (X <= fr(V + Y)) return X;
      }
    }
  }
  const b = fr(shape - fr(1.0 / 3.0));
  const c = fr(1.0 / fr(Math.sqrt(fr(9.0 * b))));
  for (;;) {
    let X: number, V: number;
    do {
      X = standardNormalF(bg);
      V = fr(1.0 + fr(c * X));
    } while (V <= 0.0);
    V = fr(fr(V * V) * V);
    const U = nextFloat(bg);
    const X2 = fr(X * X);
    if (U < fr(1.0 - fr(fr(fr(0.0331) * X2) * X2))) return fr(b * V);
    if (logf(U) < fr(fr(fr(0.5 * X) * X) + fr(b * fr(fr(1.0 - V) + logf(V))))) return fr(b * V);
  }
}

/**
 * `random_beta` (legacy false) / `legacy_beta` (legacy true): Johnk's algorithm when both
 * a, b <= 1, else Ga / (Ga + Gb). Generator rejects X + Y == 0; the legacy code falls back
 * to logs there.
 */
export function beta(src: GammaSource, a: number, b: number, legacy: boolean): number {
  if (a <= 1.0 && b <= 1.0) {
    for (;;) {
      const U = src.uniform();
      const V = src.uniform();
      const X = pow(U, 1.0 / a);
      const Y = pow(V, 1.0 / b);
      const XpY = X + Y;
      if (XpY <= 1.0 && (legacy || XpY > 0.0)) {
        if (X + Y > 0) return X / XpY;
        let logX = log(U) / a;
        let logY = log(V) / b;
        const logM = logX > logY ? logX : logY;
        logX -= logM;
        logY -= logM;
        return exp(logX - log(exp(logX) + exp(logY)));
      }
    }
  }
  const Ga = standardGamma(src, a);
  const Gb = standardGamma(src, b);
  return Ga / (Ga + Gb);
}

// ---- samplers built from the same draws ---------------------------------------------------

/** `random_chisquare` / `legacy_chisquare`: 2 * standard_gamma(df / 2). */
export const chisquare = (src: GammaSource, df: number): number => 2.0 * standardGamma(src, df / 2.0);

/** `random_f` / `legacy_f`: a ratio of scaled chi-squares, numerator first. */
export function fDist(src: GammaSource, dfnum: number, dfden: number): number {
  const num = chisquare(src, dfnum) * dfden;
  return num / (chisquare(src, dfden) * dfnum);
}

/** `random_standard_t` / `legacy_standard_t`: the normal, then the gamma. */
export function standardT(src: GammaSource, df: number): number {
  const num = src.normal();
  const denom = standardGamma(src, df / 2);
  return Math.sqrt(df / 2) * num / Math.sqrt(denom);
}

/** `random_standard_cauchy` / `legacy_standard_cauchy`: normal / normal, left operand drawn first. */
export function standardCauchy(src: GammaSource): number {
  const n = src.normal();
  return n / src.normal();
}

/** `random_weibull` / `legacy_weibull`: a == 0 gives 0 without a draw. */
export function weibull(src: GammaSource, a: number): number {
  if (a === 0.0) return 0.0;
  return pow(src.exponential(), 1. / a);
}

/** `random_wald` / `legacy_wald`: the normal, then the uniform. */
export function wald(src: GammaSource, mean: number, scale: number): number {
  const mu2l = mean / (2 * scale);
  let Y = src.normal();
  Y = mean * Y * Y;
  const X = mean + mu2l * (Y - Math.sqrt(4 * scale * Y + Y * Y));
  const U = src.uniform();
  if (U <= mean / (mean + X)) return X;
  return mean * mean / X;
}

/**
 * `dirichlet`'s fill: rows of k values into `out` (its length a multiple of k). Generator uses
 * stick-breaking with betas when every alpha < 0.1 (`stickBreaking`), else, as RandomState
 * always does, gammas divided by their sum.
 */
export function dirichletFill(src: GammaSource, alpha: Float64Array, out: Float64Array, stickBreaking: boolean): void {
  const k = alpha.length;
  if (stickBreaking) {
    const csum = new Float64Array(k);
    let c = 0.0;
    for (let j = k - 1; j >= 0; j--) {
      c += alpha[j];
      csum[j] = c;
    }
    for (let i = 0; i < out.length; i += k) {
      let acc = 1.0;
      for (let j = 0; j < k - 1; j++) {
        const v = beta(src, alpha[j], csum[j + 1], false);
        out[i + j] = acc * v;
        acc *= 1.0 - v;
      }
      out[i + k - 1] = acc;
    }
    return;
  }
  for (let i = 0; i < out.length; i += k) {
    let acc = 0.0;
    for (let j = 0; j < k; j++) {
      out[i + j] = standardGamma(src, alpha[j]);
      acc = acc + out[i + j];
    }
    const invacc = 1.0 / acc;
    for (let j = 0; j < k; j++) out[i + j] = out[i + j] * invacc;
  }
}
