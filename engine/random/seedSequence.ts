// NumPy 1.24's SeedSequence (numpy/random/bit_generator.pyx): entropy (an int of any size
// or a sequence of them) → uint32 words → the 4-word pool via hashmix/mix, and
// `generate_state(n, uint32|uint64)`. Spawn keys are supported for completeness. Entropy
// from the OS (`entropy=None`) comes from crypto.getRandomValues, so it is not
// reproducible, exactly as in NumPy. No bit generator lives here.

import { NumpyError, typeError, valueError } from '../core/errors';

const DEFAULT_POOL_SIZE = 4;
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const XSHIFT = 16;

/** A Python int (number or bigint) or a nested sequence of them. */
export type Entropy = number | bigint | readonly Entropy[];

function intToWords(n: number | bigint): number[] {
  let v = typeof n === 'bigint' ? n : BigInt(n);
  if (v < 0n) throw valueError('expected non-negative integer');
  if (v === 0n) return [0];
  const out: number[] = [];
  while (v > 0n) {
    out.push(Number(v & 0xffffffffn));
    v >>= 32n;
  }
  return out;
}

/** `_coerce_to_uint32_array`. */
export function coerceToWords(x: Entropy): number[] {
  if (typeof x === 'number') {
    if (!Number.isInteger(x)) throw typeError('seed must be integer');
    return intToWords(x);
  }
  if (typeof x === 'bigint') return intToWords(x);
  return x.flatMap(coerceToWords);
}

export class SeedSequence {
  readonly pool: Uint32Array;
  readonly entropy: Entropy;

  constructor(entropy: Entropy | null = null, readonly spawnKey: readonly number[] = [], readonly poolSize = DEFAULT_POOL_SIZE) {
    if (poolSize < DEFAULT_POOL_SIZE) {
      throw valueError(`The size of the entropy pool should be at least ${DEFAULT_POOL_SIZE}`);
    }
    this.entropy = entropy ?? osEntropy(poolSize);
    this.pool = new Uint32Array(poolSize);
    this.mixEntropy(this.assembledEntropy());
  }

  private assembledEntropy(): number[] {
    let run = coerceToWords(this.entropy);
    const spawn = coerceToWords(this.spawnKey);
    if (spawn.length > 0 && run.length < this.poolSize) {
      run = [...run, ...new Array<number>(this.poolSize - run.length).fill(0)];
    }
    return [...run, ...spawn];
  }

  private mixEntropy(entropy: readonly number[]): void {
    const mixer = this.pool;
    let hashConst = INIT_A;
    const hashmix = (value: number): number => {
      value = (value ^ hashConst) >>> 0;
      hashConst = Math.imul(hashConst, MULT_A) >>> 0;
      value = Math.imul(value, hashConst) >>> 0;
      return (value ^ (value >>> XSHIFT)) >>> 0;
    };
    const mix = (x: number, y: number): number => {
      const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
      return (r ^ (r >>> XSHIFT)) >>> 0;
    };
    const n = mixer.length;
    for (let i = 0; i < n; i++) mixer[i] = hashmix(i < entropy.length ? entropy[i] : 0);
    for (let src = 0; src < n; src++) {
      for (let dst = 0; dst < n; dst++) {
        if (src !== dst) mixer[dst] = mix(mixer[dst], hashmix(mixer[src]));
      }
    }
    for (let src = n; src < entropy.length; src++) {
      for (let dst = 0; dst < n; dst++) mixer[dst] = mix(mixer[dst], hashmix(entropy[src]));
    }
  }

  /**
   * `generate_state(n_words, dtype)`: uint32 words; for 'uint64', 2*n words where word 2i is
   * the low half and 2i+1 the high half of the i-th uint64 (NumPy's little-endian view).
   */
  generateState(nWords: number, dtype: 'uint32' | 'uint64' = 'uint32'): Uint32Array {
    const n = dtype === 'uint64' ? 2 * nWords : nWords;
    const out = new Uint32Array(n);
    let hashConst = INIT_B;
    const pool = this.pool;
    for (let i = 0; i < n; i++) {
      let v = (pool[i % pool.length] ^ hashConst) >>> 0;
      hashConst = Math.imul(hashConst, MULT_B) >>> 0;
      v = Math.imul(v, hashConst) >>> 0;
      out[i] = (v ^ (v >>> XSHIFT)) >>> 0;
    }
    return out;
  }

  spawn(nChildren: number, alreadySpawned = 0): SeedSequence[] {
    const out: SeedSequence[] = [];
    for (let i = alreadySpawned; i < alreadySpawned + nChildren; i++) {
      out.push(new SeedSequence(this.entropy, [...this.spawnKey, i], this.poolSize));
    }
    return out;
  }
}

function osEntropy(poolSize: number): bigint {
  const words = new Uint32Array(poolSize);
  globalThis.crypto.getRandomValues(words);
  let v = 0n;
  for (let i = words.length - 1; i >= 0; i--) v = (v << 32n) | BigInt(words[i]);
  return v;
}

/** `SeedSequence(entropy)` argument checking, with NumPy's texts. */
export function checkEntropy(x: unknown): Entropy | null {
  if (x === null || x === undefined) return null;
  if (typeof x === 'bigint') return x;
  if (typeof x === 'number') {
    if (!Number.isInteger(x)) throw new NumpyError('TypeError', `SeedSequence expects int or sequence of ints for entropy not ${x}`);
    return x;
  }
  if (Array.isArray(x)) return x.map((e) => checkEntropyItem(e));
  throw new NumpyError('TypeError', `SeedSequence expects int or sequence of ints for entropy not ${String(x)}`);
}

function checkEntropyItem(x: unknown): Entropy {
  if (typeof x === 'bigint') return x;
  if (typeof x === 'number') {
    if (!Number.isInteger(x)) throw typeError('seed must be integer');
    return x;
  }
  if (Array.isArray(x)) return x.map((e) => checkEntropyItem(e));
  throw typeError('seed must be integer');
}
