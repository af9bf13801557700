// Scalar helpers that ufunc kernel expressions call, each a transcription of NumPy's
// npymath/loops C (npy_divmod, npy_remainder, npy_lshift, rint…). Pure functions of
// numbers; the loops themselves are compiled in kernels.ts.

/** npy_floor_divide for floats (NumPy's divmod-based floor division). */
function fdivF(a: number, b: number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && (b < 0) !== (mod < 0)) div -= 1;
  if (div === 0) return copySign(0, a / b);
  let fd = Math.floor(div);
  if (div - fd > 0.5) fd += 1;
  return fd;
}

function copySign(x: number, y: number): number {
  const neg = y < 0 || Object.is(y, -0);
  return neg ? -Math.abs(x) : Math.abs(x);
}

/** npy_remainder for floats: result has the sign of the divisor. */
function remF(a: number, b: number): number {
  if (b === 0) return NaN;
  let mod = a % b;
  if (mod !== 0) {
    if ((b < 0) !== (mod < 0)) mod += b;
  } else {
    mod = copySign(0, b);
  }
  return mod;
}

/** Integer floor division; x // 0 is 0 in NumPy (with a RuntimeWarning). `+ 0`: 0 // -5 is 0, never -0 (int64 is stored in doubles). */
function fdivI(a: number, b: number): number {
  if (b === 0) return 0;
  return Math.floor(a / b) + 0;
}

/** Integer remainder with Python's sign rule; x % 0 is 0. */
function remI(a: number, b: number): number {
  if (b === 0) return 0;
  const r = a % b;
  return r !== 0 && (r < 0) !== (b < 0) ? r + b : r === 0 ? 0 : r;
}

/** Integer power by squaring, wrapping at `bits` like C integer arithmetic. */
function powI(a: number, b: number, bits: number, signed: boolean): number {
  if (b < 0) return 0; // rejected before the loop (NumPy's ValueError)
  let base = BigInt(a), e = BigInt(b), r = 1n;
  const wrap = (x: bigint) => (signed ? BigInt.asIntN(bits, x) : BigInt.asUintN(bits, x));
  if (Math.abs(a) <= 1 || b < 64) {
    // fast path in doubles while exact
    const p = Math.pow(a, b);
    if (Number.isSafeInteger(p)) return Number(wrap(BigInt(p)));
  }
  while (e > 0n) {
    if (e & 1n) r = wrap(r * base);
    base = wrap(base * base);
    e >>= 1n;
  }
  return Number(r);
}

/** Round half to even (C rint under the default rounding mode). */
function rint(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x);
  if (Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0) return r - 1;
  return r === 0 ? copySign(0, x) : r;
}

function signF(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : NaN;
}

/** npy_lshift / npy_rshift: shifts of `bits` or more give 0 (or -1 for negative >>). */
function shl(a: number, b: number, bits: number): number {
  if (b < 0 || b >= bits) return 0;
  return a * 2 ** b;
}
function shr(a: number, b: number, bits: number): number {
  if (b < 0 || b >= bits) return a < 0 ? -1 : 0;
  return Math.floor(a / 2 ** b);
}

const I32_MIN = -(2 ** 31), I32_MAX = 2 ** 31 - 1;
const in32 = (x: number) => x >= I32_MIN && x <= I32_MAX;

/** Bitwise ops on 64-bit ints stored as doubles (JS bitwise ops are 32-bit). */
function and64(a: number, b: number): number {
  return in32(a) && in32(b) ? a & b : Number(BigInt.asIntN(64, BigInt(a) & BigInt(b)));
}
function or64(a: number, b: number): number {
  return in32(a) && in32(b) ? a | b : Number(BigInt.asIntN(64, BigInt(a) | BigInt(b)));
}
function xor64(a: number, b: number): number {
  return in32(a) && in32(b) ? a ^ b : Number(BigInt.asIntN(64, BigInt(a) ^ BigInt(b)));
}

/** C pow: pow(1, y) and pow(x, ±0) are 1 even for NaN, pow(-1, ±inf) is 1. */
function powF(a: number, b: number): number {
  if (a === 1 || b === 0) return 1;
  if (a === -1 && (b === Infinity || b === -Infinity)) return 1;
  return Math.pow(a, b);
}

/** int64/uint64 + and * that wrap like C once the exact result leaves the double-safe range. */
function add64(a: number, b: number): number {
  const s = a + b;
  return Number.isSafeInteger(s) ? s : Number(BigInt.asIntN(64, BigInt(a) + BigInt(b)));
}
function addU64(a: number, b: number): number {
  const s = a + b;
  return Number.isSafeInteger(s) && s >= 0 ? s : Number(BigInt.asUintN(64, BigInt(a) + BigInt(b)));
}
function mul64(a: number, b: number): number {
  const p = a * b;
  return Number.isSafeInteger(p) ? p + 0 : Number(BigInt.asIntN(64, BigInt(a) * BigInt(b)));
}
function mulU64(a: number, b: number): number {
  const p = a * b;
  return Number.isSafeInteger(p) ? p + 0 : Number(BigInt.asUintN(64, BigInt(a) * BigInt(b)));
}

/** Stores of a float result into an int output (unsafe casting, e.g. mean(dtype=int8)). */
function f2i32(x: number): number { return Math.abs(x) < 2147483648 ? Math.trunc(x) : -2147483648; }
function f2i64(x: number): number { return Math.abs(x) < 9223372036854775808 ? Math.trunc(x) + 0 : -9223372036854775808; }

export const KERNEL_HELPERS = {
  add64, addU64, mul64, mulU64, f2i32, f2i64,
  fdivF, remF, fdivI, remI, powI, rint, signF, shl, shr, and64, or64, xor64, copySign, powF,
};
