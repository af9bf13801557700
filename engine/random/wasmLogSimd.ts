// wasmLog.ts's main path for two inputs at once (f64x2), for the legacy gaussian kernel's
// log loop (wasmMt19937.ts): the same operations lane by lane, so each lane gets the bits
// the scalar code gives; the table lookups are per lane. The caller sends only inputs the
// main path covers (normal, positive, not near 1) and falls back to the scalar code for both
// lanes when either lane's error bound cannot prove the last bit.

import { f64Load, f64x2, f64x2Replace, get, i32, i64, i64x2Extract, Op, set, Simd, tee, ValType } from '../wasm/encoder';
import { LOG_INVC_SPLIT, LOG_TABLE } from './wasmLayout';
import { LOG_LN2HI, LOG_LN2LO, LOG_POLY } from './tables';

const [A0, A1, A2, A3, A4] = LOG_POLY;
const SPLIT = 134217729;
const EPS = 7.105427357601002e-15;

/** The temporaries `logLanes` needs, in order from its `first` local. */
export const LOG_LANES_LOCALS: readonly ValType[] = ['i64', 'i64', 'i32', 'i32', ...Array<ValType>(20).fill('v128')];

/**
 * log of both lanes of v128 local `x` into v128 local `res`, and i32 local `ok` = 1 when both
 * lanes' bounds hold (else `res` is not to be used). Uses LOG_LANES_LOCALS from `first` on.
 */
export function logLanes(x: number, res: number, ok: number, first: number): number[] {
  const [t0, t1, o0, o1, tmp, z, t, zh, zl, pr, r, kd, w, hi, kl, lo, r2, q, r3, p, v, eps, invc, logc] =
    LOG_LANES_LOCALS.map((_, k) => first + k);
  const S = Simd;
  const add = S.f64x2Add, sub = S.f64x2Sub, mul = S.f64x2Mul;
  // a vector of table[i] for each lane's byte offset o0/o1
  const lanes = (base: number): number[][] => [get(o0), f64Load(base), S.f64x2Splat, get(o1), f64Load(base), f64x2Replace(1)];
  const lane = (tl: number, off: number): number[][] => [get(tmp), i64x2Extract(off), tee(tl)];
  const abs = (l: number): number[] => [...get(l), ...S.f64x2Abs];
  return [
    get(x), i64x2c(0x3fe6000000000000n), S.i64x2Sub, set(tmp),
    // per lane: the table offset ((tmp >> 45) & 127) * 16 and k = tmp >> 52 (arithmetic)
    ...lane(t0, 0), i64(45n), [Op.i64ShrU], [Op.i32WrapI64], i32(127), [Op.i32And], i32(4), [Op.i32Shl], set(o0),
    ...lane(t1, 1), i64(45n), [Op.i64ShrU], [Op.i32WrapI64], i32(127), [Op.i32And], i32(4), [Op.i32Shl], set(o1),
    get(t0), i64(52n), [Op.i64ShrS], [Op.i32WrapI64], [Op.f64ConvertI32S], S.f64x2Splat,
    get(t1), i64(52n), [Op.i64ShrS], [Op.i32WrapI64], [Op.f64ConvertI32S], f64x2Replace(1), set(kd),
    get(x), get(tmp), i64x2c(0xfff0000000000000n), S.v128And, S.i64x2Sub, set(z),
    ...lanes(LOG_TABLE), set(invc),
    ...lanes(LOG_TABLE + 8), set(logc),
    // r = fma(invc, z, -1) exactly, from Dekker's product (see libm.ts)
    f64x2(SPLIT), get(z), mul, set(t),
    get(t), get(t), get(z), sub, sub, set(zh),
    get(z), get(zh), sub, set(zl),
    get(invc), get(z), mul, set(pr),
    get(pr), f64x2(1), sub,
    ...lanes(LOG_INVC_SPLIT), set(t), get(t), get(zh), mul, get(pr), sub,
    get(t), get(zl), mul, add,
    ...lanes(LOG_INVC_SPLIT + 8), set(t), get(t), get(zh), mul, add,
    get(t), get(zl), mul, add,
    add, set(r),
    get(kd), f64x2(LOG_LN2HI), mul, get(logc), add, set(w),
    get(r), get(w), add, set(hi),
    get(kd), f64x2(LOG_LN2LO), mul, set(kl),
    get(kl), get(w), get(hi), sub, get(r), add, add, set(lo),
    get(r), get(r), mul, set(r2),
    get(r2), f64x2(A0), mul, get(lo), add, set(q),
    get(r), get(r2), mul, set(r3),
    get(r), f64x2(A4), mul, f64x2(A3), add, get(r2), mul,
    get(r), f64x2(A2), mul, f64x2(A1), add, add, set(p),
    get(r3), get(p), mul, get(q), add, set(v),
    abs(r3), abs(kl), add, abs(lo), add, abs(q), add, abs(v), add, f64x2(EPS), mul, set(eps),
    get(hi), get(v), get(eps), sub, add, tee(res),
    get(hi), get(v), get(eps), add, add, S.f64x2Eq, S.i64x2AllTrue, set(ok),
  ].flat();
}

/** A v128 constant with the same u64 in both lanes. */
function i64x2c(v: bigint): number[] {
  const b: number[] = [];
  for (let k = 0n; k < 8n; k++) b.push(Number((v >> (8n * k)) & 0xffn));
  return [0xfd, 0x0c, ...b, ...b];
}
