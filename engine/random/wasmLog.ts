// glibc's `log` fast paths, inline in WebAssembly, for the legacy gaussian kernel
// (wasmMt19937.ts): the same code as libm.ts's `log` and `logNear1` — table lookup or the
// near-1 polynomial, the fma-free tail and its error bound — operation for operation, so a
// result it accepts has the same bits. It makes no calls (a call in the kernel's hot loop
// costs more than the rare cases it serves): when the bound cannot prove the last bit, or
// the input is zero, subnormal or not finite, it says so, and the kernel finishes that value
// later with libm.ts's `log`.

import { block, br, f64, f64Load, get, i32, i64, ifElse, ifThen, Op, set, tee, ValType } from '../wasm/encoder';
import { LOG_INVC_SPLIT, LOG_TABLE } from './wasmLayout';
import { LOG_LN2HI, LOG_LN2LO, LOG_POLY, LOG_POLY1 } from './tables';

const [A0, A1, A2, A3, A4] = LOG_POLY;
const [, B1, B2, B3, B4, B5, B6, B7, B8, B9, B10] = LOG_POLY1;
const SPLIT = 134217729; // 2**27 + 1, Veltkamp's splitter
/** The tails' error bound relative to their terms: 2**-47, a margin of 8 over the analysis in libm.ts. */
const EPS = 7.105427357601002e-15;

/** The temporaries `logInline` needs, in order from its `first` local. */
export const LOG_INLINE_LOCALS: readonly ValType[] = ['i64', 'i64', 'i32', ...Array<ValType>(17).fill('f64')];

/**
 * libm.ts's `log` of local `x` into local `res`, setting i32 local `ok` to 1 when `res` is
 * glibc's result and to 0 when the caller must compute it otherwise. Uses LOG_INLINE_LOCALS
 * from local `first` on.
 */
export function logInline(x: number, res: number, ok: number, first: number): number[] {
  const [ix, tmp, i16, z, t, zh, zl, pr, r, kd, w, hi, kl, lo, r2, q, r3, p, v, eps] = LOG_INLINE_LOCALS.map((_, k) => first + k);
  const tab = (base: number, k: number): number[] => [...get(i16), ...f64Load(base + 8 * k)];
  const abs = (l: number): number[] => [...get(l), Op.f64Abs];
  // res = hi + (v - eps), accepted when hi + (v + eps) rounds the same
  const accept = (): number[][] => [
    get(hi), get(v), get(eps), [Op.f64Sub], [Op.f64Add], tee(res),
    get(hi), get(v), get(eps), [Op.f64Add], [Op.f64Add], [Op.f64Eq], set(ok),
  ];
  return block(
    get(x), f64(0.9375), [Op.f64Ge], get(x), f64(1.064697265625), [Op.f64Lt], [Op.i32And],
    ifThen(...near1(x, res, ok, { r, r2, r3, p19: p, w, rhi: zh, sq: q, hi, c: kl, lo, v, eps }, accept), br(1)),
    get(x), [Op.i64ReinterpretF64], tee(ix),
    // top = ix >> 48; top - 0x10 >= 0x7ff0 - 0x10 (unsigned): zero, subnormal, negative, inf, nan
    i64(48n), [Op.i64ShrU], [Op.i32WrapI64], i32(0x10), [Op.i32Sub], i32(0x7ff0 - 0x10), [Op.i32GeU],
    ifThen(i32(0), set(ok), br(1)),
    get(ix), i64(0x3fe6000000000000n), [Op.i64Sub], set(tmp),
    // i = (tmp >> 45) & 127, as a byte offset of a 16-byte table pair
    get(tmp), i64(45n), [Op.i64ShrU], [Op.i32WrapI64], i32(127), [Op.i32And], i32(4), [Op.i32Shl], set(i16),
    get(ix), get(tmp), i64(0xfff0000000000000n), [Op.i64And], [Op.i64Sub], [Op.f64ReinterpretI64], set(z),
    get(tmp), i64(52n), [Op.i64ShrS], [Op.i32WrapI64], [Op.f64ConvertI32S], set(kd),
    // r = fma(invc, z, -1) exactly, from Dekker's product (see libm.ts)
    f64(SPLIT), get(z), [Op.f64Mul], set(t),
    get(t), get(t), get(z), [Op.f64Sub], [Op.f64Sub], set(zh),
    get(z), get(zh), [Op.f64Sub], set(zl),
    tab(LOG_TABLE, 0), get(z), [Op.f64Mul], set(pr),
    get(pr), f64(1), [Op.f64Sub],
    tab(LOG_INVC_SPLIT, 0), get(zh), [Op.f64Mul], get(pr), [Op.f64Sub],
    tab(LOG_INVC_SPLIT, 0), get(zl), [Op.f64Mul], [Op.f64Add],
    tab(LOG_INVC_SPLIT, 1), get(zh), [Op.f64Mul], [Op.f64Add],
    tab(LOG_INVC_SPLIT, 1), get(zl), [Op.f64Mul], [Op.f64Add],
    [Op.f64Add], set(r),
    get(kd), f64(LOG_LN2HI), [Op.f64Mul], tab(LOG_TABLE, 1), [Op.f64Add], set(w),
    get(r), get(w), [Op.f64Add], set(hi),
    get(kd), f64(LOG_LN2LO), [Op.f64Mul], set(kl),
    get(kl), get(w), get(hi), [Op.f64Sub], get(r), [Op.f64Add], [Op.f64Add], set(lo),
    get(r), get(r), [Op.f64Mul], set(r2),
    get(r2), f64(A0), [Op.f64Mul], get(lo), [Op.f64Add], set(q),
    get(r), get(r2), [Op.f64Mul], set(r3),
    get(r), f64(A4), [Op.f64Mul], f64(A3), [Op.f64Add], get(r2), [Op.f64Mul],
    get(r), f64(A2), [Op.f64Mul], f64(A1), [Op.f64Add], [Op.f64Add], set(p),
    get(r3), get(p), [Op.f64Mul], get(q), [Op.f64Add], set(v),
    abs(r3), abs(kl), [Op.f64Add], abs(lo), [Op.f64Add], abs(q), [Op.f64Add], abs(v), [Op.f64Add],
    f64(EPS), [Op.f64Mul], set(eps),
    ...accept(),
  );
}

interface Near1Locals { r: number; r2: number; r3: number; p19: number; w: number; rhi: number; sq: number; hi: number; c: number; lo: number; v: number; eps: number }

/** libm.ts's `logNear1` for 0.9375 <= x < 1.064697265625, into `res`/`ok` as `logInline`. */
function near1(x: number, res: number, ok: number, L: Near1Locals, accept: () => number[][]): number[][] {
  const { r, r2, r3, p19, w, rhi, sq, hi, c, lo, v, eps } = L;
  const poly = (a: number, ca: number, b: number, cb: number, c0: number): number[] =>
    [...get(a), ...f64(ca), Op.f64Mul, ...get(b), ...f64(cb), Op.f64Mul, ...f64(c0), Op.f64Add, Op.f64Add];
  const abs = (l: number): number[] => [...get(l), Op.f64Abs];
  return [
    get(x), f64(1), [Op.f64Eq],
    ifElse([f64(0), set(res), i32(1), set(ok)], [
      get(x), f64(1), [Op.f64Sub], set(r),
      get(r), get(r), [Op.f64Mul], set(r2),
      get(r), get(r2), [Op.f64Mul], set(r3),
      // p15 = r3*B10 + (r2*B9 + (r*B8 + B7)); p19 = (p15*r3 + p9)*r3 + p5
      get(r3), f64(B10), [Op.f64Mul], poly(r2, B9, r, B8, B7), [Op.f64Add],
      get(r3), [Op.f64Mul], poly(r2, B6, r, B5, B4), [Op.f64Add],
      get(r3), [Op.f64Mul], poly(r2, B3, r, B2, B1), [Op.f64Add], set(p19),
      get(r), f64(134217728), [Op.f64Mul], set(w),
      get(r), get(w), [Op.f64Add], get(w), [Op.f64Sub], set(rhi),
      get(rhi), get(rhi), [Op.f64Mul], set(sq),
      get(r), get(sq), f64(-0.5), [Op.f64Mul], [Op.f64Add], set(hi),
      // c = (r - rhi) * -0.5 * (r + rhi); lo = c + ((r - hi) + sq * -0.5)
      get(r), get(rhi), [Op.f64Sub], f64(-0.5), [Op.f64Mul], get(r), get(rhi), [Op.f64Add], [Op.f64Mul], set(c),
      get(c), get(r), get(hi), [Op.f64Sub], get(sq), f64(-0.5), [Op.f64Mul], [Op.f64Add], [Op.f64Add], set(lo),
      get(p19), get(r3), [Op.f64Mul], get(lo), [Op.f64Add], set(v),
      abs(r3), abs(c), [Op.f64Add], abs(lo), [Op.f64Add], abs(v), [Op.f64Add], f64(EPS), [Op.f64Mul], set(eps),
      ...accept(),
    ]),
  ];
}
