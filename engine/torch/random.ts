// torch 1.13's CPU generator (CPUGeneratorImpl) and the sampling rules of its CPU kernels
// (DistributionTemplates.h, DistributionKernels.cpp, TransformationHelper.h), so that seeded
// rand, randn/normal, randint, randperm, uniform_ (layer initialisation) and bernoulli give
// torch's exact values. The engine is mt19937 seeded like std::mt19937 (init_genrand, the
// same as NumPy's legacy seeding) with the seed's low 32 bits; random64 joins two draws, the
// first high. randn of 16+ contiguous float32 elements runs torch's AVX2 normal_fill, whose
// Cephes log/sincos (avx_mathfun.h) are ported lane by lane in ./avxMathfun; the double paths
// use glibc's log (../random/libm) and sin/cos (./glibcSinCos).

import { allocateFloat64 } from '../core/dtype';
import { MT19937 } from '../random/mt19937';
import { fma, log } from '../random/libm';
import { normalFill16Avx2 } from './avxMathfun';
import { glibcCos, glibcSin } from './glibcSinCos';

/** torch's default seed (c10::detail::default_rng_seed_val) before any manual_seed. */
const DEFAULT_SEED = 67280421310721;
const fr = Math.fround;

export class TorchGenerator {
  private readonly mt = new MT19937();
  /** normal_distribution<double>'s second Box-Muller sample, kept until the next draw. */
  private nextDoubleNormal: number | null = null;

  constructor() {
    this.manualSeed(DEFAULT_SEED);
  }

  /** `torch.manual_seed`: std::mt19937 keeps the seed's low 32 bits; the cached normal is dropped. */
  manualSeed(seed: number): void {
    this.mt.seedLegacy(Number(BigInt.asUintN(32, BigInt(seed))));
    this.nextDoubleNormal = null;
  }

  /** `random()`: one 32-bit draw. */
  random(): number {
    return this.mt.next32();
  }

  /** `random64()` as hi and lo words (make64BitsFrom32Bits: the first draw is the high half). */
  private random64(): [number, number] {
    const hi = this.mt.next32();
    return [hi, this.mt.next32()];
  }

  /** `uniform_real_distribution<float>(0, 1)`: the low 24 bits of random() times 2**-24. */
  uniformFloat(): number {
    return (this.mt.next32() & 0xffffff) / 16777216;
  }

  /** `uniform_real_distribution<double>(0, 1)`: the low 53 bits of random64() times 2**-53. */
  uniformDouble(): number {
    const [hi, lo] = this.random64();
    return ((hi & 0x1fffff) * 4294967296 + lo) / 9007199254740992;
  }

  /**
   * `tensor.uniform_(from, to)`: the bounds cast to the tensor's dtype, then
   * x * (to - from) + from in double (CPU's dist_acctype of float is double).
   */
  uniformRange(from: number, to: number, float32: boolean): number {
    if (!float32) return this.uniformDouble() * (to - from) + from;
    const f = fr(from), t = fr(to);
    return fr(this.uniformFloat() * fr(t - f) + f);
  }

  /** `at::normal_distribution<double>(0, 1)`: Box-Muller on two uniform doubles, sin half cached. */
  normalDouble(): number {
    if (this.nextDoubleNormal !== null) {
      const v = this.nextDoubleNormal;
      this.nextDoubleNormal = null;
      return v;
    }
    const u1 = this.uniformDouble(), u2 = this.uniformDouble();
    const r = Math.sqrt(-2 * log(1 - u2));
    const theta = 2 * Math.PI * u1;
    this.nextDoubleNormal = r * glibcSin(theta);
    return r * glibcCos(theta);
  }

  /** The kernel's per-element path (small or non-contiguous tensors): normal_distribution<double>. */
  normalSerial(n: number, mean = 0, std = 1): Float64Array {
    const out = allocateFloat64(n);
    for (let i = 0; i < n; i++) out[i] = fma(this.normalDouble(), std, mean);
    return out;
  }

  /** `random_from_to`: (random() or, for spans of 2**32 or more, random64()) mod span, plus low. */
  randomFromTo(low: number, span: number): number {
    if (span < 2 ** 32) return low + (this.mt.next32() % span);
    const [hi, lo] = this.random64();
    return low + Number(((BigInt(hi) << 32n) | BigInt(lo)) % BigInt(span));
  }

  /**
   * torch's normal kernel for a contiguous block of `n` values: under 16 values each is a
   * normal_distribution<double> draw; from 16 on, normal_fill fills uniforms, Box-Muller
   * transforms them in blocks of 16 and, when n is not a multiple of 16, redraws the last 16
   * uniforms and transforms them again. float32 runs the AVX2 kernel (./avxMathfun).
   */
  normalFill(n: number, float32: boolean, mean = 0, std = 1): Float64Array {
    if (n < 16) return this.normalSerial(n, mean, std);
    const out = allocateFloat64(n);
    const uniform = float32 ? () => this.uniformFloat() : () => this.uniformDouble();
    const block = float32 ? normalFill16Avx2 : boxMuller16Double;
    for (let i = 0; i < n; i++) out[i] = uniform();
    for (let i = 0; i + 16 <= n; i += 16) block(out, i, mean, std);
    if (n % 16 !== 0) {
      for (let i = n - 16; i < n; i++) out[i] = uniform();
      block(out, n - 16, mean, std);
    }
    return out;
  }
}

/**
 * normal_fill_16 for double: double arithmetic, glibc's log, sin and cos; GCC fuses
 * `radius * cos(theta) * std + mean` into one fma.
 */
function boxMuller16Double(d: Float64Array, o: number, mean: number, std: number): void {
  for (let j = 0; j < 8; j++) {
    const u1 = 1 - d[o + j], u2 = d[o + j + 8];
    const radius = Math.sqrt(-2 * log(u1));
    const theta = 2 * Math.PI * u2;
    d[o + j] = fma(radius * glibcCos(theta), std, mean);
    d[o + j + 8] = fma(radius * glibcSin(theta), std, mean);
  }
}

/** The process-wide default CPU generator (`torch.default_generator`). */
export const defaultGenerator = new TorchGenerator();
