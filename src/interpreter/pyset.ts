// Python's set with CPython 3.11's iteration order: an open-addressing table transcribed from
// Objects/setobject.c (linear probes, perturbation, resize policy, dummies), so `print({3, 1, 2})`
// shows `{1, 2, 3}` and sets of ints, floats and tuples iterate exactly as CPython's do.
// Also CPython's hash functions for those types. Membership uses a Map on an identity key
// supplied by the caller (objects.ts `hashKey`); this file knows nothing of Python objects.

const LINEAR_PROBES = 9;
const MINSIZE = 8;
const DUMMY: unique symbol = Symbol('dummy');
type Slot = unknown;

const MASK64 = (1n << 64n) - 1n;

export class PySet {
  /** identity key → slot index */
  private index = new Map<unknown, number>();
  private keys: (Slot | typeof DUMMY | undefined)[] = new Array(MINSIZE);
  private vals: unknown[] = new Array(MINSIZE);
  private hashes: bigint[] = new Array(MINSIZE);
  private mask = MINSIZE - 1;
  private fill = 0;
  private used = 0;
  private finger = 0;
  /** Bumped on every structural change (for "Set changed size during iteration"). */
  version = 0;

  constructor(readonly frozen = false) {}

  get size(): number { return this.used; }

  has(key: unknown): boolean { return this.index.has(key); }

  /** The stored value for an identity key (the first-inserted equal value, as Python keeps). */
  get(key: unknown): unknown { const i = this.index.get(key); return i === undefined ? undefined : this.vals[i]; }

  add(key: unknown, value: unknown, hash: bigint): void {
    if (this.index.has(key)) return;
    this.version++;
    const mask = this.mask;
    let perturb = BigInt.asUintN(64, hash);
    let i = Number(perturb & BigInt(mask));
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        if (this.keys[j] === undefined) {
          this.keys[j] = key; this.vals[j] = value; this.hashes[j] = hash;
          this.index.set(key, j);
          this.fill++; this.used++;
          if (this.fill * 5 >= mask * 3) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
          return;
        }
        j++;
      } while (probes-- > 0);
      perturb >>= 5n;
      i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
    }
  }

  discard(key: unknown): boolean {
    const j = this.index.get(key);
    if (j === undefined) return false;
    this.version++;
    this.index.delete(key);
    this.keys[j] = DUMMY; this.vals[j] = undefined; this.hashes[j] = -1n;
    this.used--;
    return true;
  }

  pop(): unknown {
    if (this.used === 0) return undefined;
    let j = this.finger & this.mask;
    while (this.keys[j] === undefined || this.keys[j] === DUMMY) {
      j++;
      if (j > this.mask) j = 0;
    }
    const v = this.vals[j];
    this.index.delete(this.keys[j]);
    this.keys[j] = DUMMY; this.vals[j] = undefined; this.hashes[j] = -1n;
    this.used--;
    this.finger = j + 1;
    this.version++;
    return v;
  }

  clear(): void {
    this.index.clear();
    this.keys = new Array(MINSIZE); this.vals = new Array(MINSIZE); this.hashes = new Array(MINSIZE);
    this.mask = MINSIZE - 1; this.fill = 0; this.used = 0; this.finger = 0;
    this.version++;
  }

  private resize(minused: number): void {
    let newsize = MINSIZE;
    while (newsize <= minused) newsize <<= 1;
    const ok = this.keys, ov = this.vals, oh = this.hashes;
    this.keys = new Array(newsize); this.vals = new Array(newsize); this.hashes = new Array(newsize);
    this.mask = newsize - 1;
    this.fill = this.used;
    this.index.clear();
    for (let j = 0; j < ok.length; j++) {
      const k = ok[j];
      if (k !== undefined && k !== DUMMY) this.insertClean(k, ov[j], oh[j]);
    }
  }

  private insertClean(key: unknown, value: unknown, hash: bigint): void {
    const mask = this.mask;
    let perturb = BigInt.asUintN(64, hash);
    let i = Number(perturb & BigInt(mask));
    for (;;) {
      if (this.keys[i] === undefined) { this.place(i, key, value, hash); return; }
      if (i + LINEAR_PROBES <= mask) {
        for (let j = 1; j <= LINEAR_PROBES; j++) {
          if (this.keys[i + j] === undefined) { this.place(i + j, key, value, hash); return; }
        }
      }
      perturb >>= 5n;
      i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
    }
  }

  private place(j: number, key: unknown, value: unknown, hash: bigint): void {
    this.keys[j] = key; this.vals[j] = value; this.hashes[j] = hash;
    this.index.set(key, j);
  }

  /** `set_merge`: adds every element of `other` the way CPython's set(other)/update(other) does. */
  merge(other: PySet): void {
    if (other === this || other.used === 0) return;
    this.version++;
    if ((this.fill + other.used) * 5 >= this.mask * 3) this.resize((this.used + other.used) * 2);
    if (this.fill === 0 && this.mask === other.mask && other.fill === other.used) {
      for (let j = 0; j <= other.mask; j++) {
        const k = other.keys[j];
        if (k !== undefined) this.place(j, k, other.vals[j], other.hashes[j]);
      }
      this.fill = other.fill; this.used = other.used;
      return;
    }
    if (this.fill === 0) {
      this.fill = other.used; this.used = other.used;
      for (let j = 0; j <= other.mask; j++) {
        const k = other.keys[j];
        if (k !== undefined && k !== DUMMY) this.insertClean(k, other.vals[j], other.hashes[j]);
      }
      return;
    }
    for (const [k, v, h] of other.entries()) this.add(k, v, h);
  }

  /** Pre-sizes for `n` incoming keys, as set_update_internal does for a dict argument. */
  reserve(n: number): void {
    if ((this.fill + n) * 5 >= this.mask * 3) this.resize((this.used + n) * 2);
  }

  /** [key, value, hash] in table order. */
  *entries(): Generator<[unknown, unknown, bigint]> {
    for (let j = 0; j < this.keys.length; j++) {
      const k = this.keys[j];
      if (k !== undefined && k !== DUMMY) yield [k, this.vals[j], this.hashes[j]];
    }
  }

  values(): unknown[] {
    const out: unknown[] = [];
    for (let j = 0; j < this.keys.length; j++) {
      const k = this.keys[j];
      if (k !== undefined && k !== DUMMY) out.push(this.vals[j]);
    }
    return out;
  }
}

// ---- CPython's hashes ---------------------------------------------------------------------

const MODULUS = (1n << 61n) - 1n;

const fixMinus1 = (h: bigint): bigint => (h === -1n ? -2n : h);

export function hashInt(n: number | bigint): bigint {
  if (typeof n === 'number' && Math.abs(n) < 2 ** 52) return fixMinus1(BigInt(n));
  const b = BigInt(n);
  const neg = b < 0n;
  const r = (neg ? -b : b) % MODULUS;
  return fixMinus1(neg ? -r : r);
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

export function hashFloat(x: number): bigint {
  if (Number.isNaN(x)) return 0n;
  if (x === Infinity) return 314159n;
  if (x === -Infinity) return -314159n;
  if (Number.isInteger(x)) return hashInt(BigInt(x));
  F64[0] = Math.abs(x);
  const hi = U32[1], lo = U32[0];
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (bexp === 0) e = -1074;
  else { mant |= 1n << 52n; e = bexp - 1075; }
  const k = ((e % 61) + 61) % 61;
  let r = ((mant % MODULUS) << BigInt(k)) % MODULUS;
  if (x < 0) r = -r;
  return fixMinus1(r);
}

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

export function hashTuple(items: readonly bigint[]): bigint {
  let acc = XXPRIME_5;
  for (const h of items) {
    const lane = BigInt.asUintN(64, h);
    acc = (acc + lane * XXPRIME_2) & MASK64;
    acc = ((acc << 31n) | (acc >> 33n)) & MASK64;
    acc = (acc * XXPRIME_1) & MASK64;
  }
  acc = (acc + (BigInt(items.length) ^ (XXPRIME_5 ^ 3527539n))) & MASK64;
  if (acc === MASK64) return 1546275796n;
  return BigInt.asIntN(64, acc);
}

/** A deterministic stand-in for CPython's randomised str hash (FNV-1a, 64-bit). */
export function hashStr(s: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = (h * 0x100000001b3n) & MASK64;
  }
  return fixMinus1(BigInt.asIntN(64, h));
}
