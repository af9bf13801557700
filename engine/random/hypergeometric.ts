// NumPy 1.24's hypergeometric samplers, transcribed operation for operation: Generator's
// random_hypergeometric (src/distributions/random_hypergeometric.c: draw-by-draw selection
// with random_interval for small samples, else Stadlober's ratio-of-uniforms HRUA with
// logfactorial) and RandomState's legacy_random_hypergeometric (legacy-distributions.c: the
// old HYP loop for sample <= 10, else HRUA with random_loggam). Counts are int64 in C; here
// they are exact integer doubles (both callers keep ngood + nbad below 2**53). log is
// glibc-exact (libm.ts): it feeds the accept/reject test and logfactorial's Stirling series.

import { BitGenerator } from './bitGenerator';
import { loggam, randomInterval } from './distributions';
import { log } from './libm';

/** logfactorial.c's table: log(k!) for k < 126. */
const LOGFACT: readonly number[] = [
  0, 0, 0.69314718055994529, 1.791759469228055, 3.1780538303479458, 4.7874917427820458,
  6.5792512120101012, 8.5251613610654147, 10.604602902745251, 12.801827480081469, 15.104412573075516, 17.502307845873887,
  19.987214495661885, 22.552163853123425, 25.19122118273868, 27.89927138384089, 30.671860106080672, 33.505073450136891,
  36.395445208033053, 39.339884187199495, 42.335616460753485, 45.380138898476908, 48.471181351835227, 51.606675567764377,
  54.784729398112319, 58.003605222980518, 61.261701761002001, 64.557538627006338, 67.88974313718154, 71.257038967168015,
  74.658236348830158, 78.092223553315307, 81.557959456115043, 85.054467017581516, 88.580827542197682, 92.136175603687093,
  95.719694542143202, 99.330612454787428, 102.96819861451381, 106.63176026064346, 110.32063971475739, 114.03421178146171,
  117.77188139974507, 121.53308151543864, 125.3172711493569, 129.12393363912722, 132.95257503561632, 136.80272263732635,
  140.67392364823425, 144.5657439463449, 148.47776695177302, 152.40959258449735, 156.3608363030788, 160.3311282166309,
  164.32011226319517, 168.32744544842765, 172.35279713916279, 176.39584840699735, 180.45629141754378, 184.53382886144948,
  188.6281734236716, 192.7390472878449, 196.86618167289001, 201.00931639928152, 205.1681994826412, 209.34258675253685,
  213.53224149456327, 217.73693411395422, 221.95644181913033, 226.1905483237276, 230.43904356577696, 234.70172344281826,
  238.97838956183432, 243.26884900298271, 247.57291409618688, 251.89040220972319, 256.22113555000954, 260.56494097186322,
  264.92164979855278, 269.29109765101981, 273.67312428569369, 278.06757344036612, 282.4742926876304, 286.89313329542699,
  291.32395009427029, 295.76660135076065, 300.22094864701415, 304.68685676566872, 309.1641935801469, 313.65282994987905,
  318.1526396202093, 322.66349912672615, 327.1852877037752, 331.71788719692847, 336.26118197919845, 340.81505887079902,
  345.37940706226686, 349.95411804077025, 354.53908551944079, 359.1342053695754, 363.73937555556347, 368.35449607240474,
  372.97946888568902, 377.61419787391867, 382.25858877306001, 386.91254912321756, 391.57598821732961, 396.24881705179155,
  400.93094827891576, 405.6222961611449, 410.32277652693733, 415.03230672824964, 419.75080559954472, 424.47819341825709,
  429.21439186665157, 433.95932399501481, 438.71291418612117, 443.47508812091894, 448.24577274538461, 453.02489623849613,
  457.81238798127816, 462.60817852687489, 467.4121995716082, 472.22438392698058, 477.04466549258564, 481.87297922988796,
];
const HALF_LN_2PI = 0.9189385332046728;

/** logfactorial.c's `logfactorial(k)`: the table, else Stirling's series to the 1/k**3 term. */
function logfactorial(k: number): number {
  if (k < LOGFACT.length) return LOGFACT[k];
  return (k + 0.5) * log(k) - k + (HALF_LN_2PI + (1.0 / k) * (1 / 12.0 - 1 / (360.0 * k * k)));
}

// D1 = 2*sqrt(2/e), D2 = 3 - 2*sqrt(3/e)
const D1 = 1.7155277699214135, D2 = 0.8989161620588988;

/** `hypergeometric_sample`: one random_interval draw per item taken (of the smaller side). */
function hypergeometricSample(bg: BitGenerator, good: number, bad: number, sample: number): number {
  const total = good + bad;
  const flip = sample > Math.trunc(total / 2);
  let computedSample = flip ? total - sample : sample;
  let remainingTotal = total, remainingGood = good;
  while (computedSample > 0 && remainingGood > 0 && remainingTotal > remainingGood) {
    --remainingTotal;
    if (randomInterval(bg, remainingTotal) < remainingGood) --remainingGood;
    --computedSample;
  }
  if (remainingTotal === remainingGood) remainingGood -= computedSample;
  return flip ? remainingGood : good - remainingGood;
}

/** `hypergeometric_hrua` (Generator). */
function hypergeometricHrua(bg: BitGenerator, good: number, bad: number, sample: number): number {
  const popsize = good + bad;
  const computedSample = Math.min(sample, popsize - sample);
  const mingoodbad = Math.min(good, bad), maxgoodbad = Math.max(good, bad);
  const p = mingoodbad / popsize, q = maxgoodbad / popsize;
  const mu = computedSample * p;
  const a = mu + 0.5;
  const variance = (popsize - computedSample) * computedSample * p * q / (popsize - 1);
  const c = Math.sqrt(variance + 0.5);
  const h = D1 * c + D2;
  const m = Math.floor((computedSample + 1) * (mingoodbad + 1) / (popsize + 2));
  const g = logfactorial(m) + logfactorial(mingoodbad - m) + logfactorial(computedSample - m)
    + logfactorial(maxgoodbad - computedSample + m);
  const b = Math.min(Math.min(computedSample, mingoodbad) + 1, Math.floor(a + 16 * c));
  let K: number;
  for (;;) {
    const U = bg.nextDouble();
    const V = bg.nextDouble();
    const X = a + h * (V - 0.5) / U;
    if (X < 0.0 || X >= b) continue;
    K = Math.floor(X);
    const gp = logfactorial(K) + logfactorial(mingoodbad - K) + logfactorial(computedSample - K)
      + logfactorial(maxgoodbad - computedSample + K);
    const T = g - gp;
    if (U * (4.0 - U) - 3.0 <= T) break;
    if (U * (U - T) >= 1) continue;
    if (2.0 * log(U) <= T) break;
  }
  if (good > bad) K = computedSample - K;
  if (computedSample < sample) K = good - K;
  return K;
}

/** `random_hypergeometric`: HRUA for 10 <= sample <= good + bad - 10, else the simple sampler. */
export function hypergeometric(bg: BitGenerator, good: number, bad: number, sample: number): number {
  if (sample >= 10 && sample <= good + bad - 10) return hypergeometricHrua(bg, good, bad, sample);
  return hypergeometricSample(bg, good, bad, sample);
}

/** legacy `random_hypergeometric_hyp`. */
function legacyHyp(bg: BitGenerator, good: number, bad: number, sample: number): number {
  const d1 = bad + good - sample;
  const d2 = Math.min(bad, good);
  let y = d2, k = sample;
  while (y > 0.0) {
    const u = bg.nextDouble();
    y -= Math.floor(u + y / (d1 + k));
    k--;
    if (k === 0) break;
  }
  const z = Math.trunc(d2 - y);
  return good > bad ? sample - z : z;
}

/** legacy `random_hypergeometric_hrua` (random_loggam, and `sample` in the variance). */
function legacyHrua(bg: BitGenerator, good: number, bad: number, sample: number): number {
  const mingoodbad = Math.min(good, bad), popsize = good + bad, maxgoodbad = Math.max(good, bad);
  const m = Math.min(sample, popsize - sample);
  const d4 = mingoodbad / popsize;
  const d5 = 1.0 - d4;
  const d6 = m * d4 + 0.5;
  const d7 = Math.sqrt((popsize - m) * sample * d4 * d5 / (popsize - 1) + 0.5);
  const d8 = D1 * d7 + D2;
  const d9 = Math.floor((m + 1) * (mingoodbad + 1) / (popsize + 2));
  const d10 = loggam(d9 + 1) + loggam(mingoodbad - d9 + 1) + loggam(m - d9 + 1) + loggam(maxgoodbad - m + d9 + 1);
  const d11 = Math.min(Math.min(m, mingoodbad) + 1.0, Math.floor(d6 + 16 * d7));
  let Z: number;
  for (;;) {
    const X = bg.nextDouble();
    const Y = bg.nextDouble();
    const W = d6 + d8 * (Y - 0.5) / X;
    if (W < 0.0 || W >= d11) continue;
    Z = Math.floor(W);
    const T = d10 - (loggam(Z + 1) + loggam(mingoodbad - Z + 1) + loggam(m - Z + 1) + loggam(maxgoodbad - m + Z + 1));
    if (X * (4.0 - X) - 3.0 <= T) break;
    if (X * (X - T) >= 1) continue;
    if (2.0 * log(X) <= T) break;
  }
  if (good > bad) Z = m - Z;
  if (m < sample) Z = good - Z;
  return Z;
}

/** `legacy_random_hypergeometric` (random_hypergeometric_original). */
export function legacyHypergeometric(bg: BitGenerator, good: number, bad: number, sample: number): number {
  if (sample > 10) return legacyHrua(bg, good, bad, sample);
  if (sample > 0) return legacyHyp(bg, good, bad, sample);
  return 0;
}
